import { resourceRule } from "../rule";

export const logsKms = resourceRule(
  {
    id: "aws-cicd-logs-kms",
    service: "logs",
    description: "CloudWatch log groups are encrypted with a customer managed KMS key.",
    severity: "medium",
    remediation: "Set `kmsKeyId` to a key whose policy lets logs.<region>.amazonaws.com use it (EncryptionKey's policy does).",
    tier: "strict",
    references: { checkov: ["CKV_AWS_158"] },
    preview:
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
  },
  ["aws:cloudwatch/logGroup:LogGroup"],
  (props, report) => {
    if (!props.kmsKeyId) report("Log group has no `kmsKeyId`.");
  },
);
