/**
 * The environment of a local build: CodeBuild's own variables, the buildspec's
 * `env.variables`, and `parameter-store` / `secrets-manager` values read from a local file
 * or the environment. Nothing is ever fetched from AWS.
 *
 * CodeBuild's variables: https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-env-vars.html
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { BuildSpecEnv, splitSecretsManagerReference } from "aws-cicd/buildspec";
import { UsageError } from "./args";

/** Region of a local build when `--region` is not given. */
export const DEFAULT_REGION = "us-east-1";
/** Account in the local build's ARN when `--account` is not given. */
export const DEFAULT_ACCOUNT = "123456789012";
/** Project name in the local build's id when `--project` is not given. */
export const DEFAULT_PROJECT_NAME = "local";
/** Prefix of an environment variable that supplies a parameter-store or secrets-manager value by variable name. */
export const SECRET_ENV_PREFIX = "AWS_CICD_PARAM_";

/** What the CodeBuild variables are made of. */
export interface BuildIdentity {
  srcDir: string;
  region: string;
  account: string;
  projectName: string;
  buildNumber: number;
  /** `CODEBUILD_BUILD_IMAGE`: the `--image`, or "local" without one. */
  image: string;
  /** The build's UUID. @default - a random UUID. */
  uuid?: string;
  /** `CODEBUILD_INITIATOR`. @default - "aws-cicd/<user>" */
  initiator?: string;
  /** Start time. @default - now. */
  startTime?: Date;
}

/** `git rev-parse HEAD` in `dir`, or undefined when it is not a git work tree. */
export function gitHead(dir: string): string | undefined {
  try {
    return (
      execFileSync("git", ["rev-parse", "HEAD"], { cwd: dir, stdio: ["ignore", "pipe", "ignore"], encoding: "utf8" }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

/** CodeBuild's own variables for a local build (`CODEBUILD_BUILD_SUCCEEDING` starts at 1). */
export function codeBuildVariables(id: BuildIdentity): Record<string, string> {
  const uuid = id.uuid ?? randomUUID();
  const buildId = `${id.projectName}:${uuid}`;
  const user = process.env.USER ?? process.env.USERNAME ?? "user";
  const vars: Record<string, string> = {
    AWS_REGION: id.region,
    AWS_DEFAULT_REGION: id.region,
    CODEBUILD_BUILD_ARN: `arn:aws:codebuild:${id.region}:${id.account}:build/${buildId}`,
    CODEBUILD_BUILD_ID: buildId,
    CODEBUILD_BUILD_IMAGE: id.image,
    CODEBUILD_BUILD_NUMBER: String(id.buildNumber),
    CODEBUILD_BUILD_SUCCEEDING: "1",
    CODEBUILD_INITIATOR: id.initiator ?? `aws-cicd/${user}`,
    CODEBUILD_SRC_DIR: id.srcDir,
    CODEBUILD_START_TIME: String((id.startTime ?? new Date()).getTime()),
  };
  const head = gitHead(id.srcDir);
  if (head) {
    vars.CODEBUILD_RESOLVED_SOURCE_VERSION = head;
    vars.CODEBUILD_SOURCE_VERSION = head;
  }
  return vars;
}

/**
 * Reads a `--secrets` file: a JSON object of names to values (a value that is an object
 * is kept as its JSON text, for secrets read with a `json-key`), or dotenv lines
 * `NAME=value` (`#` comments, optional quotes).
 */
export function readSecretsFile(file: string): Record<string, string> {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(`Cannot read \`--secrets\` file ${file}: ${(e as Error).message}`);
  }
  if (text.trimStart().startsWith("{")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new UsageError(`\`--secrets\` file ${file} is not valid JSON: ${(e as Error).message}`);
    }
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) out[k] = typeof v === "string" ? v : JSON.stringify(v);
    return out;
  }
  const out: Record<string, string> = {};
  text.split(/\r?\n/).forEach((line, i) => {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith("#")) return;
    const eq = trimmed.indexOf("=");
    if (eq <= 0) throw new UsageError(`\`--secrets\` file ${path.basename(file)} line ${i + 1} is not NAME=value: "${trimmed}".`);
    let value = trimmed.slice(eq + 1).trim();
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    out[trimmed.slice(0, eq).trim()] = value;
  });
  return out;
}

