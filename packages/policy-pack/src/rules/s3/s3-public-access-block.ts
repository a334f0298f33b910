import { bucketRule } from "./bucket-rule";

const SETTINGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

export const s3PublicAccessBlock = bucketRule(
  {
    id: "aws-cicd-s3-public-access-block",
    service: "s3",
    description: "S3 buckets have a public access block with all four settings on.",
    severity: "high",
    remediation:
      "Add an `aws.s3.BucketPublicAccessBlock` for the bucket with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets set to true (or use aws-cicd's SecureBucket).",
    tier: "baseline",
    references: { cdkNag: ["S2"], securityHub: ["S3.8"], checkov: ["CKV2_AWS_6"] },
    preview:
      "Relates the bucket's configuration resources by property dependency on `bucket` (names from `bucketPrefix` are unknown), then by name; their settings are known in preview, so a new bucket is judged.",
  },
  "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  (bucket, configs) => {
    if (configs.length === 0) return `Bucket "${bucket.name}" has no public access block.`;
    const off = SETTINGS.filter((s) => !configs.some((c) => c.props[s] === true));
    return off.length > 0 ? `Bucket "${bucket.name}" public access block leaves ${off.join(", ")} off.` : undefined;
  },
);
