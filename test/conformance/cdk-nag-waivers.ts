/**
 * The only place AwsSolutions (cdk-nag) findings on the example stacks and component defaults are
 * waived. Each waiver names the rule, the resource (logical id: the Pulumi name in PascalCase, or a
 * pattern over it), for IAM4/IAM5 the exact finding (`appliesTo`: the managed policy or the
 * wildcard resource), and one sentence of reason taken from the component README that documents it.
 * test/conformance/cdk-nag.spec.ts fails on a finding no waiver covers and on a waiver that covers
 * no finding.
 */
export interface NagWaiver {
  ruleId: string;
  /** Logical id, or a pattern over logical ids. */
  resource: string | RegExp;
  /** For rules that report findings (IAM4 `Policy::...`, IAM5 `Resource::...`): which one. */
  appliesTo?: string | RegExp;
  reason: string;
}

const EB_BUCKET = "arn:aws:s3:::elasticbeanstalk-us-east-1-123456789012";
const EC2 = "arn:aws:ec2:us-east-1:123456789012";

/** IAM5 on the Elastic Beanstalk deploy statements of the pipeline role and the cross-account deploy role, in their customer managed policies (beanstalk README, "Deploy permissions"). */
const BEANSTALK_DEPLOY_WILDCARDS: Array<[RegExp, string]> = [
  [/^Resource::\*$/, "Auto Scaling, EC2 and ELB Describe calls and cloudformation:ValidateTemplate support no resource-level permission."],
  [
    /^Resource::arn:aws:elasticbeanstalk:us-east-1:123456789012:applicationversion\/[\w-]+\/\*$/,
    "Version labels are chosen per pipeline execution, so versions are scoped to the application's `applicationversion/<app>/*`.",
  ],
  [
    /^Resource::arn:aws:elasticbeanstalk:us-east-1::platform\/\*$/,
    "The platform ARN of a managed update is not known in advance; the statement only reads platform versions.",
  ],
  [
    new RegExp(`^Resource::${EB_BUCKET}/([\\w-]+|resources/environments/[\\w-]+)/\\*$`),
    "Elastic Beanstalk chooses the object keys under the application's and the environment's prefixes of its own per-region bucket when UpdateEnvironment stages the bundle.",
  ],
  [
    /^Resource::arn:aws:cloudformation:us-east-1:123456789012:stack\/awseb-[\w-]+-\*\/\*$/,
    "Elastic Beanstalk names the environment's stacks `awseb-<envId>-<random>`; the scope is this environment id.",
  ],
  [
    /^Resource::arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:\*:autoScalingGroupName\/awseb-[\w-]+-\*$/,
    "Auto Scaling group ARNs carry a random id; the groups are limited to the names `awseb-<envId>-*` of this environment.",
  ],
  [
    /^Resource::arn:aws:cloudwatch:us-east-1:123456789012:alarm:awseb-[\w-]+-\*$/,
    "Elastic Beanstalk names the environment's alarms `awseb-<envId>-<random>`; the scope is this environment id.",
  ],
  [
    new RegExp(`^Resource::${EC2}:launch-template/\\*$`),
    "Launch template ARNs carry ids, not the environment's name, and are not known before the environment exists.",
  ],
  [new RegExp(`^Resource::${EC2}:\\*$`), "CreateTags is limited by condition to tagging on create (ec2:CreateAction)."],
  [
    new RegExp(`^Resource::${EC2}:(key-pair|security-group|spot-instances-request|subnet|volume)/\\*$`),
    "RunInstances touches these resource types of a launch, limited by condition to launches from a launch template, itself limited to the environment's templates by tag.",
  ],
  [
    /^Resource::arn:aws:ec2:us-east-1::image\/\*$/,
    "RunInstances needs the AMI of the environment's platform, which is AWS-owned and changes with platform updates.",
  ],
  [
    new RegExp(`^Resource::${EC2}:(instance|elastic-ip|network-interface)/\\*$`),
    "A single-instance environment's Elastic IP and instances are created by its stack, so their ids are not known in advance; they are limited by the environment id tag.",
  ],
  [
    /^Resource::arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup\/awseb-\*$/,
    "Elastic Beanstalk names target groups `awseb-AWSEB-<random>`, without the environment id.",
  ],
];

