// The public API of aws-cicd: the components, their args and reference types, the helpers that
// build pipeline actions, the enums of allowed values, and the defaults the docs name. Everything
// else (validators, planners, statement builders, action lists) is internal: the folders' own
// index files are internal barrels, and package.json `exports` keeps deep imports out of reach.
// test/package/exports.spec.ts pins every name below; growing this list is a deliberate change.

export {
  BeanstalkEnvironmentType,
  BeanstalkTarget,
  BeanstalkUpdateLevel,
  DEFAULT_BEANSTALK_DEPLOYMENT_POLICY,
  DEFAULT_BEANSTALK_ENVIRONMENT_TYPE,
  DEFAULT_BEANSTALK_INSTANCE_TYPE,
  DEFAULT_BEANSTALK_LOG_RETENTION_DAYS,
  DEFAULT_BEANSTALK_MAX_SIZE,
  DEFAULT_BEANSTALK_MIN_SIZE,
  DEFAULT_BEANSTALK_ROOT_VOLUME_TYPE,
  DEFAULT_BEANSTALK_SSL_POLICY,
  DEFAULT_DEPLOY_PERMISSIONS,
  DEFAULT_MANAGED_UPDATE_WINDOW,
  DEFAULT_MAX_APPLICATION_VERSIONS,
  DEFAULT_SOLUTION_STACK_REGEX,
  DEFAULT_UPDATE_LEVEL,
} from "./beanstalk";

export type {
  ApplicationReference,
  ApplicationVersionLifecycle,
  BeanstalkDeployActionOptions,
  BeanstalkDeployTarget,
  BeanstalkDeployTargetInfo,
  BeanstalkLoadBalancer,
  BeanstalkLoadBalancerAccessLogs,
  BeanstalkManagedUpdates,
  BeanstalkOptionSetting,
  BeanstalkSecret,
  BeanstalkTargetArgs,
  BeanstalkVpc,
} from "./beanstalk";

export {
  BuildArchitecture,
  BuildNotificationEvent,
  BuildProject,
  BuildSpecOnFailure,
  BuildSpecReportFormat,
  BuildSpecShell,
  BuildSpecYesNo,
  ComputeType,
  LocalCacheMode,
  BUILD_LOG_RETENTION_DAYS,
  DEFAULT_BUILD_LOG_RETENTION_DAYS,
  DEFAULT_BUILD_SOURCE_BRANCH,
  DEFAULT_BUILD_TIMEOUT_MINUTES,
  DEFAULT_COMPUTE_TYPE,
  DEFAULT_DELETE_REPORTS,
  DEFAULT_GIT_CLONE_DEPTH,
  DEFAULT_QUEUED_TIMEOUT_MINUTES,
  DEFAULT_REPORT_EXPORT_PREFIX_FOLDER,
  DEFAULT_S3_ARTIFACTS_PREFIX_FOLDER,
  DEFAULT_S3_CACHE_PREFIX_FOLDER,
  DEFAULT_S3_LOGS_PREFIX_FOLDER,
  MANAGED_IMAGE_ARM64,
  MANAGED_IMAGE_X86_64,
} from "./codebuild";

export type {
  BucketLocation,
  BuildArtifactsArgs,
  BuildCacheArgs,
  BuildImage,
  BuildMonitoringArgs,
  BuildProjectArgs,
  BuildSourceArgs,
  BuildSpec,
  BuildSpecArtifactFiles,
  BuildSpecArtifacts,
  BuildSpecCache,
  BuildSpecEnv,
  BuildSpecInstallPhase,
  BuildSpecPhase,
  BuildSpecPhases,
  BuildSpecReport,
  BuildVpcArgs,
  CodeBuildActionOptions,
  CodeCommitBuildSourceArgs,
  CodeCommitRepositoryReference,
  EcrImage,
  EnvironmentVariable,
} from "./codebuild";

