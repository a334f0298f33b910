/**
 * Which phase a local build goes to next: pure functions following CodeBuild's documented
 * phase transitions.
 *
 * Source (read, not copied): "Build phase transitions", AWS CodeBuild User Guide,
 * https://docs.aws.amazon.com/codebuild/latest/userguide/view-build-details-phases.html
 * and the `phases` / `on-failure` / `finally` entries of the buildspec reference,
 * https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html
 *
 * What those pages give, as implemented here:
 * - the phases run SUBMITTED, QUEUED, PROVISIONING, DOWNLOAD_SOURCE, INSTALL, PRE_BUILD,
 *   BUILD, POST_BUILD, UPLOAD_ARTIFACTS, FINALIZING, COMPLETED;
 * - a failed INSTALL or PRE_BUILD ends the build: it goes straight to FINALIZING;
 * - a failed BUILD still runs POST_BUILD (CODEBUILD_BUILD_SUCCEEDING is then 0);
 * - a failed POST_BUILD still goes to UPLOAD_ARTIFACTS, which is always attempted once
 *   BUILD has run, even when BUILD failed;
 * - `on-failure: CONTINUE` on a phase makes its failure go on to the next phase as if it
 *   had succeeded (the phase and the build are still FAILED); `ABORT` (the default)
 *   follows the transitions above;
 * - inside a phase, commands stop at the first failing one, and the phase's `finally`
 *   commands run after `commands` whatever their outcome.
 */
import { BuildSpecPhaseName } from "aws-cicd/buildspec";

/** Phase types as CodeBuild names them in a build's phase details. */
export const BUILD_PHASE_TYPES = [
  "SUBMITTED",
  "QUEUED",
  "PROVISIONING",
  "DOWNLOAD_SOURCE",
  "INSTALL",
  "PRE_BUILD",
  "BUILD",
  "POST_BUILD",
  "UPLOAD_ARTIFACTS",
  "FINALIZING",
  "COMPLETED",
] as const;
export type BuildPhaseType = (typeof BUILD_PHASE_TYPES)[number];

/** The phase type of each buildspec phase. */
export const PHASE_TYPE_OF: Record<BuildSpecPhaseName, BuildPhaseType> = {
  install: "INSTALL",
  pre_build: "PRE_BUILD",
  build: "BUILD",
  post_build: "POST_BUILD",
};

/** What to do when a phase fails. */
export type OnFailure = "ABORT" | "CONTINUE";

/** The phase after `current`, given whether it succeeded and its `on-failure`. */
export function nextPhase(current: BuildPhaseType, succeeded: boolean, onFailure: OnFailure = "ABORT"): BuildPhaseType | undefined {
  const index = BUILD_PHASE_TYPES.indexOf(current);
  if (current === "COMPLETED") return undefined;
  const following = BUILD_PHASE_TYPES[index + 1];
  if (succeeded || onFailure === "CONTINUE") return following;
  switch (current) {
    case "BUILD":
      return "POST_BUILD";
    case "POST_BUILD":
      return "UPLOAD_ARTIFACTS";
    case "FINALIZING":
      return "COMPLETED";
    default:
      // SUBMITTED..PRE_BUILD and UPLOAD_ARTIFACTS: the build stops and finalizes.
      return "FINALIZING";
  }
}

/** One command's outcome inside a phase. */
export interface CommandOutcome {
  command: string;
  exitCode: number;
}

/**
 * Which commands of a phase run: `commands` in order until one fails, then every
 * `finally` command in order until one fails. `run` executes one command and returns
 * its exit code. Returns the outcomes and whether the phase succeeded.
 */
export async function runPhaseCommands(
  commands: readonly string[],
  finallyCommands: readonly string[],
  run: (command: string) => Promise<number>,
): Promise<{ outcomes: CommandOutcome[]; succeeded: boolean }> {
  const outcomes: CommandOutcome[] = [];
  let succeeded = true;
  for (const block of [commands, finallyCommands]) {
    for (const command of block) {
      const exitCode = await run(command);
      outcomes.push({ command, exitCode });
      if (exitCode !== 0) {
        succeeded = false;
        break;
      }
    }
  }
  return { outcomes, succeeded };
}

/** The walk of phase types a build takes given each phase's result (a pure simulation, for tests and dry runs). */
export function phaseWalk(results: Partial<Record<BuildPhaseType, { succeeded: boolean; onFailure?: OnFailure }>>): BuildPhaseType[] {
  const walk: BuildPhaseType[] = [];
  let phase: BuildPhaseType | undefined = "SUBMITTED";
  while (phase) {
    walk.push(phase);
    const r = results[phase];
    phase = nextPhase(phase, r?.succeeded ?? true, r?.onFailure);
  }
  return walk;
}
