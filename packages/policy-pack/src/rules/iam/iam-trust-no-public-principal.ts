import { isPublicPrincipal, statementLabel } from "../policy-documents";
import { documentsRule } from "./documents-rule";

export const iamTrustNoPublicPrincipal = documentsRule(
  {
    id: "aws-cicd-iam-trust-no-public-principal",
    service: "iam",
    description: 'Role trust policies do not let the "*" principal assume the role.',
    severity: "critical",
    remediation: "Trust exact role ARNs or service principals.",
    references: { checkov: ["CKV_AWS_60"] },
  },
  ["trust"],
  (doc, report) => {
    for (const [i, s] of doc.statements.entries()) {
      if (s.Effect === "Allow" && isPublicPrincipal(s)) report(`Trust policy ${statementLabel(s, i)} trusts the "*" principal.`);
    }
  },
);
