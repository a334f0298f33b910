import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { CodeDeployToEcsActionArgs } from "../pipeline/actions/codedeploy-to-ecs";
import type { EcsDeployActionArgs } from "../pipeline/actions/ecs-deploy";
import { validateComponentName } from "../internal/naming";
import { checkedInput, roleNameOrArnProblem } from "../internal/arns";
import { grantRoleSuffix } from "../codecommit/grants";
import { attachStatements, roleNameInput } from "../security/iam";
import { awsContext } from "../security/iam";
import { asResourceError } from "../internal/errors";
import { interpolate } from "../internal/interpolate";
import { createBlueGreen } from "./blue-green";
import { ecsAppSpec, EcsAppSpecOptions, LifecycleHook, lifecycleHookList } from "./app-spec";
import { ECS_FARGATE_DEFAULTS } from "./fargate-service-args";
import { ECS_NAME_PATTERN } from "../pipeline/actions/ecs-deploy";
import { createFargateService } from "./fargate-service";
import { EcsServiceTargetArgs } from "./ecs-service-target-args";
import { EcsBlueGreenDeployTargetInfo, EcsServiceDeployTargetInfo, ecrImagePushStatements } from "./policies";
import { validateEcsServiceTargetArgs } from "./validate";
import { quietStacks } from "../internal/quiet-stacks";

/**
 * Settings of {@link EcsServiceTarget.deployAction}: the action arguments that are not the
 * target's. `imageDefinitionsFile` and `deploymentTimeoutMinutes` apply to rolling deploys;
 * `taskDefinitionTemplatePath`, `appSpecTemplatePath`, `imagePlaceholder` and `useImageDetail`
 * to blue/green ones.
 */
export type EcsServiceDeployActionOptions = Omit<EcsDeployActionArgs, keyof EcsServiceDeployTargetInfo> &
  Omit<CodeDeployToEcsActionArgs, keyof EcsBlueGreenDeployTargetInfo>;

/** What {@link EcsServiceTarget.deployAction} returns: one action of exactly one kind, by the target's mode. */
export interface EcsServiceDeployAction {
  /**
   * The rolling deploy (a target without `blueGreen`).
   * @default - absent for a blue/green target.
   */
  ecsDeploy?: EcsDeployActionArgs;
  /**
   * The blue/green deploy (a target with `blueGreen`).
   * @default - absent for a rolling target.
   */
  codeDeployToEcs?: CodeDeployToEcsActionArgs;
}

/** How many image-push grants each target made (their logical names count on). */
const PUSH_GRANTS = new WeakMap<EcsServiceTarget, number>();
/** What each target's AppSpec needs: its lifecycle hooks, and the created service's container. */
const APP_SPEC_INPUTS = new WeakMap<EcsServiceTarget, { hooks: LifecycleHook[]; containerName?: string; containerPort?: number }>();

const ROLLING_ONLY = ["imageDefinitionsFile", "deploymentTimeoutMinutes"] as const;
const BLUE_GREEN_ONLY = ["taskDefinitionTemplatePath", "appSpecTemplatePath", "imagePlaceholder", "useImageDetail"] as const;

/**
 * An ECS service as a pipeline's deploy target. Rolling by default: the pipeline's `ECS` action
 * registers a revision of the service's task definition with the images of `imagedefinitions.json`
 * and updates the service. With `blueGreen`: a CodeDeploy application (ECS platform) and a
 * `BLUE_GREEN` deployment group over two target groups, a production and a test listener, with
 * automatic rollback on failure and on alarms, and a service role scoped to exactly this service,
 * its listeners and its roles; the pipeline's `CodeDeployToECS` action deploys to it.
 *
 * ```ts
 * const api = new EcsServiceTarget("api", {
 *   existingService: { clusterName: "shop", serviceName: "api", taskDefinitionFamily: "api", taskRoleArn, executionRoleArn },
 * });
 * new Pipeline("app", { stages: [..., { name: "Deploy", actions: [api.deployAction()] }] });
 * ```
 * See the component README for the permissions and the documented exceptions.
 */
