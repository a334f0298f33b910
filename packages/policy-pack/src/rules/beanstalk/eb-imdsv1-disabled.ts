import { resourceRule } from "../rule";
import { BEANSTALK_TYPES, fromTemplate, settingOf } from "./settings";

export const ebImdsv1Disabled = resourceRule(
  {
    id: "aws-cicd-eb-imdsv1-disabled",
    service: "beanstalk",
    description: "Elastic Beanstalk instances require IMDSv2 (DisableIMDSv1).",
    severity: "high",
    remediation: "Set aws:autoscaling:launchconfiguration DisableIMDSv1 to true.",
    tier: "baseline",
    references: { securityHub: ["EC2.8"] },
    preview:
      "Judges the environment's option settings and those of the configuration template it names; a setting whose value is unknown leaves that environment alone unjudged until `pulumi up`.",
  },
  BEANSTALK_TYPES,
  (props, report) => {
    if (
      !fromTemplate(props, "aws:autoscaling:launchconfiguration", "DisableIMDSv1") &&
      settingOf(props, "aws:autoscaling:launchconfiguration", "DisableIMDSv1") !== "true"
    )
      report("Elastic Beanstalk environment does not disable IMDSv1 (`DisableIMDSv1`).");
  },
);
