/**
 * `--image`: the build shell runs inside a container instead of on this machine.
 * The source directory and the shell's command directory are mounted at the same paths,
 * the build variables are passed by name (`-e NAME`, values from the docker client's
 * environment, so secrets never appear on a command line), and the buildspec's shell is the
 * container's entrypoint.
 */
import { spawnSync } from "node:child_process";
import { UsageError } from "./args";
import { ShellLauncher } from "./shell";

/** The docker client run when `--docker` is not given. */
export const DEFAULT_DOCKER_COMMAND = "docker";

/** What the container needs. */
export interface DockerRunOptions {
  image: string;
  /** The shell to start (`bash` or `sh`). */
  shell: string;
  srcDir: string;
  /** The directory the command files are written to. */
  commandDir: string;
  /** The build's variables (CodeBuild's, `env.variables` and secrets); never the host's. */
  variables: Record<string, string>;
  /** Environment of the docker client itself (PATH, DOCKER_HOST...). */
  clientEnv: Record<string, string | undefined>;
  /** @default "docker" */
  dockerCommand?: string;
}

/** The `docker run` invocation that starts the build shell in `image` running `loop`. */
export function dockerRunLauncher(o: DockerRunOptions, loop: string): ShellLauncher {
  const names = Object.keys(o.variables).sort();
  const args = [
    "run",
    "--rm",
    "-i",
    "-v",
    `${o.srcDir}:${o.srcDir}`,
    "-v",
    `${o.commandDir}:${o.commandDir}`,
    "-w",
    o.srcDir,
    ...names.flatMap((n) => ["-e", n]),
    "--entrypoint",
    o.shell,
    o.image,
    "-c",
    loop,
  ];
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(o.clientEnv)) if (v !== undefined) env[k] = v;
  return { command: o.dockerCommand ?? DEFAULT_DOCKER_COMMAND, args, env: { ...env, ...o.variables }, cwd: o.srcDir };
}

/** Throws a `UsageError` unless `docker info` succeeds (the client exists and reaches a daemon). */
export function assertDockerAvailable(
  dockerCommand: string = DEFAULT_DOCKER_COMMAND,
  env: Record<string, string | undefined> = process.env,
): void {
  const r = spawnSync(dockerCommand, ["info", "--format", "{{.ServerVersion}}"], {
    env: env as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 15000,
  });
  if (r.error || r.status !== 0) {
    const why = r.error
      ? (r.error as NodeJS.ErrnoException).code === "ENOENT"
        ? `\`${dockerCommand}\` is not installed`
        : r.error.message
      : (r.stderr || r.stdout || "").trim().split("\n")[0] || `exit code ${r.status}`;
    throw new UsageError(
      `\`--image\` needs Docker, which is not available (${why}). Start Docker, or leave out \`--image\` to run the commands on this machine.`,
    );
  }
}
