// The case tables of KMS, SNS and CloudWatch Logs: kms-sns-logs.spec describes them, preview.spec
// and tiers.spec drive them again (through index.ts). Plain data: this module declares no mocha
// test.
import { policies } from "../../../packages/policy-pack/src/policies";
import { rule, type ResourceCase, type StackCase } from "../cases";
import { policyResource as res } from "../fake-args";

const KEY = "arn:aws:kms:us-east-1:123456789012:key/k";
const open = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" }] });
const topicArn = "arn:aws:sns:us-east-1:123456789012:t";
const tls = JSON.stringify({
  Statement: [
    {
      Effect: "Deny",
      Principal: "*",
      Action: ["sns:Publish"],
      Resource: topicArn,
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
  ],
});

/** Resource-rule cases: a compliant and a non-compliant resource with the exact messages. */
export const KMS_SNS_LOGS_RESOURCE_CASES: ResourceCase[] = [
  {
    rule: rule(policies, "aws-cicd-kms-key-rotation"),
    type: "aws:kms/key:Key",
    compliant: { enableKeyRotation: true },
    noncompliant: { enableKeyRotation: false },
    messages: ["Symmetric KMS key does not enable automatic rotation (`enableKeyRotation`)."],
  },
  {
    rule: rule(policies, "aws-cicd-kms-no-public-principal"),
    type: "aws:kms/key:Key",
    compliant: {
      policy: open.replace('"Resource":"*"', '"Resource":"*","Condition":{"StringEquals":{"kms:CallerAccount":"123456789012"}}'),
    },
    noncompliant: { policy: open },
    messages: ['Key policy statement 1 allows the "*" principal without conditions.'],
  },
  {
    rule: rule(policies, "aws-cicd-sns-kms"),
    type: "aws:sns/topic:Topic",
    compliant: { kmsMasterKeyId: KEY },
    noncompliant: { kmsMasterKeyId: "alias/aws/sns" },
    messages: ["SNS topic uses the AWS managed key alias/aws/sns; use a customer managed key."],
    config: { requireCustomerManagedKeys: true },
  },
  {
    rule: rule(policies, "aws-cicd-sns-kms"),
    type: "aws:sns/topic:Topic",
    compliant: { kmsMasterKeyId: "alias/aws/sns" },
    noncompliant: {},
    messages: ["SNS topic has no `kmsMasterKeyId`."],
  },
  {
    rule: rule(policies, "aws-cicd-sns-not-public"),
    type: "aws:sns/topicPolicy:TopicPolicy",
    compliant: { policy: tls },
    noncompliant: { policy: open },
    messages: ['Topic policy statement 1 allows the "*" principal without conditions.'],
  },
  {
    rule: rule(policies, "aws-cicd-logs-kms"),
    type: "aws:cloudwatch/logGroup:LogGroup",
    compliant: { kmsKeyId: KEY },
    noncompliant: {},
    messages: ["Log group has no `kmsKeyId`."],
  },
  {
    rule: rule(policies, "aws-cicd-logs-retention"),
    type: "aws:cloudwatch/logGroup:LogGroup",
    compliant: { retentionInDays: 365 },
    noncompliant: { retentionInDays: 30 },
    messages: ["Log group `retentionInDays` is 30, below the minimum of 365."],
  },
  {
    rule: rule(policies, "aws-cicd-logs-retention"),
    type: "aws:cloudwatch/logGroup:LogGroup",
    compliant: { retentionInDays: 0 },
    noncompliant: { retentionInDays: 14 },
    messages: ["Log group `retentionInDays` is 14, below the minimum of 30."],
    config: { minimumRetentionDays: 30 },
  },
];

/** Stack-rule cases: a compliant and a non-compliant stack with the exact messages. */
export const KMS_SNS_LOGS_STACK_CASES: StackCase[] = [
  {
    rule: rule(policies, "aws-cicd-kms-key-policy-defined"),
    compliant: [res("aws:kms/key:Key", "k", { keyId: "k-id" }), res("aws:kms/keyPolicy:KeyPolicy", "kp", { keyId: "k-id", policy: "{}" })],
    noncompliant: [res("aws:kms/key:Key", "k", { keyId: "k-id" })],
    messages: ['k: KMS key "k" has no key policy.'],
  },
  {
    rule: rule(policies, "aws-cicd-sns-tls-only"),
    compliant: [
      res("aws:sns/topic:Topic", "t", { arn: topicArn }),
      res("aws:sns/topicPolicy:TopicPolicy", "tp", { arn: topicArn, policy: tls }),
    ],
    noncompliant: [res("aws:sns/topic:Topic", "t", { arn: topicArn })],
    messages: ['t: SNS topic "t" has no policy denying publishing without TLS.'],
  },
];
