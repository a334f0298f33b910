/**
 * `aws-cicd buildspec validate [FILE]`: checks a buildspec with the same validator
 * `BuildProject` uses (`parseBuildSpec`), printing `file:line:column: message` for YAML files.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  BuildSpec,
  BuildSpecError,
  checkBuildSpecCommands,
  DEFAULT_BUILDSPEC_FILE_NAME,
  MAX_BUILDSPEC_LENGTH,
  MAX_BUILDSPEC_NESTING,
  parseBuildSpec,
} from "aws-cicd/buildspec";
import { CliIo, EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError, parseArgs } from "./args";

export const VALIDATE_USAGE = `Usage: aws-cicd buildspec validate [FILE]

Checks a buildspec (YAML, or JSON) against buildspec version 0.2 with the validator
BuildProject uses. Problems are printed as FILE:LINE:COLUMN: message. Also refused: a file
without \`version\`, longer than CodeBuild's ${MAX_BUILDSPEC_LENGTH} characters, nested more than
${MAX_BUILDSPEC_NESTING} levels, with a pattern that cannot match (such as the range [z-a]), or
with a credential (a token, key or password-bearing URL) in a command.

  FILE   the buildspec; default ${DEFAULT_BUILDSPEC_FILE_NAME} in the current directory.

Exit codes: 0 valid, 1 invalid, 2 usage or read error.
`;

/** Reads and parses a buildspec file; `UsageError` when it cannot be read, `BuildSpecError` when invalid. */
export function readBuildSpecFile(file: string, cwd: string): { spec: BuildSpec; absolute: string; shown: string } {
  const absolute = path.resolve(cwd, file);
  let text: string;
  try {
    const stat = fs.statSync(absolute);
    if (stat.isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
    // A device or pipe (/dev/zero) could be read forever.
    if (!stat.isFile()) throw Object.assign(new Error("special"), { code: "ESPECIAL" });
    // Every character is at most 4 bytes of UTF-8: a longer file cannot be within the limit, so it is not read.
    if (stat.size > MAX_BUILDSPEC_LENGTH * 4) {
      throw new BuildSpecError(
        `${file}:1:1: The buildspec is ${stat.size} bytes long; CodeBuild accepts at most ${MAX_BUILDSPEC_LENGTH} characters. Move long command lists into scripts in the source and run those.`,
        "buildSpec",
        [],
        { file, line: 1, column: 1 },
      );
    }
    text = fs.readFileSync(absolute, "utf8");
  } catch (e) {
    if (e instanceof BuildSpecError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a directory"
          : code === "ESPECIAL"
            ? "it is not a regular file"
            : (e as Error).message;
    throw new UsageError(`Cannot read buildspec \`${file}\`: ${reason}. Give the path of a buildspec.yml as FILE.`);
  }
  return { spec: parseBuildSpec(text, file), absolute, shown: file };
}

/** Runs `buildspec validate` with the arguments after `validate`; returns the exit code. */
export function validateCommand(argv: readonly string[], io: CliIo): number {
  try {
    const args = parseArgs(argv, { values: [], flags: ["help"] });
    if (args.flags.has("help")) {
      io.stdout(VALIDATE_USAGE);
      return EXIT_OK;
    }
    if (args.positionals.length > 1) {
      throw new UsageError(`\`buildspec validate\` takes one FILE, got ${args.positionals.length}: ${args.positionals.join(" ")}.`);
    }
    const file = args.positionals[0] ?? DEFAULT_BUILDSPEC_FILE_NAME;
    const { spec } = readBuildSpecFile(file, io.cwd);
    try {
      // Commands are stored and shown in plain text: a credential in one is refused, as BuildProject does.
      checkBuildSpecCommands(spec, "buildspec");
    } catch (e) {
      io.stderr(`${file}: ${(e as Error).message}\n`);
      return EXIT_FAILED;
    }
    io.stdout(`${file}: valid buildspec.\n`);
    return EXIT_OK;
  } catch (e) {
    if (e instanceof BuildSpecError) {
      io.stderr(`${e.message}\n`);
      return EXIT_FAILED;
    }
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n\n${VALIDATE_USAGE}`);
      return EXIT_USAGE;
    }
    throw e;
  }
}
