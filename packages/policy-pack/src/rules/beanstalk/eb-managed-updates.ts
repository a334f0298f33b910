import { resourceRule } from "../rule";
import { BEANSTALK_TYPES, settingOf } from "./settings";

export const ebManagedUpdates = resourceRule(
  {
    id: "aws-cicd-eb-managed-updates",
    service: "beanstalk",
    description: "Elastic Beanstalk environments enable managed platform updates with an update level.",
    severity: "medium",
    remediation:
      "Set aws:elasticbeanstalk:managedactions ManagedActionsEnabled to true and aws:elasticbeanstalk:managedactions:platformupdate UpdateLevel to minor or patch.",
    references: { cdkNag: ["EB3"], securityHub: ["ElasticBeanstalk.2"], checkov: ["CKV_AWS_340"] },
  },
  BEANSTALK_TYPES,
  (props, report) => {
    if (settingOf(props, "aws:elasticbeanstalk:managedactions", "ManagedActionsEnabled") !== "true")
      report("Elastic Beanstalk environment does not enable managed platform updates (`ManagedActionsEnabled`).");
    const level = settingOf(props, "aws:elasticbeanstalk:managedactions:platformupdate", "UpdateLevel");
    if (level !== "minor" && level !== "patch")
      report(
        `Elastic Beanstalk environment sets no managed update level (\`UpdateLevel\` minor or patch), got ${level === undefined ? "none" : `"${level}"`}.`,
      );
  },
);
