import { PROD_TARGET } from "../cross-account/fixtures";
import { COMPONENTS, ComponentName } from "../harness/components";

/**
 * What the bad-input tables share: the components and categories, the case types, and the
 * constants and argument builders the cases are written with. Read by bad-input-cases.ts,
 * bad-input-hostile-cases.ts, bad-input-tool-cases.ts and output-arguments.spec.ts.
 */

/** The components under test, by their exported class name. */
export { COMPONENTS };
export type { ComponentName };

export const CATEGORIES = [
  "name",
  "arn",
  "account id",
  "buildspec",
  "range",
  "stage structure",
  "plaintext secret",
  "conflict",
  // issue 10 (types, principals, secrets, structure, quotas)
  "type",
  "principal",
  "quota",
] as const;
export type Category = (typeof CATEGORIES)[number];

/** One malformed input and what the component must throw for it. */
export interface BadInputCase {
  category: Category;
  component: ComponentName;
  /** Component name; unique in the table. */
  name: string;
  args: unknown;
  /** The exact message. */
  message: string;
  /** The argument the message names, without backticks (a path such as `stages[1].name`). */
  arg: string;
  /**
   * How the message renders the received value. Plaintext credentials are described, not echoed
   * (an error message ends up in CI logs); a conflict's received value is the other argument given.
   */
  received: string;
}

/**
 * A principal or ARN given as an Output that resolves to a bad value: the component is built, but
 * the child resource that would carry the value (`refused`) fails to register with `message`,
 * the plain-string message, which fails the deployment.
 */
export interface OutputCase {
  component: ComponentName;
  /** Component name; unique in the table. */
  name: string;
  args: unknown;
  /** The exact message (the engine prefixes `error serializing property "<input>": `). */
  message: string;
  /** `type/name` of the child that must not be registered, or its type alone for every child of that type. */
  refused: string;
}

/** An input the library does not (yet) reject as the table requires; shown as a skipped test. */
export interface KnownGap {
  component: ComponentName;
  name: string;
  args: unknown;
  reason: string;
}

export const ACCOUNT = "123456789012";
export const TOOLS = "111122223333";
export const ROLE = `arn:aws:iam::${TOOLS}:role/deploy`;
export const KEY = { keyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1111aaaa-22bb-33cc-44dd-555566667777` };
const ONLY_ROLES = "Name the exact role, not an account.";
export const roleMessage = (arg: string, v: string) => `\`${arg}\` must be an IAM role ARN such as "arn:aws:iam::111122223333:role/deploy", got "${v}". ${ONLY_ROLES}`;

export const SOURCE = { codeCommitSource: { repositoryName: "app", repositoryArn: `arn:aws:codecommit:us-east-1:${ACCOUNT}:app` } };
export const sourceWith = (extra: object) => ({ codeCommitSource: { ...SOURCE.codeCommitSource, ...extra } });
export const build = (extra: object = {}) => ({ codeBuild: { projectName: "build", projectArn: `arn:aws:codebuild:us-east-1:${ACCOUNT}:project/build`, ...extra } });
export const pipeline = (stages: object[], extra: object = {}) => ({ stages, ...extra });
export const twoStages = (buildAction: object = build()) => [
  { name: "Source", actions: [SOURCE] },
  { name: "Build", actions: [buildAction] },
];
export const spec = (extra: object) => ({ buildSpec: { version: "0.2", phases: { build: { commands: ["npm test"] } }, ...extra } });
export const phases = (build: object) => spec({ phases: { build } });

/** `CrossAccountDeployRole` arguments deploying to the cross-account fixtures' prod target, with `extra`. */
export const deployRole = (extra: object) => ({
  pipelineRoleArn: `arn:aws:iam::${TOOLS}:role/app-pipeline`,
  artifactBucketArn: "arn:aws:s3:::app-artifacts-1234",
  artifactKeyArn: `arn:aws:kms:eu-west-1:${TOOLS}:key/1111aaaa-22bb-33cc-44dd-555566667777`,
  beanstalkTargets: [PROD_TARGET],
  ...extra,
});
export const FLEET = { instanceType: "t3.micro", subnetIds: ["subnet-0123456789abcdef0"], vpcId: "vpc-0123456789abcdef0" };

export const CREDENTIAL_FIX = "store it in SSM Parameter Store or Secrets Manager and pass `{ parameter: ... }` or `{ secret: ... }`.";
export const SPEC_CREDENTIAL_FIX =
  "store it in Parameter Store or Secrets Manager and reference it from `env.parameter-store` or `env.secrets-manager` instead.";
