import {
  BucketLocation,
  BUILD_NOTIFICATION_EVENTS,
  BuildProjectArgs,
  LOCAL_CACHE_MODES,
  BUILD_LOG_RETENTION_DAYS,
} from "./build-project-args";
import { buildSpecReferences, validateBuildSpec } from "./buildspec-validate";
import { checkBuildSpecCommands } from "./plaintext-secrets";
import { REPORT_GROUP_NAME_PATTERN } from "./buildspec-validate-outputs";
import { environmentReferences, validateComputeType, validateEnvironmentVariables, validateImage } from "./environment";
import { reportGroupName, reportGroupsToCreate, reportGroupType } from "./report-groups";
import { checkKeyArnArg, S3_BUCKET_NAME_PATTERN } from "../internal/arns";
import { ArgTypes, checkArgsObject, checkTypes } from "../internal/types";
import { checkEmails } from "../internal/emails";

/** CodeBuild's rule for project names. */
export const PROJECT_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{1,254}$/;
/** CodeBuild's rule for report group names. */
const REPORT_GROUP_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{1,127}$/;

const S3_PREFIX = /^[A-Za-z0-9!_.*'()-]+(\/[A-Za-z0-9!_.*'()-]+)*$/;

/** Throws unless `value` is a whole number from `min` to `max`. */
function validateRange(arg: string, value: number | undefined, min: number, max: number): void {
  if (value !== undefined && (!Number.isInteger(value) || value < min || value > max)) {
    throw new Error(`\`${arg}\` must be between ${min} and ${max}, got ${value}.`);
  }
}

/** Validates a project name against CodeBuild's rule. */
export function validateProjectName(name: string, arg = "projectName"): void {
  if (!PROJECT_NAME_PATTERN.test(name)) {
    throw new Error(`\`${arg}\` must be 2 to 255 characters, letters, digits, "-" or "_", starting with a letter or digit, got "${name}".`);
  }
}

/** Validates a bucket location arg (`s3Logs`, `cache.s3`...). */
function validateBucketLocation(arg: string, location: BucketLocation | undefined): void {
  if (location === undefined) return;
  if (
    typeof location.bucketName === "string" &&
    (!S3_BUCKET_NAME_PATTERN.test(location.bucketName) || location.bucketName.includes(".."))
  ) {
    throw new Error(`\`${arg}.bucketName\` must be an S3 bucket name (not an ARN), got "${location.bucketName}".`);
  }
  if (location.prefix !== undefined && !S3_PREFIX.test(location.prefix)) {
    throw new Error(
      `\`${arg}.prefix\` must be a key prefix without leading or trailing "/" (letters, digits and !_.*'()- between slashes), got "${location.prefix}".`,
    );
  }
}

/** Validates a git branch name (no ref prefix). */
function validateBranch(branch: string): void {
  const ok =
    /^[A-Za-z0-9._/-]+$/.test(branch) &&
    !branch.startsWith("/") &&
    !branch.startsWith("-") &&
    !branch.startsWith("refs/") &&
    !branch.endsWith("/") &&
    !branch.endsWith(".lock") &&
    !branch.includes("..") &&
    !branch.includes("//");
  if (!ok) {
    throw new Error(
      `\`source.codeCommit.branch\` must be a branch name such as "main" or "release/1.2" (without "refs/heads/"), got "${branch}".`,
    );
  }
}

function validateSourceAndArtifacts(args: BuildProjectArgs): void {
  const cc = args.source?.codeCommit;
  if (args.source !== undefined && cc === undefined) {
    throw new Error("`source` must set `codeCommit`; leave `source` out for a CodePipeline source.");
  }
  if (cc !== undefined) {
    if (cc.branch !== undefined) validateBranch(cc.branch);
    validateRange("source.codeCommit.gitCloneDepth", cc.gitCloneDepth, 0, 2147483647);
  }
  if (args.artifacts !== undefined) {
    if (cc === undefined) {
      throw new Error("`artifacts` is only for a standalone `source.codeCommit` build; in a pipeline, the pipeline stores the artifacts.");
    }
    if (args.artifacts.s3 === undefined) throw new Error("`artifacts` must set `s3`.");
    validateBucketLocation("artifacts.s3", args.artifacts.s3);
  }
}

