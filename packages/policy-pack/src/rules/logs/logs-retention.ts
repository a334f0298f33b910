import { DEFAULT_BUILD_LOG_RETENTION_DAYS } from "aws-cicd";
import { resourceRule } from "../rule";

interface Config {
  minimumRetentionDays: number;
}

export const logsRetention = resourceRule<Config>(
  {
    id: "aws-cicd-logs-retention",
    service: "logs",
    description:
      "CloudWatch log groups keep logs at least `minimumRetentionDays` (default one year, as CKV_AWS_338 asks); `retentionInDays` 0 or unset means never expire, which meets any minimum.",
    severity: "low",
    remediation: "Set `retentionInDays` to a value CloudWatch accepts that is at least the minimum.",
    tier: "strict",
    references: { securityHub: ["CloudWatch.16"], checkov: ["CKV_AWS_66", "CKV_AWS_338"] },
    preview:
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
    configSchema: {
      properties: { minimumRetentionDays: { type: "integer", minimum: 1, default: DEFAULT_BUILD_LOG_RETENTION_DAYS } },
    },
  },
  ["aws:cloudwatch/logGroup:LogGroup"],
  (props, report, config) => {
    // 0 (or unset) is CloudWatch's "never expire".
    // https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html
    const days = Number(props.retentionInDays ?? 0);
    if (days > 0 && days < config.minimumRetentionDays)
      report(`Log group \`retentionInDays\` is ${days}, below the minimum of ${config.minimumRetentionDays}.`);
  },
);
