/** Helpers for the `aws-cicd buildspec` specs: temp source dirs and a collecting CliIo. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CliIo } from "../../packages/cli/src/buildspec";

export const PAGE = "<html><body><h1>Congratulations</h1></body></html>\n";

/** A temp source directory holding `files` (path to content). */
export function tempSource(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aws-cicd-bs-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** A CliIo that collects output, reading from `cwd`, with a clean environment plus `env`. */
export function collectingIo(cwd: string, env: Record<string, string> = {}): CliIo & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdout(t: string) {
      io.out += t;
    },
    stderr(t: string) {
      io.err += t;
    },
  };
  return io;
}
