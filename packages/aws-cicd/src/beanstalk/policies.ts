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
import { fromContext, regionalArnOf } from "../internal/aws-context";

/**
 * What the instance's CloudWatch agent calls to stream logs into the environment's log groups.
 * @see https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/AWSHowTo.cloudwatchlogs.html
 * @managedPolicy AWSElasticBeanstalkWebTier
 */
export const INSTANCE_LOG_STREAMING_ACTIONS = ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"] as const;
/**
 * What the health agent calls for enhanced health reporting.
 * @see https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/health-enhanced.html
 * @managedPolicy AWSElasticBeanstalkWebTier
 */
export const INSTANCE_HEALTH_ACTIONS = ["elasticbeanstalk:PutInstanceStatistics"] as const;
/**
 * What the instance reads from the Elastic Beanstalk bucket: the staged source bundle and configuration.
 * @see https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/iam-instanceprofile.html
 * @managedPolicy AWSElasticBeanstalkWebTier
 * @decision Granted on `resources/environments/*` of this account and region's bucket, not on the
 * environment's own `resources/environments/<env-id>/` prefix: the id exists only once the environment
 * does, and its first instances read the bundle while it is being created, so a grant attached
 * afterwards (as log publication is) would race the first launch. AWSElasticBeanstalkWebTier grants
 * reads on every `elasticbeanstalk-*` bucket.
 */
export const INSTANCE_BUNDLE_READ_ACTIONS = ["s3:GetObject", "s3:GetObjectVersion"] as const;
/**
 * What the instance writes to publish rotated logs (`LogPublicationControl`).
 * @see https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/using-features.logging.html
 * @managedPolicy AWSElasticBeanstalkWebTier
 */
export const INSTANCE_LOG_PUBLICATION_ACTIONS = ["s3:PutObject"] as const;
/**
 * Reading a Parameter Store parameter for `environmentsecrets`.
 * @see https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/AWSHowTo.secrets.env-vars.html
 */
export const INSTANCE_SSM_PARAMETER_ACTIONS = ["ssm:GetParameter"] as const;
/**
 * Reading a Secrets Manager secret for `environmentsecrets`.
 * @see https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/AWSHowTo.secrets.env-vars.html
 */
export const INSTANCE_SECRET_ACTIONS = ["secretsmanager:GetSecretValue"] as const;
/**
 * Decrypting customer-key-encrypted parameters and secrets.
 * @see https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/AWSHowTo.secrets.env-vars.html
 */
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

/**
 * Elastic Beanstalk calls of a CodePipeline Elastic Beanstalk deploy: register the version, update the environment, follow it.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Beanstalk.html
 * @managedPolicy AdministratorAccess-AWSElasticBeanstalk
 */
export const DEPLOY_VERSION_ACTIONS = [
  "elasticbeanstalk:CreateApplicationVersion",
  "elasticbeanstalk:DescribeApplicationVersions",
] as const;
/**
 * Reading and updating the target environment during a deploy.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Beanstalk.html
 * @managedPolicy AdministratorAccess-AWSElasticBeanstalk
 */
export const DEPLOY_ENVIRONMENT_ACTIONS = [
  "elasticbeanstalk:DescribeConfigurationSettings",
  "elasticbeanstalk:DescribeEnvironmentResources",
  "elasticbeanstalk:DescribeEnvironments",
  "elasticbeanstalk:UpdateEnvironment",
] as const;
/**
 * Following the environment's events while a deploy runs.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Beanstalk.html
 * @managedPolicy AdministratorAccess-AWSElasticBeanstalk
 */
export const DEPLOY_EVENT_ACTIONS = ["elasticbeanstalk:DescribeEvents"] as const;
/**
 * Reading the environment's platform version during an update.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Beanstalk.html
 * @managedPolicy AdministratorAccess-AWSElasticBeanstalk
 */
export const DEPLOY_PLATFORM_ACTIONS = ["elasticbeanstalk:DescribePlatformVersion"] as const;
/**
 * Reading the pipeline's artifact (the source bundle).
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Beanstalk.html
 * @managedPolicy AdministratorAccess-AWSElasticBeanstalk
 */
export const DEPLOY_ARTIFACT_READ_ACTIONS = ["s3:GetObject", "s3:GetObjectVersion"] as const;
/**
 * Staging the bundle in the Elastic Beanstalk bucket, which `UpdateEnvironment` does with the caller's permissions.
 * @see https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/AWSHowTo.S3.html
 * @managedPolicy AdministratorAccess-AWSElasticBeanstalk
 */
export const DEPLOY_BUCKET_OBJECT_ACTIONS = ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:PutObjectAcl"] as const;
/**
 * Bucket-level calls on the Elastic Beanstalk bucket made while staging the bundle.
 * @see https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/AWSHowTo.S3.html
 * @managedPolicy AdministratorAccess-AWSElasticBeanstalk
 */
export const DEPLOY_BUCKET_ACTIONS = ["s3:GetBucketLocation", "s3:GetBucketPolicy", "s3:ListBucket"] as const;
/**
 * Creating and configuring the Elastic Beanstalk bucket of the account and region on first use
 * (`UpdateEnvironment` creates it with the caller's permissions when it does not exist yet, and
 * keeps its bucket policy naming the environments' instance roles).
 * @see https://docs.aws.amazon.com/elasticbeanstalk/latest/api/API_CreateStorageLocation.html
 * @managedPolicy AdministratorAccess-AWSElasticBeanstalk
 */
