import { PROD_ACCOUNT } from "../../examples/example-config";
import { ACCOUNT } from "../../harness/mocks";
import { RoleRequest } from "./simulate";
import {
  artifactStore,
  beanstalkDeploy,
  beanstalkInstance,
  buildProject,
  codeCommitSource,
  codeDeployDeploy,
  conditionAlarm,
  keyArn,
  keyThrough,
  notifyApprovers,
  putArtifact,
  assumeRole,
  pulumiState,
  readArtifacts,
  roleArn,
  runBuild,
  STACK_PREFIX as P,
  startPipeline,
} from "./requests";
import { ECS_BLUEGREEN_JOBS } from "./role-jobs-ecs";

/** One role of a stack and the requests its job needs (all must be Allowed). */
export interface RoleJob {
  /** "pipeline role", "build role of project test"... */
  title: string;
  /** Logical name of the `aws:iam/role:Role`. */
  role: string;
  may: RoleRequest[];
}

/** What a stack's roles do, and the stack's own bucket and key for the must-not list. */
export interface StackJobs {
  stack: string;
  /** The artifact (or other) bucket the stack creates with a bucket policy. */
  bucket?: string;
  key: string;
  roles: RoleJob[];
}

const KEY = keyArn("cicd-key-id");
const PULUMI_STATE_KEY = keyArn("defaults-pulumi-state-key-key-id");
const LAMBDA_FN = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders-fn`;
const trigger = (pipeline: string, role = "app-Source-Source-trigger-role"): RoleJob => ({
  title: "event trigger role",
  role,
  may: startPipeline(pipeline),
});

export const STACK_JOBS: StackJobs[] = [
  {
    stack: "examples/repo-and-build",
    key: KEY,
    roles: [
      {
        title: "build role",
        role: "tests-role",
        may: [
          ...buildProject(`${P}-tests`, undefined, KEY),
          { action: "codecommit:GitPull", resource: `arn:aws:codecommit:us-east-1:${ACCOUNT}:app`, what: "its source repository" },
          ...keyThrough(KEY, "codecommit"),
        ],
      },
    ],
  },
  {
    stack: "examples/beanstalk-pipeline",
    bucket: "app-artifacts-bucket",
    key: KEY,
    roles: [
      {
        title: "pipeline role",
        role: "app-role",
        may: [
          ...artifactStore("app-artifacts-bucket", KEY),
          ...codeCommitSource("app", KEY),
          ...runBuild(`${P}-test`),
          ...beanstalkDeploy(`${P}-dev`, [`${P}-dev`, `${P}-prod`], ["dev-instance-role", "prod-instance-role"]),
          ...notifyApprovers("app-Approve-Approve-topic-topic", KEY),
        ],
      },
      { title: "build role", role: "test-role", may: buildProject(`${P}-test`, "app-artifacts-bucket", KEY) },
      trigger(`${P}-app`),
      { title: "dev instance role", role: "dev-instance-role", may: beanstalkInstance(`${P}-dev`, `${P}-dev`) },
      { title: "prod instance role", role: "prod-instance-role", may: beanstalkInstance(`${P}-dev`, `${P}-prod`) },
    ],
  },
  {
    stack: "examples/github-source",
    bucket: "web-artifacts-bucket",
    key: KEY,
    roles: [
      {
        title: "pipeline role",
        role: "web-role",
        may: [
          ...artifactStore("web-artifacts-bucket", KEY),
          {
            action: "codeconnections:UseConnection",
            resource: `arn:aws:codeconnections:us-east-1:${ACCOUNT}:connection/web-Source-GitHub-connection-id`,
            what: "the GitHub connection",
          },
          ...runBuild(`${P}-test`),
          ...runBuild(`${P}-package`),
          ...notifyApprovers("web-Approve-Approve-topic-topic", KEY),
        ],
      },
      { title: "test build role", role: "test-role", may: buildProject(`${P}-test`, "web-artifacts-bucket", KEY, false) },
      { title: "package build role", role: "package-role", may: buildProject(`${P}-package`, "web-artifacts-bucket", KEY) },
    ],
  },
  {
    stack: "examples/codedeploy-ec2",
    bucket: "artifacts-bucket",
    key: KEY,
    roles: [
      {
        title: "pipeline role",
        role: "app-role",
        may: [
          ...artifactStore("artifacts-bucket", KEY),
          ...codeCommitSource("app", KEY),
          ...runBuild(`${P}-build`),
          ...codeDeployDeploy(`${P}-web`, `${P}-web`, "CodeDeployDefault.OneAtATime"),
          ...conditionAlarm("web-5xx"),
        ],
      },
      { title: "build role", role: "build-role", may: buildProject(`${P}-build`, "artifacts-bucket", KEY) },
      trigger(`${P}-app`),
      {
        title: "CodeDeploy instance role",
        role: "web-instance-role",
        may: [...readArtifacts("artifacts-bucket"), ...keyThrough(KEY, "s3", ["kms:Decrypt"])],
      },
    ],
  },
  {
    stack: "examples/cross-account",
    bucket: "app-artifacts-bucket",
    key: KEY,
    roles: [
      {
        title: "pipeline role",
        role: "app-role",
        may: [
          ...artifactStore("app-artifacts-bucket", KEY),
          ...codeCommitSource("app", KEY),
          ...runBuild(`${P}-build`),
          { action: "sts:AssumeRole", resource: roleArn(`${P}-prod-deploy`, PROD_ACCOUNT), what: "the prod deploy role" },
        ],
      },
      { title: "build role", role: "build-role", may: buildProject(`${P}-build`, "app-artifacts-bucket", KEY) },
      trigger(`${P}-app`),
      {
        title: "prod deploy role",
        role: "prod-deploy-role",
        may: [
          ...readArtifacts("app-artifacts-bucket").map((r) => ({ ...r, what: "artifacts in the tools account" })),
          ...keyThrough(KEY, "s3", ["kms:Decrypt"]).map((r) => ({ ...r, what: "the tools key through s3" })),
          ...beanstalkDeploy(`${P}-prod`, [`${P}-prod`], ["prod-instance-role"], PROD_ACCOUNT),
        ],
      },
      { title: "prod instance role", role: "prod-instance-role", may: beanstalkInstance(`${P}-prod`, `${P}-prod`, PROD_ACCOUNT) },
      {
        title: "CodeCommit cross-account role",
        role: "app-cross-account-0",
        may: [
          ...["codecommit:GitPull", "codecommit:GitPush"].map((action) => ({
            action,
            resource: `arn:aws:codecommit:us-east-1:${ACCOUNT}:app`,
            what: "the repository",
          })),
          ...keyThrough(KEY, "codecommit"),
        ],
      },
    ],
  },
  {
    stack: "component defaults",
    bucket: "defaults-pipeline-artifacts-bucket",
    key: keyArn("defaults-pipeline-key-key-id"),
    roles: [
      {
        title: "pipeline role",
        role: "defaults-pipeline-role",
        may: [
          ...artifactStore("defaults-pipeline-artifacts-bucket", keyArn("defaults-pipeline-key-key-id")),
          ...codeCommitSource("defaults-repo", keyArn("defaults-repo-key-key-id")),
          ...runBuild(`${P}-defaults-build`),
        ],
      },
      {
        title: "build role",
        role: "defaults-build-role",
        may: [
          ...buildProject(`${P}-defaults-build`, "defaults-pipeline-artifacts-bucket", keyArn("defaults-pipeline-key-key-id")),
          ...keyThrough(keyArn("defaults-build-key-key-id"), "s3").map((r) => ({ ...r, what: "its project key through s3" })),
        ],
      },
      trigger(`${P}-defaults-pipeline`, "defaults-pipeline-Source-Source-trigger-role"),
      {
        title: "Beanstalk instance role",
        role: "defaults-web-instance-role",
        may: beanstalkInstance(`${P}-defaults-web`, `${P}-defaults-web`),
      },
      { title: "CodeDeploy blue/green service role", role: "defaults-fleet-bg-service-role", may: blueGreenServiceRole() },
      {
        title: "Pulumi preview build role",
        role: "defaults-pulumi-preview-role",
        may: [
          ...pulumiState("defaults-pulumi-state-bucket", PULUMI_STATE_KEY, false),
          ...assumeRole(roleArn(`${P}-defaults-pulumi-deploy`)),
        ],
      },
      {
        title: "Pulumi update build role",
        role: "defaults-pulumi-up-role",
        may: [
          ...pulumiState("defaults-pulumi-state-bucket", PULUMI_STATE_KEY, true),
          ...assumeRole(roleArn(`${P}-defaults-pulumi-deploy`)),
        ],
      },
    ],
  },
  {
    stack: "examples/lambda-canary",
    bucket: "artifacts-bucket",
    key: KEY,
    roles: [
      {
        title: "pipeline role",
        role: "orders-role",
        may: [
          ...artifactStore("artifacts-bucket", KEY),
          ...codeCommitSource("orders", KEY),
          ...runBuild(`${P}-build`),
          ...runBuild(`${P}-orders-deploy`),
        ],
      },
      { title: "build role", role: "build-role", may: buildProject(`${P}-build`, "artifacts-bucket", KEY) },
      {
        title: "deploy project role",
        role: "orders-deploy-role",
        may: [
          ...buildProject(`${P}-orders-deploy`, "artifacts-bucket", KEY, false),
          { action: "lambda:GetAlias", resource: LAMBDA_FN, what: "the function's alias" },
          { action: "lambda:UpdateFunctionCode", resource: LAMBDA_FN, what: "the function (publish a version)" },
          ...codeDeployDeploy(`${P}-orders`, `${P}-orders`, "CodeDeployDefault.LambdaCanary10Percent5Minutes"),
        ],
      },
      {
        title: "CodeDeploy service role",
        role: "orders-service-role",
        may: [
          { action: "lambda:UpdateAlias", resource: LAMBDA_FN, what: "the alias (traffic shift)" },
          // lambda:GetProvisionedConcurrencyConfig on the alias ARN is left out: the simulator cannot tell
          // an alias from a version ARN ("multiple.resource.types"); test/lambda asserts that statement.
          {
            action: "cloudwatch:DescribeAlarms",
            resource: `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:orders-errors`,
            what: "the rollback alarm",
          },
        ],
      },
      trigger(`${P}-orders`, "orders-Source-Source-trigger-role"),
    ],
  },
  crossRegion(),
  ECS_BLUEGREEN_JOBS,
];

/** Issue 15: what CodeDeploy does with the service role of the defaults' blue/green fleet in one deployment. */
function blueGreenServiceRole(): RoleRequest[] {
  const ec2 = `arn:aws:ec2:us-east-1:${ACCOUNT}`;
  const group = (name: string) =>
    `arn:aws:autoscaling:us-east-1:${ACCOUNT}:autoScalingGroup:0a1b2c3d-1111-2222-3333-444455556666:autoScalingGroupName/${name}`;
  const blue = "defaults-fleet-bg-asg";
  const green = `CodeDeploy_${P}-defaults-fleet-bg_d-HQU3QSJWA`;
  const template = `${ec2}:launch-template/lt-defaults-fleet-bg-launch-template`;
  return [
    { action: "autoscaling:DescribeAutoScalingGroups", resource: "*", what: "the groups" },
    { action: "elasticloadbalancing:DescribeTargetHealth", resource: "*", what: "the targets' health" },
    { action: "autoscaling:PutLifecycleHook", resource: group(blue), what: "a hook on the blue group" },
    { action: "autoscaling:CreateAutoScalingGroup", resource: group(green), what: "the green copy" },
    { action: "autoscaling:PutNotificationConfiguration", resource: group(green), what: "the copy's notifications" },
    { action: "autoscaling:CompleteLifecycleAction", resource: group(green), what: "the copy's launch hook" },
    {
      action: "ec2:RunInstances",
      resource: template,
      context: { "ec2:LaunchTemplate": template },
      what: "a launch from the fleet's template",
    },
    {
      action: "iam:PassRole",
      resource: roleArn("defaults-fleet-bg-instance-role"),
      context: { "iam:PassedToService": "ec2.amazonaws.com" },
      what: "the instance role to EC2",
    },
    {
      action: "elasticloadbalancing:RegisterTargets",
      resource: `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/web/0123456789abcdef`,
      what: "green instances in the target group",
    },
    {
      action: "ec2:TerminateInstances",
      resource: `${ec2}:instance/i-0123456789abcdef0`,
      context: { "aws:ResourceTag/aws:autoscaling:groupName": blue },
      what: "a blue instance",
    },
    { action: "autoscaling:DeleteAutoScalingGroup", resource: group(blue), what: "the blue group" },
    { action: "cloudwatch:DescribeAlarms", resource: `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:web-5xx`, what: "the rollback alarm" },
  ];
}

/**
 * examples/cross-region: the pipeline role works on both artifact stores (it copies artifacts to
 * eu-west-1), the eu-west-1 deploy project's role reads the eu-west-1 store through that store's
 * bucket and key policies only.
 */
function crossRegion(): StackJobs {
  const EU = "eu-west-1";
  const bucket = "orders-eu-west-1-artifacts-bucket";
  const key = `arn:aws:kms:${EU}:${ACCOUNT}:key/orders-eu-west-1-key-key-id`;
  const euKey = (actions: string[]): RoleRequest[] =>
    actions.map((action) => ({
      action,
      resource: key,
      context: { "kms:ViaService": `s3.${EU}.amazonaws.com` },
      what: "the eu-west-1 key through S3",
    }));
  const locate = { action: "s3:GetBucketLocation", resource: `arn:aws:s3:::${bucket}`, what: "the eu-west-1 bucket" };
  const euProject = `arn:aws:codebuild:${EU}:${ACCOUNT}:project/${P}-orders-eu-deploy`;
  return {
    stack: "examples/cross-region",
    bucket: "orders-artifacts-bucket",
    key: KEY,
    roles: [
      {
        title: "pipeline role",
        role: "orders-role",
        may: [
          ...artifactStore("orders-artifacts-bucket", KEY),
          putArtifact(bucket, key, "eu-west-1 artifacts with TLS and the key"),
          ...readArtifacts(bucket),
          { action: "s3:GetBucketVersioning", resource: `arn:aws:s3:::${bucket}`, what: "the eu-west-1 bucket" },
          locate,
          ...euKey(["kms:Decrypt", "kms:GenerateDataKey"]),
          ...codeCommitSource("orders", KEY),
          ...runBuild(`${P}-build`),
          ...runBuild(`${P}-orders-us-deploy`),
          ...["codebuild:StartBuild", "codebuild:BatchGetBuilds"].map((action) => ({
            action,
            resource: euProject,
            what: "the eu-west-1 deploy project",
          })),
        ],
      },
      {
        title: "eu-west-1 deploy project role",
        role: "orders-eu-deploy-role",
        may: [...readArtifacts(bucket), locate, ...euKey(["kms:Decrypt"])],
      },
    ],
  };
}
