import { resourceRule } from "../rule";

const OPEN = ["0.0.0.0/0", "::/0"];

interface Config {
  allowedIngressPorts: number[];
}

/**
 * TCP ports that Security Hub EC2.18 authorizes for unrestricted ingress by default (its
 * `authorizedTcpPorts` parameter). https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-18
 */
export const EC2_18_AUTHORIZED_PORTS = [80, 443];

/** True when the rule opens exactly one allowed TCP port. */
function allowedPort(r: any, allowed: number[]): boolean {
  const protocol = String(r?.protocol ?? r?.ipProtocol ?? "").toLowerCase();
  const from = Number(r?.fromPort);
  return (protocol === "tcp" || protocol === "6") && from === Number(r?.toPort) && allowed.includes(from);
}

export const ec2NoOpenIngress = resourceRule<Config>(
  {
    id: "aws-cicd-ec2-no-open-ingress",
    service: "ec2",
    description:
      "Security groups allow no ingress from 0.0.0.0/0 or ::/0 except on single TCP ports in `allowedIngressPorts` (by default 80 and 443, as Security Hub EC2.18; none in the strict tier).",
    severity: "high",
    remediation:
      "Allow ingress only from known CIDRs or security groups (a load balancer's), or none (Ec2FleetTarget's default); open a load balancer on 443 only.",
    tier: "baseline",
    references: { cdkNag: ["EC23"], securityHub: ["EC2.18", "EC2.19"], checkov: ["CKV_AWS_277"] },
    preview:
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
    configSchema: {
      properties: {
        allowedIngressPorts: { type: "array", items: { type: "integer", minimum: 0, maximum: 65535 }, default: EC2_18_AUTHORIZED_PORTS },
      },
    },
    strictConfig: { allowedIngressPorts: [] },
  },
  [
    "aws:ec2/securityGroup:SecurityGroup",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    "aws:ec2/securityGroupRule:SecurityGroupRule",
  ],
  (props, report, config, args) => {
    const open = (r: any) =>
      allowedPort(r, config.allowedIngressPorts)
        ? []
        : [...(r?.cidrBlocks ?? []), ...(r?.ipv6CidrBlocks ?? []), r?.cidrIpv4, r?.cidrIpv6].filter((c) => OPEN.includes(c));
    if (args.type === "aws:ec2/securityGroup:SecurityGroup") {
      for (const r of Array.isArray(props.ingress) ? props.ingress : []) {
        for (const c of open(r)) report(`Security group allows ingress from ${c} on ports ${r.fromPort}-${r.toPort}.`);
      }
    } else if (args.type !== "aws:ec2/securityGroupRule:SecurityGroupRule" || props.type === "ingress") {
      for (const c of open(props)) report(`Security group rule allows ingress from ${c}.`);
    }
  },
);
