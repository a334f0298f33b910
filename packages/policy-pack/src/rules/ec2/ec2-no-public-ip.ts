import { isTrue, resourceRule } from "../rule";

export const ec2NoPublicIp = resourceRule(
  {
    id: "aws-cicd-ec2-no-public-ip",
    service: "ec2",
    description: "Launch templates and instances do not associate a public IP address.",
    severity: "high",
    remediation: "Set `associatePublicIpAddress: false` on network interfaces and launch in private subnets.",
    tier: "baseline",
    references: { securityHub: ["EC2.9", "EC2.25"], checkov: ["CKV_AWS_88"] },
    preview:
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
  },
  ["aws:ec2/launchTemplate:LaunchTemplate", "aws:ec2/instance:Instance"],
  (props, report) => {
    if (isTrue(props.associatePublicIpAddress)) report("EC2 instance associates a public IP address.");
    for (const n of Array.isArray(props.networkInterfaces) ? props.networkInterfaces : []) {
      if (isTrue(n?.associatePublicIpAddress)) report(`Network interface ${n.deviceIndex ?? 0} associates a public IP address.`);
    }
  },
);
