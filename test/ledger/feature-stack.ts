import { recorded } from "../harness/mocks";
import { settle, unwrap } from "../harness/unwrap";
import { ConformanceStack } from "../conformance/stacks";

let run: Promise<ConformanceStack> | undefined;

/**
 * The optional statements the examples and the component defaults do not show: a build in a VPC
 * with secrets and an S3 cache and logs, repository grants, an approval grant, a deploy stage entered
 * only when an alarm is quiet (and rolled back when it fails or a check function says so), a pipeline with a store you pass, and both
 * `permissions` choices of a Beanstalk deploy and of a cross-account deploy role, a Lambda target's hooks, and ECS deploys,
 * rolling and blue/green, with an image-push grant, and a fleet's store whose readers are granted by role path.
 */
export function featureStack(): Promise<ConformanceStack> {
  run ??= build();
  return run;
}

async function build(): Promise<ConformanceStack> {
  // Imported here so that the mocks are installed first (.mocharc.json requires the harness setup).
  const lib = require("../../packages/aws-cicd/src") as typeof import("../../packages/aws-cicd/src");
  recorded.length = 0;
  const key = new lib.EncryptionKey("ledger-key");
  // A store shared by a fleet: the roles of another account granted by their IAM path.
  const fleetReaders = [{ accountId: "210987654321", path: "/aws-cicd/ledger/fleet/" }];
  new lib.SecureBucket("ledger-fleet-artifacts", {
    encryptionKey: new lib.EncryptionKey("ledger-fleet-key", { principalRolePaths: fleetReaders }),
    readerRolePaths: fleetReaders,
  });
  const repo = new lib.CodeCommitRepo("ledger-repo", { encryptionKey: key });
  const developer = "arn:aws:iam::123456789012:role/developer";
  repo.grantPush(developer);
  repo.grantRead("arn:aws:iam::123456789012:role/reviewer");
  const build = new lib.BuildProject("ledger-build", {
    encryptionKey: key,
    vpc: { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0123456789abcdef0"], securityGroupIds: ["sg-0123456789abcdef0"] },
    environmentVariables: { TOKEN: { secret: "ci/token" }, DB_URL: { parameter: "/app/db-url" } },
    secretsKeyArns: ["arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555"],
    cache: { s3: { bucketName: "ledger-cache" } },
    s3Logs: { bucketName: "ledger-logs" },
  });
  const web = new lib.BeanstalkTarget("ledger-web", { encryptionKey: key });
  const pipeline = new lib.Pipeline("ledger", {
    encryptionKey: key,
    stages: [
      { name: "Source", actions: [repo.sourceAction()] },
      { name: "Build", actions: [build.buildAction()] },
      { name: "Approve", actions: [lib.manualApprovalAction({})] },
      {
        name: "Deploy",
        actions: [web.deployAction({ permissions: "aws-managed" })],
        beforeEntry: {
          result: "FAIL",
          cloudWatchAlarms: [{ alarmName: "ledger-web-5xx" }],
          deploymentWindows: [{ cron: "* * 9-16 ? * MON-FRI" }],
        },
        onSuccess: { result: "ROLLBACK", lambdaInvokes: [{ functionName: "ledger-smoke-test" }] },
        onFailure: { result: "ROLLBACK" },
      },
    ],
  });
  pipeline.grantApproval("arn:aws:iam::123456789012:role/release-manager", "Approve");
  // A store you pass: the project's role is granted it in its own policy (a test action only reads).
  const brought = new lib.Pipeline("ledger-brought", {
    artifactBucket: { bucketName: "ledger-team-artifacts", keyArn: key.keyArn },
    stages: [
      { name: "Source", actions: [repo.sourceAction()] },
      { name: "Check", actions: [build.buildAction({ name: "Lint", type: "Test" })] },
    ],
  });
  const deployRole = new lib.CrossAccountDeployRole("ledger-deploy", {
    pipelineRoleArn: "arn:aws:iam::123456789012:role/ledger-pipeline",
    artifactBucketArn: "arn:aws:s3:::ledger-artifacts",
    artifactKeyArn: "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555",
    beanstalkTargets: [web.beanstalkDeployTarget()],
    permissions: "aws-managed",
  });
  // Hooks: the CodeDeploy service role invokes them, and a hook's role may report its status.
  const fn = new lib.LambdaTarget("ledger-fn", {
    alias: { existing: { functionName: "ledger-fn", aliasName: "live" } },
    preTrafficHook: { functionArn: "arn:aws:lambda:us-east-1:123456789012:function:ledger-pre", roleName: "ledger-hooks" },
    trafficShift: { linear: { percentage: 20, intervalMinutes: 2 } },
    encryptionKey: key,
  });
  const ecs = ecsPipeline(lib, repo, build);
  await Promise.all([
    unwrap(fn.deployProjectName),
    unwrap(pipeline.pipelineArn),
    unwrap(brought.pipelineArn),
    unwrap(deployRole.roleArn),
    unwrap(build.projectArn),
    unwrap(ecs.pipelineArn),
  ]);
  await settle();
  return { name: "ledger features", resources: [...recorded] };
}

/** A pipeline deploying to an ECS service rolling, then to another blue/green (issue 15). */
function ecsPipeline(
  lib: typeof import("../../packages/aws-cicd/src"),
  repo: import("../../packages/aws-cicd/src").CodeCommitRepo,
  build: import("../../packages/aws-cicd/src").BuildProject,
) {
  const account = "arn:aws:iam::123456789012:role";
  const elb = "arn:aws:elasticloadbalancing:us-east-1:123456789012";
  const service = (name: string) => ({
    clusterName: "shop",
    serviceName: name,
    taskDefinitionFamily: name,
    taskRoleArn: `${account}/${name}-task`,
    executionRoleArn: `${account}/${name}-execution`,
  });
  const rolling = new lib.EcsServiceTarget("ledger-ecs-rolling", { existingService: service("worker") });
  const blueGreen = new lib.EcsServiceTarget("ledger-ecs-bluegreen", {
    existingService: service("api"),
    blueGreen: {
      targetGroupArns: [`${elb}:targetgroup/api-blue/0123456789abcdef`, `${elb}:targetgroup/api-green/fedcba9876543210`],
      productionListenerArn: `${elb}:listener/app/shop/50dc6c495c0c9188/f2f7dc8efc522ab2`,
      testListenerArn: `${elb}:listener/app/shop/50dc6c495c0c9188/0467ef3c8400ae65`,
      rollbackAlarmNames: ["api-5xx"],
      lifecycleHooks: {
        afterAllowTestTraffic: {
          functionArn: "arn:aws:lambda:us-east-1:123456789012:function:api-smoke-test",
          roleName: "api-smoke-test-role",
        },
      },
    },
  });
  const fargate = new lib.EcsServiceTarget("ledger-ecs-fargate", {
    fargateService: { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0123456789abcdef0"], containerPort: 8080 },
  });
  fargate.grantImagePush(`${account}/image-builder`);
  return new lib.Pipeline("ledger-ecs", {
    stages: [
      { name: "Source", actions: [repo.sourceAction()] },
      { name: "Build", actions: [build.buildAction()] },
      { name: "DeployWorker", actions: [rolling.deployAction()] },
      { name: "DeployApi", actions: [blueGreen.deployAction()] },
    ],
  });
}
