// The flagship: push code to CodeCommit, CodeBuild tests it, it deploys to a Beanstalk dev
// environment, waits for a person's approval, then deploys to prod.
// Deploy with `pulumi up` (see README.md). Every security property is on by default.
import * as pulumi from "@pulumi/pulumi";
import * as cicd from "aws-cicd";

const config = new pulumi.Config();
/** Who approves promotions to prod (and gets pipeline notifications). */
const approverEmails = config.getObject<string[]>("approverEmails") ?? ["lead@example.com"];
// Production settings, required (`pulumi config set`, see README.md): your network, prod's TLS
// certificate and your log bucket.
const vpcId = config.require("vpcId");
/** Public subnets (two zones or more): the load balancer and dev's single instance. */
const publicSubnetIds = config.requireObject<string[]>("publicSubnetIds");
/** Private subnets with a route out (NAT gateway): prod's instances. */
const privateSubnetIds = config.requireObject<string[]>("privateSubnetIds");
/** ACM certificate of prod's domain, in the stack's region. */
const certificateArn = config.require("certificateArn");
/** A log bucket (SSE-S3) that Elastic Load Balancing and S3 server access logging may write to. */
const logBucket = config.require("logBucket");

// One customer managed key for the whole stack (about $1 a month, kept after destroy).
const key = new cicd.EncryptionKey("cicd");

const repo = new cicd.CodeCommitRepo("app", { description: "Sample web app", encryptionKey: key });

// Runs the repository's buildspec.yml: grep -Fq "Congratulations" index.html, then npm test.
const test = new cicd.BuildProject("test", { encryptionKey: key });

const dev = new cicd.BeanstalkTarget("dev", { encryptionKey: key, vpc: { vpcId, instanceSubnetIds: publicSubnetIds } });
const prod = new cicd.BeanstalkTarget("prod", {
  application: dev.application, // dev and prod share one Beanstalk application
  environmentType: "LoadBalanced",
  encryptionKey: key,
  vpc: { vpcId, instanceSubnetIds: privateSubnetIds, loadBalancerSubnetIds: publicSubnetIds },
  // HTTPS only (the plain HTTP listener is off), and the load balancer's access logs.
  loadBalancer: { certificateArn, accessLogs: { bucketName: logBucket } },
});

const pipeline = new cicd.Pipeline("app", {
  encryptionKey: key,
  artifactBucketOptions: { accessLogs: { bucketName: logBucket } },
  notifications: { emailSubscriptions: approverEmails },
  stages: [
    { name: "Source", actions: [repo.sourceAction({ branch: "main" })] },
    { name: "BuildAndTest", actions: [test.buildAction()] },
    { name: "DeployDev", actions: [dev.deployAction()] },
    { name: "Approve", actions: [cicd.manualApprovalAction({ notifyEmails: approverEmails, message: "Promote to prod?" })] },
    { name: "DeployProd", actions: [prod.deployAction()] },
  ],
});

export const cloneUrlGrc = repo.cloneUrlGrc;
export const cloneUrlHttp = repo.cloneUrlHttp;
export const pipelineUrl = pipeline.consoleUrl;
export const devUrl = pulumi.interpolate`http://${dev.endpointUrl}`;
export const prodUrl = pulumi.interpolate`https://${prod.endpointUrl}`;
