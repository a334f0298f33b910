import { bucketRule } from "./bucket-rule";

export const s3OwnershipControls = bucketRule(
  {
    id: "aws-cicd-s3-acls-disabled",
    service: "s3",
    description: "S3 buckets disable ACLs (object ownership `BucketOwnerEnforced`).",
    severity: "medium",
    remediation: 'Add an `aws.s3.BucketOwnershipControls` for the bucket with `rule.objectOwnership: "BucketOwnerEnforced"`.',
    tier: "baseline",
    references: { securityHub: ["S3.12"] },
    preview:
      "Relates the bucket's configuration resources by property dependency on `bucket` (names from `bucketPrefix` are unknown), then by name; their settings are known in preview, so a new bucket is judged.",
  },
  "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
  (bucket, configs) =>
    configs.some((c) => c.props.rule?.objectOwnership === "BucketOwnerEnforced")
      ? undefined
      : `Bucket "${bucket.name}" does not set object ownership to BucketOwnerEnforced.`,
);
