// Push to CodeCommit, CodeBuild tests and packages the app (appspec.yml + scripts), CodeDeploy
// installs it one instance at a time on a private Auto Scaling group, rolling back on failure.
// The Deploy stage starts only on weekday working hours (UTC) while the service's alarm is quiet,
// and a failed deploy rolls the stage back to the last release that succeeded.
// Deploy with `pulumi up` (see README.md). Set `vpcId` and `subnetIds` (private subnets with a
// NAT gateway or VPC endpoints for S3, CodeDeploy and SSM), `logBucket` and `releaseAlarmName`.
import * as pulumi from "@pulumi/pulumi";
import * as cicd from "aws-cicd";

const config = new pulumi.Config();
const vpcId = config.require("vpcId");
const subnetIds = config.requireObject<string[]>("subnetIds");
/** A log bucket (SSE-S3) of this account and region that S3 server access logging may write to. */
const logBucket = config.require("logBucket");
/** An existing CloudWatch alarm of the service (errors or latency, say): no release starts while it is in ALARM. */
const releaseAlarmName = config.require("releaseAlarmName");

// One customer managed key for the stack (about $1 a month, kept after destroy); Auto Scaling
// may use it for the fleet's encrypted root volumes.
const key = new cicd.EncryptionKey("cicd", { allowAutoScalingVolumes: true });

// The artifact bucket exists before the pipeline, so the fleet's role can be limited to it.
const artifacts = new cicd.SecureBucket("artifacts", { encryptionKey: key, accessLogs: { bucketName: logBucket } });

const repo = new cicd.CodeCommitRepo("app", { description: "Sample web app deployed with CodeDeploy", encryptionKey: key });

// Runs app/buildspec.yml: tests, then packages the revision.
const build = new cicd.BuildProject("build", { encryptionKey: key });

const web = new cicd.Ec2FleetTarget("web", {
  fleet: { instanceType: "t3.micro", vpcId, subnetIds, minSize: 2, maxSize: 3 },
  deploymentStrategy: "OneAtATime",
  artifactBucketArn: artifacts.bucketArn,
  artifactKeyArn: key.keyArn,
  encryptionKey: key,
});

const pipeline = new cicd.Pipeline("app", {
  encryptionKey: key,
  artifactBucket: { bucketName: artifacts.bucketName, bucketArn: artifacts.bucketArn, keyArn: key.keyArn },
  stages: [
    { name: "Source", actions: [repo.sourceAction({ branch: "main" })] },
    { name: "Build", actions: [build.buildAction()] },
    {
      name: "Deploy",
      actions: [web.deployAction()],
      // Enter only inside the window and while the alarm is quiet (waiting up to 15 minutes for it to clear).
      beforeEntry: {
        result: "FAIL",
        cloudWatchAlarms: [{ alarmName: releaseAlarmName, waitMinutes: 15 }],
        deploymentWindows: [{ cron: "* * 8-16 ? * MON-FRI", name: "WeekdayWorkingHours" }],
      },
      // A failed deploy redeploys the stage's last successful execution (from the second release on).
      onFailure: { result: "ROLLBACK" },
    },
  ],
});

export const cloneUrlHttp = repo.cloneUrlHttp;
export const pipelineUrl = pipeline.consoleUrl;
export const applicationName = web.applicationName;
export const deploymentGroupName = web.deploymentGroupName;
