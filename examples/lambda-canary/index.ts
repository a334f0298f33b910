// Push to CodeCommit, CodeBuild packages the function (function.zip), and the deploy stage
// publishes it as a new version that CodeDeploy reaches through the `live` alias by a canary:
// 10% of the traffic for 5 minutes, then the rest. An alarm on the alias's errors stops the
// canary and moves the alias back. Deploy with `pulumi up` (see README.md).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as cicd from "aws-cicd";

const config = new pulumi.Config();
/** A log bucket (SSE-S3) of this account and region that S3 server access logging may write to. */
const logBucket = config.require("logBucket");
const accountId = aws.getCallerIdentityOutput().accountId;

// One customer managed key for the stack (about $1 a month, kept after destroy).
const key = new cicd.EncryptionKey("cicd");

const artifacts = new cicd.SecureBucket("artifacts", { encryptionKey: key, accessLogs: { bucketName: logBucket } });

const repo = new cicd.CodeCommitRepo("orders", { description: "Orders API (a Lambda function)", encryptionKey: key });

// Runs the repository's buildspec.yml: tests, then zips the function into function.zip.
const build = new cicd.BuildProject("build", { encryptionKey: key });

// The function's first version. Later versions come from the pipeline, so Pulumi keeps the code
// it first deployed and does not publish again.
const logs = new aws.cloudwatch.LogGroup("orders-fn-logs", { retentionInDays: 365, kmsKeyId: key.keyArn });
const role = new aws.iam.Role("orders-fn-role", {
  assumeRolePolicy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: "lambda.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "aws:SourceAccount": accountId } },
      },
    ],
  }),
});
const logPolicy = new aws.iam.RolePolicy("orders-fn-logs", {
  role: role.name,
  policy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: [pulumi.interpolate`${logs.arn}:log-stream:*`] },
    ],
  }),
});
const fn = new aws.lambda.Function(
  "orders-fn",
  {
    runtime: "nodejs24.x",
    handler: "index.handler",
    role: role.arn,
    code: new pulumi.asset.AssetArchive({
      "index.js": new pulumi.asset.StringAsset("exports.handler = async () => ({ statusCode: 200, body: 'v1' });"),
    }),
    publish: true,
    loggingConfig: { logFormat: "JSON", logGroup: logs.name },
    tracingConfig: { mode: "Active" },
    reservedConcurrentExecutions: 50,
  },
  { dependsOn: [logPolicy], ignoreChanges: ["code", "sourceCodeHash"] },
);

// Errors of the alias (both versions during the canary): one in a minute stops and rolls back.
const errors = new aws.cloudwatch.MetricAlarm("orders-errors", {
  namespace: "AWS/Lambda",
  metricName: "Errors",
  dimensions: { FunctionName: fn.name, Resource: pulumi.interpolate`${fn.name}:live` },
  statistic: "Sum",
  period: 60,
  evaluationPeriods: 1,
  threshold: 1,
  comparisonOperator: "GreaterThanOrEqualToThreshold",
  treatMissingData: "notBreaching",
});

const orders = new cicd.LambdaTarget("orders", {
  alias: { create: { functionName: fn.name, functionVersion: fn.version } },
  deploymentConfig: "Canary10Percent5Minutes",
  rollbackAlarmNames: [errors.name],
  encryptionKey: key,
});

const pipeline = new cicd.Pipeline("orders", {
  encryptionKey: key,
  artifactBucket: { bucketName: artifacts.bucketName, bucketArn: artifacts.bucketArn, keyArn: key.keyArn },
  stages: [
    { name: "Source", actions: [repo.sourceAction({ branch: "main" })] },
    { name: "Build", actions: [build.buildAction()] },
    {
      name: "Deploy",
      actions: [orders.deployAction({ name: "Canary" })],
      // The canary starts only on weekday working hours (UTC), and not while the function already fails.
      beforeEntry: {
        result: "FAIL",
        deploymentWindows: [{ cron: "* * 9-16 ? * MON-FRI", name: "WeekdayWorkingHours" }],
        cloudWatchAlarms: [{ alarmName: errors.name }],
      },
    },
  ],
});

export const cloneUrlHttp = repo.cloneUrlHttp;
export const pipelineUrl = pipeline.consoleUrl;
export const aliasArn = orders.aliasArn;
export const deploymentGroupName = orders.deploymentGroupName;
