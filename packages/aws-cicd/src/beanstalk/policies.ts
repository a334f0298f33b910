/**
 * IAM action lists of {@link BeanstalkTarget} and the statements a pipeline role needs to
 * deploy to it.
 *
 * Elastic Beanstalk: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticbeanstalk.html
 * CloudWatch Logs: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatchlogs.html
 * S3: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
 * SSM: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssystemsmanager.html
 * Secrets Manager: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecretsmanager.html
 * KMS: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awskeymanagementservice.html
 * CloudFormation: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscloudformation.html
 * Auto Scaling: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2autoscaling.html
 * EC2: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html
 * Elastic Load Balancing: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticloadbalancingv2.html
 * CloudWatch: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatch.html
 * IAM: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html
 */
import * as pulumi from "@pulumi/pulumi";
import { PolicyStatement } from "../security/iam";

/** What the instance's CloudWatch agent calls to stream logs into the environment's log groups. */
export const INSTANCE_LOG_STREAMING_ACTIONS = ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"] as const;
/** What the health agent calls for enhanced health reporting. */
export const INSTANCE_HEALTH_ACTIONS = ["elasticbeanstalk:PutInstanceStatistics"] as const;
/** What the instance reads from the Elastic Beanstalk bucket: the staged source bundle and configuration. */
export const INSTANCE_BUNDLE_READ_ACTIONS = ["s3:GetObject", "s3:GetObjectVersion"] as const;
/** What the instance writes to publish rotated logs (`LogPublicationControl`). */
export const INSTANCE_LOG_PUBLICATION_ACTIONS = ["s3:PutObject"] as const;
/** Reading a Parameter Store parameter for `environmentsecrets`. */
export const INSTANCE_SSM_PARAMETER_ACTIONS = ["ssm:GetParameter"] as const;
/** Reading a Secrets Manager secret for `environmentsecrets`. */
export const INSTANCE_SECRET_ACTIONS = ["secretsmanager:GetSecretValue"] as const;
/** Decrypting customer-key-encrypted parameters and secrets. */
export const INSTANCE_SECRET_KEY_ACTIONS = ["kms:Decrypt"] as const;

/**
 * AWS managed policies attached to the environment's service role, each with the reason
 * (IAM4 waiver). Elastic Beanstalk documents exactly these two for a service role; they
 * follow the service's needs as AWS changes it, which a copy would not.
 */
export const SERVICE_ROLE_MANAGED_POLICIES = [
  {
    /** Managed policy name. */
    name: "AWSElasticBeanstalkEnhancedHealth",
    /** Managed policy path. */
    path: "service-role/",
    /** Why the managed policy is attached. */
    reason: "Elastic Beanstalk reads instance, load balancer and Auto Scaling state for enhanced health reporting (ElasticBeanstalk.1).",
  },
  {
    /** Managed policy name. */
    name: "AWSElasticBeanstalkManagedUpdatesCustomerRolePolicy",
    /** Managed policy path. */
    path: "",
    /** Why the managed policy is attached. */
    reason:
      "Elastic Beanstalk replaces instances and updates the environment's CloudFormation stack for managed platform updates (ElasticBeanstalk.2).",
  },
] as const;

