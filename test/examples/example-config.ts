import * as pulumi from "@pulumi/pulumi";

/** Stack configuration the examples read, as `pulumi config set` would give it (project aws-cicd-test). */
export const PROD_ACCOUNT = "210987654321";
export const BOOTSTRAP_ROLE = `arn:aws:iam::${PROD_ACCOUNT}:role/pulumi-bootstrap`;
export const DEVELOPERS = "arn:aws:iam::444455556666:role/developers";

const EXAMPLE_CONFIG: Record<string, Record<string, string>> = {
  "cross-account": {
    "aws-cicd-test:prodAccountId": PROD_ACCOUNT,
    "aws-cicd-test:prodBootstrapRoleArn": BOOTSTRAP_ROLE,
    "aws-cicd-test:developerRoleArns": JSON.stringify([DEVELOPERS]),
  },
};

/** Sets the configuration an example needs before it runs (a no-op for the others). */
export function configureExample(example: string): void {
  for (const [key, value] of Object.entries(EXAMPLE_CONFIG[example] ?? {})) pulumi.runtime.setConfig(key, value);
}
