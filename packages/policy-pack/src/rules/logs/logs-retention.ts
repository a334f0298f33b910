import { DEFAULT_BUILD_LOG_RETENTION_DAYS } from "aws-cicd";
import { resourceRule } from "../rule";

interface Config {
  minimumRetentionDays: number;
}

export const logsRetention = resourceRule<Config>(
  {
    id: "aws-cicd-logs-retention",
    service: "logs",
    description: "CloudWatch log groups set a retention of at least `minimumRetentionDays` (default one year, as CKV_AWS_338 asks).",
    severity: "low",
    remediation: "Set `retentionInDays` to a value CloudWatch accepts that is at least the minimum.",
    references: { checkov: ["CKV_AWS_66", "CKV_AWS_338"] },
    configSchema: {
      properties: { minimumRetentionDays: { type: "integer", minimum: 1, default: DEFAULT_BUILD_LOG_RETENTION_DAYS } },
    },
  },
  ["aws:cloudwatch/logGroup:LogGroup"],
  (props, report, config) => {
    const days = Number(props.retentionInDays ?? 0);
    if (!days) report("Log group sets no `retentionInDays`.");
    else if (days < config.minimumRetentionDays)
      report(`Log group \`retentionInDays\` is ${days}, below the minimum of ${config.minimumRetentionDays}.`);
  },
);
