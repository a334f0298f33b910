import { isTrue, resourceRule } from "../rule";

export const kmsKeyRotation = resourceRule(
  {
    id: "aws-cicd-kms-key-rotation",
    service: "kms",
    description: "Symmetric encryption KMS keys rotate automatically.",
    severity: "medium",
    remediation: "Set `enableKeyRotation: true` on the key (EncryptionKey does).",
    references: { cdkNag: ["KMS5"], securityHub: ["KMS.4"], checkov: ["CKV_AWS_7"] },
  },
  ["aws:kms/key:Key"],
  (props, report) => {
    const spec = props.customerMasterKeySpec ?? props.keySpec ?? "SYMMETRIC_DEFAULT";
    const usage = props.keyUsage ?? "ENCRYPT_DECRYPT";
    if (spec !== "SYMMETRIC_DEFAULT" || usage !== "ENCRYPT_DECRYPT") return;
    if (!isTrue(props.enableKeyRotation)) report("Symmetric KMS key does not enable automatic rotation (`enableKeyRotation`).");
  },
);
