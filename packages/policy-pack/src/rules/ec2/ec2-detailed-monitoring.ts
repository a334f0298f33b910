import { isTrue, resourceRule } from "../rule";
import { heldOnLaunchTemplate } from "./launch-template";

export const ec2DetailedMonitoring = resourceRule(
  {
    id: "aws-cicd-ec2-detailed-monitoring",
    service: "ec2",
    description: "Launch templates and instances enable detailed monitoring.",
    severity: "low",
    remediation: "Set `monitoring: { enabled: true }` (launch template) or `monitoring: true` (instance).",
    tier: "strict",
    references: { cdkNag: ["EC28"], checkov: ["CKV_AWS_126"] },
    preview:
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
  },
  ["aws:ec2/launchTemplate:LaunchTemplate", "aws:ec2/instance:Instance"],
  (props, report, _c, args) => {
    if (props.monitoring === undefined && heldOnLaunchTemplate(args.type, props)) return;
    const on = args.type === "aws:ec2/instance:Instance" ? isTrue(props.monitoring) : isTrue(props.monitoring?.enabled);
    if (!on) report("EC2 detailed monitoring is not enabled.");
  },
);