/** Takes `jsonKey` out of a secret value that is a JSON object. */
function jsonField(value: string, jsonKey: string, variable: string): string {
  try {
    const obj = JSON.parse(value) as Record<string, unknown>;
    if (obj && typeof obj === "object" && jsonKey in obj) {
      const field = obj[jsonKey];
      return typeof field === "string" ? field : JSON.stringify(field);
    }
  } catch {
    // Not JSON: reported below.
  }
  throw new UsageError(`Secret for \`${variable}\` has no JSON key "${jsonKey}"; make its value a JSON object with that key.`);
}

/**
 * The values of `env.parameter-store` and `env.secrets-manager`. Each variable is looked up,
 * in order, as `AWS_CICD_PARAM_<variable>` in `env`, then in `secrets` under the variable
 * name, then under the parameter name (`/app/db-url`) or the full secret reference, then
 * (secrets) under the secret id, taking the `json-key` from a JSON value. Throws one
 * `UsageError` listing every missing value.
 */
export function resolveSecretVariables(
  spec: BuildSpecEnv | undefined,
  secrets: Record<string, string>,
  env: Record<string, string | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  const missing: string[] = [];
  const fromEnvOrVar = (variable: string): string | undefined => env[`${SECRET_ENV_PREFIX}${variable}`] ?? secrets[variable];
  for (const [variable, parameter] of Object.entries(spec?.["parameter-store"] ?? {})) {
    const value = fromEnvOrVar(variable) ?? secrets[parameter];
    if (value === undefined) missing.push(`${variable} (parameter-store ${parameter})`);
    else out[variable] = value;
  }
  for (const [variable, reference] of Object.entries(spec?.["secrets-manager"] ?? {})) {
    const direct = fromEnvOrVar(variable) ?? secrets[reference];
    if (direct !== undefined) {
      out[variable] = direct;
      continue;
    }
    const ref = splitSecretsManagerReference(reference);
    const whole = ref ? secrets[ref.secretId] : undefined;
    if (whole === undefined) missing.push(`${variable} (secrets-manager ${reference})`);
    else out[variable] = ref?.jsonKey ? jsonField(whole, ref.jsonKey, variable) : whole;
  }
  if (missing.length > 0) {
    throw new UsageError(
      `No local value for ${missing.join(", ")}. A local build never reads Parameter Store or Secrets Manager: ` +
        `give each value in a \`--secrets\` file (JSON or NAME=value, keyed by the variable, parameter name or secret id) ` +
        `or as the environment variable ${SECRET_ENV_PREFIX}<variable>.`,
    );
  }
  return out;
}

/**
 * Host variables a local build always gets: where to find programs (`PATH`), the user's home
 * (`HOME`, which tools such as npm and git read) and the locale and temporary directory. A
 * CodeBuild image sets its own; nothing else of the host's environment reaches the build (no
 * cloud credentials or tokens) unless named with `--pass-env`. The build still runs as the
 * current user and can read what that user can read: this isolates variables, not files.
 */
export const HOST_BASE_VARIABLES = ["PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR"] as const;

/** What `--pass-env` accepts: an environment variable name. */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The host variables passed to the build: {@link HOST_BASE_VARIABLES} and the `passEnv` names,
 * those that are set. Throws `UsageError` for a `passEnv` entry that is not a variable name.
 */
export function passedHostVariables(host: Record<string, string | undefined>, passEnv: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of passEnv) {
    if (!VARIABLE_NAME.test(name)) {
      throw new UsageError(
        `\`--pass-env\` must name an environment variable (letters, digits and _, not starting with a digit), got "${name}".`,
      );
    }
  }
  for (const name of [...HOST_BASE_VARIABLES, ...passEnv]) {
    const value = host[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/**
 * The full environment of the build shell: the host variables it may see (see
 * {@link passedHostVariables}), then CodeBuild's variables, then `env.variables`, then
 * parameter-store and secrets-manager values.
 */
export function buildEnvironment(
  host: Record<string, string | undefined>,
  codeBuild: Record<string, string>,
  spec: BuildSpecEnv | undefined,
  secretValues: Record<string, string>,
  passEnv: readonly string[] = [],
): Record<string, string> {
  return { ...passedHostVariables(host, passEnv), ...codeBuild, ...(spec?.variables ?? {}), ...secretValues };
}
