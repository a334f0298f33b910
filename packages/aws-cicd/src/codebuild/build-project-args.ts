import * as pulumi from "@pulumi/pulumi";
import { KeyReference } from "../security/encryption-key";
import { BuildSpec } from "./buildspec-types";
import { BuildImage, ComputeType, EnvironmentVariable } from "./environment";

/** Build timeout when `timeoutInMinutes` is not given. */
export const DEFAULT_BUILD_TIMEOUT_MINUTES = 60;
/** How long a build may wait in the queue when `queuedTimeoutInMinutes` is not given (CodeBuild's maximum). */
export const DEFAULT_QUEUED_TIMEOUT_MINUTES = 480;
/** Days build logs are kept when `logRetentionInDays` is not given (one year, as CKV_AWS_338 asks). */
export const DEFAULT_BUILD_LOG_RETENTION_DAYS = 365;
/** Retention periods CloudWatch Logs accepts. */
export const BUILD_LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;
/** Branch a standalone CodeCommit source builds when `source.codeCommit.branch` is not given. */
export const DEFAULT_BUILD_SOURCE_BRANCH = "main";
/** Commits fetched by a standalone CodeCommit source when `gitCloneDepth` is not given (0 = full history). */
export const DEFAULT_GIT_CLONE_DEPTH = 1;
/** Folder of the default prefix `<folder>/<projectName>` of `s3Logs`. */
export const DEFAULT_S3_LOGS_PREFIX_FOLDER = "codebuild-logs";
/** Folder of the default prefix `<folder>/<projectName>` of `cache.s3`. */
export const DEFAULT_S3_CACHE_PREFIX_FOLDER = "codebuild-cache";
/** Folder of the default prefix `<folder>/<projectName>` of `artifacts.s3`. */
export const DEFAULT_S3_ARTIFACTS_PREFIX_FOLDER = "codebuild-artifacts";
/** Folder of the default prefix `<folder>/<projectName>` of `reportExport`. */
export const DEFAULT_REPORT_EXPORT_PREFIX_FOLDER = "codebuild-reports";
/** Local cache modes CodeBuild offers. */
export const LocalCacheMode = {
  /** Git metadata of the primary and secondary sources. */
  Source: "LOCAL_SOURCE_CACHE",
  /** Docker layers (needs `dockerBuilds: true`). */
  DockerLayer: "LOCAL_DOCKER_LAYER_CACHE",
  /** The directories the buildspec's `cache.paths` name. */
  Custom: "LOCAL_CUSTOM_CACHE",
} as const;
/** A local cache mode. */
export type LocalCacheMode = (typeof LocalCacheMode)[keyof typeof LocalCacheMode];
/** Every value of {@link LocalCacheMode}. */
export const LOCAL_CACHE_MODES: readonly LocalCacheMode[] = Object.values(LocalCacheMode);
/** Event type ids of CodeBuild notification rules. */
export const BuildNotificationEvent = {
  /** A build failed. */
  BuildStateFailed: "codebuild-project-build-state-failed",
  /** A build succeeded. */
  BuildStateSucceeded: "codebuild-project-build-state-succeeded",
  /** A build started. */
  BuildStateInProgress: "codebuild-project-build-state-in-progress",
  /** A build was stopped. */
  BuildStateStopped: "codebuild-project-build-state-stopped",
  /** A build phase failed. */
  BuildPhaseFailure: "codebuild-project-build-phase-failure",
  /** A build phase succeeded. */
  BuildPhaseSuccess: "codebuild-project-build-phase-success",
} as const;
/** A CodeBuild notification event type id. */
export type BuildNotificationEvent = (typeof BuildNotificationEvent)[keyof typeof BuildNotificationEvent];
/** Every value of {@link BuildNotificationEvent}. */
export const BUILD_NOTIFICATION_EVENTS: readonly BuildNotificationEvent[] = Object.values(BuildNotificationEvent);
/** Whether report groups delete their reports when destroyed (reports expire after 30 days anyway; export them to S3 to keep them). */
export const DEFAULT_DELETE_REPORTS = true;

/** A bucket (and prefix) the build writes to or reads from. The bucket must be encrypted with a KMS key. */
export interface BucketLocation {
  /** Name of the bucket (not its ARN). */
  bucketName: pulumi.Input<string>;
  /**
   * Key prefix, without leading or trailing `/`. The role may touch objects under it only.
   * @default - `<projectName>` under a purpose folder, see each arg.
   */
  prefix?: string;
  /**
   * KMS key that encrypts the bucket, when it is not the project's `encryptionKey`. The role
   * may use it only through S3.
   * @default - the bucket is encrypted with the project's `encryptionKey`.
   */
  keyArn?: pulumi.Input<string>;
}

