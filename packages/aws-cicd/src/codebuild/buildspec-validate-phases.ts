/**
 * Validation of the buildspec `phases` section.
 */
import {
  SpecPath,
  expectKnownKeys,
  expectMapping,
  expectNonEmptyString,
  expectOneOf,
  expectStringList,
  optional,
} from "./buildspec-checks";
import { describeKind, describeValue, orList } from "./buildspec-error";
import { BUILDSPEC_PHASES, BuildSpecOnFailure, BuildSpecPhaseName } from "./buildspec-types";

/** Keys of a phase, in the order they are rendered (`runtime-versions` only in `install`). */
export const BUILDSPEC_PHASE_KEYS = ["run-as", "on-failure", "runtime-versions", "commands", "finally"] as const;

/** What a failing command does to the phase. */
export const BUILDSPEC_ON_FAILURE: readonly BuildSpecOnFailure[] = Object.values(BuildSpecOnFailure);

/** A Linux user name for `run-as`. */
export const RUN_AS_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]{0,31}$/;

/** Validates a `run-as` user name (top level or in a phase). */
export function validateRunAs(p: SpecPath, value: unknown): void {
  const user = expectNonEmptyString(p, value, "a Linux user name");
  if (!RUN_AS_PATTERN.test(user)) {
    p.fail(
      `must be a Linux user name (up to 32 letters, digits, "_", "." or "-", not starting with a digit, "." or "-"), got ${describeValue(user)}.`,
    );
  }
}

/** Validates `phases`: at least one known phase, each with commands. */
export function validatePhases(p: SpecPath, value: unknown): void {
  const phases = expectMapping(p, value);
  for (const name of Object.keys(phases)) {
    if (!(BUILDSPEC_PHASES as readonly string[]).includes(name)) {
      p.at(name).fail(`is not a buildspec phase; use ${orList(BUILDSPEC_PHASES)}.`);
    }
  }
  const present = BUILDSPEC_PHASES.filter((name) => phases[name] !== undefined);
  if (present.length === 0) p.fail(`must not be empty; add at least one of ${orList(BUILDSPEC_PHASES)} with \`commands\`.`);
  for (const name of present) validatePhase(p.at(name), name, phases[name]);
}

function validatePhase(p: SpecPath, name: BuildSpecPhaseName, value: unknown): void {
  if (value === null) p.fail("is empty; give it `commands` or remove it.");
  const phase = expectMapping(p, value);
  if (name !== "install" && phase["runtime-versions"] !== undefined) {
    p.at("runtime-versions").fail("is only allowed in the install phase; move it to `phases.install`.");
  }
  const allowed = BUILDSPEC_PHASE_KEYS.filter((k) => name === "install" || k !== "runtime-versions");
  expectKnownKeys(p, phase, allowed, "a phase key");
  optional(phase, "run-as", (v) => validateRunAs(p.at("run-as"), v));
  optional(phase, "on-failure", (v) => expectOneOf(p.at("on-failure"), v, BUILDSPEC_ON_FAILURE));
  optional(phase, "runtime-versions", (v) => validateRuntimeVersions(p.at("runtime-versions"), v));
  optional(phase, "commands", (v) => expectStringList(p.at("commands"), v, "list at least one command or remove `commands`."));
  optional(phase, "finally", (v) => expectStringList(p.at("finally"), v, "list at least one command or remove `finally`."));
  if (phase.commands === undefined) {
    if (phase.finally !== undefined) {
      p.at("finally").fail(
        "needs `commands` in the same phase, since it runs after them; add `commands` or rename `finally` to `commands`.",
      );
    }
    // An install phase may only select runtimes.
    if (phase["runtime-versions"] === undefined) p.fail("has no `commands`; add at least one command or remove the phase.");
  }
}

/** `runtime-versions`: runtime name to a version string or number (`nodejs: 22`, `python: "3.12"`). */
function validateRuntimeVersions(p: SpecPath, value: unknown): void {
  const runtimes = expectMapping(p, value);
  if (Object.keys(runtimes).length === 0) p.fail("must not be empty; name at least one runtime, e.g. `nodejs: 22`, or remove it.");
  for (const [runtime, version] of Object.entries(runtimes)) {
    const ok = (typeof version === "string" && version.trim() !== "") || (Number.isFinite(version) && (version as number) >= 0);
    if (!ok) {
      const got = typeof version === "string" ? describeValue(version) : describeKind(version);
      p.at(runtime).fail(`must be a version string or number such as 22, "3.12" or "latest", got ${got}.`);
    }
  }
}
