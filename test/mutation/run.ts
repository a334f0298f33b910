// `npm run mutation`: mutation testing of the security-critical code (issue 17).
// 1. builds packages/aws-cicd if its dist/ is stale (the policy-pack rules import `aws-cicd/checks`);
// 2. runs StrykerJS (stryker.config.mjs) once per group of test/mutation/groups.json, each group's
//    mutants against that group's specs; `--group <name>` runs one group, and other arguments go to
//    `stryker run` (`npm run mutation -- --group core --mutate packages/aws-cicd/src/internal/arns.ts`,
//    `--incremental`, `--concurrency 1`);
// 3. writes the summary from the groups' JSON reports: test/MUTATION.md after a full run,
//    reports/mutation/MUTATION.md after a run limited by `--group` or `--mutate` (a partial run
//    never replaces the committed summary);
// 4. exits 1 if a file scores below MUTATION_THRESHOLD (or Stryker failed).
// `--summary-only` skips 1 and 2 and writes the summary from the last reports.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ensureLibraryBuilt } from "../harness/build";
import {
  belowThreshold,
  fileScores,
  formatScore,
  GROUPS,
  mergeReports,
  MUTATION_THRESHOLD,
  MutationReport,
  mutationScore,
  renderSummary,
} from "./summary";

const ROOT = path.resolve(__dirname, "..", "..");
const REPORTS = path.join(ROOT, "reports", "mutation");
const COMMITTED_SUMMARY = path.join(ROOT, "test", "MUTATION.md");

function version(pkg: string): string {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;
}

/** The options of run.ts itself, and what goes on to `stryker run`. */
export function parseArgs(argv: readonly string[]): { groups: string[]; summaryOnly: boolean; partial: boolean; strykerArgs: string[] } {
  const groups: string[] = [];
  const strykerArgs: string[] = [];
  let summaryOnly = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--summary-only") summaryOnly = true;
    else if (argv[i] === "--group") {
      const name = argv[++i];
      if (name === undefined || !Object.hasOwn(GROUPS, name)) {
        throw new Error(`\`--group\` takes one of ${Object.keys(GROUPS).join(", ")}, got ${name === undefined ? "nothing" : `"${name}"`}.`);
      }
      groups.push(name);
    } else strykerArgs.push(argv[i]);
  }
  const partial = groups.length > 0 || strykerArgs.some((a) => a === "--mutate" || a === "-m" || a.startsWith("--mutate="));
  return { groups: groups.length > 0 ? groups : Object.keys(GROUPS), summaryOnly, partial, strykerArgs };
}

function main(argv: string[]): number {
  const { groups, summaryOnly, partial, strykerArgs } = parseArgs(argv);
  if (!summaryOnly) {
    ensureLibraryBuilt();
    const bin = path.join(ROOT, "node_modules", "@stryker-mutator", "core", "bin", "stryker.js");
    for (const group of groups) {
      console.log(`Mutation group ${group}: ${GROUPS[group].about}`);
      const run = spawnSync(process.execPath, [bin, "run", "stryker.config.mjs", ...strykerArgs], {
        cwd: ROOT,
        stdio: "inherit",
        env: { ...process.env, MUTATION_GROUP: group },
      });
      if (run.status !== 0) {
        console.error(`stryker run (group ${group}) exited with ${run.status ?? run.signal}.`);
        return 1;
      }
    }
  }
  const report = mergeReports(groups.map((g) => JSON.parse(fs.readFileSync(path.join(REPORTS, `${g}.json`), "utf8")) as MutationReport));
  const scores = fileScores(report, ROOT);
  const text = renderSummary(scores, {
    date: new Date().toISOString().slice(0, 10),
    node: process.version.replace(/^v/, ""),
    stryker: report.framework?.version ?? version("@stryker-mutator/core"),
    mocha: version("mocha"),
  });
  const out = partial ? path.join(REPORTS, "MUTATION.md") : COMMITTED_SUMMARY;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, text);
  console.log(`Wrote ${path.relative(ROOT, out)}.`);
  const below = belowThreshold(scores);
  for (const s of below) console.error(`${s.file}: ${formatScore(mutationScore(s))}, below ${MUTATION_THRESHOLD}%.`);
  return below.length === 0 ? 0 : 1;
}

// Only when run as the script (a spec may import parseArgs).
if (require.main === module) process.exitCode = main(process.argv.slice(2));
