// Boundaries and accepted values of validateEc2FleetTargetArgs (the pure validator), next to the
// rejection table in validate.spec.ts: each limit is tried at its edge, on both sides.
import { expect } from "chai";
import { checkFleet, validateEc2FleetTargetArgs } from "../../packages/aws-cicd/src/codedeploy/validate";
import { Ec2FleetTargetArgs } from "../../packages/aws-cicd/src/codedeploy/ec2-fleet-target-args";

const FLEET = { instanceType: "t3.micro", subnetIds: ["subnet-aaa"], vpcId: "vpc-123" };
const TOPIC = "arn:aws:sns:us-east-1:123456789012:fleet-events";

const TG = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1";
const NUMBER = (arg: string, got: string) => `\`${arg}\` must be a number, got the string "${got}"; pass a number, not a string.`;
const STRING = (arg: string) => `\`${arg}\` must be a string, got the number 1.`;
const LIST = (arg: string, got: string) => `\`${arg}\` must be a list, got ${got}; wrap a single item in [ ].`;
const REQUIRED = (arg: string, parent: string) =>
  `\`${arg}\` is required when \`${parent}\` is given, got nothing; add it or leave \`${parent}\` out.`;

/** JavaScript callers: each arg given a value of the wrong type, and the message that names it. */
const WRONG_TYPES: [string, unknown, string][] = [
  ["args", "x", '`args` must be an object, got the string "x"; pass `{ ... }` as the second constructor argument.'],
  [
    "instanceRolePath",
    { instanceRolePath: "noslash" },
    '`instanceRolePath` must be an IAM role path: "/", or segments of the characters "!" to "~" each ended by "/", starting with "/", at most 512 characters (e.g. "/aws-cicd/platform/"), got "noslash".',
  ],
  ["ec2TagSet", { ec2TagSet: "a" }, LIST("ec2TagSet", 'the string "a"')],
  ["ec2TagSet[0]", { ec2TagSet: ["a"] }, LIST("ec2TagSet[0]", 'the string "a"')],
  ["ec2TagSet[0] null", { ec2TagSet: [null] }, LIST("ec2TagSet[0]", "null")],
  ["ec2TagSet[0][0]", { ec2TagSet: [["a"]] }, '`ec2TagSet[0][0]` must be an object with `key` and `value`, got the string "a".'],
  [
    "fleet",
    { fleet: "x" },
    '`fleet` must be an object with `instanceType`, `subnetIds` and `vpcId`, got the string "x"; pass the fields or leave `fleet` out.',
  ],
  [
    "minimumHealthyHosts",
    { minimumHealthyHosts: 3 },
    "`minimumHealthyHosts` must be an object with `hostCount` or `fleetPercent`, got the number 3; pass the fields or leave `minimumHealthyHosts` out.",
  ],
  [
    "blueGreen",
    { blueGreen: "x" },
    '`blueGreen` must be an object with `targetGroupArn`, got the string "x"; pass the fields or leave `blueGreen` out.',
  ],
  ["fleet.instanceType missing", { fleet: { subnetIds: ["s"], vpcId: "v" } }, REQUIRED("fleet.instanceType", "fleet")],
  ["fleet.subnetIds missing", { fleet: { instanceType: "t3.micro", vpcId: "v" } }, REQUIRED("fleet.subnetIds", "fleet")],
  ["fleet.vpcId missing", { fleet: { instanceType: "t3.micro", subnetIds: ["s"] } }, REQUIRED("fleet.vpcId", "fleet")],
  ["blueGreen.targetGroupArn missing", { blueGreen: {} }, REQUIRED("blueGreen.targetGroupArn", "blueGreen")],
  [
    "encryptionKey",
    { encryptionKey: "k" },
    '`encryptionKey` must be a key object (an EncryptionKey, or `{ keyArn }` for a key you own), got the string "k"; to name a key by ARN, pass `{ keyArn: "k" }`.',
  ],
  [
    "encryptionKey.keyArn",
    { fleet: FLEET, encryptionKey: { keyArn: "alias/x" } },
    '`encryptionKey.keyArn` must be a KMS key ARN such as "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" (not an alias), got "alias/x".',
  ],
  ["fleet.minSize", { fleet: { ...FLEET, minSize: "1" } }, NUMBER("fleet.minSize", "1")],
  ["fleet.maxSize", { fleet: { ...FLEET, maxSize: "1" } }, NUMBER("fleet.maxSize", "1")],
  ["fleet.desiredCapacity", { fleet: { ...FLEET, desiredCapacity: "1" } }, NUMBER("fleet.desiredCapacity", "1")],
  ["fleet.rootVolumeSizeGiB", { fleet: { ...FLEET, rootVolumeSizeGiB: "8" } }, NUMBER("fleet.rootVolumeSizeGiB", "8")],
  ["minimumHealthyHosts.hostCount", { minimumHealthyHosts: { hostCount: "1" } }, NUMBER("minimumHealthyHosts.hostCount", "1")],
  ["minimumHealthyHosts.fleetPercent", { minimumHealthyHosts: { fleetPercent: "1" } }, NUMBER("minimumHealthyHosts.fleetPercent", "1")],
  [
    "blueGreen.manualRerouteWaitMinutes",
    { blueGreen: { targetGroupArn: TG, manualRerouteWaitMinutes: "1" } },
    NUMBER("blueGreen.manualRerouteWaitMinutes", "1"),
  ],
  [
    "blueGreen.terminationWaitMinutes",
    { blueGreen: { targetGroupArn: TG, terminationWaitMinutes: "1" } },
    NUMBER("blueGreen.terminationWaitMinutes", "1"),
  ],
  ["applicationName", { applicationName: 1 }, STRING("applicationName")],
  ["deploymentGroupName", { deploymentGroupName: 1 }, STRING("deploymentGroupName")],
  ["deploymentStrategy", { deploymentStrategy: 1 }, STRING("deploymentStrategy")],
  ["agentInstallation", { agentInstallation: 1 }, STRING("agentInstallation")],
  ["artifactKeyPrefix", { artifactKeyPrefix: 1 }, STRING("artifactKeyPrefix")],
  ["fleet.instanceType", { fleet: { ...FLEET, instanceType: 1 } }, STRING("fleet.instanceType")],
  ["fleet.subnetIds", { fleet: { ...FLEET, subnetIds: "s" } }, LIST("fleet.subnetIds", 'the string "s"')],
  ["ec2TagFilters[0]", { ec2TagFilters: ["a"] }, '`ec2TagFilters[0]` must be an object with `key` and `value`, got the string "a".'],
  [
    "fleet.notificationEmails[0]",
    { fleet: { ...FLEET, notificationEmails: [1] } },
    "`fleet.notificationEmails[0]` must be a string, got the number 1.",
  ],
  ["autoscalingGroups", { autoscalingGroups: "a" }, LIST("autoscalingGroups", 'the string "a"')],
  ["rollbackAlarmNames", { rollbackAlarmNames: "a" }, LIST("rollbackAlarmNames", 'the string "a"')],
  ["ec2TagFilters[0].key", { ec2TagFilters: [{ key: 1 }] }, '`ec2TagFilters[0].key` must be a tag key of 1 to 128 characters, got "1".'],
  [
    "ec2TagFilters[0].value",
    { ec2TagFilters: [{ key: "a", value: 1 }] },
    '`ec2TagFilters[0].value` must be a tag value of at most 256 characters, got "1".',
  ],
];

