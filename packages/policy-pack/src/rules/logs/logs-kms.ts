import { keyOf, resourceRule } from "../rule";

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
      "Judges the resource's inputs. A key ARN built from another resource's output is unknown in preview and counts as a customer managed key (AWS managed keys are constant `alias/aws/...` names); other unknown inputs leave that resource alone unjudged until `pulumi up`.",
  },
  ["aws:cloudwatch/logGroup:LogGroup"],
  (props, report) => {
    if (!keyOf(() => props.kmsKeyId)) report("Log group has no `kmsKeyId`.");
  },
);
