// A pipeline in the tools account deploys to Elastic Beanstalk in a separate prod account. The
// deploy action runs as a role in prod that trusts only the pipeline's role (AssumeRole, no
// shared credentials). One program, two providers; see README.md for the one-time bootstrap.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as cicd from "aws-cicd";

const config = new pulumi.Config();
/** The prod account: the prod provider refuses to act anywhere else. */
const prodAccountId = config.require("prodAccountId");
/** A role in prod, trusting the principal that runs `pulumi up`, that creates the prod resources. */
const prodBootstrapRoleArn = config.require("prodBootstrapRoleArn");
/** Roles (in other accounts) of the developers who push to the repository; they must sign in with MFA. */
const developerRoleArns = config.requireObject<string[]>("developerRoleArns");
/** Prod's network: public subnets for the load balancer, private ones (with a NAT gateway) for the instances. */
const vpcId = config.require("vpcId");
const publicSubnetIds = config.requireObject<string[]>("publicSubnetIds");
const privateSubnetIds = config.requireObject<string[]>("privateSubnetIds");
/** ACM certificate of prod's domain, in the prod account and the stack's region. */
const certificateArn = config.require("certificateArn");
/**
 * A log bucket (SSE-S3) in the tools account and the stack's region: the artifact bucket's access
 * logs (same account) and prod's load balancer logs (Elastic Load Balancing may write across accounts).
 */
const logBucket = config.require("logBucket");

// Tools account: the default provider (your credentials). Prod account: through the bootstrap role.
const prod = new aws.Provider("prod", {
  region: aws.config.region,
  assumeRoles: [{ roleArn: prodBootstrapRoleArn, sessionName: "pulumi-cross-account" }],
  allowedAccountIds: [prodAccountId],
});

// Each side names the other's role, and IAM, KMS and S3 refuse policies naming a role that does
// not exist yet. Deferred outputs give the prod role the tools values created further down, so
// the order is: pipeline role (tools) → deploy role (prod) → key, bucket policy, pipeline (tools).
const [pipelineRoleArn, setPipelineRoleArn] = pulumi.deferredOutput<string>();
const [artifactBucketArn, setArtifactBucketArn] = pulumi.deferredOutput<string>();
const [artifactKeyArn, setArtifactKeyArn] = pulumi.deferredOutput<string>();

// --- prod account ---
const web = new cicd.BeanstalkTarget(
  "prod",
  {
    environmentType: "LoadBalanced",
    vpc: { vpcId, instanceSubnetIds: privateSubnetIds, loadBalancerSubnetIds: publicSubnetIds },
    loadBalancer: { certificateArn, accessLogs: { bucketName: logBucket } },
  },
  { provider: prod },
);
const deployRole = new cicd.CrossAccountDeployRole(
  "prod-deploy",
  { pipelineRoleArn, artifactBucketArn, artifactKeyArn, beanstalkTargets: [web.beanstalkDeployTarget()] },
  { provider: prod },
);

// --- tools account ---
// One key for the repository, the build and the artifacts; the prod deploy role may use it
// through its services (S3) to read artifacts, nothing else.
const key = new cicd.EncryptionKey("cicd", { principalArns: [deployRole.roleArn] });
const repo = new cicd.CodeCommitRepo("app", {
  description: "Sample web app",
  encryptionKey: key,
  crossAccountAccess: [{ principalArns: developerRoleArns, access: "push", requireMfa: true }],
});
const build = new cicd.BuildProject("build", { encryptionKey: key });
const pipeline = new cicd.Pipeline("app", {
  encryptionKey: key,
  artifactBucketOptions: { accessLogs: { bucketName: logBucket } },
  stages: [
    { name: "Source", actions: [repo.sourceAction({ branch: "main" })] },
    { name: "Build", actions: [build.buildAction()] },
    { name: "DeployProd", actions: [web.deployAction({ roleArn: deployRole.roleArn })] },
  ],
});

setPipelineRoleArn(pipeline.roleArn);
setArtifactBucketArn(pipeline.artifactBucket!.arn);
setArtifactKeyArn(pulumi.output(key.keyArn));

export const cloneUrlGrc = repo.cloneUrlGrc;
export const developerAccessRoleArns = repo.crossAccountRoleArns;
export const pipelineUrl = pipeline.consoleUrl;
export const deployRoleArn = deployRole.roleArn;
export const prodUrl = pulumi.interpolate`https://${web.endpointUrl}`;
