// The case tables of S3: s3.spec describes them, preview.spec and tiers.spec drive them again
// (through index.ts). Plain data: this module declares no mocha test.
import { policies } from "../../../packages/policy-pack/src/policies";
import { rule, type ResourceCase, type StackCase } from "../cases";
import { policyResource as res } from "../fake-args";

const bucket = res("aws:s3/bucket:Bucket", "b", { bucket: "b1", arn: "arn:aws:s3:::b1" });
const sub = (type: string, name: string, props: Record<string, any>) => res(type, name, { bucket: "b1", ...props });
const tlsPolicy = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: ["arn:aws:s3:::b1", "arn:aws:s3:::b1/*"],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
  ],
});

/** Stack-rule cases: a compliant and a non-compliant stack with the exact messages. */
export const S3_STACK_CASES: StackCase[] = [
  {
    rule: rule(policies, "aws-cicd-s3-public-access-block"),
    compliant: [
      bucket,
      sub("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "pab", {
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      }),
    ],
    noncompliant: [
      bucket,
      sub("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "pab", {
        blockPublicAcls: true,
        blockPublicPolicy: false,
        ignorePublicAcls: true,
      }),
    ],
    messages: ['b: Bucket "b" public access block leaves blockPublicPolicy, restrictPublicBuckets off.'],
  },
  {
    rule: rule(policies, "aws-cicd-s3-acls-disabled"),
    compliant: [
      bucket,
      sub("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "o", { rule: { objectOwnership: "BucketOwnerEnforced" } }),
    ],
    noncompliant: [
      bucket,
      sub("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "o", { rule: { objectOwnership: "ObjectWriter" } }),
    ],
    messages: ['b: Bucket "b" does not set object ownership to BucketOwnerEnforced.'],
  },
  {
    rule: rule(policies, "aws-cicd-s3-encryption-customer-key"),
    compliant: [
      bucket,
      sub("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "e", {
        rules: [
          { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "arn:aws:kms:us-east-1:123456789012:key/k" } },
        ],
      }),
    ],
    noncompliant: [
      bucket,
      sub("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "e", {
        rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "alias/aws/s3" } }],
      }),
    ],
    messages: ['b: Bucket "b" has no default encryption with a customer managed KMS key.'],
  },
  {
    rule: rule(policies, "aws-cicd-s3-versioning"),
    compliant: [bucket, sub("aws:s3/bucketVersioningV2:BucketVersioningV2", "v", { versioningConfiguration: { status: "Enabled" } })],
    noncompliant: [bucket, sub("aws:s3/bucketVersioning:BucketVersioning", "v", { versioningConfiguration: { status: "Suspended" } })],
    messages: ['b: Bucket "b" does not enable versioning.'],
  },
  {
    rule: rule(policies, "aws-cicd-s3-lifecycle"),
    compliant: [
      bucket,
      sub("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "l", { rules: [{ id: "x", status: "Enabled" }] }),
    ],
    noncompliant: [bucket],
    messages: ['b: Bucket "b" has no enabled lifecycle rule.'],
  },
  {
    rule: rule(policies, "aws-cicd-s3-tls-only"),
    compliant: [bucket, sub("aws:s3/bucketPolicy:BucketPolicy", "p", { policy: tlsPolicy })],
    noncompliant: [bucket, sub("aws:s3/bucketPolicy:BucketPolicy", "p", { policy: tlsPolicy.replace(',"arn:aws:s3:::b1/*"', "") })],
    messages: ['b: Bucket "b" has no bucket policy denying requests without TLS on the bucket and its objects.'],
  },
  {
    rule: rule(policies, "aws-cicd-s3-access-logging"),
    compliant: [bucket, sub("aws:s3/bucketLogging:BucketLogging", "log", { targetBucket: "logs" })],
    noncompliant: [bucket, res("aws:s3/bucketLogging:BucketLogging", "log", { bucket: "other", targetBucket: "logs" })],
    messages: ['b: Bucket "b" has no server access logging.'],
  },
];

/** Resource-rule cases: a compliant and a non-compliant resource with the exact messages. */
export const S3_RESOURCE_CASES: ResourceCase[] = [
  {
    rule: rule(policies, "aws-cicd-s3-no-public-principal"),
    type: "aws:s3/bucketPolicy:BucketPolicy",
    compliant: { policy: tlsPolicy },
    noncompliant: {
      policy: JSON.stringify({
        Statement: [{ Sid: "Open", Effect: "Allow", Principal: { AWS: "*" }, Action: "s3:GetObject", Resource: "arn:aws:s3:::b1/*" }],
      }),
    },
    messages: ['Bucket policy statement "Open" allows the "*" principal without conditions.'],
  },
];
