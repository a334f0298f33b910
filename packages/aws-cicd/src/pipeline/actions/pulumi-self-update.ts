import { ActionKind } from "../action-types";
import { codeBuildKind, CodeBuildActionArgs } from "./codebuild";
import { checkName } from "./shared";
import { DEFAULT_PULUMI_SELF_UPDATE_ACTION } from "../../pulumi/self-update-args";

/** Pipeline names CodePipeline accepts. */
const PIPELINE_NAME = /^[A-Za-z0-9.@_-]{1,100}$/;

/**
 * The CodeBuild action that runs `pulumi up` of the stack declaring the pipeline itself, then
 * restarts the pipeline when its definition changed (see `PulumiSelfUpdate`). It is a CodeBuild
 * action that the pipeline recognises: it must be the only action of the stage right after the
 * source stage, name the pipeline that runs it, and the pipeline must not run executions in
 * `PARALLEL` mode. Build it with `selfUpdate.selfUpdateAction()` or `selfUpdate.selfUpdateStage()`.
 */
export interface PulumiSelfUpdateActionArgs extends CodeBuildActionArgs {
  /** Physical name of the pipeline that the action updates and restarts: the pipeline that runs it. */
  pipelineName: string;
}

/** The `pulumiSelfUpdate` action kind: a CodeBuild build with placement rules (checked by `checkSelfUpdate`). */
export const pulumiSelfUpdateKind: ActionKind<PulumiSelfUpdateActionArgs> = {
  ...codeBuildKind,
  // It updates the stack that declares the pipeline: it runs where the pipeline does.
  crossRegion: false,
  defaultName: () => DEFAULT_PULUMI_SELF_UPDATE_ACTION,
  categories: ["Build"],
  category: () => "Build",
  producesByDefault: () => false,
  validate(a, path) {
    codeBuildKind.validate(a, path);
    if (a.type !== undefined && a.type !== "Build") {
      throw new Error(`\`${path}.type\` must be "Build" for a pulumiSelfUpdate action, got "${a.type}".`);
    }
    if (typeof a.pipelineName !== "string") {
      throw new Error(
        `\`${path}.pipelineName\` must be the physical name of the pipeline (a string), got ${a.pipelineName === undefined ? "nothing" : typeof a.pipelineName}.`,
      );
    }
    checkName(path, "pipelineName", a.pipelineName, PIPELINE_NAME, 'a pipeline name (1 to 100 letters, digits, ".", "@", "-" or "_")');
  },
};

/** A `pulumiSelfUpdate` action for the stage right after the source stage. */
export function pulumiSelfUpdateAction(args: PulumiSelfUpdateActionArgs): {
  /** The action's arguments. */
  pulumiSelfUpdate: PulumiSelfUpdateActionArgs;
} {
  return { pulumiSelfUpdate: args };
}
