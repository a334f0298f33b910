import { keyOf, resourceRule } from "../rule";

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
    tier: "strict",
    configSchema: { properties: { requireCustomerManagedKeys: { type: "boolean", default: false } } },
    strictConfig: { requireCustomerManagedKeys: true },
    references: { securityHub: ["SNS.1"], checkov: ["CKV_AWS_26"] },
    preview:
      "Judges the resource's inputs. A key ARN built from another resource's output is unknown in preview and counts as a customer managed key (AWS managed keys are constant `alias/aws/...` names); other unknown inputs leave that resource alone unjudged until `pulumi up`.",
  },
  ["aws:sns/topic:Topic"],
  (props, report, config) => {
    const key = keyOf(() => props.kmsMasterKeyId);
    if (!key) report("SNS topic has no `kmsMasterKeyId`.");
    else if (config.requireCustomerManagedKeys && /(^|:)alias\/aws\/sns$/.test(key))
      report("SNS topic uses the AWS managed key alias/aws/sns; use a customer managed key.");
  },
);
