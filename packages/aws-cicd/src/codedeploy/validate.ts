import { validateRolePath } from "../security/role-path";
import {
  CODEDEPLOY_BUILT_IN_CONFIGS,
  CODEDEPLOY_MAX_TAG_GROUPS,
  DEFAULT_FLEET_MAX_SIZE,
  DEFAULT_FLEET_MIN_SIZE,
  Ec2FleetArgs,
  Ec2FleetTargetArgs,
  Ec2TagFilter,
} from "./ec2-fleet-target-args";
import { checkKeyArnArg, KMS_KEY_ARN_PATTERN, S3_BUCKET_ARN_PATTERN } from "../internal/arns";
import { checkArgsObject, checkList, checkTypes } from "../internal/types";
import { checkRollbackAlarms } from "./rollback";
import { checkEc2BlueGreen } from "./blue-green";

/** CodeDeploy application and deployment group names: 1 to 100 characters. */
export const CODEDEPLOY_NAME_PATTERN = /^[A-Za-z0-9._+=,@-]{1,100}$/;
/** EC2 instance types such as `t3.micro`. */
export const EC2_INSTANCE_TYPE_PATTERN = /^[a-z][a-z0-9-]*\.[a-z0-9]+$/;

const isWhole = (v: unknown, min: number, max = Number.MAX_SAFE_INTEGER): boolean =>
  // Stryker disable next-line ConditionalExpression: equivalent, Number.isInteger is false for anything but a number.
  typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;

function checkNames(args: Ec2FleetTargetArgs): void {
  for (const key of ["applicationName", "deploymentGroupName"] as const) {
    const v = args[key];
    // Stryker disable next-line ConditionalExpression: equivalent, the pattern tests undefined as "undefined", which it accepts.
    if (v !== undefined && !CODEDEPLOY_NAME_PATTERN.test(v)) {
      throw new Error(`\`${key}\` must be 1 to 100 letters, digits or ._+=,@- characters, got "${v}".`);
    }
  }
}

function checkFilters(at: string, filters: Ec2TagFilter[]): void {
  if (filters.length === 0) throw new Error(`\`${at}\` must hold at least one tag filter.`);
  filters.forEach((f, i) => {
    if (typeof f.key !== "string" || f.key.length === 0 || f.key.length > 128) {
      throw new Error(`\`${at}[${i}].key\` must be a tag key of 1 to 128 characters, got "${f.key}".`);
    }
    if (f.value !== undefined && (typeof f.value !== "string" || f.value.length > 256)) {
      throw new Error(`\`${at}[${i}].value\` must be a tag value of at most 256 characters, got "${f.value}".`);
    }
  });
}

function checkTargeting(args: Ec2FleetTargetArgs): void {
  const given = (["ec2TagFilters", "ec2TagSet", "autoscalingGroups", "fleet"] as const).filter((k) => args[k] !== undefined);
  if (given.length > 1) {
    throw new Error(
      `Give only one of \`ec2TagFilters\`, \`ec2TagSet\`, \`autoscalingGroups\` and \`fleet\`, got ${given.map((k) => `\`${k}\``).join(" and ")}.`,
    );
  }
  if (args.ec2TagFilters !== undefined) checkFilters("ec2TagFilters", args.ec2TagFilters);
  if (args.ec2TagSet !== undefined) {
    const n = args.ec2TagSet.length;
    if (n < 1 || n > CODEDEPLOY_MAX_TAG_GROUPS) {
      throw new Error(`\`ec2TagSet\` must hold 1 to ${CODEDEPLOY_MAX_TAG_GROUPS} tag groups, got ${n}.`);
    }
    args.ec2TagSet.forEach((group, i) => checkFilters(`ec2TagSet[${i}]`, group));
  }
  if (args.autoscalingGroups !== undefined && args.autoscalingGroups.length === 0) {
    throw new Error("`autoscalingGroups` must name at least one Auto Scaling group.");
  }
  if (args.fleet !== undefined) checkFleet(args.fleet);
}

