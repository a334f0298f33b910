import { expect } from "chai";
import { validateEcsServiceTargetArgs } from "../../packages/aws-cicd/src/ecs";
import { BLUE_GREEN, BLUE_TG, EXISTING, PROD_LISTENER } from "./fixtures";

const cases: [string, unknown, string][] = [
  ["no args", undefined, "`args` must be an object, got nothing; pass `{ ... }` as the second constructor argument."],
  ["no service", {}, "`existingService` is required"],
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

    it("accepts an existing service, rolling or blue/green", () => {
      expect(() => validateEcsServiceTargetArgs({ existingService: EXISTING })).to.not.throw();
      expect(() => validateEcsServiceTargetArgs({ existingService: EXISTING, blueGreen: BLUE_GREEN })).to.not.throw();
    });
  });
});
