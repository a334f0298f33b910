import { resourceRule } from "../rule";

export const codebuildLogging = resourceRule(
  {
    id: "aws-cicd-codebuild-logging",
    service: "codebuild",
    description: "CodeBuild projects configure build logs (CloudWatch Logs or S3) explicitly.",
    severity: "medium",
    remediation: "Set `logsConfig.cloudwatchLogs` (status ENABLED, a group name) or `logsConfig.s3Logs` (status ENABLED).",
    references: { securityHub: ["CodeBuild.4"], checkov: ["CKV_AWS_314"] },
  },
  ["aws:codebuild/project:Project"],
  (props, report) => {
    const l = props.logsConfig;
    const cw = l?.cloudwatchLogs ? (l.cloudwatchLogs.status ?? "ENABLED") === "ENABLED" : false;
    const s3 = l?.s3Logs?.status === "ENABLED";
    if (!cw && !s3) report("CodeBuild project has no enabled `logsConfig` (CloudWatch Logs or S3).");
  },
);
