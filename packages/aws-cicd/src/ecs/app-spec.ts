import * as pulumi from "@pulumi/pulumi";
import type { LambdaHookArgs } from "../lambda/lambda-target-args";
import { ECS_LIFECYCLE_EVENTS, EcsLifecycleHooksArgs } from "./ecs-service-target-args";

/** The placeholder CodePipeline's `CodeDeployToECS` action replaces with the registered task definition's ARN. */
export const TASK_DEFINITION_PLACEHOLDER = "<TASK_DEFINITION>";

/** Settings of {@link EcsServiceTarget.blueGreenAppSpec}. */
export interface EcsAppSpecOptions {
  /**
   * The container the load balancer sends traffic to.
   * @default - the created service's container (`fargateService.containerName`); required with `existingService`.
   */
  containerName?: string;
  /**
   * Its port.
   * @default - the created service's `fargateService.containerPort`; required with `existingService`.
   */
  containerPort?: number;
}

/** One hook given: its key in {@link EcsLifecycleHooksArgs}, its AppSpec event, and its function. */
export interface LifecycleHook {
  key: keyof EcsLifecycleHooksArgs;
  event: string;
  hook: LambdaHookArgs;
}

/** The hooks given, in the order CodeDeploy runs their events. */
export function lifecycleHookList(hooks: EcsLifecycleHooksArgs | undefined): LifecycleHook[] {
  return Object.entries(ECS_LIFECYCLE_EVENTS).flatMap(([key, event]) => {
    const hook = hooks?.[key as keyof EcsLifecycleHooksArgs];
    return hook === undefined ? [] : [{ key: key as keyof EcsLifecycleHooksArgs, event, hook }];
  });
}

/**
 * The AppSpec file (YAML) of an ECS blue/green deployment: the service's container and port behind
 * the load balancer, the task definition placeholder the pipeline fills in, and a Lambda hook (by
 * function name) for each lifecycle event given.
 * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html#appspec-hooks-ecs
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ECSbluegreen.html
 */
export function ecsAppSpec(containerName: string, containerPort: number, hooks: LifecycleHook[]): pulumi.Output<string> {
  return pulumi.all(hooks.map((h) => h.hook.functionArn)).apply((arns) => {
    const lines = [
      "version: 0.0",
      "Resources:",
      "  - TargetService:",
      "      Type: AWS::ECS::Service",
      "      Properties:",
      `        TaskDefinition: ${TASK_DEFINITION_PLACEHOLDER}`,
      "        LoadBalancerInfo:",
      `          ContainerName: ${JSON.stringify(containerName)}`,
      `          ContainerPort: ${containerPort}`,
    ];
    if (hooks.length > 0) {
      lines.push(
        "Hooks:",
        ...hooks.map(({ event }, i) => `  - ${event}: ${JSON.stringify(arns[i].substring(arns[i].lastIndexOf(":") + 1))}`),
      );
    }
    return lines.join("\n") + "\n";
  });
}
