import { resourceRule } from "../rule";
import { BEANSTALK_TYPES, fromTemplate, settingOf } from "./settings";

export const ebEnhancedHealth = resourceRule(
  {
    id: "aws-cicd-eb-enhanced-health",
    service: "beanstalk",
    description: "Elastic Beanstalk environments use enhanced health reporting.",
    severity: "low",
    remediation: "Set aws:elasticbeanstalk:healthreporting:system SystemType to enhanced.",
    tier: "baseline",
    references: { securityHub: ["ElasticBeanstalk.1"], checkov: ["CKV_AWS_312"] },
    preview:
      "Judges the environment's option settings and those of the configuration template it names; a setting whose value is unknown leaves that environment alone unjudged until `pulumi up`.",
  },
  BEANSTALK_TYPES,
  (props, report) => {
    if (
      !fromTemplate(props, "aws:elasticbeanstalk:healthreporting:system", "SystemType") &&
      settingOf(props, "aws:elasticbeanstalk:healthreporting:system", "SystemType") !== "enhanced"
    )
      report("Elastic Beanstalk environment does not use enhanced health reporting (`SystemType`).");
  },
);
