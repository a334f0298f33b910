import { resourceRule } from "../rule";

export const codebuildLogging = resourceRule(
  {
    id: "aws-cicd-codebuild-logging",
    service: "codebuild",
    description: "CodeBuild projects keep build logs: CloudWatch Logs (on unless `logsConfig.cloudwatchLogs.status` is DISABLED) or S3.",
    severity: "medium",
    remediation: "Set `logsConfig.cloudwatchLogs` (status ENABLED, a group name) or `logsConfig.s3Logs` (status ENABLED).",
    tier: "baseline",
    references: { securityHub: ["CodeBuild.4"], checkov: ["CKV_AWS_314"] },
    preview:
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
  },
  ["aws:codebuild/project:Project"],
  (props, report) => {
    // CloudWatch Logs is CodeBuild's default when `logsConfig` leaves it out.
    // https://docs.aws.amazon.com/codebuild/latest/APIReference/API_CloudWatchLogsConfig.html
    const l = props.logsConfig;
    const cw = (l?.cloudwatchLogs?.status ?? "ENABLED") === "ENABLED";
    const s3 = l?.s3Logs?.status === "ENABLED";
    if (!cw && !s3) report("CodeBuild project disables CloudWatch Logs and enables no S3 logs (`logsConfig`).");
  },
);
