import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { validateComponentName } from "../internal/naming";
import { checkedKey, checkedRoleArns } from "../internal/arns";
import { keyOrNew } from "./encryption-key";
import {
  DEFAULT_ABORT_INCOMPLETE_UPLOAD_DAYS,
  DEFAULT_NONCURRENT_VERSION_EXPIRATION_DAYS,
  DEFAULT_OBJECT_EXPIRATION_DAYS,
  SecureBucketArgs,
  SecureBucketChildren,
} from "./secure-bucket-args";
import { checkPolicySizeNow, PolicyStatement, sizeCheckedPolicyDocument } from "./iam";
import { RolePathGrant, rolePathGrantParts } from "./role-path";
import { RESERVED_BUCKET_PREFIXES, validateSecureBucketArgs } from "./secure-bucket-validate";
import { asResourceError } from "../internal/errors";
import { applyString, interpolate } from "../internal/interpolate";
import { quietStacks } from "../internal/quiet-stacks";
import { HiddenChild } from "../internal/hidden-child";

export { RESERVED_BUCKET_PREFIXES, validateSecureBucketArgs };

/**
 * Action lists of {@link SecureBucket}'s bucket policy.
 * S3: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
 */

/**
 * Every S3 action, denied without TLS. This is the one wildcard in the library, and only in a
 * `Deny`: AWS Config's `s3-bucket-ssl-requests-only` (Security Hub S3.5) and cdk-nag S10 only
 * accept `s3:*` (or `*`) here, and a listed subset would leave the actions not listed open to
 * plain HTTP. It grants nothing.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html
 */
export const S3_TLS_GUARDED_ACTIONS = ["s3:*"] as const;
/**
 * The upload action whose encryption headers the bucket policy checks.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
 */
export const S3_UPLOAD_ACTIONS = ["s3:PutObject"] as const;
/**
 * What extra readers (e.g. a deploy role in another account, or a CodeBuild project's role) may do on objects.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-create-cross-account.html
 * @see https://docs.aws.amazon.com/codebuild/latest/userguide/setting-up-service-role.html
 */
export const S3_OBJECT_READ_ACTIONS = ["s3:GetObject", "s3:GetObjectVersion"] as const;
/**
 * What extra readers may do on the bucket itself.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-create-cross-account.html
 */
export const S3_BUCKET_LOCATE_ACTIONS = ["s3:GetBucketLocation"] as const;
/**
 * What extra writers (e.g. a CodeBuild project's role whose action has outputs) may do on objects.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-create-cross-account.html
 * @see https://docs.aws.amazon.com/codebuild/latest/userguide/setting-up-service-role.html
 */
export const S3_OBJECT_WRITE_ACTIONS = ["s3:PutObject"] as const;
/**
 * What CodeBuild service roles (`codeBuildRoleArns`) may do on the bucket itself: CodeBuild checks
 * its owner and region before using it.
 * @see https://docs.aws.amazon.com/codebuild/latest/userguide/setting-up-service-role.html
 */
export const S3_CODEBUILD_BUCKET_CHECK_ACTIONS = ["s3:GetBucketAcl", "s3:GetBucketLocation"] as const;

/**
 * The default bucket prefix of a component named `name`: `name` lowercased, characters other than
 * lowercase letters, digits, `.` and `-` replaced by `-`, leading non-alphanumerics dropped, cut to
 * 36 characters, then `-` (Pulumi appends a random suffix, which keeps bucket names unique).
 * Runs of `.` (S3 refuses two adjacent periods) become one, and a prefix S3 reserves
 * ({@link RESERVED_BUCKET_PREFIXES}) is preceded by `b-`.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
 */
export function defaultBucketPrefix(name: string): string {
  let p = name
    .toLowerCase()
    .replace(/[^a-z0-9.-]/g, "-")
    .replace(/\.{2,}/g, ".")
    .replace(/^[^a-z0-9]+/, "");
  if (RESERVED_BUCKET_PREFIXES.some((r) => p.startsWith(r))) p = `b-${p}`;
  return `${p.slice(0, 36) || "bucket"}-`;
}

/**
 * The bucket policy statements of a {@link SecureBucket}. Exported for tests and reviews.
 *
 * Encryption guards: the bucket's default encryption already encrypts an upload that sends no
 * encryption header with the customer key, so such uploads are allowed (the console and simple
 * clients keep working). Denied are uploads that ask for something else: another algorithm
 * (`AES256`), `aws:kms` without a key id (S3 would then use the AWS managed `aws/s3` key), or
 * another key. CodePipeline and CodeBuild send `aws:kms` with the artifact store's key ARN, which
 * passes. Name the key by its ARN or key id in the header; an alias is refused.
 */
