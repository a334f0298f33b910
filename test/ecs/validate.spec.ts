import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { validateEcsServiceTargetArgs } from "../../packages/aws-cicd/src/ecs";
import { EncryptionKey } from "../../packages/aws-cicd/src/security";
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
    `\`blueGreen.testListenerArn\` must differ from \`blueGreen.productionListenerArn\`, got "${PROD_LISTENER}" for both: test traffic reaches the green task set on its own port before production traffic moves.`,
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
  [
    "a created service without its VPC",
    { fargateService: { subnetIds: ["subnet-a"], containerPort: 8080 } },
    "`fargateService.vpcId` is required when `fargateService` is given, got nothing; add it or leave `fargateService` out.",
  ],
  [
    "one subnet as a string",
    { fargateService: { ...FARGATE, subnetIds: "subnet-a" } },
    '`fargateService.subnetIds` must be a list, got the string "subnet-a"; wrap a single item in [ ].',
  ],
  [
    "one ingress security group as a string",
    { fargateService: { ...FARGATE, ingressSecurityGroupIds: "sg-1" } },
    '`fargateService.ingressSecurityGroupIds` must be a list, got the string "sg-1"; wrap a single item in [ ].',
  ],
  [
    "the most CPU with the default memory",
    { fargateService: { ...FARGATE, cpu: 4096 } },
    `\`fargateService.memory\` must be one of the sizes Fargate allows with 4096 CPU units (8192 to 30720 MiB: ${Array.from({ length: 23 }, (_, i) => 8192 + 1024 * i).join(", ")}), got 512.`,
  ],
  [
    "a network load balancer's production listener",
    { existingService: EXISTING, blueGreen: { ...BLUE_GREEN, productionListenerArn: PROD_LISTENER.replace("/app/", "/net/") } },
    `\`blueGreen.productionListenerArn\` must be an Application Load Balancer listener ARN ("arn:aws:elasticloadbalancing:<region>:<account>:listener/app/<lb>/<id>/<id>"), got "${PROD_LISTENER.replace("/app/", "/net/")}".`,
  ],
  ...(
    [
      ["null", null, "null"],
      ["a list", [], "an empty list"],
      ["a number", 5, "the number 5"],
    ] as const
  ).map(([what, hooks, got]): [string, unknown, string] => [
    `lifecycle hooks that are ${what}`,
    { existingService: EXISTING, blueGreen: { ...BLUE_GREEN, lifecycleHooks: hooks } },
    `\`blueGreen.lifecycleHooks\` must be an object with hooks for beforeInstall, afterInstall, afterAllowTestTraffic, beforeAllowTraffic, afterAllowTraffic, got ${got}.`,
  ]),
  ...(
    [
      ["null", null, "null"],
      ["a list", [], "an empty list"],
    ] as const
  ).map(([what, hook, got]): [string, unknown, string] => [
    `a lifecycle hook that is ${what}`,
    { existingService: EXISTING, blueGreen: { ...BLUE_GREEN, lifecycleHooks: { afterInstall: hook } } },
    `\`blueGreen.lifecycleHooks.afterInstall\` must be \`{ functionArn, roleName? }\`, got ${got}.`,
  ]),
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

    it("accepts a rolling created service with every option set, and a key given as an ARN or as an EncryptionKey that allows ECR", () => {
      const full = {
        ...FARGATE,
        targetGroupArn: BLUE_TG,
        containerName: "web_1",
        clusterName: "shop-eu",
        user: "1000:1000",
        logRetentionInDays: 14,
        desiredCount: 5000,
        ingressSecurityGroupIds: ["sg-1"],
      };
      expect(() => validateEcsServiceTargetArgs({ fargateService: full })).to.not.throw();
      const keyArn = "arn:aws:kms:us-east-1:111122223333:key/0123abcd-0123-0123-0123-0123456789ab";
      expect(() => validateEcsServiceTargetArgs({ fargateService: { ...FARGATE, encryptionKey: { keyArn } } })).to.not.throw();
      const allowing = new EncryptionKey("ecr-ok", { allowEcrRepositories: true });
      expect(() => validateEcsServiceTargetArgs({ fargateService: { ...FARGATE, encryptionKey: allowing } })).to.not.throw();
    });

    it("refuses an EncryptionKey that does not let ECR create grants", () => {
      const key = new EncryptionKey("ecr-no", {});
      expect(() => validateEcsServiceTargetArgs({ fargateService: { ...FARGATE, encryptionKey: key } })).to.throw(
        "`fargateService.encryptionKey` also encrypts the service's ECR repository, so its key policy must let ECR create grants, got an EncryptionKey without `allowEcrRepositories`; create it with `new EncryptionKey(name, { allowEcrRepositories: true })`.",
      );
    });

    it("accepts lifecycle hooks with an event left undefined, and target groups and listeners given as distinct Outputs", () => {
      const hook = { functionArn: "arn:aws:lambda:us-east-1:111122223333:function:smoke" };
      const hooks = { afterAllowTestTraffic: hook, beforeInstall: undefined };
      expect(() =>
        validateEcsServiceTargetArgs({ existingService: EXISTING, blueGreen: { ...BLUE_GREEN, lifecycleHooks: hooks } }),
      ).to.not.throw();
      const outputs = {
        targetGroupArns: BLUE_GREEN.targetGroupArns.map((a) => pulumi.output(a)),
        productionListenerArn: pulumi.output(BLUE_GREEN.productionListenerArn),
        testListenerArn: pulumi.output(BLUE_GREEN.testListenerArn),
      };
      expect(() => validateEcsServiceTargetArgs({ existingService: EXISTING, blueGreen: outputs })).to.not.throw();
    });

    it("refuses the same Output given for both target groups, or for both listeners", () => {
      const tg = pulumi.output(BLUE_TG);
      expect(() =>
        validateEcsServiceTargetArgs({ existingService: EXISTING, blueGreen: { ...BLUE_GREEN, targetGroupArns: [tg, tg] } }),
      ).to.throw("`blueGreen.targetGroupArns` must name two different target groups, got the same Output twice.");
      const listener = pulumi.output(PROD_LISTENER);
      expect(() =>
        validateEcsServiceTargetArgs({
          existingService: EXISTING,
          blueGreen: { ...BLUE_GREEN, productionListenerArn: listener, testListenerArn: listener },
        }),
      ).to.throw(
        "`blueGreen.testListenerArn` must differ from `blueGreen.productionListenerArn`, got the same Output for both: test traffic reaches the green task set on its own port before production traffic moves.",
      );
    });
  });
});
