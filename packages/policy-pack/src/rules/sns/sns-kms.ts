import { resourceRule } from "../rule";

interface Config {
  requireCustomerManagedKeys: boolean;
}

export const snsKms = resourceRule<Config>(
  {
    id: "aws-cicd-sns-kms",
    service: "sns",
    description:
      "SNS topics are encrypted with KMS; with `requireCustomerManagedKeys`, with a customer managed key (alias/aws/sns cannot be used by the services that publish).",
    severity: "medium",
    remediation: "Set `kmsMasterKeyId` to a customer managed key whose policy lets the publishing services use it (SecureTopic does).",
    tier: "baseline",
    configSchema: { properties: { requireCustomerManagedKeys: { type: "boolean", default: false } } },
    strictConfig: { requireCustomerManagedKeys: true },
    references: { securityHub: ["SNS.1"], checkov: ["CKV_AWS_26"] },
    preview:
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
  },
  ["aws:sns/topic:Topic"],
  (props, report, config) => {
    if (!props.kmsMasterKeyId) report("SNS topic has no `kmsMasterKeyId`.");
    else if (config.requireCustomerManagedKeys && /(^|:)alias\/aws\/sns$/.test(props.kmsMasterKeyId))
      report("SNS topic uses the AWS managed key alias/aws/sns; use a customer managed key.");
  },
);
