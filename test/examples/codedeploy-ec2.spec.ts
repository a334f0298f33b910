import { expect } from "chai";
import * as path from "path";
import { ACCOUNT, findResource, policyStatementsOf, ProgramRun, recorded, runProgram, useProgramResources } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";

const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/cicd-key-id`;
const GROUP = "aws-cicd-test-test-web";

describe("examples/codedeploy-ec2", () => {
  let run: ProgramRun;
  before(async () => {
    run = await runProgram(path.join(__dirname, "../../examples/codedeploy-ec2/index.ts"));
  });
  beforeEach(() => useProgramResources(run));

  it("exports the clone URL, pipeline URL and CodeDeploy names", () => {
    expect(run.outputs.cloneUrlHttp).to.equal("https://git-codecommit.us-east-1.amazonaws.com/v1/repos/app");
    expect(run.outputs.applicationName).to.equal(GROUP);
    expect(run.outputs.deploymentGroupName).to.equal(GROUP);
  });

  it("deploys the build output with CodeDeploy to the created Auto Scaling group", () => {
    const stages = findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline").inputs.stages;
    expect(stages.map((s: any) => s.name)).to.deep.equal(["Source", "Build", "Deploy"]);
    expect(stages[2].actions[0]).to.deep.include({
      provider: "CodeDeploy",
      configuration: { ApplicationName: GROUP, DeploymentGroupName: GROUP },
      inputArtifacts: ["BuildOutput"],
    });
    expect(findResource("aws:codedeploy/deploymentGroup:DeploymentGroup", "web-deployment-group").inputs.autoscalingGroups).to.deep.equal([
      "web-asg",
    ]);
    const lt = findResource("aws:ec2/launchTemplate:LaunchTemplate", "web-launch-template").inputs;
    expect(lt.metadataOptions.httpTokens).to.equal("required");
    expect(lt.networkInterfaces[0].associatePublicIpAddress).to.equal("false");
    expect(lt.blockDeviceMappings[0].ebs.encrypted).to.equal("true");
  });

  it("enters Deploy only inside the window while the alarm is quiet, rolls it back on failure, and lets the pipeline read only that alarm", () => {
    const deploy = findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline").inputs.stages[2];
    expect(deploy.beforeEntry).to.deep.equal({
      condition: {
        result: "FAIL",
        rules: [
          {
            name: "CloudWatchAlarm1",
            ruleTypeId: { category: "Rule", owner: "AWS", provider: "CloudWatchAlarm", version: "1" },
            configuration: { AlarmName: "web-5xx", WaitTime: "15" },
          },
          {
            name: "WeekdayWorkingHours",
            ruleTypeId: { category: "Rule", owner: "AWS", provider: "DeploymentWindow", version: "1" },
            configuration: { Cron: "* * 8-16 ? * MON-FRI", TimeZone: "UTC" },
          },
        ],
      },
    });
    expect(deploy.onFailure).to.deep.equal({ result: "ROLLBACK" });
    expect(policyStatementsOf("app-role").filter((x) => x.Action.some((a: string) => a.startsWith("cloudwatch:")))).to.deep.equal([
      {
        Sid: "ReadConditionAlarms",
        Effect: "Allow",
        Action: ["cloudwatch:DescribeAlarms"],
        Resource: [`arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:web-5xx`],
      },
    ]);
  });

  it("lets the instances read only the example's artifact bucket, decrypting through S3", () => {
    const s = policyStatementsOf("web-instance-role");
    expect(s.find((x) => x.Sid === "ReadPipelineArtifacts")!.Resource).to.deep.equal(["arn:aws:s3:::artifacts-bucket/*"]);
    expect(s.find((x) => x.Sid === "DecryptPipelineArtifacts")!.Resource).to.deep.equal([KEY_ARN]);
  });

  it("passes the IAM catalog check", async () => {
    expect(recorded.length).to.be.greaterThan(20);
    expect(await checkRecordedPolicies()).to.deep.equal([]);
  });
});
