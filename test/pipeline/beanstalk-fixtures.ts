import { ACCOUNT } from "../harness";

/** Expected Elastic Beanstalk deploy statements of a pipeline role (see beanstalk/policies.ts). */

export const R = `us-east-1:${ACCOUNT}`;
export const EB = `arn:aws:elasticbeanstalk:${R}`;
export const VIA = (service: string) => ({ StringEquals: { "kms:ViaService": [`${service}.us-east-1.amazonaws.com`] } });
export const KMS_USE = ["kms:Decrypt", "kms:GenerateDataKey"];
/** The KMS calls AWS documents CodeCommit making with a repository's customer key (issue 9). */
export const CODECOMMIT_KEY_USE = [
  "kms:Decrypt",
  "kms:DescribeKey",
  "kms:Encrypt",
  "kms:GenerateDataKey",
  "kms:GenerateDataKeyWithoutPlaintext",
  "kms:ReEncryptFrom",
  "kms:ReEncryptTo",
];
const EB_BUCKET = `arn:aws:s3:::elasticbeanstalk-us-east-1-${ACCOUNT}`;
const LAUNCH_TEMPLATES = `arn:aws:ec2:${R}:launch-template/*`;
/** The EC2 resource types a launch from an environment's template touches, besides the template and the image. */
const LAUNCH_TYPES = ["instance", "key-pair", "network-interface", "security-group", "spot-instances-request", "subnet", "volume"];

/** Target-independent deploy statements (one account and region). */
const SHARED = {
  platform: {
    Sid: "ReadPlatformVersions",
    Effect: "Allow",
    Action: ["elasticbeanstalk:DescribePlatformVersion"],
    Resource: ["arn:aws:elasticbeanstalk:us-east-1::platform/*"],
  },
  bucket: {
    Sid: "ReadBeanstalkBucket",
    Effect: "Allow",
    Action: ["s3:GetBucketLocation", "s3:GetBucketPolicy", "s3:ListBucket"],
    Resource: [EB_BUCKET],
  },
  createBucket: {
    Sid: "CreateBeanstalkBucketOnFirstUse",
    Effect: "Allow",
    Action: ["s3:CreateBucket", "s3:PutBucketOwnershipControls", "s3:PutBucketPolicy", "s3:PutBucketPublicAccessBlock"],
    Resource: [EB_BUCKET],
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
  tag: {
    Sid: "TagOnCreate",
    Effect: "Allow",
    Action: ["ec2:CreateTags"],
    Resource: [`arn:aws:ec2:${R}:*`],
    Condition: { StringEquals: { "ec2:CreateAction": ["CreateLaunchTemplate", "RunInstances"] } },
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
  const ids = envs.map((e) => e.id);
  const envTag = (scope: string) => ({ StringEquals: { [`${scope}/elasticbeanstalk:environment-id`]: ids.length === 1 ? ids[0] : ids } });
  return [
    {
      Sid: "RegisterApplicationVersions",
      Effect: "Allow",
      Action: [
        "elasticbeanstalk:CreateApplicationVersion",
        "elasticbeanstalk:DescribeApplicationVersions",
        "elasticbeanstalk:DescribeEvents",
      ],
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
        "elasticbeanstalk:DescribeEvents",
      ],
      Resource: envArns,
    },
    SHARED.platform,
    {
      Sid: "StageBundleInBeanstalkBucket",
      Effect: "Allow",
      Action: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:PutObjectAcl"],
      Resource: [...apps.map((a) => `${EB_BUCKET}/${a}/*`), ...envs.map((e) => `${EB_BUCKET}/resources/environments/${e.id}/*`)],
    },
    SHARED.bucket,
    SHARED.createBucket,
    { Sid: "UpdateEnvironmentStacks", Effect: "Allow", Action: STACK_ACTIONS, Resource: stacks.map((s) => `${s}/*`) },
    {
      Sid: "ScaleEnvironmentGroups",
      Effect: "Allow",
      Action: SCALING_ACTIONS,
      Resource: envs.map((e) => `arn:aws:autoscaling:${R}:autoScalingGroup:*:autoScalingGroupName/awseb-${e.id}-*`),
    },
    SHARED.describe,
    {
      Sid: "CreateEnvironmentLaunchTemplates",
      Effect: "Allow",
      Action: ["ec2:CreateLaunchTemplate"],
      Resource: [LAUNCH_TEMPLATES],
      Condition: envTag("aws:RequestTag"),
    },
    {
      Sid: "ActOnEnvironmentTaggedResources",
      Effect: "Allow",
      Action: [
        "ec2:CreateLaunchTemplateVersion",
        "ec2:DeleteLaunchTemplate",
        "ec2:DeleteLaunchTemplateVersions",
        "ec2:RunInstances",
        "ec2:AssociateAddress",
        "ec2:DisassociateAddress",
      ],
      Resource: [LAUNCH_TEMPLATES, `arn:aws:ec2:${R}:elastic-ip/*`, `arn:aws:ec2:${R}:instance/*`],
      Condition: envTag("ec2:ResourceTag"),
    },
    {
      Sid: "LaunchInstancesFromTemplates",
      Effect: "Allow",
      Action: ["ec2:RunInstances"],
      Resource: [...LAUNCH_TYPES.map((t) => `arn:aws:ec2:${R}:${t}/*`), "arn:aws:ec2:us-east-1::image/*"],
      Condition: { ArnLike: { "ec2:LaunchTemplate": LAUNCH_TEMPLATES } },
    },
    SHARED.tag,
    {
      Sid: "TerminateEnvironmentInstances",
      Effect: "Allow",
      Action: ["ec2:TerminateInstances"],
      Resource: [`arn:aws:ec2:${R}:instance/*`],
      Condition: { StringLike: { "ec2:ResourceTag/aws:cloudformation:stack-id": stacks.length === 1 ? stacks[0] : stacks } },
    },
    {
      Sid: "RegisterTargets",
      Effect: "Allow",
      Action: ["elasticloadbalancing:DeregisterTargets", "elasticloadbalancing:RegisterTargets"],
      Resource: [`arn:aws:elasticloadbalancing:${R}:targetgroup/awseb-*`],
      Condition: envTag("aws:ResourceTag"),
    },
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

const INSTANCE_SERVICES = ["autoscaling", "cloudwatch", "ec2", "elasticloadbalancing"];
const isInstance = (s: object) => (s as { Action: string[] }).Action.every((a) => INSTANCE_SERVICES.includes(a.split(":")[0]));

/**
 * Deploy statements as the pipeline role holds them: in its two customer managed policies, the
 * environments part (Elastic Beanstalk, S3, CloudFormation, IAM) then the instances part (EC2,
 * Auto Scaling, ELB, CloudWatch), after the role's inline statements.
 */
export function managedDeployStatements(envs: Env[]): object[] {
  const all = deployStatements(envs);
  return [...all.filter((s) => !isInstance(s)), ...all.filter(isInstance)];
}

/**
 * A role's statements with the two managed deploy parts in a fixed order (environments, then
 * instances): the engine records the two policies in whichever order their documents resolve.
 */
export function inManagedOrder<T extends object>(statements: T[]): T[] {
  const deploySids = new Set(deployStatements([{ app: "a", env: "e", id: "i", instanceRole: "r" }]).map((s) => (s as { Sid: string }).Sid));
  const isDeploy = (s: T) => deploySids.has((s as unknown as { Sid: string }).Sid);
  const deploy = statements.filter(isDeploy);
  return [...statements.filter((s) => !isDeploy(s)), ...deploy.filter((s) => !isInstance(s)), ...deploy.filter((s) => isInstance(s))];
}
