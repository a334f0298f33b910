import * as pulumi from "@pulumi/pulumi";
import { ecsDeployStatements, EcsServiceDeployTargetInfo, EcsTaskDefinitionTargetInfo } from "../../ecs/policies";
import { ActionCommonArgs, RegionalActionArgs, ActionKind, ConsumingActionArgs, CrossAccountDeployTargetKind } from "../action-types";
import { DEPLOY_ACTION_SHAPE, checkArn, checkName, checkTargetFields } from "./shared";

/** Name of an `ecsDeploy` action when none is given. */
export const DEFAULT_ECS_DEPLOY_ACTION_NAME = "Deploy";
/** The image definitions file the `ECS` action reads from its input artifact when none is named. */
export const DEFAULT_IMAGE_DEFINITIONS_FILE = "imagedefinitions.json";
/** Bounds of `deploymentTimeoutMinutes` (CodePipeline's `DeploymentTimeout`). */
export const ECS_DEPLOYMENT_TIMEOUT_MINUTES = { min: 1, max: 60 } as const;

/** ECS cluster and service names: 1 to 255 letters, digits, hyphens and underscores. */
export const ECS_NAME_PATTERN = /^[A-Za-z0-9_-]{1,255}$/;
/** A file path inside an artifact: no leading `/`, no `..` step. */
const ARTIFACT_PATH = /^(?!\/)(?!.*(^|\/)\.\.(\/|$))[^\0]{1,255}$/;

/**
 * A rolling ECS deploy (CodePipeline's `ECS` action): reads the image definitions file (a JSON
 * list of `{ "name": <container>, "imageUri": <image> }`) from the input artifact, registers a
 * revision of the service's task definition with those images, and updates the service to it.
 * `EcsServiceTarget.deployAction()` fills the target fields; `EcsServiceTarget.ecsDeployTarget()`
 * returns them as plain data.
 *
 * The pipeline role gets `ecsDeployStatements`: `ecs:DescribeServices` and `ecs:UpdateService` on
 * the service, `ecs:RegisterTaskDefinition` and `ecs:TagResource` on the family's revisions,
 * `ecs:DescribeTasks` and `ecs:ListTasks` in the cluster, `iam:PassRole` on exactly the task and
 * execution roles (to `ecs-tasks.amazonaws.com` only), and `ecs:DescribeTaskDefinition` on `"*"`
 * (it has no resource type).
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ECS.html
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/file-reference.html#pipelines-create-image-definitions
 */
export interface EcsDeployActionArgs extends EcsServiceDeployTargetInfo, ActionCommonArgs, RegionalActionArgs, ConsumingActionArgs {
  /**
   * Path of the image definitions file in the input artifact.
   * @default "imagedefinitions.json"
   */
  imageDefinitionsFile?: string;
  /**
   * Minutes the action waits for the service to become stable, 1 to 60.
   * @default - CodePipeline's default for the action (60 minutes).
   */
  deploymentTimeoutMinutes?: number;
}

const REQUIRED = ["clusterName", "serviceName", "clusterArn", "serviceArn", "taskDefinitionFamilyArn"] as const;

/** ECS services as targets of a `CrossAccountDeployRole` (`ecsServiceTargets`): exactly the statements of {@link ecsDeployStatements}. */
export const ECS_SERVICE_CROSS_ACCOUNT_TARGETS: CrossAccountDeployTargetKind<EcsServiceDeployTargetInfo> = {
  targetsArg: "ecsServiceTargets",
  requiredFields: REQUIRED,
  source: "`target.ecsDeployTarget()` of an EcsServiceTarget",
  statements: (targets) => ecsDeployStatements(targets),
};

/** Checks the ARNs of an ECS target's task definition family and roles. */
export function checkTaskDefinitionTarget(path: string, a: EcsTaskDefinitionTargetInfo): void {
  checkName(
    path,
    "taskDefinitionFamilyArn",
    a.taskDefinitionFamilyArn,
    /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/[A-Za-z0-9_-]{1,255}$/,
    'a task definition family ARN without revision ("arn:aws:ecs:<region>:<account>:task-definition/<family>")',
  );
  checkArn(path, "taskRoleArn", a.taskRoleArn, "iam");
  checkArn(path, "executionRoleArn", a.executionRoleArn, "iam");
}

/** The `ecsDeploy` action kind. */
export const ecsDeployKind: ActionKind<EcsDeployActionArgs> = {
  crossRegion: true,
  defaultName: () => DEFAULT_ECS_DEPLOY_ACTION_NAME,
  ...DEPLOY_ACTION_SHAPE,
  validate(a, path) {
    checkTargetFields(path, a, REQUIRED, "`target.deployAction()` or spread `target.ecsDeployTarget()` of an EcsServiceTarget");
    const names = "an ECS name (1 to 255 letters, digits, hyphens or underscores)";
    checkName(path, "clusterName", a.clusterName, ECS_NAME_PATTERN, names);
    checkName(path, "serviceName", a.serviceName, ECS_NAME_PATTERN, names);
    checkName(
      path,
      "clusterArn",
      a.clusterArn,
      /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:cluster\/[A-Za-z0-9_-]{1,255}$/,
      'a cluster ARN ("arn:aws:ecs:<region>:<account>:cluster/<name>")',
    );
    checkName(
      path,
      "serviceArn",
      a.serviceArn,
      /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:service\/[A-Za-z0-9_-]{1,255}\/[A-Za-z0-9_-]{1,255}$/,
      'a service ARN in the long format ("arn:aws:ecs:<region>:<account>:service/<cluster>/<service>")',
    );
    checkTaskDefinitionTarget(path, a);
    checkArn(path, "roleArn", a.roleArn, "iam");
    const file = a.imageDefinitionsFile;
    if (file !== undefined && (typeof file !== "string" || !ARTIFACT_PATH.test(file))) {
      throw new Error(
        `\`${path}.imageDefinitionsFile\` must be a relative path inside the input artifact (no leading "/" or ".." step), got ${JSON.stringify(file)}.`,
      );
    }
    const t = a.deploymentTimeoutMinutes;
    const { min, max } = ECS_DEPLOYMENT_TIMEOUT_MINUTES;
    if (t !== undefined && !(typeof t === "number" && Number.isInteger(t) && t >= min && t <= max)) {
      throw new Error(`\`${path}.deploymentTimeoutMinutes\` must be a whole number from ${min} to ${max}, got ${String(t)}.`);
    }
  },
  bind(a) {
    const configuration: Record<string, pulumi.Input<string>> = {
      ClusterName: a.clusterName,
      ServiceName: a.serviceName,
      FileName: a.imageDefinitionsFile ?? DEFAULT_IMAGE_DEFINITIONS_FILE,
      ...(a.deploymentTimeoutMinutes !== undefined ? { DeploymentTimeout: String(a.deploymentTimeoutMinutes) } : {}),
    };
    return {
      declaration: { category: "Deploy", owner: "AWS", provider: "ECS", version: "1", configuration },
      statements: ecsDeployStatements([a]),
    };
  },
  crossAccount: ECS_SERVICE_CROSS_ACCOUNT_TARGETS,
  // Deploys to several services (dev, prod...) share one statement list naming every service.
  combineStatements: (actions) => ecsDeployStatements(actions.map((x) => x.args)),
};

/** An `ecsDeploy` action for a pipeline stage. */
export function ecsDeployAction(args: EcsDeployActionArgs): {
  /** The action's arguments. */
  ecsDeploy: EcsDeployActionArgs;
} {
  return { ecsDeploy: args };
}
