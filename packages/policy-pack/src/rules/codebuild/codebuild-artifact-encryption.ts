import { isTrue, resourceRule } from "../rule";

export const codebuildArtifactEncryption = resourceRule(
  {
    id: "aws-cicd-codebuild-artifact-encryption",
    service: "codebuild",
    description: "CodeBuild projects do not disable artifact encryption.",
    severity: "high",
    remediation: "Remove `encryptionDisabled: true` from `artifacts` and `secondaryArtifacts`.",
    tier: "strict",
    references: { checkov: ["CKV_AWS_78"] },
    preview:
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
  },
  ["aws:codebuild/project:Project"],
  (props, report) => {
    const all = [
      ["artifacts", props.artifacts],
      ...(Array.isArray(props.secondaryArtifacts) ? props.secondaryArtifacts : []).map((a: unknown, i: number) => [
        `secondaryArtifacts[${i}]`,
        a,
      ]),
    ];
    for (const [path, a] of all as [string, any][]) {
      if (isTrue(a?.encryptionDisabled)) report(`CodeBuild project \`${path}\` disables encryption.`);
    }
  },
);
