import {
  ACCOUNT,
  BadInputCase,
  build,
  CREDENTIAL_FIX,
  deployRole,
  FLEET,
  KEY,
  phases,
  pipeline,
  ROLE,
  roleMessage,
  SOURCE,
  sourceWith,
  spec,
  SPEC_CREDENTIAL_FIX,
  TOOLS,
  twoStages,
} from "./bad-input-fixtures";
import { ISSUE_10_CASES, OUTPUT_CASES } from "./bad-input-hostile-cases";
import { NAMES_AND_BUILDSPEC_FILES } from "./bad-input-tool-cases";
import { ISSUE_13_CASES } from "./bad-input-custom-cases";
import { ISSUE_14_CASES } from "./bad-input-pulumi-cases";
import { EC2_BLUE_GREEN_CASES, EC2_BLUE_GREEN_OUTPUT_CASES, ISSUE_16_CASES } from "./bad-input-fleet-cases";
import { ISSUE_15_OUTPUT_CASES, ISSUE_15_STAGE_CASES } from "./bad-input-stage-cases";
import { ISSUE_15_LAMBDA_CASES, ISSUE_15_LAMBDA_OUTPUT_CASES } from "./bad-input-lambda-cases";
import { ISSUE_15_REGION_CASES, ISSUE_15_REGION_OUTPUT_CASES } from "./bad-input-region-cases";

/**
 * The bad-input table: malformed arguments of every component, each with the exact message it
 * must throw, the argument that message names (`arg`, rendered in backticks) and how it renders
 * the received value (`received`). Read by bad-input.spec.ts. The types and shared builders are in
 * bad-input-fixtures.ts; issue 10's hostile cases, which the table also holds, are in
 * bad-input-hostile-cases.ts and bad-input-tool-cases.ts; issue 13's (action kinds, the custom kind,
 * cross-account CodeDeploy) are in bad-input-custom-cases.ts.
 */

const BUILD_RETENTIONS = "1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653";
const BEANSTALK_RETENTIONS = "1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1827, 3653";
const SECRET_REF = "secret-id[:json-key[:version-stage[:version-id]]]";
const REPO_NAME_RULE = '`repositoryName` must be 1 to 100 letters, digits, ".", "_" or "-" and must not end in ".git"';
const STAGE_NAME_RULE = 'must hold 1 to 100 letters, digits, ".", "@", "-" or "_"';
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
    message: "`beanstalkTargets` or `codeDeployTargets` or `ecsServiceTargets` or `ecsBlueGreenTargets` must name at least one target to deploy to, got [] and [] and [] and []; e.g. `[target.beanstalkDeployTarget()]`." },
  { category: "stage structure", component: "Pipeline", name: "empty-stage", args: pipeline([{ name: "Source", actions: [SOURCE] }, { name: "Build", actions: [] }]),
    arg: "stages[1].actions", received: "[]",
    message: "`stages[1].actions` must hold at least one action, got []." },
];

