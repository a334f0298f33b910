// What the scoped sets deliberately leave out of AWS's own lists, and why. Each reason is the
// evidence the ledger prints; a pattern of AWS's list that we do not grant in full needs one.

/** A reason for the part of AWS's action patterns we do not grant. */
export interface LeftOut {
  /** Action patterns of AWS's list this reason covers. */
  match: RegExp;
  reason: string;
}

/**
 * `AdministratorAccess-AWSElasticBeanstalk` (what AWS CDK's deploy action attaches), against our
 * scoped deploy set: why each part we do not grant is not needed by `CreateApplicationVersion` and
 * `UpdateEnvironment` with the AllAtOnce, Rolling, RollingWithAdditionalBatch and Immutable policies.
 */
export const BEANSTALK_ADMIN_LEFT_OUT: LeftOut[] = [
  {
    match: /^elasticbeanstalk:\*$/,
    reason:
      "A deploy registers a version and updates one environment; creating, terminating, swapping or rebuilding environments, saved configurations, tags and platform operations are not part of it.",
  },
  {
    match: /^(acm|cloudtrail|iam|logs|rds|sns|sqs|ecs|dynamodb):(Describe|List|Get|LookupEvents)/,
    reason:
      "Console reads for services our environments do not use in a deploy (certificates, trails, roles, log groups, databases, topics, queues, ECS).",
  },
  {
    match: /^s3:ListAllMyBuckets$/,
    reason: "Listing every bucket is a console read; the deploy names its buckets.",
  },
  {
    match: /^(autoscaling|cloudformation|ec2|elasticloadbalancing):(Describe|Get|List|Estimate|Validate)\*$/,
    reason:
      "Reads: we grant the describe calls an update makes (DEPLOY_DESCRIBE_ACTIONS, DEPLOY_STACK_ACTIONS), not the service's whole read API.",
  },
  {
    match: /^cloudwatch:(GetMetricStatistics|ListMetrics)$/,
    reason: "Console metric reads; the deploy reads only the environment's alarms.",
  },
  {
    match: /^codecommit:/,
    reason: "Deploying from CodeCommit through Elastic Beanstalk itself (not through the pipeline's source action) is not used.",
  },
  {
    match: /^codebuild:/,
    reason:
      "Elastic Beanstalk's own build of `Elastic-Beanstalk-*` projects (buildspec in the bundle) is not used: our pipelines build with their own BuildProject.",
  },
  {
    match: /^ec2:(AllocateAddress|ReleaseAddress)$/,
    reason:
      "Allocating or releasing Elastic IPs happens when an environment is created or terminated, not in an update (an immutable update moves the existing address).",
  },
  {
    match: /^ec2:(AuthorizeSecurityGroup\*|RevokeSecurityGroup\*|CreateSecurityGroup|DeleteSecurityGroup)$/,
    reason: "Security groups are created with the environment; a code deploy does not change them.",
  },
  {
    match: /^ec2:(DeleteTags|RebootInstances)$/,
    reason: "Removing tags and rebooting instances are not part of a version deploy.",
  },
  {
    match: /^ecs:/,
    reason: "ECS-based Docker platforms (multicontainer Amazon Linux 1/2) are not targets of our components.",
  },
  {
    match: /^autoscaling:\*$/,
    reason:
      "Granted: the group and scaling calls an update makes (DEPLOY_AUTOSCALING_ACTIONS) on the environment's groups only; launch configurations, lifecycle hooks, warm pools and the rest are not used.",
  },
  {
    match: /^cloudformation:(SignalResource|TagResource|UntagResource)$/,
    reason: "Instances signal the stack with their own credentials (cfn-hup), and stack tags are set at creation.",
  },
  {
    match: /^elasticloadbalancing:/,
    reason:
      "Load balancers, listeners and rules are created with the environment; a deploy only moves instances between target groups (DEPLOY_TARGET_ACTIONS, on the environment's target groups).",
  },
  {
    match: /^iam:(AddRoleToInstanceProfile|CreateInstanceProfile|CreateRole|AttachRolePolicy|CreateServiceLinkedRole)$/,
    reason: "Our components create the instance profile and service role explicitly; a deploy creates no IAM entity.",
  },
  {
    match: /^logs:/,
    reason: "Log groups are created with the environment (log streaming is set at creation); a deploy does not manage them.",
  },
  {
    match: /^rds:/,
    reason:
      "Our environments have no database coupled to the environment (RDS instances created by Elastic Beanstalk are deleted with it).",
  },
  {
    match: /^s3:(Delete\*|Get\*|Put\*|GetBucket\*)$/,
    reason:
      "Granted: the object and bucket calls of staging a bundle (DEPLOY_BUCKET_OBJECT_ACTIONS, DEPLOY_BUCKET_ACTIONS, DEPLOY_BUCKET_CREATE_ACTIONS) on this region's bucket and the application's and environment's prefixes, not deletes or every read.",
  },
  {
    match: /^sns:/,
    reason:
      "Environment notifications (`ElasticBeanstalkNotifications-*` topics) are not configured by our components; failures are notified by the pipeline.",
  },
  {
    match: /^sqs:/,
    reason: "Worker environments (SQS queues) are not targets of our components.",
  },
  {
    match: /^dynamodb:/,
    reason: "Elastic Beanstalk's DynamoDB tables (leader election for worker environments) are not used by web server environments.",
  },
];

