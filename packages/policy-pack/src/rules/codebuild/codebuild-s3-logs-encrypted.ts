import { isTrue, resourceRule } from "../rule";

export const codebuildS3LogsEncrypted = resourceRule(
  {
    id: "aws-cicd-codebuild-s3-logs-encrypted",
    service: "codebuild",
    description: "CodeBuild S3 build logs are encrypted.",
    severity: "medium",
    remediation: "Remove `encryptionDisabled: true` from `logsConfig.s3Logs`.",
    references: { securityHub: ["CodeBuild.3"], checkov: ["CKV_AWS_311"] },
  },
  ["aws:codebuild/project:Project"],
  (props, report) => {
    const s3 = props.logsConfig?.s3Logs;
    if (s3?.status === "ENABLED" && isTrue(s3.encryptionDisabled)) report("CodeBuild project writes S3 logs with encryption disabled.");
  },
);