const ECS_SERVICE = { clusterName: "shop", serviceName: "api", taskDefinitionFamily: "api" };
const ECS_FARGATE = { vpcId: "vpc-123", subnetIds: ["subnet-a"], containerPort: 8080 };
const ELB = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}`;
const ECS_BLUE_GREEN = {
  targetGroupArns: [`${ELB}:targetgroup/api-blue/0123456789abcdef`, `${ELB}:targetgroup/api-green/fedcba9876543210`],
  productionListenerArn: `${ELB}:listener/app/shop/50dc6c495c0c9188/f2f7dc8efc522ab2`,
  testListenerArn: `${ELB}:listener/app/shop/50dc6c495c0c9188/0467ef3c8400ae65`,
};

/** EcsServiceTarget (issue 15). */
const ISSUE_15_ECS_CASES: BadInputCase[] = [
  { category: "arn", component: "EcsServiceTarget", name: "ecs-hook-function-name", args: { existingService: ECS_SERVICE, blueGreen: { ...ECS_BLUE_GREEN, lifecycleHooks: { afterAllowTestTraffic: { functionArn: "smoke-test" } } } },
    arg: "blueGreen.lifecycleHooks.afterAllowTestTraffic.functionArn", received: '"smoke-test"',
    message: '`blueGreen.lifecycleHooks.afterAllowTestTraffic.functionArn` must be an unqualified Lambda function ARN such as "arn:aws:lambda:us-east-1:111122223333:function:pre-traffic", got "smoke-test".' },
  { category: "name", component: "EcsServiceTarget", name: "ecs-cluster-name", args: { existingService: { ...ECS_SERVICE, clusterName: "shop/eu" } },
    arg: "existingService.clusterName", received: '"shop/eu"',
    message: '`existingService.clusterName` must be 1 to 255 letters, digits, hyphens or underscores, got "shop/eu".' },
  { category: "arn", component: "EcsServiceTarget", name: "ecs-task-role-user", args: { existingService: { ...ECS_SERVICE, taskRoleArn: `arn:aws:iam::${ACCOUNT}:user/ci` } },
    arg: "existingService.taskRoleArn", received: `"arn:aws:iam::${ACCOUNT}:user/ci"`,
    message: `\`existingService.taskRoleArn\` must be an IAM role ARN such as "arn:aws:iam::111122223333:role/app-task", got "arn:aws:iam::${ACCOUNT}:user/ci".` },
  { category: "range", component: "EcsServiceTarget", name: "ecs-termination-wait", args: { existingService: ECS_SERVICE, blueGreen: { ...ECS_BLUE_GREEN, terminationWaitMinutes: 3000 } },
    arg: "blueGreen.terminationWaitMinutes", received: "3000",
    message: "`blueGreen.terminationWaitMinutes` must be a whole number from 0 to 2880, got 3000." },
  { category: "range", component: "EcsServiceTarget", name: "ecs-one-target-group", args: { existingService: ECS_SERVICE, blueGreen: { ...ECS_BLUE_GREEN, targetGroupArns: [ECS_BLUE_GREEN.targetGroupArns[0]] } },
    arg: "blueGreen.targetGroupArns", received: "got 1",
    message: "`blueGreen.targetGroupArns` must name exactly 2 target groups (blue, the one serving now, then green), got 1." },
  { category: "conflict", component: "EcsServiceTarget", name: "ecs-same-listener", args: { existingService: ECS_SERVICE, blueGreen: { ...ECS_BLUE_GREEN, testListenerArn: ECS_BLUE_GREEN.productionListenerArn } },
    arg: "blueGreen.testListenerArn", received: `"${ECS_BLUE_GREEN.productionListenerArn}" for both`,
    message: `\`blueGreen.testListenerArn\` must differ from \`blueGreen.productionListenerArn\`, got "${ECS_BLUE_GREEN.productionListenerArn}" for both: test traffic reaches the green task set on its own port before production traffic moves.` },
  { category: "conflict", component: "EcsServiceTarget", name: "ecs-both-services", args: { existingService: ECS_SERVICE, fargateService: ECS_FARGATE },
    arg: "existingService", received: "got both",
    message: "Set exactly one of `existingService` (deploy to a service you have) and `fargateService` (create one), got both." },
  { category: "name", component: "EcsServiceTarget", name: "ecs-root-user", args: { fargateService: { ...ECS_FARGATE, user: "root" } },
    arg: "fargateService.user", received: '"root"',
    message: '`fargateService.user` must name a non-root user (such as "1000:1000"), got "root". Build the image to run as another user.' },
  { category: "range", component: "EcsServiceTarget", name: "ecs-fargate-memory", args: { fargateService: { ...ECS_FARGATE, cpu: 512, memory: 512 } },
    arg: "fargateService.memory", received: "got 512",
    message: "`fargateService.memory` must be one of the sizes Fargate allows with 512 CPU units (1024 to 4096 MiB: 1024, 2048, 3072, 4096), got 512." },
];

BAD_INPUTS.push(...FORMER_GAPS);
BAD_INPUTS.push(...ISSUE_10_CASES);
BAD_INPUTS.push(...NAMES_AND_BUILDSPEC_FILES);
BAD_INPUTS.push(...ISSUE_13_CASES);
BAD_INPUTS.push(...ISSUE_14_CASES);
BAD_INPUTS.push(...ISSUE_16_CASES);
BAD_INPUTS.push(...ISSUE_15_STAGE_CASES);
OUTPUT_CASES.push(...ISSUE_15_OUTPUT_CASES);
BAD_INPUTS.push(...ISSUE_15_LAMBDA_CASES);
OUTPUT_CASES.push(...ISSUE_15_LAMBDA_OUTPUT_CASES);
BAD_INPUTS.push(...ISSUE_15_ECS_CASES);
BAD_INPUTS.push(...EC2_BLUE_GREEN_CASES);
OUTPUT_CASES.push(...EC2_BLUE_GREEN_OUTPUT_CASES);
BAD_INPUTS.push(...ISSUE_15_REGION_CASES);
OUTPUT_CASES.push(...ISSUE_15_REGION_OUTPUT_CASES);
