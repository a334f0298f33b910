import { expect } from "chai";
import { EcsServiceTarget } from "../../packages/aws-cicd/src/ecs";
import { codeDeployToEcsAction, ecsDeployAction, Pipeline } from "../../packages/aws-cicd/src/pipeline";
import { findResource, policyStatementsOf, recorded, settle } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { build, loadedPipeline, source } from "../pipeline/fixtures";
import { BLUE_GREEN, CD, deployed, ECS, EXECUTION_ROLE, EXISTING, GROUP, TASK_ROLE } from "./fixtures";

const stage = (n: string) =>
  findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline").inputs.stages.find((s: any) => s.name === n);
const ROLLING_SIDS = [
  "UpdateEcsServices",
  "ReadEcsTaskDefinitions",
  "DescribeEcsServiceTasks",
  "ListEcsServiceTasks",
  "RegisterEcsTaskDefinitions",
  "PassEcsTaskRoles",
];
const statementsWith = (prefix: string, sids: string[]) =>
  policyStatementsOf("app-role").filter((s) => s.Sid !== undefined && sids.map((x) => prefix + x).includes(s.Sid));
const PASS_ROLES = {
  Effect: "Allow",
  Action: ["iam:PassRole"],
  Resource: [TASK_ROLE, EXECUTION_ROLE],
  Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } },
};
const stages = (deploy: any) => [
  { name: "Source", actions: [source()] },
  { name: "Build", actions: [build()] },
  { name: "Deploy", actions: [deploy] },
];

