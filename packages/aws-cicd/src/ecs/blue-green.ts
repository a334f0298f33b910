import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { codeDeployArn } from "../codedeploy/policies";
import { rollbackSettings } from "../codedeploy/rollback";
import { CODEDEPLOY_NAME, stackScopedName } from "../internal/naming";
import { attachStatements, AwsContext, createServiceRole, roleNameInput } from "../security/iam";
import { checkedInput } from "../internal/arns";
import { hookStatusStatements } from "../lambda/policies";
import { hookArnProblem } from "../lambda/validate";
import { interpolate } from "../internal/interpolate";
import { ECS_SERVICE_TARGET_DEFAULTS, EcsBlueGreenArgs } from "./ecs-service-target-args";
import { lifecycleHookList } from "./app-spec";
import { codeDeployEcsServiceRoleStatements } from "./policies";

/** What {@link createBlueGreen} needs. */
export interface BlueGreenInputs {
  /** Component name. */
  name: string;
  /** The blue/green settings. */
  blueGreen: EcsBlueGreenArgs;
  /** Partition, region and account of the service. */
  ctx: AwsContext;
  /** Cluster of the service. */
  clusterName: pulumi.Input<string>;
  /** The service. */
  serviceName: pulumi.Input<string>;
  /** `arn:<p>:ecs:<r>:<a>:service/<cluster>/<service>`. */
  serviceArn: pulumi.Input<string>;
  /** Task and execution roles of the service's task definition. */
  taskRoleArns: pulumi.Input<string>[];
  /**
   * Tags of what is created.
   * @default - no tags.
   */
  tags?: Record<string, string>;
  /** The component. */
  parent: pulumi.Resource;
  /**
   * The created service, which the deployment group names.
   * @default - an existing service.
   */
  dependsOn?: pulumi.Resource;
}

/** What {@link createBlueGreen} creates, and the ARNs a pipeline action names. */
export interface BlueGreen {
  application: aws.codedeploy.Application;
  deploymentGroup: aws.codedeploy.DeploymentGroup;
  serviceRole: aws.iam.Role;
  serviceRolePolicy: aws.iam.RolePolicy;
  /** Inline policies letting the hook functions' roles report their results (hooks given with `roleName`). */
  hookStatusPolicies: aws.iam.RolePolicy[];
  applicationArn: pulumi.Output<string>;
  deploymentGroupArn: pulumi.Output<string>;
  deploymentConfigArn: pulumi.Output<string>;
}

/** `arn:...:targetgroup/<name>/<id>` → `<name>` (CodeDeploy names target groups by name). */
export function targetGroupName(arn: pulumi.Input<string>): pulumi.Output<string> {
  return pulumi.output(arn).apply((a) => a.substring(a.indexOf(":targetgroup/") + ":targetgroup/".length).split("/")[0]);
}

/**
 * A CodeDeploy application (ECS platform) and a `BLUE_GREEN` deployment group for the service,
 * with a service role holding exactly {@link codeDeployEcsServiceRoleStatements}.
 */
export function createBlueGreen(i: BlueGreenInputs): BlueGreen {
  const { name, blueGreen: b, ctx, tags, parent } = i;
  const appName = b.applicationName ?? stackScopedName(name, CODEDEPLOY_NAME);
  const groupName = b.deploymentGroupName ?? stackScopedName(name, CODEDEPLOY_NAME);
  const config = b.trafficConfig ?? ECS_SERVICE_TARGET_DEFAULTS.trafficConfig;
  const hooks = lifecycleHookList(b.lifecycleHooks);
  const serviceRole = createServiceRole(
    `${name}-codedeploy-role`,
    {
      // No aws:SourceAccount / aws:SourceArn: CodeDeploy does not document sending them (PERMISSIONS.md, "Trust policies").
      service: "codedeploy.amazonaws.com",
      description: `CodeDeploy service role of ECS blue/green group ${appName}/${groupName} (aws-cicd)`,
      tags,
    },
    parent,
  );
  const serviceRolePolicy = attachStatements(
    `${name}-codedeploy-policy`,
    serviceRole.name,
    codeDeployEcsServiceRoleStatements({
      ctx,
      serviceArn: i.serviceArn,
      listenerArns: [b.productionListenerArn, b.testListenerArn],
      alarmNames: b.rollbackAlarmNames,
      taskRoleArns: i.taskRoleArns,
      hookFunctionArns: hooks.map(({ key, hook }) =>
        checkedInput(hook.functionArn, hookArnProblem(`blueGreen.lifecycleHooks.${key}.functionArn`)),
      ),
    }),
    parent,
  );
  // Each hook function must report its result; with `roleName`, its role may (the action has no resource type).
  const hookStatusPolicies = hooks
    .filter(({ hook }) => hook.roleName !== undefined)
    .map(({ key, hook }) =>
      attachStatements(
        `${name}-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}-hook-status`,
        roleNameInput(hook.roleName!),
        hookStatusStatements(),
        parent,
      ),
    );
  const application = new aws.codedeploy.Application(`${name}-application`, { name: appName, computePlatform: "ECS", tags }, { parent });
  const deploymentGroup = new aws.codedeploy.DeploymentGroup(
    `${name}-deployment-group`,
    {
      appName: application.name,
      deploymentGroupName: groupName,
      serviceRoleArn: serviceRole.arn,
      deploymentConfigName: config,
      deploymentStyle: { deploymentType: "BLUE_GREEN", deploymentOption: "WITH_TRAFFIC_CONTROL" },
      blueGreenDeploymentConfig: {
        deploymentReadyOption: { actionOnTimeout: "CONTINUE_DEPLOYMENT" },
        terminateBlueInstancesOnDeploymentSuccess: {
          action: "TERMINATE",
          terminationWaitTimeInMinutes: b.terminationWaitMinutes ?? ECS_SERVICE_TARGET_DEFAULTS.terminationWaitMinutes,
        },
      },
      ecsService: { clusterName: i.clusterName, serviceName: i.serviceName },
      loadBalancerInfo: {
        targetGroupPairInfo: {
          prodTrafficRoute: { listenerArns: [b.productionListenerArn] },
          testTrafficRoute: { listenerArns: [b.testListenerArn] },
          targetGroups: b.targetGroupArns.map((arn) => ({ name: targetGroupName(arn) })),
        },
      },
      ...rollbackSettings(b.rollbackAlarmNames),
      tags,
    },
    { parent, dependsOn: [serviceRolePolicy, ...hookStatusPolicies, ...(i.dependsOn !== undefined ? [i.dependsOn] : [])] },
  );
  return {
    application,
    deploymentGroup,
    serviceRole,
    serviceRolePolicy,
    hookStatusPolicies,
    applicationArn: codeDeployArn(ctx, interpolate`application:${application.name}`),
    deploymentGroupArn: codeDeployArn(ctx, interpolate`deploymentgroup:${appName}/${deploymentGroup.deploymentGroupName}`),
    deploymentConfigArn: codeDeployArn(ctx, `deploymentconfig:${config}`),
  };
}
