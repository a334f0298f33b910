import { expect } from "chai";
import * as path from "path";
import { ACCOUNT, findResource, policyStatementsOf, ProgramRun, runProgram, statementsOf, useProgramResources } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";

const NAME = "aws-cicd-test-test-api";
const REPOSITORY = `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/${NAME}`;

describe("examples/ecs-bluegreen", () => {
  let run: ProgramRun;
  before(async () => {
    run = await runProgram(path.join(__dirname, "../../examples/ecs-bluegreen/index.ts"));
  });
  beforeEach(() => useProgramResources(run));

  it("exports the clone URL, the image repository and the deployment group", () => {
    expect(run.outputs.cloneUrlHttp).to.equal("https://git-codecommit.us-east-1.amazonaws.com/v1/repos/app");
    expect(run.outputs.repositoryUrl).to.equal(`${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/${NAME}`);
    expect(run.outputs.deploymentGroupName).to.equal(NAME);
  });

  it("deploys the build output blue/green with CodeDeployToECS, from the templates and image detail the build writes", () => {
    const stages = findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline").inputs.stages;
    expect(stages.map((s: any) => s.name)).to.deep.equal(["Source", "Build", "Deploy"]);
    expect(stages[2].actions[0]).to.deep.include({
      provider: "CodeDeployToECS",
      inputArtifacts: ["BuildOutput"],
      configuration: {
        ApplicationName: NAME,
        DeploymentGroupName: NAME,
        TaskDefinitionTemplateArtifact: "BuildOutput",
        TaskDefinitionTemplatePath: "taskdef.json",
        AppSpecTemplateArtifact: "BuildOutput",
        AppSpecTemplatePath: "appspec.yaml",
        Image1ArtifactName: "BuildOutput",
        Image1ContainerName: "IMAGE1_NAME",
      },
    });
  });

  it("shifts traffic by canary with a test listener, rolling back on failure and on the 5xx alarm", () => {
    const g = findResource("aws:codedeploy/deploymentGroup:DeploymentGroup", "api-deployment-group").inputs;
    expect(g.deploymentConfigName).to.equal("CodeDeployDefault.ECSCanary10Percent5Minutes");
    expect(g.loadBalancerInfo.targetGroupPairInfo.testTrafficRoute.listenerArns[0]).to.match(/:listener\/app\/shop\/.+\/0467ef3c8400ae65$/);
    expect(g.autoRollbackConfiguration.events).to.deep.equal(["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"]);
    expect(g.alarmConfiguration.alarms).to.have.length(1);
    const svc = findResource("aws:ecs/service:Service", "api-service").inputs;
    expect(svc.deploymentController).to.deep.equal({ type: "CODE_DEPLOY" });
    expect(svc.networkConfiguration.assignPublicIp).to.equal(false);
  });

  it("builds images with Docker and lets the build role push to exactly the service's repository", async () => {
    expect(findResource("aws:codebuild/project:Project", "build-project").inputs.environment.privilegedMode).to.equal(true);
    const push = statementsOf(findResource("aws:iam/rolePolicy:RolePolicy", "api-image-push-build-role").inputs.policy);
    expect(push.map((s) => [s.Sid, s.Resource])).to.deep.equal([
      ["GetEcrAuthorizationToken", ["*"]],
      ["PushServiceImages", [REPOSITORY]],
    ]);
    expect(policyStatementsOf("api-execution-role").find((s) => s.Sid === "PullServiceImages")?.Resource).to.deep.equal([REPOSITORY]);
    expect(await checkRecordedPolicies()).to.deep.equal([]);
  });

  it("encrypts the image repository under the stack's key, which lets ECR create its grants; pushing and pulling need no KMS permission", () => {
    const key = `arn:aws:kms:us-east-1:${ACCOUNT}:key/cicd-key-id`;
    expect(findResource("aws:ecr/repository:Repository", "api-repository").inputs.encryptionConfigurations).to.deep.equal([
      { encryptionType: "KMS", kmsKey: key },
    ]);
    const sids = statementsOf(findResource("aws:kms/key:Key", "cicd-key").inputs.policy).map((s) => s.Sid);
    expect(sids).to.include("AccountEncryptsEcrRepositories");
    const kmsActions = (statements: { Action: string[] }[]) => statements.flatMap((s) => s.Action).filter((a) => a.startsWith("kms:"));
    expect(kmsActions(policyStatementsOf("api-execution-role"))).to.deep.equal([]);
    expect(
      kmsActions(statementsOf(findResource("aws:iam/rolePolicy:RolePolicy", "api-image-push-build-role").inputs.policy)),
    ).to.deep.equal([]);
  });
});
