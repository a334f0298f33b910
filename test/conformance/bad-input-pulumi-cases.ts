import { BadInputCase, build, pipeline, SOURCE } from "./bad-input-fixtures";

/**
 * Issue 14's rows of the bad-input table: `PulumiStack` (stack, directories, secrets, backend,
 * artifact names, build settings) and the stage entry conditions of `Pipeline`.
 */

const T = { secretsManager: "pulumi-token" };
const STACK = '"stack", "project/stack" or "org/project/stack" (letters, digits, "-", "_", ".")';
const NEVER_PLAIN = "Secrets are never accepted as plain values.";
const ROLE = "arn:aws:iam::111122223333:role/deployer";
const POLICY_ARN = "arn:aws:iam::111122223333:policy/deploy-shop";
const STAR = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] });
const ADMIN_FIX =
  "Pass policies that grant what the stack's resources need, or set `deployRole.allowAdministratorAccess: true` to deploy anything in the account knowingly.";
const CHECK = { variable: "#{B.PLAN_IAM_BROADENED}", value: "true" };
/** Source, a build exporting namespace `B`, and a third stage with `beforeEntry`. */
const gated = (beforeEntry: object, extra: object = {}) =>
  pipeline(
    [
      { name: "Source", actions: [SOURCE] },
      { name: "Build", actions: [build({ namespace: "B" })] },
      { name: "Gate", actions: [build()], beforeEntry },
    ],
    extra,
  );

const SELF_ARGS = { stack: "acme/delivery/prod", pipelineName: "delivery", accessToken: T };
const SELF_UPDATE = {
  pulumiSelfUpdate: { projectName: "self", projectArn: "arn:aws:codebuild:us-east-1:123456789012:project/self", pipelineName: "delivery" },
};

// prettier-ignore
/** `PulumiSelfUpdate` arguments, and the placement of its action in a `Pipeline`. */
const SELF_UPDATE_CASES: BadInputCase[] = [
  { category: "name", component: "PulumiSelfUpdate", name: "self-update-pipeline-name", args: { ...SELF_ARGS, pipelineName: "my pipeline" }, arg: "pipelineName", received: '"my pipeline"',
    message: '`pipelineName` must be the physical name of the pipeline that the stack declares (1 to 100 letters, digits, ".", "@", "-" or "_"), got the string "my pipeline". Set the same `pipelineName` on that Pipeline.' },
  { category: "plaintext secret", component: "PulumiSelfUpdate", name: "self-update-token-string", args: { ...SELF_ARGS, accessToken: "pul-0123" }, arg: "accessToken", received: "got a plain string",
    message: "`accessToken` must be `{ secretsManager: ... }` or `{ parameterStore: ... }`, got a plain string. Secrets are never accepted as plain values: store it in Secrets Manager or Parameter Store and name it here." },
  { category: "conflict", component: "PulumiSelfUpdate", name: "self-update-state-backend", args: { ...SELF_ARGS, stateBackend: { create: true } }, arg: "stateBackend", received: "got one",
    message: "`stateBackend` is not an argument of PulumiSelfUpdate, got one: the pipeline's stack cannot keep its state in a bucket that it creates itself (its first `pulumi up` needs the backend before the bucket exists). Keep that stack in Pulumi Cloud (`accessToken`) or in a bucket you own (`backendUrl`)." },
  { category: "conflict", component: "PulumiSelfUpdate", name: "self-update-deploy-neither", args: { ...SELF_ARGS, deployRole: {} }, arg: "deployRole", received: "got neither",
    message: "`deployRole` must set exactly one of `roleArn` (an existing role) or policies for a role the component creates (`managedPolicyArns`, `inlinePolicies`), got neither." },
  { category: "principal", component: "PulumiSelfUpdate", name: "self-update-deploy-star", args: { ...SELF_ARGS, deployRole: { inlinePolicies: [STAR] } },
    arg: "deployRole.inlinePolicies[0]", received: '"*" on "*"',
    message: `\`deployRole.inlinePolicies[0]\` allows "*" on "*", administrator access, which the deploy role never gets by default. ${ADMIN_FIX}` },
  { category: "principal", component: "PulumiSelfUpdate", name: "self-update-deploy-root", args: { ...SELF_ARGS, deployRole: { roleArn: "arn:aws:iam::111122223333:root" } },
    arg: "deployRole.roleArn", received: '"arn:aws:iam::111122223333:root"',
    message: '`deployRole.roleArn` must be an IAM role ARN such as "arn:aws:iam::111122223333:role/deploy", got "arn:aws:iam::111122223333:root". Name the exact role, not an account.' },
  { category: "stage structure", component: "Pipeline", name: "self-update-late", args: pipeline([{ name: "Source", actions: [SOURCE] }, { name: "Build", actions: [build()] }, { name: "SelfUpdate", actions: [SELF_UPDATE] }], { pipelineName: "delivery" }),
    arg: "stages[2].actions[0]", received: '"SelfUpdate"',
    message: '`stages[2].actions[0]` is a pulumiSelfUpdate action in stage "SelfUpdate" (`stages[2]`); it must be in the stage right after the source stage (`stages[1]`), so that no later stage runs with the old pipeline definition. Move it to a stage of its own at `stages[1]`.' },
  { category: "conflict", component: "Pipeline", name: "self-update-parallel", args: pipeline([{ name: "Source", actions: [SOURCE] }, { name: "SelfUpdate", actions: [SELF_UPDATE] }], { pipelineName: "delivery", executionMode: "PARALLEL" }),
    arg: "executionMode", received: '"PARALLEL"',
    message: '`executionMode` "PARALLEL" cannot run a pulumiSelfUpdate action (`stages[1].actions[0]`): parallel executions would update the pipeline\'s stack at the same time, and an older commit could apply its older definition after a newer one. Use "SUPERSEDED" (the default) or "QUEUED".' },
];