/** Elastic Beanstalk calls of a CodePipeline Elastic Beanstalk deploy: register the version, update the environment, follow it. */
export const DEPLOY_VERSION_ACTIONS = [
  "elasticbeanstalk:CreateApplicationVersion",
  "elasticbeanstalk:DescribeApplicationVersions",
] as const;
/** Reading and updating the target environment during a deploy. */
export const DEPLOY_ENVIRONMENT_ACTIONS = [
  "elasticbeanstalk:DescribeConfigurationSettings",
  "elasticbeanstalk:DescribeEnvironmentResources",
  "elasticbeanstalk:DescribeEnvironments",
  "elasticbeanstalk:UpdateEnvironment",
] as const;
/** Following the environment's events while a deploy runs. */
export const DEPLOY_EVENT_ACTIONS = ["elasticbeanstalk:DescribeEvents"] as const;
/** Reading the environment's platform version during an update. */
export const DEPLOY_PLATFORM_ACTIONS = ["elasticbeanstalk:DescribePlatformVersion"] as const;
/** Reading the pipeline's artifact (the source bundle). */
export const DEPLOY_ARTIFACT_READ_ACTIONS = ["s3:GetObject", "s3:GetObjectVersion"] as const;
/** Staging the bundle in the Elastic Beanstalk bucket, which `UpdateEnvironment` does with the caller's permissions. */
export const DEPLOY_BUCKET_OBJECT_ACTIONS = ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:PutObjectAcl"] as const;
/** Bucket-level calls on the Elastic Beanstalk bucket made while staging the bundle. */
export const DEPLOY_BUCKET_ACTIONS = ["s3:GetBucketLocation", "s3:GetBucketPolicy", "s3:ListBucket"] as const;
/** The environment's CloudFormation stacks (`awseb-<envId>-stack`, `awseb-<envId>-immutable-stack`). */
export const DEPLOY_STACK_ACTIONS = [
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
] as const;
/** The environment's Auto Scaling groups (rolling, additional-batch and immutable deployments). */
export const DEPLOY_AUTOSCALING_ACTIONS = [
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
] as const;
/** Read-only calls that support no resource-level permission (so `Resource: "*"`). */
export const DEPLOY_DESCRIBE_ACTIONS = [
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
] as const;
/** Managing the environment's launch templates when instances are replaced. */
export const DEPLOY_LAUNCH_TEMPLATE_ACTIONS = [
  "ec2:CreateLaunchTemplate",
  "ec2:CreateLaunchTemplateVersion",
  "ec2:DeleteLaunchTemplate",
  "ec2:DeleteLaunchTemplateVersions",
] as const;
/** Launching the new instances of a deployment. */
export const DEPLOY_RUN_INSTANCES_ACTIONS = ["ec2:RunInstances"] as const;
/** Tagging instances and volumes as they are launched. */
export const DEPLOY_TAG_ON_CREATE_ACTIONS = ["ec2:CreateTags"] as const;
/** Terminating the replaced instances. */
export const DEPLOY_TERMINATE_ACTIONS = ["ec2:TerminateInstances"] as const;
/** Moving a single instance environment's Elastic IP to the new instance (immutable deployments). */
export const DEPLOY_ADDRESS_ACTIONS = ["ec2:AssociateAddress", "ec2:DisassociateAddress"] as const;
/** Moving instances in and out of the load balancer's target groups. */
export const DEPLOY_TARGET_ACTIONS = ["elasticloadbalancing:DeregisterTargets", "elasticloadbalancing:RegisterTargets"] as const;
/** Managing the environment's Auto Scaling CloudWatch alarms. */
export const DEPLOY_ALARM_ACTIONS = ["cloudwatch:DeleteAlarms", "cloudwatch:DescribeAlarms", "cloudwatch:PutMetricAlarm"] as const;
/** Handing the instance profile role to the new instances. */
export const DEPLOY_PASS_ROLE_ACTIONS = ["iam:PassRole"] as const;

/** Partition, region and account of the environment (an `AwsContext` fits). */
export interface BeanstalkArnContext {
  /** AWS partition, e.g. `aws`. */
  partition: pulumi.Input<string>;
  /** AWS region. */
  region: pulumi.Input<string>;
  /** AWS account id. */
  accountId: pulumi.Input<string>;
}

/** `arn:<p>:elasticbeanstalk:<r>:<a>:<resource>`. */
export function beanstalkArn(ctx: BeanstalkArnContext, resource: pulumi.Input<string>): pulumi.Output<string> {
  return pulumi.interpolate`arn:${ctx.partition}:elasticbeanstalk:${ctx.region}:${ctx.accountId}:${resource}`;
}

/** Name of the bucket Elastic Beanstalk keeps per account and region: `elasticbeanstalk-<region>-<account>`. */
export function beanstalkBucketName(ctx: BeanstalkArnContext): pulumi.Output<string> {
  return pulumi.interpolate`elasticbeanstalk-${ctx.region}-${ctx.accountId}`;
}