export function secureBucketPolicy(
  bucketArn: pulumi.Input<string>,
  keyArn: pulumi.Input<string>,
  readerArns: pulumi.Input<string>[] = [],
  writerArns: pulumi.Input<string>[] = [],
  codeBuildRoleArns: pulumi.Input<string>[] = [],
  readerRolePaths: readonly RolePathGrant[] = [],
): PolicyStatement[] {
  const objects = interpolate`${bucketArn}/*`;
  const keyId = applyString(keyArn, (a) => a.substring(a.lastIndexOf("/") + 1));
  const sse = "s3:x-amz-server-side-encryption";
  const sseKey = "s3:x-amz-server-side-encryption-aws-kms-key-id";
  const statements: PolicyStatement[] = [
    {
      sid: "DenyInsecureTransport",
      effect: "Deny",
      principals: { any: true },
      actions: [...S3_TLS_GUARDED_ACTIONS],
      resources: [bucketArn, objects],
      conditions: { Bool: { "aws:SecureTransport": "false" } },
    },
    {
      sid: "DenyUploadsWithOtherEncryption",
      effect: "Deny",
      principals: { any: true },
      actions: [...S3_UPLOAD_ACTIONS],
      resources: [objects],
      conditions: { StringNotEquals: { [sse]: "aws:kms" }, Null: { [sse]: "false" } },
    },
    {
      sid: "DenyUploadsWithAwsManagedKey",
      effect: "Deny",
      principals: { any: true },
      actions: [...S3_UPLOAD_ACTIONS],
      resources: [objects],
      conditions: { StringEquals: { [sse]: "aws:kms" }, Null: { [sseKey]: "true" } },
    },
    {
      sid: "DenyUploadsWithOtherKeys",
      effect: "Deny",
      principals: { any: true },
      actions: [...S3_UPLOAD_ACTIONS],
      resources: [objects],
      conditions: { StringNotEquals: { [sseKey]: [keyArn, keyId] }, Null: { [sseKey]: "false" } },
    },
  ];
  if (readerArns.length > 0) {
    statements.push(
      { sid: "ReadersGetObjects", principals: { aws: readerArns }, actions: [...S3_OBJECT_READ_ACTIONS], resources: [objects] },
      { sid: "ReadersLocateBucket", principals: { aws: readerArns }, actions: [...S3_BUCKET_LOCATE_ACTIONS], resources: [bucketArn] },
    );
  }
  if (readerRolePaths.length > 0) {
    const grant = rolePathGrantParts(
      readerRolePaths,
      pulumi.output(bucketArn).apply((a) => a.split(":")[1] ?? ""),
    );
    statements.push(
      { sid: "RolePathReadersGetObjects", ...grant, actions: [...S3_OBJECT_READ_ACTIONS], resources: [objects] },
      { sid: "RolePathReadersLocateBucket", ...grant, actions: [...S3_BUCKET_LOCATE_ACTIONS], resources: [bucketArn] },
    );
  }
  if (codeBuildRoleArns.length > 0) {
    statements.push(
      {
        sid: "CodeBuildRolesGetObjects",
        principals: { aws: codeBuildRoleArns },
        actions: [...S3_OBJECT_READ_ACTIONS],
        resources: [objects],
      },
      {
        sid: "CodeBuildRolesCheckBucket",
        principals: { aws: codeBuildRoleArns },
        actions: [...S3_CODEBUILD_BUCKET_CHECK_ACTIONS],
        resources: [bucketArn],
      },
    );
  }
  if (writerArns.length > 0) {
    statements.push({
      sid: "WritersPutObjects",
      principals: { aws: writerArns },
      actions: [...S3_OBJECT_WRITE_ACTIONS],
      resources: [objects],
    });
  }
  return statements;
}

/**
 * Checks `args` and creates the children of the SecureBucket `component`: the bucket and its
 * settings. When `hidden` is true (a bucket nested in a component that exposes only the bucket, see
 * `NestedSecureBucket`), the public access block, ownership controls, policy and notifications are
 * hidden children (internal/hidden-child.ts): the engine receives the same registrations, and the
 * program keeps no Outputs for what AWS returns of them (issue 12). Each of those is created on one
 * line either way, so that its source position is that line.
 */