function validateCache(args: BuildProjectArgs): void {
  const cache = args.cache;
  if (cache === undefined) return;
  const set = [cache.local, cache.s3].filter((x) => x !== undefined).length;
  if (set !== 1) throw new Error(`\`cache\` must set exactly one of \`local\` or \`s3\`, got ${set === 0 ? "neither" : "both"}.`);
  if (cache.local !== undefined) {
    if (cache.local.length === 0) throw new Error(`\`cache.local\` must list at least one of ${LOCAL_CACHE_MODES.join(", ")}.`);
    for (const mode of cache.local) {
      if (!(LOCAL_CACHE_MODES as readonly string[]).includes(mode)) {
        throw new Error(`\`cache.local\` modes must be ${LOCAL_CACHE_MODES.join(", ")}, got "${mode}".`);
      }
    }
    if (new Set(cache.local).size !== cache.local.length) throw new Error("`cache.local` lists a mode twice.");
    if (cache.local.includes("LOCAL_DOCKER_LAYER_CACHE") && args.dockerBuilds !== true) {
      throw new Error(
        "`cache.local` mode LOCAL_DOCKER_LAYER_CACHE needs `dockerBuilds: true` (the Docker daemon runs in privileged mode).",
      );
    }
  }
  validateBucketLocation("cache.s3", cache.s3);
}

function validateVpc(args: BuildProjectArgs): void {
  const vpc = args.vpc;
  if (vpc === undefined) return;
  if (typeof vpc.vpcId === "string" && !/^vpc-[0-9a-f]{8,17}$/.test(vpc.vpcId)) {
    throw new Error(`\`vpc.vpcId\` must be a VPC id such as "vpc-0123456789abcdef0", got "${vpc.vpcId}".`);
  }
  if (vpc.subnetIds.length < 1 || vpc.subnetIds.length > 16) {
    throw new Error(`\`vpc.subnetIds\` must list 1 to 16 subnets, got ${vpc.subnetIds.length}.`);
  }
  if (vpc.securityGroupIds.length < 1 || vpc.securityGroupIds.length > 5) {
    throw new Error(`\`vpc.securityGroupIds\` must list 1 to 5 security groups, got ${vpc.securityGroupIds.length}.`);
  }
  for (const s of vpc.subnetIds) {
    if (typeof s === "string" && !/^subnet-[0-9a-f]{8,17}$/.test(s)) {
      throw new Error(`\`vpc.subnetIds\` must hold subnet ids such as "subnet-0123456789abcdef0", got "${s}".`);
    }
  }
  for (const g of vpc.securityGroupIds) {
    if (typeof g === "string" && !/^sg-[0-9a-f]{8,17}$/.test(g)) {
      throw new Error(`\`vpc.securityGroupIds\` must hold security group ids such as "sg-0123456789abcdef0", got "${g}".`);
    }
  }
}

/** Validates `reportGroupNames` and `coverageReportGroupNames`: report names as a buildspec writes them. */
function validateListedReports(args: BuildProjectArgs, projectName: string): void {
  const lists = [
    ["reportGroupNames", args.reportGroupNames ?? [], "TEST"],
    ["coverageReportGroupNames", args.coverageReportGroupNames ?? [], "CODE_COVERAGE"],
  ] as const;
  const inline = args.buildSpec?.reports ?? {};
  for (const [arg, names, type] of lists) {
    for (const report of names) {
      if (typeof report !== "string" || !REPORT_GROUP_NAME_PATTERN.test(report)) {
        throw new Error(
          `\`${arg}\` must hold report names as the buildspec's \`reports\` section writes them: 2 to 128 letters, digits, "-" or "_" starting with a letter or digit (not ARNs), got "${report}".`,
        );
      }
      const group = reportGroupName(projectName, report);
      if (!REPORT_GROUP_NAME.test(group)) {
        throw new Error(
          `\`${arg}\` name "${report}" gives the report group name "${group}", which CodeBuild refuses: report group names are 2 to 128 letters, digits, "-" or "_". Use a shorter report name or \`projectName\`.`,
        );
      }
      const declared = inline[report];
      if (declared !== undefined && reportGroupType(declared) !== type) {
        const other = type === "TEST" ? "coverageReportGroupNames" : "reportGroupNames";
        throw new Error(
          `\`${arg}\` lists "${report}", which \`buildSpec.reports\` declares as a ${type === "TEST" ? "code coverage" : "test"} report; list it in \`${other}\` or leave it out.`,
        );
      }
    }
  }
  const both = (args.reportGroupNames ?? []).filter((r) => (args.coverageReportGroupNames ?? []).includes(r));
  if (both.length > 0) {
    throw new Error(
      `\`coverageReportGroupNames\` and \`reportGroupNames\` both list "${both[0]}"; a report is either a test or a code coverage report.`,
    );
  }
}

