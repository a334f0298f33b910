// `npm run mutation`: mutation testing of the security-critical code (issue 17).
// 1. builds packages/aws-cicd if its dist/ is stale (the policy-pack rules import `aws-cicd/checks`);
// 2. runs StrykerJS with stryker.config.mjs; extra arguments go to `stryker run`
//    (`npm run mutation -- --mutate packages/aws-cicd/src/internal/arns.ts`);
// 3. writes the summary from reports/mutation/mutation.json: test/MUTATION.md after a full run,
//    reports/mutation/MUTATION.md after a run with extra arguments (a partial run never replaces
//    the committed summary);
// 4. exits 1 if a file scores below MUTATION_THRESHOLD.
// `npm run mutation -- --summary-only` skips 1 and 2 and rewrites test/MUTATION.md from the last report.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ensureLibraryBuilt } from "../harness/build";
import { belowThreshold, fileScores, formatScore, MUTATION_THRESHOLD, MutationReport, mutationScore, renderSummary } from "./summary";

const ROOT = path.resolve(__dirname, "..", "..");
const REPORT = path.join(ROOT, "reports", "mutation", "mutation.json");
const COMMITTED_SUMMARY = path.join(ROOT, "test", "MUTATION.md");
const PARTIAL_SUMMARY = path.join(ROOT, "reports", "mutation", "MUTATION.md");

function version(pkg: string): string {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;
}

function main(argv: string[]): number {
  const summaryOnly = argv.includes("--summary-only");
  const strykerArgs = argv.filter((a) => a !== "--summary-only");
  if (!summaryOnly) {
    ensureLibraryBuilt();
    const bin = path.join(ROOT, "node_modules", "@stryker-mutator", "core", "bin", "stryker.js");
    const run = spawnSync(process.execPath, [bin, "run", "stryker.config.mjs", ...strykerArgs], { cwd: ROOT, stdio: "inherit" });
    if (run.status !== 0) {
      console.error(`stryker run exited with ${run.status ?? run.signal}.`);
      return 1;
    }
  }
  const report = JSON.parse(fs.readFileSync(REPORT, "utf8")) as MutationReport;
  const scores = fileScores(report, ROOT);
  const text = renderSummary(scores, {
    date: new Date().toISOString().slice(0, 10),
    node: process.version.replace(/^v/, ""),
    stryker: report.framework?.version ?? version("@stryker-mutator/core"),
    mocha: version("mocha"),
  });
  const out = strykerArgs.length === 0 ? COMMITTED_SUMMARY : PARTIAL_SUMMARY;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, text);
  console.log(`Wrote ${path.relative(ROOT, out)}.`);
  const below = belowThreshold(scores);
  for (const s of below) console.error(`${s.file}: ${formatScore(mutationScore(s))}, below ${MUTATION_THRESHOLD}%.`);
  return below.length === 0 ? 0 : 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
