// StrykerJS configuration for `npm run mutation` (issue 17): mutation testing of the
// security-critical code. test/mutation/run.ts builds what the specs need, runs Stryker with this
// file once per group and writes test/MUTATION.md from the JSON reports. Not part of `npm test`.
//
// The specs must import the mutated files from source (packages/*/src), never from dist/ or the
// package name, or the mutants are never seen.
import { readFileSync } from "node:fs";
import { URL } from "node:url";

/**
 * The mutated files in groups (test/mutation/groups.json), each run against its own specs only:
 * a mutant of a helper that every component uses (`security/iam.ts`) then runs the helper's own
 * specs, not the thousand component specs that happen to call it, and must be caught by them.
 * Each spec list holds the specs that import the group's files from source. Left out on purpose:
 * specs that spawn processes or load dist/ (test/cli, test/package, test/examples, test/golden)
 * and the whole-graph suites (test/conformance), which would run for every mutant.
 * `MUTATION_GROUP=<name>` selects one group (test/mutation/run.ts runs them one after the other);
 * without it, `stryker run` takes every group's files and specs at once.
 * @type {Record<string, { about: string; mutate: string[]; leftOut: { file: string; reason: string }[]; spec: string[] }>}
 */
const GROUPS = JSON.parse(readFileSync(new URL("./test/mutation/groups.json", import.meta.url), "utf8"));

const group = process.env.MUTATION_GROUP;
if (group !== undefined && !Object.hasOwn(GROUPS, group)) {
  throw new Error(`MUTATION_GROUP must be one of ${Object.keys(GROUPS).join(", ")}, got "${group}".`);
}
const selected = group === undefined ? Object.values(GROUPS) : [GROUPS[group]];
const reportName = group ?? "mutation";

/**
 * Static mutants (in code run once, when a module loads: the action lists, patterns and name rules)
 * are not run by default: Stryker cannot tell which tests cover them, so each reloads the modules
 * and runs every spec of its group, which took most of a run's time. test/MUTATION.md counts them
 * apart (column "Static"). MUTATION_STATIC=1 runs them too.
 */
const ignoreStatic = process.env.MUTATION_STATIC !== "1";

/** Worker processes; the default fits a 2-core machine. Override with STRYKER_CONCURRENCY=n. */
const concurrency = Number(process.env.STRYKER_CONCURRENCY ?? 2);

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "mocha",
  // Each mutant runs only the tests that executed its code in the first run.
  coverageAnalysis: "perTest",
  ignoreStatic,
  concurrency,
  // Files left out (with the reason MUTATION.md shows) are negated after their group's patterns.
  mutate: selected.flatMap((g) => [...g.mutate, ...g.leftOut.map((l) => `!${l.file}`)]),
  mochaOptions: {
    // .mocharc.json brings ts-node (transpile-only) and the shared mocks (test/harness/setup.ts).
    config: ".mocharc.json",
    // Fast unit specs first: Stryker stops a mutant at its first failing test.
    spec: [...new Set(selected.flatMap((g) => g.spec))],
  },
  // Specs are transpiled by ts-node; a mutant that does not typecheck still runs (and is killed or
  // survives on behaviour), so no TypeScript checker plugin is needed.
  ignorePatterns: ["dist", "docs", "bench", "reports", "*.tgz"],
  reporters: ["clear-text", "progress", "html", "json"],
  jsonReporter: { fileName: `reports/mutation/${reportName}.json` },
  htmlReporter: { fileName: `reports/mutation/${reportName}.html` },
  // `npm run mutation -- --incremental` retests only the mutants whose code or tests changed.
  incrementalFile: `reports/stryker-incremental-${reportName}.json`,
  // Component specs wait on Pulumi outputs; give slow mutants room before calling them timeouts.
  timeoutMS: 20000,
  // test/mutation/run.ts checks 90% per file; Stryker's own threshold is on the total only.
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
