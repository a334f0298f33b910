import { resourceRule } from "../rule";
import { BEANSTALK_TYPES, settingOf } from "./settings";

export const ebStreamLogs = resourceRule(
  {
    id: "aws-cicd-eb-stream-logs",
    service: "beanstalk",
    description: "Elastic Beanstalk environments stream instance logs to CloudWatch Logs.",
    severity: "medium",
    remediation: "Set aws:elasticbeanstalk:cloudwatch:logs StreamLogs to true.",
    references: { securityHub: ["ElasticBeanstalk.3"] },
  },
  BEANSTALK_TYPES,
  (props, report) => {
    if (settingOf(props, "aws:elasticbeanstalk:cloudwatch:logs", "StreamLogs") !== "true")
      report("Elastic Beanstalk environment does not stream logs to CloudWatch Logs (`StreamLogs`).");
  },
);
