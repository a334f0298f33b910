import { isAwsManagedKeyAlias, keyOf, resourceRule } from "../rule";

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
      "Judges the resource's inputs. A key ARN built from another resource's output is unknown in preview and counts as a customer managed key (AWS managed keys are constant `alias/aws/...` names); other unknown inputs leave that resource alone unjudged until `pulumi up`.",
  },
  ["aws:codecommit/repository:Repository"],
  (props, report) => {
    const key = keyOf(() => props.kmsKeyId);
    if (!key || isAwsManagedKeyAlias(key)) report("CodeCommit repository is not encrypted with a customer managed `kmsKeyId`.");
  },
);
