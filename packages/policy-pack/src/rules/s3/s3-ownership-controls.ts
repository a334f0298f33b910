import { bucketRule } from "./bucket-rule";

export const s3OwnershipControls = bucketRule(
  {
    id: "aws-cicd-s3-acls-disabled",
    service: "s3",
    description: "S3 buckets disable ACLs (object ownership `BucketOwnerEnforced`).",
    severity: "medium",
    remediation: 'Add an `aws.s3.BucketOwnershipControls` for the bucket with `rule.objectOwnership: "BucketOwnerEnforced"`.',
    references: { securityHub: ["S3.12"] },
  },
  "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
  (bucket, configs) =>
    configs.some((c) => c.props.rule?.objectOwnership === "BucketOwnerEnforced")
      ? undefined
      : `Bucket "${bucket.name}" does not set object ownership to BucketOwnerEnforced.`,
);
