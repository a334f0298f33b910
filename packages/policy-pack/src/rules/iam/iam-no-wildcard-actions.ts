import { statementLabel } from "../policy-documents";
import { documentsRule } from "./documents-rule";

export const iamNoWildcardActions = documentsRule(
  {
    id: "aws-cicd-iam-no-wildcard-actions",
    service: "iam",
    description:
      "Allow statements name exact actions: no `*`, `service:*` or `service:Prefix*`, no NotAction (Deny statements may use `service:*`).",
    severity: "high",
    remediation: "List the exact actions the workload calls, from the service authorization reference.",
    references: { cdkNag: ["IAM5"], securityHub: ["IAM.1", "IAM.21"], checkov: ["CKV_AWS_63", "CKV_AWS_355"] },
  },
  ["identity", "resource", "trust"],
  (doc, report) => {
    for (const [i, s] of doc.statements.entries()) {
      if (s.Effect !== "Allow") continue;
      for (const action of s.Action.filter((a) => a.includes("*") || a.includes("?"))) {
        report(`\`${doc.field}\` ${statementLabel(s, i)} allows the wildcard action "${action}".`);
      }
      if (s.NotAction.length > 0) report(`\`${doc.field}\` ${statementLabel(s, i)} allows NotAction, which grants every other action.`);
    }
  },
);
