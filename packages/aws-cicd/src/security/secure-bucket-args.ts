import type * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { HiddenChild } from "../internal/hidden-child";
import { KeyReference } from "./encryption-key";
import { RolePathGrant } from "./role-path";

/** Days after which current objects expire (pipeline artifacts are rebuilt from source). */
export const DEFAULT_OBJECT_EXPIRATION_DAYS = 90;
/** Days after which a replaced or deleted object version is removed. */
export const DEFAULT_NONCURRENT_VERSION_EXPIRATION_DAYS = 30;
/** Days after which unfinished multipart uploads are aborted (their parts are billed). */
export const DEFAULT_ABORT_INCOMPLETE_UPLOAD_DAYS = 7;

/** Lifecycle of a {@link SecureBucket}'s objects. */
export interface SecureBucketLifecycle {
  /**
   * Days after creation when the current version of an object expires (becomes noncurrent).
   * @default 90 ({@link DEFAULT_OBJECT_EXPIRATION_DAYS})
   */
  expireObjectsAfterDays?: number;
  /**
   * Days after an object version becomes noncurrent when it is deleted.
   * @default 30 ({@link DEFAULT_NONCURRENT_VERSION_EXPIRATION_DAYS})
   */
  expireNoncurrentVersionsAfterDays?: number;
  /**
   * Days after which incomplete multipart uploads are aborted.
   * @default 7 ({@link DEFAULT_ABORT_INCOMPLETE_UPLOAD_DAYS})
   */
  abortIncompleteUploadsAfterDays?: number;
}

/** Server access logging of a {@link SecureBucket}. */
export interface SecureBucketAccessLogs {
  /**
   * Name of the bucket that receives the logs. It must let `logging.s3.amazonaws.com` write
   * (bucket policy) and use SSE-S3: S3 cannot deliver access logs to an SSE-KMS bucket.
   */
  bucketName: pulumi.Input<string>;
  /**
   * Key prefix of the log objects.
   * @default - `<name>/`.
   */
  prefix?: pulumi.Input<string>;
}

/**
 * Naming, expiry, logging and deletion settings of a {@link SecureBucket}: the part of its
 * arguments that a `Pipeline` also takes for the artifact bucket it creates.
 */
export interface SecureBucketOptions {
  /**
   * Prefix of the bucket's globally unique name (lowercase letters, digits, `.` and `-`, at most 37).
   * @default - `<name>` lowercased, other characters replaced by `-`.
   */
  bucketPrefix?: string;
  /**
   * Object expiration.
   * @default - current objects expire after 90 days, noncurrent versions after 30 days, incomplete uploads are aborted after 7 days.
   */
  lifecycle?: SecureBucketLifecycle;
  /**
   * Server access logging (AwsSolutions-S1, Security Hub S3.9).
   * @default - no access logs. Waiver: the bucket holds short-lived pipeline artifacts written and
   * read by the account's own service roles; API activity on it is in CloudTrail, and a log bucket
   * would need this same waiver itself. Pass a log bucket where object-level access logs are required.
   */
  accessLogs?: SecureBucketAccessLogs;
  /**
   * Keep the bucket, and its encryption, access block, policy and other settings, when the
   * stack is deleted. **Warning:** `false` lets `pulumi destroy` delete the bucket (and, with
   * `forceDestroy`, its data); the settings are deleted with it.
   * @default true
   */
  retainOnDelete?: boolean;
  /**
   * Let a delete empty the bucket first. **Warning:** deletes every object version.
   * @default false
   */
  forceDestroy?: boolean;
}

