import { isTrue, resourceRule } from "../rule";

export const ec2DetailedMonitoring = resourceRule(
  {
    id: "aws-cicd-ec2-detailed-monitoring",
    service: "ec2",
    description: "Launch templates and instances enable detailed monitoring.",
    severity: "low",
    remediation: "Set `monitoring: { enabled: true }` (launch template) or `monitoring: true` (instance).",
    references: { cdkNag: ["EC28"], checkov: ["CKV_AWS_126"] },
  },
  ["aws:ec2/launchTemplate:LaunchTemplate", "aws:ec2/instance:Instance"],
  (props, report, _c, args) => {
    const on = args.type === "aws:ec2/instance:Instance" ? isTrue(props.monitoring) : isTrue(props.monitoring?.enabled);
    if (!on) report("EC2 detailed monitoring is not enabled.");
  },
);