export {
  CodeCommitNotificationEventTypeId,
  CodeCommitPullRequestEvent,
  CodeCommitRepo,
  RepositoryAccess,
  RepositoryTriggerEvent,
  DEFAULT_REPOSITORY_BRANCH,
  DEFAULT_REPOSITORY_NOTIFICATION_EVENT_TYPE_IDS,
  DEFAULT_REPOSITORY_TRIGGER_EVENTS,
  DEFAULT_REQUIRED_APPROVALS,
} from "./codecommit";

export type {
  BranchProtectionArgs,
  CodeCommitRepoArgs,
  CodeCommitSourceActionOptions,
  CommitEventRuleArgs,
  CrossAccountAccessArgs,
  CrossAccountAccessGrant,
  PullRequestEventRuleArgs,
  RepoEventTarget,
  RepositoryEventRule,
  RepositoryNotificationArgs,
  RepositoryTriggerArgs,
} from "./codecommit";

export {
  CodeDeployAgentInstallation,
  Ec2DeploymentStrategy,
  Ec2FleetTarget,
  DEFAULT_AGENT_UPDATE_SCHEDULE,
  DEFAULT_DEPLOYMENT_STRATEGY,
  DEFAULT_FLEET_AMI_PARAMETER,
  DEFAULT_FLEET_MAX_SIZE,
  DEFAULT_FLEET_MIN_SIZE,
  DEFAULT_FLEET_ROOT_DEVICE,
  DEFAULT_FLEET_ROOT_VOLUME_GIB,
  DEFAULT_TARGET_TAG_KEY,
  EC2_BLUE_GREEN_DEFAULTS,
} from "./codedeploy";

export type {
  CodeDeployActionOptions,
  CodeDeployTargetInfo,
  Ec2BlueGreenArgs,
  Ec2FleetArgs,
  Ec2FleetDeployTarget,
  Ec2FleetTargetArgs,
  Ec2TagFilter,
  MinimumHealthyHosts,
} from "./codedeploy";

export { LambdaDeploymentConfig, LambdaTarget } from "./lambda";

export type {
  ExistingLambdaAliasArgs,
  LambdaAliasSource,
  LambdaDeployActionOptions,
  LambdaHookArgs,
  LambdaTargetArgs,
  LambdaTrafficShift,
  LambdaTrafficStep,
  NewLambdaAliasArgs,
} from "./lambda";

export { EcsServiceTarget, EcsTrafficConfig } from "./ecs";

export type {
  EcsAppSpecOptions,
  EcsBlueGreenArgs,
  EcsBlueGreenDeployTargetInfo,
  EcsExistingServiceArgs,
  EcsFargateServiceArgs,
  EcsLifecycleHooksArgs,
  EcsServiceDeployAction,
  EcsServiceDeployActionOptions,
  EcsServiceDeployTargetInfo,
  EcsServiceTargetArgs,
  EcsTaskDefinitionTargetInfo,
} from "./ecs";

export { CrossAccountDeployRole, crossAccountDeployRoleArn, pipelineRoleArn } from "./cross-account";

export type { CrossAccountDeployRoleArgs, CrossAccountDeployTargets, RoleArnArgs } from "./cross-account";

export {
  CodeBuildActionType,
  ConnectionProviderType,
  ExecutionMode,
  GitPullRequestEvent,
  Pipeline,
  PipelineExecutionState,
  PipelineType,
  StageEntryResult,
  StageResult,
  StageRetryMode,
  VariableCheckOperator,
  DEFAULT_BEANSTALK_DEPLOY_ACTION_NAME,
  DEFAULT_CODEDEPLOY_ACTION_NAME,
  CUSTOM_ACTION_OWNER,
  DEFAULT_CONNECTION_BRANCH,
  DEFAULT_CUSTOM_ACTION_VERSION,
  DEFAULT_EXECUTION_MODE,
  DEFAULT_NOTIFIED_EXECUTION_STATES,
  DEFAULT_PIPELINE_TYPE,
  DEFAULT_SOURCE_BRANCH,
  DEFAULT_VARIABLE_CHECK_OPERATOR,
  beanstalkDeployAction,
  codeBuildAction,
  codeCommitSourceAction,
  codeDeployAction,
  connectionSourceAction,
  customAction,
  manualApprovalAction,
  s3SourceAction,
} from "./pipeline";

