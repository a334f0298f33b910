import { resourceRule } from "../rule";
import { BEANSTALK_TYPES, settingOf } from "./settings";

export const ebLogPublication = resourceRule(
  {
    id: "aws-cicd-eb-log-publication",
    service: "beanstalk",
    description: "Elastic Beanstalk environments publish instance logs to S3 (LogPublicationControl).",
    severity: "low",
    remediation: "Set aws:elasticbeanstalk:hostmanager LogPublicationControl to true.",
    references: { cdkNag: ["EB4"] },
  },
  BEANSTALK_TYPES,
  (props, report) => {
    if (settingOf(props, "aws:elasticbeanstalk:hostmanager", "LogPublicationControl") !== "true")
      report("Elastic Beanstalk environment does not publish instance logs (`LogPublicationControl`).");
  },
);
