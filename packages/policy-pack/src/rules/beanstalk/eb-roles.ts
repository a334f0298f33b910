import { resourceRule } from "../rule";
import { BEANSTALK_TYPES, settingOf } from "./settings";

export const ebRoles = resourceRule(
  {
    id: "aws-cicd-eb-roles",
    service: "beanstalk",
    description: "Elastic Beanstalk environments name their instance profile and service role explicitly.",
    severity: "medium",
    remediation:
      "Set aws:autoscaling:launchconfiguration IamInstanceProfile and aws:elasticbeanstalk:environment ServiceRole (BeanstalkTarget creates both).",
    references: {},
  },
  BEANSTALK_TYPES,
  (props, report) => {
    if (!settingOf(props, "aws:autoscaling:launchconfiguration", "IamInstanceProfile"))
      report("Elastic Beanstalk environment sets no instance profile (`IamInstanceProfile`).");
    if (!settingOf(props, "aws:elasticbeanstalk:environment", "ServiceRole"))
      report("Elastic Beanstalk environment sets no service role (`ServiceRole`).");
  },
);