/** What a deploy action needs to know about its target (returned by `BeanstalkTarget.beanstalkDeployTarget()`). */
export interface BeanstalkDeployTargetInfo {
  /** Name of the application. */
  applicationName: pulumi.Input<string>;
  /** Name of the environment. */
  environmentName: pulumi.Input<string>;
  /** ARN of the application. */
  applicationArn: pulumi.Input<string>;
  /** ARN of the environment. */
  environmentArn: pulumi.Input<string>;
  /** Environment id (`e-...`), which names the environment's stacks and groups. */
  environmentId: pulumi.Input<string>;
  /** ARN of the instance role, passed to EC2 when instances are replaced. */
  instanceRoleArn: pulumi.Input<string>;
}

/** Arguments of {@link beanstalkDeployStatements}. */
export interface BeanstalkDeployPolicyArgs extends BeanstalkDeployTargetInfo {
  /** Account, partition and region of the environment. */
  ctx: BeanstalkArnContext;
  /** ARN of the pipeline's artifact bucket, from which the source bundle is read. */
  artifactBucketArn: pulumi.Input<string>;
}

/**
 * Statements a pipeline role needs to deploy to one environment with the CodePipeline
 * `ElasticBeanstalk` deploy action: register an application version, call
 * `UpdateEnvironment`, and everything `UpdateEnvironment` then does with the caller's
 * permissions (stage the bundle in the Elastic Beanstalk bucket, update the
 * environment's CloudFormation stacks, Auto Scaling groups, instances, target groups and
 * alarms). Scoped to this application, environment (by name and id), account and region;
 * the remaining broad permissions are listed with their reasons in the component README.
 * The artifact key's `kms:Decrypt` (through S3) is the pipeline's grant, not part of this list.
 */
export function beanstalkDeployStatements(a: BeanstalkDeployPolicyArgs): PolicyStatement[] {
  return beanstalkDeployStatementsForTargets({ targets: [a], ctx: a.ctx, artifactBucketArn: a.artifactBucketArn });
}

/** Arguments of {@link beanstalkDeployStatementsForTargets}. */
export interface BeanstalkMultiDeployPolicyArgs {
  /** The environments deployed to, in one account and region (at least one). */
  targets: BeanstalkDeployTargetInfo[];
  /** Account, partition and region of the environments. */
  ctx: BeanstalkArnContext;
  /** ARN of the pipeline's artifact bucket, from which the source bundles are read. */
  artifactBucketArn: pulumi.Input<string>;
}

/** The inputs without repeats (equal strings, or the very same Output). */
function distinct<T>(values: T[]): T[] {
  return values.filter((v, i) => values.indexOf(v) === i);
}

/**
 * The statements of {@link beanstalkDeployStatements} for several environments at once (e.g.
 * dev and prod of one pipeline): the same statements, each listing every environment's
 * resources, so that the role's policy grows by a few ARNs per environment instead of a whole
 * statement list (IAM limits a role's inline policies to 10,240 characters). With one target
 * the result equals `beanstalkDeployStatements`.
 */
