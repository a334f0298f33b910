import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CODEDEPLOY_NAME, stackScopedName, validateComponentName } from "../internal/naming";
import { attachStatements, awsContext, createServiceRole, roleNameInput } from "../security/iam";
import { codeDeployTargetOutputs, CodeDeployTargetInfo, deployTargetOf } from "../codedeploy/policies";
import { BuildProject, CodeBuildActionOptions } from "../codebuild/build-project";
import type { CodeBuildActionArgs } from "../pipeline/actions/codebuild";
import {
  appSpecHooks,
  DEFAULT_LAMBDA_PACKAGE_FILE,
  lambdaDeployBuildSpec,
  lambdaDeployProjectStatements,
  lambdaDeployTimeoutMinutes,
} from "./deploy-project";
import { rollbackSettings } from "../codedeploy/rollback";
import {
  DEFAULT_LAMBDA_ALIAS_NAME,
  DEFAULT_LAMBDA_DEPLOYMENT_CONFIG,
  lambdaBuiltInConfigName,
  LambdaHookArgs,
  LambdaTargetArgs,
} from "./lambda-target-args";
import { hookStatusStatements, lambdaFunctionArn, lambdaServiceRoleStatements } from "./policies";
import { functionNameProblem, hookArnProblem, validateLambdaTargetArgs } from "./validate";
import { checkedInput } from "../internal/arns";
import { asResourceError } from "../internal/errors";
import { interpolate } from "../internal/interpolate";
import { quietStacks } from "../internal/quiet-stacks";

/** Settings of {@link LambdaTarget.deployAction}: the `codeBuild` arguments that are not the deploy project's. */
export type LambdaDeployActionOptions = Omit<CodeBuildActionOptions, "type" | "output" | "outputs">;

/** The deploy project of each target (internal state: every class property is published as an output). */
const DEPLOY_PROJECTS = new WeakMap<LambdaTarget, BuildProject>();

/**
 * A CodeDeploy application (compute platform Lambda) and deployment group that shift the traffic
 * of a function's alias from its current version to a new one, by a canary or linear
 * configuration, rolling back on failure and when a given CloudWatch alarm fires, with optional
 * pre- and post-traffic hook functions. The service role may shift exactly this alias, describe
 * exactly the rollback alarms and invoke exactly the hook functions (no AWS managed policy).
 *
 * `deployAction()` runs the target's deploy project (CodeBuild) in a pipeline: it publishes the
 * input artifact's package as a new version and starts a deployment of this group with the AppSpec
 * as content, then waits for its result (see `./deploy-project.ts` for why not another action).
 *
 * ```ts
 * const api = new LambdaTarget("api", {
 *   alias: { create: { functionName: fn.name, functionVersion: fn.version } },
 *   rollbackAlarmNames: [errors.name],
 * });
 * ```
 */
export class LambdaTarget extends pulumi.ComponentResource {
  /** The CodeDeploy application (compute platform Lambda). */
  readonly application: aws.codedeploy.Application;
  /** The CodeDeploy deployment group. */
  readonly deploymentGroup: aws.codedeploy.DeploymentGroup;
  /** The custom configuration, when `trafficShift` is given. */
  readonly deploymentConfig?: aws.codedeploy.DeploymentConfig;
  /** The alias, when the component created it (`alias.create`). */
  readonly alias?: aws.lambda.Alias;
  /** Service role CodeDeploy assumes to deploy. */
  readonly serviceRole: aws.iam.Role;
  /** Inline policy of the service role. */
  readonly serviceRolePolicy: aws.iam.RolePolicy;
  /** Inline policies letting the hook functions' roles report their results (hooks given with `roleName`). */
  readonly hookStatusPolicies: aws.iam.RolePolicy[];
  /** Name of the CodeDeploy application. */
  readonly applicationName: pulumi.Output<string>;
  /** Name of the deployment group. */
  readonly deploymentGroupName: pulumi.Output<string>;
  /** Name of the deployment configuration the group uses. */
  readonly deploymentConfigName: pulumi.Output<string>;
  /** ARN of the CodeDeploy application. */
  readonly applicationArn: pulumi.Output<string>;
  /** ARN of the deployment group. */
  readonly deploymentGroupArn: pulumi.Output<string>;
  /** ARN of the deployment configuration. */
  readonly deploymentConfigArn: pulumi.Output<string>;
  /** Name of the function. */
  readonly functionName: pulumi.Output<string>;
  /** Name of the alias deployments shift. */
  readonly aliasName: pulumi.Output<string>;
  /** ARN of the alias (`<function ARN>:<alias>`). */
  readonly aliasArn: pulumi.Output<string>;
  /** Name of the CodeBuild project that `deployAction()` runs. */
  readonly deployProjectName: pulumi.Output<string>;

