/**
 * `runBuild`: executes a buildspec on this machine (or in a container with `image`) the
 * way CodeBuild does: phases and their transitions (phases.ts), one shell for the whole
 * build (shell.ts), CodeBuild's variables and local secrets (environment.ts), artifacts as
 * ZIPs (artifacts.ts) and the phase details table (report.ts).
 */
import * as os from "node:os";
import * as path from "node:path";
import { BUILDSPEC_PHASES, BuildSpec, BuildSpecPhaseName } from "aws-cicd/buildspec";
import { UsageError } from "./args";
import { WrittenArtifact, writeArtifacts } from "./artifacts";
import { assertDockerAvailable, dockerRunLauncher } from "./docker";
import {
  DEFAULT_ACCOUNT,
  DEFAULT_PROJECT_NAME,
  DEFAULT_REGION,
  buildEnvironment,
  passedHostVariables,
  codeBuildVariables,
  readSecretsFile,
  resolveSecretVariables,
} from "./environment";
import { BuildPhaseType, OnFailure, PHASE_TYPE_OF, nextPhase, runPhaseCommands } from "./phases";
import { PhaseRecord, formatPhaseTable } from "./report";
import { ShellLauncher, ShellSession } from "./shell";
import * as fs from "node:fs";

/** Where artifacts go when `outDir` is not given, relative to the current directory. */
export const DEFAULT_ARTIFACTS_DIR = path.join(".aws-cicd", "artifacts");
/** Shell used when the buildspec has no `env.shell` (CodeBuild's Linux default). */
export const DEFAULT_SHELL = "sh";
/** Shells a local build can start. */
const LOCAL_SHELLS = ["bash", "sh", "/bin/sh"];

/** Options of a local build. */
export interface RunBuildOptions {
  /** The validated buildspec. */
  spec: BuildSpec;
  /** The source directory (`CODEBUILD_SRC_DIR`), where commands start. */
  srcDir: string;
  /** Directory the artifact ZIPs are written to. */
  outDir: string;
  /** Where progress, command output and the report go. */
  output: { stdout(text: string): void; stderr(text: string): void };
  /**
   * Host environment: read for `AWS_CICD_PARAM_<variable>` and by the Docker client. The build
   * itself gets only `HOST_BASE_VARIABLES` and the `passEnv` names from it.
   */
  env: Record<string, string | undefined>;
  /** Host variables to pass to the build besides `HOST_BASE_VARIABLES`. @default - none. */
  passEnv?: string[];
  /** `AWS_REGION` and `AWS_DEFAULT_REGION`. @default "us-east-1" */
  region?: string;
  /** Account in `CODEBUILD_BUILD_ARN`. @default "123456789012" */
  account?: string;
  /** Project name in `CODEBUILD_BUILD_ID`. @default "local" */
  projectName?: string;
  /** `CODEBUILD_BUILD_NUMBER`. @default 1 */
  buildNumber?: number;
  /** Run the shell in this container image with Docker. @default - the commands run on this machine. */
  image?: string;
  /** Docker client for `image`. @default "docker" */
  dockerCommand?: string;
  /** Names to values for `parameter-store` and `secrets-manager` variables. @default - only `AWS_CICD_PARAM_<variable>` in `env`. */
  secrets?: Record<string, string>;
  /** Directory for the shell's command files. @default - the OS temporary directory. */
  tempRoot?: string;
}

/** What a local build did. */
export interface BuildResult {
  succeeded: boolean;
  phases: PhaseRecord[];
  /** `env.exported-variables` and their values at the end of the build. */
  exported: Record<string, string>;
  artifacts: WrittenArtifact[];
  /** Exit code: 0 succeeded, 1 failed. */
  exitCode: number;
}

function shellOf(spec: BuildSpec): string {
  const shell = spec.env?.shell ?? DEFAULT_SHELL;
  if (!LOCAL_SHELLS.includes(shell)) {
    throw new UsageError(
      `\`env.shell\` "${shell}" is a Windows shell; a local build runs ${LOCAL_SHELLS.join(", ")}. Use one of those to run it here.`,
    );
  }
  return shell;
}

/** Reads a `--secrets` file; a missing file is a `UsageError`. */
export function loadSecrets(file: string | undefined, cwd: string): Record<string, string> {
  return file ? readSecretsFile(path.resolve(cwd, file)) : {};
}

