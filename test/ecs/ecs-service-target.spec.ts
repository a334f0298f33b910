import { expect } from "chai";
import { EcsServiceTarget } from "../../packages/aws-cicd/src/ecs";
import { ACCOUNT, descendantsOf, findResource, policyStatementsOf, recorded, trustStatementsOf, unwrap } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { BLUE_GREEN, CD, deployed, ECS, EXECUTION_ROLE, EXISTING, GROUP, PROD_LISTENER, TASK_ROLE, TEST_LISTENER } from "./fixtures";

const DG = "aws:codedeploy/deploymentGroup:DeploymentGroup";
const TYPE = "aws-cicd:index:EcsServiceTarget";
const LISTENER_RULES = (l: string) => `${l.replace(":listener/", ":listener-rule/")}/*`;

describe("EcsServiceTarget", () => {
  describe("rolling, existing service", () => {
    it("creates nothing and derives the service, cluster and family ARNs", async () => {
      const t = await deployed(new EcsServiceTarget("api", { existingService: EXISTING }));
      expect(descendantsOf(findResource(TYPE, "api"))).to.deep.equal([]);
      expect(await unwrap([t.clusterArn, t.serviceArn, t.taskDefinitionFamilyArn])).to.deep.equal([
        `${ECS}:cluster/shop`,
        `${ECS}:service/shop/api`,
        `${ECS}:task-definition/api`,
      ]);
      expect(t.application).to.equal(undefined);
      expect(t.applicationArn).to.equal(undefined);
    });

    it("returns an ecsDeploy action naming the service, its family and exactly its roles", async () => {
      const t = await deployed(new EcsServiceTarget("api", { existingService: EXISTING }));
      const a = t.deployAction({ name: "ToApi", runOrder: 2, imageDefinitionsFile: "api/imagedefinitions.json" });
      expect(Object.keys(a)).to.deep.equal(["ecsDeploy"]);
      expect(Object.keys(a.ecsDeploy!)).to.deep.equal([
        "clusterName",
        "serviceName",
        "clusterArn",
        "serviceArn",
        "taskDefinitionFamilyArn",
        "taskRoleArn",
        "executionRoleArn",
        "name",
        "runOrder",
        "imageDefinitionsFile",
      ]);
      expect(await unwrap([a.ecsDeploy!.taskRoleArn!, a.ecsDeploy!.executionRoleArn!])).to.deep.equal([TASK_ROLE, EXECUTION_ROLE]);
    });

    it("leaves the roles out when the task definition names none", async () => {
      const { taskRoleArn: _t, executionRoleArn: _e, ...bare } = EXISTING;
      const t = await deployed(new EcsServiceTarget("api", { existingService: bare }));
      expect(Object.keys(t.ecsDeployTarget())).to.deep.equal([
        "clusterName",
        "serviceName",
        "clusterArn",
        "serviceArn",
        "taskDefinitionFamilyArn",
      ]);
    });

    it("throws when a blue/green option is given to a rolling target", async () => {
      const t = await deployed(new EcsServiceTarget("api", { existingService: EXISTING }));
      expect(() => t.deployAction({ appSpecTemplatePath: "appspec.yml" })).to.throw(
        "`deployAction({ appSpecTemplatePath })` applies to blue/green deploys, but this target deploys rolling; remove `appSpecTemplatePath`.",
      );
      expect(() => t.blueGreenDeployTarget()).to.throw("`blueGreenDeployTarget()` needs a target created with `blueGreen`");
    });
  });

  describe("blue/green", () => {
    it("creates an ECS application and a BLUE_GREEN group over both target groups and listeners, rolling back on failure", async () => {
      const t = await deployed(new EcsServiceTarget("api", { existingService: EXISTING, blueGreen: BLUE_GREEN }));
      expect(findResource("aws:codedeploy/application:Application", "api-application").inputs).to.deep.equal({
        computePlatform: "ECS",
        name: GROUP,
      });
      expect(findResource(DG, "api-deployment-group").inputs).to.deep.equal({
        appName: GROUP,
        deploymentGroupName: GROUP,
        serviceRoleArn: `arn:aws:iam::${ACCOUNT}:role/api-codedeploy-role`,
        deploymentConfigName: "CodeDeployDefault.ECSAllAtOnce",
        deploymentStyle: { deploymentType: "BLUE_GREEN", deploymentOption: "WITH_TRAFFIC_CONTROL" },
        blueGreenDeploymentConfig: {
          deploymentReadyOption: { actionOnTimeout: "CONTINUE_DEPLOYMENT" },
          terminateBlueInstancesOnDeploymentSuccess: { action: "TERMINATE", terminationWaitTimeInMinutes: 5 },
        },
        ecsService: { clusterName: "shop", serviceName: "api" },
        loadBalancerInfo: {
          targetGroupPairInfo: {
            prodTrafficRoute: { listenerArns: [PROD_LISTENER] },
            testTrafficRoute: { listenerArns: [TEST_LISTENER] },
            targetGroups: [{ name: "api-blue" }, { name: "api-green" }],
          },
        },
        autoRollbackConfiguration: { enabled: true, events: ["DEPLOYMENT_FAILURE"] },
      });
      expect(await unwrap([t.applicationArn!, t.deploymentGroupArn!, t.deploymentConfigArn!])).to.deep.equal([
        `${CD}:application:${GROUP}`,
        `${CD}:deploymentgroup:${GROUP}/${GROUP}`,
        `${CD}:deploymentconfig:CodeDeployDefault.ECSAllAtOnce`,
      ]);
    });

    it("takes a canary traffic config, a termination wait and alarms that stop and roll back", async () => {
      await deployed(
        new EcsServiceTarget("api", {
          existingService: EXISTING,
          blueGreen: {
            ...BLUE_GREEN,
            trafficConfig: "CodeDeployDefault.ECSCanary10Percent5Minutes",
            terminationWaitMinutes: 60,
            rollbackAlarmNames: ["api-5xx"],
          },
        }),
      );
      const g = findResource(DG, "api-deployment-group").inputs;
      expect(g.deploymentConfigName).to.equal("CodeDeployDefault.ECSCanary10Percent5Minutes");
      expect(g.blueGreenDeploymentConfig.terminateBlueInstancesOnDeploymentSuccess.terminationWaitTimeInMinutes).to.equal(60);
      expect(g.autoRollbackConfiguration).to.deep.equal({ enabled: true, events: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"] });
      expect(g.alarmConfiguration).to.deep.equal({ enabled: true, alarms: ["api-5xx"], ignorePollAlarmFailure: false });
      expect(policyStatementsOf("api-codedeploy-role").find((s) => s.Sid === "ReadRollbackAlarms")).to.deep.equal({
        Sid: "ReadRollbackAlarms",
        Effect: "Allow",
        Action: ["cloudwatch:DescribeAlarms"],
        Resource: [`arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:api-5xx`],
      });
    });

    it("gives CodeDeploy a role trusted by CodeDeploy alone, scoped to this service, its listeners and its roles", async () => {
      await deployed(new EcsServiceTarget("api", { existingService: EXISTING, blueGreen: BLUE_GREEN }));
      expect(trustStatementsOf("api-codedeploy-role")).to.deep.equal([
        { Effect: "Allow", Principal: { Service: ["codedeploy.amazonaws.com"] }, Action: ["sts:AssumeRole"], Resource: [] },
      ]);
      expect(recorded.filter((r) => r.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment")).to.deep.equal([]);
      expect(policyStatementsOf("api-codedeploy-role")).to.deep.equal([
        {
          Sid: "ShiftEcsServiceTaskSets",
          Effect: "Allow",
          Action: ["ecs:DescribeServices", "ecs:UpdateServicePrimaryTaskSet"],
          Resource: [`${ECS}:service/shop/api`],
        },
        {
          Sid: "ManageEcsTaskSets",
          Effect: "Allow",
          Action: ["ecs:CreateTaskSet", "ecs:DeleteTaskSet"],
          Resource: [`${ECS}:task-set/shop/api/*`],
        },
        {
          Sid: "ReadLoadBalancing",
          Effect: "Allow",
          Action: [
            "elasticloadbalancing:DescribeListeners",
            "elasticloadbalancing:DescribeRules",
            "elasticloadbalancing:DescribeTargetGroups",
          ],
          Resource: ["*"],
        },
        {
          Sid: "ShiftListeners",
          Effect: "Allow",
          Action: ["elasticloadbalancing:ModifyListener"],
          Resource: [PROD_LISTENER, TEST_LISTENER],
        },
        {
          Sid: "ShiftListenerRules",
          Effect: "Allow",
          Action: ["elasticloadbalancing:ModifyRule"],
          Resource: [LISTENER_RULES(PROD_LISTENER), LISTENER_RULES(TEST_LISTENER)],
        },
        {
          Sid: "PassEcsTaskRoles",
          Effect: "Allow",
          Action: ["iam:PassRole"],
          Resource: [TASK_ROLE, EXECUTION_ROLE],
          Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } },
        },
      ]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("returns a codeDeployToEcs action and refuses rolling options", async () => {
      const t = await deployed(new EcsServiceTarget("api", { existingService: EXISTING, blueGreen: BLUE_GREEN }));
      const a = t.deployAction({ taskDefinitionTemplatePath: "deploy/taskdef.json" });
      expect(Object.keys(a)).to.deep.equal(["codeDeployToEcs"]);
      expect(Object.keys(a.codeDeployToEcs!)).to.deep.equal([
        "applicationName",
        "deploymentGroupName",
        "applicationArn",
        "deploymentGroupArn",
        "deploymentConfigArn",
        "taskDefinitionFamilyArn",
        "taskRoleArn",
        "executionRoleArn",
        "taskDefinitionTemplatePath",
      ]);
      expect(() => t.deployAction({ imageDefinitionsFile: "x.json" })).to.throw(
        "`deployAction({ imageDefinitionsFile })` applies to rolling deploys, but this target deploys blue/green; remove `imageDefinitionsFile`.",
      );
    });
  });
});
