import { resourceRule } from "../rule";

const OPEN = ["0.0.0.0/0", "::/0"];

export const ec2NoOpenIngress = resourceRule(
  {
    id: "aws-cicd-ec2-no-open-ingress",
    service: "ec2",
    description: "Security groups allow no ingress from 0.0.0.0/0 or ::/0.",
    severity: "high",
    remediation: "Allow ingress only from known CIDRs or security groups (a load balancer's), or none (Ec2FleetTarget's default).",
    references: { cdkNag: ["EC23"], securityHub: ["EC2.18", "EC2.19"] },
  },
  [
    "aws:ec2/securityGroup:SecurityGroup",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    "aws:ec2/securityGroupRule:SecurityGroupRule",
  ],
  (props, report, _c, args) => {
    const open = (r: any) =>
      [...(r?.cidrBlocks ?? []), ...(r?.ipv6CidrBlocks ?? []), r?.cidrIpv4, r?.cidrIpv6].filter((c) => OPEN.includes(c));
    if (args.type === "aws:ec2/securityGroup:SecurityGroup") {
      for (const r of Array.isArray(props.ingress) ? props.ingress : []) {
        for (const c of open(r)) report(`Security group allows ingress from ${c} on ports ${r.fromPort}-${r.toPort}.`);
      }
    } else if (args.type !== "aws:ec2/securityGroupRule:SecurityGroupRule" || props.type === "ingress") {
      for (const c of open(props)) report(`Security group rule allows ingress from ${c}.`);
    }
  },
);
