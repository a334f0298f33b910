// Turns StrykerJS's JSON report (the mutation-testing-report-schema) into test/MUTATION.md:
// a score per file, the totals, the date, the versions and the 90%-per-file check.
import * as fs from "fs";
import * as path from "path";

/** The lowest mutation score, in percent, every mutated file must reach. */
export const MUTATION_THRESHOLD = 90;

/** A group of mutated files and the specs run against them (test/mutation/groups.json). */
export interface MutationGroup {
  about: string;
  /** Globs of the mutated files (a `!` glob takes files out, e.g. to another group). */
  mutate: string[];
  /** Files the globs match that are left out of `mutate`, with the reason shown in test/MUTATION.md. */
  leftOut: { file: string; reason: string }[];
  /** The spec files run against the group's mutants, fast unit specs first. */
  spec: string[];
}

/** The groups of stryker.config.mjs, by name. */
export const GROUPS: Readonly<Record<string, MutationGroup>> = JSON.parse(fs.readFileSync(path.join(__dirname, "groups.json"), "utf8"));

/** Every file left out of `mutate`, with its reason. */
export const LEFT_OUT = Object.values(GROUPS).flatMap((g) => g.leftOut);

/** The part of a mutant result (mutation-testing-report-schema) the summary reads. */
export interface ReportMutant {
  status: string;
  statusReason?: string;
  static?: boolean;
}

/** The part of Stryker's JSON report the summary reads. */
export interface MutationReport {
  files: Record<string, { mutants: readonly ReportMutant[] }>;
  framework?: { name?: string; version?: string; dependencies?: Record<string, string> };
}

/** Mutant counts of one file (or of all files), by the report's statuses. */
export interface MutantCounts {
  killed: number;
  survived: number;
  noCoverage: number;
  timeout: number;
  /** Mutants disabled by a `// Stryker disable` comment (equivalent mutants, each with a reason). */
  ignored: number;
  /** Static mutants (in code run when a module loads) that were not run (Stryker's `ignoreStatic`). */
  static: number;
  /** Mutants that did not compile or crashed the runner: not counted in the score. */
  errors: number;
}

/** One row of the summary. */
export interface FileScore extends MutantCounts {
  file: string;
}

const STATUS_FIELD: Record<string, keyof MutantCounts> = {
  Killed: "killed",
  Survived: "survived",
  NoCoverage: "noCoverage",
  Timeout: "timeout",
  Ignored: "ignored",
  CompileError: "errors",
  RuntimeError: "errors",
};

/** How Stryker explains an ignored static mutant ("Static mutant (and "ignoreStatic" was enabled)"). */
const STATIC_REASON = /^Static mutant/;

function zero(): MutantCounts {
  return { killed: 0, survived: 0, noCoverage: 0, timeout: 0, ignored: 0, static: 0, errors: 0 };
}

/**
 * The mutation score in percent: detected (killed or timed out) over valid (detected, survived or
 * not covered), as Stryker computes it; `undefined` when a file has no valid mutant.
 */
export function mutationScore(c: MutantCounts): number | undefined {
  const detected = c.killed + c.timeout;
  const valid = detected + c.survived + c.noCoverage;
  return valid === 0 ? undefined : (detected / valid) * 100;
}

/** One report of the files of several reports (each group's run mutates other files). */
export function mergeReports(reports: readonly MutationReport[]): MutationReport {
  const files: MutationReport["files"] = {};
  for (const r of reports) {
    for (const [name, file] of Object.entries(r.files)) {
      if (name in files) throw new Error(`${name} is in two reports: a file must belong to one group.`);
      files[name] = file;
    }
  }
  return { files, framework: reports[0]?.framework };
}

