// Pulumi delivery: a pipeline that first updates itself (this program), then previews and
// applies the application stack in app/ to dev (stopping for a person only when the plan changes
// permissions), then previews prod, waits for a person to approve that exact plan, and applies it.
// Bootstrap it once with `pulumi up` from a laptop (see README.md); after that, pushing to the
// repository is the only way anything changes.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as cicd from "aws-cicd";

const config = new pulumi.Config();
/** Who approves prod plans and permission changes (and gets pipeline notifications). */
const approverEmails = config.getObject<string[]>("approverEmails") ?? ["lead@example.com"];
/** Secrets Manager secret holding the Pulumi Cloud access token (created once, see README.md). */
const tokenSecret = config.get("pulumiTokenSecret") ?? "pulumi-access-token";
/** Pulumi Cloud organization of the stacks (required: `pulumi config set pulumiOrg acme`). */
const org = config.require("pulumiOrg");
/** A log bucket (SSE-S3) that S3 server access logging may write to: the artifact bucket's access logs. */
const logBucket = config.require("logBucket");

const accessToken = { secretsManager: tokenSecret };
// The managed build image has no Pulumi CLI: install the version you run locally (or use an image of yours).
const installCommands = ["curl -fsSL https://get.pulumi.com | sh -s -- --version 3.248.0", 'export PATH="$HOME/.pulumi/bin:$PATH"'];
const region = aws.getRegionOutput().region;
const account = aws.getCallerIdentityOutput().accountId;
const partition = aws.getPartitionOutput().partition;

// One customer managed key for the pipeline and every build (about $1 a month, kept after destroy).
const key = new cicd.EncryptionKey("delivery");
const build = { encryptionKey: key };

// The repository holds this program at its root and the application program in app/.
const repo = new cicd.CodeCommitRepo("delivery", { description: "Pipeline and application programs", encryptionKey: key });

// The pipeline's physical name, set on both the pipeline and its self-update (which restarts exactly it).
const pipelineName = `${pulumi.getProject()}-${pulumi.getStack()}`;

// The pipeline's role gets a fixed name, so that the self-update's deploy role can name it before it exists.
const pipelineRoleName = `${pipelineName}-delivery-pipeline`;

// What the self-update may change on its own: the pipeline's definition (stages, actions), and
// nothing else. A change to roles, policies, keys or projects fails the self-update and is applied
// from a laptop by someone allowed to (README.md): the pipeline cannot widen its own permissions.
const updatePipelinePolicy = pulumi.jsonStringify({
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "UpdateOwnPipeline",
      Effect: "Allow",
      Action: ["codepipeline:GetPipeline", "codepipeline:ListTagsForResource", "codepipeline:UpdatePipeline"],
      Resource: [pulumi.interpolate`arn:${partition}:codepipeline:${region}:${account}:${pipelineName}`],
    },
    {
      Sid: "PassPipelineRole",
      Effect: "Allow",
      Action: ["iam:PassRole"],
      Resource: [pulumi.interpolate`arn:${partition}:iam::${account}:role/${pipelineRoleName}`],
      Condition: { StringEquals: { "iam:PassedToService": "codepipeline.amazonaws.com" } },
    },
  ],
});

// 1. Self-update: `pulumi up` of this very stack, right after Source, as a role created from that policy.
const self = new cicd.PulumiSelfUpdate("self", {
  stack: `${org}/${pulumi.getProject()}/${pulumi.getStack()}`,
  pipelineName,
  accessToken,
  installCommands,
  prepareCommands: ["npm ci"],
  build,
  deployRole: { inlinePolicies: [updatePipelinePolicy] },
});

// What each application stack needs: its one queue, exactly.
const queuePolicy = (stage: string) =>
  pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "ManageOrdersQueue",
        Effect: "Allow",
        Action: [
          "sqs:CreateQueue",
          "sqs:DeleteQueue",
          "sqs:GetQueueAttributes",
          "sqs:GetQueueUrl",
          "sqs:ListQueueTags",
          "sqs:SetQueueAttributes",
          "sqs:TagQueue",
          "sqs:UntagQueue",
        ],
        Resource: [pulumi.interpolate`arn:${partition}:sqs:${region}:${account}:shop-${stage}-orders`],
      },
    ],
  });

// 2. The application stacks, previewed with a saved plan and updated with exactly that plan, each
// deployed by a role of its own that may manage exactly its stage's queue.
const app = (stage: string) =>
  new cicd.PulumiStack(stage, {
    stack: `${org}/shop/${stage}`,
    workDir: "app",
    accessToken,
    installCommands,
    prepareCommands: ["npm ci"],
    build,
    deployRole: { inlinePolicies: [queuePolicy(stage)] },
  });
const dev = app("dev");
const prod = app("prod");

const pipeline = new cicd.Pipeline("delivery", {
  pipelineName,
  roleName: pipelineRoleName,
  encryptionKey: key,
  artifactBucketOptions: { accessLogs: { bucketName: logBucket } },
  notifications: { emailSubscriptions: approverEmails },
  stages: [
    { name: "Source", actions: [repo.sourceAction({ branch: "main" })] },
    self.selfUpdateStage(),
    { name: "PreviewDev", actions: [dev.previewAction()] },
    dev.permissionGateStage({ stageName: "PermissionGateDev", notifyEmails: approverEmails }),
    { name: "UpDev", actions: [dev.upAction()] },
    { name: "PreviewProd", actions: [prod.previewAction()] },
    { name: "ApproveProd", actions: [prod.approvalAction({ notifyEmails: approverEmails })] },
    { name: "UpProd", actions: [prod.upAction()] },
  ],
});

export const cloneUrlGrc = repo.cloneUrlGrc;
export const pipelineUrl = pipeline.consoleUrl;
export const selfUpdateRoleArn = self.role.arn;
export const selfDeployRoleArn = self.deployRoleArn;
export const devDeployRoleArn = dev.deployRoleArn;
export const prodDeployRoleArn = prod.deployRoleArn;