describe("EcsServiceTarget", () => {
  describe("rolling deploy action (ECS)", () => {
    it("declares an ECS action and grants the pipeline role exactly the ECS calls on this service, family and roles", async () => {
      const t = await deployed(new EcsServiceTarget("api", { existingService: EXISTING }));
      await loadedPipeline({ stages: stages(t.deployAction({ deploymentTimeoutMinutes: 20 })) });
      expect(stage("Deploy").actions).to.deep.equal([
        {
          name: "Deploy",
          category: "Deploy",
          owner: "AWS",
          provider: "ECS",
          version: "1",
          configuration: { ClusterName: "shop", ServiceName: "api", FileName: "imagedefinitions.json", DeploymentTimeout: "20" },
          runOrder: 1,
          inputArtifacts: ["BuildOutput"],
        },
      ]);
      expect(statementsWith("", ROLLING_SIDS)).to.deep.equal([
        {
          Sid: "UpdateEcsServices",
          Effect: "Allow",
          Action: ["ecs:DescribeServices", "ecs:UpdateService"],
          Resource: [`${ECS}:service/shop/api`],
        },
        { Sid: "ReadEcsTaskDefinitions", Effect: "Allow", Action: ["ecs:DescribeTaskDefinition"], Resource: ["*"] },
        { Sid: "DescribeEcsServiceTasks", Effect: "Allow", Action: ["ecs:DescribeTasks"], Resource: [`${ECS}:task/shop/*`] },
        { Sid: "ListEcsServiceTasks", Effect: "Allow", Action: ["ecs:ListTasks"], Resource: [`${ECS}:container-instance/shop/*`] },
        {
          Sid: "RegisterEcsTaskDefinitions",
          Effect: "Allow",
          Action: ["ecs:RegisterTaskDefinition", "ecs:TagResource"],
          Resource: [`${ECS}:task-definition/api:*`],
        },
        { Sid: "PassEcsTaskRoles", ...PASS_ROLES },
      ]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("shares one statement list naming every service when a pipeline deploys to two", async () => {
      const dev = new EcsServiceTarget("dev", {
        existingService: { clusterName: "dev", serviceName: "api", taskDefinitionFamily: "api-dev" },
      });
      const prod = new EcsServiceTarget("prod", { existingService: EXISTING });
      await loadedPipeline({
        stages: [
          { name: "Source", actions: [source()] },
          { name: "Build", actions: [build()] },
          { name: "DeployDev", actions: [dev.deployAction()] },
          { name: "DeployProd", actions: [prod.deployAction()] },
        ],
      });
      expect(statementsWith("", ROLLING_SIDS).map((s) => [s.Sid, s.Resource])).to.deep.equal([
        ["UpdateEcsServices", [`${ECS}:service/dev/api`, `${ECS}:service/shop/api`]],
        ["ReadEcsTaskDefinitions", ["*"]],
        ["DescribeEcsServiceTasks", [`${ECS}:task/dev/*`, `${ECS}:task/shop/*`]],
        ["ListEcsServiceTasks", [`${ECS}:container-instance/dev/*`, `${ECS}:container-instance/shop/*`]],
        ["RegisterEcsTaskDefinitions", [`${ECS}:task-definition/api-dev:*`, `${ECS}:task-definition/api:*`]],
        ["PassEcsTaskRoles", [TASK_ROLE, EXECUTION_ROLE]],
      ]);
    });

    it("throws when a target field is missing or malformed, before any child", async () => {
      const base = {
        clusterName: "shop",
        serviceName: "api",
        clusterArn: `${ECS}:cluster/shop`,
        serviceArn: `${ECS}:service/shop/api`,
        taskDefinitionFamilyArn: `${ECS}:task-definition/api`,
      };
      const at = "`stages[1].actions[0]";
      const cases: [Record<string, unknown>, string][] = [
        [
          { serviceArn: undefined },
          `${at}.serviceArn\` is required; pass \`target.deployAction()\` or spread \`target.ecsDeployTarget()\` of an EcsServiceTarget.`,
        ],
        [
          { serviceArn: `${ECS}:service/api` },
          `${at}.serviceArn\` must be a service ARN in the long format ("arn:aws:ecs:<region>:<account>:service/<cluster>/<service>"), got "${ECS}:service/api".`,
        ],
        [
          { taskDefinitionFamilyArn: `${ECS}:task-definition/api:3` },
          `${at}.taskDefinitionFamilyArn\` must be a task definition family ARN without revision ("arn:aws:ecs:<region>:<account>:task-definition/<family>"), got "${ECS}:task-definition/api:3".`,
        ],
        [
          { imageDefinitionsFile: "../x.json" },
          `${at}.imageDefinitionsFile\` must be a relative path inside the input artifact (no leading "/" or ".." step), got "../x.json".`,
        ],
        [{ deploymentTimeoutMinutes: 90 }, `${at}.deploymentTimeoutMinutes\` must be a whole number from 1 to 60, got 90.`],
      ];
      for (const [extra, message] of cases) {
        recorded.length = 0;
        let error: Error | undefined;
        try {
          new Pipeline("app", {
            stages: [
              { name: "Source", actions: [source()] },
              { name: "Deploy", actions: [ecsDeployAction({ ...base, ...extra } as any)] },
            ],
          });
        } catch (e) {
          error = e as Error;
        }
        expect(error?.message).to.equal(message);
        await settle();
        expect(recorded.map((r) => r.type)).to.deep.equal(["aws-cicd:index:Pipeline"]);
      }
    });
  });

  describe("blue/green deploy action (CodeDeployToECS)", () => {
    it("declares a CodeDeployToECS action reading the templates and image detail, granting exactly the group, family and roles", async () => {
      const t = await deployed(new EcsServiceTarget("api", { existingService: EXISTING, blueGreen: BLUE_GREEN }));
      await loadedPipeline({ stages: stages(t.deployAction()) });
      expect(stage("Deploy").actions).to.deep.equal([
        {
          name: "Deploy",
          category: "Deploy",
          owner: "AWS",
          provider: "CodeDeployToECS",
          version: "1",
          configuration: {
            ApplicationName: GROUP,
            DeploymentGroupName: GROUP,
            TaskDefinitionTemplateArtifact: "BuildOutput",
            TaskDefinitionTemplatePath: "taskdef.json",
            AppSpecTemplateArtifact: "BuildOutput",
            AppSpecTemplatePath: "appspec.yaml",
            Image1ArtifactName: "BuildOutput",
            Image1ContainerName: "IMAGE1_NAME",
          },
          runOrder: 1,
          inputArtifacts: ["BuildOutput"],
        },
      ]);
      const sids = ["RegisterRevisions", "CreateDeployments", "ReadDeploymentConfigs", "RegisterEcsTaskDefinitions", "PassEcsTaskRoles"];
      expect(statementsWith("BlueGreen", sids)).to.deep.equal([
        {
          Sid: "BlueGreenRegisterRevisions",
          Effect: "Allow",
          Action: ["codedeploy:GetApplication", "codedeploy:GetApplicationRevision", "codedeploy:RegisterApplicationRevision"],
          Resource: [`${CD}:application:${GROUP}`],
        },
        {
          Sid: "BlueGreenCreateDeployments",
          Effect: "Allow",
          Action: ["codedeploy:CreateDeployment", "codedeploy:GetDeployment"],
          Resource: [`${CD}:deploymentgroup:${GROUP}/${GROUP}`],
        },
        {
          Sid: "BlueGreenReadDeploymentConfigs",
          Effect: "Allow",
          Action: ["codedeploy:GetDeploymentConfig"],
          Resource: [`${CD}:deploymentconfig:CodeDeployDefault.ECSAllAtOnce`],
        },
        {
          Sid: "BlueGreenRegisterEcsTaskDefinitions",
          Effect: "Allow",
          Action: ["ecs:RegisterTaskDefinition", "ecs:TagResource"],
          Resource: [`${ECS}:task-definition/api:*`],
        },
        { Sid: "BlueGreenPassEcsTaskRoles", ...PASS_ROLES },
      ]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("reads the image detail from a second input artifact when one is given", async () => {
      const t = await deployed(new EcsServiceTarget("api", { existingService: EXISTING, blueGreen: BLUE_GREEN }));
      await loadedPipeline({ stages: stages(t.deployAction({ inputs: ["SourceOutput", "BuildOutput"] })) });
      const c = stage("Deploy").actions[0].configuration;
      expect([c.TaskDefinitionTemplateArtifact, c.AppSpecTemplateArtifact, c.Image1ArtifactName]).to.deep.equal([
        "SourceOutput",
        "SourceOutput",
        "BuildOutput",
      ]);
      expect(stage("Deploy").actions[0].inputArtifacts).to.deep.equal(["SourceOutput", "BuildOutput"]);
    });

    it("refuses an image placeholder without image detail", () => {
      const base = {
        applicationName: "shop",
        deploymentGroupName: "shop-api",
        applicationArn: `${CD}:application:shop`,
        deploymentGroupArn: `${CD}:deploymentgroup:shop/shop-api`,
        deploymentConfigArn: `${CD}:deploymentconfig:CodeDeployDefault.ECSAllAtOnce`,
        taskDefinitionFamilyArn: `${ECS}:task-definition/api`,
      };
      const deploy = codeDeployToEcsAction({ ...base, useImageDetail: false, imagePlaceholder: "APP" });
      expect(
        () =>
          new Pipeline("app", {
            stages: [
              { name: "Source", actions: [source()] },
              { name: "Deploy", actions: [deploy] },
            ],
          }),
      ).to.throw(
        "`stages[1].actions[0].imagePlaceholder` only applies with `useImageDetail`; remove it, or remove `useImageDetail: false`.",
      );
    });
  });
});
