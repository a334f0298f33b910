/**
 * Small checks shared by the buildspec section validators. Each throws a
 * `BuildSpecError` naming the path, the received value and what is allowed.
 */
import {
  BuildSpecError,
  BuildSpecPathSegment,
  describeKind,
  describeValue,
  formatBuildSpecPath,
  orList,
  quotedOrList,
} from "./buildspec-error";
import { BuildSpecYesNo } from "./buildspec-types";

/** A position in the buildspec being validated. */
export class SpecPath {
  constructor(
    readonly root: string,
    readonly segments: readonly BuildSpecPathSegment[] = [],
  ) {}

  /** The path one or more steps further down. */
  at(...more: BuildSpecPathSegment[]): SpecPath {
    return new SpecPath(this.root, [...this.segments, ...more]);
  }

  /** The path as the user reads it: `buildSpec.phases.build.commands[2]`. */
  get text(): string {
    return formatBuildSpecPath(this.root, this.segments);
  }

  /** Throws "`<path>` <rest>". */
  fail(rest: string): never {
    throw new BuildSpecError(`\`${this.text}\` ${rest}`, this.text, this.segments);
  }
}

/** A plain object (not a list, not null). */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Checks that `value` is a mapping and returns it. */
export function expectMapping(p: SpecPath, value: unknown): Record<string, unknown> {
  if (!isMapping(value)) p.fail(`must be a mapping, got ${describeKind(value)}.`);
  return value;
}

/** Checks that every key of `obj` is in `allowed`; `what` names the section ("a phase key"). */
export function expectKnownKeys(p: SpecPath, obj: Record<string, unknown>, allowed: readonly string[], what: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) p.at(key).fail(`is not ${what}; use ${orList(allowed)}.`);
  }
}

/** Checks a required key is present. */
export function expectPresent(p: SpecPath, obj: Record<string, unknown>, key: string, hint: string): unknown {
  if (obj[key] === undefined) p.at(key).fail(`is missing; ${hint}`);
  return obj[key];
}

/** A string with at least one non-blank character. */
export function expectNonEmptyString(p: SpecPath, value: unknown, what = "a non-empty string"): string {
  if (typeof value !== "string") p.fail(`must be ${what}, got ${describeKind(value)}.`);
  if (value.trim() === "") p.fail(`must be ${what}, got ${describeValue(value)}.`);
  return value;
}

/**
 * A non-empty list of non-blank strings (`commands`, `files`, `paths`...).
 * `emptyHint` completes "must not be empty; ...".
 */
export function expectStringList(p: SpecPath, value: unknown, emptyHint: string): string[] {
  if (!Array.isArray(value)) p.fail(`must be a list of strings, got ${describeKind(value)}.`);
  if (value.length === 0) p.fail(`must not be empty, got []; ${emptyHint}`);
  value.forEach((item, i) => {
    if (typeof item !== "string") p.at(i).fail(`must be a string, got ${describeKind(item)}.`);
    if (item.trim() === "") p.at(i).fail(`must not be blank, got ${describeValue(item)}; remove the item or fill it in.`);
  });
  return value as string[];
}

/** One of a fixed set of strings. */
export function expectOneOf<T extends string>(p: SpecPath, value: unknown, allowed: readonly T[]): T {
  // Only a string can be one of `allowed`.
  if (!(allowed as readonly unknown[]).includes(value)) {
    p.fail(`must be ${quotedOrList(allowed)}, got ${describeValue(value)}.`);
  }
  return value as T;
}

/** `"yes"` or `"no"`, as buildspec flags are written. */
export function expectYesNo(p: SpecPath, value: unknown): BuildSpecYesNo {
  return expectOneOf(p, value, Object.values(BuildSpecYesNo));
}

/** Checks `value` when it is present (not `undefined`). */
export function optional(obj: Record<string, unknown>, key: string, check: (value: unknown) => void): void {
  if (obj[key] !== undefined) check(obj[key]);
}
