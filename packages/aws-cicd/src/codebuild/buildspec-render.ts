/**
 * `renderBuildSpec`: writes a validated buildspec as YAML in a canonical layout.
 */
import * as YAML from "yaml";
import { BUILDSPEC_PHASE_KEYS } from "./buildspec-validate-phases";
import { BUILDSPEC_ENV_KEYS } from "./buildspec-validate-env";
import { BUILDSPEC_ARTIFACT_KEYS, BUILDSPEC_CACHE_KEYS, BUILDSPEC_REPORT_KEYS } from "./buildspec-validate-outputs";
import { BUILDSPEC_PHASES, BuildSpec } from "./buildspec-types";
import { BUILDSPEC_TOP_LEVEL_KEYS, validateBuildSpec } from "./buildspec-validate";

export { parseBuildSpec } from "./buildspec-parse";

type Mapping = Record<string, unknown>;

/** Copies the keys of `obj` named in `order`, in that order, leaving out absent ones. */
function ordered(obj: Mapping, order: readonly string[], child: (key: string, value: unknown) => unknown = (_k, v) => v): Mapping {
  const out: Mapping = {};
  for (const key of order) {
    if (obj[key] !== undefined) out[key] = child(key, obj[key]);
  }
  return out;
}

/** Copies a user-named mapping (variables, reports...) in the order given, converting each value. */
function each(obj: unknown, convert: (value: unknown) => unknown): Mapping {
  const out: Mapping = {};
  for (const [key, value] of Object.entries(obj as Mapping)) out[key] = convert(value);
  return out;
}

function artifact(value: unknown): Mapping {
  return ordered(value as Mapping, BUILDSPEC_ARTIFACT_KEYS, (key, v) => (key === "secondary-artifacts" ? each(v, artifact) : v));
}

/** The buildspec as plain data with every mapping in canonical key order. */
function canonical(spec: BuildSpec): Mapping {
  const top = ordered({ ...spec, version: 0.2 } as Mapping, BUILDSPEC_TOP_LEVEL_KEYS, (key, v) => {
    switch (key) {
      case "env":
        return ordered(v as Mapping, BUILDSPEC_ENV_KEYS);
      case "phases":
        return ordered(v as Mapping, BUILDSPEC_PHASES, (_phase, phase) => ordered(phase as Mapping, BUILDSPEC_PHASE_KEYS));
      case "reports":
        return each(v, (report) => ordered(report as Mapping, BUILDSPEC_REPORT_KEYS));
      case "artifacts":
        return artifact(v);
      case "cache":
        return ordered(v as Mapping, BUILDSPEC_CACHE_KEYS);
      default:
        return v;
    }
  });
  return top;
}

/**
 * Whether a one-line string reads back as the same string under both YAML 1.1 and 1.2
 * when written plain. YAML 1.1 readers take `yes`, `on`, `0755`, `1:20` or `2024-01-01`
 * for booleans, numbers or dates; those strings are quoted.
 */
function plainIsUnambiguous(value: string): boolean {
  for (const version of ["1.1", "1.2"] as const) {
    try {
      if (YAML.parse(value, { version }) !== value) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Validates `spec` (throwing a `BuildSpecError`) and renders it as YAML:
 * `version: 0.2` first, then `run-as`, `env`, `phases` (install, pre_build, build,
 * post_build), `reports`, `artifacts` and `cache`. Keys the buildspec format defines are
 * written in that canonical order; names the user chooses (variables, runtimes, report
 * groups, secondary artifacts) keep the order given. Multi-line strings are written as
 * literal blocks, and strings a YAML 1.1 or 1.2 reader could take for something else
 * (`"yes"`, `"3.10"`, `"a: b"`) are quoted. Parsing the output gives the input back,
 * with `version` as the number 0.2.
 */
export function renderBuildSpec(spec: BuildSpec): string {
  validateBuildSpec(spec);
  const doc = new YAML.Document(canonical(spec));
  YAML.visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== "string" || node.value.includes("\n")) return;
      // Strings the writer already quotes or escapes are left to it.
      const writtenPlain = YAML.stringify(node.value, { lineWidth: 0 }) === `${node.value}\n`;
      if (writtenPlain && !plainIsUnambiguous(node.value)) node.type = YAML.Scalar.QUOTE_DOUBLE;
    },
  });
  return doc.toString({ lineWidth: 0, blockQuote: "literal", indentSeq: true });
}
