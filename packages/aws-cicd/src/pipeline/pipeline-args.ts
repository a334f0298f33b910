import * as pulumi from "@pulumi/pulumi";
import { KeyReference } from "../security/encryption-key";
import { SecureBucketOptions } from "../security/secure-bucket-args";
import { StageArgs } from "./stages";

/** CodePipeline pipeline types. */
export const PipelineType = {
  /** The original type. */
  V1: "V1",
  /** Variables, execution modes and triggers. */
  V2: "V2",
} as const;
/** `"V1"` or `"V2"` ({@link PipelineType}). */
export type PipelineType = (typeof PipelineType)[keyof typeof PipelineType];

/** How CodePipeline handles a new execution while one runs. */
export const ExecutionMode = {
  /** `"QUEUED"` */
  Queued: "QUEUED",
  /** `"SUPERSEDED"` */
  Superseded: "SUPERSEDED",
  /** `"PARALLEL"` */
  Parallel: "PARALLEL",
} as const;
/** One of {@link ExecutionMode}. */
export type ExecutionMode = (typeof ExecutionMode)[keyof typeof ExecutionMode];
/** AWS's default: a newer execution overtakes an older one waiting between stages. */
export const DEFAULT_EXECUTION_MODE: ExecutionMode = "SUPERSEDED";
/** Pipeline type: V2 has variables, triggers, execution modes and per-action-minute pricing. */
export const DEFAULT_PIPELINE_TYPE = "V2";
/** Most pipeline-level variables CodePipeline accepts. */
export const MAX_PIPELINE_VARIABLES = 50;

/** Execution states (other than FAILED) that can be notified. */
export const PipelineExecutionState = {
  /** `"CANCELED"` */
  Canceled: "CANCELED",
  /** `"RESUMED"` */
  Resumed: "RESUMED",
  /** `"STARTED"` */
  Started: "STARTED",
  /** `"STOPPED"` */
  Stopped: "STOPPED",
  /** `"STOPPING"` */
  Stopping: "STOPPING",
  /** `"SUCCEEDED"` */
  Succeeded: "SUCCEEDED",
  /** `"SUPERSEDED"` */
  Superseded: "SUPERSEDED",
} as const;
/** One of {@link PipelineExecutionState}. */
export type PipelineExecutionState = (typeof PipelineExecutionState)[keyof typeof PipelineExecutionState];
/** Every state accepted in `notifications.executionStates`. */
export const NOTIFIABLE_EXECUTION_STATES: readonly PipelineExecutionState[] = [
  "CANCELED",
  "RESUMED",
  "STARTED",
  "STOPPED",
  "STOPPING",
  "SUCCEEDED",
  "SUPERSEDED",
];
/** Execution states notified by default, besides FAILED (which has its own rule, always on). */
export const DEFAULT_NOTIFIED_EXECUTION_STATES: readonly PipelineExecutionState[] = ["SUCCEEDED", "SUPERSEDED"];

/** A pipeline-level variable (V2), read in action configurations as `#{variables.<name>}`. */
export interface PipelineVariableArgs {
  /** Name: letters, digits, `@`, `-`, `_`, at most 128. */
  name: string;
  /**
   * Value used when an execution does not set one.
   * @default - none: executions must set it.
   */
  defaultValue?: pulumi.Input<string>;
  /**
   * Description shown when starting an execution.
   * @default - none.
   */
  description?: pulumi.Input<string>;
}

/** An existing artifact bucket and the customer key its artifacts are encrypted with. */
export interface ArtifactBucketReference {
  /** Name of the bucket (versioned, in the pipeline's region). */
  bucketName: pulumi.Input<string>;
  /**
   * ARN of the bucket.
   * @default - `arn:<partition>:s3:::<bucketName>`.
   */
  bucketArn?: pulumi.Input<string>;
  /** ARN of the customer managed key CodePipeline encrypts artifacts with. */
  keyArn: pulumi.Input<string>;
}

/**
 * The artifact store of one region where actions run besides the pipeline's own (`region` on an
 * action): CodePipeline needs a bucket and a key in that region, in the pipeline's account, and
 * copies the actions' input artifacts there
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-create-cross-region.html).
 */
export interface RegionalArtifactStoreArgs {
  /** The region, such as "eu-west-1": one that an action names in `region`. */
  region: string;
  /**
   * Existing bucket and key of that region (the key's ARN names the region). Their policies are
   * yours to keep right: the pipeline role reads and writes objects and uses the key through S3,
   * and an action's `roleArn` in another account reads objects and decrypts through S3.
   * @default - a new {@link EncryptionKey} `<name>-<region>-key` and {@link SecureBucket}
   *   `<name>-<region>-artifacts`, created in that region by the pipeline's own provider (the AWS
   *   provider's per-resource `region`), whose policies let in the roles of that region's actions.
   */
  artifactBucket?: ArtifactBucketReference;
  /**
   * Settings of the created bucket (not with `artifactBucket`), e.g. `accessLogs` to a log bucket of that region.
   * @default - {@link SecureBucket}'s defaults.
   */
  artifactBucketOptions?: ArtifactBucketOptions;
}

