import { expect } from "chai";
import { LambdaTarget, LambdaTargetArgs } from "../../packages/aws-cicd/src/lambda";
import { ACCOUNT, findResource, policyStatementsOf, resourcesOfType, settle, statementsOf, trustStatementsOf, unwrap } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";

const R = `us-east-1:${ACCOUNT}`;
const CD = `arn:aws:codedeploy:${R}`;
const FN = `arn:aws:lambda:${R}:function:orders`;
const GROUP = "aws-cicd-test-test-api";
const PRE = `arn:aws:lambda:${R}:function:orders-pre`;
const POST = `arn:aws:lambda:${R}:function:orders-post`;
const DG = "aws:codedeploy/deploymentGroup:DeploymentGroup";
const CREATE = { create: { functionName: "orders", functionVersion: "3" } };

async function deployed(args: LambdaTargetArgs): Promise<LambdaTarget> {
  const t = new LambdaTarget("api", args);
  await unwrap(t.deploymentGroupArn);
  await unwrap(t.aliasArn);
  await settle();
  return t;
}

const SHIFT = { Sid: "ShiftAliasTraffic", Effect: "Allow", Action: ["lambda:GetAlias", "lambda:UpdateAlias"], Resource: [FN] };
const CONCURRENCY = {
  Sid: "ReadAliasConcurrency",
  Effect: "Allow",
  Action: ["lambda:GetProvisionedConcurrencyConfig"],
  Resource: [`${FN}:live`],
};

