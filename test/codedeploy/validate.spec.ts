import { expect } from "chai";
import { Ec2FleetTarget, Ec2FleetTargetArgs, validateEc2FleetTargetArgs } from "../../packages/aws-cicd/src/codedeploy";
import { recorded, settle } from "../harness";
import { SUBNETS, VPC } from "./fixtures";

const FLEET = { instanceType: "t3.micro", subnetIds: SUBNETS, vpcId: VPC };

const CASES: [string, Ec2FleetTargetArgs, string][] = [
  [
    "applicationName",
    { applicationName: "bad name" },
    '`applicationName` must be 1 to 100 letters, digits or ._+=,@- characters, got "bad name".',
  ],
  [
    "deploymentGroupName",
    { deploymentGroupName: "x".repeat(101) },
    `\`deploymentGroupName\` must be 1 to 100 letters, digits or ._+=,@- characters, got "${"x".repeat(101)}".`,
  ],
  [
    "two targeting args",
    { ec2TagFilters: [{ key: "App" }], autoscalingGroups: ["a"] },
    "Give only one of `ec2TagFilters`, `ec2TagSet`, `autoscalingGroups` and `fleet`, got `ec2TagFilters` and `autoscalingGroups`.",
  ],
  ["empty ec2TagFilters", { ec2TagFilters: [] }, "`ec2TagFilters` must hold at least one tag filter."],
  ["empty tag key", { ec2TagFilters: [{ key: "" }] }, '`ec2TagFilters[0].key` must be a tag key of 1 to 128 characters, got "".'],
  [
    "too many tag groups",
    { ec2TagSet: [[{ key: "a" }], [{ key: "b" }], [{ key: "c" }], [{ key: "d" }]] },
    "`ec2TagSet` must hold 1 to 3 tag groups, got 4.",
  ],
  ["empty tag group", { ec2TagSet: [[{ key: "a" }], []] }, "`ec2TagSet[1]` must hold at least one tag filter."],
  ["empty autoscalingGroups", { autoscalingGroups: [] }, "`autoscalingGroups` must name at least one Auto Scaling group."],
  [
    "fleet.instanceType",
    { fleet: { ...FLEET, instanceType: "micro" } },
    '`fleet.instanceType` must be an EC2 instance type such as "t3.micro", got "micro".',
  ],
  ["fleet.subnetIds", { fleet: { ...FLEET, subnetIds: [] } }, "`fleet.subnetIds` must list at least one subnet, got []."],
  ["fleet.vpcId", { fleet: { ...FLEET, vpcId: "" } }, "`fleet.vpcId` is required: the VPC of `fleet.subnetIds`."],
  ["fleet.maxSize", { fleet: { ...FLEET, maxSize: 0 } }, "`fleet.maxSize` must be a whole number of at least 1, got 0."],
  [
    "fleet.minSize > maxSize",
    { fleet: { ...FLEET, minSize: 3, maxSize: 2 } },
    "`fleet.minSize` (3) must not be greater than `fleet.maxSize` (2).",
  ],
  [
    "fleet.desiredCapacity",
    { fleet: { ...FLEET, desiredCapacity: 5 } },
    "`fleet.desiredCapacity` must be between `fleet.minSize` (1) and `fleet.maxSize` (2), got 5.",
  ],
  [
    "fleet.rootVolumeSizeGiB",
    { fleet: { ...FLEET, rootVolumeSizeGiB: 4 } },
    "`fleet.rootVolumeSizeGiB` must be a whole number from 8 to 16384, got 4.",
  ],
  [
    "deploymentStrategy",
    { deploymentStrategy: "Blue" as any },
    '`deploymentStrategy` must be one of OneAtATime, HalfAtATime, AllAtOnce, got "Blue".',
  ],
  [
    "strategy and minimumHealthyHosts",
    { deploymentStrategy: "AllAtOnce", minimumHealthyHosts: { hostCount: 1 } },
    "Give either `deploymentStrategy` or `minimumHealthyHosts`, not both.",
  ],
  [
    "minimumHealthyHosts both",
    { minimumHealthyHosts: { hostCount: 1, fleetPercent: 50 } },
    "`minimumHealthyHosts` takes exactly one of `hostCount` and `fleetPercent`.",
  ],
  ["minimumHealthyHosts none", { minimumHealthyHosts: {} }, "`minimumHealthyHosts` takes exactly one of `hostCount` and `fleetPercent`."],
  [
    "hostCount",
    { minimumHealthyHosts: { hostCount: -1 } },
    "`minimumHealthyHosts.hostCount` must be a whole number of at least 0, got -1.",
  ],
  [
    "fleetPercent",
    { minimumHealthyHosts: { fleetPercent: 100 } },
    "`minimumHealthyHosts.fleetPercent` must be a whole number from 0 to 99, got 100.",
  ],
  ["no alarms", { rollbackAlarmNames: [] }, "`rollbackAlarmNames` must name 1 to 10 alarms, got 0."],
  [
    "too many alarms",
    { rollbackAlarmNames: Array.from({ length: 11 }, (_, i) => `a${i}`) },
    "`rollbackAlarmNames` must name 1 to 10 alarms, got 11.",
  ],
  ["empty alarm name", { rollbackAlarmNames: [""] }, '`rollbackAlarmNames[0]` must be an alarm name of 1 to 255 characters, got "".'],
  ["agentInstallation", { agentInstallation: "manual" as any }, '`agentInstallation` must be "ssm" or "userData", got "manual".'],
  [
    "userData without fleet",
    { agentInstallation: "userData" },
    '`agentInstallation: "userData"` applies to a created `fleet` only; use "ssm" for existing instances.',
  ],
  [
    "artifactBucketArn",
    { artifactBucketArn: "my-bucket" },
    '`artifactBucketArn` must be an S3 bucket ARN such as "arn:aws:s3:::my-artifacts", got "my-bucket".',
  ],
  [
    "artifactKeyArn",
    { artifactKeyArn: "alias/x" },
    '`artifactKeyArn` must be a KMS key ARN such as "arn:aws:kms:us-east-1:111122223333:key/<id>", got "alias/x".',
  ],
  ["artifactKeyPrefix alone", { artifactKeyPrefix: "app/" }, "`artifactKeyPrefix` applies with `artifactBucketArn` only."],
  [
    "artifactKeyPrefix wildcard",
    { artifactBucketArn: "arn:aws:s3:::b-1", artifactKeyPrefix: "app/*" },
    '`artifactKeyPrefix` must be a non-empty key prefix without a leading "/" or wildcards, got "app/*".',
  ],
  [
    "encryptionKey without fleet",
    { encryptionKey: { keyArn: "arn:aws:kms:us-east-1:123456789012:key/k" } },
    "`encryptionKey` encrypts the created `fleet`'s volumes; remove it or add `fleet`.",
  ],
];

describe("Ec2FleetTarget", () => {
  describe("validation", () => {
    for (const [what, args, message] of CASES) {
      it(`throws when ${what} is invalid, before any child`, async () => {
        expect(() => validateEc2FleetTargetArgs(args)).to.throw(message);
        let error: Error | undefined;
        try {
          new Ec2FleetTarget("web", args);
        } catch (e) {
          error = e as Error;
        }
        expect(error?.message).to.equal(message);
        await settle();
        expect(recorded.map((r) => r.type)).to.deep.equal(["aws-cicd:index:Ec2FleetTarget"]);
      });
    }
  });
});
