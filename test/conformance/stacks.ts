import * as path from "path";
import { recorded, RecordedResource } from "../harness/mocks";
import { runProgram } from "../harness/program";
import { settle, unwrap } from "../harness/unwrap";
import { configureExample } from "../examples/example-config";

/** One stack the conformance suites judge: its name and every resource it registered. */
export interface ConformanceStack {
  name: string;
  resources: RecordedResource[];
}

/** The example programs under examples/ (each has Pulumi.yaml + index.ts). */
export const EXAMPLES = [
  "repo-and-build",
  "beanstalk-pipeline",
  "github-source",
  "codedeploy-ec2",
  "cross-account",
  "pulumi-delivery",
  "lambda-canary",
  "cross-region",
  "ecs-bluegreen",
];

/** Every example, run once per process under the mocks. */
export async function exampleStacks(): Promise<ConformanceStack[]> {
  const out: ConformanceStack[] = [];
  for (const example of EXAMPLES) {
    configureExample(example);
    const run = await runProgram(path.join(__dirname, "..", "..", "examples", example, "index.ts"));
    out.push({ name: `examples/${example}`, resources: run.resources });
  }
  return out;
}

let defaults: Promise<ConformanceStack> | undefined;

const ELB = "arn:aws:elasticloadbalancing:us-east-1:123456789012";
/** EcsServiceTarget needs a service: an existing one, blue/green (the rolling mode creates nothing). */
const ECS_DEFAULTS = {
  existingService: { clusterName: "shop", serviceName: "api", taskDefinitionFamily: "api" },
  blueGreen: {
    targetGroupArns: [`${ELB}:targetgroup/api-blue/0123456789abcdef`, `${ELB}:targetgroup/api-green/fedcba9876543210`],
    productionListenerArn: `${ELB}:listener/app/shop/50dc6c495c0c9188/f2f7dc8efc522ab2`,
    testListenerArn: `${ELB}:listener/app/shop/50dc6c495c0c9188/0467ef3c8400ae65`,
  },
};

/**
 * Each component built with no arguments (its defaults); the Pipeline, which needs stages, with
 * the smallest valid ones (a repository source and a build).
 */
export function defaultsStack(): Promise<ConformanceStack> {
  defaults ??= buildDefaults();
  return defaults;
}

async function buildDefaults(): Promise<ConformanceStack> {
  // Imported here so that the mocks are installed first (.mocharc.json requires the harness setup).

  const lib = require("../../packages/aws-cicd/src") as typeof import("../../packages/aws-cicd/src");
  recorded.length = 0;
  const key = new lib.EncryptionKey("defaults-key");
  const repo = new lib.CodeCommitRepo("defaults-repo");
  const build = new lib.BuildProject("defaults-build");
  const web = new lib.BeanstalkTarget("defaults-web");
  const fleet = new lib.Ec2FleetTarget("defaults-fleet");
  // Issue 15: the fleet deployed blue/green (a copied Auto Scaling group behind a target group).
  const fleetBlueGreen = new lib.Ec2FleetTarget("defaults-fleet-bg", {
    fleet: { instanceType: "t3.micro", vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0123456789abcdef0"] },
    agentInstallation: "userData",
    blueGreen: { targetGroupArn: `${ELB}:targetgroup/web/0123456789abcdef` },
    rollbackAlarmNames: ["web-5xx"],
  });
  const fn = new lib.LambdaTarget("defaults-lambda", { alias: { create: { functionName: "defaults-fn", functionVersion: "1" } } });
  const ecs = new lib.EcsServiceTarget("defaults-ecs", ECS_DEFAULTS);
  const fargate = new lib.EcsServiceTarget("defaults-fargate", {
    fargateService: { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0123456789abcdef0"], containerPort: 8080 },
  });
  const topic = new lib.SecureTopic("defaults-topic", { encryptionKey: key });
  const bucket = new lib.SecureBucket("defaults-bucket");
  // Issue 14: a Pulumi stack with the state backend it creates and a deploy role from a policy you pass.
  const pulumiStack = new lib.PulumiStack("defaults-pulumi", {
    stack: "acme/shop/dev",
    stateBackend: { create: true },
    deployRole: { managedPolicyArns: ["arn:aws:iam::123456789012:policy/shop-deploy"] },
  });
  const pipeline = new lib.Pipeline("defaults-pipeline", {
    stages: [
      { name: "Source", actions: [repo.sourceAction()] },
      { name: "Build", actions: [build.buildAction()] },
    ],
  });
  await Promise.all([
    unwrap(key.keyArn),
    unwrap(repo.repositoryArn),
    unwrap(build.projectArn),
    unwrap(web.endpointUrl),
    unwrap(fleet.deploymentGroupArn),
    unwrap(fleetBlueGreen.deploymentGroupArn),
    unwrap(fn.deployProjectName),
    unwrap(ecs.deploymentGroupArn!),
    unwrap(fargate.serviceArn),
    unwrap(topic.topicArn),
    unwrap(bucket.bucketArn),
    unwrap(pipeline.pipelineArn),
    unwrap(pulumiStack.deployRoleArn!),
  ]);
  await settle();
  return { name: "component defaults", resources: [...recorded] };
}

/** Every stack: the examples, then the component defaults. */
export async function allStacks(): Promise<ConformanceStack[]> {
  const examples = await exampleStacks();
  return [...examples, await defaultsStack()];
}
