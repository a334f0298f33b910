import { expect } from "chai";
import * as path from "path";
import { ACCOUNT, findResource, policyStatementsOf, ProgramRun, recorded, runProgram, statementsOf, useProgramResources } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";

const R = `us-east-1:${ACCOUNT}`;
const CD = `arn:aws:codedeploy:${R}`;
const GROUP = "aws-cicd-test-test-orders";
const FN = `arn:aws:lambda:${R}:function:orders-fn`;

describe("examples/lambda-canary", () => {
  let run: ProgramRun;
  before(async () => {
    run = await runProgram(path.join(__dirname, "../../examples/lambda-canary/index.ts"));
  });
  beforeEach(() => useProgramResources(run));

  it("exports the clone URL, the alias and the deployment group", () => {
    expect(run.outputs.cloneUrlHttp).to.equal("https://git-codecommit.us-east-1.amazonaws.com/v1/repos/orders");
    expect(run.outputs.aliasArn).to.equal(`${FN}:live`);
    expect(run.outputs.deploymentGroupName).to.equal(GROUP);
  });

  it("deploys the build output through the target's deploy project, in a Deploy stage", () => {
    const stages = findResource("aws:codepipeline/pipeline:Pipeline", "orders-pipeline").inputs.stages;
    expect(stages.map((s: { name: string }) => s.name)).to.deep.equal(["Source", "Build", "Deploy"]);
    expect(stages[2].actions).to.deep.equal([
      {
        category: "Build",
        configuration: { ProjectName: `${GROUP}-deploy` },
        inputArtifacts: ["BuildOutput"],
        name: "Canary",
        owner: "AWS",
        provider: "CodeBuild",
        runOrder: 1,
        version: "1",
      },
    ]);
  });

  it("creates the alias on the function's first version and a canary group the errors alarm rolls back", () => {
    expect(findResource("aws:lambda/alias:Alias", "orders-alias").inputs).to.deep.include({ name: "live", functionName: "orders-fn" });
    expect(findResource("aws:codedeploy/deploymentGroup:DeploymentGroup", "orders-deployment-group").inputs).to.deep.equal({
      appName: GROUP,
      deploymentGroupName: GROUP,
      serviceRoleArn: `arn:aws:iam::${ACCOUNT}:role/orders-service-role`,
      deploymentConfigName: "CodeDeployDefault.LambdaCanary10Percent5Minutes",
      deploymentStyle: { deploymentType: "BLUE_GREEN", deploymentOption: "WITH_TRAFFIC_CONTROL" },
      autoRollbackConfiguration: { enabled: true, events: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"] },
      alarmConfiguration: { enabled: true, alarms: ["orders-errors"], ignorePollAlarmFailure: false },
    });
    expect(findResource("aws:cloudwatch/metricAlarm:MetricAlarm", "orders-errors").inputs.dimensions).to.deep.equal({
      FunctionName: "orders-fn",
      Resource: "orders-fn:live",
    });
  });

  it("enters the Deploy stage only in weekday working hours and while the errors alarm is quiet; the pipeline role reads exactly that alarm", () => {
    const deploy = findResource("aws:codepipeline/pipeline:Pipeline", "orders-pipeline").inputs.stages[2];
    expect(deploy.beforeEntry).to.deep.equal({
      condition: {
        result: "FAIL",
        rules: [
          {
            name: "CloudWatchAlarm1",
            ruleTypeId: { category: "Rule", owner: "AWS", provider: "CloudWatchAlarm", version: "1" },
            configuration: { AlarmName: "orders-errors" },
          },
          {
            name: "WeekdayWorkingHours",
            ruleTypeId: { category: "Rule", owner: "AWS", provider: "DeploymentWindow", version: "1" },
            configuration: { Cron: "* * 9-16 ? * MON-FRI", TimeZone: "UTC" },
          },
        ],
      },
    });
    expect(policyStatementsOf("orders-role").filter((x) => x.Sid === "ReadConditionAlarms")).to.deep.equal([
      {
        Sid: "ReadConditionAlarms",
        Effect: "Allow",
        Action: ["cloudwatch:DescribeAlarms"],
        Resource: [`arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:orders-errors`],
      },
    ]);
  });

  it("gives the CodeDeploy service role exactly the alias and the alarm", () => {
    expect(policyStatementsOf("orders-service-role")).to.deep.equal([
      { Sid: "ShiftAliasTraffic", Effect: "Allow", Action: ["lambda:GetAlias", "lambda:UpdateAlias"], Resource: [FN] },
      { Sid: "ReadAliasConcurrency", Effect: "Allow", Action: ["lambda:GetProvisionedConcurrencyConfig"], Resource: [`${FN}:live`] },
      {
        Sid: "ReadRollbackAlarms",
        Effect: "Allow",
        Action: ["cloudwatch:DescribeAlarms"],
        Resource: [`arn:aws:cloudwatch:${R}:alarm:orders-errors`],
      },
    ]);
  });

  it("lets the deploy project publish exactly the function and deploy exactly the group", () => {
    const s = statementsOf(findResource("aws:iam/rolePolicy:RolePolicy", "orders-deploy-lambda-deploy").inputs.policy);
    expect(s.map((x) => [x.Sid, x.Resource])).to.deep.equal([
      ["PublishFunctionVersion", [FN]],
      ["RegisterRevisions", [`${CD}:application:${GROUP}`]],
      ["CreateDeployments", [`${CD}:deploymentgroup:${GROUP}/${GROUP}`]],
      ["ReadDeploymentConfigs", [`${CD}:deploymentconfig:CodeDeployDefault.LambdaCanary10Percent5Minutes`]],
    ]);
  });

  it("passes the IAM catalog check", async () => {
    expect(recorded.length).to.be.greaterThan(40);
    expect(await checkRecordedPolicies()).to.deep.equal([]);
  });
});
