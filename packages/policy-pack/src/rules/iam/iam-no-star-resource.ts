import { statementLabel } from "../policy-documents";
import { documentsRule } from "./documents-rule";
import { supportsResourceScoping } from "./iam-data";

export const iamNoStarResource = documentsRule(
  {
    id: "aws-cicd-iam-no-star-resource",
    service: "iam",
    description:
      'Identity policies grant `Resource: "*"` only for actions that support no resource-level permission (covers kms:Decrypt on "*" too).',
    severity: "high",
    remediation: 'Name the exact ARNs; keep `"*"` only for actions AWS cannot scope (ecr:GetAuthorizationToken, ec2:Describe*...).',
    tier: "strict",
    references: { cdkNag: ["IAM5"], checkov: ["CKV_AWS_355", "CKV_AWS_290"] },
    preview:
      "Judges policy documents known in preview. A document that embeds an ARN of a resource created in the same run is unknown: that resource alone is not judged (CrossGuard notes it), and the rule runs again at `pulumi up`.",
  },
  ["identity"],
  async (doc, report) => {
    for (const [i, s] of doc.statements.entries()) {
      if (s.Effect !== "Allow" || !s.Resource.includes("*")) continue;
      for (const action of s.Action) {
        if (await supportsResourceScoping(action)) {
          report(`\`${doc.field}\` ${statementLabel(s, i)} grants "${action}" on "*" although it supports resource-level permissions.`);
        }
      }
    }
  },
);