export function createSecureBucketChildren<H extends boolean>(
  component: pulumi.ComponentResource,
  name: string,
  args: SecureBucketArgs,
  hidden: H,
): SecureBucketChildren<H> {
  asResourceError(component, () => {
    validateComponentName(name);
    validateSecureBucketArgs(args);
  });
  const retainOnDelete = args.retainOnDelete ?? true;
  if (!retainOnDelete) {
    pulumi.log.warn(`SecureBucket ${name}: retainOnDelete is false, so deleting the stack deletes the bucket and its settings.`, component);
  }
  const about = {
    subject: `The bucket policy of SecureBucket \`${name}\``,
    fix: "Name fewer `readerArns`, `writerArns` and `codeBuildRoleArns` (a role in two of them is named twice), or grant roles by path (`readerRolePaths`).",
  };
  const notYet = pulumi.output("");
  checkPolicySizeNow(
    "bucketPolicy",
    about,
    secureBucketPolicy(notYet, notYet, args.readerArns, args.writerArns, args.codeBuildRoleArns, args.readerRolePaths),
    component,
  );
  // A key ARN given as an Output is checked when it resolves.
  const key = keyOrNew(name, checkedKey("encryptionKey", args.encryptionKey), component);
  const o = { parent: component, retainOnDelete };
  // Every child in `region` when one is given (the AWS provider's per-resource region).
  const r = args.region === undefined ? {} : { region: args.region };
  const b = new aws.s3.Bucket(
    `${name}-bucket`,
    { ...r, bucketPrefix: args.bucketPrefix ?? defaultBucketPrefix(name), forceDestroy: args.forceDestroy ?? false, tags: args.tags },
    o,
  );
  const bucket = b.bucket;
  const l = args.lifecycle ?? {};
  const encryptionArgs: aws.s3.BucketServerSideEncryptionConfigurationArgs = {
    ...r,
    bucket,
    rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.keyArn }, bucketKeyEnabled: true }],
  };
  const publicAccessArgs: aws.s3.BucketPublicAccessBlockArgs = {
    ...r,
    bucket,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  };
  const ownershipArgs: aws.s3.BucketOwnershipControlsArgs = { ...r, bucket, rule: { objectOwnership: "BucketOwnerEnforced" } };
  const versioningArgs: aws.s3.BucketVersioningArgs = { ...r, bucket, versioningConfiguration: { status: "Enabled" } };
  const lifecycleArgs: aws.s3.BucketLifecycleConfigurationArgs = {
    ...r,
    bucket,
    rules: [
      {
        id: "expire-objects",
        status: "Enabled",
        filter: { prefix: "" },
        expiration: { days: l.expireObjectsAfterDays ?? DEFAULT_OBJECT_EXPIRATION_DAYS },
      },
      {
        id: "expire-noncurrent-versions",
        status: "Enabled",
        filter: { prefix: "" },
        noncurrentVersionExpiration: {
          noncurrentDays: l.expireNoncurrentVersionsAfterDays ?? DEFAULT_NONCURRENT_VERSION_EXPIRATION_DAYS,
        },
      },
      {
        id: "abort-incomplete-uploads",
        status: "Enabled",
        filter: { prefix: "" },
        abortIncompleteMultipartUpload: {
          daysAfterInitiation: l.abortIncompleteUploadsAfterDays ?? DEFAULT_ABORT_INCOMPLETE_UPLOAD_DAYS,
        },
      },
    ],
  };
  // Role ARNs given as Outputs are checked when they resolve (a `:root` fails the deployment).
  const statements = secureBucketPolicy(
    b.arn,
    key.keyArn,
    checkedRoleArns("readerArns", args.readerArns),
    checkedRoleArns("writerArns", args.writerArns),
    checkedRoleArns("codeBuildRoleArns", args.codeBuildRoleArns),
    args.readerRolePaths,
  );
  const policyArgs: aws.s3.BucketPolicyArgs = {
    ...r,
    bucket,
    policy: sizeCheckedPolicyDocument("bucketPolicy", about, statements, component),
  };
  const n = (suffix: string) => `${name}-${suffix}`;
  const h = hidden as boolean;
  // In this order (the order of registration), the lifecycle after versioning and the policy after the public access block.
  const encryption = new aws.s3.BucketServerSideEncryptionConfiguration(n("encryption"), encryptionArgs, o);
  // prettier-ignore
  const publicAccessBlock = h ? new HiddenChild(aws.s3.BucketPublicAccessBlock, n("public-access-block"), publicAccessArgs, [], o) : new aws.s3.BucketPublicAccessBlock(n("public-access-block"), publicAccessArgs, o);
  // prettier-ignore
  const ownershipControls = h ? new HiddenChild(aws.s3.BucketOwnershipControls, n("ownership"), ownershipArgs, [], o) : new aws.s3.BucketOwnershipControls(n("ownership"), ownershipArgs, o);
  const versioning = new aws.s3.BucketVersioning(n("versioning"), versioningArgs, o);
  const lifecycle = new aws.s3.BucketLifecycleConfiguration(n("lifecycle"), lifecycleArgs, { ...o, dependsOn: [versioning] });
  const afterPublicAccess = { ...o, dependsOn: [publicAccessBlock] };
  // prettier-ignore
  const policy = h ? new HiddenChild(aws.s3.BucketPolicy, n("policy"), policyArgs, [], afterPublicAccess) : new aws.s3.BucketPolicy(n("policy"), policyArgs, afterPublicAccess);
  let logging: aws.s3.BucketLogging | undefined;
  if (args.accessLogs) {
    const loggingArgs: aws.s3.BucketLoggingArgs = {
      ...r,
      bucket,
      targetBucket: args.accessLogs.bucketName,
      targetPrefix: args.accessLogs.prefix ?? `${name}/`,
    };
    logging = new aws.s3.BucketLogging(n("logging"), loggingArgs, o);
  }
  let notification: pulumi.CustomResource | undefined;
  if (args.eventBridgeNotifications) {
    const notificationArgs: aws.s3.BucketNotificationArgs = { ...r, bucket, eventbridge: true };
    // prettier-ignore
    notification = h ? new HiddenChild(aws.s3.BucketNotification, n("notification"), notificationArgs, [], o) : new aws.s3.BucketNotification(n("notification"), notificationArgs, o);
  }
  const keyArn = pulumi.output(key.keyArn);
  const children = {
    bucket: b,
    encryption,
    publicAccessBlock,
    ownershipControls,
    versioning,
    lifecycle,
    policy,
    logging,
    notification,
    keyArn,
  };
  return children as SecureBucketChildren<H>;
}

