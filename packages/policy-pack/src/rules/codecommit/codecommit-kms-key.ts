import { isAwsManagedKeyAlias, resourceRule } from "../rule";

export const codecommitKmsKey = resourceRule(
  {
    id: "aws-cicd-codecommit-kms-key",
    service: "codecommit",
    description: "CodeCommit repositories are encrypted with a customer managed KMS key.",
    severity: "medium",
    remediation: "Set `kmsKeyId` to a customer managed key (CodeCommitRepo does).",
    tier: "strict",
    references: {},
    preview:
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
  },
  ["aws:codecommit/repository:Repository"],
  (props, report) => {
    if (!props.kmsKeyId || isAwsManagedKeyAlias(props.kmsKeyId))
      report("CodeCommit repository is not encrypted with a customer managed `kmsKeyId`.");
  },
);
