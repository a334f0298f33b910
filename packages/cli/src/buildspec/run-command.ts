/** `aws-cicd buildspec run [FILE]`: the command-line face of `runBuild`. */
import * as path from "node:path";
import { BuildSpecError, DEFAULT_BUILDSPEC_FILE_NAME } from "aws-cicd/buildspec";
import { CliIo, EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError, parseArgs } from "./args";
import { DEFAULT_DOCKER_COMMAND } from "./docker";
import { assertWithin } from "./artifacts";
import { DEFAULT_ACCOUNT, DEFAULT_PROJECT_NAME, DEFAULT_REGION, HOST_BASE_VARIABLES, SECRET_ENV_PREFIX } from "./environment";
import { DEFAULT_ARTIFACTS_DIR, formatBuildSummary, loadSecrets, runBuild } from "./run";
import { readBuildSpecFile } from "./validate";

export const RUN_USAGE = `Usage: aws-cicd buildspec run [FILE] [options]

Runs a buildspec on this machine the way CodeBuild does: phases install, pre_build, build,
post_build with CodeBuild's phase transitions, one shell for the whole build, CodeBuild's
environment variables, artifacts as ZIP files, and the phase details at the end.
Nothing is sent to AWS.

  FILE                  the buildspec; default ${DEFAULT_BUILDSPEC_FILE_NAME}.
  --src DIR             source directory (CODEBUILD_SRC_DIR); default: FILE's directory.
  --out DIR             where artifact ZIPs are written, inside the current directory;
                        default ${DEFAULT_ARTIFACTS_DIR}.
  --region REGION       AWS_REGION and AWS_DEFAULT_REGION; default ${DEFAULT_REGION}.
  --account ID          account in CODEBUILD_BUILD_ARN; default ${DEFAULT_ACCOUNT}.
  --project NAME        project name in CODEBUILD_BUILD_ID; default ${DEFAULT_PROJECT_NAME}.
  --build-number N      CODEBUILD_BUILD_NUMBER; default 1.
  --secrets FILE        values of parameter-store and secrets-manager variables: JSON
                        object or NAME=value lines, keyed by variable name, parameter name,
                        secret reference or secret id; default: none.
                        ${SECRET_ENV_PREFIX}<variable> in the environment also gives a value.
  --image IMAGE         run the shell in this container image with Docker; default: run
                        the commands on this machine.
  --docker COMMAND      Docker client for --image; default ${DEFAULT_DOCKER_COMMAND}.
  --pass-env NAME       also give the build this variable of this environment (repeatable).
                        The build gets CodeBuild's variables, the buildspec's, and from here
                        only ${HOST_BASE_VARIABLES.join(", ")} (not in a container) and these;
                        no credentials or tokens unless named. Default: none.

Artifacts are written only inside the current directory. Symbolic links that lead outside
the source directory are left out of artifacts.

Exit codes: 0 build succeeded, 1 build failed or buildspec invalid, 2 usage, read, secret or Docker error.
`;

const OPTIONS = {
  values: ["src", "out", "region", "account", "project", "build-number", "secrets", "image", "docker", "pass-env"],
  flags: ["help"],
  repeatable: ["pass-env"],
} as const;

/** Runs `buildspec run` with the arguments after `run`; resolves to the exit code. */
export async function runCommand(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseArgs(argv, OPTIONS);
    if (args.flags.has("help")) {
      io.stdout(RUN_USAGE);
      return EXIT_OK;
    }
    if (args.positionals.length > 1) {
      throw new UsageError(`\`buildspec run\` takes one FILE, got ${args.positionals.length}: ${args.positionals.join(" ")}.`);
    }
    const file = args.positionals[0] ?? DEFAULT_BUILDSPEC_FILE_NAME;
    const { spec, absolute } = readBuildSpecFile(file, io.cwd);
    const v = args.values;
    let buildNumber = 1;
    if (v["build-number"] !== undefined) {
      buildNumber = Number(v["build-number"]);
      if (!Number.isInteger(buildNumber) || buildNumber < 1)
        throw new UsageError(`\`--build-number\` must be a whole number of 1 or more, got "${v["build-number"]}".`);
    }
    const outDir = path.resolve(io.cwd, v.out ?? DEFAULT_ARTIFACTS_DIR);
    try {
      assertWithin(io.cwd, outDir, "`--out`");
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const result = await runBuild({
      spec,
      srcDir: path.resolve(io.cwd, v.src ?? path.dirname(absolute)),
      outDir,
      passEnv: args.lists["pass-env"] ?? [],
      output: io,
      env: io.env,
      buildNumber,
      secrets: loadSecrets(v.secrets, io.cwd),
      ...(v.region ? { region: v.region } : {}),
      ...(v.account ? { account: v.account } : {}),
      ...(v.project ? { projectName: v.project } : {}),
      ...(v.image ? { image: v.image } : {}),
      ...(v.docker ? { dockerCommand: v.docker } : {}),
    });
    io.stdout(formatBuildSummary(result));
    return result.exitCode;
  } catch (e) {
    if (e instanceof BuildSpecError) {
      io.stderr(`${e.message}\n`);
      return EXIT_FAILED;
    }
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}
