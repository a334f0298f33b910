import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "packages", "cli", "bin", "aws-cicd.js");

/** One finished CLI run. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI in a child process (the Pulumi runtime is global and this process already has
 * the test mocks installed). Needs `npm run build` first (`npm test` does it).
 */
export function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  if (!fs.existsSync(path.join(ROOT, "packages", "cli", "dist", "main.js"))) {
    throw new Error("packages/cli/dist is missing; run `npm run build` first.");
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A throwaway Pulumi project (Pulumi.yaml + index.ts) whose modules resolve from the workspace. */
export function tempProgram(name: string, source: string): { dir: string; env: Record<string, string> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `aws-cicd-synth-${name}-`));
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: ${name}\nruntime: nodejs\n`);
  fs.writeFileSync(path.join(dir, "index.ts"), source);
  return { dir, env: { NODE_PATH: path.join(ROOT, "node_modules") } };
}
