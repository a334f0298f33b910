import * as pulumi from "@pulumi/pulumi";
import { ecsBlueGreenDeployStatements, EcsBlueGreenDeployTargetInfo } from "../../ecs/policies";
import { CODEDEPLOY_NAME_PATTERN } from "../../codedeploy/validate";
import { ActionCommonArgs, RegionalActionArgs, ActionKind, ConsumingActionArgs, CrossAccountDeployTargetKind } from "../action-types";
import { checkTaskDefinitionTarget } from "./ecs-deploy";
import { DEPLOY_ACTION_SHAPE, checkArn, checkName, checkTargetFields } from "./shared";

/** Name of a `codeDeployToEcs` action when none is given. */
export const DEFAULT_CODEDEPLOY_TO_ECS_ACTION_NAME = "Deploy";
/** Task definition template read from the first input artifact when none is named. */
export const DEFAULT_TASK_DEFINITION_TEMPLATE_PATH = "taskdef.json";
/** AppSpec template read from the first input artifact when none is named. */
export const DEFAULT_APPSPEC_TEMPLATE_PATH = "appspec.yaml";
/** Placeholder of the task definition template that CodePipeline replaces with the image of `imageDetail.json`. */
export const DEFAULT_IMAGE_PLACEHOLDER = "IMAGE1_NAME";

const PATH = /^(?!\/)(?!.*(^|\/)\.\.(\/|$))[^\0]{1,255}$/;
const PLACEHOLDER = /^[A-Za-z0-9_]{1,100}$/;

/**
 * A blue/green ECS deploy through CodeDeploy (CodePipeline's `CodeDeployToECS` action). The first
 * input artifact holds the task definition template (`taskdef.json`) and the AppSpec template
 * (`appspec.yaml`, whose `TaskDefinition` is `<TASK_DEFINITION>`); the image artifact (the second
 * input when given, else the first) holds `imageDetail.json`, whose `ImageURI` replaces
 * `<IMAGE1_NAME>` in the template. CodePipeline registers the template as a revision of the
 * service's family and starts a CodeDeploy deployment of the group: a new (green) task set, test
 * traffic, then production traffic by the group's configuration.
 * `EcsServiceTarget.deployAction()` fills the target fields.
 *
 * The pipeline role gets `ecsBlueGreenDeployStatements`: the CodeDeploy statements of a
 * `codeDeploy` action on this application, group and configuration, `ecs:RegisterTaskDefinition`
 * and `ecs:TagResource` on the family's revisions, `iam:PassRole` on exactly the task and execution
 * roles (to `ecs-tasks.amazonaws.com` only).
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ECSbluegreen.html
 */
export interface CodeDeployToEcsActionArgs extends EcsBlueGreenDeployTargetInfo, ActionCommonArgs, RegionalActionArgs, ConsumingActionArgs {
  /**
   * Path of the task definition template in the first input artifact.
   * @default "taskdef.json"
   */
  taskDefinitionTemplatePath?: string;
  /**
   * Path of the AppSpec template in the first input artifact.
   * @default "appspec.yaml"
   */
  appSpecTemplatePath?: string;
  /**
   * Placeholder in the task definition template replaced by the image URI of `imageDetail.json`
   * (`Image1ContainerName`). Set `useImageDetail: false` when the template names its image.
   * @default "IMAGE1_NAME"
   */
  imagePlaceholder?: string;
  /**
   * Whether an `imageDetail.json` (from the second input artifact, or the first) fills the image placeholder.
   * @default true
   */
  useImageDetail?: boolean;
}

const REQUIRED = [
  "applicationName",
  "deploymentGroupName",
  "applicationArn",
  "deploymentGroupArn",
  "deploymentConfigArn",
  "taskDefinitionFamilyArn",
] as const;

/** ECS blue/green deployment groups as targets of a `CrossAccountDeployRole` (`ecsBlueGreenTargets`). */
export const ECS_BLUE_GREEN_CROSS_ACCOUNT_TARGETS: CrossAccountDeployTargetKind<EcsBlueGreenDeployTargetInfo> = {
  targetsArg: "ecsBlueGreenTargets",
  requiredFields: REQUIRED,
  source: "`target.blueGreenDeployTarget()` of an EcsServiceTarget with `blueGreen`",
  statements: (targets) => ecsBlueGreenDeployStatements(targets),
};