/** A CodeCommit repository: a `CodeCommitRepo` of this library satisfies it. */
export interface CodeCommitRepositoryReference {
  /** ARN of the repository. */
  repositoryArn: pulumi.Input<string>;
  /** HTTPS clone URL of the repository. */
  cloneUrlHttp: pulumi.Input<string>;
  /**
   * Customer key encrypting the repository; the role may use it only through CodeCommit.
   * @default - no key grant (the repository uses the AWS managed key).
   */
  keyArn?: pulumi.Input<string>;
}

/** Where builds get their source from. */
export interface BuildSourceArgs {
  /**
   * Build a CodeCommit branch directly (standalone project, started by hand, a schedule or an
   * event rule). The role may `codecommit:GitPull` this repository only.
   * @default - required whenever `source` is given (leave `source` out for a pipeline source).
   */
  codeCommit?: CodeCommitBuildSourceArgs;
}

/** A CodeCommit branch that a standalone project builds. */
export interface CodeCommitBuildSourceArgs {
  /** The repository the build checks out. */
  repository: CodeCommitRepositoryReference;
  /**
   * Branch to build.
   * @default "main" ({@link DEFAULT_BUILD_SOURCE_BRANCH})
   */
  branch?: string;
  /**
   * Commits to fetch; 0 fetches the full history.
   * @default 1 ({@link DEFAULT_GIT_CLONE_DEPTH})
   */
  gitCloneDepth?: number;
}

/** Where a standalone build stores its output artifacts. */
export interface BuildArtifactsArgs {
  /** Bucket (and optional prefix) receiving the artifacts zip. */
  s3: BucketLocation;
}

/** Build cache: local on the build host, or in S3 (set exactly one). */
export interface BuildCacheArgs {
  /**
   * Local cache modes. `LOCAL_DOCKER_LAYER_CACHE` needs `dockerBuilds: true`.
   * @default - no local cache (set this or `s3`).
   */
  local?: LocalCacheMode[];
  /**
   * An S3 cache; `prefix` defaults to `codebuild-cache/<projectName>`. The role may read and
   * write objects under the prefix only.
   * @default - no S3 cache (set this or `local`).
   */
  s3?: BucketLocation;
}

/** VPC in which builds run (to reach private resources). */
export interface BuildVpcArgs {
  /** VPC the build runs in. */
  vpcId: pulumi.Input<string>;
  /** Private subnets with a route to the internet or VPC endpoints (1 to 16). */
  subnetIds: pulumi.Input<string>[];
  /** Security groups of the build's network interface (1 to 5). */
  securityGroupIds: pulumi.Input<string>[];
}

/** Failed-build alarm and build notifications. */
export interface BuildMonitoringArgs {
  /**
   * Create a CloudWatch alarm on the project's `FailedBuilds` metric.
   * **Warning:** `false` leaves failed builds without an alarm.
   * @default true
   */
  failedBuildsAlarm?: boolean;
  /**
   * SNS topic that receives the alarm and notifications. Its policy and key must let
   * CloudWatch and CodeStar Notifications publish (a `SecureTopic` does).
   * @default - a `SecureTopic` named `<name>-alerts`, encrypted with `encryptionKey`, is created when something publishes.
   */
  topicArn?: pulumi.Input<string>;
  /**
   * Email addresses subscribed to the created topic (not allowed with `topicArn`).
   * @default - no subscriptions.
   */
  emailSubscriptions?: string[];
  /**
   * Build events sent to the topic by a CodeStar notification rule (`BASIC` detail).
   * @default - no notification rule (the alarm covers failures).
   */
  notificationEvents?: BuildNotificationEvent[];
}

/**
 * Arguments of {@link BuildProject}. Everything is optional: `new BuildProject("build")` runs
 * `buildspec.yml` from a CodePipeline source on the default managed image, encrypted with a
 * new customer key, logging to an encrypted log group kept a year, alarming on failed builds.
 */