/**
 * AWS's documented minimum for the CodePipeline Elastic Beanstalk deploy action is every action of
 * these services on the resources of the account
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Beanstalk.html),
 * and AWS asks to replace the wildcards by the account's resources. What we keep of each, and why not the rest.
 */
export const BEANSTALK_DOCUMENTED_MINIMUM: { service: string; reason: string }[] = [
  {
    service: "elasticbeanstalk",
    reason: "Only registering the version, updating the environment and reading its state, events and platform.",
  },
  {
    service: "ec2",
    reason: "Only launches from the environment's templates, tagging on create, terminating its instances, moving its address, and reads.",
  },
  { service: "elasticloadbalancing", reason: "Only moving instances in and out of the environment's target groups, and reads." },
  { service: "autoscaling", reason: "Only the environment's groups (awseb-<env-id>-*) and reads." },
  { service: "cloudwatch", reason: "Only the environment's scaling alarms (awseb-<env-id>-*)." },
  {
    service: "s3",
    reason: "Only the pipeline's artifacts and this region's Elastic Beanstalk bucket (application and environment prefixes).",
  },
  { service: "sns", reason: "None: environment notifications are not configured (the pipeline notifies)." },
  { service: "cloudformation", reason: "Only the environment's stacks (awseb-<env-id>-*)." },
  { service: "rds", reason: "None: no database coupled to the environment." },
  { service: "sqs", reason: "None: no worker environments." },
  { service: "ecs", reason: "None: no ECS-based Docker platforms." },
];

/** Actions of AWS managed policies we replaced with inline statements, and what we left out of them. */
export const MANAGED_POLICY_LEFT_OUT: { policy: string; instead: string; reason: string }[] = [
  {
    policy: "AWSElasticBeanstalkWebTier",
    instead: "Elastic Beanstalk instance role",
    reason:
      "Not attached: it allows s3:Get*/List*/PutObject on every elasticbeanstalk-* bucket, X-Ray, Bedrock and Marketplace calls, and logs on every Beanstalk log group. We grant log streaming to this environment's log groups, health reports for this environment, bundle reads under resources/environments/, and log publication under this environment's log prefix. X-Ray is left out: our environments do not turn on the X-Ray daemon.",
  },
  {
    policy: "AdministratorAccess-AWSElasticBeanstalk",
    instead: 'Pipeline role and cross-account deploy role (unless `permissions: "aws-managed"`)',
    reason: "Not attached by default: see the comparison below.",
  },
];
