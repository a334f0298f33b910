import { isAwsManagedKeyAlias, keyOf } from "../rule";
import { bucketRule } from "./bucket-rule";

function usesCustomerKey(rules: unknown): boolean {
  const list = Array.isArray(rules) ? rules : rules ? [rules] : [];
  return list.some((r: any) => {
    const d = r?.applyServerSideEncryptionByDefault;
    return (
      (d?.sseAlgorithm === "aws:kms" || d?.sseAlgorithm === "aws:kms:dsse") &&
      !!keyOf(() => d.kmsMasterKeyId) &&
      !isAwsManagedKeyAlias(keyOf(() => d.kmsMasterKeyId))
    );
  });
}

export const s3EncryptionCustomerKey = bucketRule(
  {
    id: "aws-cicd-s3-encryption-customer-key",
    service: "s3",
    description: "S3 buckets encrypt by default with SSE-KMS and a customer managed key.",
    severity: "high",
    remediation:
      'Add an `aws.s3.BucketServerSideEncryptionConfiguration` with `sseAlgorithm: "aws:kms"` and `kmsMasterKeyId` set to a customer managed key (not alias/aws/s3).',
    tier: "strict",
    references: { securityHub: ["S3.17"], checkov: ["CKV_AWS_145"] },
    preview:
      "Relates the bucket's configuration resources by property dependency on `bucket` (names from `bucketPrefix` are unknown), then by name; their settings are known in preview, so a new bucket is judged.",
  },
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  (bucket, configs) =>
    configs.some((c) => usesCustomerKey(c.props.rules)) || usesCustomerKey(bucket.props.serverSideEncryptionConfiguration?.rule)
      ? undefined
      : `Bucket "${bucket.name}" has no default encryption with a customer managed KMS key.`,
);