const ok = (args: Ec2FleetTargetArgs): void => {
  expect(() => validateEc2FleetTargetArgs(args)).not.to.throw();
};
const fails = (args: Ec2FleetTargetArgs, message: string): void => {
  expect(() => validateEc2FleetTargetArgs(args)).to.throw(message);
};

describe("Ec2FleetTarget", () => {
  describe("validateEc2FleetTargetArgs types", () => {
    for (const [arg, args, message] of WRONG_TYPES) {
      it(`throws when \`${arg}\` has the wrong type`, () => {
        expect(() => validateEc2FleetTargetArgs(args as Ec2FleetTargetArgs)).to.throw(message);
      });
    }

    it("checkFleet alone requires fleet.vpcId", () => {
      expect(() => checkFleet({ instanceType: "t3.micro", subnetIds: ["subnet-aaa"] } as never)).to.throw(
        "`fleet.vpcId` is required: the VPC of `fleet.subnetIds`.",
      );
    });
  });

  describe("validateEc2FleetTargetArgs boundaries", () => {
    it("accepts names of exactly 100 allowed characters and every allowed symbol", () => {
      ok({ applicationName: "a".repeat(100), deploymentGroupName: "A-z0._+=,@-9" });
    });

    it("throws for an empty deploymentGroupName", () => {
      fails({ deploymentGroupName: "" }, '`deploymentGroupName` must be 1 to 100 letters, digits or ._+=,@- characters, got "".');
    });

    it("accepts tag keys of 128 and values of 256 characters, and throws one past each", () => {
      ok({ ec2TagFilters: [{ key: "k".repeat(128), value: "v".repeat(256) }] });
      fails(
        { ec2TagFilters: [{ key: "k".repeat(129) }] },
        `\`ec2TagFilters[0].key\` must be a tag key of 1 to 128 characters, got "${"k".repeat(129)}".`,
      );
      fails(
        { ec2TagFilters: [{ key: "App", value: "v".repeat(257) }] },
        `\`ec2TagFilters[0].value\` must be a tag value of at most 256 characters, got "${"v".repeat(257)}".`,
      );
    });

    it("accepts an empty tag value", () => {
      ok({ ec2TagFilters: [{ key: "App", value: "" }] });
    });

    it("names the filter's index inside a tag group", () => {
      fails({ ec2TagSet: [[{ key: "a" }, { key: "" }]] }, '`ec2TagSet[0][1].key` must be a tag key of 1 to 128 characters, got "".');
    });

    it("accepts 1 and 3 tag groups, and throws for none", () => {
      ok({ ec2TagSet: [[{ key: "a" }]] });
      ok({ ec2TagSet: [[{ key: "a" }], [{ key: "b" }], [{ key: "c" }]] });
      fails({ ec2TagSet: [] }, "`ec2TagSet` must hold 1 to 3 tag groups, got 0.");
    });

    it("accepts one Auto Scaling group", () => {
      ok({ autoscalingGroups: ["asg-1"] });
    });

    it("lists every targeting arg given when more than one is", () => {
      fails(
        { ec2TagSet: [[{ key: "a" }]], fleet: FLEET },
        "Give only one of `ec2TagFilters`, `ec2TagSet`, `autoscalingGroups` and `fleet`, got `ec2TagSet` and `fleet`.",
      );
    });
  });

  describe("fleet boundaries", () => {
    it("accepts instance types with digits and dashes", () => {
      ok({ fleet: { ...FLEET, instanceType: "c6gn-x.16xlarge" } });
      fails(
        { fleet: { ...FLEET, instanceType: "T3.micro" } },
        '`fleet.instanceType` must be an EC2 instance type such as "t3.micro", got "T3.micro".',
      );
    });

    it("checks fleet.notificationTopicArn", () => {
      ok({ fleet: { ...FLEET, notificationTopicArn: TOPIC } });
      ok({ fleet: { ...FLEET, notificationTopicArn: "arn:aws-cn:sns:cn-north-1:123456789012:t" } });
      fails(
        { fleet: { ...FLEET, notificationTopicArn: "arn:aws:sqs:us-east-1:123456789012:q" } },
        '`fleet.notificationTopicArn` must be an SNS topic ARN, got "arn:aws:sqs:us-east-1:123456789012:q".',
      );
      fails(
        { fleet: { ...FLEET, notificationTopicArn: `${TOPIC}/x` } },
        `\`fleet.notificationTopicArn\` must be an SNS topic ARN, got "${TOPIC}/x".`,
      );
      fails(
        { fleet: { ...FLEET, notificationTopicArn: `x${TOPIC}` } },
        `\`fleet.notificationTopicArn\` must be an SNS topic ARN, got "x${TOPIC}".`,
      );
    });

    it("throws when fleet.notificationEmails and fleet.notificationTopicArn are both given", () => {
      ok({ fleet: { ...FLEET, notificationEmails: ["ops@example.com"] } });
      fails(
        { fleet: { ...FLEET, notificationEmails: ["ops@example.com"], notificationTopicArn: TOPIC } },
        "`fleet.notificationEmails` subscribes to the created topic; with `fleet.notificationTopicArn` given, subscribe them to that topic yourself.",
      );
    });

    it("accepts minSize 0 and maxSize 1, and throws below", () => {
      ok({ fleet: { ...FLEET, minSize: 0, maxSize: 1, desiredCapacity: 0 } });
      fails({ fleet: { ...FLEET, minSize: -1 } }, "`fleet.minSize` must be a whole number of at least 0, got -1.");
      fails({ fleet: { ...FLEET, desiredCapacity: -1 } }, "`fleet.desiredCapacity` must be a whole number of at least 0, got -1.");
    });

    it("throws for fractional sizes", () => {
      fails({ fleet: { ...FLEET, maxSize: 1.5 } }, "`fleet.maxSize` must be a whole number of at least 1, got 1.5.");
    });

    it("raises the default maxSize to minSize, and accepts minSize equal to maxSize", () => {
      ok({ fleet: { ...FLEET, minSize: 5 } });
      ok({ fleet: { ...FLEET, minSize: 3, maxSize: 3, desiredCapacity: 3 } });
    });

    it("accepts desiredCapacity at minSize and maxSize, and throws below minSize", () => {
      ok({ fleet: { ...FLEET, minSize: 2, maxSize: 4, desiredCapacity: 2 } });
      ok({ fleet: { ...FLEET, minSize: 2, maxSize: 4, desiredCapacity: 4 } });
      fails(
        { fleet: { ...FLEET, minSize: 2, maxSize: 4, desiredCapacity: 1 } },
        "`fleet.desiredCapacity` must be between `fleet.minSize` (2) and `fleet.maxSize` (4), got 1.",
      );
    });

    it("accepts root volumes of 8 and 16384 GiB, and throws one past", () => {
      ok({ fleet: { ...FLEET, rootVolumeSizeGiB: 8 } });
      ok({ fleet: { ...FLEET, rootVolumeSizeGiB: 16384 } });
      fails(
        { fleet: { ...FLEET, rootVolumeSizeGiB: 16385 } },
        "`fleet.rootVolumeSizeGiB` must be a whole number from 8 to 16384, got 16385.",
      );
    });
  });

  describe("deployment boundaries", () => {
    it("accepts each built-in deploymentStrategy", () => {
      for (const s of ["OneAtATime", "HalfAtATime", "AllAtOnce"] as const) ok({ deploymentStrategy: s });
    });

    it("accepts hostCount 0 and fleetPercent 0 and 99", () => {
      ok({ minimumHealthyHosts: { hostCount: 0 } });
      ok({ minimumHealthyHosts: { fleetPercent: 0 } });
      ok({ minimumHealthyHosts: { fleetPercent: 99 } });
      fails(
        { minimumHealthyHosts: { fleetPercent: -1 } },
        "`minimumHealthyHosts.fleetPercent` must be a whole number from 0 to 99, got -1.",
      );
      fails({ minimumHealthyHosts: { hostCount: 0.5 } }, "`minimumHealthyHosts.hostCount` must be a whole number of at least 0, got 0.5.");
    });
  });

  describe("agent and artifact boundaries", () => {
    it('accepts agentInstallation "ssm" alone and "userData" with a fleet', () => {
      ok({ agentInstallation: "ssm" });
      ok({ agentInstallation: "userData", fleet: FLEET });
    });

    it("accepts an artifact bucket, key and prefix", () => {
      ok({
        artifactBucketArn: "arn:aws:s3:::app-artifacts",
        artifactKeyArn: "arn:aws:kms:us-east-1:123456789012:key/artifact-key",
        artifactKeyPrefix: "app/releases/",
      });
    });

    it("throws for an empty prefix, a leading slash and a question mark", () => {
      const bucket = "arn:aws:s3:::app-artifacts";
      for (const prefix of ["", "/app/", "app?/"]) {
        fails(
          { artifactBucketArn: bucket, artifactKeyPrefix: prefix },
          `\`artifactKeyPrefix\` must be a non-empty key prefix without a leading "/" or wildcards, got "${prefix}".`,
        );
      }
    });

    it("accepts encryptionKey with a fleet", () => {
      ok({ fleet: FLEET, encryptionKey: { keyArn: "arn:aws:kms:us-east-1:123456789012:key/k" } });
    });
  });
});