/** The counts per file, paths relative to `root` with forward slashes, sorted by path. */
export function fileScores(report: MutationReport, root: string): FileScore[] {
  return Object.entries(report.files)
    .map(([name, { mutants }]) => {
      const counts = zero();
      for (const m of mutants) {
        const field = STATUS_FIELD[m.status];
        if (field === undefined) throw new Error(`Unknown mutant status "${m.status}" in ${name}.`);
        counts[field === "ignored" && STATIC_REASON.test(m.statusReason ?? "") ? "static" : field] += 1;
      }
      const file = (path.isAbsolute(name) ? path.relative(root, name) : name).split(path.sep).join("/");
      return { file, ...counts };
    })
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** The sum of every file's counts. */
export function totals(scores: readonly MutantCounts[]): MutantCounts {
  const sum = zero();
  for (const s of scores) {
    for (const k of Object.keys(sum) as (keyof MutantCounts)[]) sum[k] += s[k];
  }
  return sum;
}

/** The files whose score is below `threshold` (files without a valid mutant have no score). */
export function belowThreshold(scores: readonly FileScore[], threshold = MUTATION_THRESHOLD): FileScore[] {
  return scores.filter((s) => {
    const score = mutationScore(s);
    return score !== undefined && score < threshold;
  });
}

/** A score rounded down to one decimal, so that 89.99 never shows as 90.0. */
export function formatScore(score: number | undefined): string {
  return score === undefined ? "n/a" : `${(Math.floor(score * 10) / 10).toFixed(1)}%`;
}

/** What the summary states about the run. */
export interface SummaryContext {
  /** ISO date (YYYY-MM-DD) of the run. */
  date: string;
  node: string;
  stryker: string;
  mocha: string;
  threshold?: number;
}

function row(name: string, c: MutantCounts): string {
  return `| ${name} | ${c.killed} | ${c.survived} | ${c.noCoverage} | ${c.timeout} | ${c.ignored} | ${c.static} | ${formatScore(mutationScore(c))} |`;
}

/** The Markdown of test/MUTATION.md. */
export function renderSummary(scores: readonly FileScore[], ctx: SummaryContext): string {
  const threshold = ctx.threshold ?? MUTATION_THRESHOLD;
  const below = belowThreshold(scores, threshold);
  const errors = totals(scores).errors;
  const lines = [
    "# Mutation testing",
    "",
    "Written by `npm run mutation` (StrykerJS, see `stryker.config.mjs`); do not edit by hand.",
    "",
    `Run on ${ctx.date} with Node ${ctx.node}, StrykerJS ${ctx.stryker} (mocha runner, per-test coverage) and mocha ${ctx.mocha}.`,
    "",
    "The score of a file is its killed and timed-out mutants over its killed, timed-out, surviving and",
    "not covered ones. Not scored: ignored mutants (equivalent ones, disabled with a `// Stryker disable`",
    "comment that gives the reason) and static mutants (in code run once, when a module loads: action",
    "lists, patterns, name rules), which are not run unless `MUTATION_STATIC=1`.",
    "",
    "| File | Killed | Survived | No coverage | Timeout | Ignored | Static | Score |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...scores.map((s) => row(`\`${s.file}\``, s)),
    row("**Total**", totals(scores)),
    "",
    below.length === 0
      ? `Threshold: every file scores at least ${threshold}%.`
      : `Threshold: ${below.length} file(s) below ${threshold}%: ${below.map((s) => `\`${s.file}\` (${formatScore(mutationScore(s))})`).join(", ")}.`,
  ];
  if (errors > 0) lines.push("", `${errors} mutant(s) did not compile or crashed the test runner; they are not scored.`);
  lines.push(
    "",
    "## Groups",
    "",
    "Each group's mutants run against the group's specs only (`test/mutation/groups.json`).",
    "",
    ...Object.entries(GROUPS).map(([name, g]) => `- ${name}: ${g.about} Specs: ${g.spec.map((s) => `\`${s}\``).join(", ")}.`),
    "",
    "## Left out of `mutate`",
    "",
    ...LEFT_OUT.map((l) => `- \`${l.file}\`: ${l.reason}`),
    "",
  );
  return lines.join("\n");
}
