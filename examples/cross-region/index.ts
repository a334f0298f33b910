// Build once, deploy in two regions: CodeCommit and CodeBuild in the stack's region (us-east-1 in
// the README), then a Lambda canary there and another in eu-west-1. The eu-west-1 deploy is a
// cross-region action: the pipeline keeps a second artifact store (key and bucket) in eu-west-1
// and CodePipeline copies the build output there. Deploy with `pulumi up` (see README.md).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as cicd from "aws-cicd";

const config = new pulumi.Config();
/** A log bucket (SSE-S3) of this account in the stack's region, for the artifact bucket's access logs. */
const logBucket = config.require("logBucket");
/** The same in eu-west-1, for the eu-west-1 artifact bucket's access logs. */
const euLogBucket = config.require("euLogBucket");
const accountId = aws.getCallerIdentityOutput().accountId;

const EU = "eu-west-1";
// The eu-west-1 targets: the same credentials, another region.
const eu = new aws.Provider("eu", { region: EU });

// One customer managed key per region (about $1 a month each, kept after destroy): KMS keys are regional.
const key = new cicd.EncryptionKey("cicd");
const euKey = new cicd.EncryptionKey("cicd-eu", {}, { provider: eu });

const repo = new cicd.CodeCommitRepo("orders", { description: "Orders API (a Lambda function)", encryptionKey: key });
// Runs the repository's buildspec.yml once: tests, then zips the function into function.zip.
const build = new cicd.BuildProject("build", { encryptionKey: key });

/**
 * The function of one region, its errors alarm and its canary target, created with `provider`
 * (the eu-west-1 provider, or the default one). Later versions come from the pipeline.
 */
function site(name: string, siteKey: cicd.EncryptionKey, provider?: aws.Provider): cicd.LambdaTarget {
  const opts = { provider };
  const logs = new aws.cloudwatch.LogGroup(`${name}-fn-logs`, { retentionInDays: 365, kmsKeyId: siteKey.keyArn }, opts);
  const role = new aws.iam.Role(
    `${name}-fn-role`,
    {
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
    },
    opts,
  );
  const logPolicy = new aws.iam.RolePolicy(
    `${name}-fn-logs`,
    {
      role: role.name,
      policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resource: [pulumi.interpolate`${logs.arn}:log-stream:*`],
          },
        ],
      }),
    },
    opts,
  );
  const fn = new aws.lambda.Function(
    `${name}-fn`,
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
    { ...opts, dependsOn: [logPolicy], ignoreChanges: ["code", "sourceCodeHash"] },
  );
  const errors = new aws.cloudwatch.MetricAlarm(
    `${name}-errors`,
    {
      namespace: "AWS/Lambda",
      metricName: "Errors",
      dimensions: { FunctionName: fn.name, Resource: pulumi.interpolate`${fn.name}:live` },
      statistic: "Sum",
      period: 60,
      evaluationPeriods: 1,
      threshold: 1,
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      treatMissingData: "notBreaching",
    },
    opts,
  );
  return new cicd.LambdaTarget(
    name,
    {
      alias: { create: { functionName: fn.name, functionVersion: fn.version } },
      deploymentConfig: "Canary10Percent5Minutes",
      rollbackAlarmNames: [errors.name],
      encryptionKey: siteKey,
    },
    opts,
  );
}

const us = site("orders-us", key);
const euSite = site("orders-eu", euKey, eu);

const pipeline = new cicd.Pipeline("orders", {
  encryptionKey: key,
  artifactBucketOptions: { accessLogs: { bucketName: logBucket } },
  // The eu-west-1 store is created by the pipeline (key and bucket in eu-west-1); only its access logs are set here.
  regionalArtifactStores: [{ region: EU, artifactBucketOptions: { accessLogs: { bucketName: euLogBucket } } }],
  stages: [
    { name: "Source", actions: [repo.sourceAction({ branch: "main" })] },
    { name: "Build", actions: [build.buildAction()] },
    { name: "DeployUs", actions: [us.deployAction({ name: "Canary" })] },
    // The same build output, copied to eu-west-1 by CodePipeline, deployed by the eu-west-1 deploy project.
    { name: "DeployEu", actions: [euSite.deployAction({ name: "Canary", region: EU })] },
  ],
});

export const cloneUrlHttp = repo.cloneUrlHttp;
export const pipelineUrl = pipeline.consoleUrl;
export const aliasArns = { home: us.aliasArn, [EU]: euSite.aliasArn };
