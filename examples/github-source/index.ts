// A pipeline fed by a GitHub repository through an AWS CodeConnections connection:
// GitHub ─▶ Test (CodeBuild) ─▶ Approve (manual) ─▶ Package (CodeBuild).
// Deploy with `pulumi up`, then complete the connection handshake once in the console (README.md).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as cicd from "aws-cicd";

const config = new pulumi.Config();
/** The GitHub repository, as "owner/name". */
const repository = config.get("repository") ?? "octo-org/web-app";
/** Who approves packaging (and gets pipeline notifications). */
const approverEmails = config.getObject<string[]>("approverEmails") ?? ["lead@example.com"];
/** A log bucket (SSE-S3) of this account and region that S3 server access logging may write to. */
const logBucket = config.require("logBucket");

// One customer managed key for the whole stack (about $1 a month, kept after destroy).
const key = new cicd.EncryptionKey("cicd");

const test = new cicd.BuildProject("test", {
  encryptionKey: key,
  buildSpec: {
    version: "0.2",
    phases: {
      install: { "runtime-versions": { nodejs: "22" } },
      build: { commands: ["npm ci", "npm test"] },
    },
  },
});

const pack = new cicd.BuildProject("package", {
  encryptionKey: key,
  buildSpec: {
    version: "0.2",
    phases: {
      install: { "runtime-versions": { nodejs: "22" } },
      build: { commands: ["npm ci", "npm pack"] },
    },
    artifacts: { files: ["*.tgz"] },
  },
});

const pipeline = new cicd.Pipeline("web", {
  encryptionKey: key,
  artifactBucketOptions: { accessLogs: { bucketName: logBucket } },
  notifications: { emailSubscriptions: approverEmails },
  stages: [
    {
      name: "Source",
      actions: [
        cicd.connectionSourceAction({
          name: "GitHub",
          // Created PENDING: finish the handshake in the console once (README.md).
          createConnection: { providerType: "GitHub" },
          repository,
          branch: "main", // what a manual start builds
          triggers: {
            push: [{ branches: { includes: ["main"] } }, { tags: { includes: ["v*"] } }],
            pullRequest: [{ events: ["OPEN", "UPDATED"], branches: { includes: ["main"] } }],
          },
        }),
      ],
    },
    { name: "Test", actions: [test.buildAction({ type: "Test" })] },
    { name: "Approve", actions: [cicd.manualApprovalAction({ notifyEmails: approverEmails, message: "Package this revision?" })] },
    { name: "Package", actions: [pack.buildAction({ name: "Package", inputs: ["GitHubOutput"] })] },
  ],
});

const region = aws.getRegionOutput({}, { parent: pipeline }).region;

export const pipelineName = pipeline.pipelineName;
export const pipelineUrl = pipeline.consoleUrl;
/** Where the pending connection waits for its handshake. */
export const connectionsUrl = pulumi.interpolate`https://${region}.console.aws.amazon.com/codesuite/settings/connections?region=${region}`;