function validateMonitoring(args: BuildProjectArgs): void {
  const m = args.monitoring;
  if (m === undefined) return;
  if (m.topicArn !== undefined && m.emailSubscriptions !== undefined) {
    throw new Error(
      "`monitoring.emailSubscriptions` only subscribes to the topic the component creates; subscribe to your `monitoring.topicArn` yourself.",
    );
  }
  checkEmails("monitoring.emailSubscriptions", m.emailSubscriptions);
  for (const e of m.notificationEvents ?? []) {
    if (!(BUILD_NOTIFICATION_EVENTS as readonly string[]).includes(e)) {
      throw new Error(`\`monitoring.notificationEvents\` must hold ${BUILD_NOTIFICATION_EVENTS.join(", ")}, got "${e}".`);
    }
  }
  if (m.notificationEvents !== undefined && m.notificationEvents.length === 0) {
    throw new Error("`monitoring.notificationEvents` must list at least one event; leave it out for no notification rule.");
  }
  if (m.failedBuildsAlarm === false && m.notificationEvents === undefined && (m.emailSubscriptions ?? []).length > 0) {
    throw new Error(
      "`monitoring.emailSubscriptions` has nothing to receive: with `monitoring.failedBuildsAlarm: false` and no `monitoring.notificationEvents`, no topic is created. Keep the alarm, add `notificationEvents`, or remove `emailSubscriptions`.",
    );
  }
  if (typeof m.topicArn === "string" && !/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/.test(m.topicArn)) {
    throw new Error(`\`monitoring.topicArn\` must be an SNS topic ARN, got "${m.topicArn}".`);
  }
}

/** The kinds of {@link BuildProjectArgs}' arguments, checked first (JavaScript callers). */
const BUILD_PROJECT_ARG_TYPES: ArgTypes = {
  objects: {
    source: "`codeCommit`",
    artifacts: "artifact settings",
    image: "`managed` or `ecr`",
    environmentVariables: "variables by name",
    buildSpec: "`version` and `phases`",
    cache: "`local` or `s3`",
    vpc: "`vpcId`, `subnetIds` and `securityGroupIds`",
    reportExport: "`bucketName`",
    s3Logs: "`bucketName`",
    monitoring: "monitoring settings",
  },
  required: ["vpc.vpcId", "vpc.subnetIds", "vpc.securityGroupIds", "reportExport.bucketName", "s3Logs.bucketName"],
  keys: ["encryptionKey"],
  booleans: ["dockerBuilds", "monitoring.failedBuildsAlarm"],
  numbers: ["timeoutInMinutes", "queuedTimeoutInMinutes", "concurrentBuildLimit", "logRetentionInDays"],
  strings: ["projectName", "buildSpecFile", "computeType"],
  lists: ["vpc.subnetIds", "vpc.securityGroupIds"],
  stringLists: [
    "reportGroupNames",
    "coverageReportGroupNames",
    "cache.local",
    "monitoring.emailSubscriptions",
    "monitoring.notificationEvents",
  ],
  inputLists: ["secretsKeyArns"],
};

