/**
 * What a buildspec points at outside the build, so a project can grant exactly that.
 */
import { splitSecretsManagerReference } from "./buildspec-references-syntax";
import { BuildSpec } from "./buildspec-types";
import { validateBuildSpec } from "./buildspec-validate";

/** The names a buildspec references; each list deduplicated and sorted. */
export interface BuildSpecReferences {
  /** SSM parameter names from `env.parameter-store` (`/app/db-url`, `db-url`). */
  parameterNames: string[];
  /** Secret names or ARNs from `env.secrets-manager`, without `:json-key:version-stage:version-id`. */
  secretIds: string[];
  /**
   * Report group names or ARNs (the `reports` keys). CodeBuild names a report group it
   * creates from a bare name `<project name>-<name>`.
   */
  reportGroups: string[];
  /** `env.exported-variables`. */
  exportedVariables: string[];
}

/** Validates `spec`, then lists the parameters, secrets, report groups and exported variables it references. */
export function buildSpecReferences(spec: BuildSpec): BuildSpecReferences {
  validateBuildSpec(spec);
  const env = spec.env ?? {};
  const sorted = (names: Iterable<string>): string[] => [...new Set(names)].sort();
  return {
    parameterNames: sorted(Object.values(env["parameter-store"] ?? {})),
    secretIds: sorted(Object.values(env["secrets-manager"] ?? {}).map((ref) => splitSecretsManagerReference(ref)!.secretId)),
    reportGroups: sorted(Object.keys(spec.reports ?? {})),
    exportedVariables: sorted(env["exported-variables"] ?? []),
  };
}
