import { ACCOUNT, BadInputCase, build, deployRole, pipeline, SOURCE, twoStages } from "./bad-input-fixtures";

/**
 * Issue 13's rows of the bad-input table: actions with no kind or two kinds, the `custom` action
 * kind, and CodeDeploy deploys from another account. Read by bad-input-cases.ts.
 */

const FUNCTION_ARN = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:smoke-test`;
const KINDS =
  "codeCommitSource, s3Source, connectionSource, codeBuild, manualApproval, beanstalkDeploy, codeDeploy, ecsDeploy, codeDeployToEcs, custom, pulumiSelfUpdate";
const A = "stages[1].actions[0]";
const INVOKE_STATEMENT = { actions: ["lambda:InvokeFunction"], resources: [FUNCTION_ARN] };
const GROUP = {
  applicationName: "shop",
  deploymentGroupName: "shop-prod",
  applicationArn: `arn:aws:codedeploy:us-east-1:${ACCOUNT}:application:shop`,
  deploymentGroupArn: `arn:aws:codedeploy:us-east-1:${ACCOUNT}:deploymentgroup:shop/shop-prod`,
  deploymentConfigArn: `arn:aws:codedeploy:us-east-1:${ACCOUNT}:deploymentconfig:CodeDeployDefault.OneAtATime`,
};

/** A pipeline whose second stage holds one custom Lambda invoke, with `extra` merged into it. */
const custom = (extra: object) =>
  pipeline(twoStages({ custom: { category: "Invoke", provider: "Lambda", statements: [INVOKE_STATEMENT], ...extra } }));
/** A pipeline whose second stage holds one custom action with one statement changed by `extra`. */
const statement = (extra: object) => custom({ statements: [{ ...INVOKE_STATEMENT, ...extra }] });

// prettier-ignore
export const ISSUE_13_CASES: BadInputCase[] = [
  { category: "stage structure", component: "Pipeline", name: "action-without-kind", args: pipeline(twoStages({})), arg: A, received: "got none",
    message: `\`${A}\` must set exactly one action kind, got none. Kinds: ${KINDS}.` },
  { category: "stage structure", component: "Pipeline", name: "action-with-two-kinds", args: pipeline(twoStages({ ...build(), manualApproval: {} })), arg: A,
    received: "codeBuild and manualApproval", message: `\`${A}\` must set exactly one action kind, got codeBuild and manualApproval. Kinds: ${KINDS}.` },
  { category: "range", component: "Pipeline", name: "custom-category", args: custom({ category: "Lambda" }), arg: `${A}.category`, received: '"Lambda"',
    message: `\`${A}.category\` must be one of Source, Build, Test, Deploy, Approval, Invoke, got "Lambda".` },
  { category: "name", component: "Pipeline", name: "custom-provider", args: custom({ provider: "AWS Lambda" }), arg: `${A}.provider`, received: '"AWS Lambda"',
    message: `\`${A}.provider\` must be 1 to 35 letters, digits, "-" or "_", got "AWS Lambda".` },
  { category: "name", component: "Pipeline", name: "custom-version", args: custom({ version: "1.0" }), arg: `${A}.version`, received: '"1.0"',
    message: `\`${A}.version\` must be 1 to 9 letters, digits, "-" or "_", got "1.0".` },
  { category: "range", component: "Pipeline", name: "custom-owner", args: custom({ owner: "ThirdParty" }), arg: `${A}.owner`, received: '"ThirdParty"',
    message: `\`${A}.owner\` must be "AWS", got "ThirdParty": ThirdParty and Custom action types need job workers that this library does not create.` },
  { category: "quota", component: "Pipeline", name: "custom-configuration-key", args: custom({ configuration: { ["K".repeat(51)]: "v" } }), arg: `${A}.configuration`,
    received: `"${"K".repeat(51)}"`, message: `\`${A}.configuration\` keys must be 1 to 50 characters, got "${"K".repeat(51)}".` },
  { category: "quota", component: "Pipeline", name: "custom-configuration-value", args: custom({ configuration: { UserParameters: "x".repeat(1001) } }),
    arg: `${A}.configuration.UserParameters`, received: "1001", message: `\`${A}.configuration.UserParameters\` must be 1 to 1000 characters, got 1001.` },
  { category: "type", component: "Pipeline", name: "custom-no-statements", args: custom({ statements: undefined }), arg: `${A}.statements`, received: "nothing",
    message: `\`${A}.statements\` must be a list of the statements the pipeline role needs ([] for none), got nothing.` },
  { category: "name", component: "Pipeline", name: "custom-wildcard-action", args: statement({ actions: ["lambda:*"] }), arg: `${A}.statements[0].actions[0]`,
    received: '"lambda:*"', message: `\`${A}.statements[0].actions[0]\` must be one IAM action as \`service:Action\` without wildcards (e.g. "lambda:InvokeFunction"), got "lambda:*".` },
  { category: "range", component: "Pipeline", name: "custom-no-actions", args: statement({ actions: [] }), arg: `${A}.statements[0].actions`, received: "an empty list",
    message: `\`${A}.statements[0].actions\` must list at least one IAM action, got an empty list.` },
  { category: "arn", component: "Pipeline", name: "custom-star-resource", args: statement({ resources: ["*"] }), arg: `${A}.statements[0].resources[0]`, received: '"*"',
    message: `\`${A}.statements[0].resources[0]\` must be a resource ARN ("arn:aws:<service>:..."), got "*". Name the exact resources, or set \`wildcardOnly: true\` if every action of the statement supports no resource-level permission (its Service Authorization Reference page lists no resource type).` },
  { category: "arn", component: "Pipeline", name: "custom-name-resource", args: statement({ resources: ["smoke-test"] }), arg: `${A}.statements[0].resources[0]`,
    received: '"smoke-test"', message: `\`${A}.statements[0].resources[0]\` must be a resource ARN ("arn:aws:<service>:..."), got "smoke-test".` },
  { category: "arn", component: "Pipeline", name: "custom-wildcard-only-arn", args: statement({ wildcardOnly: true }), arg: `${A}.statements[0].resources[0]`,
    received: `"${FUNCTION_ARN}"`, message: `\`${A}.statements[0].resources[0]\` must be "*" with \`wildcardOnly\`, got "${FUNCTION_ARN}".` },
  { category: "name", component: "Pipeline", name: "custom-sid", args: statement({ sid: "Invoke-Smoke" }), arg: `${A}.statements[0].sid`, received: '"Invoke-Smoke"',
    message: `\`${A}.statements[0].sid\` must hold only letters and digits, got "Invoke-Smoke".` },
  { category: "name", component: "Pipeline", name: "custom-condition-key", args: statement({ conditions: { StringEquals: { SourceAccount: [ACCOUNT] } } }),
    arg: `${A}.statements[0].conditions.StringEquals`, received: '"SourceAccount"',
    message: `\`${A}.statements[0].conditions.StringEquals\` keys must be condition keys such as "aws:SourceAccount", got "SourceAccount".` },
  { category: "stage structure", component: "Pipeline", name: "custom-source-inputs",
    args: pipeline([{ name: "Source", actions: [SOURCE, { custom: { name: "Image", category: "Source", provider: "ECR", inputs: ["SourceOutput"], statements: [] } }] }, { name: "Build", actions: [build()] }]),
    arg: "stages[0].actions[1].inputs", received: "got 1", message: "`stages[0].actions[1].inputs` must be empty for a Source action, got 1." },
  { category: "conflict", component: "Pipeline", name: "codedeploy-instance-role-without-role", args: pipeline(twoStages(build()).concat([{ name: "Deploy", actions: [{ codeDeploy: { ...GROUP, instanceRoleArn: `arn:aws:iam::${ACCOUNT}:role/web` } }] }])),
    arg: "stages[2].actions[0].instanceRoleArn", received: "`roleArn`",
    message: "`stages[2].actions[0].instanceRoleArn` only applies with `roleArn` (a deploy from another account); in the pipeline's account the instance role's own policy reaches the artifacts, so remove it." },
  { category: "type", component: "CrossAccountDeployRole", name: "codedeploy-target-field", args: deployRole({ beanstalkTargets: undefined, codeDeployTargets: [{ ...GROUP, deploymentGroupArn: undefined }] }),
    arg: "codeDeployTargets[0].deploymentGroupArn", received: "`target.deployTarget()`",
    message: "`codeDeployTargets[0].deploymentGroupArn` is required; pass `target.deployTarget()` of an Ec2FleetTarget." },
  { category: "conflict", component: "CrossAccountDeployRole", name: "aws-managed-without-beanstalk", args: deployRole({ beanstalkTargets: undefined, codeDeployTargets: [GROUP], permissions: "aws-managed" }),
    arg: "permissions", received: '"aws-managed"',
    message: "`permissions: \"aws-managed\"` replaces the Elastic Beanstalk deploy statements with AWS's AdministratorAccess-AWSElasticBeanstalk, but `beanstalkTargets` is empty. Remove `permissions` (the other targets always get scoped statements), or add the Beanstalk targets it is meant for." },
];