/** Validates {@link Ec2FleetArgs}; throws a plain `Error` naming the arg. */
export function checkFleet(f: Ec2FleetArgs): void {
  // Stryker disable next-line ConditionalExpression: equivalent, the pattern rejects any non-string (it needs a letter, then a dot).
  if (typeof f.instanceType !== "string" || !EC2_INSTANCE_TYPE_PATTERN.test(f.instanceType)) {
    throw new Error(`\`fleet.instanceType\` must be an EC2 instance type such as "t3.micro", got "${f.instanceType}".`);
  }
  if (!Array.isArray(f.subnetIds) || f.subnetIds.length === 0) {
    throw new Error(`\`fleet.subnetIds\` must list at least one subnet, got ${JSON.stringify(f.subnetIds ?? null)}.`);
  }
  if (typeof f.notificationTopicArn === "string" && !/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]{1,256}$/.test(f.notificationTopicArn)) {
    throw new Error(`\`fleet.notificationTopicArn\` must be an SNS topic ARN, got "${f.notificationTopicArn}".`);
  }
  if (f.notificationEmails !== undefined && f.notificationTopicArn !== undefined) {
    throw new Error(
      "`fleet.notificationEmails` subscribes to the created topic; with `fleet.notificationTopicArn` given, subscribe them to that topic yourself.",
    );
  }
  if (f.vpcId === undefined || f.vpcId === "") throw new Error("`fleet.vpcId` is required: the VPC of `fleet.subnetIds`.");
  for (const key of ["minSize", "maxSize", "desiredCapacity"] as const) {
    const v = f[key];
    if (v !== undefined && !isWhole(v, key === "maxSize" ? 1 : 0)) {
      throw new Error(`\`fleet.${key}\` must be a whole number of at least ${key === "maxSize" ? 1 : 0}, got ${v}.`);
    }
  }
  const min = f.minSize ?? DEFAULT_FLEET_MIN_SIZE;
  const max = f.maxSize ?? Math.max(DEFAULT_FLEET_MAX_SIZE, min);
  if (min > max) throw new Error(`\`fleet.minSize\` (${min}) must not be greater than \`fleet.maxSize\` (${max}).`);
  // Stryker disable next-line ConditionalExpression: equivalent, undefined compares false with both sizes.
  if (f.desiredCapacity !== undefined && (f.desiredCapacity < min || f.desiredCapacity > max)) {
    throw new Error(
      `\`fleet.desiredCapacity\` must be between \`fleet.minSize\` (${min}) and \`fleet.maxSize\` (${max}), got ${f.desiredCapacity}.`,
    );
  }
  if (f.rootVolumeSizeGiB !== undefined && !isWhole(f.rootVolumeSizeGiB, 8, 16384)) {
    throw new Error(`\`fleet.rootVolumeSizeGiB\` must be a whole number from 8 to 16384, got ${f.rootVolumeSizeGiB}.`);
  }
}

function checkDeployment(args: Ec2FleetTargetArgs): void {
  const s = args.deploymentStrategy;
  if (s !== undefined && !(s in CODEDEPLOY_BUILT_IN_CONFIGS)) {
    throw new Error(`\`deploymentStrategy\` must be one of ${Object.keys(CODEDEPLOY_BUILT_IN_CONFIGS).join(", ")}, got "${s}".`);
  }
  const m = args.minimumHealthyHosts;
  if (m !== undefined) {
    if (s !== undefined) throw new Error("Give either `deploymentStrategy` or `minimumHealthyHosts`, not both.");
    if ((m.hostCount === undefined) === (m.fleetPercent === undefined)) {
      throw new Error("`minimumHealthyHosts` takes exactly one of `hostCount` and `fleetPercent`.");
    }
    if (m.hostCount !== undefined && !isWhole(m.hostCount, 0)) {
      throw new Error(`\`minimumHealthyHosts.hostCount\` must be a whole number of at least 0, got ${m.hostCount}.`);
    }
    if (m.fleetPercent !== undefined && !isWhole(m.fleetPercent, 0, 99)) {
      throw new Error(`\`minimumHealthyHosts.fleetPercent\` must be a whole number from 0 to 99, got ${m.fleetPercent}.`);
    }
  }
  checkRollbackAlarms("rollbackAlarmNames", args.rollbackAlarmNames);
}