export class EcsServiceTarget extends pulumi.ComponentResource {
  /** The CodeDeploy application (with `blueGreen`). */
  readonly application?: aws.codedeploy.Application;
  /** The `BLUE_GREEN` deployment group (with `blueGreen`). */
  readonly deploymentGroup?: aws.codedeploy.DeploymentGroup;
  /** The role CodeDeploy assumes to shift traffic (with `blueGreen`). */
  readonly codeDeployRole?: aws.iam.Role;
  /** The created Fargate service (with `fargateService`). */
  readonly service?: aws.ecs.Service;
  /** Its task definition, first revision (with `fargateService`). */
  readonly taskDefinition?: aws.ecs.TaskDefinition;
  /** The created cluster (with `fargateService` and no `clusterName`). */
  readonly cluster?: aws.ecs.Cluster;
  /** The ECR repository to push the service's images to (with `fargateService`). */
  readonly repository?: aws.ecr.Repository;
  /** The encrypted log group of the containers (with `fargateService`). */
  readonly logGroup?: aws.cloudwatch.LogGroup;
  /** The tasks' security group (with `fargateService`). */
  readonly securityGroup?: aws.ec2.SecurityGroup;
  /** The role the containers run with, without permissions (with `fargateService`): attach what the application needs. */
  readonly taskRole?: aws.iam.Role;
  /** The role ECS pulls the image and writes logs with (with `fargateService`). */
  readonly executionRole?: aws.iam.Role;
  /** Name of the cluster. */
  readonly clusterName: pulumi.Output<string>;
  /** Name of the service. */
  readonly serviceName: pulumi.Output<string>;
  /** ARN of the cluster. */
  readonly clusterArn: pulumi.Output<string>;
  /** ARN of the service (long format). */
  readonly serviceArn: pulumi.Output<string>;
  /** ARN of the task definition family, without revision. */
  readonly taskDefinitionFamilyArn: pulumi.Output<string>;
  /** ARN of the task role, when the task definition names one. */
  readonly taskRoleArn?: pulumi.Output<string>;
  /** ARN of the execution role, when the task definition names one. */
  readonly executionRoleArn?: pulumi.Output<string>;
  /** Name of the CodeDeploy application (with `blueGreen`). */
  readonly applicationName?: pulumi.Output<string>;
  /** Name of the deployment group (with `blueGreen`). */
  readonly deploymentGroupName?: pulumi.Output<string>;
  /** ARN of the CodeDeploy application (with `blueGreen`). */
  readonly applicationArn?: pulumi.Output<string>;
  /** ARN of the deployment group (with `blueGreen`). */
  readonly deploymentGroupArn?: pulumi.Output<string>;
  /** ARN of the deployment configuration, the traffic shift (with `blueGreen`). */
  readonly deploymentConfigArn?: pulumi.Output<string>;
  /** URL of the ECR repository (with `fargateService`): the build pushes `<repositoryUrl>:<tag>`. */
  readonly repositoryUrl?: pulumi.Output<string>;
  /** ARN of the ECR repository (with `fargateService`). */
  readonly repositoryArn?: pulumi.Output<string>;