/** Arguments of {@link SecureBucket}. */
export interface SecureBucketArgs extends SecureBucketOptions {
  /**
   * Customer managed key of the bucket's default encryption (SSE-KMS, with an S3 Bucket Key).
   * @default - a new {@link EncryptionKey} named `<name>-key`.
   */
  encryptionKey?: KeyReference;
  /**
   * Exact IAM role ARNs (e.g. roles in other accounts running pipeline actions) allowed to read
   * objects (`s3:GetObject`, `s3:GetObjectVersion`) and locate the bucket (`s3:GetBucketLocation`).
   * Account roots (`:root`) and users are refused: name the roles (CKV_AWS_61). Roles in another
   * account also need the key policy to let them use the key (an `EncryptionKey`'s `principalArns`).
   * @default - none; principals of this account are granted through their IAM policies.
   */
  readerArns?: pulumi.Input<string>[];
  /**
   * Roles of other accounts granted by IAM path rather than by ARN, with the same actions as
   * `readerArns`: every role of `accountId` at `path` (the principal is the account, narrowed by an
   * `aws:PrincipalArn` `ArnLike` condition). The policy then stays the same size however many roles
   * read, which keeps a bucket shared by hundreds of cross-account roles under S3's 20 KB (a
   * `ServiceFleet` grants its deploy and instance roles so). The roles also need their own IAM
   * policy to read, and the key policy to decrypt (an `EncryptionKey`'s `principalRolePaths`).
   * **Warning:** anyone who may create roles at that path in that account can read the objects.
   * @default - none.
   */
  readerRolePaths?: RolePathGrant[];
  /**
   * Exact IAM role ARNs allowed to upload objects (`s3:PutObject`), under the encryption rules.
   * Account roots and users are refused, as for `readerArns`.
   * @default - none.
   */
  writerArns?: pulumi.Input<string>[];
  /**
   * Exact IAM role ARNs of CodeBuild projects of this account (their service roles) allowed to read
   * objects (`s3:GetObject`, `s3:GetObjectVersion`) and check the bucket (`s3:GetBucketAcl`,
   * `s3:GetBucketLocation`: CodeBuild checks its owner and region before using it). Roles that
   * also upload go in `writerArns` too. A `Pipeline` that creates its artifact bucket names here the
   * project roles of its CodeBuild actions, so that those roles need no identity statement per
   * bucket. Account roots and users are refused, as for `readerArns`.
   * @default - none.
   */
  codeBuildRoleArns?: pulumi.Input<string>[];
  /**
   * Send the bucket's events to Amazon EventBridge (needed to start a pipeline when an
   * S3 source object changes).
   * @default false
   */
  eventBridgeNotifications?: boolean;
  /**
   * Region of the bucket and its settings, when not the provider's: the same provider (credentials,
   * account) manages them there through the AWS provider's per-resource `region`
   * (https://www.pulumi.com/registry/packages/aws/how-to-guides/aws-enhanced-region-support/). Its
   * key must be of that region too (an `EncryptionKey` with the same `region`).
   * @default - the provider's region.
   */
  region?: string;
  /**
   * Tags of the bucket.
   * @default - no tags.
   */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** A setting's resource: the `@pulumi/aws` class, or a hidden child when `H` is true. */
type Setting<H extends boolean, T> = H extends true ? HiddenChild<object> : T;

/**
 * What `createSecureBucketChildren` (secure-bucket.ts) creates. The encryption, versioning, lifecycle and logging
 * settings are always the `@pulumi/aws` classes: those classes add aliases (to the `...V2` types of
 * earlier provider versions) that a hidden child would not.
 */
export interface SecureBucketChildren<H extends boolean> {
  bucket: aws.s3.Bucket;
  encryption: aws.s3.BucketServerSideEncryptionConfiguration;
  publicAccessBlock: Setting<H, aws.s3.BucketPublicAccessBlock>;
  ownershipControls: Setting<H, aws.s3.BucketOwnershipControls>;
  versioning: aws.s3.BucketVersioning;
  lifecycle: aws.s3.BucketLifecycleConfiguration;
  policy: Setting<H, aws.s3.BucketPolicy>;
  /** Present when `accessLogs` is given. */
  logging: aws.s3.BucketLogging | undefined;
  /** Present when `eventBridgeNotifications` is true. */
  notification: Setting<H, aws.s3.BucketNotification> | undefined;
  /** ARN of the key that encrypts the bucket. */
  keyArn: pulumi.Output<string>;
}
