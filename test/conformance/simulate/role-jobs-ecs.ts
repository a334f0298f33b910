import { ACCOUNT, REGION } from "../../harness/mocks";
import type { StackJobs } from "./role-jobs";
import {
  artifactStore,
  buildProject,
  codeCommitSource,
  codeDeployDeploy,
  keyArn,
  roleArn,
  runBuild,
  STACK_PREFIX as P,
  startPipeline,
} from "./requests";

const KEY = keyArn("cicd-key-id");
const ecs = (rest: string) => `arn:aws:ecs:${REGION}:${ACCOUNT}:${rest}`;
const REPOSITORY = `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/${P}-api`;
const LISTENERS = ["f2f7dc8efc522ab2", "0467ef3c8400ae65"].map(
  (id) => `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:listener/app/shop/50dc6c495c0c9188/${id}`,
);
const TASK_ROLES = ["api-task-role", "api-execution-role"].map((r) => roleArn(r));
const passToTasks = (what: string) =>
  TASK_ROLES.map((resource) => ({
    action: "iam:PassRole",
    resource,
    context: { "iam:PassedToService": "ecs-tasks.amazonaws.com" },
    what: `${resource.split("/").pop()} to ECS tasks (${what})`,
  }));

/** examples/ecs-bluegreen: CodeCommit, a Docker build pushed to ECR, CodeDeployToECS blue/green. */
export const ECS_BLUEGREEN_JOBS: StackJobs = {
  stack: "examples/ecs-bluegreen",
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
        ...codeDeployDeploy(`${P}-api`, `${P}-api`, "CodeDeployDefault.ECSCanary10Percent5Minutes"),
        { action: "ecs:RegisterTaskDefinition", resource: ecs(`task-definition/${P}-api:7`), what: "a revision of the service's family" },
        ...passToTasks("the new revision"),
      ],
    },
    {
      title: "build role",
      role: "build-role",
      may: [
        ...buildProject(`${P}-build`, "app-artifacts-bucket", KEY),
        { action: "ecr:GetAuthorizationToken", resource: "*", what: "the registry token" },
        ...["ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage"].map((action) => ({
          action,
          resource: REPOSITORY,
          what: "the service's repository",
        })),
      ],
    },
    {
      title: "ECS execution role",
      role: "api-execution-role",
      may: [
        { action: "ecr:GetAuthorizationToken", resource: "*", what: "the registry token" },
        ...["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"].map((action) => ({
          action,
          resource: REPOSITORY,
          what: "the service's repository",
        })),
        {
          action: "logs:PutLogEvents",
          resource: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/ecs/${P}-api:log-stream:ecs/app/0123`,
          what: "its container's log stream",
        },
      ],
    },
    {
      title: "CodeDeploy service role",
      role: "api-codedeploy-role",
      may: [
        { action: "ecs:CreateTaskSet", resource: ecs(`task-set/${P}-api/${P}-api/ecs-svc-0123`), what: "a task set of the service" },
        { action: "ecs:UpdateServicePrimaryTaskSet", resource: ecs(`service/${P}-api/${P}-api`), what: "the service" },
        ...LISTENERS.map((resource) => ({ action: "elasticloadbalancing:ModifyListener", resource, what: "a listener of the deployment" })),
        {
          action: "elasticloadbalancing:ModifyRule",
          resource: `${LISTENERS[0].replace(":listener/", ":listener-rule/")}/9683b2d02a6cabee`,
          what: "a rule of the production listener",
        },
        {
          action: "cloudwatch:DescribeAlarms",
          resource: `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:api-5xx`,
          what: "the rollback alarm",
        },
        ...passToTasks("the green task set"),
      ],
    },
    { title: "event trigger role", role: "app-Source-Source-trigger-role", may: startPipeline(`${P}-app`) },
  ],
};