  constructor(name: string, args: EcsServiceTargetArgs, opts?: pulumi.ComponentResourceOptions) {
    super("aws-cicd:index:EcsServiceTarget", name, {}, opts);
    const stacks = quietStacks();
    try {
      asResourceError(this, () => {
        validateComponentName(name);
        validateEcsServiceTargetArgs(args);
      });
      const ctx = awsContext(this);
      const ecs = (resource: pulumi.Input<string>) => interpolate`arn:${ctx.partition}:ecs:${ctx.region}:${ctx.accountId}:${resource}`;
      let family: pulumi.Input<string>;
      let repositoryUrl: pulumi.Output<string> | undefined;
      if (args.fargateService !== undefined) {
        const f = createFargateService({
          name,
          fargate: args.fargateService,
          ctx,
          blueTargetGroupArn: args.blueGreen?.targetGroupArns[0],
          tags: args.tags,
          parent: this,
        });
        this.service = f.service;
        this.taskDefinition = f.taskDefinition;
        this.cluster = f.cluster;
        this.repository = f.repository;
        this.logGroup = f.logGroup;
        this.securityGroup = f.securityGroup;
        this.taskRole = f.taskRole;
        this.executionRole = f.executionRole;
        this.clusterName = f.clusterName;
        this.serviceName = f.service.name;
        this.taskRoleArn = f.taskRole.arn;
        this.executionRoleArn = f.executionRole.arn;
        family = f.family;
        repositoryUrl = f.repositoryUrl;
        this.repositoryArn = f.repositoryArn;
      } else {
        const s = args.existingService!;
        this.clusterName = pulumi.output(s.clusterName);
        this.serviceName = pulumi.output(s.serviceName);
        this.taskRoleArn = s.taskRoleArn === undefined ? undefined : pulumi.output(s.taskRoleArn);
        this.executionRoleArn = s.executionRoleArn === undefined ? undefined : pulumi.output(s.executionRoleArn);
        family = s.taskDefinitionFamily;
      }
      this.clusterArn = ecs(interpolate`cluster/${this.clusterName}`);
      this.serviceArn = pulumi.interpolate`${this.clusterArn.apply((a) => a.replace(/:cluster\//, ":service/"))}/${this.serviceName}`;
      this.taskDefinitionFamilyArn = ecs(interpolate`task-definition/${family}`);
      this.repositoryUrl = repositoryUrl;

      if (args.blueGreen !== undefined) {
        const bg = createBlueGreen({
          name,
          blueGreen: args.blueGreen,
          ctx,
          clusterName: this.clusterName,
          serviceName: this.serviceName,
          serviceArn: this.serviceArn,
          taskRoleArns: [this.taskRoleArn, this.executionRoleArn].filter((r) => r !== undefined),
          dependsOn: this.service,
          tags: args.tags,
          parent: this,
        });
        this.application = bg.application;
        this.deploymentGroup = bg.deploymentGroup;
        this.codeDeployRole = bg.serviceRole;
        this.applicationName = bg.application.name;
        this.deploymentGroupName = bg.deploymentGroup.deploymentGroupName;
        this.applicationArn = bg.applicationArn;
        this.deploymentGroupArn = bg.deploymentGroupArn;
        this.deploymentConfigArn = bg.deploymentConfigArn;
      }
      APP_SPEC_INPUTS.set(this, {
        hooks: lifecycleHookList(args.blueGreen?.lifecycleHooks),
        ...(args.fargateService !== undefined
          ? {
              containerName: args.fargateService.containerName ?? ECS_FARGATE_DEFAULTS.containerName,
              containerPort: args.fargateService.containerPort,
            }
          : {}),
      });
      this.registerOutputs({
        clusterName: this.clusterName,
        serviceName: this.serviceName,
        clusterArn: this.clusterArn,
        serviceArn: this.serviceArn,
        taskDefinitionFamilyArn: this.taskDefinitionFamilyArn,
        taskRoleArn: this.taskRoleArn,
        executionRoleArn: this.executionRoleArn,
        applicationName: this.applicationName,
        deploymentGroupName: this.deploymentGroupName,
        applicationArn: this.applicationArn,
        deploymentGroupArn: this.deploymentGroupArn,
        deploymentConfigArn: this.deploymentConfigArn,
        repositoryUrl: this.repositoryUrl,
        repositoryArn: this.repositoryArn,
      });
    } catch (e) {
      throw stacks.rethrow(e);
    } finally {
      stacks.close();
    }
  }

  /**
   * Lets `role` (e.g. a `BuildProject`'s role, by name or ARN) push images to the created
   * repository: `ecr:GetAuthorizationToken` (no resource type) and the push calls on exactly the
   * repository. Returns the inline policy, "<name>-image-push-<role>". Needs `fargateService`.
   */
  grantImagePush(role: aws.iam.Role | pulumi.Input<string>): aws.iam.RolePolicy {
    const repositoryArn = this.repositoryArn;
    const checked = asResourceError(this, () => {
      if (repositoryArn === undefined) {
        throw new Error(
          "`grantImagePush()` needs the repository of a created service; this target was given `existingService`, so grant pushes to its repository yourself.",
        );
      }
      return role instanceof aws.iam.Role ? role : checkedInput(role as pulumi.Input<string>, roleNameOrArnProblem("role"));
    });
    const n = (PUSH_GRANTS.get(this) ?? 0) + 1;
    PUSH_GRANTS.set(this, n);
    const suffix = grantRoleSuffix(checked, n);
    return attachStatements(
      `${pulumi.resourceName(this)}-image-push-${suffix}${n > 1 ? `-${n}` : ""}`,
      roleNameInput(checked),
      ecrImagePushStatements(repositoryArn!),
      this,
    );
  }

