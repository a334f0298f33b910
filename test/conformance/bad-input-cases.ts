import * as pulumi from "@pulumi/pulumi";
import { PROD_TARGET } from "../cross-account/fixtures";

/**
 * The bad-input table: malformed arguments of every component, each with the exact message it
 * must throw, the argument that message names (`arg`, rendered in backticks) and how it renders
 * the received value (`received`). Read by bad-input.spec.ts.
 */

/** The components under test, by their exported class name. */
export const COMPONENTS = [
  "EncryptionKey",
  "SecureTopic",
  "SecureBucket",
  "CodeCommitRepo",
  "BuildProject",
  "Pipeline",
  "BeanstalkTarget",
  "Ec2FleetTarget",
  "CrossAccountDeployRole",
] as const;
export type ComponentName = (typeof COMPONENTS)[number];

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

const ACCOUNT = "123456789012";
const TOOLS = "111122223333";
const ROLE = `arn:aws:iam::${TOOLS}:role/deploy`;
const KEY = { keyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1111aaaa-22bb-33cc-44dd-555566667777` };
const ONLY_ROLES = "Name the exact role, not an account.";
const roleMessage = (arg: string, v: string) => `\`${arg}\` must be an IAM role ARN such as "arn:aws:iam::111122223333:role/deploy", got "${v}". ${ONLY_ROLES}`;

const SOURCE = { codeCommitSource: { repositoryName: "app", repositoryArn: `arn:aws:codecommit:us-east-1:${ACCOUNT}:app` } };
const sourceWith = (extra: object) => ({ codeCommitSource: { ...SOURCE.codeCommitSource, ...extra } });
const build = (extra: object = {}) => ({ codeBuild: { projectName: "build", projectArn: `arn:aws:codebuild:us-east-1:${ACCOUNT}:project/build`, ...extra } });
const pipeline = (stages: object[], extra: object = {}) => ({ stages, ...extra });
const twoStages = (buildAction: object = build()) => [
  { name: "Source", actions: [SOURCE] },
  { name: "Build", actions: [buildAction] },
];
const spec = (extra: object) => ({ buildSpec: { version: "0.2", phases: { build: { commands: ["npm test"] } }, ...extra } });
const phases = (build: object) => spec({ phases: { build } });

/** `CrossAccountDeployRole` arguments deploying to the cross-account fixtures' prod target, with `extra`. */
export const deployRole = (extra: object) => ({
  pipelineRoleArn: `arn:aws:iam::${TOOLS}:role/app-pipeline`,
  artifactBucketArn: "arn:aws:s3:::app-artifacts-1234",
  artifactKeyArn: `arn:aws:kms:eu-west-1:${TOOLS}:key/1111aaaa-22bb-33cc-44dd-555566667777`,
  beanstalkTargets: [PROD_TARGET],
  ...extra,
});
const FLEET = { instanceType: "t3.micro", subnetIds: ["subnet-0123456789abcdef0"], vpcId: "vpc-0123456789abcdef0" };

const BUILD_RETENTIONS = "1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653";
const BEANSTALK_RETENTIONS = "1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1827, 3653";
const SECRET_REF = "secret-id[:json-key[:version-stage[:version-id]]]";
const REPO_NAME_RULE = '`repositoryName` must be 1 to 100 letters, digits, ".", "_" or "-" and must not end in ".git"';
const STAGE_NAME_RULE = 'must hold 1 to 100 letters, digits, ".", "@", "-" or "_"';
const CREDENTIAL_FIX = "store it in SSM Parameter Store or Secrets Manager and pass `{ parameter: ... }` or `{ secret: ... }`.";
const SPEC_CREDENTIAL_FIX =
  "store it in Parameter Store or Secrets Manager and reference it from `env.parameter-store` or `env.secrets-manager` instead.";
const AKIA = "AKIAIOSFODNN7EXAMPLE";

export const BAD_INPUTS: BadInputCase[] = [
  // Names
  { category: "name", component: "CodeCommitRepo", name: "bad-repo-name", args: { repositoryName: "my repo" }, arg: "repositoryName", received: '"my repo"',
    message: `${REPO_NAME_RULE}, got "my repo".` },
  { category: "name", component: "CodeCommitRepo", name: "app.git", args: {}, arg: "repositoryName", received: '"app.git"',
    message: `${REPO_NAME_RULE}, got "app.git". The name defaults to the component name; pass \`repositoryName\` to choose another.` },
  { category: "name", component: "BuildProject", name: "bad-project-name", args: { projectName: "-build" }, arg: "projectName", received: '"-build"',
    message: '`projectName` must be 2 to 255 characters, letters, digits, "-" or "_", starting with a letter or digit, got "-build".' },
  { category: "name", component: "Pipeline", name: "bad-pipeline-name", args: pipeline(twoStages(), { pipelineName: "release pipeline" }), arg: "pipelineName",
    received: '"release pipeline"', message: `\`pipelineName\` ${STAGE_NAME_RULE}, got "release pipeline".` },
  { category: "name", component: "Pipeline", name: "bad-stage-name", args: pipeline([{ name: "Source", actions: [SOURCE] }, { name: "Build Stage", actions: [build()] }]),
    arg: "stages[1].name", received: '"Build Stage"', message: `\`stages[1].name\` ${STAGE_NAME_RULE}, got "Build Stage".` },
  { category: "name", component: "BeanstalkTarget", name: "bad-environment-name", args: { environmentName: "-web" }, arg: "environmentName", received: '"-web"',
    message: '`environmentName` must be 4 to 40 letters, digits or hyphens, not starting or ending with a hyphen, got "-web".' },
  { category: "name", component: "EncryptionKey", name: "reserved-alias", args: { aliasName: "alias/aws/s3" }, arg: "aliasName", received: '"alias/aws/s3"',
    message: '`aliasName` must start with "alias/" followed by letters, digits, "/", "_" or "-" and must not use the reserved "alias/aws/" prefix, got "alias/aws/s3".' },
  { category: "name", component: "EncryptionKey", name: "alias-without-prefix", args: { aliasName: "pipeline-key" }, arg: "aliasName", received: '"pipeline-key"',
    message: '`aliasName` must start with "alias/" followed by letters, digits, "/", "_" or "-" and must not use the reserved "alias/aws/" prefix, got "pipeline-key".' },
  { category: "name", component: "Ec2FleetTarget", name: "bad-codedeploy-app-name", args: { applicationName: "shop/web" }, arg: "applicationName", received: '"shop/web"',
    message: '`applicationName` must be 1 to 100 letters, digits or ._+=,@- characters, got "shop/web".' },
  { category: "name", component: "CrossAccountDeployRole", name: "bad-deploy-role-name", args: deployRole({ roleName: "deploy role" }), arg: "roleName",
    received: '"deploy role"', message: '`roleName` must hold 1 to 64 letters, digits or any of + = , . @ _ -, got "deploy role".' },
  { category: "name", component: "SecureBucket", name: "bad-bucket-prefix", args: { bucketPrefix: "My_Artifacts" }, arg: "bucketPrefix", received: '"My_Artifacts"',
    message: '`bucketPrefix` must start with a lowercase letter or digit and hold at most 37 lowercase letters, digits, "." or "-", got "My_Artifacts".' },
  { category: "name", component: "SecureTopic", name: "bad-topic-email", args: { encryptionKey: KEY, emailSubscriptions: ["ops-team"] }, arg: "emailSubscriptions",
    received: '"ops-team"', message: '`emailSubscriptions` must hold email addresses, got "ops-team".' },

  // ARNs
  { category: "arn", component: "CrossAccountDeployRole", name: "trusts-account-root", args: deployRole({ pipelineRoleArn: `arn:aws:iam::${TOOLS}:root` }),
    arg: "pipelineRoleArn", received: `"arn:aws:iam::${TOOLS}:root"`,
    message: `\`pipelineRoleArn\` must be the exact ARN of the pipeline's role ("arn:aws:iam::<account>:role/<name>"), got "arn:aws:iam::${TOOLS}:root". An account root trusts every principal that account's administrators allow; name the pipeline's role.` },
  { category: "arn", component: "CrossAccountDeployRole", name: "artifact-key-alias", args: deployRole({ artifactKeyArn: "alias/pipeline" }), arg: "artifactKeyArn",
    received: '"alias/pipeline"',
    message: '`artifactKeyArn` must be a KMS key ARN such as "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", got "alias/pipeline". Aliases are not accepted: IAM policies name keys.' },
  { category: "arn", component: "CrossAccountDeployRole", name: "artifact-bucket-objects", args: deployRole({ artifactBucketArn: "arn:aws:s3:::app-artifacts/*" }),
    arg: "artifactBucketArn", received: '"arn:aws:s3:::app-artifacts/*"',
    message: '`artifactBucketArn` must be an S3 bucket ARN such as "arn:aws:s3:::my-artifacts", got "arn:aws:s3:::app-artifacts/*".' },
  { category: "arn", component: "EncryptionKey", name: "key-for-account-root", args: { principalArns: [`arn:aws:iam::${TOOLS}:root`] }, arg: "principalArns[0]",
    received: `"arn:aws:iam::${TOOLS}:root"`, message: roleMessage("principalArns[0]", `arn:aws:iam::${TOOLS}:root`) },
  { category: "arn", component: "SecureBucket", name: "bucket-reader-user", args: { readerArns: [ROLE, `arn:aws:iam::${TOOLS}:user/alice`] }, arg: "readerArns[1]",
    received: `"arn:aws:iam::${TOOLS}:user/alice"`, message: roleMessage("readerArns[1]", `arn:aws:iam::${TOOLS}:user/alice`) },
  { category: "arn", component: "Ec2FleetTarget", name: "fleet-artifact-key-alias", args: { artifactKeyArn: "alias/artifacts" }, arg: "artifactKeyArn",
    received: '"alias/artifacts"', message: '`artifactKeyArn` must be a KMS key ARN such as "arn:aws:kms:us-east-1:111122223333:key/<id>", got "alias/artifacts".' },
  { category: "arn", component: "CodeCommitRepo", name: "repo-notifications-queue", args: { notifications: { topicArn: `arn:aws:sqs:us-east-1:${ACCOUNT}:events` } },
    arg: "notifications.topicArn", received: `"arn:aws:sqs:us-east-1:${ACCOUNT}:events"`,
    message: `\`notifications.topicArn\` must be an SNS topic ARN ("arn:aws:sns:<region>:<account>:<name>"), got "arn:aws:sqs:us-east-1:${ACCOUNT}:events".` },
  { category: "arn", component: "CodeCommitRepo", name: "repo-trigger-layer", args: { triggers: [{ target: { lambdaFunctionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:layer:x` } }] },
    arg: "triggers[0].target.lambdaFunctionArn", received: `"arn:aws:lambda:us-east-1:${ACCOUNT}:layer:x"`,
    message: `\`triggers[0].target.lambdaFunctionArn\` must be a Lambda function ARN ("arn:aws:lambda:<region>:<account>:function:<name>"), got "arn:aws:lambda:us-east-1:${ACCOUNT}:layer:x".` },
  { category: "arn", component: "BuildProject", name: "build-alarm-topic-name", args: { monitoring: { topicArn: "alerts" } }, arg: "monitoring.topicArn",
    received: '"alerts"', message: '`monitoring.topicArn` must be an SNS topic ARN, got "alerts".' },
  { category: "arn", component: "BuildProject", name: "build-secret-arn", args: { environmentVariables: { DB_URL: { secret: "arn:aws:secretsmanager:us-east-1:1234:secret:db" } } },
    arg: "environmentVariables.DB_URL.secret", received: '"arn:aws:secretsmanager:us-east-1:1234:secret:db"',
    message: `\`environmentVariables.DB_URL.secret\` does not start with a valid secret ARN (arn:<partition>:secretsmanager:<region>:<account>:secret:<name>); use ${SECRET_REF}, got "arn:aws:secretsmanager:us-east-1:1234:secret:db".` },
  { category: "arn", component: "BeanstalkTarget", name: "beanstalk-secret-name", args: { secrets: { DB_PASSWORD: { secretsManagerSecretArn: "db-password" } } },
    arg: "secrets.DB_PASSWORD.secretsManagerSecretArn", received: '"db-password"',
    message: '`secrets.DB_PASSWORD.secretsManagerSecretArn` must be a secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>), got "db-password".' },
  { category: "arn", component: "BeanstalkTarget", name: "beanstalk-parameter-name", args: { secrets: { API_URL: { ssmParameterArn: "/app/api-url" } } },
    arg: "secrets.API_URL.ssmParameterArn", received: '"/app/api-url"',
    message: '`secrets.API_URL.ssmParameterArn` must be a parameter ARN (arn:aws:ssm:<region>:<account>:parameter/<name>), got "/app/api-url".' },
  { category: "arn", component: "Pipeline", name: "action-role-root", args: pipeline(twoStages(build({ roleArn: `arn:aws:iam::${TOOLS}:root` }))),
    arg: "stages[1].actions[0].roleArn", received: `"arn:aws:iam::${TOOLS}:root"`, message: roleMessage("stages[1].actions[0].roleArn", `arn:aws:iam::${TOOLS}:root`) },
  { category: "arn", component: "Pipeline", name: "approval-topic-queue",
    args: pipeline([{ name: "Source", actions: [SOURCE] }, { name: "Approve", actions: [{ manualApproval: { topicArn: `arn:aws:sqs:us-east-1:${ACCOUNT}:q` } }] }]),
    arg: "stages[1].actions[0].topicArn", received: `"arn:aws:sqs:us-east-1:${ACCOUNT}:q"`,
    message: `\`stages[1].actions[0].topicArn\` must be an ARN of the sns service ("arn:aws:sns:..."), got "arn:aws:sqs:us-east-1:${ACCOUNT}:q".` },
  { category: "arn", component: "Pipeline", name: "source-repository-wrong-service", args: pipeline([{ name: "Source", actions: [sourceWith({ repositoryArn: "arn:aws:s3:::app" })] }, { name: "Build", actions: [build()] }]),
    arg: "stages[0].actions[0].repositoryArn", received: '"arn:aws:s3:::app"',
    message: '`stages[0].actions[0].repositoryArn` must be an ARN of the codecommit service ("arn:aws:codecommit:..."), got "arn:aws:s3:::app".' },

  // Account ids
  { category: "account id", component: "CrossAccountDeployRole", name: "trusts-bare-account", args: deployRole({ pipelineRoleArn: TOOLS }), arg: "pipelineRoleArn",
    received: `"${TOOLS}"`,
    message: `\`pipelineRoleArn\` must be the exact ARN of the pipeline's role ("arn:aws:iam::<account>:role/<name>"), got "${TOOLS}". A bare account id trusts the whole account; name the pipeline's role.` },
  { category: "account id", component: "CodeCommitRepo", name: "repo-grant-to-account", args: { crossAccountAccess: [{ access: "pull", principalArns: [TOOLS] }] },
    arg: "crossAccountAccess[0].principalArns", received: `"${TOOLS}"`,
    message: `\`crossAccountAccess[0].principalArns\` must hold IAM role or user ARNs ("arn:aws:iam::<account>:role/<name>" or "arn:aws:iam::<account>:user/<name>"), got "${TOOLS}". A bare account id trusts the whole account; name the exact roles or users.` },
  { category: "account id", component: "EncryptionKey", name: "key-role-short-account", args: { principalArns: ["arn:aws:iam::11112222333:role/deploy"] }, arg: "principalArns[0]",
    received: '"arn:aws:iam::11112222333:role/deploy"', message: roleMessage("principalArns[0]", "arn:aws:iam::11112222333:role/deploy") },
  { category: "account id", component: "SecureBucket", name: "bucket-writer-account", args: { writerArns: [TOOLS] }, arg: "writerArns[0]", received: `"${TOOLS}"`,
    message: roleMessage("writerArns[0]", TOOLS) },
  { category: "account id", component: "CodeCommitRepo", name: "approver-short-account", args: { approvalPoolMembers: ["arn:aws:iam::12345:role/lead"] }, arg: "approvalPoolMembers",
    received: '"arn:aws:iam::12345:role/lead"',
    message: '`approvalPoolMembers` entries must be IAM user or role ARNs ("arn:aws:iam::<account>:user/<name>"), assumed-role ARNs ("arn:aws:sts::<account>:assumed-role/<role>/*") or "CodeCommitApprovers:<account>:<name>", got "arn:aws:iam::12345:role/lead".' },

  // Buildspec shapes
  { category: "buildspec", component: "BuildProject", name: "spec-unknown-phase", args: spec({ phases: { deploy: { commands: ["./deploy.sh"] } } }),
    arg: "buildSpec.phases.deploy", received: "deploy", message: "`buildSpec.phases.deploy` is not a buildspec phase; use install, pre_build, build or post_build." },
  { category: "buildspec", component: "BuildProject", name: "spec-blank-command", args: phases({ commands: ["  "] }), arg: "buildSpec.phases.build.commands[0]",
    received: '"  "', message: '`buildSpec.phases.build.commands[0]` must not be blank, got "  "; remove the item or fill it in.' },
  { category: "buildspec", component: "BuildProject", name: "spec-commands-string", args: phases({ commands: "npm test" }), arg: "buildSpec.phases.build.commands",
    received: "a string", message: "`buildSpec.phases.build.commands` must be a list of strings, got a string." },
  { category: "buildspec", component: "BuildProject", name: "spec-report-format", args: spec({ reports: { unit: { files: ["reports/*.xml"], "file-format": "XML" } } }),
    arg: "buildSpec.reports.unit.file-format", received: '"XML"',
    message: '`buildSpec.reports.unit.file-format` must be a test report format (JUNITXML, CUCUMBERJSON, TESTNGXML, VISUALSTUDIOTRX, NUNITXML, NUNIT3XML) or a code coverage format (CLOVERXML, COBERTURAXML, JACOCOXML, SIMPLECOV), got "XML".' },
  { category: "buildspec", component: "BuildProject", name: "spec-version", args: spec({ version: "0.1" }), arg: "buildSpec.version", received: '"0.1"',
    message: '`buildSpec.version` must be "0.2", the only buildspec version supported, got "0.1".' },
  { category: "buildspec", component: "BuildProject", name: "spec-number-variable", args: spec({ env: { variables: { PORT: 8080 } } }), arg: "buildSpec.env.variables.PORT",
    received: "the number 8080", message: "`buildSpec.env.variables.PORT` must be a string, got the number 8080; quote the value in YAML so it stays exactly as written." },
  { category: "buildspec", component: "BuildProject", name: "spec-on-failure", args: phases({ commands: ["make"], "on-failure": "RETRY" }),
    arg: "buildSpec.phases.build.on-failure", received: '"RETRY"', message: '`buildSpec.phases.build.on-failure` must be "ABORT" or "CONTINUE", got "RETRY".' },

  // Ranges
  { category: "range", component: "BuildProject", name: "build-timeout", args: { timeoutInMinutes: 2161 }, arg: "timeoutInMinutes", received: "2161",
    message: "`timeoutInMinutes` must be between 5 and 2160, got 2161." },
  { category: "range", component: "BuildProject", name: "queued-timeout", args: { queuedTimeoutInMinutes: 4 }, arg: "queuedTimeoutInMinutes", received: "got 4",
    message: "`queuedTimeoutInMinutes` must be between 5 and 480, got 4." },
  { category: "range", component: "BuildProject", name: "build-log-retention", args: { logRetentionInDays: 500 }, arg: "logRetentionInDays", received: "500",
    message: `\`logRetentionInDays\` must be one of ${BUILD_RETENTIONS}, got 500.` },
  { category: "range", component: "BeanstalkTarget", name: "beanstalk-log-retention", args: { logRetentionInDays: 1096 }, arg: "logRetentionInDays", received: "got 1096",
    message: `\`logRetentionInDays\` must be one of ${BEANSTALK_RETENTIONS}, got 1096.` },
  { category: "range", component: "EncryptionKey", name: "key-deletion-window", args: { deletionWindowInDays: 45 }, arg: "deletionWindowInDays", received: "45",
    message: "`deletionWindowInDays` must be a whole number from 7 to 30, got 45." },
  { category: "range", component: "CodeCommitRepo", name: "no-approvals", args: { requiredApprovals: 0 }, arg: "requiredApprovals", received: "got 0",
    message: "`requiredApprovals` must be a whole number from 1 to 200, got 0." },
  { category: "range", component: "Ec2FleetTarget", name: "fleet-min-over-max", args: { fleet: { ...FLEET, minSize: 3, maxSize: 2 } }, arg: "fleet.minSize", received: "(3)",
    message: "`fleet.minSize` (3) must not be greater than `fleet.maxSize` (2)." },
  { category: "range", component: "Ec2FleetTarget", name: "fleet-healthy-percent", args: { minimumHealthyHosts: { fleetPercent: 100 } }, arg: "minimumHealthyHosts.fleetPercent",
    received: "100", message: "`minimumHealthyHosts.fleetPercent` must be a whole number from 0 to 99, got 100." },
  { category: "range", component: "Ec2FleetTarget", name: "fleet-root-volume", args: { fleet: { ...FLEET, rootVolumeSizeGiB: 4 } }, arg: "fleet.rootVolumeSizeGiB",
    received: "got 4", message: "`fleet.rootVolumeSizeGiB` must be a whole number from 8 to 16384, got 4." },
  { category: "range", component: "BeanstalkTarget", name: "beanstalk-min-over-max", args: { environmentType: "LoadBalanced", minSize: 4, maxSize: 2 }, arg: "minSize",
    received: "(4)", message: "`minSize` (4) must not be greater than `maxSize` (2)." },
  { category: "range", component: "BeanstalkTarget", name: "beanstalk-version-age", args: { applicationVersionLifecycle: { maxAgeInDays: 365 } },
    arg: "applicationVersionLifecycle.maxAgeInDays", received: "365", message: "`applicationVersionLifecycle.maxAgeInDays` must be a whole number from 1 to 180, got 365." },
  { category: "range", component: "Pipeline", name: "run-order", args: pipeline(twoStages(build({ runOrder: 1000 }))), arg: "stages[1].actions[0].runOrder",
    received: "1000", message: "`stages[1].actions[0].runOrder` must be a whole number from 1 to 999, got 1000." },
  { category: "range", component: "SecureBucket", name: "bucket-expiry", args: { lifecycle: { expireObjectsAfterDays: 0 } }, arg: "lifecycle.expireObjectsAfterDays",
    received: "got 0", message: "`lifecycle.expireObjectsAfterDays` must be a whole number of days from 1 to 36500, got 0." },
  { category: "range", component: "Pipeline", name: "artifact-upload-days", args: pipeline(twoStages(), { artifactBucketOptions: { lifecycle: { abortIncompleteUploadsAfterDays: 1.5 } } }),
    arg: "artifactBucketOptions.lifecycle.abortIncompleteUploadsAfterDays", received: "1.5",
    message: "`artifactBucketOptions.lifecycle.abortIncompleteUploadsAfterDays` must be a whole number of days from 1 to 36500, got 1.5." },

  // Stage structures
  { category: "stage structure", component: "Pipeline", name: "one-stage", args: pipeline([{ name: "Source", actions: [SOURCE] }]), arg: "stages", received: "got 1",
    message: "`stages` must hold at least two stages (sources first, then what they feed), got 1." },
  { category: "stage structure", component: "Pipeline", name: "duplicate-stage", args: pipeline([{ name: "Source", actions: [SOURCE] }, { name: "Source", actions: [build()] }]),
    arg: "stages[1].name", received: '"Source"', message: '`stages[1].name` "Source" is already the name of `stages[0]`; stage names must be unique.' },
  { category: "stage structure", component: "Pipeline", name: "late-source", args: pipeline([{ name: "Source", actions: [SOURCE] }, { name: "Build", actions: [build(), sourceWith({ name: "Infra", output: "Infra" })] }]),
    arg: "stages[1].actions[1]", received: "codeCommitSource", message: "`stages[1].actions[1]` is a codeCommitSource action; source actions belong in the first stage only." },
  { category: "stage structure", component: "Pipeline", name: "unknown-input", args: pipeline(twoStages(build({ inputs: ["Sources"] }))), arg: "stages[1].actions[0].inputs",
    received: '"Sources"',
    message: '`stages[1].actions[0].inputs` names "Sources", which no earlier action produces (an artifact of the same stage needs a lower `runOrder`). Available at this point: SourceOutput.' },
  { category: "stage structure", component: "Pipeline", name: "duplicate-artifact", args: pipeline([{ name: "Source", actions: [sourceWith({ output: "App" }), sourceWith({ name: "Infra", output: "App" })] }, { name: "Build", actions: [build({ inputs: ["App"] })] }]),
    arg: "stages[0].actions[1].output", received: '"App"',
    message: '`stages[0].actions[1].output` "App" is already produced by `stages[0].actions[0]`; artifact names must be unique in a pipeline.' },
  { category: "stage structure", component: "Pipeline", name: "approval-first", args: pipeline([{ name: "Approve", actions: [{ manualApproval: {} }] }, { name: "Build", actions: [build()] }]),
    arg: "stages[0].actions[0]", received: "manualApproval",
    message: "`stages[0].actions[0]` is a manualApproval action; the first stage holds only source actions, so approvals go in a later stage." },
  { category: "stage structure", component: "Pipeline", name: "duplicate-action", args: pipeline([{ name: "Source", actions: [SOURCE] }, { name: "Build", actions: [build(), build({ runOrder: 2 })] }]),
    arg: "stages[1].actions[1].name", received: '"Build"',
    message: '`stages[1].actions[1].name` "Build" is already used by `stages[1].actions[0]`; action names must be unique within a stage (set `name`).' },

  // Plaintext secrets
  { category: "plaintext secret", component: "BuildProject", name: "build-env-access-key", args: { environmentVariables: { DEPLOY_KEY_ID: { value: AKIA } } },
    arg: "environmentVariables.DEPLOY_KEY_ID", received: "its value is an AWS access key id",
    message: `\`environmentVariables.DEPLOY_KEY_ID\` looks like a credential (its value is an AWS access key id); ${CREDENTIAL_FIX}` },
  { category: "plaintext secret", component: "BuildProject", name: "build-env-password", args: { environmentVariables: { DB_PASSWORD: { value: "hunter2" } } },
    arg: "environmentVariables.DB_PASSWORD", received: "its name says it holds a secret",
    message: `\`environmentVariables.DB_PASSWORD\` looks like a credential (its name says it holds a secret); ${CREDENTIAL_FIX}` },
  { category: "plaintext secret", component: "BuildProject", name: "build-env-secret-key", args: { environmentVariables: { SIGNING: { value: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" } } },
    arg: "environmentVariables.SIGNING", received: "its value looks like an AWS secret access key",
    message: `\`environmentVariables.SIGNING\` looks like a credential (its value looks like an AWS secret access key); ${CREDENTIAL_FIX}` },
  { category: "plaintext secret", component: "Pipeline", name: "override-aws-secret", args: pipeline(twoStages(build({ environmentVariables: { AWS_SECRET_ACCESS_KEY: { value: "x" } } }))),
    arg: "stages[1].actions[0].environmentVariables.AWS_SECRET_ACCESS_KEY", received: "a plain `value`",
    message: "`stages[1].actions[0].environmentVariables.AWS_SECRET_ACCESS_KEY` must not be a plain `value`: AWS credentials belong in `secret` or, better, the project's role." },
  { category: "plaintext secret", component: "Pipeline", name: "override-token", args: pipeline(twoStages(build({ environmentVariables: { NPM_TOKEN: { value: "npm_abc123" } } }))),
    arg: "stages[1].actions[0].environmentVariables.NPM_TOKEN", received: "its name says it holds a secret",
    message: `\`stages[1].actions[0].environmentVariables.NPM_TOKEN\` looks like a credential (its name says it holds a secret); ${CREDENTIAL_FIX}` },
  { category: "plaintext secret", component: "BuildProject", name: "spec-env-token", args: spec({ env: { variables: { GITHUB_TOKEN: "ghp_abc123" } } }),
    arg: "buildSpec.env.variables.GITHUB_TOKEN", received: "its name says it holds a secret",
    message: `\`buildSpec.env.variables.GITHUB_TOKEN\` looks like a plaintext credential (its name says it holds a secret); ${SPEC_CREDENTIAL_FIX}` },
  { category: "plaintext secret", component: "BuildProject", name: "spec-env-access-key", args: spec({ env: { variables: { UPLOAD_ID: AKIA } } }),
    arg: "buildSpec.env.variables.UPLOAD_ID", received: "its value is an AWS access key id",
    message: `\`buildSpec.env.variables.UPLOAD_ID\` looks like a plaintext credential (its value is an AWS access key id); ${SPEC_CREDENTIAL_FIX}` },
  { category: "plaintext secret", component: "BeanstalkTarget", name: "beanstalk-env-password", args: { environmentVariables: { DB_PASSWORD: "hunter2" } },
    arg: "environmentVariables.DB_PASSWORD", received: "its name says it holds a secret",
    message: "`environmentVariables.DB_PASSWORD` looks like a credential (its name says it holds a secret); store it in SSM Parameter Store or Secrets Manager and pass it in `secrets`." },
  { category: "plaintext secret", component: "BeanstalkTarget", name: "beanstalk-env-access-key", args: { environmentVariables: { AWS_ACCESS_KEY_ID: AKIA } },
    arg: "environmentVariables.AWS_ACCESS_KEY_ID", received: "its value is an AWS access key id",
    message: "`environmentVariables.AWS_ACCESS_KEY_ID` looks like a credential (its value is an AWS access key id); store it in SSM Parameter Store or Secrets Manager and pass it in `secrets`." },

  // Conflicting options
  { category: "conflict", component: "BuildProject", name: "spec-and-file", args: { ...spec({}), buildSpecFile: "ci/buildspec.yml" }, arg: "buildSpec", received: "`buildSpecFile`",
    message: "`buildSpec` and `buildSpecFile` are exclusive: give the buildspec inline or name its file in the source." },
  { category: "conflict", component: "BuildProject", name: "alarm-emails-and-topic",
    args: { monitoring: { topicArn: `arn:aws:sns:us-east-1:${ACCOUNT}:alerts`, emailSubscriptions: ["ops@example.com"] } }, arg: "monitoring.emailSubscriptions",
    received: "`monitoring.topicArn`",
    message: "`monitoring.emailSubscriptions` only subscribes to the topic the component creates; subscribe to your `monitoring.topicArn` yourself." },
  { category: "conflict", component: "BuildProject", name: "cache-both", args: { cache: { local: ["LOCAL_SOURCE_CACHE"], s3: { bucketName: "build-cache" } } }, arg: "cache",
    received: "got both", message: "`cache` must set exactly one of `local` or `s3`, got both." },
  { category: "conflict", component: "BeanstalkTarget", name: "stack-name-and-regex", args: { solutionStackName: "64bit Amazon Linux 2023 v6.1.0 running Node.js 20", solutionStackRegex: "Node.js 22$" },
    arg: "solutionStackName", received: "`solutionStackRegex`", message: "Give either `solutionStackName` or `solutionStackRegex`, not both." },
  { category: "conflict", component: "BeanstalkTarget", name: "application-and-name", args: { application: { name: "shop", arn: "arn:aws:elasticbeanstalk:us-east-1:123456789012:application/shop" }, applicationName: "shop" },
    arg: "applicationName", received: "`application`", message: "`applicationName` applies to a created application; remove it or remove `application`." },
  { category: "conflict", component: "BeanstalkTarget", name: "variable-and-secret", args: { environmentVariables: { API_URL: "https://api" }, secrets: { API_URL: { ssmParameterArn: `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/api` } } },
    arg: "secrets", received: "`API_URL`", message: "`API_URL` is in both `environmentVariables` and `secrets`; keep it in one." },
  { category: "conflict", component: "Ec2FleetTarget", name: "tags-and-fleet", args: { ec2TagFilters: [{ key: "App", value: "shop" }], fleet: FLEET }, arg: "ec2TagFilters",
    received: "got `ec2TagFilters` and `fleet`", message: "Give only one of `ec2TagFilters`, `ec2TagSet`, `autoscalingGroups` and `fleet`, got `ec2TagFilters` and `fleet`." },
  { category: "conflict", component: "Ec2FleetTarget", name: "strategy-and-healthy", args: { deploymentStrategy: "AllAtOnce", minimumHealthyHosts: { hostCount: 1 } },
    arg: "deploymentStrategy", received: "`minimumHealthyHosts`", message: "Give either `deploymentStrategy` or `minimumHealthyHosts`, not both." },
  { category: "conflict", component: "Pipeline", name: "pipeline-emails-and-topic", args: pipeline(twoStages(), { notifications: { topicArn: `arn:aws:sns:us-east-1:${ACCOUNT}:ops`, emailSubscriptions: ["ops@example.com"] } }),
    arg: "notifications.emailSubscriptions", received: "`notifications.topicArn`",
    message: "`notifications.emailSubscriptions` only applies to the created topic; subscribe them to `notifications.topicArn` yourself, or remove `notifications.topicArn`." },
  { category: "conflict", component: "Pipeline", name: "bucket-and-options", args: pipeline(twoStages(), { artifactBucket: { bucketName: "artifacts", keyArn: KEY.keyArn }, artifactBucketOptions: { forceDestroy: true } }),
    arg: "artifactBucketOptions", received: "`artifactBucket`", message: "`artifactBucketOptions` only applies to the created bucket; remove it, or remove `artifactBucket`." },
  { category: "conflict", component: "Pipeline", name: "approval-emails-and-topic",
    args: pipeline([{ name: "Source", actions: [SOURCE] }, { name: "Approve", actions: [{ manualApproval: { topicArn: `arn:aws:sns:us-east-1:${ACCOUNT}:ops`, notifyEmails: ["lead@example.com"] } }] }]),
    arg: "stages[1].actions[0].notifyEmails", received: "`topicArn`",
    message: "`stages[1].actions[0].notifyEmails` only applies to the created topic; subscribe them to `topicArn` yourself, or remove `topicArn`." },
  { category: "conflict", component: "CodeCommitRepo", name: "no-approvals-but-count", args: { requirePullRequestApprovals: false, requiredApprovals: 3 }, arg: "requiredApprovals",
    received: "`requirePullRequestApprovals` is false", message: "`requiredApprovals` has no effect when `requirePullRequestApprovals` is false; remove one of them." },
  { category: "conflict", component: "CodeCommitRepo", name: "event-target-both",
    args: { commitEvents: [{ target: { snsTopicArn: `arn:aws:sns:us-east-1:${ACCOUNT}:commits`, lambdaFunctionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:f` } }] },
    arg: "commitEvents[0].target", received: "got both",
    message: "`commitEvents[0].target` must set only one of `snsTopicArn` or `lambdaFunctionArn`, got both. Add a second entry for the other target." },
];

/** Inputs that an earlier version accepted, or refused without rendering the received value. */
const FORMER_GAPS: BadInputCase[] = [
  { category: "arn", component: "Pipeline", name: "pipeline-topic", args: pipeline(twoStages(), { notifications: { topicArn: "not-an-arn" } }),
    arg: "notifications.topicArn", received: "\"not-an-arn\"",
    message: "`notifications.topicArn` must be an SNS topic ARN, got \"not-an-arn\"." },
  { category: "arn", component: "Pipeline", name: "artifact-bucket-key", args: pipeline(twoStages(), { artifactBucket: { bucketName: "artifacts", bucketArn: "artifacts", keyArn: "alias/artifacts" } }),
    arg: "artifactBucket.keyArn", received: "\"alias/artifacts\"",
    message: "`artifactBucket.keyArn` must be a KMS key ARN such as \"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\" (not an alias), got \"alias/artifacts\"." },
  { category: "arn", component: "BuildProject", name: "secrets-key-alias", args: { secretsKeyArns: ["alias/secrets"], environmentVariables: { DB_URL: { parameter: "/app/db-url" } } },
    arg: "secretsKeyArns[0]", received: "\"alias/secrets\"",
    message: "`secretsKeyArns[0]` must be a KMS key ARN such as \"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\" (not an alias), got \"alias/secrets\"." },
  { category: "arn", component: "BuildProject", name: "build-key-alias", args: { encryptionKey: { keyArn: "alias/mine" } },
    arg: "encryptionKey.keyArn", received: "\"alias/mine\"",
    message: "`encryptionKey.keyArn` must be a KMS key ARN such as \"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\" (not an alias), got \"alias/mine\"." },
  { category: "arn", component: "SecureTopic", name: "topic-any-publisher", args: { encryptionKey: KEY, publisherServices: ["*"] },
    arg: "publisherServices", received: "\"*\"",
    message: "`publisherServices` must hold AWS service principals such as \"events.amazonaws.com\", got \"*\"." },
  { category: "name", component: "SecureBucket", name: "access-logs-arn", args: { accessLogs: { bucketName: "arn:aws:s3:::logs" } },
    arg: "accessLogs.bucketName", received: "\"arn:aws:s3:::logs\"",
    message: "`accessLogs.bucketName` must be an S3 bucket name (not an ARN), got \"arn:aws:s3:::logs\"." },
  { category: "buildspec", component: "BuildProject", name: "empty-commands", args: phases({ commands: [] }),
    arg: "buildSpec.phases.build.commands", received: "[]",
    message: "`buildSpec.phases.build.commands` must not be empty, got []; list at least one command or remove `commands`." },
  { category: "range", component: "BeanstalkTarget", name: "empty-subnets", args: { vpc: { vpcId: "vpc-0123456789abcdef0", instanceSubnetIds: [] } },
    arg: "vpc.instanceSubnetIds", received: "[]",
    message: "`vpc.instanceSubnetIds` must list at least one subnet, got []." },
  { category: "range", component: "Ec2FleetTarget", name: "fleet-no-subnets", args: { fleet: { ...FLEET, subnetIds: [] } },
    arg: "fleet.subnetIds", received: "[]",
    message: "`fleet.subnetIds` must list at least one subnet, got []." },
  { category: "range", component: "CrossAccountDeployRole", name: "no-targets", args: deployRole({ beanstalkTargets: [] }),
    arg: "beanstalkTargets", received: "[]",
    message: "`beanstalkTargets` must name at least one target to deploy to, got []; e.g. `[target.beanstalkDeployTarget()]`." },
  { category: "stage structure", component: "Pipeline", name: "empty-stage", args: pipeline([{ name: "Source", actions: [SOURCE] }, { name: "Build", actions: [] }]),
    arg: "stages[1].actions", received: "[]",
    message: "`stages[1].actions` must hold at least one action, got []." },
];


// ---------------------------------------------------------------------------------------------
// Issue 10, hostile and careless input: types, principals, secrets, structure and quotas.
// (Names and buildspec-file cases of the same issue live in their own block.)
// ---------------------------------------------------------------------------------------------

const ROOT = `arn:aws:iam::${TOOLS}:root`;
const KEY_ARN = KEY.keyArn;
const boolMessage = (arg: string, got: string) => `\`${arg}\` must be true or false, got ${got}; pass a boolean, not a string or number.`;
const numberMessage = (arg: string, got: string) => `\`${arg}\` must be a number, got ${got}; pass a number, not a string.`;
const listMessage = (arg: string, got: string) => `\`${arg}\` must be a list, got ${got}; wrap a single item in [ ].`;
const keyMessage = (arg: string, got: string, hint = "") =>
  `\`${arg}\` must be a key object (an EncryptionKey, or \`{ keyArn }\` for a key you own), got ${got}${hint}.`;
const keyArnHint = (arn: string) => `; to name a key by ARN, pass \`{ keyArn: "${arn}" }\``;
const requiredMessage = (arg: string, parent: string) => `\`${arg}\` is required when \`${parent}\` is given, got nothing; add it or leave \`${parent}\` out.`;
const objectMessage = (arg: string, fields: string, got: string) =>
  `\`${arg}\` must be an object with ${fields}, got ${got}; pass the fields or leave \`${arg}\` out.`;
const TRUST = (arg: string, v: string, why: string) =>
  `\`${arg}\` must hold IAM role or user ARNs ("arn:aws:iam::<account>:role/<name>" or "arn:aws:iam::<account>:user/<name>"), got "${v}".${why}`;
const ROOT_WHY = " An account root trusts every principal that account's administrators allow; name the exact roles or users.";
const BEANSTALK_FIX = "store it in SSM Parameter Store or Secrets Manager and pass it in `secrets`.";
const SPEC_COMMAND_FIX =
  "store it in Parameter Store or Secrets Manager, reference it from `env.parameter-store` or `env.secrets-manager` and use the variable in the command.";
const QUOTA_HINT = "The quota is adjustable: ask AWS for more through Service Quotas";
const ARTIFACT = (n: number) => `A${n}`;

// Fake credentials, assembled so that no scanner mistakes this file for a leak.
const FAKE = {
  github: "ghp_" + "a1B2c3D4e5".repeat(3) + "f6G7h8",
  gitlab: "glpat-" + "xY3zW8vU1tS6rQ9pO2nM",
  npm: "npm_" + "a1b2C3d4E5".repeat(3) + "f6G7h8",
  slackHook: "https://hooks.slack.com/services/" + "T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
  stripe: "sk_" + "live_" + "4eC39HqLyjWDarjtT1zdp7dc",
  jwt: "eyJ" + "hbGciOiJIUzI1NiJ9.eyJ" + "zdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
  pem: "-----BEGIN " + "EC PRIVATE KEY-----\nMHcCAQEEIB\n-----END EC PRIVATE KEY-----",
  dbUrl: "mysql://admin:" + "pa55word@db.internal/app",
  random: "Zx8Qm2Lr7Tv4Wn9Ks1Hd6Jf3Bc5Gy0Pa",
};

const stagesOf = (n: number) =>
  Array.from({ length: n }, (_, i) => (i === 0 ? { name: "Source", actions: [SOURCE] } : { name: `Build${i}`, actions: [build()] }));
const buildActions = (n: number) => Array.from({ length: n }, (_, i) => build({ name: `Build${i}` }));
const manyRoles = (n: number) => Array.from({ length: n }, (_, i) => `arn:aws:iam::${TOOLS}:role/ci/team-${String(i).padStart(3, "0")}-deployer`);

/** Issue 10's cases (types, principals, secrets, structure, quotas); also in {@link BAD_INPUTS}. */
export const ISSUE_10_CASES: BadInputCase[] = [
  // Types: booleans must be booleans
  { category: "type", component: "BuildProject", name: "docker-builds-yes", args: { dockerBuilds: "yes" }, arg: "dockerBuilds", received: 'the string "yes"',
    message: boolMessage("dockerBuilds", 'the string "yes"') },
  { category: "type", component: "BeanstalkTarget", name: "insecure-overrides-false-string", args: { allowInsecureSettingOverrides: "false" },
    arg: "allowInsecureSettingOverrides", received: 'the string "false"', message: boolMessage("allowInsecureSettingOverrides", 'the string "false"') },
  { category: "type", component: "BeanstalkTarget", name: "ebs-default-one", args: { enableEbsEncryptionByDefault: 1 }, arg: "enableEbsEncryptionByDefault",
    received: "the number 1", message: boolMessage("enableEbsEncryptionByDefault", "the number 1") },
  { category: "type", component: "EncryptionKey", name: "key-retain-string", args: { retainOnDelete: "true" }, arg: "retainOnDelete", received: 'the string "true"',
    message: boolMessage("retainOnDelete", 'the string "true"') },
  { category: "type", component: "EncryptionKey", name: "key-autoscaling-no", args: { allowAutoScalingVolumes: "no" }, arg: "allowAutoScalingVolumes",
    received: 'the string "no"', message: boolMessage("allowAutoScalingVolumes", 'the string "no"') },
  { category: "type", component: "SecureBucket", name: "bucket-force-destroy-string", args: { forceDestroy: "false" }, arg: "forceDestroy",
    received: 'the string "false"', message: boolMessage("forceDestroy", 'the string "false"') },
  { category: "type", component: "SecureBucket", name: "bucket-events-null", args: { eventBridgeNotifications: null }, arg: "eventBridgeNotifications",
    received: "null", message: boolMessage("eventBridgeNotifications", "null") },
  { category: "type", component: "CodeCommitRepo", name: "repo-approvals-false-string", args: { requirePullRequestApprovals: "false" },
    arg: "requirePullRequestApprovals", received: 'the string "false"', message: boolMessage("requirePullRequestApprovals", 'the string "false"') },
  { category: "type", component: "Pipeline", name: "pipeline-notifications-string", args: pipeline(twoStages(), { notifications: { enabled: "false" } }),
    arg: "notifications.enabled", received: 'the string "false"', message: boolMessage("notifications.enabled", 'the string "false"') },
  { category: "type", component: "Pipeline", name: "action-batch-string", args: pipeline(twoStages(build({ batch: "true" }))), arg: "stages[1].actions[0].batch",
    received: 'the string "true"', message: boolMessage("stages[1].actions[0].batch", 'the string "true"') },
  { category: "type", component: "Pipeline", name: "source-full-clone-string", args: pipeline([{ name: "Source", actions: [sourceWith({ fullClone: "yes" })] }, { name: "Build", actions: [build()] }]),
    arg: "stages[0].actions[0].fullClone", received: 'the string "yes"', message: boolMessage("stages[0].actions[0].fullClone", 'the string "yes"') },
  { category: "type", component: "BuildProject", name: "alarm-off-string", args: { monitoring: { failedBuildsAlarm: "off" } }, arg: "monitoring.failedBuildsAlarm",
    received: 'the string "off"', message: boolMessage("monitoring.failedBuildsAlarm", 'the string "off"') },
  { category: "type", component: "CodeCommitRepo", name: "repo-mfa-string", args: { crossAccountAccess: [{ access: "pull", principalArns: [ROLE], requireMfa: "yes" }] },
    arg: "crossAccountAccess[0].requireMfa", received: 'the string "yes"', message: boolMessage("crossAccountAccess[0].requireMfa", 'the string "yes"') },

  // Types: key arguments must be key objects
  { category: "type", component: "BuildProject", name: "build-key-arn-string", args: { encryptionKey: KEY_ARN }, arg: "encryptionKey",
    received: `the string "${KEY_ARN}"`, message: keyMessage("encryptionKey", `the string "${KEY_ARN}"`, keyArnHint(KEY_ARN)) },
  { category: "type", component: "Pipeline", name: "pipeline-key-arn-string", args: pipeline(twoStages(), { encryptionKey: KEY_ARN }), arg: "encryptionKey",
    received: `the string "${KEY_ARN}"`, message: keyMessage("encryptionKey", `the string "${KEY_ARN}"`, keyArnHint(KEY_ARN)) },
  { category: "type", component: "SecureBucket", name: "bucket-key-arn-string", args: { encryptionKey: KEY_ARN }, arg: "encryptionKey",
    received: `the string "${KEY_ARN}"`, message: keyMessage("encryptionKey", `the string "${KEY_ARN}"`, keyArnHint(KEY_ARN)) },
  { category: "type", component: "CodeCommitRepo", name: "repo-key-empty", args: { encryptionKey: {} }, arg: "encryptionKey", received: "an empty object {}",
    message: keyMessage("encryptionKey", "an empty object {}") },
  { category: "type", component: "SecureTopic", name: "topic-no-key", args: {}, arg: "encryptionKey", received: "got nothing",
    message: "`encryptionKey` is required, got nothing." },
  { category: "type", component: "SecureTopic", name: "topic-key-alias-string", args: { encryptionKey: "alias/topics" }, arg: "encryptionKey",
    received: 'the string "alias/topics"', message: keyMessage("encryptionKey", 'the string "alias/topics"', keyArnHint("alias/topics")) },
  { category: "type", component: "BeanstalkTarget", name: "beanstalk-key-id-object", args: { encryptionKey: { keyId: "1234" } }, arg: "encryptionKey",
    received: "an object", message: keyMessage("encryptionKey", "an object") },
  { category: "type", component: "Ec2FleetTarget", name: "fleet-key-arn-string", args: { encryptionKey: KEY_ARN }, arg: "encryptionKey",
    received: `the string "${KEY_ARN}"`, message: keyMessage("encryptionKey", `the string "${KEY_ARN}"`, keyArnHint(KEY_ARN)) },

  // Types: numbers must be numbers
  { category: "type", component: "BuildProject", name: "timeout-string", args: { timeoutInMinutes: "60" }, arg: "timeoutInMinutes", received: 'the string "60"',
    message: numberMessage("timeoutInMinutes", 'the string "60"') },
  { category: "type", component: "EncryptionKey", name: "deletion-window-string", args: { deletionWindowInDays: "30" }, arg: "deletionWindowInDays",
    received: 'the string "30"', message: numberMessage("deletionWindowInDays", 'the string "30"') },
  { category: "type", component: "BeanstalkTarget", name: "min-size-string", args: { minSize: "2" }, arg: "minSize", received: 'the string "2"',
    message: numberMessage("minSize", 'the string "2"') },
  { category: "type", component: "CodeCommitRepo", name: "approvals-string", args: { requiredApprovals: "2" }, arg: "requiredApprovals", received: 'the string "2"',
    message: numberMessage("requiredApprovals", 'the string "2"') },
  { category: "type", component: "Ec2FleetTarget", name: "fleet-max-string", args: { fleet: { ...FLEET, maxSize: "4" } }, arg: "fleet.maxSize", received: 'the string "4"',
    message: numberMessage("fleet.maxSize", 'the string "4"') },
  { category: "type", component: "SecureBucket", name: "expiry-nan", args: { lifecycle: { expireObjectsAfterDays: NaN } }, arg: "lifecycle.expireObjectsAfterDays",
    received: "the number NaN", message: numberMessage("lifecycle.expireObjectsAfterDays", "the number NaN") },
  { category: "type", component: "Pipeline", name: "run-order-string", args: pipeline(twoStages(build({ runOrder: "2" }))), arg: "stages[1].actions[0].runOrder",
    received: 'the string "2"', message: numberMessage("stages[1].actions[0].runOrder", 'the string "2"') },

  // Types: lists must be lists
  { category: "type", component: "SecureBucket", name: "readers-string", args: { readerArns: ROLE }, arg: "readerArns", received: `the string "${ROLE}"`,
    message: listMessage("readerArns", `the string "${ROLE}"`) },
  { category: "type", component: "EncryptionKey", name: "key-principals-string", args: { principalArns: ROLE }, arg: "principalArns", received: `the string "${ROLE}"`,
    message: listMessage("principalArns", `the string "${ROLE}"`) },
  { category: "type", component: "CodeCommitRepo", name: "protected-branches-string", args: { protectedBranches: "main" }, arg: "protectedBranches",
    received: 'the string "main"', message: listMessage("protectedBranches", 'the string "main"') },
  { category: "type", component: "BuildProject", name: "secrets-keys-string", args: { secretsKeyArns: KEY_ARN }, arg: "secretsKeyArns", received: `the string "${KEY_ARN}"`,
    message: listMessage("secretsKeyArns", `the string "${KEY_ARN}"`) },
  { category: "type", component: "Pipeline", name: "stages-object", args: { stages: {} }, arg: "stages", received: "an empty object {}",
    message: listMessage("stages", "an empty object {}") },
  { category: "type", component: "BeanstalkTarget", name: "settings-object", args: { settings: { namespace: "aws:elb:listener", name: "Port", value: "80" } }, arg: "settings",
    received: "an object", message: listMessage("settings", "an object") },
  { category: "type", component: "Ec2FleetTarget", name: "asg-string", args: { autoscalingGroups: "asg-1" }, arg: "autoscalingGroups", received: 'the string "asg-1"',
    message: listMessage("autoscalingGroups", 'the string "asg-1"') },
  { category: "type", component: "CrossAccountDeployRole", name: "targets-object", args: deployRole({ beanstalkTargets: PROD_TARGET }), arg: "beanstalkTargets",
    received: "an object", message: listMessage("beanstalkTargets", "an object") },
  { category: "type", component: "CodeCommitRepo", name: "trust-principals-string", args: { crossAccountAccess: [{ access: "pull", principalArns: ROLE }] },
    arg: "crossAccountAccess[0].principalArns", received: `the string "${ROLE}"`, message: listMessage("crossAccountAccess[0].principalArns", `the string "${ROLE}"`) },
  { category: "type", component: "BuildProject", name: "env-allow-plaintext-string", args: { environmentVariables: { STAGE: { value: "prod", allowPlaintext: "yes" } } },
    arg: "environmentVariables.STAGE.allowPlaintext", received: 'the string "yes"',
    message: '`environmentVariables.STAGE.allowPlaintext` must be true or false, got the string "yes".' },

  // Structure: null, {} and missing fields where an object with fields is required
  { category: "stage structure", component: "BuildProject", name: "vpc-without-subnets", args: { vpc: { vpcId: "vpc-0123456789abcdef0", securityGroupIds: ["sg-0123456789abcdef0"] } },
    arg: "vpc.subnetIds", received: "got nothing", message: requiredMessage("vpc.subnetIds", "vpc") },
  { category: "stage structure", component: "BuildProject", name: "vpc-null", args: { vpc: null }, arg: "vpc", received: "null",
    message: objectMessage("vpc", "`vpcId`, `subnetIds` and `securityGroupIds`", "null") },
  { category: "stage structure", component: "BeanstalkTarget", name: "beanstalk-vpc-empty", args: { vpc: {} }, arg: "vpc.vpcId", received: "got nothing",
    message: requiredMessage("vpc.vpcId", "vpc") },
  { category: "stage structure", component: "BeanstalkTarget", name: "beanstalk-vpc-no-subnets", args: { vpc: { vpcId: "vpc-0123456789abcdef0" } },
    arg: "vpc.instanceSubnetIds", received: "got nothing", message: requiredMessage("vpc.instanceSubnetIds", "vpc") },
  { category: "stage structure", component: "Ec2FleetTarget", name: "fleet-empty", args: { fleet: {} }, arg: "fleet.instanceType", received: "got nothing",
    message: requiredMessage("fleet.instanceType", "fleet") },
  { category: "stage structure", component: "SecureBucket", name: "access-logs-empty", args: { accessLogs: {} }, arg: "accessLogs.bucketName", received: "got nothing",
    message: requiredMessage("accessLogs.bucketName", "accessLogs") },
  { category: "stage structure", component: "Pipeline", name: "bucket-without-key", args: pipeline(twoStages(), { artifactBucket: { bucketName: "artifacts" } }),
    arg: "artifactBucket.keyArn", received: "got nothing", message: requiredMessage("artifactBucket.keyArn", "artifactBucket") },
  { category: "stage structure", component: "BuildProject", name: "report-export-null", args: { reportExport: null }, arg: "reportExport", received: "null",
    message: objectMessage("reportExport", "`bucketName`", "null") },
  { category: "stage structure", component: "BuildProject", name: "args-null", args: null, arg: "args", received: "null",
    message: "`args` must be an object, got null; pass `{ ... }` as the second constructor argument." },
  { category: "stage structure", component: "EncryptionKey", name: "args-string", args: "key", arg: "args", received: 'the string "key"',
    message: '`args` must be an object, got the string "key"; pass `{ ... }` as the second constructor argument.' },
  { category: "stage structure", component: "Pipeline", name: "stage-null", args: pipeline([null as never, { name: "Build", actions: [build()] }]), arg: "stages[0]", received: "null",
    message: objectMessage("stages[0]", "`name` and `actions`", "null") },
  { category: "stage structure", component: "Pipeline", name: "action-kind-null", args: pipeline([{ name: "Source", actions: [SOURCE] }, { name: "Build", actions: [{ codeBuild: null }] }]),
    arg: "stages[1].actions[0].codeBuild", received: "null", message: objectMessage("stages[1].actions[0].codeBuild", "the action's fields", "null") },
  { category: "stage structure", component: "Pipeline", name: "stage-actions-string", args: pipeline([{ name: "Source", actions: [SOURCE] }, { name: "Build", actions: "build" }]),
    arg: "stages[1].actions", received: 'the string "build"', message: listMessage("stages[1].actions", 'the string "build"') },
  { category: "stage structure", component: "CodeCommitRepo", name: "trust-entry-null", args: { crossAccountAccess: [null] }, arg: "crossAccountAccess[0]", received: "null",
    message: objectMessage("crossAccountAccess[0]", "`access` and `principalArns`", "null") },
  { category: "stage structure", component: "BuildProject", name: "env-vars-string", args: { environmentVariables: "STAGE=prod" }, arg: "environmentVariables",
    received: 'the string "STAGE=prod"', message: objectMessage("environmentVariables", "variables by name", 'the string "STAGE=prod"') },

  { category: "stage structure", component: "CodeCommitRepo", name: "trigger-null", args: { triggers: [null] }, arg: "triggers[0]", received: "null",
    message: "`triggers[0]` must be an object with a `target`, got null." },
  { category: "stage structure", component: "BeanstalkTarget", name: "setting-null", args: { settings: [null] }, arg: "settings[0]", received: "null",
    message: "`settings[0]` must be an object with `namespace`, `name` and `value`, got null." },
  { category: "stage structure", component: "Ec2FleetTarget", name: "tag-set-string", args: { ec2TagSet: "App=shop" }, arg: "ec2TagSet", received: 'the string "App=shop"',
    message: listMessage("ec2TagSet", 'the string "App=shop"') },
  { category: "stage structure", component: "Ec2FleetTarget", name: "tag-set-group-null", args: { ec2TagSet: [null] }, arg: "ec2TagSet[0]", received: "null",
    message: listMessage("ec2TagSet[0]", "null") },
  { category: "type", component: "CodeCommitRepo", name: "branch-object", args: { protectedBranches: [{ name: "main" }] }, arg: "protectedBranches[0]", received: "an object",
    message: "`protectedBranches[0]` must be a string, got an object." },
  { category: "principal", component: "EncryptionKey", name: "key-principal-null", args: { principalArns: [null] }, arg: "principalArns[0]", received: "got null",
    message: '`principalArns[0]` must be an IAM role ARN such as "arn:aws:iam::111122223333:role/deploy", got null. Name the exact role, not an account.' },
  { category: "principal", component: "SecureBucket", name: "reader-object", args: { readerArns: [{ arn: ROLE }] }, arg: "readerArns[0]", received: "got an object",
    message: '`readerArns[0]` must be an IAM role ARN such as "arn:aws:iam::111122223333:role/deploy", got an object. Name the exact role, not an account.' },

  // Principals: never `*`, an account root or a session
  { category: "principal", component: "EncryptionKey", name: "key-for-anyone", args: { principalArns: ["*"] }, arg: "principalArns[0]", received: '"*"',
    message: roleMessage("principalArns[0]", "*") },
  { category: "principal", component: "SecureBucket", name: "writer-session", args: { writerArns: [`arn:aws:sts::${TOOLS}:assumed-role/deploy/ci`] }, arg: "writerArns[0]",
    received: `"arn:aws:sts::${TOOLS}:assumed-role/deploy/ci"`, message: roleMessage("writerArns[0]", `arn:aws:sts::${TOOLS}:assumed-role/deploy/ci`) },
  { category: "principal", component: "CodeCommitRepo", name: "trust-account-root", args: { crossAccountAccess: [{ access: "read", principalArns: [ROOT] }] },
    arg: "crossAccountAccess[0].principalArns", received: `"${ROOT}"`, message: TRUST("crossAccountAccess[0].principalArns", ROOT, ROOT_WHY) },
  { category: "principal", component: "CodeCommitRepo", name: "trust-anyone", args: { crossAccountAccess: [{ access: "push", principalArns: [ROLE, "*"] }] },
    arg: "crossAccountAccess[0].principalArns", received: '"*"', message: TRUST("crossAccountAccess[0].principalArns", "*", "") },
  { category: "principal", component: "CrossAccountDeployRole", name: "trusts-anyone", args: deployRole({ pipelineRoleArn: "*" }), arg: "pipelineRoleArn", received: '"*"',
    message: `\`pipelineRoleArn\` must be the exact ARN of the pipeline's role ("arn:aws:iam::<account>:role/<name>"), got "*".` },
  { category: "principal", component: "Pipeline", name: "action-role-session", args: pipeline(twoStages(build({ roleArn: `arn:aws:sts::${TOOLS}:assumed-role/x/y` }))),
    arg: "stages[1].actions[0].roleArn", received: `"arn:aws:sts::${TOOLS}:assumed-role/x/y"`,
    message: roleMessage("stages[1].actions[0].roleArn", `arn:aws:sts::${TOOLS}:assumed-role/x/y`) },
  { category: "principal", component: "Pipeline", name: "project-role-root", args: pipeline(twoStages(build({ projectRoleName: "build-role", projectRoleArn: `arn:aws:iam::${ACCOUNT}:root` }))),
    arg: "stages[1].actions[0].projectRoleArn", received: `"arn:aws:iam::${ACCOUNT}:root"`,
    message: roleMessage("stages[1].actions[0].projectRoleArn", `arn:aws:iam::${ACCOUNT}:root`) },
  { category: "principal", component: "Pipeline", name: "project-role-arn-alone", args: pipeline(twoStages(build({ projectRoleArn: `arn:aws:iam::${ACCOUNT}:role/build-role` }))),
    arg: "stages[1].actions[0].projectRoleArn", received: "got none",
    message: "`stages[1].actions[0].projectRoleArn` needs `projectRoleName`, the name of the same role, got none. Use `project.buildAction()`, which sets both." },
  { category: "principal", component: "SecureBucket", name: "reader-any-role", args: { readerArns: [`arn:aws:iam::${TOOLS}:role/*`] }, arg: "readerArns[0]",
    received: `"arn:aws:iam::${TOOLS}:role/*"`, message: roleMessage("readerArns[0]", `arn:aws:iam::${TOOLS}:role/*`) },

  // Secrets: credential shapes, whatever the variable's name
  { category: "plaintext secret", component: "BuildProject", name: "env-github-token", args: { environmentVariables: { CONFIG: { value: FAKE.github } } },
    arg: "environmentVariables.CONFIG", received: "its value is a GitHub token",
    message: `\`environmentVariables.CONFIG\` looks like a credential (its value is a GitHub token); ${CREDENTIAL_FIX}` },
  { category: "plaintext secret", component: "BuildProject", name: "env-private-key", args: { environmentVariables: { SIGNER: { value: FAKE.pem } } },
    arg: "environmentVariables.SIGNER", received: "its value holds a private key",
    message: `\`environmentVariables.SIGNER\` looks like a credential (its value holds a private key); ${CREDENTIAL_FIX}` },
  { category: "plaintext secret", component: "BuildProject", name: "env-url-password", args: { environmentVariables: { DATABASE_URL: { value: FAKE.dbUrl } } },
    arg: "environmentVariables.DATABASE_URL", received: "its value is a URL with a password",
    message: `\`environmentVariables.DATABASE_URL\` looks like a credential (its value is a URL with a password); ${CREDENTIAL_FIX}` },
  { category: "plaintext secret", component: "BuildProject", name: "env-random", args: { environmentVariables: { BUILD_SALT: { value: FAKE.random } } },
    arg: "environmentVariables.BUILD_SALT", received: "its value looks like a random secret",
    message: `\`environmentVariables.BUILD_SALT\` looks like a credential (its value looks like a random secret); ${CREDENTIAL_FIX}` },
  { category: "plaintext secret", component: "Pipeline", name: "override-gitlab", args: pipeline(twoStages(build({ environmentVariables: { REGISTRY: { value: FAKE.gitlab } } }))),
    arg: "stages[1].actions[0].environmentVariables.REGISTRY", received: "its value is a GitLab token",
    message: `\`stages[1].actions[0].environmentVariables.REGISTRY\` looks like a credential (its value is a GitLab token); ${CREDENTIAL_FIX}` },
  { category: "plaintext secret", component: "Pipeline", name: "override-jwt", args: pipeline(twoStages(build({ environmentVariables: { AUTH_HEADER: { value: FAKE.jwt } } }))),
    arg: "stages[1].actions[0].environmentVariables.AUTH_HEADER", received: "its value is a JSON Web Token",
    message: `\`stages[1].actions[0].environmentVariables.AUTH_HEADER\` looks like a credential (its value is a JSON Web Token); ${CREDENTIAL_FIX}` },
  { category: "plaintext secret", component: "BeanstalkTarget", name: "beanstalk-env-slack", args: { environmentVariables: { ALERTS: FAKE.slackHook } },
    arg: "environmentVariables.ALERTS", received: "its value is a Slack token",
    message: `\`environmentVariables.ALERTS\` looks like a credential (its value is a Slack token); ${BEANSTALK_FIX}` },
  { category: "plaintext secret", component: "BeanstalkTarget", name: "beanstalk-setting-jwt",
    args: { settings: [{ namespace: "aws:elasticbeanstalk:customoption", name: "Banner", value: FAKE.jwt }] }, arg: "settings[0].value",
    received: "its value is a JSON Web Token",
    message: "`settings[0].value` looks like a credential (its value is a JSON Web Token); store it in SSM Parameter Store or Secrets Manager and pass it in `secrets`, or set `allowPlaintext: true` on the setting if it is not a secret." },
  { category: "plaintext secret", component: "BuildProject", name: "spec-command-npm", args: phases({ commands: [`npm config set //registry.npmjs.org/:_authToken ${FAKE.npm}`] }),
    arg: "buildSpec.phases.build.commands[0]", received: "an npm token",
    message: `\`buildSpec.phases.build.commands[0]\` contains a plaintext credential (an npm token); ${SPEC_COMMAND_FIX}` },
  { category: "plaintext secret", component: "BuildProject", name: "spec-env-stripe", args: spec({ env: { variables: { PAYMENTS: FAKE.stripe } } }),
    arg: "buildSpec.env.variables.PAYMENTS", received: "its value is a Stripe secret key",
    message: `\`buildSpec.env.variables.PAYMENTS\` looks like a plaintext credential (its value is a Stripe secret key); ${SPEC_CREDENTIAL_FIX}` },
  { category: "plaintext secret", component: "BuildProject", name: "spec-finally-url-password", args: phases({ commands: ["make"], finally: [`curl ${FAKE.dbUrl}`] }),
    arg: "buildSpec.phases.build.finally[0]", received: "a URL with a password",
    message: `\`buildSpec.phases.build.finally[0]\` contains a plaintext credential (a URL with a password); ${SPEC_COMMAND_FIX}` },

  // Quotas
  { category: "quota", component: "Pipeline", name: "too-many-stages", args: pipeline(stagesOf(51)), arg: "stages", received: "got 51",
    message: `\`stages\` must hold at most 50 stages, CodePipeline's quota per pipeline, got 51. ${QUOTA_HINT}, or split the pipeline.` },
  { category: "quota", component: "Pipeline", name: "too-many-actions", args: pipeline([{ name: "Source", actions: [SOURCE] }, { name: "Build", actions: buildActions(51) }]),
    arg: "stages[1].actions", received: "got 51",
    message: `\`stages[1].actions\` must hold at most 50 actions, CodePipeline's quota per stage, got 51. ${QUOTA_HINT}, or spread the actions over more stages.` },
  { category: "quota", component: "Pipeline", name: "build-six-inputs", args: pipeline(twoStages(build({ inputs: [1, 2, 3, 4, 5, 6].map(ARTIFACT) }))),
    arg: "stages[1].actions[0].inputs", received: "got 6", message: "`stages[1].actions[0].inputs` must name 1 to 5 input artifacts for a codeBuild action, got 6." },
  { category: "quota", component: "Pipeline", name: "build-six-outputs", args: pipeline(twoStages(build({ outputs: [1, 2, 3, 4, 5, 6].map(ARTIFACT) }))),
    arg: "stages[1].actions[0].outputs", received: "got 6", message: "`stages[1].actions[0].outputs` must name 0 to 5 output artifacts for a codeBuild action, got 6." },
  { category: "quota", component: "Pipeline", name: "approval-with-input",
    args: pipeline([{ name: "Source", actions: [SOURCE] }, { name: "Approve", actions: [{ manualApproval: { inputs: ["SourceOutput"] } }] }]),
    arg: "stages[1].actions[0].inputs", received: "got 1", message: "`stages[1].actions[0].inputs` must name no input artifacts for a manualApproval action, got 1." },
  { category: "quota", component: "CodeCommitRepo", name: "trust-policy-too-long", args: { crossAccountAccess: [{ access: "pull", principalArns: manyRoles(40) }] },
    arg: "crossAccountAccess[0].principalArns", received: "names 40 principals",
    message: `\`crossAccountAccess[0].principalArns\` names 40 principals, which make a trust policy of 2296 characters; IAM's quota is 2048. ${QUOTA_HINT} ("Role trust policy length"), or split the principals over several \`crossAccountAccess\` entries.` },
];

BAD_INPUTS.push(...FORMER_GAPS);
BAD_INPUTS.push(...ISSUE_10_CASES);

const later = <T>(v: T) => pulumi.output(v);
const KEY_ALIAS_MESSAGE = (arg: string, v: string) =>
  `\`${arg}\` must be a KMS key ARN such as "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" (not an alias), got "${v}".`;

/** Issue 10: principals and ARNs given as Outputs, checked when they resolve. */
export const OUTPUT_CASES: OutputCase[] = [
  { component: "EncryptionKey", name: "out-key-root", args: { principalArns: [later(ROOT)] }, refused: "aws:kms/key:Key",
    message: roleMessage("principalArns[0]", ROOT) },
  { component: "EncryptionKey", name: "out-key-anyone", args: { principalArns: [ROLE, pulumi.secret("*")] }, refused: "aws:kms/key:Key",
    message: roleMessage("principalArns[1]", "*") },
  { component: "SecureBucket", name: "out-bucket-reader-user", args: { readerArns: [later(`arn:aws:iam::${TOOLS}:user/bob`)] }, refused: "aws:s3/bucketPolicy:BucketPolicy",
    message: roleMessage("readerArns[0]", `arn:aws:iam::${TOOLS}:user/bob`) },
  { component: "SecureBucket", name: "out-bucket-writer-root", args: { writerArns: [Promise.resolve(ROOT)] }, refused: "aws:s3/bucketPolicy:BucketPolicy",
    message: roleMessage("writerArns[0]", ROOT) },
  { component: "SecureBucket", name: "out-bucket-key-alias", args: { encryptionKey: { keyArn: later("alias/data") } }, refused: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    message: KEY_ALIAS_MESSAGE("encryptionKey.keyArn", "alias/data") },
  { component: "Pipeline", name: "out-action-role-root", args: pipeline(twoStages(build({ roleArn: later(ROOT) }))), refused: "aws:codepipeline/pipeline:Pipeline",
    message: roleMessage("stages[1].actions[0].roleArn", ROOT) },
  { component: "Pipeline", name: "out-artifact-key-alias", args: pipeline(twoStages(), { artifactBucket: { bucketName: "artifacts", keyArn: later("alias/artifacts") } }),
    refused: "aws:codepipeline/pipeline:Pipeline", message: KEY_ALIAS_MESSAGE("artifactBucket.keyArn", "alias/artifacts") },
  { component: "Pipeline", name: "out-artifact-bucket-objects", args: pipeline(twoStages(), { artifactBucket: { bucketName: "artifacts", bucketArn: later("arn:aws:s3:::artifacts/*"), keyArn: KEY_ARN } }),
    refused: "aws:iam/rolePolicy:RolePolicy/out-artifact-bucket-objects-role-policy", message: '`artifactBucket.bucketArn` must be an S3 bucket ARN such as "arn:aws:s3:::my-artifacts", got "arn:aws:s3:::artifacts/*".' },
  { component: "CrossAccountDeployRole", name: "out-deploy-trust-root", args: deployRole({ pipelineRoleArn: later(ROOT) }), refused: "aws:iam/role:Role",
    message: `\`pipelineRoleArn\` must be the exact ARN of the pipeline's role ("arn:aws:iam::<account>:role/<name>"), got "${ROOT}". An account root trusts every principal that account's administrators allow; name the pipeline's role.` },
  { component: "CrossAccountDeployRole", name: "out-deploy-key-alias", args: deployRole({ artifactKeyArn: later("alias/pipeline") }), refused: "aws:iam/rolePolicy:RolePolicy",
    message: '`artifactKeyArn` must be a KMS key ARN such as "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", got "alias/pipeline". Aliases are not accepted: IAM policies name keys.' },
  { component: "CodeCommitRepo", name: "out-repo-trust-account", args: { crossAccountAccess: [{ access: "pull", principalArns: [later(TOOLS)] }] }, refused: "aws:iam/role:Role",
    message: TRUST("crossAccountAccess[0].principalArns", TOOLS, " A bare account id trusts the whole account; name the exact roles or users.") },
  { component: "CodeCommitRepo", name: "out-repo-key-alias", args: { encryptionKey: { keyArn: later("alias/repo") } }, refused: "aws:codecommit/repository:Repository",
    message: KEY_ALIAS_MESSAGE("encryptionKey.keyArn", "alias/repo") },
  { component: "BuildProject", name: "out-build-key-alias", args: { encryptionKey: { keyArn: later("alias/build") } }, refused: "aws:codebuild/project:Project",
    message: KEY_ALIAS_MESSAGE("encryptionKey.keyArn", "alias/build") },
  { component: "BuildProject", name: "out-build-secrets-key-alias", args: { secretsKeyArns: [later("alias/secrets")], environmentVariables: { DB_URL: { parameter: "/app/db-url" } } },
    refused: "aws:iam/rolePolicy:RolePolicy", message: KEY_ALIAS_MESSAGE("secretsKeyArns[0]", "alias/secrets") },
  { component: "SecureTopic", name: "out-topic-key-alias", args: { encryptionKey: { keyArn: later("alias/topic") } }, refused: "aws:sns/topic:Topic",
    message: KEY_ALIAS_MESSAGE("encryptionKey.keyArn", "alias/topic") },
  { component: "Ec2FleetTarget", name: "out-fleet-artifact-key-alias", args: { artifactBucketArn: "arn:aws:s3:::artifacts", artifactKeyArn: later("alias/artifacts") },
    refused: "aws:iam/rolePolicy:RolePolicy", message: '`artifactKeyArn` must be a KMS key ARN such as "arn:aws:kms:us-east-1:111122223333:key/<id>", got "alias/artifacts".' },
];

/**
 * Inputs that the library accepts although the table's rule says they must be refused, or that it
 * refuses with a message that does not render the received value: skipped tests until fixed.
 */
export const KNOWN_GAPS: KnownGap[] = [];

// ---------------------------------------------------------------------------------------------
// Issue 10 items 3, 6 and 7: component names, derived physical names, buildspec files and the
// CLI tools. Kept in one block, apart from the cases above, so that branches merge cleanly.
// ---------------------------------------------------------------------------------------------

const COMPONENT_NAME_RULE = (received: string) =>
  `\`name\` (the component's name) must hold at least one letter or digit and no control characters, got ${received}; AWS names are derived from it, so give a name such as "app-build".`;
const componentName = (component: ComponentName, name: string): BadInputCase => ({
  category: "name", component, name, args: {}, arg: "name", received: JSON.stringify(name), message: COMPONENT_NAME_RULE(JSON.stringify(name)),
});
const BUCKET_PREFIX_RESERVED = (v: string) =>
  `\`bucketPrefix\` must not hold two adjacent periods or start with "xn--", "sthree-", "amzn-s3-demo-" (S3 refuses such bucket names), got "${v}".`;
const specFiles = (artifacts: object) => spec({ artifacts });

/** Names that cannot make AWS names, and buildspecs with patterns or sizes CodeBuild refuses. */
export const NAMES_AND_BUILDSPEC_FILES: BadInputCase[] = [
  componentName("BuildProject", "---"),
  componentName("SecureBucket", "***"),
  componentName("Pipeline", "..."),
  componentName("EncryptionKey", "___"),
  componentName("BeanstalkTarget", "+++"),
  componentName("SecureTopic", "tab\there"),
  componentName("CodeCommitRepo", "@@@"),
  componentName("Ec2FleetTarget", "!!!"),
  componentName("CrossAccountDeployRole", "///"),
  componentName("BuildProject", "line\nbreak"),
  { category: "name", component: "SecureBucket", name: "prefix-double-dot", args: { bucketPrefix: "my..bucket" }, arg: "bucketPrefix", received: '"my..bucket"',
    message: BUCKET_PREFIX_RESERVED("my..bucket") },
  { category: "name", component: "SecureBucket", name: "prefix-xn", args: { bucketPrefix: "xn--app" }, arg: "bucketPrefix", received: '"xn--app"',
    message: BUCKET_PREFIX_RESERVED("xn--app") },
  { category: "name", component: "SecureBucket", name: "prefix-sthree", args: { bucketPrefix: "sthree-logs" }, arg: "bucketPrefix", received: '"sthree-logs"',
    message: BUCKET_PREFIX_RESERVED("sthree-logs") },
  { category: "name", component: "CrossAccountDeployRole", name: "app-pipeline", args: deployRole({}), arg: "name", received: '"app-pipeline"',
    message: '`name` "app-pipeline" would give this deploy role the same IAM role name as the role of `new Pipeline("app")` (aws-cicd-test-test-app-pipeline), and IAM role names are unique in an account; choose a name that does not end in "-pipeline", or set `roleName`.' },
  { category: "buildspec", component: "BuildProject", name: "reversed-range", args: specFiles({ files: ["dist/[z-a]*.js"] }),
    arg: "buildSpec.artifacts.files[0]", received: '"dist/[z-a]*.js"',
    message: '`buildSpec.artifacts.files[0]` is not a valid pattern, got "dist/[z-a]*.js": the range "z-a" is reversed; write "a-z".' },
  { category: "buildspec", component: "BuildProject", name: "empty-class", args: specFiles({ files: ["**/*"], "exclude-paths": ["tmp/[]"] }),
    arg: "buildSpec.artifacts.exclude-paths[0]", received: '"tmp/[]"',
    message: '`buildSpec.artifacts.exclude-paths[0]` is not a valid pattern, got "tmp/[]": the character class "[]" is empty.' },
  { category: "buildspec", component: "BuildProject", name: "negated-empty-class", args: specFiles({ files: ["**/*"], "secondary-artifacts": { site: { files: ["[!]"] } } }),
    arg: "buildSpec.artifacts.secondary-artifacts.site.files[0]", received: '"[!]"',
    message: '`buildSpec.artifacts.secondary-artifacts.site.files[0]` is not a valid pattern, got "[!]": the character class "[!]" is empty.' },
  { category: "buildspec", component: "BuildProject", name: "report-reversed-range", args: spec({ reports: { unit: { files: ["[9-0].xml"] } } }),
    arg: "buildSpec.reports.unit.files[0]", received: '"[9-0].xml"',
    message: '`buildSpec.reports.unit.files[0]` is not a valid pattern, got "[9-0].xml": the range "9-0" is reversed; write "0-9".' },
  { category: "buildspec", component: "BuildProject", name: "cache-reversed-range", args: spec({ cache: { paths: ["/root/[Z-A]/**/*"] } }),
    arg: "buildSpec.cache.paths[0]", received: '"/root/[Z-A]/**/*"',
    message: '`buildSpec.cache.paths[0]` is not a valid pattern, got "/root/[Z-A]/**/*": the range "Z-A" is reversed; write "A-Z".' },
  { category: "buildspec", component: "BuildProject", name: "inline-too-long", args: phases({ commands: [`echo ${"x".repeat(26000)}`] }),
    arg: "buildSpec", received: "26058 characters",
    message: "`buildSpec` renders to 26058 characters; CodeBuild accepts at most 25600. Move long command lists into scripts in the source, or use `buildSpecFile`." },
];

BAD_INPUTS.push(...NAMES_AND_BUILDSPEC_FILES);

/** A hostile input to a CLI command: the files it runs on, and its exact exit code and first stderr line. */
export interface ToolBadInputCase {
  name: string;
  command: "buildspec validate" | "buildspec run" | "synth";
  /** Files of the working directory (for synth, the Pulumi program directory). */
  files: Record<string, string>;
  /** Arguments after the command; `{dir}` is the working directory. */
  argv: string[];
  /** Host environment additions. */
  env?: Record<string, string>;
  code: number;
  /** The first line of stderr, exactly; `{dir}` is the working directory. */
  stderr: string;
}

const BS_HEAD = "version: 0.2\nphases:\n  build:\n    commands:\n      - echo hi\n";
const NESTING = "The buildspec nests lists and mappings more than 64 levels deep; a buildspec needs a few. Flatten the structure.";
const LONG_FILE = `${BS_HEAD}# ${"x".repeat(25600)}\n`;
const HUGE_FILE = `${BS_HEAD}# ${"x".repeat(102400)}\n`;
const ALIAS_BOMB = `${BS_HEAD}a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`;
const DEEP_BLOCK = `${BS_HEAD}x:\n${Array.from({ length: 80 }, (_, i) => `${" ".repeat(i + 1)}k${i}:`).join("\n")} v\n`;
const SYNTH_PROGRAM = (body: string) => ({ "Pulumi.yaml": "name: hostile\nruntime: nodejs\n", "index.ts": `import * as lib from "aws-cicd";\n${body}` });
const DUPLICATE = (type: string, name: string) =>
  `aws-cicd synth: The program failed: Duplicate resource URN "urn:pulumi:dev::hostile::aws-cicd:index:${type}::${name}": the program creates two aws-cicd:index:${type} resources named "${name}", which \`pulumi preview\` refuses. Give each a distinct name.`;

export const TOOL_BAD_INPUTS: ToolBadInputCase[] = [
  { name: "no-version", command: "buildspec validate", files: { "bs.yml": "phases:\n  build:\n    commands: [x]\n" }, argv: ["bs.yml"], code: 1,
    stderr: "bs.yml:1:1: `buildSpec.version` is missing; a buildspec file starts with `version: 0.2`, and CodeBuild refuses one without it." },
  { name: "json-no-version", command: "buildspec validate", files: { "bs.json": '{"phases": {"build": {"commands": ["x"]}}}' }, argv: ["bs.json"], code: 1,
    stderr: "bs.json:1:1: `buildSpec.version` is missing; a buildspec file starts with `version: 0.2`, and CodeBuild refuses one without it." },
  { name: "too-long", command: "buildspec validate", files: { "bs.yml": LONG_FILE }, argv: ["bs.yml"], code: 1,
    stderr: `bs.yml:1:1: The buildspec is ${LONG_FILE.length} characters long; CodeBuild accepts at most 25600. Move long command lists into scripts in the source and run those.` },
  { name: "too-many-bytes", command: "buildspec validate", files: { "bs.yml": HUGE_FILE }, argv: ["bs.yml"], code: 1,
    stderr: `bs.yml:1:1: The buildspec is ${HUGE_FILE.length} bytes long; CodeBuild accepts at most 25600 characters. Move long command lists into scripts in the source and run those.` },
  { name: "device", command: "buildspec validate", files: {}, argv: ["/dev/zero"], code: 2,
    stderr: "Cannot read buildspec `/dev/zero`: it is not a regular file. Give the path of a buildspec.yml as FILE." },
  { name: "deep-flow", command: "buildspec validate", files: { "bs.yml": BS_HEAD.replace("- echo hi", `- ${"[".repeat(3000)}${"]".repeat(3000)}`) }, argv: ["bs.yml"], code: 1,
    stderr: `bs.yml:5:69: ${NESTING}` },
  { name: "deep-flow-map", command: "buildspec validate", files: { "bs.yml": `${"{a: ".repeat(3000)}1${"}".repeat(3000)}` }, argv: ["bs.yml"], code: 1,
    stderr: `bs.yml:1:257: ${NESTING}` },
  { name: "deep-block", command: "buildspec validate", files: { "bs.yml": DEEP_BLOCK }, argv: ["bs.yml"], code: 1,
    stderr: `bs.yml:70:65: ${NESTING}` },
  { name: "alias-bomb", command: "buildspec validate", files: { "bs.yml": ALIAS_BOMB }, argv: ["bs.yml"], code: 1,
    stderr: "bs.yml:1:1: YAML syntax error: Excessive alias count indicates a resource exhaustion attack." },
  { name: "file-reversed-range", command: "buildspec validate", files: { "bs.yml": `${BS_HEAD}artifacts:\n  files:\n    - "[z-a]"\n` }, argv: ["bs.yml"], code: 1,
    stderr: 'bs.yml:8:7: `buildSpec.artifacts.files[0]` is not a valid pattern, got "[z-a]": the range "z-a" is reversed; write "a-z".' },
  { name: "run-out-outside", command: "buildspec run", files: { "buildspec.yml": BS_HEAD }, argv: ["--out", "../elsewhere"], code: 2,
    stderr: "`--out` {parent}/elsewhere is outside {dir}; a local build writes only inside its working directory. Give a path inside it." },
  { name: "run-out-absolute", command: "buildspec run", files: { "buildspec.yml": BS_HEAD }, argv: ["--out", "/"], code: 2,
    stderr: "`--out` / is outside {dir}; a local build writes only inside its working directory. Give a path inside it." },
  { name: "run-pass-env-assignment", command: "buildspec run", files: { "buildspec.yml": BS_HEAD }, argv: ["--out", "out", "--pass-env", "TOKEN=x"], code: 2,
    stderr: '`--pass-env` must name an environment variable (letters, digits and _, not starting with a digit), got "TOKEN=x".' },
  { name: "run-no-version", command: "buildspec run", files: { "buildspec.yml": "phases:\n  build:\n    commands: [x]\n" }, argv: ["--out", "out"], code: 1,
    stderr: "buildspec.yml:1:1: `buildSpec.version` is missing; a buildspec file starts with `version: 0.2`, and CodeBuild refuses one without it." },
  { name: "synth-duplicate-build", command: "synth", files: SYNTH_PROGRAM('new lib.BuildProject("svc");\nnew lib.BuildProject("svc");\n'), argv: ["{dir}"], code: 1,
    stderr: DUPLICATE("BuildProject", "svc") },
  { name: "synth-duplicate-key", command: "synth", files: SYNTH_PROGRAM('new lib.EncryptionKey("k");\nnew lib.EncryptionKey("k");\n'), argv: ["{dir}"], code: 1,
    stderr: DUPLICATE("EncryptionKey", "k") },
  { name: "synth-bad-name", command: "synth", files: SYNTH_PROGRAM('new lib.BuildProject("???");\n'), argv: ["{dir}"], code: 1,
    stderr: `aws-cicd synth: The program failed: ${COMPONENT_NAME_RULE('"???"')}` },
];
