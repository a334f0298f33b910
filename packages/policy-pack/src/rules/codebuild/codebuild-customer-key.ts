import { isAwsManagedKeyAlias, resourceRule } from "../rule";

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
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
  },
  ["aws:codebuild/project:Project"],
  (props, report) => {
    if (!props.encryptionKey) report("CodeBuild project has no `encryptionKey`; it falls back to the AWS managed key alias/aws/s3.");
    else if (isAwsManagedKeyAlias(props.encryptionKey))
      report(`CodeBuild project uses the AWS managed key "${props.encryptionKey}"; use a customer managed key.`);
  },
);
