import { RecordedResource } from "../../harness/mocks";
import { defined, pascalKeys, policyJson, ServiceTranslations, TranslateContext } from "./context";

const SETTINGS = "aws:s3/bucket";

/** The v2 sub-resources folded into AWS::S3::Bucket properties. */
const SUB = {
  encryption: `${SETTINGS}ServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration`,
  publicAccess: `${SETTINGS}PublicAccessBlock:BucketPublicAccessBlock`,
  ownership: `${SETTINGS}OwnershipControls:BucketOwnershipControls`,
  versioning: `${SETTINGS}Versioning:BucketVersioning`,
  lifecycle: `${SETTINGS}LifecycleConfiguration:BucketLifecycleConfiguration`,
  logging: `${SETTINGS}Logging:BucketLogging`,
  notification: `${SETTINGS}Notification:BucketNotification`,
};

function bucket(r: RecordedResource, ctx: TranslateContext) {
  const name: string = r.state.bucket;
  const one = (type: string) => ctx.claim(type, "bucket", name)[0]?.inputs;
  const encryption = one(SUB.encryption);
  const publicAccess = one(SUB.publicAccess);
  const ownership = one(SUB.ownership);
  const versioning = one(SUB.versioning);
  const lifecycle = one(SUB.lifecycle);
  const logging = one(SUB.logging);
  const notification = one(SUB.notification);
  const self = ctx.logicalId(r);
  return {
    Type: "AWS::S3::Bucket",
    Properties: defined({
      BucketName: name,
      BucketEncryption: encryption && {
        ServerSideEncryptionConfiguration: (encryption.rules as any[]).map((rule) =>
          defined({
            ServerSideEncryptionByDefault: rule.applyServerSideEncryptionByDefault && {
              SSEAlgorithm: rule.applyServerSideEncryptionByDefault.sseAlgorithm,
              KMSMasterKeyID: ctx.link(rule.applyServerSideEncryptionByDefault.kmsMasterKeyId, self),
            },
            BucketKeyEnabled: rule.bucketKeyEnabled,
          }),
        ),
      },
      PublicAccessBlockConfiguration: publicAccess && {
        BlockPublicAcls: publicAccess.blockPublicAcls ?? false,
        BlockPublicPolicy: publicAccess.blockPublicPolicy ?? false,
        IgnorePublicAcls: publicAccess.ignorePublicAcls ?? false,
        RestrictPublicBuckets: publicAccess.restrictPublicBuckets ?? false,
      },
      OwnershipControls: ownership && { Rules: [{ ObjectOwnership: ownership.rule.objectOwnership }] },
      VersioningConfiguration: versioning && { Status: versioning.versioningConfiguration.status },
      LifecycleConfiguration: lifecycle && { Rules: (lifecycle.rules as any[]).map(lifecycleRule) },
      LoggingConfiguration: logging && {
        DestinationBucketName: ctx.link(logging.targetBucket, self),
        LogFilePrefix: logging.targetPrefix,
      },
      NotificationConfiguration: notification?.eventbridge ? { EventBridgeConfiguration: { EventBridgeEnabled: true } } : undefined,
    }),
  };
}

/** A `BucketLifecycleConfiguration` rule as an AWS::S3::Bucket lifecycle `Rule`. */
function lifecycleRule(rule: any): Record<string, unknown> {
  return defined({
    Id: rule.id,
    Status: rule.status,
    Prefix: rule.filter?.prefix || undefined,
    ExpirationInDays: rule.expiration?.days,
    NoncurrentVersionExpiration: rule.noncurrentVersionExpiration && pascalKeys(rule.noncurrentVersionExpiration),
    AbortIncompleteMultipartUpload: rule.abortIncompleteMultipartUpload && pascalKeys(rule.abortIncompleteMultipartUpload),
  });
}

/** S3: the bucket with its v2 settings folded in, and the bucket policy. */
export const s3: ServiceTranslations = {
  "aws:s3/bucket:Bucket": {
    exposes: (r) => [
      [r.state.bucket, "Ref"],
      [r.state.arn, "Arn"],
    ],
    translate: bucket,
  },
  "aws:s3/bucketV2:BucketV2": {
    exposes: (r) => [
      [r.state.bucket, "Ref"],
      [r.state.arn, "Arn"],
    ],
    translate: bucket,
  },
  "aws:s3/bucketPolicy:BucketPolicy": {
    translate: (r, ctx) => ({
      Type: "AWS::S3::BucketPolicy",
      Properties: { Bucket: ctx.link(r.inputs.bucket), PolicyDocument: ctx.link(policyJson(r.inputs.policy)) },
    }),
  },
  ...Object.fromEntries(Object.values(SUB).map((type) => [type, { translate: "folded" as const }])),
};