  /**
   * The AppSpec file (YAML) of this target's blue/green deployments, to write as the
   * `appSpecTemplatePath` of the `codeDeployToEcs` action (e.g. from a build environment variable):
   * the container and port behind the load balancer, the `<TASK_DEFINITION>` placeholder the
   * pipeline fills in, and `Hooks` with the `blueGreen.lifecycleHooks` functions, by name, in the
   * order CodeDeploy runs them. Throws for a rolling target, and for an `existingService` without
   * `containerName` and `containerPort`.
   * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html#appspec-hooks-ecs
   */
  blueGreenAppSpec(options: EcsAppSpecOptions = {}): pulumi.Output<string> {
    const state = APP_SPEC_INPUTS.get(this)!;
    if (this.applicationName === undefined) {
      throw new pulumi.ResourceError(
        "`blueGreenAppSpec()` needs a target created with `blueGreen`; a rolling target deploys without an AppSpec.",
        this,
      );
    }
    const containerName = options.containerName ?? state.containerName;
    const containerPort = options.containerPort ?? state.containerPort;
    if (containerName === undefined || containerPort === undefined) {
      throw new pulumi.ResourceError(
        "`blueGreenAppSpec()` of a target given `existingService` needs the container behind the load balancer: pass `{ containerName, containerPort }`.",
        this,
      );
    }
    if (!Number.isInteger(containerPort) || containerPort < 1 || containerPort > 65535) {
      throw new pulumi.ResourceError(
        `\`blueGreenAppSpec({ containerPort })\` must be a port from 1 to 65535, got ${String(containerPort)}.`,
        this,
      );
    }
    if (!ECS_NAME_PATTERN.test(containerName)) {
      throw new pulumi.ResourceError(
        `\`blueGreenAppSpec({ containerName })\` must be 1 to 255 letters, digits, hyphens or underscores, got ${JSON.stringify(containerName)}.`,
        this,
      );
    }
    return ecsAppSpec(containerName, containerPort, state.hooks);
  }

  /** Plain data for a rolling `ecsDeploy` action (or a `CrossAccountDeployRole`'s `ecsServiceTargets`). */
  ecsDeployTarget(): EcsServiceDeployTargetInfo {
    return {
      clusterName: this.clusterName,
      serviceName: this.serviceName,
      clusterArn: this.clusterArn,
      serviceArn: this.serviceArn,
      taskDefinitionFamilyArn: this.taskDefinitionFamilyArn,
      ...(this.taskRoleArn !== undefined ? { taskRoleArn: this.taskRoleArn } : {}),
      ...(this.executionRoleArn !== undefined ? { executionRoleArn: this.executionRoleArn } : {}),
    };
  }

  /**
   * Plain data for a `codeDeployToEcs` action (or a `CrossAccountDeployRole`'s `ecsBlueGreenTargets`).
   * Throws for a target created without `blueGreen`.
   */
  blueGreenDeployTarget(): EcsBlueGreenDeployTargetInfo {
    if (this.applicationName === undefined || this.deploymentGroupName === undefined) {
      throw new pulumi.ResourceError(
        "`blueGreenDeployTarget()` needs a target created with `blueGreen`; this one deploys rolling, use `ecsDeployTarget()`.",
        this,
      );
    }
    return {
      applicationName: this.applicationName,
      deploymentGroupName: this.deploymentGroupName,
      applicationArn: this.applicationArn!,
      deploymentGroupArn: this.deploymentGroupArn!,
      deploymentConfigArn: this.deploymentConfigArn!,
      taskDefinitionFamilyArn: this.taskDefinitionFamilyArn,
      ...(this.taskRoleArn !== undefined ? { taskRoleArn: this.taskRoleArn } : {}),
      ...(this.executionRoleArn !== undefined ? { executionRoleArn: this.executionRoleArn } : {}),
    };
  }

  /**
   * Describes a pipeline action deploying to this service: plain data, no resource is created. A
   * rolling target gives `{ ecsDeploy }` (the `ECS` action), a blue/green one `{ codeDeployToEcs }`
   * (the `CodeDeployToECS` action); the `Pipeline` grants its role exactly the statements of that kind.
   *
   * @param options - Action settings (`name`, `inputs`, `runOrder`, `roleArn`, and the mode's own); the target is filled in.
   * @returns One entry of a stage's `actions`, of exactly one kind.
   */
  deployAction(options: EcsServiceDeployActionOptions = {}): EcsServiceDeployAction {
    const blueGreen = this.applicationName !== undefined;
    const wrong = (blueGreen ? ROLLING_ONLY : BLUE_GREEN_ONLY).filter((k) => options[k] !== undefined);
    if (wrong.length > 0) {
      throw new pulumi.ResourceError(
        `\`deployAction({ ${wrong[0]} })\` applies to ${blueGreen ? "rolling" : "blue/green"} deploys, but this target deploys ${blueGreen ? "blue/green" : "rolling"}; remove \`${wrong[0]}\`.`,
        this,
      );
    }
    if (blueGreen) {
      const { imageDefinitionsFile: _f, deploymentTimeoutMinutes: _t, ...rest } = options;
      return { codeDeployToEcs: { ...this.blueGreenDeployTarget(), ...rest } };
    }
    const { taskDefinitionTemplatePath: _d, appSpecTemplatePath: _a, imagePlaceholder: _p, useImageDetail: _u, ...rest } = options;
    return { ecsDeploy: { ...this.ecsDeployTarget(), ...rest } };
  }
}
