// The flagship: push code to CodeCommit, CodeBuild tests it, it deploys to a Beanstalk dev
// environment, waits for a person's approval, then deploys to prod.
// Deploy with `pulumi up` (see README.md). Every security property is on by default.
import * as pulumi from "@pulumi/pulumi";
import * as cicd from "aws-cicd";

const config = new pulumi.Config();
/** Who approves promotions to prod (and gets pipeline notifications). */
const approverEmails = config.getObject<string[]>("approverEmails") ?? ["lead@example.com"];

// One customer managed key for the whole stack (about $1 a month, kept after destroy).
const key = new cicd.EncryptionKey("cicd");

const repo = new cicd.CodeCommitRepo("app", { description: "Sample web app", encryptionKey: key });

// Runs the repository's buildspec.yml: grep -Fq "Congratulations" index.html, then npm test.
const test = new cicd.BuildProject("test", { encryptionKey: key });

const dev = new cicd.BeanstalkTarget("dev", { encryptionKey: key });
const prod = new cicd.BeanstalkTarget("prod", {
  application: dev.application, // dev and prod share one Beanstalk application
  environmentType: "LoadBalanced",
  encryptionKey: key,
});

const pipeline = new cicd.Pipeline("app", {
  encryptionKey: key,
  notifications: { emailSubscriptions: approverEmails },
  stages: [
    { name: "Source", actions: [repo.sourceAction({ branch: "main" })] },
    { name: "BuildAndTest", actions: [test.buildAction()] },
    { name: "DeployDev", actions: [dev.deployAction()] },
    { name: "Approve", actions: [cicd.manualApproval({ notifyEmails: approverEmails, message: "Promote to prod?" })] },
    { name: "DeployProd", actions: [prod.deployAction()] },
  ],
});

export const cloneUrlGrc = repo.cloneUrlGrc;
export const cloneUrlHttp = repo.cloneUrlHttp;
export const pipelineUrl = pipeline.consoleUrl;
export const devUrl = pulumi.interpolate`http://${dev.endpointUrl}`;
export const prodUrl = pulumi.interpolate`http://${prod.endpointUrl}`;
