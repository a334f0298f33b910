import { isAwsManagedKeyAlias, keyOf, resourceRule } from "../rule";

export const codepipelineArtifactStoreKey = resourceRule(
  {
    id: "aws-cicd-codepipeline-artifact-store-key",
    service: "codepipeline",
    description: "CodePipeline artifact stores are encrypted with a customer managed KMS key.",
    severity: "high",
    remediation: 'Set `artifactStores[].encryptionKey` to `{ type: "KMS", id: <customer key ARN> }` (Pipeline does).',
    tier: "strict",
    references: { checkov: ["CKV_AWS_219"] },
    preview:
      "Judges the resource's inputs. A key ARN built from another resource's output is unknown in preview and counts as a customer managed key (AWS managed keys are constant `alias/aws/...` names); other unknown inputs leave that resource alone unjudged until `pulumi up`.",
  },
  ["aws:codepipeline/pipeline:Pipeline"],
  (props, report) => {
    const stores = Array.isArray(props.artifactStores) ? props.artifactStores : [];
    stores.forEach((s: any, i: number) => {
      const k = s?.encryptionKey;
      const id = keyOf(() => k?.id);
      if (!id || k.type !== "KMS" || isAwsManagedKeyAlias(id))
        report(`Pipeline \`artifactStores[${i}]\` is not encrypted with a customer managed KMS key.`);
    });
  },
);
