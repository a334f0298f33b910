// The ECS statements (ecs/policies.ts) as plain values: exact sids, actions, ARNs and conditions of
// the pipeline role's rolling and blue/green deploy grants, the CodeDeploy service role, the
// execution role and the image push grant.
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import {
  codeDeployEcsServiceRoleStatements,
  ecrImagePushStatements,
  EcsBlueGreenDeployTargetInfo,
  ecsBlueGreenDeployStatements,
  ecsDeployStatements,
  ecsExecutionRoleStatements,
  EcsServiceDeployTargetInfo,
  inCluster,
} from "../../packages/aws-cicd/src/ecs/policies";
import { PolicyStatement } from "../../packages/aws-cicd/src/security/iam";
import { unwrap } from "../harness";

const ECS = "arn:aws:ecs:eu-west-1:111122223333";
const IAM = "arn:aws:iam::111122223333";
const PASS_TO_TASKS = { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } };
const REGISTER = ["ecs:RegisterTaskDefinition", "ecs:TagResource"];

/** The statements with every Output resolved (keys left undefined dropped, as in the rendered policy). */
async function resolved(statements: PolicyStatement[]): Promise<unknown[]> {
  return Promise.all(statements.map(async (s) => JSON.parse(JSON.stringify(await unwrap(s as never)))));
}

function service(cluster: string, name: string, roles: { task?: string; execution?: string } = {}): EcsServiceDeployTargetInfo {
  return {
    clusterName: cluster,
    serviceName: name,
    clusterArn: `${ECS}:cluster/${cluster}`,
    serviceArn: `${ECS}:service/${cluster}/${name}`,
    taskDefinitionFamilyArn: `${ECS}:task-definition/${name}`,
    ...(roles.task === undefined ? {} : { taskRoleArn: `${IAM}:role/${roles.task}` }),
    ...(roles.execution === undefined ? {} : { executionRoleArn: `${IAM}:role/${roles.execution}` }),
  };
}

function blueGreen(app: string, roles: { task?: string; execution?: string } = {}): EcsBlueGreenDeployTargetInfo {
  const cd = (r: string) => `arn:aws:codedeploy:eu-west-1:111122223333:${r}`;
  return {
    applicationName: app,
    deploymentGroupName: `${app}-bg`,
    applicationArn: cd(`application:${app}`),
    deploymentGroupArn: cd(`deploymentgroup:${app}/${app}-bg`),
    deploymentConfigArn: cd("deploymentconfig:CodeDeployDefault.ECSAllAtOnce"),
    taskDefinitionFamilyArn: `${ECS}:task-definition/${app}`,
    ...(roles.task === undefined ? {} : { taskRoleArn: `${IAM}:role/${roles.task}` }),
    ...(roles.execution === undefined ? {} : { executionRoleArn: `${IAM}:role/${roles.execution}` }),
  };
}