export interface BuildProjectArgs {
  /**
   * Physical project name: 2 to 255 letters, digits, `-` or `_`, starting with a letter or digit.
   * @default - `<project>-<stack>-<name>` (unique per stack, known before deployment so the role trust can name the project).
   */
  projectName?: string;
  /**
   * Description of the project.
   * @default - "Build project <name> (aws-cicd)".
   */
  description?: pulumi.Input<string>;
  /**
   * The buildspec, validated when the component is constructed and rendered as YAML into the
   * project. Its `reports` get report groups and its `parameter-store` and `secrets-manager`
   * entries get read permissions.
   * @default - the build reads `buildSpecFile` from its source.
   */
  buildSpec?: BuildSpec;
  /**
   * Path of the buildspec file in the source, when `buildSpec` is not given. Permissions for
   * parameters, secrets and report groups it uses are not derived from it: pass them as
   * `environmentVariables`, list its reports in `reportGroupNames` / `coverageReportGroupNames`,
   * or grant them with `BuildProject.addToRolePolicy`.
   * @default "buildspec.yml"
   */
  buildSpecFile?: string;
  /**
   * Names of the test reports of a buildspec file (`buildSpecFile` or `buildspec.yml`), exactly as
   * its `reports` section writes them. Each gets a `TEST` report group `<projectName>-<name>`, created
   * as for an inline `buildSpec`'s reports, and the role may write to it. Reports the file names by
   * ARN need no entry (grant them with `BuildProject.addToRolePolicy`). A name that the inline
   * `buildSpec.reports` also declares gets one group.
   * @default - none: no report group is created for a buildspec file's reports.
   */
  reportGroupNames?: string[];
  /**
   * Names of the code coverage reports of a buildspec file, as for `reportGroupNames`, each getting
   * a `CODE_COVERAGE` report group `<projectName>-<name>`.
   * @default - none.
   */
  coverageReportGroupNames?: string[];
  /**
   * Source of the builds.
   * @default - the CodePipeline action that starts the build provides the source and takes the artifacts.
   */
  source?: BuildSourceArgs;
  /**
   * Store the output artifacts of a standalone (`source.codeCommit`) build in S3, as a zip
   * under `<prefix>/<build id>/<projectName>` (`prefix` defaults to `codebuild-artifacts/<projectName>`).
   * Not allowed with a pipeline source.
   * @default - no artifacts (`NO_ARTIFACTS`) for a standalone source; the pipeline's for a pipeline source.
   */
  artifacts?: BuildArtifactsArgs;
  /**
   * Build image.
   * @default - `{ managed: "x86_64" }`: {@link MANAGED_IMAGE_X86_64}.
   */
  image?: BuildImage;
  /**
   * Compute type of the build host.
   * @default "BUILD_GENERAL1_SMALL"
   */
  computeType?: ComputeType;
  /**
   * Run the build in privileged mode so it can run a Docker daemon (`docker build`).
   * **Warning:** privileged builds have root access to the build host's kernel features;
   * enable only for Docker builds from trusted sources (Checkov CKV_AWS_316).
   * @default false
   */
  dockerBuilds?: boolean;
  /**
   * Environment variables, each a plain `value`, an SSM `parameter` or a Secrets Manager
   * `secret`. The role may read exactly the named parameters and secrets.
   * @default - none.
   */
  environmentVariables?: Record<string, EnvironmentVariable>;
  /**
   * Customer KMS keys that encrypt the SecureString parameters and secrets the build reads.
   * The role may decrypt with them only through SSM and Secrets Manager. Not needed for
   * values encrypted with the AWS managed keys `aws/ssm` and `aws/secretsmanager`.
   * @default - none.
   */
  secretsKeyArns?: pulumi.Input<string>[];
  /**
   * Customer key for build artifacts, logs, the alert topic and report exports. Its policy
   * must let CloudWatch Logs encrypt the log group, the account use it through S3, and
   * CloudWatch and CodeStar Notifications publish to the topic (an `EncryptionKey`'s does).
   * @default - a new `EncryptionKey` named `<name>-key`.
   */
  encryptionKey?: KeyReference;
  /**
   * Days to keep build logs; one of `BUILD_LOG_RETENTION_DAYS`.
   * @default 365
   */
  logRetentionInDays?: number;
  /**
   * Also write build logs to S3 (encrypted); `prefix` defaults to `codebuild-logs/<projectName>`.
   * @default - CloudWatch Logs only.
   */
  s3Logs?: BucketLocation;
  /**
   * Build cache.
   * @default - no cache.
   */
  cache?: BuildCacheArgs;
  /**
   * Run builds in a VPC.
   * @default - builds run outside any VPC of yours, with internet access.
   */
  vpc?: BuildVpcArgs;
  /**
   * Minutes after which a running build is stopped, 5 to 2160.
   * @default 60
   */
  timeoutInMinutes?: number;
  /**
   * Minutes a build may wait in the queue, 5 to 480.
   * @default 480
   */
  queuedTimeoutInMinutes?: number;
  /**
   * Maximum concurrent builds of this project (at least 1).
   * @default - no project limit; the account's concurrent build quota applies.
   */
  concurrentBuildLimit?: number;
  /**
   * Export the raw files of the created report groups to S3, encrypted with `keyArn` or the
   * project key; `prefix` defaults to `codebuild-reports/<projectName>`.
   * @default - no export; reports stay in CodeBuild (30 days).
   */
  reportExport?: BucketLocation;
  /**
   * Failed-build alarm and notifications.
   * @default - an alarm on failed builds notifying a new encrypted topic; no notification rule.
   */
  monitoring?: BuildMonitoringArgs;
  /**
   * Tags for every resource the component creates.
   * @default - no tags.
   */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}
