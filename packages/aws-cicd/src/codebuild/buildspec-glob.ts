/**
 * Glob patterns as buildspec `files`, `exclude-paths` and `cache.paths` use them, matched against
 * `/`-separated paths: `*` any characters in one path segment, `?` one character, `**` any number
 * of whole segments (including none; at the end, at least one), `[abc]`, `[a-z]` and `[!a-z]`
 * character classes. A `[` without a closing `]` is itself.
 *
 * Matching never backtracks: it runs the pattern as a set of states, once over the path's
 * segments and, within a segment, once over its characters, so its cost is at most
 * (path length) × (pattern length) steps whatever the pattern. Pure functions.
 */

/** One element of a segment pattern. */
export type GlobToken =
  | { kind: "any" } // `*`
  | { kind: "one" } // `?`
  | { kind: "char"; char: string }
  | { kind: "class"; negated: boolean; chars: string; ranges: [string, string][] };

/** One `/`-separated part of a pattern: `**`, or the tokens of one path segment. */
export type GlobSegment = { kind: "globstar" } | { kind: "tokens"; tokens: GlobToken[] };

/** A pattern ready to match. */
export interface CompiledGlob {
  readonly pattern: string;
  readonly segments: readonly GlobSegment[];
}

/** Thrown by {@link compileGlob} for a pattern it cannot read. */
export class GlobPatternError extends Error {
  constructor(
    readonly pattern: string,
    readonly reason: string,
  ) {
    super(`"${pattern}" is not a valid pattern: ${reason}.`);
    this.name = "GlobPatternError";
  }
}

/** Reads the class at `segment[start]` (a `[`); `undefined` when no `]` closes it. */
function readClass(pattern: string, segment: string, start: number): { token: GlobToken; end: number } | undefined {
  const end = segment.indexOf("]", start + 1);
  if (end === -1) return undefined;
  let body = segment.slice(start + 1, end);
  const negated = body.startsWith("!") || body.startsWith("^");
  if (negated) body = body.slice(1);
  if (body === "") throw new GlobPatternError(pattern, `the character class "${segment.slice(start, end + 1)}" is empty`);
  let chars = "";
  const ranges: [string, string][] = [];
  for (let i = 0; i < body.length; i++) {
    if (i + 2 < body.length && body[i + 1] === "-") {
      const [from, to] = [body[i], body[i + 2]];
      if (from > to) {
        throw new GlobPatternError(pattern, `the range "${from}-${to}" is reversed; write "${to}-${from}"`);
      }
      ranges.push([from, to]);
      i += 2;
    } else chars += body[i];
  }
  return { token: { kind: "class", negated, chars, ranges }, end };
}

function segmentTokens(pattern: string, segment: string): GlobToken[] {
  const tokens: GlobToken[] = [];
  for (let j = 0; j < segment.length; j++) {
    const c = segment[j];
    if (c === "*") {
      // `**` inside a segment (`a**b`) is the same as `*`.
      if (tokens[tokens.length - 1]?.kind !== "any") tokens.push({ kind: "any" });
    } else if (c === "?") tokens.push({ kind: "one" });
    else if (c === "[") {
      const cls = readClass(pattern, segment, j);
      if (cls) {
        tokens.push(cls.token);
        j = cls.end;
      } else tokens.push({ kind: "char", char: c });
    } else tokens.push({ kind: "char", char: c });
  }
  return tokens;
}

/** Compiles `pattern`; throws {@link GlobPatternError} for a reversed range or an empty class. */
export function compileGlob(pattern: string): CompiledGlob {
  const clean = pattern.replace(/^\.\//, "").replace(/\/+$/, "");
  const segments: GlobSegment[] = [];
  for (const part of clean.split("/")) {
    // `**/**` is the same as `**`: merging keeps the state set small.
    if (part === "**") {
      if (segments[segments.length - 1]?.kind !== "globstar") segments.push({ kind: "globstar" });
    } else segments.push({ kind: "tokens", tokens: segmentTokens(pattern, part) });
  }
  return { pattern, segments };
}

/** Why `pattern` cannot be used, or `undefined` when it can. */
export function globPatternProblem(pattern: string): string | undefined {
  try {
    compileGlob(pattern);
    return undefined;
  } catch (e) {
    if (e instanceof GlobPatternError) return e.reason;
    throw e;
  }
}

function tokenAccepts(t: GlobToken, c: string): boolean {
  switch (t.kind) {
    case "any":
    case "one":
      return true;
    case "char":
      return t.char === c;
    case "class": {
      const inside = t.chars.includes(c) || t.ranges.some(([from, to]) => from <= c && c <= to);
      return inside !== t.negated;
    }
  }
}

/** Whether one path segment (no `/`) matches `tokens`: a state-set simulation, linear in the segment. */
function segmentMatches(tokens: readonly GlobToken[], text: string): boolean {
  let states: Uint8Array = new Uint8Array(tokens.length + 1);
  const close = (s: Uint8Array): Uint8Array => {
    // A `*` may match nothing: reaching it also reaches the next token.
    for (let k = 0; k < tokens.length; k++) if (s[k] && tokens[k].kind === "any") s[k + 1] = 1;
    return s;
  };
  states[0] = 1;
  close(states);
  for (const c of text) {
    const next = new Uint8Array(tokens.length + 1);
    for (let k = 0; k < tokens.length; k++) {
      if (!states[k] || !tokenAccepts(tokens[k], c)) continue;
      if (tokens[k].kind === "any") next[k] = 1;
      else next[k + 1] = 1;
    }
    states = close(next);
  }
  return states[tokens.length] === 1;
}

/** Whether `relativePath` (`/`-separated) matches the compiled pattern. */
export function matchCompiledGlob(glob: CompiledGlob, relativePath: string): boolean {
  const segs = glob.segments;
  const last = segs.length - 1;
  // A trailing `**` needs at least one segment; elsewhere it may match none.
  const close = (s: Uint8Array): Uint8Array => {
    for (let i = 0; i < segs.length; i++) if (s[i] && segs[i].kind === "globstar" && i !== last) s[i + 1] = 1;
    return s;
  };
  let states: Uint8Array = new Uint8Array(segs.length + 1);
  states[0] = 1;
  close(states);
  for (const part of relativePath.split("/")) {
    const next = new Uint8Array(segs.length + 1);
    for (let i = 0; i < segs.length; i++) {
      if (!states[i]) continue;
      const seg = segs[i];
      if (seg.kind === "globstar") {
        if (part === "") continue;
        // `**` takes this segment and may take more. Reaching the segment after it matters only for a
        // trailing `**` (the accepting state): elsewhere `close` reaches it anyway.
        next[i] = next[i + 1] = 1;
      } else if (segmentMatches(seg.tokens, part)) next[i + 1] = 1;
    }
    states = close(next);
  }
  return states[segs.length] === 1;
}

/** Whether `relativePath` (`/`-separated) matches `pattern`; throws {@link GlobPatternError} for an invalid pattern. */
export function matchesGlob(relativePath: string, pattern: string): boolean {
  return matchCompiledGlob(compileGlob(pattern), relativePath);
}
