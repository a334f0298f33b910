import * as pulumi from "@pulumi/pulumi";
import type { EcsFargateServiceArgs } from "./fargate-service-args";
import type { LambdaHookArgs } from "../lambda/lambda-target-args";

/**
 * Built-in CodeDeploy configurations of the ECS platform: how production traffic moves to the new
 * (green) task set. Canary: a share first, the rest after the wait; linear: equal shares at each
 * interval; all at once: everything at once.
 * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html#deployment-configuration-ecs
 */
export const EcsTrafficConfig = {
  /** All traffic at once. */
  AllAtOnce: "CodeDeployDefault.ECSAllAtOnce",
  /** 10 percent, then the rest 5 minutes later. */
  Canary10Percent5Minutes: "CodeDeployDefault.ECSCanary10Percent5Minutes",
  /** 10 percent, then the rest 15 minutes later. */
  Canary10Percent15Minutes: "CodeDeployDefault.ECSCanary10Percent15Minutes",
  /** 10 percent more every minute. */
  Linear10PercentEvery1Minutes: "CodeDeployDefault.ECSLinear10PercentEvery1Minutes",
  /** 10 percent more every 3 minutes. */
  Linear10PercentEvery3Minutes: "CodeDeployDefault.ECSLinear10PercentEvery3Minutes",
} as const;
/** One of {@link EcsTrafficConfig}. */
export type EcsTrafficConfig = (typeof EcsTrafficConfig)[keyof typeof EcsTrafficConfig];

/** Defaults of {@link EcsServiceTarget}, named by the docs. */
export const ECS_SERVICE_TARGET_DEFAULTS = {
  /** Traffic shift of a blue/green deployment. */
  trafficConfig: EcsTrafficConfig.AllAtOnce,
  /** Minutes the old (blue) task set keeps running after production traffic moved, for a quick rollback. */
  terminationWaitMinutes: 5,
} as const;

/** Most minutes CodeDeploy keeps the blue task set after a successful deployment (2 days). */
export const ECS_MAX_TERMINATION_WAIT_MINUTES = 2880;

/**
 * The AppSpec lifecycle events of an ECS blue/green deployment that run a Lambda hook, by the key of
 * {@link EcsLifecycleHooksArgs}, in the order CodeDeploy runs them.
 * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html#appspec-hooks-ecs
 */
export const ECS_LIFECYCLE_EVENTS = {
  beforeInstall: "BeforeInstall",
  afterInstall: "AfterInstall",
  afterAllowTestTraffic: "AfterAllowTestTraffic",
  beforeAllowTraffic: "BeforeAllowTraffic",
  afterAllowTraffic: "AfterAllowTraffic",
} as const;

/**
 * Lambda functions CodeDeploy invokes at the lifecycle events of an ECS blue/green deployment
 * (the AppSpec's `Hooks`). Each must report its result with
 * `codedeploy:PutLifecycleEventHookExecutionStatus` within an hour, or the deployment fails.
 * The CodeDeploy role may invoke exactly these functions.
 */
export interface EcsLifecycleHooksArgs {
  /**
   * Before the green task set is created.
   * @default - no hook.
   */
  beforeInstall?: LambdaHookArgs;
  /**
   * After the green task set is created, before it gets test traffic.
   * @default - no hook.
   */
  afterInstall?: LambdaHookArgs;
  /**
   * After the test listener reaches the green task set: the place for tests against it.
   * @default - no hook.
   */
  afterAllowTestTraffic?: LambdaHookArgs;
  /**
   * Before production traffic moves to the green task set.
   * @default - no hook.
   */
  beforeAllowTraffic?: LambdaHookArgs;
  /**
   * After production traffic moved.
   * @default - no hook.
   */
  afterAllowTraffic?: LambdaHookArgs;
}

/** An ECS service that exists already, deployed to as it is. */
export interface EcsExistingServiceArgs {
  /** Name of its cluster. */
  clusterName: string;
  /** Name of the service. */
  serviceName: string;
  /** Family of its task definition: the pipeline registers new revisions in this family only. */
  taskDefinitionFamily: string;
  /**
   * ARN of the task role its task definition names: the pipeline role may pass exactly this role.
   * @default - the task definition names no task role.
   */
  taskRoleArn?: pulumi.Input<string>;
  /**
   * ARN of the execution role its task definition names: the pipeline role may pass exactly this role.
   * @default - the task definition names no execution role.
   */
  executionRoleArn?: pulumi.Input<string>;
}

/**
 * Blue/green deployments through CodeDeploy: a new (green) task set behind the second target
 * group, reached first through the test listener, then production traffic moved by
 * `trafficConfig`, automatic rollback on failure and on the alarms. The service must use the
 * `CODE_DEPLOY` deployment controller.
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-bluegreen.html
 */
export interface EcsBlueGreenArgs {
  /**
   * The two target groups, blue (the one the service serves from now) first, then green:
   * `arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>`.
   */
  targetGroupArns: pulumi.Input<string>[];
  /** ARN of the production listener, whose traffic CodeDeploy moves to the green target group. */
  productionListenerArn: pulumi.Input<string>;
  /** ARN of the test listener, which reaches the green task set before production traffic moves. */
  testListenerArn: pulumi.Input<string>;
  /**
   * How production traffic moves.
   * @default "CodeDeployDefault.ECSAllAtOnce" (`ECS_SERVICE_TARGET_DEFAULTS.trafficConfig`)
   */
  trafficConfig?: EcsTrafficConfig;
  /**
   * Minutes the blue task set keeps running after a successful deployment, 0 to 2880.
   * @default 5 (`ECS_SERVICE_TARGET_DEFAULTS.terminationWaitMinutes`)
   */
  terminationWaitMinutes?: number;
  /**
   * CloudWatch alarms (names, at most 10) that stop the deployment and roll back when they fire.
   * @default - rollback on deployment failure only.
   */
  rollbackAlarmNames?: pulumi.Input<string>[];
  /**
   * Lambda hooks at the deployment's lifecycle events; `blueGreenAppSpec()` writes them in the AppSpec.
   * @default - no hooks.
   */
  lifecycleHooks?: EcsLifecycleHooksArgs;
  /**
   * Name of the CodeDeploy application.
   * @default - a stack-scoped name derived from the component name.
   */
  applicationName?: string;
  /**
   * Name of the deployment group.
   * @default - a stack-scoped name derived from the component name.
   */
  deploymentGroupName?: string;
}

/** Arguments of {@link EcsServiceTarget}: set exactly one of `existingService` and `fargateService`. */
export interface EcsServiceTargetArgs {
  /**
   * Deploy to an ECS service that exists already.
   * @default - not this kind (give `fargateService`).
   */
  existingService?: EcsExistingServiceArgs;
  /**
   * Create a hardened Fargate service and deploy to it.
   * @default - not this kind (give `existingService`).
   */
  fargateService?: EcsFargateServiceArgs;
  /**
   * Deploy blue/green through CodeDeploy instead of rolling.
   * @default - rolling deployments (CodePipeline's `ECS` action).
   */
  blueGreen?: EcsBlueGreenArgs;
  /**
   * Tags of every resource created.
   * @default - no tags.
   */
  tags?: Record<string, string>;
}