/** Notifications of a pipeline, through EventBridge rules to an SNS topic. */
export interface PipelineNotificationArgs {
  /**
   * Send notifications. **Warning:** `false` leaves failures and pending approvals unnoticed
   * until someone opens the console.
   * @default true
   */
  enabled?: boolean;
  /**
   * Existing topic to notify (its policy must let `events.amazonaws.com` publish, and its key let EventBridge use it).
   * @default - a new {@link SecureTopic} `<name>-notifications`, encrypted with the pipeline's key.
   */
  topicArn?: pulumi.Input<string>;
  /**
   * Email addresses subscribed to the created topic (each must confirm). Not with `topicArn`.
   * @default - no subscriptions.
   */
  emailSubscriptions?: string[];
  /**
   * Execution states notified by the `<name>-execution-state` rule; `[]` for none. FAILED is not
   * listed here: the `<name>-execution-failed` rule always notifies it.
   * @default ["SUCCEEDED", "SUPERSEDED"] ({@link DEFAULT_NOTIFIED_EXECUTION_STATES})
   */
  executionStates?: PipelineExecutionState[];
  /**
   * Notify when a manual approval starts waiting (`<name>-approval-needed` rule; only created when the pipeline has approvals).
   * @default true
   */
  approvalNeeded?: boolean;
}

/** Settings of the artifact bucket the pipeline creates. */
// An interface (not a type alias) so that the schema analyzer sees a named object type; not a
// `Pick<SecureBucketArgs, ...>`, whose properties the analyzer can only type as `Any`.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ArtifactBucketOptions extends SecureBucketOptions {}

/** Arguments of {@link Pipeline}. */
export interface PipelineArgs {
  /** Stages in order: the first holds only sources; at least two. */
  stages: StageArgs[];
  /**
   * Customer managed key for artifacts (when the bucket is created) and for the topics the pipeline creates.
   * When actions run with their own `roleArn` (a role in another account), your key's policy must
   * let exactly those roles use it through S3: list them in your `EncryptionKey`'s
   * `principalArns` (readers) or `writerPrincipalArns` (actions with outputs); the pipeline does not
   * change a key it did not create. The key the pipeline creates lists them itself.
   * @default - `artifactBucket.keyArn` when given, else a new `EncryptionKey` `<name>-key` whose
   *   `principalArns` and `writerPrincipalArns` are the actions' `roleArn`s.
   */
  encryptionKey?: KeyReference;
  /**
   * Existing artifact bucket and key. Its bucket policy and key policy are yours to keep right.
   * @default - a new {@link SecureBucket} `<name>-artifacts` encrypted with `encryptionKey`.
   */
  artifactBucket?: ArtifactBucketReference;
  /**
   * Settings of the created artifact bucket (not with `artifactBucket`).
   * @default - {@link SecureBucket}'s defaults: 90-day expiry, 30-day noncurrent expiry, retained, no access logs (waiver documented there).
   */
  artifactBucketOptions?: ArtifactBucketOptions;
  /**
   * Artifact stores of the regions actions run in besides the pipeline's own (`region` on an
   * action), one per region. List a region to give its bucket and key (`artifactBucket`) or the
   * created bucket's settings. Once one store is given, every such region must be listed.
   * @default - for each region of an action, a new key and bucket in that region (see {@link RegionalArtifactStoreArgs}).
   */
  regionalArtifactStores?: RegionalArtifactStoreArgs[];
  /**
   * Physical pipeline name: letters, digits, `.`, `@`, `-`, `_`, at most 100.
   * @default - `<project>-<stack>-<name>`, known before creation so ARNs in conditions are exact.
   */
  pipelineName?: string;
  /**
   * Physical name of the pipeline role (at most 64 characters). A fixed name lets roles in other
   * accounts trust this role before it exists; IAM names are global to the account, so two stacks must not share one.
   * @default - `<project>-<stack>-<name>-pipeline` cut to 64 characters.
   */
  roleName?: string;
  /**
   * Permissions boundary of the pipeline role.
   * @default - none.
   */
  rolePermissionsBoundary?: pulumi.Input<string>;
  /**
   * `V2` (variables, execution modes) or `V1`.
   * @default "V2"
   */
  pipelineType?: PipelineType;
  /**
   * How a new execution treats one in progress. `PARALLEL` is refused when the pipeline updates
   * itself (a `PulumiSelfUpdate` stage), whose README tells how each mode behaves then.
   * @default "SUPERSEDED" ({@link DEFAULT_EXECUTION_MODE})
   */
  executionMode?: ExecutionMode;
  /**
   * Pipeline-level variables (V2 only), at most 50.
   * @default - none.
   */
  variables?: PipelineVariableArgs[];
  /**
   * Notifications of failures, other execution states and pending approvals.
   * @default - on: a new encrypted topic, FAILED always, SUCCEEDED and SUPERSEDED, approvals needed.
   */
  notifications?: PipelineNotificationArgs;
  /**
   * Tags of the pipeline, its role and the artifact bucket it creates.
   * @default - no tags.
   */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}