/**
 * An S3 bucket for data the CI/CD stack owns (pipeline artifacts, caches): SSE-KMS with the
 * customer key and an S3 Bucket Key, all four Block Public Access settings, ACLs disabled
 * (`BucketOwnerEnforced`), versioning, lifecycle expiration, a TLS-only policy that also refuses
 * uploads under another key, and retention when the stack is deleted.
 */
export class SecureBucket extends pulumi.ComponentResource {
  /** The S3 bucket. */
  readonly bucket: aws.s3.Bucket;
  /** Default encryption configuration of the bucket. */
  readonly encryption: aws.s3.BucketServerSideEncryptionConfiguration;
  /** Public access block of the bucket. */
  readonly publicAccessBlock: aws.s3.BucketPublicAccessBlock;
  /** Object ownership controls (ACLs disabled). */
  readonly ownershipControls: aws.s3.BucketOwnershipControls;
  /** Versioning configuration of the bucket. */
  readonly versioning: aws.s3.BucketVersioning;
  /** Lifecycle configuration of the bucket. */
  readonly lifecycle: aws.s3.BucketLifecycleConfiguration;
  /** Bucket policy. */
  readonly policy: aws.s3.BucketPolicy;
  /** Present when `accessLogs` is given. */
  readonly logging?: aws.s3.BucketLogging;
  /** Present when `eventBridgeNotifications` is true. */
  readonly notification?: aws.s3.BucketNotification;
  /** Name of the bucket. */
  readonly bucketName: pulumi.Output<string>;
  /** ARN of the bucket. */
  readonly bucketArn: pulumi.Output<string>;
  /** ARN of the key that encrypts the bucket. */
  readonly keyArn: pulumi.Output<string>;

  constructor(name: string, args: SecureBucketArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super("aws-cicd:index:SecureBucket", name, {}, opts);
    const stacks = quietStacks();
    try {
      const c = createSecureBucketChildren(this, name, args, false);
      this.bucket = c.bucket;
      this.encryption = c.encryption;
      this.publicAccessBlock = c.publicAccessBlock;
      this.ownershipControls = c.ownershipControls;
      this.versioning = c.versioning;
      this.lifecycle = c.lifecycle;
      this.policy = c.policy;
      this.logging = c.logging;
      this.notification = c.notification;
      this.bucketName = c.bucket.bucket;
      this.bucketArn = c.bucket.arn;
      this.keyArn = c.keyArn;
      this.registerOutputs({ bucketName: this.bucketName, bucketArn: this.bucketArn, keyArn: this.keyArn });
    } catch (e) {
      throw stacks.rethrow(e);
    } finally {
      stacks.close();
    }
  }
}