describe("LambdaTarget", () => {
  describe("defaults", () => {
    it("creates a Lambda application, an alias `live` on the version and a canary group rolling back on failure", async () => {
      const t = await deployed({ alias: CREATE });
      expect(findResource("aws:codedeploy/application:Application", "api-application").inputs).to.deep.equal({
        computePlatform: "Lambda",
        name: GROUP,
      });
      expect(findResource("aws:lambda/alias:Alias", "api-alias").inputs).to.deep.equal({
        name: "live",
        functionName: "orders",
        functionVersion: "3",
        description: `Shifted by CodeDeploy group ${GROUP}/${GROUP} (aws-cicd)`,
      });
      expect(findResource(DG, "api-deployment-group").inputs).to.deep.equal({
        appName: GROUP,
        deploymentGroupName: GROUP,
        serviceRoleArn: `arn:aws:iam::${ACCOUNT}:role/api-service-role`,
        deploymentConfigName: "CodeDeployDefault.LambdaCanary10Percent5Minutes",
        deploymentStyle: { deploymentType: "BLUE_GREEN", deploymentOption: "WITH_TRAFFIC_CONTROL" },
        autoRollbackConfiguration: { enabled: true, events: ["DEPLOYMENT_FAILURE"] },
      });
      expect(resourcesOfType("aws:codedeploy/deploymentConfig:DeploymentConfig")).to.have.length(0);
      expect(await unwrap(t.deploymentGroupArn)).to.equal(`${CD}:deploymentgroup:${GROUP}/${GROUP}`);
      expect(await unwrap(t.deploymentConfigArn)).to.equal(`${CD}:deploymentconfig:CodeDeployDefault.LambdaCanary10Percent5Minutes`);
      expect(await unwrap(t.aliasArn)).to.equal(`${FN}:live`);
    });

    it("keeps the alias's version and routing out of Pulumi's diff, since CodeDeploy moves them", async () => {
      await deployed({ alias: CREATE });
      expect(findResource("aws:lambda/alias:Alias", "api-alias").options.ignoreChanges).to.deep.equal(["functionVersion", "routingConfig"]);
    });

    it("creates a service role trusted by CodeDeploy that shifts exactly the alias, with no managed policy", async () => {
      await deployed({ alias: CREATE });
      expect(trustStatementsOf("api-service-role")).to.deep.equal([
        { Effect: "Allow", Principal: { Service: ["codedeploy.amazonaws.com"] }, Action: ["sts:AssumeRole"], Resource: [] },
      ]);
      expect(policyStatementsOf("api-service-role")).to.deep.equal([SHIFT, CONCURRENCY]);
      expect(resourcesOfType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")).to.have.length(0);
    });
  });

  describe("alias", () => {
    it("uses an existing alias without creating one", async () => {
      const t = await deployed({ alias: { existing: { functionName: "orders", aliasName: "prod" } } });
      expect(resourcesOfType("aws:lambda/alias:Alias")).to.have.length(0);
      expect(await unwrap(t.aliasArn)).to.equal(`${FN}:prod`);
      expect(policyStatementsOf("api-service-role")[1].Resource).to.deep.equal([`${FN}:prod`]);
    });

    it("names the created alias `aliasName`", async () => {
      await deployed({ alias: { create: { ...CREATE.create, aliasName: "stable" } } });
      expect(findResource("aws:lambda/alias:Alias", "api-alias").inputs.name).to.equal("stable");
    });
  });

  describe("traffic", () => {
    it("uses a predefined linear configuration", async () => {
      await deployed({ alias: CREATE, deploymentConfig: "Linear10PercentEvery1Minute" });
      expect(findResource(DG, "api-deployment-group").inputs.deploymentConfigName).to.equal(
        "CodeDeployDefault.LambdaLinear10PercentEvery1Minute",
      );
    });

    it("creates a custom canary configuration and deploys with it", async () => {
      const t = await deployed({ alias: CREATE, trafficShift: { canary: { percentage: 20, intervalMinutes: 15 } } });
      expect(findResource("aws:codedeploy/deploymentConfig:DeploymentConfig", "api-deployment-config").inputs).to.deep.equal({
        deploymentConfigName: "aws-cicd-test-test-api-canary",
        computePlatform: "Lambda",
        trafficRoutingConfig: { type: "TimeBasedCanary", timeBasedCanary: { interval: 15, percentage: 20 } },
      });
      expect(await unwrap(t.deploymentConfigName)).to.equal("aws-cicd-test-test-api-canary");
    });

    it("creates a custom linear configuration", async () => {
      await deployed({ alias: CREATE, trafficShift: { linear: { percentage: 25, intervalMinutes: 2 } } });
      expect(
        findResource("aws:codedeploy/deploymentConfig:DeploymentConfig", "api-deployment-config").inputs.trafficRoutingConfig,
      ).to.deep.equal({
        type: "TimeBasedLinear",
        timeBasedLinear: { interval: 2, percentage: 25 },
      });
    });
  });

  describe("alarms and hooks", () => {
    it("rolls back when an alarm fires and lets the service role describe exactly those alarms", async () => {
      await deployed({ alias: CREATE, rollbackAlarmNames: ["orders-errors", "orders-latency"] });
      const g = findResource(DG, "api-deployment-group").inputs;
      expect(g.autoRollbackConfiguration).to.deep.equal({ enabled: true, events: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"] });
      expect(g.alarmConfiguration).to.deep.equal({
        enabled: true,
        alarms: ["orders-errors", "orders-latency"],
        ignorePollAlarmFailure: false,
      });
      expect(policyStatementsOf("api-service-role")).to.deep.equal([
        SHIFT,
        CONCURRENCY,
        {
          Sid: "ReadRollbackAlarms",
          Effect: "Allow",
          Action: ["cloudwatch:DescribeAlarms"],
          Resource: [`arn:aws:cloudwatch:${R}:alarm:orders-errors`, `arn:aws:cloudwatch:${R}:alarm:orders-latency`],
        },
      ]);
    });

    it("lets the service role invoke exactly the hook functions and the hooks' roles report their status", async () => {
      await deployed({
        alias: CREATE,
        preTrafficHook: { functionArn: PRE, roleName: "orders-pre-role" },
        postTrafficHook: { functionArn: POST },
      });
      expect(policyStatementsOf("api-service-role")).to.deep.equal([
        SHIFT,
        CONCURRENCY,
        { Sid: "InvokeDeploymentHooks", Effect: "Allow", Action: ["lambda:InvokeFunction"], Resource: [PRE, POST] },
      ]);
      const status = findResource("aws:iam/rolePolicy:RolePolicy", "api-pre-traffic-hook-status").inputs;
      expect(status.role).to.equal("orders-pre-role");
      expect(statementsOf(status.policy)).to.deep.equal([
        { Sid: "ReportHookStatus", Effect: "Allow", Action: ["codedeploy:PutLifecycleEventHookExecutionStatus"], Resource: ["*"] },
      ]);
      expect(
        resourcesOfType("aws:iam/rolePolicy:RolePolicy")
          .map((p) => p.name)
          .filter((n) => n.includes("hook")),
      ).to.deep.equal(["api-pre-traffic-hook-status"]);
    });

    it("passes the IAM catalog check", async () => {
      await deployed({
        alias: CREATE,
        rollbackAlarmNames: ["orders-errors"],
        preTrafficHook: { functionArn: PRE, roleName: `arn:aws:iam::${ACCOUNT}:role/hooks` },
        trafficShift: { linear: { percentage: 10, intervalMinutes: 1 } },
      });
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });
  });
});
