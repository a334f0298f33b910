import { resourceRule } from "../rule";
import { BEANSTALK_TYPES, fromTemplate, settingOf } from "./settings";

export const ebManagedUpdates = resourceRule(
  {
    id: "aws-cicd-eb-managed-updates",
    service: "beanstalk",
    description: "Elastic Beanstalk environments enable managed platform updates with an update level.",
    severity: "medium",
    remediation:
      "Set aws:elasticbeanstalk:managedactions ManagedActionsEnabled to true and aws:elasticbeanstalk:managedactions:platformupdate UpdateLevel to minor or patch.",
    tier: "baseline",
    references: { cdkNag: ["EB3"], securityHub: ["ElasticBeanstalk.2"], checkov: ["CKV_AWS_340"] },
    preview:
      "Judges the environment's option settings and those of the configuration template it names; a setting whose value is unknown leaves that environment alone unjudged until `pulumi up`.",
  },
  BEANSTALK_TYPES,
  (props, report) => {
    if (
      !fromTemplate(props, "aws:elasticbeanstalk:managedactions", "ManagedActionsEnabled") &&
      settingOf(props, "aws:elasticbeanstalk:managedactions", "ManagedActionsEnabled") !== "true"
    )
      report("Elastic Beanstalk environment does not enable managed platform updates (`ManagedActionsEnabled`).");
    const level = settingOf(props, "aws:elasticbeanstalk:managedactions:platformupdate", "UpdateLevel");
    if (!fromTemplate(props, "aws:elasticbeanstalk:managedactions:platformupdate", "UpdateLevel") && level !== "minor" && level !== "patch")
      report(
        `Elastic Beanstalk environment sets no managed update level (\`UpdateLevel\` minor or patch), got ${level === undefined ? "none" : `"${level}"`}.`,
      );
  },
);
