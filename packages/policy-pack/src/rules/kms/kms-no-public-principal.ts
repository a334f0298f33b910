import { resourceRule } from "../rule";
import { statementsOf } from "../policy-documents";
import { publicAllowProblems } from "../resource-policy-checks";

export const kmsNoPublicPrincipal = resourceRule(
  {
    id: "aws-cicd-kms-no-public-principal",
    service: "kms",
    description: 'KMS key policies do not allow the "*" principal without conditions.',
    severity: "critical",
    remediation:
      "Name the account, roles or service principals that use the key, or condition the statement (kms:CallerAccount, kms:ViaService).",
    tier: "baseline",
    references: { securityHub: ["KMS.5"], checkov: ["CKV_AWS_33"] },
    preview:
      "Judges policy documents known in preview. A document that embeds an ARN of a resource created in the same run is unknown: that resource alone is not judged (CrossGuard notes it), and the rule runs again at `pulumi up`.",
  },
  ["aws:kms/key:Key", "aws:kms/keyPolicy:KeyPolicy"],
  (props, report) => {
    // Stryker disable next-line ArrayDeclaration: a fallback list with an item that is not a statement (no `Effect`) yields no problem either.
    for (const p of publicAllowProblems(statementsOf(props.policy) ?? [])) report(`Key policy ${p}.`);
  },
);
