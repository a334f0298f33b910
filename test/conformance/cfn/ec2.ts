import { RecordedResource } from "../../harness/mocks";
import { defined, pascalKeys, pick, ServiceTranslations, TranslateContext } from "./context";

const INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const EGRESS_RULE = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const LEGACY_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";

/** Pulumi renders some launch template booleans as "true"/"false" strings. */
function bool(value: unknown): unknown {
  return value === "true" ? true : value === "false" ? false : value;
}

/** One ingress/egress rule (vpc rule resource, legacy rule resource or inline block) in CloudFormation form. */
function rule(i: any, direction: "ingress" | "egress"): Record<string, unknown> {
  const peer = direction === "ingress" ? "Source" : "Destination";
  return defined({
    IpProtocol: String(i.ipProtocol ?? i.protocol),
    FromPort: i.fromPort,
    ToPort: i.toPort,
    CidrIp: i.cidrIpv4 ?? i.cidrBlocks?.[0] ?? i.cidrBlocks?.[0],
    CidrIpv6: i.cidrIpv6 ?? i.ipv6CidrBlocks?.[0],
    Description: i.description,
    [`${peer}SecurityGroupId`]: i.referencedSecurityGroupId ?? i.sourceSecurityGroupId ?? i.securityGroups?.[0],
    [`${peer}PrefixListId`]: i.prefixListId ?? i.prefixListIds?.[0],
  });
}

function securityGroup(r: RecordedResource, ctx: TranslateContext) {
  const id = r.id;
  const legacy = ctx.claim(LEGACY_RULE, "securityGroupId", id).map((x) => x.inputs);
  const ingress = [
    ...(r.inputs.ingress ?? []).map((i: any) => rule(i, "ingress")),
    ...ctx.claim(INGRESS_RULE, "securityGroupId", id).map((x) => rule(x.inputs, "ingress")),
    ...legacy.filter((x) => x.type === "ingress").map((x) => rule(x, "ingress")),
  ];
  const egress = [
    ...(r.inputs.egress ?? []).map((i: any) => rule(i, "egress")),
    ...ctx.claim(EGRESS_RULE, "securityGroupId", id).map((x) => rule(x.inputs, "egress")),
    ...legacy.filter((x) => x.type === "egress").map((x) => rule(x, "egress")),
  ];
  return {
    Type: "AWS::EC2::SecurityGroup",
    Properties: ctx.link(
      defined({
        GroupDescription: r.inputs.description ?? "Managed by Pulumi",
        GroupName: r.inputs.name,
        VpcId: r.inputs.vpcId,
        SecurityGroupIngress: ingress.length ? ingress : undefined,
        SecurityGroupEgress: egress.length ? egress : undefined,
      }),
      ctx.logicalId(r),
    ) as Record<string, unknown>,
  };
}

function launchTemplate(r: RecordedResource, ctx: TranslateContext) {
  const i = r.inputs;
  const data = defined({
    ...pick(i, { imageId: "ImageId", instanceType: "InstanceType", userData: "UserData", ebsOptimized: "EbsOptimized" }),
    BlockDeviceMappings: i.blockDeviceMappings?.map((m: any) =>
      defined({
        DeviceName: m.deviceName,
        Ebs: m.ebs && Object.fromEntries(Object.entries(pascalKeys(m.ebs) as object).map(([k, v]) => [k, bool(v)])),
      }),
    ),
    IamInstanceProfile: i.iamInstanceProfile && pascalKeys(i.iamInstanceProfile),
    MetadataOptions: i.metadataOptions && pascalKeys(i.metadataOptions),
    Monitoring: i.monitoring && pascalKeys(i.monitoring),
    NetworkInterfaces: i.networkInterfaces?.map((n: any) =>
      defined({
        AssociatePublicIpAddress: bool(n.associatePublicIpAddress),
        DeleteOnTermination: bool(n.deleteOnTermination),
        DeviceIndex: n.deviceIndex,
        Groups: n.securityGroups,
        SubnetId: n.subnetId,
      }),
    ),
    SecurityGroupIds: i.vpcSecurityGroupIds,
  });
  return {
    Type: "AWS::EC2::LaunchTemplate",
    Properties: defined({ LaunchTemplateName: i.name, LaunchTemplateData: ctx.link(data, ctx.logicalId(r)) }),
  };
}

const NOTIFICATION = "aws:autoscaling/notification:Notification";

/** The group's `aws.autoscaling.Notification`s, folded into `NotificationConfigurations`. */
function notificationsOf(r: RecordedResource, ctx: TranslateContext): unknown[] | undefined {
  const found = ctx.resources.filter((n) => n.type === NOTIFICATION && (n.inputs.groupNames ?? []).includes(r.state.name));
  for (const n of found) ctx.folded.add(n);
  return found.length === 0 ? undefined : found.map((n) => ({ TopicARN: n.inputs.topicArn, NotificationTypes: n.inputs.notifications }));
}

function autoScalingGroup(r: RecordedResource, ctx: TranslateContext) {
  const i = r.inputs;
  return {
    Type: "AWS::AutoScaling::AutoScalingGroup",
    Properties: ctx.link(
      defined({
        ...pick(i, {
          name: "AutoScalingGroupName",
          healthCheckType: "HealthCheckType",
          healthCheckGracePeriod: "HealthCheckGracePeriod",
          defaultCooldown: "Cooldown",
          capacityRebalance: "CapacityRebalance",
          targetGroupArns: "TargetGroupARNs",
          loadBalancers: "LoadBalancerNames",
          vpcZoneIdentifiers: "VPCZoneIdentifier",
        }),
        MinSize: String(i.minSize),
        MaxSize: String(i.maxSize),
        DesiredCapacity: i.desiredCapacity === undefined ? undefined : String(i.desiredCapacity),
        LaunchTemplate:
          i.launchTemplate &&
          defined({
            LaunchTemplateId: i.launchTemplate.id,
            LaunchTemplateName: i.launchTemplate.name,
            Version: String(i.launchTemplate.version),
          }),
        Tags: i.tags?.map((t: any) => ({ Key: t.key, Value: t.value, PropagateAtLaunch: t.propagateAtLaunch })),
        NotificationConfigurations: notificationsOf(r, ctx),
      }),
      ctx.logicalId(r),
    ) as Record<string, unknown>,
  };
}

/** EC2 fleets: security groups (rules folded in), launch templates and Auto Scaling groups. */
export const ec2: ServiceTranslations = {
  "aws:ec2/securityGroup:SecurityGroup": { exposes: (r) => [[r.id, "GroupId"]], translate: securityGroup },
  [INGRESS_RULE]: { translate: "folded" },
  [EGRESS_RULE]: { translate: "folded" },
  [LEGACY_RULE]: { translate: "folded" },
  "aws:ec2/launchTemplate:LaunchTemplate": { exposes: (r) => [[r.id, "Ref"]], translate: launchTemplate },
  "aws:autoscaling/group:Group": { exposes: (r) => [[r.state.name, "Ref"]], translate: autoScalingGroup },
  [NOTIFICATION]: { translate: "folded" },
};
