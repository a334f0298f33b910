import { stackRule } from "../rule";
import { relatedResources } from "../relations";

export const kmsKeyPolicyDefined = stackRule(
  {
    id: "aws-cicd-kms-key-policy-defined",
    service: "kms",
    description: "KMS keys have an explicit key policy (on the key or as an aws.kms.KeyPolicy), not the default one.",
    severity: "medium",
    remediation:
      "Give the key a `policy` that names who administers and who uses it (EncryptionKey writes one), or add an `aws.kms.KeyPolicy`.",
    references: { securityHub: ["KMS.5"], checkov: ["CKV_AWS_33"] },
  },
  (resources, report) => {
    for (const key of resources.filter((r) => r.type === "aws:kms/key:Key")) {
      if (typeof key.props.policy === "string" && key.props.policy.length > 0) continue;
      if (relatedResources(resources, key, "aws:kms/keyPolicy:KeyPolicy", "keyId", ["keyId"]).length > 0) continue;
      report(`KMS key "${key.name}" has no key policy.`, key.urn);
    }
  },
);
