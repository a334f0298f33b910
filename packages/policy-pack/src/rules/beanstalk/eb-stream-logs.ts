import { resourceRule } from "../rule";
import { BEANSTALK_TYPES, fromTemplate, settingOf } from "./settings";

export const ebStreamLogs = resourceRule(
  {
    id: "aws-cicd-eb-stream-logs",
    service: "beanstalk",
    description: "Elastic Beanstalk environments stream instance logs to CloudWatch Logs.",
    severity: "medium",
    remediation: "Set aws:elasticbeanstalk:cloudwatch:logs StreamLogs to true.",
    tier: "baseline",
    references: { securityHub: ["ElasticBeanstalk.3"] },
    preview:
      "Judges the environment's option settings and those of the configuration template it names; a setting whose value is unknown leaves that environment alone unjudged until `pulumi up`.",
  },
  BEANSTALK_TYPES,
  (props, report) => {
    if (
      !fromTemplate(props, "aws:elasticbeanstalk:cloudwatch:logs", "StreamLogs") &&
      settingOf(props, "aws:elasticbeanstalk:cloudwatch:logs", "StreamLogs") !== "true"
    )
      report("Elastic Beanstalk environment does not stream logs to CloudWatch Logs (`StreamLogs`).");
  },
);
