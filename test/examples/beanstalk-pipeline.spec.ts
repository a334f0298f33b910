import { expect } from "chai";
import * as path from "path";
import {
  ACCOUNT,
  findResource,
  policyStatementsOf,
  ProgramRun,
  recorded,
  resourcesOfType,
  runProgram,
  statementsOf,
  trustStatementsOf,
  useProgramResources,
} from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { inManagedOrder } from "../pipeline/beanstalk-fixtures";

const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/cicd-key-id`;
const PIPELINE_NAME = "aws-cicd-test-test-app";
const PIPELINE_ARN = `arn:aws:codepipeline:us-east-1:${ACCOUNT}:${PIPELINE_NAME}`;

describe("examples/beanstalk-pipeline (the flagship)", () => {
  let run: ProgramRun;
  before(async () => {
    run = await runProgram(path.join(__dirname, "../../examples/beanstalk-pipeline/index.ts"));
  });
  beforeEach(() => useProgramResources(run));

  const pipeline = () => findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline").inputs;

  it("exports the clone URLs, the pipeline console URL and the two environment URLs", () => {
    expect(run.outputs).to.deep.equal({
      cloneUrlGrc: "codecommit::us-east-1://app",
      cloneUrlHttp: "https://git-codecommit.us-east-1.amazonaws.com/v1/repos/app",
      pipelineUrl: `https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/${PIPELINE_NAME}/view?region=us-east-1`,
      devUrl: "http://aws-cicd-test-test-dev.us-east-1.elasticbeanstalk.com",
      prodUrl: "https://aws-cicd-test-test-prod.us-east-1.elasticbeanstalk.com",
    });
  });

  it("creates one V2 pipeline of five stages in order, with the approval between dev and prod", () => {
    const p = pipeline();
    expect(p.name).to.equal(PIPELINE_NAME);
    expect(p.pipelineType).to.equal("V2");
    const summary = p.stages.map((s: any) =>
      s.actions.map((a: any) => [s.name, a.name, a.category, a.provider, a.inputArtifacts ?? [], a.outputArtifacts ?? []].join(" ")),
    );
    expect(summary).to.deep.equal([
      ["Source Source Source CodeCommit  SourceOutput"],
      ["BuildAndTest Build Build CodeBuild SourceOutput BuildOutput"],
      ["DeployDev Deploy Deploy ElasticBeanstalk BuildOutput "],
      ["Approve Approve Approval Manual  "],
      ["DeployProd Deploy Deploy ElasticBeanstalk BuildOutput "],
    ]);
    expect(p.stages[0].actions[0].configuration).to.deep.equal({
      BranchName: "main",
      OutputArtifactFormat: "CODE_ZIP",
      PollForSourceChanges: "false",
      RepositoryName: "app",
    });
    expect(p.stages[1].actions[0].configuration).to.deep.equal({ ProjectName: "aws-cicd-test-test-test" });
    expect(p.stages[2].actions[0].configuration).to.deep.equal({
      ApplicationName: "aws-cicd-test-test-dev",
      EnvironmentName: "aws-cicd-test-test-dev",
    });
    expect(p.stages[3].actions[0].configuration.CustomData).to.equal("Promote to prod?");
    expect(p.stages[4].actions[0].configuration).to.deep.equal({
      ApplicationName: "aws-cicd-test-test-dev",
      EnvironmentName: "aws-cicd-test-test-prod",
    });
  });

  it("starts the pipeline from an EventBridge rule on pushes to main, through a role that may only start it", () => {
    const rule = findResource("aws:cloudwatch/eventRule:EventRule", "app-Source-Source-trigger");
    const pattern = JSON.parse(rule.inputs.eventPattern);
    expect(pattern.source).to.deep.equal(["aws.codecommit"]);
    expect(pattern.resources).to.deep.equal([`arn:aws:codecommit:us-east-1:${ACCOUNT}:app`]);
    expect(pattern.detail.referenceName).to.deep.equal(["main"]);
    expect(policyStatementsOf("app-Source-Source-trigger-role")).to.deep.equal([
      { Sid: "StartThisPipeline", Effect: "Allow", Action: ["codepipeline:StartPipelineExecution"], Resource: [PIPELINE_ARN] },
    ]);
  });

  it("deploys dev and prod into one shared Beanstalk application, prod load-balanced", () => {
    expect(resourcesOfType("aws:elasticbeanstalk/application:Application")).to.have.length(1);
    const envs = resourcesOfType("aws:elasticbeanstalk/environment:Environment");
    expect(envs.map((e) => [e.name, e.inputs.application])).to.deep.equal([
      ["dev-environment", "aws-cicd-test-test-dev"],
      ["prod-environment", "aws-cicd-test-test-dev"],
    ]);
    const setting = (env: string, ns: string, option: string) =>
      findResource("aws:elasticbeanstalk/environment:Environment", env).inputs.settings.find(
        (s: any) => s.namespace === ns && s.name === option,
      )?.value;
    expect(setting("dev-environment", "aws:elasticbeanstalk:environment", "EnvironmentType")).to.equal("SingleInstance");
    expect(setting("prod-environment", "aws:elasticbeanstalk:environment", "EnvironmentType")).to.equal("LoadBalanced");
    for (const env of ["dev-environment", "prod-environment"]) {
      expect(setting(env, "aws:autoscaling:launchconfiguration", "DisableIMDSv1")).to.equal("true");
      expect(setting(env, "aws:elasticbeanstalk:healthreporting:system", "SystemType")).to.equal("enhanced");
      expect(setting(env, "aws:elasticbeanstalk:managedactions", "ManagedActionsEnabled")).to.equal("true");
      expect(setting(env, "aws:elasticbeanstalk:cloudwatch:logs", "StreamLogs")).to.equal("true");
    }
  });

  it("encrypts every encryptable resource with the one key", () => {
    expect(resourcesOfType("aws:kms/key:Key").map((k) => k.name)).to.deep.equal(["cicd-key"]);
    const keyed = [
      ["aws:codecommit/repository:Repository", "app-repository", (i: any) => i.kmsKeyId],
      ["aws:codebuild/project:Project", "test-project", (i: any) => i.encryptionKey],
      ["aws:cloudwatch/logGroup:LogGroup", "test-logs", (i: any) => i.kmsKeyId],
      ["aws:codepipeline/pipeline:Pipeline", "app-pipeline", (i: any) => i.artifactStores[0].encryptionKey.id],
      [
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        "app-artifacts-encryption",
        (i: any) => i.rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId,
      ],
    ] as const;
    for (const [type, name, keyOf] of keyed) expect(keyOf(findResource(type, name).inputs), `${type} ${name}`).to.equal(KEY_ARN);
    const topics = resourcesOfType("aws:sns/topic:Topic");
    expect(topics.map((t) => t.name).sort()).to.deep.equal([
      "app-Approve-Approve-topic-topic",
      "app-notifications-topic",
      "test-alerts-topic",
    ]);
    for (const t of topics) expect(t.inputs.kmsMasterKeyId, t.name).to.equal(KEY_ARN);
  });

  it("keeps the repository, key and artifact bucket when the stack is deleted", () => {
    expect(findResource("aws:codecommit/repository:Repository", "app-repository").options.retainOnDelete).to.equal(true);
    expect(findResource("aws:kms/key:Key", "cicd-key").options.retainOnDelete).to.equal(true);
    expect(findResource("aws:s3/bucket:Bucket", "app-artifacts-bucket").options.retainOnDelete).to.equal(true);
  });

  it("gives every role a trust limited to its service (and this account and resource where the service sends them)", () => {
    const trusts = Object.fromEntries(
      resourcesOfType("aws:iam/role:Role").map((r) => [
        r.name,
        trustStatementsOf(r).map((s) => ({ principal: s.Principal, condition: s.Condition ?? null })),
      ]),
    );
    const scoped = (service: string, sourceArn: string) => [
      {
        principal: { Service: [service] },
        condition: { StringEquals: { "aws:SourceAccount": ACCOUNT }, ArnLike: { "aws:SourceArn": sourceArn } },
      },
    ];
    const beanstalk = [
      { principal: { Service: ["elasticbeanstalk.amazonaws.com"] }, condition: { StringEquals: { "sts:ExternalId": "elasticbeanstalk" } } },
    ];
    const ec2 = [{ principal: { Service: ["ec2.amazonaws.com"] }, condition: null }];
    expect(trusts).to.deep.equal({
      "dev-service-role": beanstalk,
      "dev-instance-role": ec2,
      "prod-service-role": beanstalk,
      "prod-instance-role": ec2,
      "test-role": scoped("codebuild.amazonaws.com", `arn:aws:codebuild:us-east-1:${ACCOUNT}:project/aws-cicd-test-test-test`),
      "app-role": scoped("codepipeline.amazonaws.com", PIPELINE_ARN),
      "app-Source-Source-trigger-role": scoped(
        "events.amazonaws.com",
        `arn:aws:events:us-east-1:${ACCOUNT}:rule/app-Source-Source-trigger`,
      ),
    });
  });

  it("gives every role exactly its statements", () => {
    const sids = Object.fromEntries(
      resourcesOfType("aws:iam/role:Role").map((r) => [r.name, inManagedOrder(policyStatementsOf(r)).map((s) => s.Sid)]),
    );
    const instance = ["StreamLogsToEnvironmentLogGroups", "ReportEnhancedHealth", "ReadStagedBundles", "PublishInstanceLogs"];
    expect(sids).to.deep.equal({
      "dev-service-role": [],
      "dev-instance-role": instance,
      "prod-service-role": [],
      "prod-instance-role": instance,
      "test-role": ["UseArtifactKey", "WriteBuildLogs", "UseKeysThroughS3", "WriteBuildspecFileReports"],
      "app-role": [
        "ReadWriteArtifacts",
        "InspectArtifactBucket",
        "UseArtifactKey",
        "ReadSourceRepository",
        "UseSourceRepositoryKey",
        "RunBuild",
        "NotifyApprovers",
        "EncryptApprovalNotifications",
        // The deploy list, in the role's two customer managed policies (environments, then instances).
        "RegisterApplicationVersions",
        "UpdateEnvironment",
        "ReadPlatformVersions",
        "StageBundleInBeanstalkBucket",
        "ReadBeanstalkBucket",
        "CreateBeanstalkBucketOnFirstUse",
        "UpdateEnvironmentStacks",
        "DescribeEnvironmentResources",
        "PassInstanceRoleToEc2",
        "ScaleEnvironmentGroups",
        "CreateEnvironmentLaunchTemplates",
        "ActOnEnvironmentTaggedResources",
        "LaunchInstancesFromTemplates",
        "TagOnCreate",
        "TerminateEnvironmentInstances",
        "RegisterTargets",
        "UpdateScalingAlarms",
      ],
      "app-Source-Source-trigger-role": ["StartThisPipeline"],
    });
    const app = Object.fromEntries(policyStatementsOf("app-role").map((s) => [s.Sid, s]));
    expect(app.RunBuild.Resource).to.deep.equal([`arn:aws:codebuild:us-east-1:${ACCOUNT}:project/aws-cicd-test-test-test`]);
    expect(app.ReadSourceRepository.Resource).to.deep.equal([`arn:aws:codecommit:us-east-1:${ACCOUNT}:app`]);
    expect(app.UpdateEnvironment.Resource).to.deep.equal([
      `arn:aws:elasticbeanstalk:us-east-1:${ACCOUNT}:environment/aws-cicd-test-test-dev/aws-cicd-test-test-dev`,
      `arn:aws:elasticbeanstalk:us-east-1:${ACCOUNT}:environment/aws-cicd-test-test-dev/aws-cicd-test-test-prod`,
    ]);
    expect(app.RegisterApplicationVersions.Resource).to.deep.equal([
      `arn:aws:elasticbeanstalk:us-east-1:${ACCOUNT}:application/aws-cicd-test-test-dev`,
      `arn:aws:elasticbeanstalk:us-east-1:${ACCOUNT}:applicationversion/aws-cicd-test-test-dev/*`,
    ]);
    expect(app.NotifyApprovers.Resource).to.deep.equal([`arn:aws:sns:us-east-1:${ACCOUNT}:app-Approve-Approve-topic-topic`]);
    expect(app.UseArtifactKey.Resource).to.deep.equal([KEY_ARN]);
  });

  it("keeps the pipeline role's inline policy under IAM's 10,240-character limit", () => {
    const roleName = findResource("aws:iam/role:Role", "app-role").state.name;
    expect(roleName).to.equal("aws-cicd-test-test-app-pipeline");
    const size = resourcesOfType("aws:iam/rolePolicy:RolePolicy")
      .filter((p) => p.inputs.role === roleName)
      .reduce((n, p) => n + JSON.stringify(JSON.parse(p.inputs.policy)).length, 0);
    expect(size).to.be.greaterThan(1000).and.lessThan(10240);
  });

  it("notifies failed executions and pending approvals by email", () => {
    const rules = resourcesOfType("aws:cloudwatch/eventRule:EventRule")
      .map((r) => r.name)
      .sort();
    expect(rules).to.deep.equal(["app-Source-Source-trigger", "app-approval-needed", "app-execution-failed", "app-execution-state"]);
    const failed = JSON.parse(findResource("aws:cloudwatch/eventRule:EventRule", "app-execution-failed").inputs.eventPattern);
    expect(failed.detail.state).to.deep.equal(["FAILED"]);
    const emails = resourcesOfType("aws:sns/topicSubscription:TopicSubscription").map((s) => [s.inputs.protocol, s.inputs.endpoint]);
    expect(emails).to.deep.equal([
      ["email", "lead@example.com"],
      ["email", "lead@example.com"],
    ]);
  });

  it("passes the IAM catalog check and holds no topic or bucket policy allowing anyone", async () => {
    expect(await checkRecordedPolicies()).to.deep.equal([]);
    for (const r of recorded.filter((x) => x.type === "aws:sns/topicPolicy:TopicPolicy" || x.type === "aws:s3/bucketPolicy:BucketPolicy")) {
      for (const s of statementsOf(r.inputs.policy)) if (s.Principal === "*") expect(s.Effect, `${r.name} ${s.Sid}`).to.equal("Deny");
    }
  });
});
