import { isTrue, resourceRule } from "../rule";

export const codebuildS3LogsEncrypted = resourceRule(
  {
    id: "aws-cicd-codebuild-s3-logs-encrypted",
    service: "codebuild",
    description: "CodeBuild S3 build logs are encrypted.",
    severity: "medium",
    remediation: "Remove `encryptionDisabled: true` from `logsConfig.s3Logs`.",
    tier: "baseline",
    references: { securityHub: ["CodeBuild.3"], checkov: ["CKV_AWS_311"] },
    preview:
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
  },
  ["aws:codebuild/project:Project"],
  (props, report) => {
    const s3 = props.logsConfig?.s3Logs;
    if (s3?.status === "ENABLED" && isTrue(s3.encryptionDisabled)) report("CodeBuild project writes S3 logs with encryption disabled.");
  },
);
