import { isAwsManagedKeyAlias, keyOf, resourceRule } from "../rule";

export const codebuildCustomerKey = resourceRule(
  {
    id: "aws-cicd-codebuild-customer-key",
    service: "codebuild",
    description: "CodeBuild projects encrypt build output with a customer managed KMS key, not alias/aws/s3.",
    severity: "medium",
    remediation: "Set `encryptionKey` to the ARN of a customer managed key (BuildProject: `encryptionKey` or its default key).",
    tier: "strict",
    references: { cdkNag: ["CB4"], checkov: ["CKV_AWS_147"] },
    preview:
      "Judges the resource's inputs. A key ARN built from another resource's output is unknown in preview and counts as a customer managed key (AWS managed keys are constant `alias/aws/...` names); other unknown inputs leave that resource alone unjudged until `pulumi up`.",
  },
  ["aws:codebuild/project:Project"],
  (props, report) => {
    const key = keyOf(() => props.encryptionKey);
    if (!key) report("CodeBuild project has no `encryptionKey`; it falls back to the AWS managed key alias/aws/s3.");
    else if (isAwsManagedKeyAlias(key)) report(`CodeBuild project uses the AWS managed key "${key}"; use a customer managed key.`);
  },
);
