// A services file of any size, for the policy-size test and the 200-service benchmark scenario:
// several teams, a tools account and one or more prod accounts, two tiers, every target kind.
import * as YAML from "yaml";
import type { ServicesFile } from "../../packages/aws-cicd/src/platform/services-types";

/** The tools account (the stack's own) and the prod accounts' ids: `2109876543<2 digits>`. */
export const TOOLS_ACCOUNT = "123456789012";
export const prodAccountId = (i: number) => `2109876543${String(10 + i).padStart(2, "0")}`;

/** Teams and the target kind of their services, in turn. */
export const GENERATED_TEAMS = ["payments", "search", "web", "data", "identity"] as const;
/** Target kinds, one per service in turn. */
export const GENERATED_KINDS = ["beanstalk", "ec2Fleet", "lambda"] as const;

const network = (n: string) => ({
  vpcId: `vpc-0${n}23456789abcdef0`,
  privateSubnetIds: [`subnet-0${n}1b2c3d4e5f60003`, `subnet-0${n}1b2c3d4e5f60004`],
  publicSubnetIds: [`subnet-0${n}1b2c3d4e5f60001`, `subnet-0${n}1b2c3d4e5f60002`],
});

function target(kind: string, name: string, tier: "dev" | "prod"): Record<string, unknown> {
  if (kind === "lambda") return { lambda: { functionName: `${name}-${tier}` } };
  if (kind === "ec2Fleet") return { ec2Fleet: tier === "prod" ? { minSize: 2, maxSize: 4 } : {} };
  return { beanstalk: tier === "prod" ? { environmentType: "LoadBalanced", minSize: 2, maxSize: 4 } : {} };
}

/**
 * `services` services named `svc-000`... in turn of {@link GENERATED_TEAMS} and {@link GENERATED_KINDS},
 * each with `dev` in the tools account and `prod` (after an approval) in one of `prodAccounts`
 * other accounts in turn; Lambda services deploy both tiers in the tools account (a `lambda`
 * target deploys in the stack's own account).
 */
export function generatedServicesFile(services: number, prodAccounts = 1): ServicesFile {
  const accounts: ServicesFile["accounts"] = {
    tools: {
      id: TOOLS_ACCOUNT,
      region: "us-east-1",
      network: network("1"),
      logBucket: `central-logs-${TOOLS_ACCOUNT}`,
      certificateArn: `arn:aws:acm:us-east-1:${TOOLS_ACCOUNT}:certificate/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0`,
    },
  };
  for (let a = 0; a < prodAccounts; a++) {
    const id = prodAccountId(a);
    accounts[`prod${a}`] = {
      id,
      region: "us-east-1",
      bootstrapRoleArn: `arn:aws:iam::${id}:role/pulumi-bootstrap`,
      network: network("2"),
      logBucket: `central-logs-${id}`,
      certificateArn: `arn:aws:acm:us-east-1:${id}:certificate/1a2b3c4d-5e6f-4071-8293-a4b5c6d7e8f9`,
    };
  }
  const teams = Object.fromEntries(GENERATED_TEAMS.map((t) => [t, { emails: [`${t}@example.com`] }]));
  const list: ServicesFile["services"] = [];
  for (let i = 0; i < services; i++) {
    const name = `svc-${String(i).padStart(3, "0")}`;
    const kind = GENERATED_KINDS[i % GENERATED_KINDS.length];
    const prodAccount = kind === "lambda" ? "tools" : `prod${i % prodAccounts}`;
    list.push({
      name,
      team: GENERATED_TEAMS[i % GENERATED_TEAMS.length],
      source: { codecommit: {} },
      environments: [
        { name: "dev", account: "tools", target: target(kind, name, "dev") },
        { name: "prod", account: prodAccount, approval: {}, target: target(kind, name, "prod") },
      ],
    } as ServicesFile["services"][number]);
  }
  return { version: 1, preset: { name: "@acme/pipeline-preset", version: "2.0.0" }, accounts, teams, services: list };
}

/** The same as YAML, as a platform team would write it. */
export function generatedServicesYaml(services: number, prodAccounts = 1): string {
  return (
    `# ${services} generated services, ${GENERATED_TEAMS.length} teams, ${prodAccounts + 1} accounts (aws-cicd benchmark and size test).\n` +
    YAML.stringify(generatedServicesFile(services, prodAccounts))
  );
}
