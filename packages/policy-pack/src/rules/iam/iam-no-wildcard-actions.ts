import { statementLabel } from "../policy-documents";
import { documentsRule } from "./documents-rule";

/** `*` or `service:*` (any case): every action, or every action of a service. */
const SERVICE_WILDCARD = /^(\*|[a-z0-9-]+:\*)$/i;

export const iamNoWildcardActions = documentsRule(
  {
    id: "aws-cicd-iam-no-wildcard-actions",
    service: "iam",
    description:
      "Identity policies allow no `*` or `service:*` action (Security Hub IAM.1, IAM.21). Prefix wildcards, NotAction and resource policies are judged by `aws-cicd-iam-exact-actions`.",
    severity: "high",
    remediation: "List the exact actions the workload calls, from the service authorization reference.",
    tier: "baseline",
    references: { securityHub: ["IAM.1", "IAM.21"], checkov: ["CKV_AWS_62", "CKV_AWS_63"] },
    preview:
      "Judges policy documents known in preview. A document that embeds an ARN of a resource created in the same run is unknown: that resource alone is not judged (CrossGuard notes it), and the rule runs again at `pulumi up`.",
  },
  ["identity"],
  (doc, report) => {
    for (const [i, s] of doc.statements.entries()) {
      if (s.Effect !== "Allow") continue;
      for (const action of s.Action.filter((a) => SERVICE_WILDCARD.test(a))) {
        report(`\`${doc.field}\` ${statementLabel(s, i)} allows the wildcard action "${action}".`);
      }
    }
  },
);
