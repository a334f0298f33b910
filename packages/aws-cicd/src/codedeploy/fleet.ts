import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { KeyReference } from "../security/encryption-key";
import { NestedSecureTopic } from "../security/secure-topic-nested";
import { AwsContext } from "../security/iam";
import {
  DEFAULT_FLEET_AMI_PARAMETER,
  DEFAULT_FLEET_MAX_SIZE,
  DEFAULT_FLEET_MIN_SIZE,
  DEFAULT_FLEET_ROOT_DEVICE,
  DEFAULT_FLEET_ROOT_VOLUME_GIB,
  Ec2FleetArgs,
} from "./ec2-fleet-target-args";
import { interpolate } from "../internal/interpolate";
import { HiddenChild } from "../internal/hidden-child";

/** Port the fleet's only egress rule opens: HTTPS to S3, CodeDeploy, SSM and package repositories. */
export const FLEET_EGRESS_PORT = 443;

/** The resources of a created fleet. */
export interface CreatedFleet {
  /** Security group of the instances (no ingress). */
  securityGroup: aws.ec2.SecurityGroup;
  /** Launch template of the instances. */
  launchTemplate: aws.ec2.LaunchTemplate;
  /** Auto Scaling group of the fleet. */
  autoScalingGroup: aws.autoscaling.Group;
  /** Topic of the Auto Scaling notifications, when created (no `notificationTopicArn`). */
  notificationTopic?: NestedSecureTopic;
}

/** Auto Scaling events the fleet's topic receives: every launch and termination, and their failures. */
export const FLEET_NOTIFICATION_TYPES = [
  "autoscaling:EC2_INSTANCE_LAUNCH",
  "autoscaling:EC2_INSTANCE_LAUNCH_ERROR",
  "autoscaling:EC2_INSTANCE_TERMINATE",
  "autoscaling:EC2_INSTANCE_TERMINATE_ERROR",
] as const;

/**
 * User data installing the CodeDeploy agent at boot from the regional `aws-codedeploy-<region>`
 * bucket (Amazon Linux 2023: `dnf`). No secret is in it: it is plain text readable by anyone
 * who can describe the instance (CKV_AWS_46).
 */
export function agentUserData(region: pulumi.Input<string>, dnsSuffix: pulumi.Input<string>): pulumi.Output<string> {
  return interpolate`#!/bin/bash
set -euo pipefail
dnf install -y ruby wget
cd /tmp
wget -q https://aws-codedeploy-${region}.s3.${region}.${dnsSuffix}/latest/install
chmod +x ./install
./install auto
systemctl enable --now codedeploy-agent
`;
}

/** Arguments of {@link createFleet}. */
export interface CreateFleetArgs {
  /** Name prefix of the created resources. */
  name: string;
  /** The fleet arguments of the component. */
  fleet: Ec2FleetArgs;
  /** Account, partition and region the fleet runs in. */
  ctx: AwsContext;
  /** ARN of the instances' instance profile. */
  instanceProfileArn: pulumi.Input<string>;
  /**
   * Customer key of the root volumes.
   * @default - the AWS managed `aws/ebs` key.
   */
  volumeKeyArn?: pulumi.Input<string>;
  /** Key of the created notification topic (the fleet's key). */
  topicKey: KeyReference;
  /** Whether user data installs the CodeDeploy agent at boot. */
  installAgentWithUserData: boolean;
  /**
   * Launch from the template's `$Latest` version, so that a template change reaches the groups
   * CodeDeploy copies in blue/green deployments without updating the group the stack created
   * (which CodeDeploy deletes after the first deployment).
   * @default false (the group names the template's latest version number)
   */
  followLatestTemplate?: boolean;
  /**
   * Tags of the fleet's resources and instances.
   * @default - no tags.
   */
  tags?: Record<string, string>;
  /** Parent of the created resources. */
  parent: pulumi.Resource;
  /** Resources the Auto Scaling group waits for (e.g. the instance role's policies). */
  dependsOn: pulumi.Resource[];
}

/**
 * A security group without ingress (egress HTTPS only), a launch template (IMDSv2 only with hop
 * limit 1, encrypted gp3 root volume, no public IP, detailed monitoring) and an Auto Scaling group.
 */
