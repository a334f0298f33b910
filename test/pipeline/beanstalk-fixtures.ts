import { ACCOUNT } from "../harness";

/** Expected Elastic Beanstalk deploy statements of a pipeline role (see beanstalk/policies.ts). */

export const R = `us-east-1:${ACCOUNT}`;
export const EB = `arn:aws:elasticbeanstalk:${R}`;
export const VIA = (service: string) => ({ StringEquals: { "kms:ViaService": [`${service}.us-east-1.amazonaws.com`] } });
export const KMS_USE = ["kms:Decrypt", "kms:GenerateDataKey"];

/** Target-independent deploy statements (one account and region). */
const SHARED = {
  platform: {
    Sid: "ReadPlatformVersions",
    Effect: "Allow",
    Action: ["elasticbeanstalk:DescribePlatformVersion"],
    Resource: ["arn:aws:elasticbeanstalk:us-east-1::platform/*"],
  },
  stage: {
    Sid: "StageBundleInBeanstalkBucket",
    Effect: "Allow",
    Action: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:PutObjectAcl"],
    Resource: [`arn:aws:s3:::elasticbeanstalk-us-east-1-${ACCOUNT}/*`],
  },
  bucket: {
    Sid: "ReadBeanstalkBucket",
    Effect: "Allow",
    Action: ["s3:GetBucketLocation", "s3:GetBucketPolicy", "s3:ListBucket"],
    Resource: [`arn:aws:s3:::elasticbeanstalk-us-east-1-${ACCOUNT}`],
  },
  describe: {
    Sid: "DescribeEnvironmentResources",
    Effect: "Allow",
    Action: [
      "autoscaling:DescribeAutoScalingGroups",
      "autoscaling:DescribeAutoScalingInstances",
      "autoscaling:DescribeLaunchConfigurations",
      "autoscaling:DescribeNotificationConfigurations",
      "autoscaling:DescribeScalingActivities",
      "autoscaling:DescribeScheduledActions",
      "cloudformation:ValidateTemplate",
      "ec2:DescribeAccountAttributes",
      "ec2:DescribeAddresses",
      "ec2:DescribeAvailabilityZones",
      "ec2:DescribeImages",
      "ec2:DescribeInstanceStatus",
      "ec2:DescribeInstances",
      "ec2:DescribeKeyPairs",
      "ec2:DescribeLaunchTemplateVersions",
      "ec2:DescribeLaunchTemplates",
      "ec2:DescribeSecurityGroups",
      "ec2:DescribeSubnets",
      "ec2:DescribeVpcs",
      "elasticloadbalancing:DescribeListeners",
      "elasticloadbalancing:DescribeLoadBalancers",
      "elasticloadbalancing:DescribeTargetGroups",
      "elasticloadbalancing:DescribeTargetHealth",
    ],
    Resource: ["*"],
  },
  templates: {
    Sid: "ManageLaunchTemplates",
    Effect: "Allow",
    Action: ["ec2:CreateLaunchTemplate", "ec2:CreateLaunchTemplateVersion", "ec2:DeleteLaunchTemplate", "ec2:DeleteLaunchTemplateVersions"],
    Resource: [`arn:aws:ec2:${R}:launch-template/*`],
  },
  launch: {
    Sid: "LaunchInstancesFromTemplates",
    Effect: "Allow",
    Action: ["ec2:RunInstances"],
    Resource: [`arn:aws:ec2:${R}:*`, "arn:aws:ec2:us-east-1::image/*"],
    Condition: { ArnLike: { "ec2:LaunchTemplate": `arn:aws:ec2:${R}:launch-template/*` } },
  },
  tag: {
    Sid: "TagOnCreate",
    Effect: "Allow",
    Action: ["ec2:CreateTags"],
    Resource: [`arn:aws:ec2:${R}:*`],
    Condition: { StringEquals: { "ec2:CreateAction": ["CreateLaunchTemplate", "RunInstances"] } },
  },
  address: {
    Sid: "MoveSingleInstanceAddress",
    Effect: "Allow",
    Action: ["ec2:AssociateAddress", "ec2:DisassociateAddress"],
    Resource: [`arn:aws:ec2:${R}:elastic-ip/*`, `arn:aws:ec2:${R}:instance/*`, `arn:aws:ec2:${R}:network-interface/*`],
  },
  targets: {
    Sid: "RegisterTargets",
    Effect: "Allow",
    Action: ["elasticloadbalancing:DeregisterTargets", "elasticloadbalancing:RegisterTargets"],
    Resource: [`arn:aws:elasticloadbalancing:${R}:targetgroup/awseb-*`],
  },
};

