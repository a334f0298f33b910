/**
 * The error every buildspec check throws, and the helpers that write its messages.
 */

/** One step of a path into a buildspec: a mapping key or a list index. */
export type BuildSpecPathSegment = string | number;

/** Where a parsed buildspec problem sits in its file (1-based line and column). */
export interface BuildSpecLocation {
  /** File name, as given to the parser. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

/** A key that can follow a dot in a path; anything else is written `["..."]`. */
const DOTTED_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Writes `root` followed by `segments`: `buildSpec.phases.build.commands[2]`. */
export function formatBuildSpecPath(root: string, segments: readonly BuildSpecPathSegment[]): string {
  let out = root;
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else if (DOTTED_KEY.test(s)) out += `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/**
 * A buildspec problem. `path` names the offending node as the user wrote it
 * (`buildSpec.phases.build.commands[2]`); `segments` is the same path as keys and
 * indexes below the root, which `parseBuildSpec` uses to find the YAML line.
 */
export class BuildSpecError extends Error {
  /** The offending node, e.g. `buildSpec.phases.build.commands[2]`. */
  readonly path: string;
  /** Keys and list indexes from the root to the offending node. */
  readonly segments: readonly BuildSpecPathSegment[];
  /** File position, set by `parseBuildSpec`. */
  readonly location?: BuildSpecLocation;

  constructor(message: string, path: string, segments: readonly BuildSpecPathSegment[] = [], location?: BuildSpecLocation) {
    super(message);
    this.name = "BuildSpecError";
    this.path = path;
    this.segments = segments;
    if (location) this.location = location;
  }
}

/**
 * Describes a received value for a message: strings and numbers are quoted
 * as written, structures by kind (`a list`, `a mapping`).
 */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
    case "boolean":
      return String(value);
    case "object":
      return "a mapping";
    default:
      return `a ${typeof value}`;
  }
}

/** Describes only the kind of a value: `a string`, `a number`, `a list`. */
export function describeKind(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  switch (typeof value) {
    case "string":
      return "a string";
    case "number":
      return `the number ${value}`;
    case "boolean":
      return `the boolean ${value}`;
    case "object":
      return "a mapping";
    default:
      return `a ${typeof value}`;
  }
}

/** `a, b or c`. */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/** Quoted `orList`: `"a", "b" or "c"`. */
export function quotedOrList(items: readonly string[]): string {
  return orList(items.map((i) => JSON.stringify(i)));
}