export function createFleet(a: CreateFleetArgs): CreatedFleet {
  const { name, fleet, parent } = a;
  const opts = { parent };
  const securityGroup = new aws.ec2.SecurityGroup(
    `${name}-sg`,
    {
      description: `Instances of ${name} (aws-cicd): no ingress, HTTPS egress only`,
      vpcId: fleet.vpcId,
      revokeRulesOnDelete: true,
      tags: a.tags,
    },
    opts,
  );
  // The egress rule and the notification configuration are not exposed: hidden children.
  new HiddenChild(
    aws.vpc.SecurityGroupEgressRule,
    `${name}-sg-egress-https`,
    {
      securityGroupId: securityGroup.id,
      description: "HTTPS to S3, CodeDeploy, SSM and package repositories",
      ipProtocol: "tcp",
      fromPort: FLEET_EGRESS_PORT,
      toPort: FLEET_EGRESS_PORT,
      cidrIpv4: "0.0.0.0/0",
    },
    [],
    opts,
  );
  const imageId = fleet.amiId ?? aws.ssm.getParameterOutput({ name: DEFAULT_FLEET_AMI_PARAMETER }, { parent }).value;
  const ebs: aws.types.input.ec2.LaunchTemplateBlockDeviceMappingEbs = {
    volumeType: "gp3",
    volumeSize: fleet.rootVolumeSizeGiB ?? DEFAULT_FLEET_ROOT_VOLUME_GIB,
    encrypted: "true",
    deleteOnTermination: "true",
    ...(a.volumeKeyArn !== undefined ? { kmsKeyId: a.volumeKeyArn } : {}),
  };
  const launchTemplate = new aws.ec2.LaunchTemplate(
    `${name}-launch-template`,
    {
      description: `Instances of ${name} (aws-cicd)`,
      imageId,
      instanceType: fleet.instanceType,
      iamInstanceProfile: { arn: a.instanceProfileArn },
      metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" },
      blockDeviceMappings: [{ deviceName: DEFAULT_FLEET_ROOT_DEVICE, ebs }],
      networkInterfaces: [
        { deviceIndex: 0, associatePublicIpAddress: "false", deleteOnTermination: "true", securityGroups: [securityGroup.id] },
      ],
      monitoring: { enabled: true },
      ...(a.installAgentWithUserData
        ? { userData: agentUserData(a.ctx.region, a.ctx.dnsSuffix).apply((s) => Buffer.from(s).toString("base64")) }
        : {}),
      updateDefaultVersion: true,
      tags: a.tags,
    },
    opts,
  );
  const minSize = fleet.minSize ?? DEFAULT_FLEET_MIN_SIZE;
  const maxSize = fleet.maxSize ?? Math.max(DEFAULT_FLEET_MAX_SIZE, minSize);
  const autoScalingGroup = new aws.autoscaling.Group(
    `${name}-asg`,
    {
      vpcZoneIdentifiers: fleet.subnetIds,
      minSize,
      maxSize,
      desiredCapacity: fleet.desiredCapacity ?? minSize,
      launchTemplate: { id: launchTemplate.id, version: a.followLatestTemplate ? "$Latest" : launchTemplate.latestVersion.apply(String) },
      healthCheckType: "EC2",
      tags: [
        { key: "Name", value: name, propagateAtLaunch: true },
        ...Object.entries(a.tags ?? {}).map(([key, value]) => ({ key, value, propagateAtLaunch: true })),
      ],
    },
    { parent, dependsOn: a.dependsOn },
  );
  const notificationTopic =
    fleet.notificationTopicArn === undefined
      ? new NestedSecureTopic(
          `${name}-fleet-events`,
          { encryptionKey: a.topicKey, emailSubscriptions: fleet.notificationEmails, tags: a.tags },
          opts,
        )
      : undefined;
  new HiddenChild(
    aws.autoscaling.Notification,
    `${name}-asg-notifications`,
    {
      groupNames: [autoScalingGroup.name],
      notifications: [...FLEET_NOTIFICATION_TYPES],
      topicArn: fleet.notificationTopicArn ?? notificationTopic!.topicArn,
    },
    [],
    opts,
  );
  return { securityGroup, launchTemplate, autoScalingGroup, notificationTopic };
}
