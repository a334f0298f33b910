// The AWS CDK comparison: N copies of the flagship flow as CDK constructs, `app.synth()` timed in its
// own process like synth-child.ts. CloudFormation caps a stack at 500 resources, so copies are split
// into stacks of COPIES_PER_STACK, each with its own KMS key (the Pulumi flagship shares one key per
// stack too). Beanstalk has only L1 constructs in CDK; roles and instance profiles are written out.
//   cdk-child.ts <N>     prints one JSON line (a Sample)
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cpuMs, Sample } from "./sample";

const COPIES_PER_STACK = 8;

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? "1");
  const start = process.hrtime.bigint();
  const cdk: typeof import("aws-cdk-lib") = require("aws-cdk-lib");
  const { aws_codebuild: codebuild, aws_codecommit: codecommit, aws_codepipeline: codepipeline } = cdk;
  const { aws_codepipeline_actions: actions, aws_elasticbeanstalk: eb, aws_iam: iam, aws_kms: kms } = cdk;
  const { aws_s3: s3, aws_sns: sns, aws_sns_subscriptions: subs, aws_cloudwatch: cloudwatch } = cdk;
  const loaded = process.hrtime.bigint();
  const cpuAtLoad = process.cpuUsage();

  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "aws-cicd-cdk-"));
  const app = new cdk.App({ outdir });
  let stack: import("aws-cdk-lib").Stack | undefined;
  let key: import("aws-cdk-lib").aws_kms.Key | undefined;
  const environment = (name: string, application: string, scope: import("constructs").Construct) => {
    const serviceRole = new iam.Role(scope, `${name}-service-role`, {
      assumedBy: new iam.ServicePrincipal("elasticbeanstalk.amazonaws.com"),
      managedPolicies: [
        iam.ManagedPolicy.fromAwsManagedPolicyName("service-role/AWSElasticBeanstalkEnhancedHealth"),
        iam.ManagedPolicy.fromAwsManagedPolicyName("AWSElasticBeanstalkManagedUpdatesCustomerRolePolicy"),
      ],
    });
    const instanceRole = new iam.Role(scope, `${name}-instance-role`, {
      assumedBy: new iam.ServicePrincipal("ec2.amazonaws.com"),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName("AWSElasticBeanstalkWebTier")],
    });
    const profile = new iam.CfnInstanceProfile(scope, `${name}-instance-profile`, { roles: [instanceRole.roleName] });
    const env = new eb.CfnEnvironment(scope, `${name}-env`, {
      applicationName: application,
      solutionStackName: "64bit Amazon Linux 2023 v6.6.0 running Node.js 22",
      optionSettings: [
        { namespace: "aws:autoscaling:launchconfiguration", optionName: "IamInstanceProfile", value: profile.ref },
        { namespace: "aws:autoscaling:launchconfiguration", optionName: "DisableIMDSv1", value: "true" },
        { namespace: "aws:elasticbeanstalk:environment", optionName: "ServiceRole", value: serviceRole.roleArn },
        { namespace: "aws:elasticbeanstalk:healthreporting:system", optionName: "SystemType", value: "enhanced" },
        { namespace: "aws:elasticbeanstalk:managedactions", optionName: "ManagedActionsEnabled", value: "true" },
        { namespace: "aws:elasticbeanstalk:cloudwatch:logs", optionName: "StreamLogs", value: "true" },
      ],
    });
    return env;
  };
  for (let i = 0; i < n; i++) {
    if (i % COPIES_PER_STACK === 0) {
      stack = new cdk.Stack(app, `platform${i / COPIES_PER_STACK}`);
      key = new kms.Key(stack, "cicd", { enableKeyRotation: true, removalPolicy: cdk.RemovalPolicy.RETAIN });
    }
    const scope = stack!;
    const repo = new codecommit.Repository(scope, `app${i}-repo`, {
      repositoryName: `app${i}`,
      description: "Sample web app",
      kmsKey: key,
    });
    const project = new codebuild.PipelineProject(scope, `test${i}`, { encryptionKey: key });
    const alerts = new sns.Topic(scope, `test${i}-alerts`, { masterKey: key, enforceSSL: true });
    const alarm = new cloudwatch.Alarm(scope, `test${i}-failed`, {
      metric: project.metricFailedBuilds(),
      threshold: 1,
      evaluationPeriods: 1,
    });
    alarm.node.addDependency(alerts);
    const application = new eb.CfnApplication(scope, `dev${i}-app`, { applicationName: `app${i}` });
    const dev = environment(`dev${i}`, application.ref, scope);
    const prod = environment(`prod${i}`, application.ref, scope);
    const artifactBucket = new s3.Bucket(scope, `app${i}-artifacts`, {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: key,
      enforceSSL: true,
      versioned: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    });
    const source = new codepipeline.Artifact(`Source${i}`);
    const built = new codepipeline.Artifact(`Built${i}`);
    const approvals = new sns.Topic(scope, `app${i}-approvals`, { masterKey: key, enforceSSL: true });
    approvals.addSubscription(new subs.EmailSubscription("lead@example.com"));
    const pipeline = new codepipeline.Pipeline(scope, `app${i}`, {
      pipelineType: codepipeline.PipelineType.V2,
      artifactBucket,
      stages: [
        {
          stageName: "Source",
          actions: [new actions.CodeCommitSourceAction({ actionName: "Source", repository: repo, branch: "main", output: source })],
        },
        {
          stageName: "BuildAndTest",
          actions: [new actions.CodeBuildAction({ actionName: "Build", project, input: source, outputs: [built] })],
        },
        {
          stageName: "DeployDev",
          actions: [
            new actions.ElasticBeanstalkDeployAction({
              actionName: "Deploy",
              applicationName: `app${i}`,
              environmentName: dev.ref,
              input: built,
            }),
          ],
        },
        {
          stageName: "Approve",
          actions: [
            new actions.ManualApprovalAction({
              actionName: "Approve",
              notificationTopic: approvals,
              additionalInformation: "Promote to prod?",
            }),
          ],
        },
        {
          stageName: "DeployProd",
          actions: [
            new actions.ElasticBeanstalkDeployAction({
              actionName: "Deploy",
              applicationName: `app${i}`,
              environmentName: prod.ref,
              input: built,
            }),
          ],
        },
      ],
    });
    const notifications = new sns.Topic(scope, `app${i}-notifications`, { masterKey: key, enforceSSL: true });
    notifications.addSubscription(new subs.EmailSubscription("lead@example.com"));
    pipeline.notifyOnAnyStageStateChange(`app${i}-state`, notifications);
  }
  const assembly = app.synth();
  const done = process.hrtime.bigint();
  let resources = 0;
  let roles = 0;
  for (const s of assembly.stacks) {
    const types = Object.values((s.template as { Resources?: Record<string, { Type: string }> }).Resources ?? {}).map((r) => r.Type);
    resources += types.length;
    roles += types.filter((t) => t === "AWS::IAM::Role").length;
  }
  fs.rmSync(outdir, { recursive: true, force: true });
  const sample: Sample = {
    scenario: "cdk",
    pipelines: n,
    loadMs: Number(loaded - start) / 1e6,
    synthMs: Number(done - loaded) / 1e6,
    cpuMs: cpuMs(process.cpuUsage(cpuAtLoad)),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    resources,
    // Stacks, in place of components.
    components: assembly.stacks.length,
    roles,
  };
  process.stdout.write(`${JSON.stringify(sample)}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
