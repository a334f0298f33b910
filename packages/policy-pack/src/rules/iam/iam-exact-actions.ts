import { statementLabel } from "../policy-documents";
import { documentsRule } from "./documents-rule";

export const iamExactActions = documentsRule(
  {
    id: "aws-cicd-iam-exact-actions",
    service: "iam",
    description:
      "Allow statements of identity, resource and trust policies name exact actions: no `service:Prefix*`, no wildcard in key or bucket policies (AWS's recommended `kms:*` key-administration statement included), no NotAction.",
    severity: "medium",
    remediation: "List the exact actions the principal calls, from the service authorization reference.",
    tier: "strict",
    references: { cdkNag: ["IAM5"] },
    preview:
      "Judges policy documents known in preview. A document that embeds an ARN of a resource created in the same run is unknown: that resource alone is not judged (CrossGuard notes it), and the rule runs again at `pulumi up`.",
  },
  ["identity", "resource", "trust"],
  (doc, report) => {
    for (const [i, s] of doc.statements.entries()) {
      if (s.Effect !== "Allow") continue;
      for (const action of s.Action.filter((a) => a.includes("*") || a.includes("?"))) {
        // Whole-service wildcards in identity policies are the baseline rule's finding.
        if (doc.kind === "identity" && /^(\*|[a-z0-9-]+:\*)$/i.test(action)) continue;
        report(`\`${doc.field}\` ${statementLabel(s, i)} allows the wildcard action "${action}".`);
      }
      if (s.NotAction.length > 0) report(`\`${doc.field}\` ${statementLabel(s, i)} allows NotAction, which grants every other action.`);
    }
  },
);