export type {
  ActionArgs,
  ActionCommonArgs,
  ArtifactBucketOptions,
  ArtifactBucketReference,
  BeanstalkDeployActionArgs,
  CodeBuildActionArgs,
  CodeBuildEnvironmentVariable,
  CodeCommitSourceActionArgs,
  CodeDeployActionArgs,
  CodeDeployToEcsActionArgs,
  ConnectionSourceActionArgs,
  CustomActionArgs,
  CustomActionStatement,
  CustomStatementConditions,
  ConnectionTriggerArgs,
  EcsDeployActionArgs,
  ConsumingActionArgs,
  CreateConnectionArgs,
  GitPatternsArgs,
  GitPullRequestFilterArgs,
  GitPushFilterArgs,
  ManualApprovalActionArgs,
  PipelineArgs,
  PulumiSelfUpdateActionArgs,
  PipelineNotificationArgs,
  PipelineVariableArgs,
  RegionalActionArgs,
  RegionalArtifactStoreArgs,
  S3SourceActionArgs,
  StageArgs,
  StageEntryConditionArgs,
  VariableCheckArgs,
  CloudWatchAlarmRuleArgs,
  DeploymentWindowRuleArgs,
  LambdaInvokeRuleArgs,
  StageConditionRulesArgs,
  StageFailureArgs,
  StageSuccessConditionArgs,
} from "./pipeline";

export {
  PulumiPlanVariable,
  PulumiStack,
  PulumiSelfUpdate,
  DEFAULT_PULUMI_SELF_UPDATE_STAGE,
  DEFAULT_PULUMI_SOURCE_ARTIFACT,
  DEFAULT_PULUMI_WORK_DIR,
  PULUMI_DEPLOY_PROFILE,
  pulumiPreviewBuildSpec,
  pulumiUpBuildSpec,
} from "./pulumi";

export type {
  PulumiActionOptions,
  PulumiApprovalOptions,
  PulumiBuildSettings,
  PulumiGateStageOptions,
  PulumiSecretArgs,
  PulumiSelfUpdateActionOptions,
  PulumiSelfUpdateArgs,
  PulumiSelfUpdateStageOptions,
  PulumiStackArgs,
  PulumiStateBackendArgs,
  PulumiDeployRoleArgs,
} from "./pulumi";

export { ServiceFleet, FleetTag } from "./platform";

export type {
  AccountSpec,
  ApprovalSpec,
  BeanstalkSpec,
  BuildSpecSettings,
  CodeCommitSourceSpec,
  ConnectionSourceSpec,
  Ec2FleetSpec,
  EcsSpec,
  EnvironmentDefaults,
  EnvironmentSpec,
  FleetInventoryEntry,
  LambdaSpec,
  NetworkSpec,
  NotificationSpec,
  PipelineSettings,
  PresetDefinition,
  PresetSpec,
  ServiceDefaults,
  ServiceFleetArgs,
  ServicesFile,
  ServiceSpec,
  SourceSpec,
  TargetSpec,
  TeamSpec,
} from "./platform";

export {
  EncryptionKey,
  SecureBucket,
  SecureTopic,
  DEFAULT_ABORT_INCOMPLETE_UPLOAD_DAYS,
  DEFAULT_KEY_DELETION_WINDOW_DAYS,
  DEFAULT_NONCURRENT_VERSION_EXPIRATION_DAYS,
  DEFAULT_OBJECT_EXPIRATION_DAYS,
  DEFAULT_ROLE_PATH,
  KMS_DEFAULT_VIA_SERVICES,
  SNS_PUBLISHER_SERVICES,
} from "./security";

export type {
  EncryptionKeyArgs,
  KeyReference,
  PolicyConditions,
  PolicyPrincipals,
  PolicyStatement,
  RolePathGrant,
  SecureBucketAccessLogs,
  SecureBucketArgs,
  SecureBucketLifecycle,
  SecureBucketOptions,
  SecureTopicArgs,
} from "./security";
