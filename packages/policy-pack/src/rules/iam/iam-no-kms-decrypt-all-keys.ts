import { actionMatches, statementLabel } from "../policy-documents";
import { documentsRule } from "./documents-rule";

/** The decryption actions Security Hub KMS.1 / KMS.2 look for. https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-1 */
const DECRYPT_ACTIONS = ["kms:Decrypt", "kms:ReEncryptFrom"];

export const iamNoKmsDecryptAllKeys = documentsRule(
  {
    id: "aws-cicd-iam-no-kms-decrypt-all-keys",
    service: "iam",
    description: 'Identity policies allow no KMS decryption (kms:Decrypt, kms:ReEncryptFrom) on all keys (`Resource: "*"`).',
    severity: "high",
    remediation: "Name the key ARNs the principal decrypts with (or condition the statement with kms:ViaService / kms:CallerAccount).",
    tier: "baseline",
    references: { securityHub: ["KMS.1", "KMS.2"] },
    preview:
      "Judges policy documents known in preview. A document that embeds an ARN of a resource created in the same run is unknown: that resource alone is not judged (CrossGuard notes it), and the rule runs again at `pulumi up`.",
  },
  ["identity"],
  (doc, report) => {
    for (const [i, s] of doc.statements.entries()) {
      if (s.Effect !== "Allow" || !s.Resource.some((r) => r === "*" || /^arn:[^:]+:kms:\*?:\*?:key\/\*$/.test(r))) continue;
      for (const action of DECRYPT_ACTIONS.filter((a) => s.Action.some((p) => actionMatches(p, a)))) {
        report(`\`${doc.field}\` ${statementLabel(s, i)} allows "${action}" on all KMS keys.`);
      }
    }
  },
);
