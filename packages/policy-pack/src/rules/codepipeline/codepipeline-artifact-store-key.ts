import { isAwsManagedKeyAlias, resourceRule } from "../rule";

export const codepipelineArtifactStoreKey = resourceRule(
  {
    id: "aws-cicd-codepipeline-artifact-store-key",
    service: "codepipeline",
    description: "CodePipeline artifact stores are encrypted with a customer managed KMS key.",
    severity: "high",
    remediation: 'Set `artifactStores[].encryptionKey` to `{ type: "KMS", id: <customer key ARN> }` (Pipeline does).',
    references: { checkov: ["CKV_AWS_219"] },
  },
  ["aws:codepipeline/pipeline:Pipeline"],
  (props, report) => {
    const stores = Array.isArray(props.artifactStores) ? props.artifactStores : [];
    stores.forEach((s: any, i: number) => {
      const k = s?.encryptionKey;
      if (!k?.id || k.type !== "KMS" || isAwsManagedKeyAlias(k.id))
        report(`Pipeline \`artifactStores[${i}]\` is not encrypted with a customer managed KMS key.`);
    });
  },
);