export const CDK_NAG_WAIVERS: NagWaiver[] = [
  {
    ruleId: "AwsSolutions-S1",
    resource: /^(\w*ArtifactsBucket|DefaultsBucketBucket)$/,
    reason:
      "SecureBucket documents no access logs by default: the bucket holds short-lived artifacts used by the account's own service roles, API activity is in CloudTrail, and `accessLogs` turns logging on.",
  },
  {
    ruleId: "AwsSolutions-S1",
    resource: /^\w*PulumiStateBucket$/,
    reason:
      "PulumiStack documents no access logs on the state bucket it creates, as SecureBucket: only its build roles and your bootstrap principals reach it, and API activity is in CloudTrail (pulumi README).",
  },
  {
    ruleId: "AwsSolutions-IAM5",
    resource: /^\w*Pulumi(Preview|Up)Role$/,
    appliesTo: /^Resource::<\w*PulumiStateBucket\.Arn>\/([\w.-]+\/)*\.pulumi\/\*$/,
    reason:
      "Pulumi names its state objects per stack, update and lock (checkpoints, history, backups, lock files) under `.pulumi/`, so the build roles get the objects of that prefix of the state bucket only (pulumi README).",
  },
  {
    ruleId: "AwsSolutions-EB1",
    resource: /Environment$/,
    reason:
      "BeanstalkTarget documents the region's default VPC when no `vpc` is given, so an environment works without network set-up; `vpc` places it in private subnets.",
  },
  {
    ruleId: "AwsSolutions-IAM4",
    resource: /ServiceRole$/,
    appliesTo: "Policy::arn:aws:iam::aws:policy/service-role/AWSElasticBeanstalkEnhancedHealth",
    reason:
      "AWSElasticBeanstalkEnhancedHealth is the policy AWS documents for an Elastic Beanstalk service role's health reporting and follows the service as it changes (beanstalk README).",
  },
  {
    ruleId: "AwsSolutions-IAM4",
    resource: /ServiceRole$/,
    appliesTo: "Policy::arn:aws:iam::aws:policy/AWSElasticBeanstalkManagedUpdatesCustomerRolePolicy",
    reason:
      "AWSElasticBeanstalkManagedUpdatesCustomerRolePolicy is the policy AWS documents for managed platform updates, which the environment enables (EB3) (beanstalk README).",
  },
  {
    ruleId: "AwsSolutions-IAM4",
    resource: /ServiceRole$/,
    appliesTo: "Policy::arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole",
    reason:
      "AWSCodeDeployRole is the policy AWS documents for EC2 deployment groups, whose calls mostly have no resource-level permission (codedeploy README).",
  },
  {
    ruleId: "AwsSolutions-IAM4",
    resource: /InstanceRole$/,
    appliesTo: "Policy::arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
    reason:
      'AmazonSSMManagedInstanceCore is the minimum AWS documents for an SSM managed node, needed by the default `agentInstallation: "ssm"` (codedeploy README).',
  },
  {
    ruleId: "AwsSolutions-IAM5",
    resource: /Role$/,
    appliesTo: /^Resource::<\w+Logs\.Arn>:log-stream:\*$/,
    reason:
      "Log streams are named at run time (CodeBuild after the build id, Lambda after the execution environment), so the role writes to the streams of its own log group only (codebuild README, examples/lambda-canary).",
  },
  {
    ruleId: "AwsSolutions-IAM5",
    resource: /Role$/,
    appliesTo: /^Resource::<\w*ArtifactsBucket\.Arn>\/\*$/,
    reason:
      "CodePipeline generates artifact object keys per execution, so object actions are granted on the objects of the pipeline's own artifact bucket (pipeline README).",
  },
  {
    ruleId: "AwsSolutions-IAM5",
    resource: /InstanceRole$/,
    appliesTo: /^Resource::arn:aws:logs:us-east-1:123456789012:log-group:\/aws\/elasticbeanstalk\/[\w-]+\/\*$/,
    reason:
      "Elastic Beanstalk creates the environment's log groups under `/aws/elasticbeanstalk/<env>/`, so the instance role streams to those groups only (beanstalk README).",
  },
  {
    ruleId: "AwsSolutions-IAM5",
    resource: /InstanceRole$/,
    appliesTo: new RegExp(`^Resource::${EB_BUCKET}/resources/environments/\\*$`),
    reason:
      "Instances read their bundle under `resources/environments/` of the Elastic Beanstalk bucket while the environment, and so its id, is being created (beanstalk README).",
  },
  {
    ruleId: "AwsSolutions-IAM5",
    resource: /InstanceRole$/,
    appliesTo: new RegExp(`^Resource::${EB_BUCKET}/resources/environments/logs/\\*/[\\w-]+/\\*$`),
    reason:
      "Instances publish logs under `resources/environments/logs/<kind>/<env-id>/` of their own environment; Elastic Beanstalk chooses the kind and object names (beanstalk README).",
  },
  {
    ruleId: "AwsSolutions-IAM5",
    resource: /Role$/,
    appliesTo: /^Resource::arn:aws:codebuild:us-east-1:123456789012:report-group\/[\w-]+-\*$/,
    reason:
      "Reports a buildspec file declares create report groups `<project>-<report>` on first use, so the role may write to its own project's groups only, as AWS documents (codebuild README).",
  },
  {
    ruleId: "AwsSolutions-IAM5",
    resource: /InstanceRole$/,
    appliesTo: "Resource::arn:aws:s3:::aws-codedeploy-us-east-1/*",
    reason:
      "The CodeDeploy agent is downloaded from AWS's regional `aws-codedeploy-<region>` bucket, whose object keys AWS chooses (codedeploy README).",
  },
  {
    ruleId: "AwsSolutions-IAM5",
    resource: /ServiceRole$/,
    appliesTo: new RegExp(
      `^Resource::(${EC2}:(instance|network-interface|security-group|subnet|volume)|arn:aws:ec2:us-east-1::image)/\\*$`,
    ),
    reason:
      "CodeDeploy launches from the fleet's launch template, and the instances, volumes and interfaces of a launch are new; RunInstances is limited by condition to that exact template (codedeploy README).",
  },
  {
    ruleId: "AwsSolutions-IAM5",
    resource: /FleetBgServiceRole$/,
    appliesTo: "Resource::*",
    reason:
      "The Auto Scaling, EC2 and Elastic Load Balancing Describe calls and tag:GetResources that CodeDeploy makes to copy the group and follow its instances support no resource-level permission (codedeploy README, blue/green).",
  },
  {
    ruleId: "AwsSolutions-IAM5",
    resource: /FleetBgServiceRole$/,
    appliesTo:
      /^Resource::arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:\*:autoScalingGroupName\/([\w-]+-asg|CodeDeploy_[\w-]+_d-\*)$/,
    reason:
      "Auto Scaling group ARNs carry a random id; the groups are the fleet's own by name and CodeDeploy's copies `CodeDeploy_<deployment group>_d-<deployment id>` of this deployment group (codedeploy README, blue/green).",
  },
  {
    ruleId: "AwsSolutions-IAM5",
    resource: /CodedeployRole$/,
    appliesTo: "Resource::*",
    reason:
      "The Elastic Load Balancing Describe calls CodeDeploy makes to find the listeners' rules and target groups support no resource-level permission (ecs README).",
  },
  {
    ruleId: "AwsSolutions-IAM5",
    resource: /CodedeployRole$/,
    appliesTo: /^Resource::arn:aws:ecs:us-east-1:123456789012:task-set\/[\w-]+\/[\w-]+\/\*$/,
    reason: "ECS chooses the id of the green task set CodeDeploy creates; the scope is the task sets of this one service (ecs README).",
  },
  {
    ruleId: "AwsSolutions-IAM5",
    resource: /CodedeployRole$/,
    appliesTo: /^Resource::arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule\/app\/[\w-]+\/[0-9a-f]+\/[0-9a-f]+\/\*$/,
    reason: "Listener rule ids are chosen by AWS; the scope is the rules of the production and test listeners only (ecs README).",
  },
  {
    ruleId: "AwsSolutions-IAM5",
    resource: /ExecutionRole$/,
    appliesTo: "Resource::*",
    reason:
      "The ECR token call (`ecr:GetAuthorizationToken`) supports no resource-level permission; the image pull itself is limited to the service's repository (ecs README).",
  },
  {
    ruleId: "AwsSolutions-IAM5",
    resource: "BuildRole",
    appliesTo: "Resource::*",
    reason:
      "The build role of examples/ecs-bluegreen got `grantImagePush`, whose ECR token call (`ecr:GetAuthorizationToken`) has no resource type in AWS's service authorization reference (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerregistry.html); the push itself is limited to the service's repository (ecs README).",
  },
  {
    ruleId: "AwsSolutions-IAM5",
    resource: /Role$/,
    appliesTo: /^Resource::arn:aws:ecs:us-east-1:123456789012:task-definition\/[\w-]+:\*$/,
    reason:
      "ECS numbers a task definition's revisions as it registers them (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html), so the pipeline role registers revisions of exactly the service's family, `task-definition/<family>:*` (ecs README).",
  },
  ...BEANSTALK_DEPLOY_WILDCARDS.map(([appliesTo, reason]) => ({
    ruleId: "AwsSolutions-IAM5",
    resource: /^(App|ProdDeploy)BeanstalkDeploy(Environments|Instances)$/,
    appliesTo,
    reason: `${reason} (beanstalk README, deploy permissions)`,
  })),
];
