// Push to CodeCommit; CodeBuild builds the image, pushes it to the service's ECR repository and
// writes imageDetail.json, taskdef.json and appspec.yaml; CodeDeploy starts the new task set behind
// the green target group, opens it on the test listener, then moves production traffic (canary,
// 10 percent for 5 minutes) and rolls back on failure or when the 5xx alarm fires.
// Deploy with `pulumi up` (see README.md). Set the network and the load balancer's parts
// (an Application Load Balancer with an HTTPS production listener, a test listener and two
// target groups of target type `ip`, which this example does not create).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as cicd from "aws-cicd";

const config = new pulumi.Config();
const vpcId = config.require("vpcId");
const subnetIds = config.requireObject<string[]>("subnetIds");
const albSecurityGroupId = config.require("albSecurityGroupId");
const loadBalancerArnSuffix = config.require("loadBalancerArnSuffix");
const targetGroupArns = config.requireObject<string[]>("targetGroupArns");
const productionListenerArn = config.require("productionListenerArn");
const testListenerArn = config.require("testListenerArn");
/** A log bucket (SSE-S3) of this account and region that S3 server access logging may write to. */
const logBucket = config.require("logBucket");

// One customer managed key for the stack (about $1 a month, kept after destroy). It also encrypts
// the service's ECR repository, so its key policy lets ECR create grants (allowEcrRepositories).
const key = new cicd.EncryptionKey("cicd", { allowEcrRepositories: true });

const repo = new cicd.CodeCommitRepo("app", { description: "Container app deployed blue/green to ECS", encryptionKey: key });

// Rolls back the deployment when the load balancer answers 5xx during the traffic shift.
const errors = new aws.cloudwatch.MetricAlarm("api-5xx", {
  namespace: "AWS/ApplicationELB",
  metricName: "HTTPCode_Target_5XX_Count",
  dimensions: { LoadBalancer: loadBalancerArnSuffix },
  statistic: "Sum",
  period: 60,
  evaluationPeriods: 1,
  threshold: 5,
  comparisonOperator: "GreaterThanOrEqualToThreshold",
  treatMissingData: "notBreaching",
});

const api = new cicd.EcsServiceTarget("api", {
  fargateService: { vpcId, subnetIds, containerPort: 8080, ingressSecurityGroupIds: [albSecurityGroupId], encryptionKey: key },
  blueGreen: {
    targetGroupArns,
    productionListenerArn,
    testListenerArn,
    trafficConfig: "CodeDeployDefault.ECSCanary10Percent5Minutes",
    terminationWaitMinutes: 15,
    rollbackAlarmNames: [errors.name],
  },
});

// Runs app/buildspec.yml: docker build and push, then the deploy files for CodeDeployToECS.
const build = new cicd.BuildProject("build", {
  encryptionKey: key,
  dockerBuilds: true,
  environmentVariables: {
    REPOSITORY_URI: { value: api.repositoryUrl! },
    TASK_FAMILY: { value: api.taskDefinitionFamilyArn.apply((arn) => arn.split("/").pop()!) },
    EXECUTION_ROLE_ARN: { value: api.executionRoleArn! },
    TASK_ROLE_ARN: { value: api.taskRoleArn! },
    LOG_GROUP: { value: api.logGroup!.name },
  },
});
api.grantImagePush(build.role);

const pipeline = new cicd.Pipeline("app", {
  encryptionKey: key,
  artifactBucketOptions: { accessLogs: { bucketName: logBucket } },
  stages: [
    { name: "Source", actions: [repo.sourceAction({ branch: "main" })] },
    { name: "Build", actions: [build.buildAction()] },
    { name: "Deploy", actions: [api.deployAction()] },
  ],
});

export const cloneUrlHttp = repo.cloneUrlHttp;
export const pipelineUrl = pipeline.consoleUrl;
export const repositoryUrl = api.repositoryUrl;
export const deploymentGroupName = api.deploymentGroupName;
