import { expect } from "chai";
import { validateEcsServiceTargetArgs } from "../../packages/aws-cicd/src/ecs";
import { BLUE_GREEN, BLUE_TG, EXISTING, PROD_LISTENER } from "./fixtures";

const FARGATE = { vpcId: "vpc-123", subnetIds: ["subnet-a"], containerPort: 8080 };

const cases: [string, unknown, string][] = [
  [
    "both services",
    { existingService: EXISTING, fargateService: FARGATE },
    "Set exactly one of `existingService` (deploy to a service you have) and `fargateService` (create one), got both.",
  ],
  [
    "no subnets",
    { fargateService: { ...FARGATE, subnetIds: [] } },
    "`fargateService.subnetIds` must list at least one private subnet, got [].",
  ],
  ["port 0", { fargateService: { ...FARGATE, containerPort: 0 } }, "`fargateService.containerPort` must be a port from 1 to 65535, got 0."],
  ["an odd CPU", { fargateService: { ...FARGATE, cpu: 300 } }, "`fargateService.cpu` must be one of 256, 512, 1024, 2048, 4096, got 300."],
  [
    "too much memory for the CPU",
    { fargateService: { ...FARGATE, memory: 4096 } },
    "`fargateService.memory` must be one of the sizes Fargate allows with 256 CPU units (512 to 2048 MiB: 512, 1024, 2048), got 4096.",
  ],
  [
    "root",
    { fargateService: { ...FARGATE, user: "0:0" } },
    '`fargateService.user` must name a non-root user (such as "1000:1000"), got "0:0". Build the image to run as another user.',
  ],
  [
    "a retention CloudWatch refuses",
    { fargateService: { ...FARGATE, logRetentionInDays: 10 } },
    "`fargateService.logRetentionInDays` must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653, got 10.",
  ],
  [
    "a target group with blue/green",
    { fargateService: { ...FARGATE, targetGroupArn: BLUE_TG }, blueGreen: BLUE_GREEN },
    "`fargateService.targetGroupArn` applies to rolling services; with `blueGreen` the service starts on `blueGreen.targetGroupArns[0]`, so remove it.",
  ],
  [
    "a writable-root string",
    { fargateService: { ...FARGATE, readonlyRootFilesystem: "no" } },
    '`fargateService.readonlyRootFilesystem` must be true or false, got the string "no"; pass a boolean, not a string or number.',
  ],
  ["no args", undefined, "`args` must be an object, got nothing; pass `{ ... }` as the second constructor argument."],
  ["no service", {}, "Set exactly one of `existingService` (deploy to a service you have) and `fargateService` (create one), got neither."],
  [
    "cluster name with a slash",
    { existingService: { ...EXISTING, clusterName: "shop/eu" } },
    '`existingService.clusterName` must be 1 to 255 letters, digits, hyphens or underscores, got "shop/eu".',
  ],
  [
    "family with a revision",
    { existingService: { ...EXISTING, taskDefinitionFamily: "api:3" } },
    '`existingService.taskDefinitionFamily` must be 1 to 255 letters, digits, hyphens or underscores, got "api:3".',
  ],
  [
    "task role that is a user",
    { existingService: { ...EXISTING, taskRoleArn: "arn:aws:iam::111122223333:user/ci" } },
    '`existingService.taskRoleArn` must be an IAM role ARN such as "arn:aws:iam::111122223333:role/app-task", got "arn:aws:iam::111122223333:user/ci".',
  ],
  [
    "one target group",
    { existingService: EXISTING, blueGreen: { ...BLUE_GREEN, targetGroupArns: [BLUE_TG] } },
    "`blueGreen.targetGroupArns` must name exactly 2 target groups (blue, the one serving now, then green), got 1.",
  ],
  [
    "the same target group twice",
    { existingService: EXISTING, blueGreen: { ...BLUE_GREEN, targetGroupArns: [BLUE_TG, BLUE_TG] } },
    `\`blueGreen.targetGroupArns\` must name two different target groups, got "${BLUE_TG}" twice.`,
  ],
  [
    "a network load balancer listener",
    { existingService: EXISTING, blueGreen: { ...BLUE_GREEN, testListenerArn: PROD_LISTENER.replace("/app/", "/net/") } },
    `\`blueGreen.testListenerArn\` must be an Application Load Balancer listener ARN ("arn:aws:elasticloadbalancing:<region>:<account>:listener/app/<lb>/<id>/<id>"), got "${PROD_LISTENER.replace("/app/", "/net/")}".`,
  ],
  [
    "test listener equal to production",
    { existingService: EXISTING, blueGreen: { ...BLUE_GREEN, testListenerArn: PROD_LISTENER } },
    "`blueGreen.testListenerArn` must differ from `blueGreen.productionListenerArn`: test traffic reaches the green task set on its own port before production traffic moves.",
  ],
  [
    "an EC2 traffic config",
    { existingService: EXISTING, blueGreen: { ...BLUE_GREEN, trafficConfig: "CodeDeployDefault.OneAtATime" } },
    '`blueGreen.trafficConfig` must be one of CodeDeployDefault.ECSAllAtOnce, CodeDeployDefault.ECSCanary10Percent5Minutes, CodeDeployDefault.ECSCanary10Percent15Minutes, CodeDeployDefault.ECSLinear10PercentEvery1Minutes, CodeDeployDefault.ECSLinear10PercentEvery3Minutes, got "CodeDeployDefault.OneAtATime".',
  ],
  [
    "a termination wait over two days",
    { existingService: EXISTING, blueGreen: { ...BLUE_GREEN, terminationWaitMinutes: 3000 } },
    "`blueGreen.terminationWaitMinutes` must be a whole number from 0 to 2880, got 3000.",
  ],
  [
    "eleven alarms",
    { existingService: EXISTING, blueGreen: { ...BLUE_GREEN, rollbackAlarmNames: Array.from({ length: 11 }, (_, i) => `a${i}`) } },
    "`blueGreen.rollbackAlarmNames` must name 1 to 10 alarms, got 11.",
  ],
  [
    "a deployment group name with a slash",
    { existingService: EXISTING, blueGreen: { ...BLUE_GREEN, deploymentGroupName: "api/blue" } },
    '`blueGreen.deploymentGroupName` must be 1 to 100 letters, digits or ._+=,@- characters, got "api/blue".',
  ],
];

describe("EcsServiceTarget", () => {
  describe("validation", () => {
    for (const [what, args, message] of cases) {
      it(`throws for ${what}`, () => {
        expect(() => validateEcsServiceTargetArgs(args as never)).to.throw(message);
      });
    }

    it("accepts an existing or a created service, rolling or blue/green", () => {
      expect(() => validateEcsServiceTargetArgs({ existingService: EXISTING })).to.not.throw();
      expect(() => validateEcsServiceTargetArgs({ existingService: EXISTING, blueGreen: BLUE_GREEN })).to.not.throw();
      expect(() =>
        validateEcsServiceTargetArgs({ fargateService: { ...FARGATE, cpu: 1024, memory: 8192 }, blueGreen: BLUE_GREEN }),
      ).to.not.throw();
    });
  });
});
