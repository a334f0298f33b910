import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const SRC = path.join(ROOT, "packages", "aws-cicd", "src");
const BUILT = path.join(ROOT, "packages", "aws-cicd", "dist", "index.js");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Builds packages/aws-cicd unless its dist/ is newer than every source file (`npm test` builds
 * it first, so the specs that run the built package only build when run on their own).
 */
export function ensureLibraryBuilt(): void {
  if (fs.existsSync(BUILT) && fs.statSync(BUILT).mtimeMs >= newestMtime(SRC)) return;
  execFileSync("npm", ["run", "build", "--workspace", "aws-cicd"], { cwd: ROOT, stdio: "ignore" });
}
