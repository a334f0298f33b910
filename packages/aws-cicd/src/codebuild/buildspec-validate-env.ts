/**
 * Validation of the buildspec `env` section.
 */
import { SpecPath, expectKnownKeys, expectMapping, expectNonEmptyString, expectOneOf, expectYesNo, optional } from "./buildspec-checks";
import { describeKind, describeValue } from "./buildspec-error";
import {
  ENV_VAR_NAME_PATTERN,
  RESERVED_ENV_VAR_PREFIX,
  parameterNameProblem,
  secretsManagerReferenceProblem,
} from "./buildspec-references-syntax";
import { BUILDSPEC_SHELLS } from "./buildspec-types";
import { plaintextSecretReason } from "./plaintext-secrets";

/** Keys of the `env` section, in the order they are rendered. */
export const BUILDSPEC_ENV_KEYS = [
  "shell",
  "variables",
  "parameter-store",
  "secrets-manager",
  "exported-variables",
  "git-credential-helper",
] as const;

/** The `env` mappings that define variables, in the order duplicates are reported. */
const DEFINING_SECTIONS = ["variables", "parameter-store", "secrets-manager"] as const;

/** Validates `env`. */
export function validateEnv(p: SpecPath, value: unknown): void {
  const env = expectMapping(p, value);
  expectKnownKeys(p, env, BUILDSPEC_ENV_KEYS, "an env key");
  optional(env, "shell", (v) => expectOneOf(p.at("shell"), v, BUILDSPEC_SHELLS));
  optional(env, "variables", (v) => validateVariables(p.at("variables"), v));
  optional(env, "parameter-store", (v) => validateParameterStore(p.at("parameter-store"), v));
  optional(env, "secrets-manager", (v) => validateSecretsManager(p.at("secrets-manager"), v));
  optional(env, "exported-variables", (v) => validateExportedVariables(p.at("exported-variables"), v));
  optional(env, "git-credential-helper", (v) => expectYesNo(p.at("git-credential-helper"), v));
  checkDefinedOnce(p, env);
}

/** Checks a name defined by `variables`, `parameter-store` or `secrets-manager`. */
function checkDefinedName(p: SpecPath, name: string): void {
  if (!ENV_VAR_NAME_PATTERN.test(name)) {
    p.fail("is not a valid environment variable name; use letters, digits and underscores, not starting with a digit.");
  }
  if (name.startsWith(RESERVED_ENV_VAR_PREFIX)) {
    p.fail(`uses the "${RESERVED_ENV_VAR_PREFIX}" prefix, which CodeBuild reserves for its own variables; rename it.`);
  }
}

/**
 * `variables`: values must be strings. Numbers and booleans are refused rather
 * than converted, because YAML changes them silently (`GO_VERSION: 1.20` reads
 * as 1.2); quoting keeps the value as written. Values that look like credentials
 * are refused: they belong in Parameter Store or Secrets Manager.
 */
function validateVariables(p: SpecPath, value: unknown): void {
  const vars = expectMapping(p, value);
  for (const [name, v] of Object.entries(vars)) {
    const at: SpecPath = p.at(name);
    checkDefinedName(at, name);
    if (typeof v !== "string") {
      at.fail(`must be a string, got ${describeKind(v)}; quote the value in YAML so it stays exactly as written.`);
    }
    const reason = plaintextSecretReason(name, v);
    if (reason) {
      at.fail(
        `looks like a plaintext credential (${reason}); store it in Parameter Store or Secrets Manager and reference it from \`env.parameter-store\` or \`env.secrets-manager\` instead.`,
      );
    }
  }
}

/** `parameter-store`: variable name to SSM parameter name. */
function validateParameterStore(p: SpecPath, value: unknown): void {
  const params = expectMapping(p, value);
  for (const [name, v] of Object.entries(params)) {
    const at: SpecPath = p.at(name);
    checkDefinedName(at, name);
    const parameter = expectNonEmptyString(at, v, "a Parameter Store parameter name");
    const problem = parameterNameProblem(parameter);
    if (problem) at.fail(`${problem}, got ${describeValue(parameter)}.`);
  }
}

/** `secrets-manager`: variable name to `secret-id[:json-key[:version-stage[:version-id]]]`. */
function validateSecretsManager(p: SpecPath, value: unknown): void {
  const secrets = expectMapping(p, value);
  for (const [name, v] of Object.entries(secrets)) {
    const at: SpecPath = p.at(name);
    checkDefinedName(at, name);
    const reference = expectNonEmptyString(at, v, "a Secrets Manager reference (secret-id[:json-key[:version-stage[:version-id]]])");
    const problem = secretsManagerReferenceProblem(reference);
    if (problem) at.fail(`${problem}, got ${describeValue(reference)}.`);
  }
}

/** `exported-variables`: a list of distinct variable names (CodeBuild's own `CODEBUILD_*` ones included). */
function validateExportedVariables(p: SpecPath, value: unknown): void {
  if (!Array.isArray(value)) p.fail(`must be a list of variable names, got ${describeKind(value)}.`);
  const seen = new Set<string>();
  value.forEach((name, i) => {
    const at: SpecPath = p.at(i);
    if (typeof name !== "string" || !ENV_VAR_NAME_PATTERN.test(name)) {
      at.fail(
        `must be an environment variable name (letters, digits and underscores, not starting with a digit), got ${describeValue(name)}.`,
      );
    }
    if (seen.has(name)) at.fail(`repeats ${describeValue(name)}; list each variable once.`);
    seen.add(name);
  });
}

/** A variable may be defined by only one of `variables`, `parameter-store` and `secrets-manager`. */
function checkDefinedOnce(p: SpecPath, env: Record<string, unknown>): void {
  const definedIn = new Map<string, string>();
  for (const section of DEFINING_SECTIONS) {
    const vars = env[section];
    if (vars === undefined) continue;
    for (const name of Object.keys(vars as object)) {
      const first = definedIn.get(name);
      if (first) p.at(section, name).fail(`is also defined in \`env.${first}\`; define each variable in one place.`);
      definedIn.set(name, section);
    }
  }
}
