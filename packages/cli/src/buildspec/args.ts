/**
 * A small command-line option parser for the `aws-cicd buildspec` commands: `--name value`,
 * `--name=value`, boolean `--flag`, repeatable options, and positional arguments.
 */

/** Thrown for a command line the command cannot use; the CLI prints it and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** How a command's options are read. */
export interface OptionSpec {
  /** Options that take a value (`--out DIR`). */
  values: readonly string[];
  /** Options that take no value (`--json`). */
  flags?: readonly string[];
  /** Options that may be given more than once (each value kept). */
  repeatable?: readonly string[];
}

/** The parsed command line. */
export interface ParsedArgs {
  positionals: string[];
  /** Last value of each value option. */
  values: Record<string, string>;
  /** Every value of each repeatable option, in order. */
  lists: Record<string, string[]>;
  flags: Set<string>;
}

/** Parses `argv` (the arguments after the command name) against `spec`. */
export function parseArgs(argv: readonly string[], spec: OptionSpec): ParsedArgs {
  const out: ParsedArgs = { positionals: [], values: {}, lists: {}, flags: new Set() };
  const known = [...spec.values, ...(spec.flags ?? [])].map((n) => `--${n}`);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("--") || arg === "-") {
      out.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = (eq === -1 ? arg : arg.slice(0, eq)).slice(2);
    if (spec.flags?.includes(name)) {
      if (eq !== -1) throw new UsageError(`\`--${name}\` takes no value, got "${arg.slice(eq + 1)}".`);
      out.flags.add(name);
      continue;
    }
    if (!spec.values.includes(name)) {
      throw new UsageError(`Unknown option \`--${name}\`; the options are ${known.join(", ")}.`);
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length) value = argv[++i];
    if (value === undefined) throw new UsageError(`\`--${name}\` needs a value.`);
    out.values[name] = value;
    (out.lists[name] ??= []).push(value);
    if (!spec.repeatable?.includes(name) && out.lists[name].length > 1) {
      throw new UsageError(`\`--${name}\` was given more than once; give it once.`);
    }
  }
  return out;
}

/** Where a command writes; tests collect the text, the CLI writes to the process streams. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Directory relative paths are read from. */
  cwd: string;
  /** Environment the command reads (`AWS_CICD_PARAM_*`, PATH for the shell). */
  env: Record<string, string | undefined>;
}

/** The real process's streams, directory and environment. */
export function processIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
  };
}

/** Exit codes shared by the buildspec commands. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