const STACK_ACTIONS = [
  "cloudformation:CancelUpdateStack",
  "cloudformation:ContinueUpdateRollback",
  "cloudformation:CreateStack",
  "cloudformation:DeleteStack",
  "cloudformation:DescribeStackEvents",
  "cloudformation:DescribeStackResource",
  "cloudformation:DescribeStackResources",
  "cloudformation:DescribeStacks",
  "cloudformation:GetTemplate",
  "cloudformation:ListStackResources",
  "cloudformation:UpdateStack",
];
const SCALING_ACTIONS = [
  "autoscaling:AttachInstances",
  "autoscaling:CreateAutoScalingGroup",
  "autoscaling:CreateOrUpdateTags",
  "autoscaling:DeleteAutoScalingGroup",
  "autoscaling:DeletePolicy",
  "autoscaling:DetachInstances",
  "autoscaling:PutNotificationConfiguration",
  "autoscaling:PutScalingPolicy",
  "autoscaling:ResumeProcesses",
  "autoscaling:SetDesiredCapacity",
  "autoscaling:SuspendProcesses",
  "autoscaling:TerminateInstanceInAutoScalingGroup",
  "autoscaling:UpdateAutoScalingGroup",
];

/** An environment as the deploy statements see it. */
export interface Env {
  app: string;
  env: string;
  id: string;
  instanceRole: string;
}

/** The exact deploy statements of a pipeline deploying to `envs` (applications listed once, in order). */
export function deployStatements(envs: Env[]): object[] {
  const apps = [...new Set(envs.map((e) => e.app))];
  const appArns = apps.map((a) => `${EB}:application/${a}`);
  const versions = apps.map((a) => `${EB}:applicationversion/${a}/*`);
  const envArns = envs.map((e) => `${EB}:environment/${e.app}/${e.env}`);
  const stacks = envs.map((e) => `arn:aws:cloudformation:${R}:stack/awseb-${e.id}-*`);
  return [
    {
      Sid: "RegisterApplicationVersions",
      Effect: "Allow",
      Action: ["elasticbeanstalk:CreateApplicationVersion", "elasticbeanstalk:DescribeApplicationVersions"],
      Resource: [...appArns, ...versions],
    },
    {
      Sid: "UpdateEnvironment",
      Effect: "Allow",
      Action: [
        "elasticbeanstalk:DescribeConfigurationSettings",
        "elasticbeanstalk:DescribeEnvironmentResources",
        "elasticbeanstalk:DescribeEnvironments",
        "elasticbeanstalk:UpdateEnvironment",
      ],
      Resource: envArns,
    },
    {
      Sid: "FollowDeploymentEvents",
      Effect: "Allow",
      Action: ["elasticbeanstalk:DescribeEvents"],
      Resource: [...appArns, ...versions, ...envArns],
    },
    SHARED.platform,
    SHARED.stage,
    SHARED.bucket,
    { Sid: "UpdateEnvironmentStacks", Effect: "Allow", Action: STACK_ACTIONS, Resource: stacks.map((s) => `${s}/*`) },
    {
      Sid: "ScaleEnvironmentGroups",
      Effect: "Allow",
      Action: SCALING_ACTIONS,
      Resource: envs.map((e) => `arn:aws:autoscaling:${R}:autoScalingGroup:*:autoScalingGroupName/awseb-${e.id}-*`),
    },
    SHARED.describe,
    SHARED.templates,
    SHARED.launch,
    SHARED.tag,
    {
      Sid: "TerminateEnvironmentInstances",
      Effect: "Allow",
      Action: ["ec2:TerminateInstances"],
      Resource: [`arn:aws:ec2:${R}:instance/*`],
      Condition: { StringLike: { "ec2:ResourceTag/aws:cloudformation:stack-id": stacks.length === 1 ? stacks[0] : stacks } },
    },
    SHARED.address,
    SHARED.targets,
    {
      Sid: "UpdateScalingAlarms",
      Effect: "Allow",
      Action: ["cloudwatch:DeleteAlarms", "cloudwatch:DescribeAlarms", "cloudwatch:PutMetricAlarm"],
      Resource: envs.map((e) => `arn:aws:cloudwatch:${R}:alarm:awseb-${e.id}-*`),
    },
    {
      Sid: "PassInstanceRoleToEc2",
      Effect: "Allow",
      Action: ["iam:PassRole"],
      Resource: envs.map((e) => e.instanceRole),
      Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } },
    },
  ];
}
