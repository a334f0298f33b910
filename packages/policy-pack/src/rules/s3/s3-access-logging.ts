import { bucketRule } from "./bucket-rule";

export const s3AccessLogging = bucketRule(
  {
    id: "aws-cicd-s3-access-logging",
    service: "s3",
    description:
      "S3 buckets deliver server access logs. Advisory: a documented waiver is acceptable (log buckets themselves; aws-cicd's artifact buckets, whose API activity is in CloudTrail).",
    severity: "low",
    remediation:
      "Add an `aws.s3.BucketLogging` for the bucket naming a log bucket (SecureBucket: `accessLogs: { bucketName }`), or record a waiver with the reason.",
    tier: "strict",
    references: { cdkNag: ["S1"], securityHub: ["S3.9"], checkov: ["CKV_AWS_18"] },
    preview:
      "Relates the bucket's configuration resources by property dependency on `bucket` (names from `bucketPrefix` are unknown), then by name; their settings are known in preview, so a new bucket is judged.",
  },
  "aws:s3/bucketLogging:BucketLogging",
  (bucket, configs) =>
    configs.some((c) => typeof c.props.targetBucket === "string" && c.props.targetBucket.length > 0) || bucket.props.logging?.targetBucket
      ? undefined
      : `Bucket "${bucket.name}" has no server access logging.`,
);
