import { bucketRule } from "./bucket-rule";

export const s3Lifecycle = bucketRule(
  {
    id: "aws-cicd-s3-lifecycle",
    service: "s3",
    description: "S3 buckets have at least one enabled lifecycle rule.",
    severity: "low",
    remediation:
      "Add an `aws.s3.BucketLifecycleConfiguration` for the bucket with an enabled rule (expire objects and noncurrent versions).",
    tier: "strict",
    references: { securityHub: ["S3.13"], checkov: ["CKV2_AWS_61"] },
    preview:
      "Relates the bucket's configuration resources by property dependency on `bucket` (names from `bucketPrefix` are unknown), then by name; their settings are known in preview, so a new bucket is judged.",
  },
  "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
  (bucket, configs) =>
    configs.some((c) => (Array.isArray(c.props.rules) ? c.props.rules : []).some((r: any) => r?.status === "Enabled"))
      ? undefined
      : `Bucket "${bucket.name}" has no enabled lifecycle rule.`,
);