const checkPath = (path: string, arg: string, v: unknown) => {
  if (v !== undefined && (typeof v !== "string" || !PATH.test(v))) {
    throw new Error(
      `\`${path}.${arg}\` must be a relative path inside the input artifact (no leading "/" or ".." step), got ${JSON.stringify(v)}.`,
    );
  }
};

/** The `codeDeployToEcs` action kind. */
export const codeDeployToEcsKind: ActionKind<CodeDeployToEcsActionArgs> = {
  crossRegion: true,
  defaultName: () => DEFAULT_CODEDEPLOY_TO_ECS_ACTION_NAME,
  ...DEPLOY_ACTION_SHAPE,
  inputs: { min: 1, max: 2 },
  validate(a, path) {
    checkTargetFields(path, a, REQUIRED, "`target.deployAction()` of an EcsServiceTarget with `blueGreen`");
    const names = "a CodeDeploy name (1 to 100 letters, digits or ._+=,@- characters)";
    checkName(path, "applicationName", a.applicationName, CODEDEPLOY_NAME_PATTERN, names);
    checkName(path, "deploymentGroupName", a.deploymentGroupName, CODEDEPLOY_NAME_PATTERN, names);
    checkArn(path, "applicationArn", a.applicationArn, "codedeploy");
    checkArn(path, "deploymentGroupArn", a.deploymentGroupArn, "codedeploy");
    checkArn(path, "deploymentConfigArn", a.deploymentConfigArn, "codedeploy");
    checkTaskDefinitionTarget(path, a);
    checkArn(path, "roleArn", a.roleArn, "iam");
    checkPath(path, "taskDefinitionTemplatePath", a.taskDefinitionTemplatePath);
    checkPath(path, "appSpecTemplatePath", a.appSpecTemplatePath);
    const p = a.imagePlaceholder;
    if (p !== undefined && (typeof p !== "string" || !PLACEHOLDER.test(p))) {
      throw new Error(`\`${path}.imagePlaceholder\` must be 1 to 100 letters, digits or underscores, got ${JSON.stringify(p)}.`);
    }
    if (p !== undefined && a.useImageDetail === false) {
      throw new Error(`\`${path}.imagePlaceholder\` only applies with \`useImageDetail\`; remove it, or remove \`useImageDetail: false\`.`);
    }
  },
  bind(a, ctx) {
    const [templates, image] = ctx.action.inputs;
    const configuration: Record<string, pulumi.Input<string>> = {
      ApplicationName: a.applicationName,
      DeploymentGroupName: a.deploymentGroupName,
      TaskDefinitionTemplateArtifact: templates,
      TaskDefinitionTemplatePath: a.taskDefinitionTemplatePath ?? DEFAULT_TASK_DEFINITION_TEMPLATE_PATH,
      AppSpecTemplateArtifact: templates,
      AppSpecTemplatePath: a.appSpecTemplatePath ?? DEFAULT_APPSPEC_TEMPLATE_PATH,
      ...(a.useImageDetail === false
        ? {}
        : { Image1ArtifactName: image ?? templates, Image1ContainerName: a.imagePlaceholder ?? DEFAULT_IMAGE_PLACEHOLDER }),
    };
    return {
      declaration: { category: "Deploy", owner: "AWS", provider: "CodeDeployToECS", version: "1", configuration },
      statements: ecsBlueGreenDeployStatements([a]),
    };
  },
  crossAccount: ECS_BLUE_GREEN_CROSS_ACCOUNT_TARGETS,
  combineStatements: (actions) => ecsBlueGreenDeployStatements(actions.map((x) => x.args)),
};

/** A `codeDeployToEcs` action for a pipeline stage. */
export function codeDeployToEcsAction(args: CodeDeployToEcsActionArgs): {
  /** The action's arguments. */
  codeDeployToEcs: CodeDeployToEcsActionArgs;
} {
  return { codeDeployToEcs: args };
}