// prettier-ignore
export const ISSUE_14_CASES: BadInputCase[] = [
  { category: "name", component: "PulumiStack", name: "pulumi-stack-name", args: { stack: "acme shop", accessToken: T }, arg: "stack", received: '"acme shop"',
    message: `\`stack\` must be a Pulumi stack name, ${STACK}, got the string "acme shop".` },
  { category: "type", component: "PulumiStack", name: "pulumi-no-stack", args: { accessToken: T }, arg: "stack", received: "got nothing",
    message: `\`stack\` must be a Pulumi stack name, ${STACK}, got nothing.` },
  { category: "name", component: "PulumiStack", name: "pulumi-work-dir", args: { stack: "dev", workDir: "../infra", accessToken: T }, arg: "workDir", received: '"../infra"',
    message: '`workDir` must be a directory relative to the source root, without ".." (letters, digits, "-", "_", ".", "/"), got the string "../infra".' },
  { category: "plaintext secret", component: "PulumiStack", name: "pulumi-passphrase-string", args: { stack: "dev", accessToken: T, configPassphrase: "hunter2" },
    arg: "configPassphrase", received: "a plain string",
    message: "`configPassphrase` must be `{ secretsManager: ... }` or `{ parameterStore: ... }`, got a plain string. Secrets are never accepted as plain values: store it in Secrets Manager or Parameter Store and name it here." },
  { category: "plaintext secret", component: "PulumiStack", name: "pulumi-token-no-source", args: { stack: "dev", accessToken: { value: "pul-0123" } }, arg: "accessToken", received: "got none",
    message: `\`accessToken\` must set exactly one of \`secretsManager\` or \`parameterStore\`, got none. ${NEVER_PLAIN}` },
  { category: "plaintext secret", component: "PulumiStack", name: "pulumi-backend-password", args: { stack: "dev", backendUrl: "https://user:" + "s3cr3t@state.example.com/x" },
    arg: "backendUrl", received: "a URL with a password",
    message: "`backendUrl` looks like a credential (its value is a URL with a password); name the backend without credentials: the build role reaches an S3 backend, and tokens go in `accessToken`." },
  { category: "conflict", component: "PulumiStack", name: "pulumi-token-both", args: { stack: "dev", accessToken: { secretsManager: "a", parameterStore: "/b" } }, arg: "accessToken",
    received: "got both", message: `\`accessToken\` must set exactly one of \`secretsManager\` or \`parameterStore\`, got both. ${NEVER_PLAIN}` },
  { category: "conflict", component: "PulumiStack", name: "pulumi-no-backend", args: { stack: "dev" }, arg: "accessToken", received: "got none",
    message: "`accessToken` is required for a Pulumi Cloud stack, got none. Pass `{ secretsManager: ... }` or `{ parameterStore: ... }`, or set `backendUrl` (or `stateBackend`) for a self-managed backend." },
  { category: "arn", component: "PulumiStack", name: "pulumi-token-reference", args: { stack: "dev", accessToken: { secretsManager: "a:b:c:d:e" } }, arg: "accessToken.secretsManager",
    received: '"a:b:c:d:e"', message: '`accessToken.secretsManager` has too many ":"-separated parts; use secret-id[:json-key[:version-stage[:version-id]]], got "a:b:c:d:e".' },
  { category: "range", component: "PulumiStack", name: "pulumi-backend-scheme", args: { stack: "dev", backendUrl: "ftp://x" }, arg: "backendUrl", received: '"ftp://x"',
    message: '`backendUrl` must be a Pulumi backend URL (s3://, gs://, azblob://, file:// or https://), got the string "ftp://x".' },
  { category: "name", component: "PulumiStack", name: "pulumi-plan-artifact", args: { stack: "dev", accessToken: T, planArtifact: "prod-plan" }, arg: "planArtifact", received: '"prod-plan"',
    message: '`planArtifact` must be 1 to 100 letters, digits or "_" (it names the variable CODEBUILD_SRC_DIR_<planArtifact>), got the string "prod-plan".' },
  { category: "name", component: "PulumiStack", name: "pulumi-namespace", args: { stack: "dev", accessToken: T, namespace: "a b" }, arg: "namespace", received: '"a b"',
    message: '`namespace` must hold 1 to 100 letters, digits, "@", "-" or "_", got the string "a b".' },
  { category: "buildspec", component: "PulumiStack", name: "pulumi-empty-command", args: { stack: "dev", accessToken: T, installCommands: [""] }, arg: "installCommands[0]",
    received: 'the string ""', message: '`installCommands[0]` must be a non-empty shell command, got the string "".' },
  { category: "type", component: "PulumiStack", name: "pulumi-commands-string", args: { stack: "dev", accessToken: T, prepareCommands: "npm ci" }, arg: "prepareCommands",
    received: '"npm ci"', message: '`prepareCommands` must be a list, got the string "npm ci"; wrap a single item in [ ].' },
  { category: "range", component: "PulumiStack", name: "pulumi-build-timeout", args: { stack: "dev", accessToken: T, build: { timeoutInMinutes: 1 } }, arg: "build.timeoutInMinutes",
    received: "got 1", message: "`build.timeoutInMinutes` must be between 5 and 2160, got 1." },
  { category: "type", component: "PulumiStack", name: "pulumi-build-string", args: { stack: "dev", accessToken: T, build: "BUILD_GENERAL1_SMALL" }, arg: "build",
    received: '"BUILD_GENERAL1_SMALL"',
    message: '`build` must be an object with settings of the two projects (`image`, `computeType`, `timeoutInMinutes`...), got the string "BUILD_GENERAL1_SMALL"; pass the fields or leave `build` out.' },
  { category: "conflict", component: "PulumiStack", name: "pulumi-state-and-backend", args: { stack: "dev", stateBackend: { create: true }, backendUrl: "s3://mine" }, arg: "stateBackend",
    received: '"s3://mine"',
    message: '`stateBackend` and `backendUrl` are mutually exclusive, got both (`backendUrl` "s3://mine"). Keep `stateBackend` to let the component create the state bucket, or `backendUrl` to use yours.' },
  { category: "type", component: "PulumiStack", name: "pulumi-state-create", args: { stack: "dev", stateBackend: { create: "yes" } }, arg: "stateBackend.create", received: '"yes"',
    message: '`stateBackend.create` must be true (the component creates the state bucket and key), got the string "yes". To use a backend you own, set `backendUrl` instead.' },
  { category: "name", component: "PulumiStack", name: "pulumi-state-prefix", args: { stack: "dev", stateBackend: { create: true, prefix: "shop/../x" } }, arg: "stateBackend.prefix",
    received: '"shop/../x"',
    message: '`stateBackend.prefix` must be key segments of letters, digits, "-", "_" or "." separated by "/", without leading or trailing "/" nor "..", got the string "shop/../x".' },
  { category: "conflict", component: "PulumiStack", name: "pulumi-deploy-neither", args: { stack: "dev", accessToken: T, deployRole: {} }, arg: "deployRole", received: "got neither",
    message: "`deployRole` must set exactly one of `roleArn` (an existing role) or policies for a role the component creates (`managedPolicyArns`, `inlinePolicies`), got neither." },
  { category: "conflict", component: "PulumiStack", name: "pulumi-deploy-both", args: { stack: "dev", accessToken: T, deployRole: { roleArn: ROLE, managedPolicyArns: [POLICY_ARN] } }, arg: "deployRole",
    received: "got both",
    message: "`deployRole` must set exactly one of `roleArn` (an existing role) or policies for a role the component creates (`managedPolicyArns`, `inlinePolicies`), got both." },
  { category: "principal", component: "PulumiStack", name: "pulumi-deploy-admin", args: { stack: "dev", accessToken: T, deployRole: { managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"] } },
    arg: "deployRole.managedPolicyArns[0]", received: '"arn:aws:iam::aws:policy/AdministratorAccess"',
    message: `\`deployRole.managedPolicyArns[0]\` is "arn:aws:iam::aws:policy/AdministratorAccess", administrator access, which the deploy role never gets by default. ${ADMIN_FIX}` },
  { category: "principal", component: "PulumiStack", name: "pulumi-deploy-star", args: { stack: "dev", accessToken: T, deployRole: { inlinePolicies: [STAR] } },
    arg: "deployRole.inlinePolicies[0]", received: '"*" on "*"',
    message: `\`deployRole.inlinePolicies[0]\` allows "*" on "*", administrator access, which the deploy role never gets by default. ${ADMIN_FIX}` },
  { category: "type", component: "PulumiStack", name: "pulumi-deploy-document", args: { stack: "dev", accessToken: T, deployRole: { inlinePolicies: ["s3:*"] } },
    arg: "deployRole.inlinePolicies[0]", received: '"s3:*"',
    message: '`deployRole.inlinePolicies[0]` must be an IAM policy document as JSON (`{"Version": "2012-10-17", "Statement": [...]}`), got the string "s3:*".' },
  { category: "arn", component: "PulumiStack", name: "pulumi-deploy-policy-arn", args: { stack: "dev", accessToken: T, deployRole: { managedPolicyArns: ["deploy-shop"] } },
    arg: "deployRole.managedPolicyArns[0]", received: '"deploy-shop"',
    message: '`deployRole.managedPolicyArns[0]` must be a managed policy ARN such as "arn:aws:iam::111122223333:policy/deploy-shop", got "deploy-shop".' },
  { category: "principal", component: "PulumiStack", name: "pulumi-deploy-root", args: { stack: "dev", accessToken: T, deployRole: { roleArn: "arn:aws:iam::111122223333:root" } },
    arg: "deployRole.roleArn", received: '"arn:aws:iam::111122223333:root"',
    message: '`deployRole.roleArn` must be an IAM role ARN such as "arn:aws:iam::111122223333:role/deploy", got "arn:aws:iam::111122223333:root". Name the exact role, not an account.' },
  { category: "conflict", component: "PulumiStack", name: "pulumi-deploy-boundary-named", args: { stack: "dev", accessToken: T, deployRole: { roleArn: ROLE, permissionsBoundaryArn: POLICY_ARN } },
    arg: "deployRole.permissionsBoundaryArn", received: "`roleArn`",
    message: "`deployRole.permissionsBoundaryArn` and `deployRole.allowAdministratorAccess` apply to a role the component creates, not to `deployRole.roleArn`; set them on your role, or pass policies instead of `roleArn`." },
  { category: "conflict", component: "PulumiStack", name: "pulumi-preview-role-alone", args: { stack: "dev", accessToken: T, previewRoleArn: ROLE }, arg: "previewRoleArn", received: "`deployRole`",
    message: "`previewRoleArn` needs `deployRole`: the preview role replaces the deploy role for previews only. Set `deployRole` too, or leave `previewRoleArn` out." },
  { category: "stage structure", component: "Pipeline", name: "entry-condition-v1", args: gated({ result: "SKIP", variableChecks: [CHECK] }, { pipelineType: "V1" }),
    arg: "stages[2].beforeEntry", received: '"V1"', message: '`stages[2].beforeEntry` needs `pipelineType: "V2"`, got "V1".' },
  { category: "stage structure", component: "Pipeline", name: "entry-condition-namespace", args: gated({ result: "SKIP", variableChecks: [{ ...CHECK, variable: "#{Later.X}" }] }),
    arg: "stages[2].beforeEntry.variableChecks[0].variable", received: '"Later"',
    message: '`stages[2].beforeEntry.variableChecks[0].variable` reads namespace "Later", which no action of an earlier stage sets. Available: variables, B.' },
  { category: "range", component: "Pipeline", name: "entry-condition-result", args: gated({ result: "ROLLBACK", variableChecks: [CHECK] }),
    arg: "stages[2].beforeEntry.result", received: '"ROLLBACK"', message: '`stages[2].beforeEntry.result` must be "FAIL" or "SKIP", got the string "ROLLBACK".' },
  ...SELF_UPDATE_CASES,
];
