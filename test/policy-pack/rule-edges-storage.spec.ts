// Rule edges (see rule-edges.spec.ts): the S3 and SNS stack rules.
import {
  describeStackRows,
  KEY_ARN,
  BUCKET,
  sub,
  LOGGING,
  SSE,
  kms,
  NO_CMK,
  VERSIONING,
  tlsDeny,
  NO_TLS,
  BUCKET_NO_ARN,
  POLICY,
  TOPIC_ARN,
  snsTls,
} from "./rule-edges";
import { policyResource as res } from "./fake-args";

describeStackRows("policy pack edges: S3 and SNS stacks", [
  [
    "a logging configuration without a target",
    "aws-cicd-s3-access-logging",
    [BUCKET, sub(LOGGING, "l", { targetBucket: "" }), sub(LOGGING, "l2", { targetBucket: 5 })],
    ['b: Bucket "b" has no server access logging.'],
  ],
  [
    "logging set on the bucket itself",
    "aws-cicd-s3-access-logging",
    [res("aws:s3/bucket:Bucket", "b", { bucket: "b1", logging: { targetBucket: "logs" } })],
    [],
  ],
  [
    "one rule object (not a list) with a customer key",
    "aws-cicd-s3-encryption-customer-key",
    [BUCKET, sub(SSE, "e", { rules: kms("aws:kms", KEY_ARN) })],
    [],
  ],
  [
    "a DSSE rule after a null one",
    "aws-cicd-s3-encryption-customer-key",
    [BUCKET, sub(SSE, "e", { rules: [null, kms("aws:kms:dsse", KEY_ARN)] })],
    [],
  ],
  [
    "AES256 with a key, the AWS managed key, no key, and no default",
    "aws-cicd-s3-encryption-customer-key",
    [BUCKET, sub(SSE, "e", { rules: [kms("AES256", KEY_ARN), kms("aws:kms", "alias/aws/s3"), kms("aws:kms"), {}] })],
    [NO_CMK],
  ],
  [
    "encryption set on the bucket itself",
    "aws-cicd-s3-encryption-customer-key",
    [res("aws:s3/bucket:Bucket", "b", { bucket: "b1", serverSideEncryptionConfiguration: { rule: kms("aws:kms", KEY_ARN) } })],
    [],
  ],
  [
    "a disabled rule, a null one and an enabled one",
    "aws-cicd-s3-lifecycle",
    [
      BUCKET,
      sub("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "l", {
        rules: [null, { status: "Disabled" }, { status: "Enabled" }],
      }),
    ],
    [],
  ],
  [
    "only disabled and null rules",
    "aws-cicd-s3-lifecycle",
    [BUCKET, sub("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "l", { rules: [null, { status: "Disabled" }] })],
    ['b: Bucket "b" has no enabled lifecycle rule.'],
  ],
  [
    "a suspended and an enabled versioning configuration",
    "aws-cicd-s3-versioning",
    [
      BUCKET,
      sub(VERSIONING, "v1", {}),
      sub(VERSIONING, "v2", { versioningConfiguration: { status: "Suspended" } }),
      sub(VERSIONING, "v3", { versioningConfiguration: { status: "Enabled" } }),
    ],
    [],
  ],
  [
    "a versioning configuration without a status",
    "aws-cicd-s3-versioning",
    [BUCKET, sub(VERSIONING, "v1", {})],
    ['b: Bucket "b" does not enable versioning.'],
  ],
  [
    "versioning set on the bucket itself",
    "aws-cicd-s3-versioning",
    [res("aws:s3/bucket:Bucket", "b", { bucket: "b1", versioning: { enabled: true } })],
    [],
  ],
  [
    "an ownership configuration without a rule beside an enforcing one",
    "aws-cicd-s3-acls-disabled",
    [
      BUCKET,
      sub("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "o1", {}),
      sub("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "o2", { rule: { objectOwnership: "BucketOwnerEnforced" } }),
    ],
    [],
  ],
  [
    "a partial public access block beside a complete one",
    "aws-cicd-s3-public-access-block",
    [
      BUCKET,
      sub("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "p1", { blockPublicAcls: true }),
      sub("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "p2", {
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      }),
    ],
    [],
  ],
  [
    "a bucket whose ARN is unknown, denied on the bucket and its objects",
    "aws-cicd-s3-tls-only",
    [BUCKET_NO_ARN, sub(POLICY, "p", { policy: tlsDeny(["arn:aws:s3:::b1", "arn:aws:s3:::b1/*"]) })],
    [],
  ],
  [
    'a bucket whose ARN is unknown, denied on "*"',
    "aws-cicd-s3-tls-only",
    [BUCKET_NO_ARN, sub(POLICY, "p", { policy: tlsDeny(["*"]) })],
    [],
  ],
  [
    "a bucket whose ARN is unknown, denied on its objects only",
    "aws-cicd-s3-tls-only",
    [BUCKET_NO_ARN, sub(POLICY, "p", { policy: tlsDeny(["arn:aws:s3:::b1/*"]) })],
    [NO_TLS],
  ],
  [
    "a bucket whose ARN is unknown, denied on the bucket only",
    "aws-cicd-s3-tls-only",
    [BUCKET_NO_ARN, sub(POLICY, "p", { policy: tlsDeny(["arn:aws:s3:::b1"]) })],
    [NO_TLS],
  ],
  [
    "a known ARN denied on its objects only",
    "aws-cicd-s3-tls-only",
    [BUCKET, sub(POLICY, "p", { policy: tlsDeny(["arn:aws:s3:::b1/*"]) })],
    [NO_TLS],
  ],
  [
    "a known ARN while the policy denies another bucket",
    "aws-cicd-s3-tls-only",
    [BUCKET, sub(POLICY, "p", { policy: tlsDeny(["arn:aws:s3:::other", "arn:aws:s3:::other/*"]) })],
    [NO_TLS],
  ],
  [
    "a bucket whose ARN is unknown, allowed on the bucket and denied on its objects only",
    "aws-cicd-s3-tls-only",
    [
      BUCKET_NO_ARN,
      sub(POLICY, "p", {
        policy: JSON.stringify({
          Statement: [
            {
              Effect: "Allow",
              Principal: { AWS: "arn:aws:iam::123456789012:role/r" },
              Action: "s3:GetObject",
              Resource: "arn:aws:s3:::b1",
            },
            ...JSON.parse(tlsDeny(["arn:aws:s3:::b1/*"])).Statement,
          ],
        }),
      }),
    ],
    [NO_TLS],
  ],
  [
    "a bucket whose ARN is unknown, denied without TLS for reads only",
    "aws-cicd-s3-tls-only",
    [BUCKET_NO_ARN, sub(POLICY, "p", { policy: tlsDeny(["arn:aws:s3:::b1", "arn:aws:s3:::b1/*"]).replace('"s3:*"', '"s3:GetObject"') })],
    [NO_TLS],
  ],
  [
    "a topic whose own policy denies publishing without TLS",
    "aws-cicd-sns-tls-only",
    [res("aws:sns/topic:Topic", "t", { arn: TOPIC_ARN, policy: snsTls })],
    [],
  ],
  [
    "a topic policy of another topic",
    "aws-cicd-sns-tls-only",
    [
      res("aws:sns/topic:Topic", "t", { arn: TOPIC_ARN }),
      res("aws:sns/topicPolicy:TopicPolicy", "tp", { arn: `${TOPIC_ARN}-other`, policy: snsTls }),
    ],
    ['t: SNS topic "t" has no policy denying publishing without TLS.'],
  ],
]);
