import { IAM_ROLE_ARN_PATTERN } from "aws-cicd/checks";
import { statementLabel } from "../policy-documents";
import { documentsRule } from "./documents-rule";

/** An account root (`arn:aws:iam::111122223333:root`) or a bare account id. */
const WHOLE_ACCOUNT = /^(\d{12}|arn:aws[a-z-]*:iam::\d{12}:root)$/;

export const iamTrustExactRoles = documentsRule(
  {
    id: "aws-cicd-iam-trust-exact-roles",
    service: "iam",
    description:
      "Role trust policies trust exact role ARNs, not whole accounts (the same role ARN pattern aws-cicd's components validate).",
    severity: "high",
    remediation: "Replace the account root or id with the ARN of the role that assumes this one.",
    tier: "strict",
    references: { checkov: ["CKV_AWS_61"] },
    preview:
      "Judges policy documents known in preview. A document that embeds an ARN of a resource created in the same run is unknown: that resource alone is not judged (CrossGuard notes it), and the rule runs again at `pulumi up`.",
  },
  ["trust"],
  (doc, report) => {
    for (const [i, s] of doc.statements.entries()) {
      // No principal, or the anonymous one (another rule's finding): no account to name.
      if (s.Effect !== "Allow" || typeof s.Principal !== "object") continue;
      // Stryker disable next-line ArrayDeclaration: a fallback item that is no account matches neither pattern.
      for (const p of s.Principal.AWS ?? []) {
        // Stryker disable next-line ConditionalExpression: a role ARN never matches WHOLE_ACCOUNT; the role test says what is accepted.
        if (IAM_ROLE_ARN_PATTERN.test(p)) continue;
        if (WHOLE_ACCOUNT.test(p)) report(`Trust policy ${statementLabel(s, i)} trusts the whole account "${p}"; name the role.`);
      }
    }
  },
);
