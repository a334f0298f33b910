import * as pulumi from "@pulumi/pulumi";
import { BadInputCase, deployRole, FLEET, OutputCase, TOOLS } from "./bad-input-fixtures";

/** Issue 16's rows of the bad-input table: `ServiceFleet` given the services file as an object. */

const NETWORK = { vpcId: "vpc-0a1b2c3d", privateSubnetIds: ["subnet-0a1b2c3d"] };
/** A valid one-service file, changed by `edit`. */
function file(edit: (f: any) => void): { services: any } {
  const f: any = {
    version: 1,
    accounts: { dev: { id: "123456789012", region: "us-east-1", network: NETWORK } },
    teams: { a: { emails: ["a@example.com"] } },
    services: [
      { name: "web", team: "a", source: { codecommit: {} }, environments: [{ name: "dev", account: "dev", target: { beanstalk: {} } }] },
    ],
  };
  edit(f);
  return { services: f };
}

// prettier-ignore
export const ISSUE_16_CASES: BadInputCase[] = [
  { category: "name", component: "ServiceFleet", name: "fleet-service-name", args: file((f) => (f.services[0].name = "Web_1")), arg: "services", received: '"Web_1"',
    message: '`services`: services[0].name: must match `^[a-z][a-z0-9-]{0,23}$` (Service name), got "Web_1".' },
  { category: "account id", component: "ServiceFleet", name: "fleet-account-id", args: file((f) => (f.accounts.dev.id = "12345")), arg: "services", received: '"12345"',
    message: '`services`: accounts.dev.id: must match `^\\d{12}$` (The 12-digit account id), got "12345".' },
  { category: "arn", component: "ServiceFleet", name: "fleet-bootstrap-role", args: file((f) => (f.accounts.dev.bootstrapRoleArn = "role/x")), arg: "services", received: '"role/x"',
    message: '`services`: accounts.dev.bootstrapRoleArn: must match `^arn:aws[a-z-]*:iam:` (An IAM role ARN), got "role/x".' },
  { category: "range", component: "ServiceFleet", name: "fleet-build-timeout", args: file((f) => (f.services[0].build = { timeoutInMinutes: 3 })), arg: "services", received: "got 3",
    message: "`services`: services[0].build.timeoutInMinutes: must be 5 or more, got 3." },
  { category: "type", component: "ServiceFleet", name: "fleet-file-number", args: { servicesFile: 42 }, arg: "servicesFile", received: "the number 42",
    message: "`servicesFile` must be the path of a YAML file, got the number 42." },
  { category: "conflict", component: "ServiceFleet", name: "fleet-file-and-object", args: { ...file(() => undefined), servicesFile: "services.yml" }, arg: "services", received: "got both",
    message: "Give exactly one of `servicesFile` (a path to the YAML file) and `services` (the same content as an object), got both." },
  { category: "quota", component: "ServiceFleet", name: "fleet-too-many-environments",
    args: file((f) => (f.services[0].environments = Array.from({ length: 11 }, (_, i) => ({ name: `e${i}`, account: "dev", target: { beanstalk: {} } })))),
    arg: "services", received: "got 11", message: "`services`: services[0].environments: must have at most 10 items, got 11." },
  { category: "stage structure", component: "ServiceFleet", name: "fleet-duplicate-environment",
    args: file((f) => f.services[0].environments.push({ name: "dev", account: "dev", target: { beanstalk: {} } })), arg: "services", received: '"dev"',
    message: '`services`: services[0].environments[1].name: duplicate environment "dev" (also environments[0]).' },
  // The role paths that keep a fleet's shared bucket and key policies bounded (grants by path).
  { category: "name", component: "CrossAccountDeployRole", name: "deploy-role-path-no-slash", args: deployRole({ rolePath: "aws-cicd/platform" }), arg: "rolePath",
    received: '"aws-cicd/platform"',
    message: '`rolePath` must be an IAM role path: "/", or segments of the characters "!" to "~" each ended by "/", starting with "/", at most 512 characters (e.g. "/aws-cicd/platform/"), got "aws-cicd/platform".' },
  { category: "name", component: "Ec2FleetTarget", name: "instance-role-path-double-slash", args: { instanceRolePath: "/aws-cicd//" }, arg: "instanceRolePath",
    received: '"/aws-cicd//"',
    message: '`instanceRolePath` must be an IAM role path: "/", or segments of the characters "!" to "~" each ended by "/", starting with "/", at most 512 characters (e.g. "/aws-cicd/platform/"), got "/aws-cicd//".' },
  { category: "account id", component: "SecureBucket", name: "bucket-role-path-whole-account", args: { readerRolePaths: [{ accountId: TOOLS, path: "/" }] },
    arg: "readerRolePaths[0].path", received: `account ${TOOLS}`,
    message: `\`readerRolePaths[0].path\` is "/", which would grant every role of account ${TOOLS}; give the path of the roles to grant (e.g. "/aws-cicd/platform/"), or name them by ARN.` },
  { category: "account id", component: "EncryptionKey", name: "key-role-path-short-account", args: { principalRolePaths: [{ accountId: "12345", path: "/aws-cicd/" }] },
    arg: "principalRolePaths[0].accountId", received: '"12345"', message: '`principalRolePaths[0].accountId` must be a 12-digit AWS account id, got "12345".' },
  { category: "conflict", component: "ServiceFleet", name: "fleet-ecs-other-account",
    args: file((f) => {
      f.accounts.prod = { id: "210987654321", region: "us-east-1", bootstrapRoleArn: "arn:aws:iam::210987654321:role/boot", network: NETWORK };
      f.services[0].environments[0] = { name: "prod", account: "prod", target: { ecs: {} } };
    }),
    arg: "services", received: '"prod"',
    message: '`services`: services[0].environments[0].target: ecs targets deploy in the stack\'s own account; account "prod" is another (it has `bootstrapRoleArn`).' },
];