  constructor(name: string, args: LambdaTargetArgs, opts?: pulumi.ComponentResourceOptions) {
    super("aws-cicd:index:LambdaTarget", name, {}, opts);
    const stacks = quietStacks();
    try {
      asResourceError(this, () => {
        validateComponentName(name);
        validateLambdaTargetArgs(args);
      });
      const ctx = awsContext(this);
      const tags = args.tags;
      const appName = args.applicationName ?? stackScopedName(name, CODEDEPLOY_NAME);
      const groupName = args.deploymentGroupName ?? stackScopedName(name, CODEDEPLOY_NAME);
      const { create, existing } = args.alias;
      const at = create !== undefined ? "alias.create" : "alias.existing";
      const functionName = pulumi.output(
        checkedInput(create?.functionName ?? existing!.functionName, functionNameProblem(`${at}.functionName`)),
      );
      const aliasNameInput: pulumi.Input<string> =
        create !== undefined ? (create.aliasName ?? DEFAULT_LAMBDA_ALIAS_NAME) : existing!.aliasName;

      if (create !== undefined) {
        this.alias = new aws.lambda.Alias(
          `${name}-alias`,
          {
            name: aliasNameInput,
            functionName,
            functionVersion: create.functionVersion,
            description: `Shifted by CodeDeploy group ${appName}/${groupName} (aws-cicd)`,
          },
          // CodeDeploy moves the alias: the next `pulumi up` must not move it back.
          { parent: this, ignoreChanges: ["functionVersion", "routingConfig"] },
        );
      }

      this.serviceRole = createServiceRole(
        `${name}-service-role`,
        {
          // No aws:SourceAccount / aws:SourceArn: CodeDeploy does not document sending them (PERMISSIONS.md, "Trust policies").
          service: "codedeploy.amazonaws.com",
          description: `CodeDeploy service role of ${appName}/${groupName} (aws-cicd)`,
          tags,
        },
        this,
      );
      const hooks = (
        [
          ["pre", args.preTrafficHook],
          ["post", args.postTrafficHook],
        ] as const
      ).filter((e): e is readonly ["pre" | "post", LambdaHookArgs] => e[1] !== undefined);
      this.serviceRolePolicy = attachStatements(
        `${name}-service-policy`,
        this.serviceRole.name,
        lambdaServiceRoleStatements({
          ctx,
          functionName,
          aliasName: aliasNameInput,
          alarmNames: args.rollbackAlarmNames,
          hookFunctionArns: hooks.map(([key, h]) => checkedInput(h.functionArn, hookArnProblem(`${key}TrafficHook.functionArn`))),
        }),
        this,
      );

      this.application = new aws.codedeploy.Application(
        `${name}-application`,
        { name: appName, computePlatform: "Lambda", tags },
        { parent: this },
      );
      const shift = args.trafficShift;
      if (shift !== undefined) {
        const step = shift.canary ?? shift.linear!;
        const interval = { interval: step.intervalMinutes, percentage: step.percentage };
        this.deploymentConfig = new aws.codedeploy.DeploymentConfig(
          `${name}-deployment-config`,
          {
            deploymentConfigName: stackScopedName(`${name}-${shift.canary ? "canary" : "linear"}`, CODEDEPLOY_NAME),
            computePlatform: "Lambda",
            trafficRoutingConfig: shift.canary
              ? { type: "TimeBasedCanary", timeBasedCanary: interval }
              : { type: "TimeBasedLinear", timeBasedLinear: interval },
          },
          { parent: this },
        );
      }
      const configName: pulumi.Input<string> =
        this.deploymentConfig?.deploymentConfigName ?? lambdaBuiltInConfigName(args.deploymentConfig ?? DEFAULT_LAMBDA_DEPLOYMENT_CONFIG);

      this.deploymentGroup = new aws.codedeploy.DeploymentGroup(
        `${name}-deployment-group`,
        {
          appName: this.application.name,
          deploymentGroupName: groupName,
          serviceRoleArn: this.serviceRole.arn,
          deploymentConfigName: configName,
          deploymentStyle: { deploymentType: "BLUE_GREEN", deploymentOption: "WITH_TRAFFIC_CONTROL" },
          ...rollbackSettings(args.rollbackAlarmNames),
          tags,
        },
        { parent: this, dependsOn: [this.serviceRolePolicy] },
      );

      this.hookStatusPolicies = hooks
        .filter(([, h]) => h.roleName !== undefined)
        .map(([key, h]) =>
          attachStatements(`${name}-${key}-traffic-hook-status`, roleNameInput(h.roleName!), hookStatusStatements(), this),
        );

      const out = codeDeployTargetOutputs(ctx, this.application.name, this.deploymentGroup.deploymentGroupName, configName);
      this.applicationName = out.applicationName;
      this.deploymentGroupName = out.deploymentGroupName;
      this.deploymentConfigName = out.deploymentConfigName;
      this.applicationArn = out.applicationArn;
      this.deploymentGroupArn = out.deploymentGroupArn;
      this.deploymentConfigArn = out.deploymentConfigArn;
      this.functionName = functionName;
      this.aliasName = this.alias?.name ?? pulumi.output(aliasNameInput);
      this.aliasArn = interpolate`${lambdaFunctionArn(ctx, functionName)}:${this.aliasName}`;
      const project = new BuildProject(
        `${name}-deploy`,
        {
          description: interpolate`Deploys ${this.aliasArn} through CodeDeploy group ${this.applicationName}/${this.deploymentGroupName} (aws-cicd)`,
          buildSpec: lambdaDeployBuildSpec(),
          timeoutInMinutes: lambdaDeployTimeoutMinutes(args.deploymentConfig ?? DEFAULT_LAMBDA_DEPLOYMENT_CONFIG, shift),
          environmentVariables: {
            FUNCTION_NAME: { value: functionName },
            ALIAS_NAME: { value: this.aliasName },
            APPLICATION_NAME: { value: this.applicationName },
            DEPLOYMENT_GROUP_NAME: { value: this.deploymentGroupName },
            PACKAGE_FILE: { value: args.packageFile ?? DEFAULT_LAMBDA_PACKAGE_FILE },
            HOOKS: {
              value: appSpecHooks(hooks.find(([k]) => k === "pre")?.[1].functionArn, hooks.find(([k]) => k === "post")?.[1].functionArn),
            },
          },
          ...(args.encryptionKey !== undefined ? { encryptionKey: args.encryptionKey } : {}),
          tags,
        },
        { parent: this },
      );
      project.addToRolePolicy(
        "lambda-deploy",
        lambdaDeployProjectStatements({ functionArn: lambdaFunctionArn(ctx, functionName), target: this.deployTarget() }),
      );
      DEPLOY_PROJECTS.set(this, project);
      this.deployProjectName = project.projectName;
      this.registerOutputs({
        deployProjectName: this.deployProjectName,
        applicationName: this.applicationName,
        deploymentGroupName: this.deploymentGroupName,
        deploymentConfigName: this.deploymentConfigName,
        applicationArn: this.applicationArn,
        deploymentGroupArn: this.deploymentGroupArn,
        deploymentConfigArn: this.deploymentConfigArn,
        functionName: this.functionName,
        aliasName: this.aliasName,
        aliasArn: this.aliasArn,
      });
    } catch (e) {
      throw stacks.rethrow(e);
    } finally {
      stacks.close();
    }
  }

  /** The names and ARNs of the application, group and configuration, as Outputs. */
  deployTarget(): { [K in keyof CodeDeployTargetInfo]: pulumi.Output<string> } {
    return deployTargetOf(this);
  }

  /**
   * Describes a pipeline action deploying to this target: plain data, no resource is created. The
   * action is a `codeBuild` action (category `Build`, no output artifact) running the target's
   * deploy project on the input artifact, which must hold the package (`packageFile`) at its root.
   *
   * @param options - Action settings (`name`, `inputs`, `runOrder`...); the project is filled in.
   * @returns `{ codeBuild: { ...project, outputs: [], ...options } }`, one entry of a stage's `actions`.
   */
  deployAction(options: LambdaDeployActionOptions = {}): {
    /** The CodeBuild action running the deploy project. */
    codeBuild: CodeBuildActionArgs;
  } {
    return DEPLOY_PROJECTS.get(this)!.buildAction({ outputs: [], ...options });
  }
}
