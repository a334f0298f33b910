/**
 * The `aws-cicd` command line: `aws-cicd <command> [arguments]`.
 *
 * Each command is a function taking the arguments after its name and the process's
 * streams, resolving to the exit code. Register a command by adding it to `COMMANDS`.
 */
import { buildspecCommand } from "./buildspec";
import { CliIo, processIo } from "./buildspec/args";
import { diffCommand } from "./diff";
import { synthCommand } from "./synth";

/** A command: the arguments after its name, the streams; resolves to the exit code. */
export type CommandHandler = (argv: readonly string[], io: CliIo) => number | Promise<number>;

/** Registered commands with a one-line summary for the help text. */
export const COMMANDS: Record<string, { summary: string; run: CommandHandler }> = {
  buildspec: { summary: "validate|run a buildspec locally", run: buildspecCommand },
  synth: { summary: "run a Pulumi program under mocks and report resources, IAM roles, pipelines, policy findings", run: synthCommand },
  diff: { summary: "compare the IAM permissions of two `synth --json` reports", run: diffCommand },
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`);
  return `Usage: aws-cicd <command> [arguments]\n\nCommands:\n${lines.join("\n")}\n\nRun \`aws-cicd <command> --help\` for a command's arguments.\n`;
}

/** Runs `aws-cicd` with `argv` (the arguments after the program name); resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? io.stderr : io.stdout)(usage());
    return name === undefined ? 2 : 0;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`Unknown command "${name}"; the commands are ${Object.keys(COMMANDS).join(", ")}.\n\n${usage()}`);
    return 2;
  }
  return command.run(rest, io);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`aws-cicd: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
