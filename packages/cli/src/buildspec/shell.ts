/**
 * One shell for the whole build. Since buildspec version 0.2 CodeBuild runs every command
 * of a build in the same shell instance, so `cd`, `export` and shell variables carry over
 * from one command and one phase to the next
 * (https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html).
 *
 * How: the shell runs a small read loop. For each command the runner writes the command
 * to a file in a private temporary directory and sends its path on the shell's stdin; the
 * loop sources the file (`.`, so state persists) with stdin from /dev/null, then prints a
 * marker carrying `$?` on both stdout and stderr. The runner strips the markers from the
 * output and reports the exit code once both have arrived, so a command's output is
 * complete before the next command starts. A command that exits the shell (`exit 1`)
 * fails with that code; the next command then gets a fresh shell in the source directory
 * with the build environment (its earlier `cd` and `export`s are lost, and a note says so).
 */
import { ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/** How to start the shell process: a local shell, or `docker run` (see docker.ts). */
export interface ShellLauncher {
  command: string;
  args: string[];
  /** Environment of the started process. */
  env: Record<string, string>;
  cwd: string;
}

/** The loop the shell runs; `marker` is a random token that cannot appear by chance. */
export function shellLoop(marker: string): string {
  return [
    "while IFS= read -r __aws_cicd_cmd; do",
    '  . "$__aws_cicd_cmd" </dev/null',
    "  __aws_cicd_rc=$?",
    `  printf '${marker}%s\\n' "$__aws_cicd_rc"`,
    `  printf '${marker}%s\\n' "$__aws_cicd_rc" >&2`,
    "done",
  ].join("\n");
}

/** Strips markers out of a stream's text, forwarding the rest and reporting each marker's exit code. */
export class MarkerFilter {
  private buffer = "";
  constructor(
    private readonly marker: string,
    private readonly forward: (text: string) => void,
    private readonly onMarker: (exitCode: number) => void,
  ) {}

  push(text: string): void {
    this.buffer += text;
    for (;;) {
      const at = this.buffer.indexOf(this.marker);
      if (at === -1) {
        let keep = Math.min(this.marker.length - 1, this.buffer.length);
        while (keep > 0 && !this.marker.startsWith(this.buffer.slice(this.buffer.length - keep))) keep--;
        this.emit(this.buffer.slice(0, this.buffer.length - keep));
        this.buffer = this.buffer.slice(this.buffer.length - keep);
        return;
      }
      const nl = this.buffer.indexOf("\n", at);
      if (nl === -1) {
        this.emit(this.buffer.slice(0, at));
        this.buffer = this.buffer.slice(at);
        return;
      }
      this.emit(this.buffer.slice(0, at));
      const code = Number.parseInt(this.buffer.slice(at + this.marker.length, nl), 10);
      this.buffer = this.buffer.slice(nl + 1);
      this.onMarker(Number.isNaN(code) ? 1 : code);
    }
  }

  /** Forwards whatever is held back (at the end of the stream). */
  flush(): void {
    this.emit(this.buffer);
    this.buffer = "";
  }

  private emit(text: string): void {
    if (text) this.forward(text);
  }
}

/** Where the shell's output goes. */
export interface ShellOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A build's shell; start it lazily with `run`, end it with `close`. */
export class ShellSession {
  private readonly marker = `__AWS_CICD_${randomBytes(8).toString("hex")}__RC=`;
  private readonly dir: string;
  private child?: ChildProcess;
  private count = 0;
  private pending?: { seen: number; code: number; resolve: (code: number) => void };
  private filters: MarkerFilter[] = [];
  /** Set when a command ended the shell, so the next command starts a new one. */
  restarted = 0;

  constructor(
    private readonly launch: (loop: string) => ShellLauncher,
    private readonly output: ShellOutput,
    tempRoot: string,
  ) {
    this.dir = fs.mkdtempSync(path.join(tempRoot, "aws-cicd-shell-"));
  }

  /** The private directory the command files are written to (mounted into a container). */
  get commandDir(): string {
    return this.dir;
  }

  private start(): ChildProcess {
    const l = this.launch(shellLoop(this.marker));
    const child = spawn(l.command, l.args, { cwd: l.cwd, env: l.env, stdio: ["pipe", "pipe", "pipe"] });
    const settle = (code: number): void => {
      const p = this.pending;
      if (p && ++p.seen === 2) {
        this.pending = undefined;
        p.resolve(code);
      }
    };
    const out = new MarkerFilter(this.marker, (t) => this.output.stdout(t), settle);
    const err = new MarkerFilter(this.marker, (t) => this.output.stderr(t), settle);
    this.filters = [out, err];
    child.stdout!.setEncoding("utf8").on("data", (t: string) => out.push(t));
    child.stderr!.setEncoding("utf8").on("data", (t: string) => err.push(t));
    child.stdin!.on("error", () => undefined);
    const died = (code: number): void => {
      if (this.child !== child) return;
      this.child = undefined;
      out.flush();
      err.flush();
      const p = this.pending;
      if (p) {
        this.pending = undefined;
        p.resolve(code === 0 ? 0 : code);
      }
    };
    child.on("error", (e) => {
      this.output.stderr(`Cannot start the build shell \`${l.command}\`: ${e.message}\n`);
      died(127);
    });
    child.on("exit", (code, signal) => died(code ?? (signal ? 128 : 1)));
    this.child = child;
    return child;
  }

  /** Runs one command in the shell and resolves to its exit code. */
  run(command: string): Promise<number> {
    if (this.count > 0 && !this.child) this.restarted++;
    const child = this.child ?? this.start();
    const file = path.join(this.dir, `command-${++this.count}.sh`);
    fs.writeFileSync(file, `${command}\n`, { mode: 0o600 });
    return new Promise((resolve) => {
      this.pending = { seen: 0, code: 0, resolve };
      child.stdin!.write(`${file}\n`);
    });
  }

  /** Ends the shell (closing its stdin ends the loop) and removes the command files. */
  async close(): Promise<void> {
    const child = this.child;
    if (child) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.stdin!.end();
      await exited;
    }
    for (const f of this.filters) f.flush();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