export const DEPLOY_BUCKET_CREATE_ACTIONS = [
  "s3:CreateBucket",
  "s3:PutBucketOwnershipControls",
  "s3:PutBucketPolicy",
  "s3:PutBucketPublicAccessBlock",
] as const;

/** The tag Elastic Beanstalk puts on every resource of an environment, with the environment id. */
export const BEANSTALK_ENVIRONMENT_ID_TAG = "elasticbeanstalk:environment-id";
/**
 * The environment's CloudFormation stacks (`awseb-<envId>-stack`, `awseb-<envId>-immutable-stack`).
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Beanstalk.html
 * @managedPolicy AdministratorAccess-AWSElasticBeanstalk
 */
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
/**
 * The environment's Auto Scaling groups (rolling, additional-batch and immutable deployments).
 * @see https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/using-features.rolling-version-deploy.html
 * @managedPolicy AdministratorAccess-AWSElasticBeanstalk
 */
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
/**
 * Read-only calls that support no resource-level permission (so `Resource: "*"`).
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Beanstalk.html
 * @managedPolicy AdministratorAccess-AWSElasticBeanstalk
 */
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
/**
 * Creating the environment's launch templates (immutable and rolling-with-additional-batch deployments).
 * @see https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/environments-cfg-autoscaling-launch-templates.html
 * @managedPolicy AdministratorAccess-AWSElasticBeanstalk
 */
export const DEPLOY_LAUNCH_TEMPLATE_CREATE_ACTIONS = ["ec2:CreateLaunchTemplate"] as const;
/**
 * Versioning and removing the environment's launch templates when instances are replaced.
 * @see https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/environments-cfg-autoscaling-launch-templates.html
 * @managedPolicy AdministratorAccess-AWSElasticBeanstalk
 */
export const DEPLOY_LAUNCH_TEMPLATE_ACTIONS = [
  "ec2:CreateLaunchTemplateVersion",
  "ec2:DeleteLaunchTemplate",
  "ec2:DeleteLaunchTemplateVersions",
] as const;
/**
 * The account's EC2 resource types a launch from an environment's launch template touches (the
 * template itself is allowed only when tagged with the environment's id, in its own statement).
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html
 */
export const RUN_INSTANCES_RESOURCE_TYPES = [
  "instance",
  "key-pair",
  "network-interface",
  "security-group",
  "spot-instances-request",
  "subnet",
  "volume",
] as const;
/**
 * Launching the new instances of a deployment.
 * @see https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-launch-template-permissions.html
 * @managedPolicy AdministratorAccess-AWSElasticBeanstalk
 */
export const DEPLOY_RUN_INSTANCES_ACTIONS = ["ec2:RunInstances"] as const;
/**
 * Tagging instances and volumes as they are launched.
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/supported-iam-actions-tagging.html
 * @managedPolicy AdministratorAccess-AWSElasticBeanstalk
 */
export const DEPLOY_TAG_ON_CREATE_ACTIONS = ["ec2:CreateTags"] as const;
/**
 * Terminating the replaced instances.
 * @see https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/environmentmgmt-updates-immutable.html
 * @managedPolicy AdministratorAccess-AWSElasticBeanstalk
 */
export const DEPLOY_TERMINATE_ACTIONS = ["ec2:TerminateInstances"] as const;
/**
 * Moving a single instance environment's Elastic IP to the new instance (immutable deployments).
 * @see https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/environmentmgmt-updates-immutable.html
 * @managedPolicy AdministratorAccess-AWSElasticBeanstalk
 */
export const DEPLOY_ADDRESS_ACTIONS = ["ec2:AssociateAddress", "ec2:DisassociateAddress"] as const;
/**
 * Moving instances in and out of the load balancer's target groups.
 * @see https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/using-features.rolling-version-deploy.html
 * @managedPolicy AdministratorAccess-AWSElasticBeanstalk
 */
export const DEPLOY_TARGET_ACTIONS = ["elasticloadbalancing:DeregisterTargets", "elasticloadbalancing:RegisterTargets"] as const;
/**
 * Managing the environment's Auto Scaling CloudWatch alarms.
 * @see https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/environments-cfg-autoscaling-triggers.html
 * @managedPolicy AdministratorAccess-AWSElasticBeanstalk
 */
export const DEPLOY_ALARM_ACTIONS = ["cloudwatch:DeleteAlarms", "cloudwatch:DescribeAlarms", "cloudwatch:PutMetricAlarm"] as const;
/**
 * Handing the instance profile role to the new instances.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
 * @managedPolicy AdministratorAccess-AWSElasticBeanstalk
 */
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

/** `arn:<p>:elasticbeanstalk:<r>:<a>:<resource(value)>` ({@link regionalArnOf}). */
export function beanstalkArn(
  ctx: BeanstalkArnContext,
  value: pulumi.Input<string>,
  resource: (v: string) => string = (v) => v,
): pulumi.Output<string> {
  return regionalArnOf(ctx, "elasticbeanstalk", value, resource);
}

/**
 * ARN of the bucket Elastic Beanstalk keeps per account and region, followed by `suffix` (e.g.
 * `/resources/environments/*`): one Output per context and suffix ({@link fromContext}).
 */
export function beanstalkBucketArn(ctx: BeanstalkArnContext, suffix = ""): pulumi.Output<string> {
  return fromContext(
    ctx,
    `arn:<partition>:s3:::elasticbeanstalk-<region>-<account>${suffix}`,
    (c) => `arn:${c.partition}:s3:::elasticbeanstalk-${c.region}-${c.accountId}${suffix}`,
  );
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
