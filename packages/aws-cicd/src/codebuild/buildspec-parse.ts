/**
 * `parseBuildSpec`: reads a `buildspec.yml` and validates it, reporting problems as
 * `file:line:column: message`.
 */
import * as YAML from "yaml";
import { keyText, offsetOf } from "../internal/yaml-positions";
import { BuildSpecError, BuildSpecPathSegment, formatBuildSpecPath } from "./buildspec-error";
import { MAX_BUILDSPEC_LENGTH, MAX_BUILDSPEC_NESTING, tooDeepOffset } from "./buildspec-limits";
import { BuildSpec } from "./buildspec-types";
import { BUILDSPEC_VERSION, validateBuildSpec } from "./buildspec-validate";

/** The file name used in messages when none is given. */
export const DEFAULT_BUILDSPEC_FILE_NAME = "buildspec.yml";

/** The root path `parseBuildSpec` names the document with. */
const ROOT = "buildSpec";

/** Anchors and aliases may not expand into more nodes than this (a guard against alias bombs). */
const MAX_ALIAS_COUNT = 100;

function errorAt(
  fileName: string,
  lineCounter: YAML.LineCounter,
  offset: number,
  message: string,
  segments: readonly BuildSpecPathSegment[] = [],
): BuildSpecError {
  const { line, col } = lineCounter.linePos(offset);
  return new BuildSpecError(`${fileName}:${line}:${col}: ${message}`, formatBuildSpecPath(ROOT, segments), segments, {
    file: fileName,
    line,
    column: col,
  });
}

/** Sentence-cases a YAML library message and ends it with a period. */
function sentence(message: string): string {
  const text = message.trim().replace(/[.:]$/, "");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** The YAML library's message, reworded where a buildspec author needs a hint. */
function yamlProblemText(problem: YAML.YAMLError): string {
  switch (problem.code) {
    case "MULTIPLE_DOCS":
      return "a buildspec is a single YAML document; remove the extra `---` document";
    case "TAG_RESOLVE_FAILED":
      return `${problem.message.replace(/:? *(!\S*)$/, " $1")}; buildspecs do not use YAML tags such as CloudFormation's !Ref, so write the value itself`;
    default:
      return problem.message;
  }
}

/**
 * YAML reads `python: 3.10` as the number 3.1. CodeBuild would then install the wrong
 * runtime, so a runtime version written as a number that does not read back as written
 * is refused with a request to quote it.
 */
function checkRuntimeVersionsAsWritten(doc: YAML.Document): readonly BuildSpecPathSegment[] | undefined {
  const runtimes = doc.getIn(["phases", "install", "runtime-versions"], true);
  if (!YAML.isMap(runtimes)) return undefined;
  for (const pair of runtimes.items) {
    const value = pair.value;
    if (YAML.isScalar(value) && typeof value.value === "number" && value.source !== undefined && value.source !== String(value.value)) {
      return ["phases", "install", "runtime-versions", keyText(pair.key) ?? ""];
    }
  }
  return undefined;
}

/**
 * Parses buildspec YAML and validates it with `validateBuildSpec`. Every problem is a
 * `BuildSpecError` whose message starts with `<fileName>:<line>:<column>: ` (1-based):
 * YAML syntax errors and unresolved tags or aliases at the offending character, validation
 * problems at the key (or list item) the error's path names, or at the closest enclosing
 * node when the key is missing. The returned buildspec keeps `version` as YAML read it
 * (the number 0.2 for `version: 0.2`).
 *
 * @param text the YAML text.
 * @param fileName the name used in messages; "buildspec.yml" when not given.
 */
export function parseBuildSpec(text: string, fileName: string = DEFAULT_BUILDSPEC_FILE_NAME): BuildSpec {
  const lineCounter = new YAML.LineCounter();
  if (text.length > MAX_BUILDSPEC_LENGTH) {
    throw new BuildSpecError(
      `${fileName}:1:1: The buildspec is ${text.length} characters long; CodeBuild accepts at most ${MAX_BUILDSPEC_LENGTH}. Move long command lists into scripts in the source and run those.`,
      ROOT,
      [],
      { file: fileName, line: 1, column: 1 },
    );
  }
  const deep = tooDeepOffset(text);
  if (deep !== undefined) {
    const before = text.slice(0, deep);
    const line = before.split("\n").length;
    const column = deep - before.lastIndexOf("\n");
    throw new BuildSpecError(
      `${fileName}:${line}:${column}: The buildspec nests lists and mappings more than ${MAX_BUILDSPEC_NESTING} levels deep; a buildspec needs a few. Flatten the structure.`,
      ROOT,
      [],
      { file: fileName, line, column },
    );
  }
  const doc = YAML.parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    throw errorAt(fileName, lineCounter, problem.pos[0], `YAML syntax error: ${sentence(yamlProblemText(problem))}`);
  }
  let unresolved: YAML.Alias | undefined;
  YAML.visit(doc, {
    Alias(_key, node) {
      if (node.resolve(doc) === undefined) {
        unresolved = node;
        return YAML.visit.BREAK;
      }
      return undefined;
    },
  });
  if (unresolved) {
    const offset = unresolved.range ? unresolved.range[0] : 0;
    throw errorAt(
      fileName,
      lineCounter,
      offset,
      `YAML syntax error: Alias *${unresolved.source} has no anchor before it; define &${unresolved.source} first.`,
    );
  }
  let spec: unknown;
  try {
    spec = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    throw errorAt(fileName, lineCounter, 0, `YAML syntax error: ${sentence((e as Error).message)}`);
  }
  if (typeof spec === "object" && spec !== null && !Array.isArray(spec) && !("version" in spec)) {
    throw errorAt(
      fileName,
      lineCounter,
      offsetOf(doc, []),
      `\`${ROOT}.version\` is missing; a buildspec file starts with \`version: ${BUILDSPEC_VERSION}\`, and CodeBuild refuses one without it.`,
      ["version"],
    );
  }
  try {
    validateBuildSpec(spec, ROOT);
  } catch (e) {
    if (!(e instanceof BuildSpecError)) throw e;
    throw errorAt(fileName, lineCounter, offsetOf(doc, e.segments), e.message, e.segments);
  }
  const asWritten = checkRuntimeVersionsAsWritten(doc);
  if (asWritten) {
    const node = doc.getIn(asWritten, true) as YAML.Scalar;
    const path = formatBuildSpecPath(ROOT, asWritten);
    throw errorAt(
      fileName,
      lineCounter,
      offsetOf(doc, asWritten),
      `\`${path}\` is written ${node.source} but YAML reads it as the number ${String(node.value)}; quote it ("${node.source}") to keep the version as written.`,
      asWritten,
    );
  }
  return spec;
}
