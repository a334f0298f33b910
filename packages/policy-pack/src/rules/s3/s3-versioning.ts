import { bucketRule } from "./bucket-rule";

export const s3Versioning = bucketRule(
  {
    id: "aws-cicd-s3-versioning",
    service: "s3",
    description: "S3 buckets have versioning enabled.",
    severity: "medium",
    remediation: 'Add an `aws.s3.BucketVersioning` for the bucket with `versioningConfiguration.status: "Enabled"`.',
    tier: "strict",
    references: { securityHub: ["S3.14"], checkov: ["CKV_AWS_21"] },
    preview:
      "Relates the bucket's configuration resources by property dependency on `bucket` (names from `bucketPrefix` are unknown), then by name; their settings are known in preview, so a new bucket is judged.",
  },
  "aws:s3/bucketVersioning:BucketVersioning",
  (bucket, configs) =>
    configs.some((c) => c.props.versioningConfiguration?.status === "Enabled") || bucket.props.versioning?.enabled === true
      ? undefined
      : `Bucket "${bucket.name}" does not enable versioning.`,
);
