import { isPublicPrincipal, statementLabel } from "../policy-documents";
import { documentsRule } from "./documents-rule";

export const iamTrustNoPublicPrincipal = documentsRule(
  {
    id: "aws-cicd-iam-trust-no-public-principal",
    service: "iam",
    description: 'Role trust policies do not let the "*" principal assume the role.',
    severity: "critical",
    remediation: "Trust exact role ARNs or service principals.",
    tier: "baseline",
    references: { checkov: ["CKV_AWS_60"] },
    preview:
      "Judges policy documents known in preview. A document that embeds an ARN of a resource created in the same run is unknown: that resource alone is not judged (CrossGuard notes it), and the rule runs again at `pulumi up`.",
  },
  ["trust"],
  (doc, report) => {
    for (const [i, s] of doc.statements.entries()) {
      if (s.Effect === "Allow" && isPublicPrincipal(s)) report(`Trust policy ${statementLabel(s, i)} trusts the "*" principal.`);
    }
  },
);