/** Runs the build; throws `UsageError` for problems found before it starts (shell, secrets, Docker). */
export async function runBuild(o: RunBuildOptions): Promise<BuildResult> {
  const { spec, output } = o;
  const shell = shellOf(spec);
  const records: PhaseRecord[] = [];
  const record = (phase: BuildPhaseType, ok: boolean, started: number, context?: string): void => {
    records.push({ phase, status: ok ? "SUCCEEDED" : "FAILED", durationMs: Date.now() - started, ...(context ? { context } : {}) });
  };
  let started = Date.now();
  record("SUBMITTED", true, started);
  record("QUEUED", true, started);
  started = Date.now();
  const secretValues = resolveSecretVariables(spec.env, o.secrets ?? {}, o.env);
  const codeBuild = codeBuildVariables({
    srcDir: o.srcDir,
    region: o.region ?? DEFAULT_REGION,
    account: o.account ?? DEFAULT_ACCOUNT,
    projectName: o.projectName ?? DEFAULT_PROJECT_NAME,
    buildNumber: o.buildNumber ?? 1,
    image: o.image ?? "local",
  });
  const buildVars = { ...codeBuild, ...(spec.env?.variables ?? {}), ...secretValues };
  const fullEnv = buildEnvironment(o.env, codeBuild, spec.env, secretValues, o.passEnv ?? []);
  const passed = passedHostVariables(o.env, o.passEnv ?? []);
  // In a container only the named variables cross over: the host's PATH and HOME are not the image's.
  const chosen: Record<string, string> = {};
  for (const name of o.passEnv ?? []) {
    if (passed[name] === undefined)
      output.stdout(`[aws-cicd] Note: \`--pass-env ${name}\` is not set here, so the build does not get it.\n`);
    else chosen[name] = passed[name];
  }
  if (o.image) assertDockerAvailable(o.dockerCommand, o.env);
  if (spec["run-as"] || BUILDSPEC_PHASES.some((p) => spec.phases?.[p]?.["run-as"])) {
    output.stdout("[aws-cicd] Note: `run-as` is ignored locally; commands run as the current user.\n");
  }
  const session: ShellSession = new ShellSession(
    (loop): ShellLauncher =>
      o.image
        ? dockerRunLauncher(
            {
              image: o.image,
              shell,
              srcDir: o.srcDir,
              commandDir: session.commandDir,
              variables: {
                ...chosen,
                ...buildVars,
                CODEBUILD_BUILD_SUCCEEDING: fullEnv.CODEBUILD_BUILD_SUCCEEDING,
              },
              clientEnv: o.env,
              ...(o.dockerCommand ? { dockerCommand: o.dockerCommand } : {}),
            },
            loop,
          )
        : { command: shell, args: ["-c", loop], env: fullEnv, cwd: o.srcDir },
    output,
    o.tempRoot ?? os.tmpdir(),
  );
  record("PROVISIONING", true, started);
  record("DOWNLOAD_SOURCE", true, Date.now());

  let succeeding = true;
  let exported: Record<string, string> = {};
  let artifacts: WrittenArtifact[] = [];
  let phase: BuildPhaseType | undefined = "INSTALL";
  try {
    while (phase && phase !== "COMPLETED") {
      started = Date.now();
      let ok = true;
      let context: string | undefined;
      let onFailure: OnFailure = "ABORT";
      const name = (Object.keys(PHASE_TYPE_OF) as BuildSpecPhaseName[]).find((n) => PHASE_TYPE_OF[n] === phase);
      if (name) {
        const p = spec.phases?.[name];
        onFailure = p?.["on-failure"] ?? "ABORT";
        output.stdout(`[aws-cicd] Entering phase ${phase}\n`);
        if (!succeeding) {
          fullEnv.CODEBUILD_BUILD_SUCCEEDING = "0";
          await session.run("CODEBUILD_BUILD_SUCCEEDING=0; export CODEBUILD_BUILD_SUCCEEDING");
        }
        const restartsBefore = session.restarted;
        const result = await runPhaseCommands(p?.commands ?? [], p?.finally ?? [], async (command) => {
          output.stdout(`[aws-cicd] Running command ${command}\n`);
          const code = await session.run(command);
          if (session.restarted > restartsBefore)
            output.stdout("[aws-cicd] Note: an earlier command exited the shell; this command runs in a new shell.\n");
          if (code !== 0) output.stdout(`[aws-cicd] Command did not exit successfully ${command} exit status ${code}\n`);
          return code;
        });
        ok = result.succeeded;
        const failed = result.outcomes.find((c) => c.exitCode !== 0);
        if (failed) context = `COMMAND_EXECUTION_ERROR: ${failed.command} exited with status ${failed.exitCode}`;
        output.stdout(`[aws-cicd] Phase complete: ${phase} State: ${ok ? "SUCCEEDED" : "FAILED"}\n`);
      } else if (phase === "UPLOAD_ARTIFACTS") {
        try {
          artifacts = writeArtifacts(spec.artifacts, o.srcDir, o.outDir);
        } catch (e) {
          ok = false;
          context = `CLIENT_ERROR: ${(e as Error).message}`;
        }
      } else if (phase === "FINALIZING") {
        exported = await readExported(session, spec.env?.["exported-variables"] ?? []);
      }
      if (!ok) succeeding = false;
      record(phase, ok, started, context);
      phase = nextPhase(phase, ok, onFailure);
    }
  } finally {
    await session.close();
  }
  record("COMPLETED", succeeding, Date.now());
  return { succeeded: succeeding, phases: records, exported, artifacts, exitCode: succeeding ? 0 : 1 };
}

/** Reads the exported variables' values from the build shell. */
async function readExported(session: ShellSession, names: readonly string[]): Promise<Record<string, string>> {
  if (names.length === 0) return {};
  const files = names.map((_, i) => path.join(session.commandDir, `exported-${i}`));
  await session.run(names.map((n, i) => `printf '%s' "\${${n}-}" > '${files[i]}'`).join("\n"));
  const out: Record<string, string> = {};
  names.forEach((n, i) => {
    out[n] = fs.existsSync(files[i]) ? fs.readFileSync(files[i], "utf8") : "";
  });
  return out;
}

/** The end-of-build summary: phase table, exported variables, artifacts and the status. */
export function formatBuildSummary(result: BuildResult): string {
  const lines = ["", formatPhaseTable(result.phases)];
  const exported = Object.entries(result.exported);
  if (exported.length > 0) {
    lines.push("Exported environment variables:");
    for (const [k, v] of exported) lines.push(`  ${k}=${v}`);
    lines.push("");
  }
  for (const a of result.artifacts) {
    lines.push(`Artifact ${a.id}: ${a.file} (${a.entries.length} file${a.entries.length === 1 ? "" : "s"})`);
    for (const f of a.skipped) lines.push(`  left out ${f}: a symbolic link that leads outside the source directory`);
  }
  if (result.artifacts.length > 0) lines.push("");
  lines.push(`Build ${result.succeeded ? "SUCCEEDED" : "FAILED"}`, "");
  return lines.join("\n");
}
