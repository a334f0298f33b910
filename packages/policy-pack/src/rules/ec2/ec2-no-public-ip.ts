import { isTrue, resourceRule } from "../rule";

export const ec2NoPublicIp = resourceRule(
  {
    id: "aws-cicd-ec2-no-public-ip",
    service: "ec2",
    description: "Launch templates and instances do not associate a public IP address.",
    severity: "high",
    remediation: "Set `associatePublicIpAddress: false` on network interfaces and launch in private subnets.",
    references: { securityHub: ["EC2.9"], checkov: ["CKV_AWS_88"] },
  },
  ["aws:ec2/launchTemplate:LaunchTemplate", "aws:ec2/instance:Instance"],
  (props, report) => {
    if (isTrue(props.associatePublicIpAddress)) report("EC2 instance associates a public IP address.");
    for (const n of Array.isArray(props.networkInterfaces) ? props.networkInterfaces : []) {
      if (isTrue(n?.associatePublicIpAddress)) report(`Network interface ${n.deviceIndex ?? 0} associates a public IP address.`);
    }
  },
);
