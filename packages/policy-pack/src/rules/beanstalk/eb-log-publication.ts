import { resourceRule } from "../rule";
import { BEANSTALK_TYPES, fromTemplate, settingOf } from "./settings";

export const ebLogPublication = resourceRule(
  {
    id: "aws-cicd-eb-log-publication",
    service: "beanstalk",
    description: "Elastic Beanstalk environments publish instance logs to S3 (LogPublicationControl).",
    severity: "low",
    remediation: "Set aws:elasticbeanstalk:hostmanager LogPublicationControl to true.",
    tier: "strict",
    references: { cdkNag: ["EB4"] },
    preview:
      "Judges the environment's option settings and those of the configuration template it names; a setting whose value is unknown leaves that environment alone unjudged until `pulumi up`.",
  },
  BEANSTALK_TYPES,
  (props, report) => {
    if (
      !fromTemplate(props, "aws:elasticbeanstalk:hostmanager", "LogPublicationControl") &&
      settingOf(props, "aws:elasticbeanstalk:hostmanager", "LogPublicationControl") !== "true"
    )
      report("Elastic Beanstalk environment does not publish instance logs (`LogPublicationControl`).");
  },
);