export function beanstalkDeployStatementsForTargets(a: BeanstalkMultiDeployPolicyArgs): PolicyStatement[] {
  const { ctx, targets } = a;
  if (targets.length === 0) throw new Error("`targets` must hold at least one Elastic Beanstalk environment.");
  const regional = (service: string, resource: pulumi.Input<string>) =>
    pulumi.interpolate`arn:${ctx.partition}:${service}:${ctx.region}:${ctx.accountId}:${resource}`;
  const applications = distinct(targets.map((t) => t.applicationName)).map((name) => ({
    arn: targets.find((t) => t.applicationName === name)!.applicationArn,
    versions: beanstalkArn(ctx, pulumi.interpolate`applicationversion/${name}/*`),
  }));
  const appArns = distinct(applications.map((x) => x.arn));
  const versions = applications.map((x) => x.versions);
  const environments = distinct(targets.map((t) => t.environmentArn));
  const ids = distinct(targets.map((t) => t.environmentId));
  const stacks = ids.map((id) => regional("cloudformation", pulumi.interpolate`stack/awseb-${id}-*`));
  const bucket = pulumi.interpolate`arn:${ctx.partition}:s3:::${beanstalkBucketName(ctx)}`;
  return [
    { sid: "RegisterApplicationVersions", actions: [...DEPLOY_VERSION_ACTIONS], resources: [...appArns, ...versions] },
    { sid: "UpdateEnvironment", actions: [...DEPLOY_ENVIRONMENT_ACTIONS], resources: environments },
    { sid: "FollowDeploymentEvents", actions: [...DEPLOY_EVENT_ACTIONS], resources: [...appArns, ...versions, ...environments] },
    {
      sid: "ReadPlatformVersions",
      actions: [...DEPLOY_PLATFORM_ACTIONS],
      resources: [pulumi.interpolate`arn:${ctx.partition}:elasticbeanstalk:${ctx.region}::platform/*`],
    },
    { sid: "ReadPipelineArtifacts", actions: [...DEPLOY_ARTIFACT_READ_ACTIONS], resources: [pulumi.interpolate`${a.artifactBucketArn}/*`] },
    { sid: "StageBundleInBeanstalkBucket", actions: [...DEPLOY_BUCKET_OBJECT_ACTIONS], resources: [pulumi.interpolate`${bucket}/*`] },
    { sid: "ReadBeanstalkBucket", actions: [...DEPLOY_BUCKET_ACTIONS], resources: [bucket] },
    { sid: "UpdateEnvironmentStacks", actions: [...DEPLOY_STACK_ACTIONS], resources: stacks.map((s) => pulumi.interpolate`${s}/*`) },
    {
      sid: "ScaleEnvironmentGroups",
      actions: [...DEPLOY_AUTOSCALING_ACTIONS],
      resources: ids.map((id) => regional("autoscaling", pulumi.interpolate`autoScalingGroup:*:autoScalingGroupName/awseb-${id}-*`)),
    },
    { sid: "DescribeEnvironmentResources", actions: [...DEPLOY_DESCRIBE_ACTIONS], resources: ["*"] },
    { sid: "ManageLaunchTemplates", actions: [...DEPLOY_LAUNCH_TEMPLATE_ACTIONS], resources: [regional("ec2", "launch-template/*")] },
    {
      sid: "LaunchInstancesFromTemplates",
      actions: [...DEPLOY_RUN_INSTANCES_ACTIONS],
      resources: [regional("ec2", "*"), pulumi.interpolate`arn:${ctx.partition}:ec2:${ctx.region}::image/*`],
      conditions: { ArnLike: { "ec2:LaunchTemplate": regional("ec2", "launch-template/*") } },
    },
    {
      sid: "TagOnCreate",
      actions: [...DEPLOY_TAG_ON_CREATE_ACTIONS],
      resources: [regional("ec2", "*")],
      conditions: { StringEquals: { "ec2:CreateAction": ["CreateLaunchTemplate", "RunInstances"] } },
    },
    {
      sid: "TerminateEnvironmentInstances",
      actions: [...DEPLOY_TERMINATE_ACTIONS],
      resources: [regional("ec2", "instance/*")],
      conditions: { StringLike: { "ec2:ResourceTag/aws:cloudformation:stack-id": stacks.length === 1 ? stacks[0] : stacks } },
    },
    {
      sid: "MoveSingleInstanceAddress",
      actions: [...DEPLOY_ADDRESS_ACTIONS],
      resources: [regional("ec2", "elastic-ip/*"), regional("ec2", "instance/*"), regional("ec2", "network-interface/*")],
    },
    { sid: "RegisterTargets", actions: [...DEPLOY_TARGET_ACTIONS], resources: [regional("elasticloadbalancing", "targetgroup/awseb-*")] },
    {
      sid: "UpdateScalingAlarms",
      actions: [...DEPLOY_ALARM_ACTIONS],
      resources: ids.map((id) => regional("cloudwatch", pulumi.interpolate`alarm:awseb-${id}-*`)),
    },
    {
      sid: "PassInstanceRoleToEc2",
      actions: [...DEPLOY_PASS_ROLE_ACTIONS],
      resources: distinct(targets.map((t) => t.instanceRoleArn)),
      conditions: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } },
    },
  ];
}
