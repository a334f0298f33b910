import { resourceRule } from "../rule";
import { BEANSTALK_TYPES, settingOf } from "./settings";

export const ebImdsv1Disabled = resourceRule(
  {
    id: "aws-cicd-eb-imdsv1-disabled",
    service: "beanstalk",
    description: "Elastic Beanstalk instances require IMDSv2 (DisableIMDSv1).",
    severity: "high",
    remediation: "Set aws:autoscaling:launchconfiguration DisableIMDSv1 to true.",
    references: { securityHub: ["EC2.8"] },
  },
  BEANSTALK_TYPES,
  (props, report) => {
    if (settingOf(props, "aws:autoscaling:launchconfiguration", "DisableIMDSv1") !== "true")
      report("Elastic Beanstalk environment does not disable IMDSv1 (`DisableIMDSv1`).");
  },
);
