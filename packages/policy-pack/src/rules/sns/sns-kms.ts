import { resourceRule } from "../rule";

export const snsKms = resourceRule(
  {
    id: "aws-cicd-sns-kms",
    service: "sns",
    description: "SNS topics are encrypted with a customer managed KMS key (alias/aws/sns cannot be used by the services that publish).",
    severity: "medium",
    remediation: "Set `kmsMasterKeyId` to a customer managed key whose policy lets the publishing services use it (SecureTopic does).",
    references: { checkov: ["CKV_AWS_26"] },
  },
  ["aws:sns/topic:Topic"],
  (props, report) => {
    if (!props.kmsMasterKeyId) report("SNS topic has no `kmsMasterKeyId`.");
    else if (/(^|:)alias\/aws\/sns$/.test(props.kmsMasterKeyId))
      report("SNS topic uses the AWS managed key alias/aws/sns; use a customer managed key.");
  },
);
