/**
 * `aws-cicd buildspec <validate|run>`: offline buildspec checks and local builds.
 */
import { CliIo, EXIT_OK, EXIT_USAGE } from "./args";
import { runCommand } from "./run-command";
import { validateCommand } from "./validate";

export { CliIo, EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError, processIo } from "./args";
export { runCommand, RUN_USAGE } from "./run-command";
export { validateCommand, VALIDATE_USAGE } from "./validate";
export { runBuild, formatBuildSummary, DEFAULT_ARTIFACTS_DIR, DEFAULT_SHELL } from "./run";
export type { RunBuildOptions, BuildResult } from "./run";
export { BUILD_PHASE_TYPES, nextPhase, phaseWalk, runPhaseCommands } from "./phases";
export type { BuildPhaseType, OnFailure } from "./phases";
export { selectArtifactFiles } from "./glob";
export { writeZip, readZip, crc32 } from "./zip";
export { dockerRunLauncher, assertDockerAvailable } from "./docker";

export const BUILDSPEC_USAGE = `Usage: aws-cicd buildspec <command> [FILE] [options]

Commands:
  validate [FILE]   check a buildspec (line-precise messages)
  run [FILE]        run a buildspec locally, the way CodeBuild does

Run \`aws-cicd buildspec <command> --help\` for a command's options.
`;

/** Runs `aws-cicd buildspec ...` with the arguments after `buildspec`; resolves to the exit code. */
export async function buildspecCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case "validate":
      return validateCommand(rest, io);
    case "run":
      return runCommand(rest, io);
    case "--help":
    case "help":
      io.stdout(BUILDSPEC_USAGE);
      return EXIT_OK;
    default:
      io.stderr(
        `${sub === undefined ? "Missing" : `Unknown`} \`buildspec\` command${sub === undefined ? "" : ` "${sub}"`}; use validate or run.\n\n${BUILDSPEC_USAGE}`,
      );
      return EXIT_USAGE;
  }
}
