import { resourceRule } from "../rule";
import { BEANSTALK_TYPES, settingOf } from "./settings";

export const ebEnhancedHealth = resourceRule(
  {
    id: "aws-cicd-eb-enhanced-health",
    service: "beanstalk",
    description: "Elastic Beanstalk environments use enhanced health reporting.",
    severity: "low",
    remediation: "Set aws:elasticbeanstalk:healthreporting:system SystemType to enhanced.",
    references: { securityHub: ["ElasticBeanstalk.1"], checkov: ["CKV_AWS_312"] },
  },
  BEANSTALK_TYPES,
  (props, report) => {
    if (settingOf(props, "aws:elasticbeanstalk:healthreporting:system", "SystemType") !== "enhanced")
      report("Elastic Beanstalk environment does not use enhanced health reporting (`SystemType`).");
  },
);
