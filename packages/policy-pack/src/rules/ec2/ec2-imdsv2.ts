import { resourceRule } from "../rule";

export const ec2Imdsv2 = resourceRule(
  {
    id: "aws-cicd-ec2-imdsv2",
    service: "ec2",
    description: 'Launch templates and instances require IMDSv2 (`metadataOptions.httpTokens: "required"`).',
    severity: "high",
    remediation: 'Set `metadataOptions: { httpTokens: "required", httpEndpoint: "enabled" }`.',
    references: { securityHub: ["EC2.8"], checkov: ["CKV_AWS_79"] },
  },
  ["aws:ec2/launchTemplate:LaunchTemplate", "aws:ec2/instance:Instance"],
  (props, report) => {
    const m = props.metadataOptions;
    if (m?.httpEndpoint === "disabled") return;
    if (m?.httpTokens !== "required") report("Instance metadata does not require IMDSv2 (`metadataOptions.httpTokens`).");
  },
);