/**
 * Validates every {@link BuildProjectArgs} field that is known at construction; throws a
 * plain `Error` whose message names the arg. `projectName` is the resolved physical name.
 */
export function validateBuildProjectArgs(args: BuildProjectArgs, projectName: string): void {
  checkArgsObject(args, false);
  checkTypes(args, BUILD_PROJECT_ARG_TYPES);
  checkKeyArnArg("encryptionKey.keyArn", args.encryptionKey?.keyArn);
  (args.secretsKeyArns ?? []).forEach((k, i) => checkKeyArnArg(`secretsKeyArns[${i}]`, k));
  validateProjectName(projectName);
  validateRange("timeoutInMinutes", args.timeoutInMinutes, 5, 2160);
  validateRange("queuedTimeoutInMinutes", args.queuedTimeoutInMinutes, 5, 480);
  if (args.concurrentBuildLimit !== undefined && (!Number.isInteger(args.concurrentBuildLimit) || args.concurrentBuildLimit < 1)) {
    throw new Error(`\`concurrentBuildLimit\` must be a whole number of at least 1, got ${args.concurrentBuildLimit}.`);
  }
  if (args.logRetentionInDays !== undefined && !(BUILD_LOG_RETENTION_DAYS as readonly number[]).includes(args.logRetentionInDays)) {
    throw new Error(`\`logRetentionInDays\` must be one of ${BUILD_LOG_RETENTION_DAYS.join(", ")}, got ${args.logRetentionInDays}.`);
  }
  if (args.buildSpec !== undefined && args.buildSpecFile !== undefined) {
    throw new Error("`buildSpec` and `buildSpecFile` are exclusive: give the buildspec inline or name its file in the source.");
  }
  if (
    args.buildSpecFile !== undefined &&
    (args.buildSpecFile.length === 0 || args.buildSpecFile.startsWith("/") || args.buildSpecFile.includes(".."))
  ) {
    throw new Error(
      `\`buildSpecFile\` must be a path relative to the source root such as "ci/buildspec.yml", got "${args.buildSpecFile}".`,
    );
  }
  if (args.buildSpec !== undefined) {
    validateBuildSpec(args.buildSpec, "buildSpec");
    checkBuildSpecCommands(args.buildSpec, "buildSpec");
    for (const report of Object.keys(args.buildSpec.reports ?? {})) {
      if (report.startsWith("arn:")) continue;
      const group = reportGroupName(projectName, report);
      if (!REPORT_GROUP_NAME.test(group)) {
        throw new Error(
          `\`buildSpec.reports\` name "${report}" gives the report group name "${group}", which CodeBuild refuses: report group names are 2 to 128 letters, digits, "-" or "_". Use a shorter name or a report group ARN.`,
        );
      }
    }
  }
  validateSourceAndArtifacts(args);
  validateImage(args.image);
  validateComputeType(args.computeType);
  validateEnvironmentVariables(args.environmentVariables);
  validateBucketLocation("s3Logs", args.s3Logs);
  validateBucketLocation("reportExport", args.reportExport);
  validateCache(args);
  validateVpc(args);
  validateMonitoring(args);
  if (args.secretsKeyArns !== undefined) {
    const env = environmentReferences(args.environmentVariables);
    const spec = args.buildSpec !== undefined ? buildSpecReferences(args.buildSpec) : { parameterNames: [], secretIds: [] };
    if (env.parameters.length + env.secrets.length + spec.parameterNames.length + spec.secretIds.length === 0) {
      throw new Error(
        "`secretsKeyArns` only serves to read SSM parameters or secrets, and none is referenced: add them to `environmentVariables` (or the `buildSpec` env) or leave `secretsKeyArns` out.",
      );
    }
  }
  validateListedReports(args, projectName);
  if (
    args.reportExport !== undefined &&
    Object.keys(reportGroupsToCreate(args.buildSpec, args.reportGroupNames, args.coverageReportGroupNames)).length === 0
  ) {
    throw new Error(
      "`reportExport` needs report groups to export: declare `reports` in `buildSpec`, or list a buildspec file's reports in `reportGroupNames`.",
    );
  }
}
