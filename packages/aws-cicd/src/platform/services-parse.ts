/**
 * `parseServicesFile`: reads a services file (YAML) and validates it. Every problem is a
 * {@link ServicesFileError} whose message starts with `<file>:<line>:<column>: <path>: `.
 */
import * as fs from "fs";
import * as YAML from "yaml";
import { offsetOf } from "../internal/yaml-positions";
import { checkServicesFile, formatServicesPath, ServicesFileProblem, ServicesPath } from "./services-check";
import type { PresetDefinition } from "./service-fleet-args";
import { ServicesFile } from "./services-types";

/** Largest services file read (a guard, far above 500 services). */
export const MAX_SERVICES_FILE_LENGTH = 2_000_000;

/** A problem of a services file, with where it is. */
export class ServicesFileError extends Error {
  constructor(
    message: string,
    /** The file name given to the parser. */
    readonly file: string,
    /** 1-based line and column. */
    readonly line: number,
    readonly column: number,
    /** The path of the field, such as `services[3].name`. */
    readonly path: string,
  ) {
    super(message);
    this.name = "ServicesFileError";
  }
}

function errorAt(file: string, counter: YAML.LineCounter, offset: number, path: ServicesPath, detail: string): ServicesFileError {
  const { line, col } = counter.linePos(offset);
  const where = formatServicesPath(path);
  return new ServicesFileError(`${file}:${line}:${col}: ${path.length ? `${where}: ` : ""}${detail}`, file, line, col, where);
}

/**
 * Parses and validates a services file. Nothing is created from a file that fails: callers
 * (`ServiceFleet`) parse before any resource.
 * @param text the YAML text.
 * @param file the name used in messages.
 * @param more further checks of the valid file (a {@link ServicesFileProblem} they throw is positioned too).
 * @param presets the preset versions the program gives (see `ServiceFleetArgs.presets`).
 */
export function parseServicesFile(
  text: string,
  file: string = "services.yml",
  more: (services: ServicesFile) => void = () => undefined,
  presets: readonly PresetDefinition[] = [],
): ServicesFile {
  const counter = new YAML.LineCounter();
  if (text.length > MAX_SERVICES_FILE_LENGTH)
    throw new ServicesFileError(
      `${file}:1:1: the file has ${text.length} characters; at most ${MAX_SERVICES_FILE_LENGTH} are read.`,
      file,
      1,
      1,
      "(file)",
    );
  const doc = YAML.parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const text =
      problem.code === "DUPLICATE_KEY" ? "a key appears twice in one mapping; keep one" : problem.message.trim().replace(/[.:]$/, "");
    throw errorAt(file, counter, problem.pos[0], [], `YAML syntax error: ${text}.`);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw errorAt(file, counter, 0, [], `cannot read the YAML: ${(e as Error).message}.`);
  }
  try {
    const services = checkServicesFile(value, presets);
    more(services);
    return services;
  } catch (e) {
    if (e instanceof ServicesFileProblem) throw errorAt(file, counter, offsetOf(doc, e.path), e.path, e.detail);
    throw e;
  }
}

/** Reads `path` and parses it (the path is the file name in messages). */
export function readServicesFile(
  path: string,
  more?: (services: ServicesFile) => void,
  presets: readonly PresetDefinition[] = [],
): ServicesFile {
  let text: string;
  try {
    text = fs.readFileSync(path, "utf8");
  } catch (e) {
    throw new Error(`Cannot read the services file ${path}: ${(e as Error).message}`, { cause: e });
  }
  return parseServicesFile(text, path, more, presets);
}
