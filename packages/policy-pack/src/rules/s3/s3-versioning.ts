import { bucketRule } from "./bucket-rule";

export const s3Versioning = bucketRule(
  {
    id: "aws-cicd-s3-versioning",
    service: "s3",
    description: "S3 buckets have versioning enabled.",
    severity: "medium",
    remediation: 'Add an `aws.s3.BucketVersioning` for the bucket with `versioningConfiguration.status: "Enabled"`.',
    references: { securityHub: ["S3.14"], checkov: ["CKV_AWS_21"] },
  },
  "aws:s3/bucketVersioning:BucketVersioning",
  (bucket, configs) =>
    configs.some((c) => c.props.versioningConfiguration?.status === "Enabled") || bucket.props.versioning?.enabled === true
      ? undefined
      : `Bucket "${bucket.name}" does not enable versioning.`,
);
