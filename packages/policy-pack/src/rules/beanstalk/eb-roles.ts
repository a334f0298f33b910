import { resourceRule } from "../rule";
import { BEANSTALK_TYPES, fromTemplate, settingOf } from "./settings";

export const ebRoles = resourceRule(
  {
    id: "aws-cicd-eb-roles",
    service: "beanstalk",
    description: "Elastic Beanstalk environments name their instance profile and service role explicitly.",
    severity: "medium",
    remediation:
      "Set aws:autoscaling:launchconfiguration IamInstanceProfile and aws:elasticbeanstalk:environment ServiceRole (BeanstalkTarget creates both).",
    tier: "strict",
    references: {},
    preview:
      "Judges the environment's option settings and those of the configuration template it names; a setting whose value is unknown leaves that environment alone unjudged until `pulumi up`.",
  },
  BEANSTALK_TYPES,
  (props, report) => {
    if (
      !fromTemplate(props, "aws:autoscaling:launchconfiguration", "IamInstanceProfile") &&
      !settingOf(props, "aws:autoscaling:launchconfiguration", "IamInstanceProfile")
    )
      report("Elastic Beanstalk environment sets no instance profile (`IamInstanceProfile`).");
    if (
      !fromTemplate(props, "aws:elasticbeanstalk:environment", "ServiceRole") &&
      !settingOf(props, "aws:elasticbeanstalk:environment", "ServiceRole")
    )
      report("Elastic Beanstalk environment sets no service role (`ServiceRole`).");
  },
);