describe("EcsServiceTarget statements", () => {
  it("turns a cluster ARN into the ARN pattern of a resource type in that cluster", async () => {
    expect(await unwrap(inCluster(`${ECS}:cluster/prod`, "task"))).to.equal(`${ECS}:task/prod/*`);
    expect(await unwrap(inCluster(pulumi.output(`${ECS}:cluster/prod`), "container-instance"))).to.equal(
      `${ECS}:container-instance/prod/*`,
    );
  });

  describe("pipeline role, ECS (rolling) action", () => {
    it("updates exactly the service, follows its cluster's tasks, registers its family and passes its roles to ECS tasks", async () => {
      const t = service("prod", "web", { task: "web-task", execution: "web-exec" });
      expect(await resolved(ecsDeployStatements([t]))).to.deep.equal([
        { sid: "UpdateEcsServices", actions: ["ecs:DescribeServices", "ecs:UpdateService"], resources: [`${ECS}:service/prod/web`] },
        { sid: "ReadEcsTaskDefinitions", actions: ["ecs:DescribeTaskDefinition"], resources: ["*"] },
        { sid: "DescribeEcsServiceTasks", actions: ["ecs:DescribeTasks"], resources: [`${ECS}:task/prod/*`] },
        { sid: "ListEcsServiceTasks", actions: ["ecs:ListTasks"], resources: [`${ECS}:container-instance/prod/*`] },
        { sid: "RegisterEcsTaskDefinitions", actions: REGISTER, resources: [`${ECS}:task-definition/web:*`] },
        {
          sid: "PassEcsTaskRoles",
          actions: ["iam:PassRole"],
          resources: [`${IAM}:role/web-task`, `${IAM}:role/web-exec`],
          conditions: PASS_TO_TASKS,
        },
      ]);
    });

    it("names a shared cluster, family or role once, and passes no role when the task definitions name none", async () => {
      const web = service("prod", "web", { execution: "shared-exec" });
      const api = service("prod", "api", { execution: "shared-exec" });
      const worker = service("batch", "web");
      expect(await resolved(ecsDeployStatements([web, api, worker]))).to.deep.equal([
        {
          sid: "UpdateEcsServices",
          actions: ["ecs:DescribeServices", "ecs:UpdateService"],
          resources: [`${ECS}:service/prod/web`, `${ECS}:service/prod/api`, `${ECS}:service/batch/web`],
        },
        { sid: "ReadEcsTaskDefinitions", actions: ["ecs:DescribeTaskDefinition"], resources: ["*"] },
        { sid: "DescribeEcsServiceTasks", actions: ["ecs:DescribeTasks"], resources: [`${ECS}:task/prod/*`, `${ECS}:task/batch/*`] },
        {
          sid: "ListEcsServiceTasks",
          actions: ["ecs:ListTasks"],
          resources: [`${ECS}:container-instance/prod/*`, `${ECS}:container-instance/batch/*`],
        },
        {
          sid: "RegisterEcsTaskDefinitions",
          actions: REGISTER,
          resources: [`${ECS}:task-definition/web:*`, `${ECS}:task-definition/api:*`],
        },
        { sid: "PassEcsTaskRoles", actions: ["iam:PassRole"], resources: [`${IAM}:role/shared-exec`], conditions: PASS_TO_TASKS },
      ]);
      expect(ecsDeployStatements([worker]).map((s) => s.sid)).to.deep.equal([
        "UpdateEcsServices",
        "ReadEcsTaskDefinitions",
        "DescribeEcsServiceTasks",
        "ListEcsServiceTasks",
        "RegisterEcsTaskDefinitions",
      ]);
    });

    it("rejects an empty target list", () => {
      expect(() => ecsDeployStatements([])).to.throw("`targets` must hold at least one ECS service.");
    });
  });

  describe("pipeline role, CodeDeployToECS (blue/green) action", () => {
    it("holds the CodeDeploy statements and the family and roles of the task definitions, every Sid prefixed BlueGreen", async () => {
      const shop = blueGreen("shop", { task: "shop-task" });
      const api = blueGreen("api");
      expect(await resolved(ecsBlueGreenDeployStatements([shop, api]))).to.deep.equal([
        {
          sid: "BlueGreenRegisterRevisions",
          actions: ["codedeploy:GetApplication", "codedeploy:GetApplicationRevision", "codedeploy:RegisterApplicationRevision"],
          resources: [shop.applicationArn, api.applicationArn],
        },
        {
          sid: "BlueGreenCreateDeployments",
          actions: ["codedeploy:CreateDeployment", "codedeploy:GetDeployment"],
          resources: [shop.deploymentGroupArn, api.deploymentGroupArn],
        },
        { sid: "BlueGreenReadDeploymentConfigs", actions: ["codedeploy:GetDeploymentConfig"], resources: [shop.deploymentConfigArn] },
        {
          sid: "BlueGreenRegisterEcsTaskDefinitions",
          actions: REGISTER,
          resources: [`${ECS}:task-definition/shop:*`, `${ECS}:task-definition/api:*`],
        },
        { sid: "BlueGreenPassEcsTaskRoles", actions: ["iam:PassRole"], resources: [`${IAM}:role/shop-task`], conditions: PASS_TO_TASKS },
      ]);
    });

    it("rejects an empty target list with its own message", () => {
      expect(() => ecsBlueGreenDeployStatements([])).to.throw("`targets` must hold at least one ECS blue/green deployment group.");
    });
  });

  describe("CodeDeploy service role, ECS blue/green", () => {
    const SERVICE = `${ECS}:service/prod/web`;
    const ELB = "arn:aws:elasticloadbalancing:eu-west-1:111122223333";
    const LISTENERS = [
      `${ELB}:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2`,
      `${ELB}:listener/app/web/50dc6c495c0c9188/0467ef3c8400ae65`,
    ];
    const HOOK = "arn:aws:lambda:eu-west-1:111122223333:function:smoke-test";
    const BASE = [
      { sid: "ShiftEcsServiceTaskSets", actions: ["ecs:DescribeServices", "ecs:UpdateServicePrimaryTaskSet"], resources: [SERVICE] },
      { sid: "ManageEcsTaskSets", actions: ["ecs:CreateTaskSet", "ecs:DeleteTaskSet"], resources: [`${ECS}:task-set/prod/web/*`] },
      {
        sid: "ReadLoadBalancing",
        actions: [
          "elasticloadbalancing:DescribeListeners",
          "elasticloadbalancing:DescribeRules",
          "elasticloadbalancing:DescribeTargetGroups",
        ],
        resources: ["*"],
      },
      { sid: "ShiftListeners", actions: ["elasticloadbalancing:ModifyListener"], resources: LISTENERS },
      {
        sid: "ShiftListenerRules",
        actions: ["elasticloadbalancing:ModifyRule"],
        resources: [
          `${ELB}:listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/*`,
          `${ELB}:listener-rule/app/web/50dc6c495c0c9188/0467ef3c8400ae65/*`,
        ],
      },
    ];
    const ctx = { partition: "aws", region: "eu-west-1", accountId: "111122223333" };

    it("shifts exactly this service, its task sets, these listeners and their rules, and passes its roles", async () => {
      const statements = codeDeployEcsServiceRoleStatements({
        ctx,
        serviceArn: pulumi.output(SERVICE),
        listenerArns: LISTENERS,
        taskRoleArns: [`${IAM}:role/web-task`, `${IAM}:role/web-exec`],
      });
      expect(await resolved(statements)).to.deep.equal([
        ...BASE,
        {
          sid: "PassEcsTaskRoles",
          actions: ["iam:PassRole"],
          resources: [`${IAM}:role/web-task`, `${IAM}:role/web-exec`],
          conditions: PASS_TO_TASKS,
        },
      ]);
    });

    it("reads exactly the rollback alarms and invokes exactly the hook functions (each once)", async () => {
      const statements = codeDeployEcsServiceRoleStatements({
        ctx: { partition: "aws-us-gov", region: "us-gov-west-1", accountId: "444455556666" },
        serviceArn: SERVICE,
        listenerArns: LISTENERS,
        alarmNames: ["web-5xx", "web-latency"],
        taskRoleArns: [],
        hookFunctionArns: [HOOK, HOOK],
      });
      expect(await resolved(statements)).to.deep.equal([
        ...BASE,
        {
          sid: "ReadRollbackAlarms",
          actions: ["cloudwatch:DescribeAlarms"],
          resources: [
            "arn:aws-us-gov:cloudwatch:us-gov-west-1:444455556666:alarm:web-5xx",
            "arn:aws-us-gov:cloudwatch:us-gov-west-1:444455556666:alarm:web-latency",
          ],
        },
        { sid: "InvokeLifecycleHooks", actions: ["lambda:InvokeFunction"], resources: [HOOK] },
      ]);
    });

    it("adds no alarm, hook or role statement for empty lists", async () => {
      const statements = codeDeployEcsServiceRoleStatements({
        ctx,
        serviceArn: SERVICE,
        listenerArns: LISTENERS,
        alarmNames: [],
        taskRoleArns: [],
        hookFunctionArns: [],
      });
      expect(await resolved(statements)).to.deep.equal(BASE);
    });
  });

  describe("execution role and image push", () => {
    const REPO = "arn:aws:ecr:eu-west-1:111122223333:repository/web";
    const LOGS = "arn:aws:logs:eu-west-1:111122223333:log-group:/ecs/web";

    it("pulls from exactly the repository and writes to exactly the log group's streams", async () => {
      expect(await resolved(ecsExecutionRoleStatements(REPO, LOGS))).to.deep.equal([
        { sid: "GetEcrAuthorizationToken", actions: ["ecr:GetAuthorizationToken"], resources: ["*"] },
        {
          sid: "PullServiceImages",
          actions: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
          resources: [REPO],
        },
        { sid: "WriteServiceLogs", actions: ["logs:CreateLogStream", "logs:PutLogEvents"], resources: [`${LOGS}:log-stream:*`] },
      ]);
    });

    it("pushes to exactly the repository", async () => {
      expect(await resolved(ecrImagePushStatements(REPO))).to.deep.equal([
        { sid: "GetEcrAuthorizationToken", actions: ["ecr:GetAuthorizationToken"], resources: ["*"] },
        {
          sid: "PushServiceImages",
          actions: [
            "ecr:BatchCheckLayerAvailability",
            "ecr:CompleteLayerUpload",
            "ecr:InitiateLayerUpload",
            "ecr:PutImage",
            "ecr:UploadLayerPart",
          ],
          resources: [REPO],
        },
      ]);
    });
  });
});
