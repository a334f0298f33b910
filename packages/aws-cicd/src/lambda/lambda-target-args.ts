import * as pulumi from "@pulumi/pulumi";
import { KeyReference } from "../security/encryption-key";

/**
 * CodeDeploy's predefined deployment configurations of the Lambda compute platform
 * (`CodeDeployDefault.Lambda<name>`): how traffic moves from the alias's current version to the new one.
 * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html
 */
export const LambdaDeploymentConfig = {
  /** 10% of the traffic, the rest 5 minutes later. */
  Canary10Percent5Minutes: "Canary10Percent5Minutes",
  /** 10% of the traffic, the rest 10 minutes later. */
  Canary10Percent10Minutes: "Canary10Percent10Minutes",
  /** 10% of the traffic, the rest 15 minutes later. */
  Canary10Percent15Minutes: "Canary10Percent15Minutes",
  /** 10% of the traffic, the rest 30 minutes later. */
  Canary10Percent30Minutes: "Canary10Percent30Minutes",
  /** 10% more of the traffic every minute. */
  Linear10PercentEvery1Minute: "Linear10PercentEvery1Minute",
  /** 10% more of the traffic every 2 minutes. */
  Linear10PercentEvery2Minutes: "Linear10PercentEvery2Minutes",
  /** 10% more of the traffic every 3 minutes. */
  Linear10PercentEvery3Minutes: "Linear10PercentEvery3Minutes",
  /** 10% more of the traffic every 10 minutes. */
  Linear10PercentEvery10Minutes: "Linear10PercentEvery10Minutes",
  /** All the traffic at once (no canary: alarms can only roll back afterwards). */
  AllAtOnce: "AllAtOnce",
} as const;
/** One of {@link LambdaDeploymentConfig}'s names, e.g. `"Canary10Percent5Minutes"`. */
export type LambdaDeploymentConfig = (typeof LambdaDeploymentConfig)[keyof typeof LambdaDeploymentConfig];

/** The CodeDeploy name of a predefined Lambda configuration: `CodeDeployDefault.Lambda<name>`. */
export const lambdaBuiltInConfigName = (c: LambdaDeploymentConfig): string => `CodeDeployDefault.Lambda${c}`;

/** Configuration when neither `deploymentConfig` nor `trafficShift` is given: a canary of 10% for 5 minutes. */
export const DEFAULT_LAMBDA_DEPLOYMENT_CONFIG = LambdaDeploymentConfig.Canary10Percent5Minutes;

/** Name of the alias the component creates when `alias.create.aliasName` is not given. */
export const DEFAULT_LAMBDA_ALIAS_NAME = "live";

/** One step size and interval of a custom traffic shift. */
export interface LambdaTrafficStep {
  /** Percentage of the traffic shifted in the first step (canary) or in each step (linear), 1 to 99. */
  percentage: number;
  /** Minutes between the steps, 1 to 2880 (two days). */
  intervalMinutes: number;
}

/**
 * A custom deployment configuration (`aws.codedeploy.DeploymentConfig`, compute platform Lambda):
 * set exactly one of `canary` and `linear`.
 * @see https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_TrafficRoutingConfig.html
 */
export interface LambdaTrafficShift {
  /**
   * `percentage` first, the rest after `intervalMinutes` (`TimeBasedCanary`).
   * @default - not this choice (give `linear`).
   */
  canary?: LambdaTrafficStep;
  /**
   * `percentage` more every `intervalMinutes` (`TimeBasedLinear`).
   * @default - not this choice (give `canary`).
   */
  linear?: LambdaTrafficStep;
}

/** A new alias on a published version of an existing function. */
export interface NewLambdaAliasArgs {
  /** Name of the function (not its ARN), e.g. `aws.lambda.Function#name`. */
  functionName: pulumi.Input<string>;
  /**
   * Published version the alias points to first (a number, such as `aws.lambda.Function#version`
   * with `publish: true`). Deployments then move the alias; Pulumi ignores later changes of the
   * alias's version, so that a deployment's result is not undone by the next `pulumi up`.
   */
  functionVersion: pulumi.Input<string>;
  /**
   * Name of the alias.
   * @default "live"
   */
  aliasName?: string;
}

/** An alias that exists already. */
export interface ExistingLambdaAliasArgs {
  /** Name of the function (not its ARN). */
  functionName: pulumi.Input<string>;
  /** Name of the alias. */
  aliasName: pulumi.Input<string>;
}

/** The alias deployments shift: set exactly one of `create` and `existing`. */
export interface LambdaAliasSource {
  /**
   * Create the alias on a published version.
   * @default - not this choice (give `existing`).
   */
  create?: NewLambdaAliasArgs;
  /**
   * Use an alias you manage.
   * @default - not this choice (give `create`).
   */
  existing?: ExistingLambdaAliasArgs;
}

/** A validation function CodeDeploy invokes before or after traffic moves. */
export interface LambdaHookArgs {
  /**
   * Unqualified ARN of the hook function. The service role may invoke exactly this function.
   * It must report its result with `codedeploy:PutLifecycleEventHookExecutionStatus`.
   */
  functionArn: pulumi.Input<string>;
  /**
   * Role of the hook function (name or ARN). When given, the component attaches an inline policy
   * letting it call `codedeploy:PutLifecycleEventHookExecutionStatus` (on `"*"`: the action has
   * no resource-level permission); otherwise grant that action to the hook's role yourself.
   * @default - no policy is attached; the hook's role must already allow the call.
   */
  roleName?: pulumi.Input<string>;
}

/** Arguments of {@link LambdaTarget}. */
export interface LambdaTargetArgs {
  /** The alias whose traffic deployments shift: created on a version, or existing. */
  alias: LambdaAliasSource;
  /**
   * Name of the CodeDeploy application (1 to 100 characters).
   * @default - `<project>-<stack>-<name>`.
   */
  applicationName?: string;
  /**
   * Name of the deployment group (1 to 100 characters).
   * @default - `<project>-<stack>-<name>`.
   */
  deploymentGroupName?: string;
  /**
   * Predefined deployment configuration. Not with `trafficShift`.
   * @default "Canary10Percent5Minutes"
   */
  deploymentConfig?: LambdaDeploymentConfig;
  /**
   * Create a custom canary or linear configuration. Not with `deploymentConfig`.
   * @default - the predefined `CodeDeployDefault.LambdaCanary10Percent5Minutes`.
   */
  trafficShift?: LambdaTrafficShift;
  /**
   * Names of CloudWatch alarms (up to 10) that stop the deployment and roll it back when they
   * fire. The service role may describe exactly these alarms. A deployment always rolls back on failure.
   * @default - none: roll back on failure only.
   */
  rollbackAlarmNames?: pulumi.Input<string>[];
  /**
   * Function CodeDeploy invokes before traffic moves (`BeforeAllowTraffic`).
   * @default - no pre-traffic hook.
   */
  preTrafficHook?: LambdaHookArgs;
  /**
   * Function CodeDeploy invokes after all traffic moved (`AfterAllowTraffic`).
   * @default - no post-traffic hook.
   */
  postTrafficHook?: LambdaHookArgs;
  /**
   * File of the function's deployment package (a ZIP) in the deploy action's input artifact.
   * @default "function.zip"
   */
  packageFile?: string;
  /**
   * Customer managed key of the deploy project (its logs and artifacts).
   * @default - a new {@link EncryptionKey} `<name>-deploy-key`, as {@link BuildProject} creates.
   */
  encryptionKey?: KeyReference;
  /**
   * Tags of every resource created.
   * @default - no tags.
   */
  tags?: Record<string, string>;
}
