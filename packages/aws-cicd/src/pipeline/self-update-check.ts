import { PipelineArgs } from "./pipeline-args";
import { PlannedStage } from "./stages";

/**
 * Checks the pipeline's `pulumiSelfUpdate` action, if any (pure; throws a plain `Error`):
 * - at most one, alone in the stage right after the source stage (`stages[1]`): every later stage
 *   then runs with the definition the update produced, and no action runs beside the update with
 *   the old one;
 * - it names this pipeline, whose `pipelineName` must then be set (the build needs the name
 *   before the pipeline exists, and restarts exactly that pipeline);
 * - not with `executionMode: "PARALLEL"`: parallel executions would run `pulumi up` of the same
 *   stack at once (Pulumi refuses a second update of a stack while one runs), and an execution of
 *   an older commit could apply its older pipeline definition after a newer one. In `SUPERSEDED`
 *   and `QUEUED` mode executions enter a stage one at a time, in order
 *   (https://docs.aws.amazon.com/codepipeline/latest/userguide/concepts-how-it-works.html).
 */
export function checkSelfUpdate(stages: PlannedStage[], args: PipelineArgs): void {
  const updates = stages.flatMap((s) => s.actions.filter((a) => a.kind === "pulumiSelfUpdate"));
  if (updates.length === 0) return;
  const [first] = updates;
  if (updates.length > 1) {
    throw new Error(
      `\`${updates[1].path}\` is a second pulumiSelfUpdate action; a pipeline updates itself once, in the stage right after the source stage (the first is \`${first.path}\`). Remove one.`,
    );
  }
  if (first.stageIndex !== 1) {
    throw new Error(
      `\`${first.path}\` is a pulumiSelfUpdate action in stage "${first.stageName}" (\`stages[${first.stageIndex}]\`); it must be in the stage right after the source stage (\`stages[1]\`), so that no later stage runs with the old pipeline definition. Move it to a stage of its own at \`stages[1]\`.`,
    );
  }
  const others = stages[1].actions.filter((a) => a !== first);
  if (others.length > 0) {
    throw new Error(
      `\`stages[1]\` ("${stages[1].name}") holds the pulumiSelfUpdate action and ${others.length} other action(s) (${others.map((a) => a.name).join(", ")}), which would run with the old pipeline definition; the self-update stage holds only the update. Move them to a later stage.`,
    );
  }
  if (args.executionMode === "PARALLEL") {
    throw new Error(
      `\`executionMode\` "PARALLEL" cannot run a pulumiSelfUpdate action (\`${first.path}\`): parallel executions would update the pipeline's stack at the same time, and an older commit could apply its older definition after a newer one. Use "SUPERSEDED" (the default) or "QUEUED".`,
    );
  }
  const named = first.kind === "pulumiSelfUpdate" ? first.args.pipelineName : undefined;
  if (args.pipelineName === undefined) {
    throw new Error(
      `\`pipelineName\` must be set when the pipeline updates itself, got none: set it to "${named}", the pipeline the pulumiSelfUpdate action (\`${first.path}\`) updates and restarts.`,
    );
  }
  if (args.pipelineName !== named) {
    throw new Error(
      `\`${first.path}.pulumiSelfUpdate.pipelineName\` is "${named}", but this pipeline is "${args.pipelineName}"; a pipeline may only update and restart itself. Give the PulumiSelfUpdate the pipeline's \`pipelineName\`.`,
    );
  }
}
