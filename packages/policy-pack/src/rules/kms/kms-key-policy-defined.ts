import { stackRule } from "../rule";
import { relatedResources } from "../relations";
import { computedInput, forEachContained } from "../unknowns";

export const kmsKeyPolicyDefined = stackRule(
  {
    id: "aws-cicd-kms-key-policy-defined",
    service: "kms",
    description: "KMS keys have an explicit key policy (on the key or as an aws.kms.KeyPolicy), not the default one.",
    severity: "medium",
    remediation:
      "Give the key a `policy` that names who administers and who uses it (EncryptionKey writes one), or add an `aws.kms.KeyPolicy`.",
    tier: "strict",
    references: { checkov: ["CKV2_AWS_64"] },
    preview:
      "Judged in preview: a `policy` set on the key counts even when its text is built from outputs (told apart from the policy AWS fills in by its property dependency), and an aws.kms.KeyPolicy is related by property dependency on `keyId`.",
  },
  async (resources, report) => {
    await forEachContained(
      resources.filter((r) => r.type === "aws:kms/key:Key"),
      (key) => {
        if (computedInput(key, "policy").state !== "absent") return;
        if (relatedResources(resources, key, "aws:kms/keyPolicy:KeyPolicy", "keyId", ["keyId"]).length > 0) return;
        report(`KMS key "${key.name}" has no key policy.`, key.urn);
      },
    );
  },
);