function checkAgentAndArtifacts(args: Ec2FleetTargetArgs): void {
  const a = args.agentInstallation;
  if (a !== undefined && a !== "ssm" && a !== "userData") throw new Error(`\`agentInstallation\` must be "ssm" or "userData", got "${a}".`);
  if (a === "userData" && args.fleet === undefined) {
    throw new Error('`agentInstallation: "userData"` applies to a created `fleet` only; use "ssm" for existing instances.');
  }
  const bucket = args.artifactBucketArn;
  if (typeof bucket === "string" && !S3_BUCKET_ARN_PATTERN.test(bucket)) {
    throw new Error(`\`artifactBucketArn\` must be an S3 bucket ARN such as "arn:aws:s3:::my-artifacts", got "${bucket}".`);
  }
  const key = args.artifactKeyArn;
  if (typeof key === "string" && !KMS_KEY_ARN_PATTERN.test(key)) {
    throw new Error(`\`artifactKeyArn\` must be a KMS key ARN such as "arn:aws:kms:us-east-1:111122223333:key/<id>", got "${key}".`);
  }
  const prefix = args.artifactKeyPrefix;
  if (prefix !== undefined) {
    if (bucket === undefined) throw new Error("`artifactKeyPrefix` applies with `artifactBucketArn` only.");
    if (prefix.length === 0 || prefix.startsWith("/") || /[*?]/.test(prefix)) {
      throw new Error(`\`artifactKeyPrefix\` must be a non-empty key prefix without a leading "/" or wildcards, got "${prefix}".`);
    }
  }
  if (args.encryptionKey !== undefined && args.fleet === undefined) {
    throw new Error("`encryptionKey` encrypts the created `fleet`'s volumes; remove it or add `fleet`.");
  }
}

/** Validates {@link Ec2FleetTargetArgs}; throws a plain `Error` naming the arg. */
export function validateEc2FleetTargetArgs(args: Ec2FleetTargetArgs): void {
  // Stryker disable next-line BooleanLiteral: equivalent, the constructor defaults `args` to `{}`, so undefined never reaches here.
  checkArgsObject(args, false);
  validateRolePath("instanceRolePath", args.instanceRolePath);
  checkList("ec2TagSet", args.ec2TagSet);
  (Array.isArray(args.ec2TagSet) ? args.ec2TagSet : []).forEach((group, i) => {
    const arg = `ec2TagSet[${i}]`;
    checkList(arg, group ?? null);
    checkTypes({ [arg]: group }, { objectLists: { [arg]: "`key` and `value`" } });
  });
  checkTypes(args, {
    objects: {
      fleet: "`instanceType`, `subnetIds` and `vpcId`",
      minimumHealthyHosts: "`hostCount` or `fleetPercent`",
      blueGreen: "`targetGroupArn`",
    },
    required: ["fleet.instanceType", "fleet.subnetIds", "fleet.vpcId", "blueGreen.targetGroupArn"],
    keys: ["encryptionKey"],
    numbers: [
      "fleet.minSize",
      "fleet.maxSize",
      "fleet.desiredCapacity",
      "fleet.rootVolumeSizeGiB",
      "minimumHealthyHosts.hostCount",
      "minimumHealthyHosts.fleetPercent",
      "blueGreen.manualRerouteWaitMinutes",
      "blueGreen.terminationWaitMinutes",
    ],
    strings: [
      "applicationName",
      "deploymentGroupName",
      "deploymentStrategy",
      "agentInstallation",
      "artifactKeyPrefix",
      "fleet.instanceType",
    ],
    lists: ["fleet.subnetIds"],
    objectLists: { ec2TagFilters: "`key` and `value`" },
    stringLists: ["fleet.notificationEmails"],
    inputLists: ["autoscalingGroups", "rollbackAlarmNames"],
  });
  checkKeyArnArg("encryptionKey.keyArn", args.encryptionKey?.keyArn);
  checkNames(args);
  checkTargeting(args);
  checkDeployment(args);
  checkEc2BlueGreen(args);
  checkAgentAndArtifacts(args);
}
