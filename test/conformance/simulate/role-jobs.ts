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
  ECS_BLUEGREEN_JOBS,
];
