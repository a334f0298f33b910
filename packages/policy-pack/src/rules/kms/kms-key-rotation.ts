import { isTrue, resourceRule } from "../rule";

export const kmsKeyRotation = resourceRule(
  {
    id: "aws-cicd-kms-key-rotation",
    service: "kms",
    description: "Symmetric encryption KMS keys rotate automatically.",
    severity: "medium",
    remediation: "Set `enableKeyRotation: true` on the key (EncryptionKey does).",
    tier: "strict",
    references: { cdkNag: ["KMS5"], securityHub: ["KMS.4"], checkov: ["CKV_AWS_7"] },
    preview:
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
  },
  ["aws:kms/key:Key"],
  (props, report) => {
    const spec = props.customerMasterKeySpec ?? props.keySpec ?? "SYMMETRIC_DEFAULT";
    const usage = props.keyUsage ?? "ENCRYPT_DECRYPT";
    if (spec !== "SYMMETRIC_DEFAULT" || usage !== "ENCRYPT_DECRYPT") return;
    if (!isTrue(props.enableKeyRotation)) report("Symmetric KMS key does not enable automatic rotation (`enableKeyRotation`).");
  },
);
