import { expect } from "chai";
import { EcsServiceTargetArgs, validateEcsServiceTargetArgs } from "../../packages/aws-cicd/src/ecs";
import { BLUE_GREEN, BLUE_TG, EXISTING, PROD_LISTENER } from "./fixtures";

const FARGATE = { vpcId: "vpc-123", subnetIds: ["subnet-a"], containerPort: 8080 };
const fargate = (extra: object) => validateEcsServiceTargetArgs({ fargateService: { ...FARGATE, ...extra } } as EcsServiceTargetArgs);
const existing = (extra: object) => validateEcsServiceTargetArgs({ existingService: { ...EXISTING, ...extra } } as EcsServiceTargetArgs);
const blueGreen = (extra: object) =>
  validateEcsServiceTargetArgs({ existingService: EXISTING, blueGreen: { ...BLUE_GREEN, ...extra } } as EcsServiceTargetArgs);
const ROLE = 'must be an IAM role ARN such as "arn:aws:iam::111122223333:role/app-task", got';
const NAMES = "must be 1 to 255 letters, digits, hyphens or underscores, got";

describe("validateEcsServiceTargetArgs: each argument", () => {
  describe("accepts", () => {
    it("values at their limits", () => {
      expect(() =>
        fargate({ containerPort: 1, desiredCount: 0, user: "1000:1000", containerName: "a".repeat(255), clusterName: "c" }),
      ).to.not.throw();
      expect(() => fargate({ containerPort: 65535, desiredCount: 5000, cpu: 4096, memory: 30720 })).to.not.throw();
      expect(() => blueGreen({ terminationWaitMinutes: 0, applicationName: "shop.api", deploymentGroupName: "api@prod" })).to.not.throw();
      expect(() => blueGreen({ terminationWaitMinutes: 2880 })).to.not.throw();
    });
  });

  describe("refuses", () => {
    const cases: [string, () => void, string][] = [
      ["a cluster name with a dot", () => existing({ clusterName: "shop.prod" }), `\`existingService.clusterName\` ${NAMES} "shop.prod".`],
      [
        "a task family of 256 characters",
        () => existing({ taskDefinitionFamily: "f".repeat(256) }),
        `\`existingService.taskDefinitionFamily\` ${NAMES} "${"f".repeat(256)}".`,
      ],
      [
        "an execution role that is a user",
        () => existing({ executionRoleArn: "arn:aws:iam::123456789012:user/ci" }),
        `\`existingService.executionRoleArn\` ${ROLE} "arn:aws:iam::123456789012:user/ci".`,
      ],
      ["port 65536", () => fargate({ containerPort: 65536 }), "`fargateService.containerPort` must be a port from 1 to 65535, got 65536."],
      ["port 80.5", () => fargate({ containerPort: 80.5 }), "`fargateService.containerPort` must be a port from 1 to 65535, got 80.5."],
      [
        "a desired count of -1",
        () => fargate({ desiredCount: -1 }),
        "`fargateService.desiredCount` must be a whole number from 0 to 5000, got -1.",
      ],
      [
        "a desired count of 5001",
        () => fargate({ desiredCount: 5001 }),
        "`fargateService.desiredCount` must be a whole number from 0 to 5000, got 5001.",
      ],
      [
        "an empty user",
        () => fargate({ user: "" }),
        '`fargateService.user` must name a non-root user (such as "1000:1000"), got "". Build the image to run as another user.',
      ],
      [
        "root by name",
        () => fargate({ user: "root" }),
        '`fargateService.user` must name a non-root user (such as "1000:1000"), got "root". Build the image to run as another user.',
      ],
      ["a container name with a space", () => fargate({ containerName: "my app" }), `\`fargateService.containerName\` ${NAMES} "my app".`],
      ["a cluster name with a slash", () => fargate({ clusterName: "a/b" }), `\`fargateService.clusterName\` ${NAMES} "a/b".`],
      [
        "a key alias",
        () => fargate({ encryptionKey: { keyArn: "alias/logs" } }),
        '`fargateService.encryptionKey.keyArn` must be a KMS key ARN such as "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" (not an alias), got "alias/logs".',
      ],
      [
        "a listener ARN as target group",
        () => fargate({ targetGroupArn: PROD_LISTENER }),
        `\`fargateService.targetGroupArn\` must be a target group ARN ("arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>"), got "${PROD_LISTENER}".`,
      ],
      [
        "a listener ARN among target groups",
        () => blueGreen({ targetGroupArns: [BLUE_TG, PROD_LISTENER] }),
        `\`blueGreen.targetGroupArns[1]\` must be a target group ARN ("arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>"), got "${PROD_LISTENER}".`,
      ],
      [
        "a termination wait of -1",
        () => blueGreen({ terminationWaitMinutes: -1 }),
        "`blueGreen.terminationWaitMinutes` must be a whole number from 0 to 2880, got -1.",
      ],
      [
        "a termination wait of 2881",
        () => blueGreen({ terminationWaitMinutes: 2881 }),
        "`blueGreen.terminationWaitMinutes` must be a whole number from 0 to 2880, got 2881.",
      ],
      [
        "a termination wait of 1.5",
        () => blueGreen({ terminationWaitMinutes: 1.5 }),
        "`blueGreen.terminationWaitMinutes` must be a whole number from 0 to 2880, got 1.5.",
      ],
      [
        "an application name with a slash",
        () => blueGreen({ applicationName: "shop/api" }),
        '`blueGreen.applicationName` must be 1 to 100 letters, digits or ._+=,@- characters, got "shop/api".',
      ],
      ["a number as cluster name", () => existing({ clusterName: 1 }), "`existingService.clusterName` must be a string, got the number 1."],
      ["a number as service name", () => existing({ serviceName: 1 }), "`existingService.serviceName` must be a string, got the number 1."],
      [
        "a number as task family",
        () => existing({ taskDefinitionFamily: 1 }),
        "`existingService.taskDefinitionFamily` must be a string, got the number 1.",
      ],
      [
        "a number as traffic config",
        () => blueGreen({ trafficConfig: 1 }),
        "`blueGreen.trafficConfig` must be a string, got the number 1.",
      ],
      [
        "a number as application name",
        () => blueGreen({ applicationName: 1 }),
        "`blueGreen.applicationName` must be a string, got the number 1.",
      ],
      [
        "a number as deployment group",
        () => blueGreen({ deploymentGroupName: 1 }),
        "`blueGreen.deploymentGroupName` must be a string, got the number 1.",
      ],
      [
        "a number as container name",
        () => fargate({ containerName: 1 }),
        "`fargateService.containerName` must be a string, got the number 1.",
      ],
      [
        "a number as Fargate cluster",
        () => fargate({ clusterName: 1 }),
        "`fargateService.clusterName` must be a string, got the number 1.",
      ],
      ["a number as user", () => fargate({ user: 1000 }), "`fargateService.user` must be a string, got the number 1000."],
      [
        "a string as termination wait",
        () => blueGreen({ terminationWaitMinutes: "5" }),
        '`blueGreen.terminationWaitMinutes` must be a number, got the string "5"',
      ],
      ["a string as port", () => fargate({ containerPort: "80" }), '`fargateService.containerPort` must be a number, got the string "80"'],
      ["a string as CPU", () => fargate({ cpu: "256" }), '`fargateService.cpu` must be a number, got the string "256"'],
      ["a string as memory", () => fargate({ memory: "512" }), '`fargateService.memory` must be a number, got the string "512"'],
      [
        "a string as desired count",
        () => fargate({ desiredCount: "2" }),
        '`fargateService.desiredCount` must be a number, got the string "2"',
      ],
      [
        "a string as retention",
        () => fargate({ logRetentionInDays: "7" }),
        '`fargateService.logRetentionInDays` must be a number, got the string "7"',
      ],
      ["a string as key", () => fargate({ encryptionKey: "alias/logs" }), "`fargateService.encryptionKey` must be a key object"],
      [
        "a number among target groups",
        () => blueGreen({ targetGroupArns: [BLUE_TG, 1] }),
        "`blueGreen.targetGroupArns[1]` must be a string or an Output, got the number 1.",
      ],
      [
        "a number among alarms",
        () => blueGreen({ rollbackAlarmNames: [1] }),
        "`blueGreen.rollbackAlarmNames[0]` must be a string or an Output, got the number 1.",
      ],
      [
        "a string as existing service",
        () => validateEcsServiceTargetArgs({ existingService: "api" } as never),
        '`existingService` must be an object with `clusterName`, `serviceName` and `taskDefinitionFamily`, got the string "api"; pass the fields or leave `existingService` out.',
      ],
      [
        "a string as Fargate service",
        () => validateEcsServiceTargetArgs({ fargateService: "api" } as never),
        '`fargateService` must be an object with `vpcId`, `subnetIds` and `containerPort`, got the string "api"; pass the fields or leave `fargateService` out.',
      ],
      [
        "a string as blue/green",
        () => validateEcsServiceTargetArgs({ existingService: EXISTING, blueGreen: "yes" } as never),
        '`blueGreen` must be an object with `targetGroupArns`, `productionListenerArn` and `testListenerArn`, got the string "yes"; pass the fields or leave `blueGreen` out.',
      ],
    ];
    for (const [what, run, message] of cases) {
      it(`throws for ${what}`, () => expect(run).to.throw(message));
    }
  });
});