/** Issue 15, item 3: `Ec2FleetTarget` deployed blue/green, given what blue/green cannot use. */
const TG = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef";
const LISTENER = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2";
const BG = { fleet: FLEET, agentInstallation: "userData", blueGreen: { targetGroupArn: TG } };
const TG_RULE =
  '`blueGreen.targetGroupArn` must be a target group ARN such as "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/0123456789abcdef"';
const SSM_REASON =
  "the SSM association targets the fleet's group by name and never reaches CodeDeploy's copies, which run the same launch template and its user data.";

// prettier-ignore
export const EC2_BLUE_GREEN_CASES: BadInputCase[] = [
  { category: "conflict", component: "Ec2FleetTarget", name: "bg-existing-groups", args: { autoscalingGroups: ["web-a"], blueGreen: { targetGroupArn: TG } }, arg: "blueGreen",
    received: "got `autoscalingGroups`",
    message: "`blueGreen` copies the Auto Scaling group of a created `fleet`, got `autoscalingGroups`. Add `fleet` in place of `autoscalingGroups`, or remove `blueGreen` to deploy in place." },
  { category: "stage structure", component: "Ec2FleetTarget", name: "bg-no-fleet", args: { blueGreen: { targetGroupArn: TG } }, arg: "blueGreen", received: "got no `fleet`",
    message: "`blueGreen` copies the Auto Scaling group of a created `fleet`, got no `fleet`. Add `fleet`, or remove `blueGreen` to deploy in place." },
  { category: "conflict", component: "Ec2FleetTarget", name: "bg-ssm-agent", args: { ...BG, agentInstallation: "ssm" }, arg: "blueGreen", received: 'got "ssm"',
    message: `\`blueGreen\` needs \`agentInstallation: "userData"\`, got "ssm": ${SSM_REASON}` },
  { category: "arn", component: "Ec2FleetTarget", name: "bg-listener-for-target-group", args: { ...BG, blueGreen: { targetGroupArn: LISTENER } }, arg: "blueGreen.targetGroupArn",
    received: `"${LISTENER}"`, message: `${TG_RULE}, got "${LISTENER}".` },
  { category: "range", component: "Ec2FleetTarget", name: "bg-reroute-wait", args: { ...BG, blueGreen: { targetGroupArn: TG, manualRerouteWaitMinutes: 4320 } },
    arg: "blueGreen.manualRerouteWaitMinutes", received: "got 4320",
    message: "`blueGreen.manualRerouteWaitMinutes` must be a whole number from 1 to 2880, got 4320. Leave it out to reroute as soon as the green instances are ready." },
  { category: "range", component: "Ec2FleetTarget", name: "bg-termination-wait", args: { ...BG, blueGreen: { targetGroupArn: TG, terminationWaitMinutes: -1 } },
    arg: "blueGreen.terminationWaitMinutes", received: "got -1", message: "`blueGreen.terminationWaitMinutes` must be a whole number from 0 to 2880, got -1." },
];

/** A target group ARN given as an Output is checked when it resolves: the deployment group and the service role's policy are refused. */
// prettier-ignore
export const EC2_BLUE_GREEN_OUTPUT_CASES: OutputCase[] = [
  { component: "Ec2FleetTarget", name: "out-bg-listener-for-target-group", args: { ...BG, blueGreen: { targetGroupArn: pulumi.output(LISTENER) } },
    refused: "aws:codedeploy/deploymentGroup:DeploymentGroup", message: `${TG_RULE}, got "${LISTENER}".` },
];
