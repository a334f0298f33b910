import { resourceRule } from "../rule";
import { heldOnLaunchTemplate } from "./launch-template";

export const ec2Imdsv2 = resourceRule(
  {
    id: "aws-cicd-ec2-imdsv2",
    service: "ec2",
    description: 'Launch templates and instances require IMDSv2 (`metadataOptions.httpTokens: "required"`).',
    severity: "high",
    remediation: 'Set `metadataOptions: { httpTokens: "required", httpEndpoint: "enabled" }`.',
    tier: "baseline",
    references: { securityHub: ["EC2.8", "EC2.170"], checkov: ["CKV_AWS_79"] },
    preview:
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
  },
  ["aws:ec2/launchTemplate:LaunchTemplate", "aws:ec2/instance:Instance"],
  (props, report, _c, args) => {
    const m = props.metadataOptions;
    if (m === undefined && heldOnLaunchTemplate(args.type, props)) return;
    if (m?.httpEndpoint === "disabled") return;
    if (m?.httpTokens !== "required") report("Instance metadata does not require IMDSv2 (`metadataOptions.httpTokens`).");
  },
);
