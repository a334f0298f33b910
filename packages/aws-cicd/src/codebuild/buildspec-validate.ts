/**
 * `validateBuildSpec`: checks a buildspec written in TypeScript or parsed from YAML
 * against buildspec version 0.2 and throws a `BuildSpecError` at the first problem.
 */
import { SpecPath, expectKnownKeys, expectMapping, optional } from "./buildspec-checks";
import { describeValue, orList } from "./buildspec-error";
import { BuildSpec } from "./buildspec-types";
import { validateEnv } from "./buildspec-validate-env";
import { validateArtifacts, validateCache, validateReports } from "./buildspec-validate-outputs";
import { validatePhases, validateRunAs } from "./buildspec-validate-phases";

export { BuildSpecError } from "./buildspec-error";
export { buildSpecReferences } from "./buildspec-references";
export type { BuildSpecReferences } from "./buildspec-references";

/** Top-level keys, in the order they are rendered. */
export const BUILDSPEC_TOP_LEVEL_KEYS = ["version", "run-as", "env", "phases", "reports", "artifacts", "cache"] as const;

/** Buildspec keys CodeBuild knows that this library does not model. */
const UNMODELLED_KEYS = ["proxy", "batch"];

/** The only buildspec version accepted, as a string and as YAML reads `version: 0.2`. */
export const BUILDSPEC_VERSION = "0.2";

/**
 * Validates a whole buildspec and throws a `BuildSpecError` naming the first problem
 * (its path, the value received and what is allowed).
 *
 * Beyond the shape of {@link BuildSpec} it requires: `version` "0.2" (or the number
 * 0.2), at least one phase, `commands` in every phase (an install phase may instead only
 * select `runtime-versions`), string values in `env.variables` (YAML numbers and booleans are
 * refused: quote them), no plaintext credentials in `env.variables`, valid parameter names
 * and secret references, each variable defined once, and `files` in every report and artifact.
 *
 * @param spec the buildspec, e.g. the result of `YAML.parse`.
 * @param path how to name the buildspec in messages.
 */
export function validateBuildSpec(spec: unknown, path = "buildSpec"): asserts spec is BuildSpec {
  const p = new SpecPath(path);
  const obj = expectMapping(p, spec);
  for (const key of Object.keys(obj)) {
    if (UNMODELLED_KEYS.includes(key)) {
      p.at(key).fail(`is a buildspec key this library does not support; use ${orList(BUILDSPEC_TOP_LEVEL_KEYS)}.`);
    }
  }
  expectKnownKeys(p, obj, BUILDSPEC_TOP_LEVEL_KEYS, "a buildspec key");
  optional(obj, "version", (v) => {
    if (v !== BUILDSPEC_VERSION && v !== Number(BUILDSPEC_VERSION)) {
      p.at("version").fail(`must be "${BUILDSPEC_VERSION}", the only buildspec version supported, got ${describeValue(v)}.`);
    }
  });
  optional(obj, "run-as", (v) => validateRunAs(p.at("run-as"), v));
  optional(obj, "env", (v) => validateEnv(p.at("env"), v));
  if (obj.phases === undefined) {
    p.at("phases").fail("is missing; a buildspec needs at least one phase (install, pre_build, build or post_build) with `commands`.");
  }
  validatePhases(p.at("phases"), obj.phases);
  optional(obj, "reports", (v) => validateReports(p.at("reports"), v));
  optional(obj, "artifacts", (v) => validateArtifacts(p.at("artifacts"), v));
  optional(obj, "cache", (v) => validateCache(p.at("cache"), v));
}
