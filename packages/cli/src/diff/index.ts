/**
 * `aws-cicd diff OLD.json NEW.json`: the IAM permission changes between two `aws-cicd synth --json`
 * reports, broadening highlighted.
 *
 * Exit codes: 0 permissions did not grow, 4 permissions grew (a role added, a statement added, a
 * statement broadened, a trust principal or managed policy added, a condition or a Deny removed),
 * 1 an input could not be read, 2 bad command-line usage.
 */
import * as fs from "fs";
import type { PermissionStatementReport, SynthReport } from "../synth/report-types";
import { SCHEMA_VERSION } from "../synth/report-types";
import { diffReports, PermissionDiff } from "./permission-diff";

export * from "./permission-diff";

/** Exit codes of `aws-cicd diff`. */
export const DIFF_EXIT = { noGrowth: 0, inputError: 1, usage: 2, grew: 4 } as const;

export const DIFF_USAGE = `Usage: aws-cicd diff OLD.json NEW.json [--json]

Compares the IAM roles of two \`aws-cicd synth --json\` reports: roles and statements added and
removed, and permissions broadened (an action gained, a resource widened, a condition removed, a
trust principal added), which are highlighted.

Exit codes: 0 permissions did not grow, 4 permissions grew, 1 unreadable input, 2 usage error.`;

/** Reads and checks one synth report. */
export function readReport(file: string): SynthReport {
  let doc: any;
  try {
    doc = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`${file} could not be read as JSON: ${(e as Error).message}`, { cause: e });
  }
  if (doc?.tool !== "aws-cicd synth" || !Array.isArray(doc.roles)) throw new Error(`${file} is not an \`aws-cicd synth --json\` report.`);
  if (doc.schemaVersion !== SCHEMA_VERSION)
    throw new Error(
      `${file} has schemaVersion ${doc.schemaVersion}; this aws-cicd reads schemaVersion ${SCHEMA_VERSION}. Synthesize both sides with the same aws-cicd version.`,
    );
  return doc as SynthReport;
}

const statementText = (s: PermissionStatementReport) =>
  `${s.effect} ${(s.notActions ? ["NOT", ...s.notActions] : s.actions).join(", ")} on ${(s.notResources ? ["NOT", ...s.notResources] : s.resources).join(", ")}${s.conditions.length ? ` when ${s.conditions.map((c) => `${c.operator} ${c.key} = ${c.values.join(" | ")}`).join(", ")}` : ""} (${s.source.kind} ${s.source.name})`;

/** The diff for a person; `highlight` wraps broadening lines (ANSI bold red on a terminal). */
export function renderDiff(d: PermissionDiff, highlight: (s: string) => string = (s) => s): string {
  const out: string[] = [];
  const grow = (s: string) => out.push(highlight(`! ${s}`));
  out.push(d.grew ? highlight("Permissions GREW.") : "Permissions did not grow.", "");
  for (const r of d.rolesAdded) {
    grow(`+ role ${r.name} (${r.arn})`);
    for (const t of r.trust) for (const p of t.principals) grow(`    trusted by ${p.type} ${p.value}`);
    for (const s of r.statements) grow(`    + ${statementText(s)}`);
    for (const a of r.managedPolicyArns) grow(`    + managed policy ${a}`);
  }
  for (const r of d.rolesRemoved) out.push(`- role ${r.name} (${r.arn})`);
  for (const c of d.rolesChanged) {
    out.push(`~ role ${c.name} (${c.arn})`);
    for (const b of c.broadened) grow(`    BROADENED ${b.detail}`);
    for (const s of c.statementsRemoved) out.push(`    - ${statementText(s)}`);
    for (const n of c.narrowed) out.push(`    narrowed: ${n}`);
    for (const p of c.trustPrincipalsRemoved) out.push(`    trust: ${p.type} ${p.value} removed`);
    for (const a of c.managedPolicyArnsRemoved) out.push(`    - managed policy ${a}`);
  }
  if (!d.rolesAdded.length && !d.rolesRemoved.length && !d.rolesChanged.length) out.push("No IAM role changed.");
  out.push("");
  return out.join("\n");
}

/** Output streams (injectable for tests). */
export interface DiffIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** `aws-cicd diff ...`: returns the exit code. */
export function diffCommand(
  argv: readonly string[],
  io: DiffIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) },
): number {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout(`${DIFF_USAGE}\n`);
    return DIFF_EXIT.noGrowth;
  }
  const json = argv.includes("--json");
  const unknown = argv.filter((a) => a.startsWith("-") && a !== "--json");
  const files = argv.filter((a) => !a.startsWith("-"));
  if (unknown.length > 0 || files.length !== 2) {
    const why =
      unknown.length > 0
        ? `Unknown option \`${unknown[0]}\` for diff; the only option is --json.`
        : `diff takes two synth reports, got ${files.length}.`;
    io.stderr(`aws-cicd diff: ${why}\n\n${DIFF_USAGE}\n`);
    return DIFF_EXIT.usage;
  }
  let d: PermissionDiff;
  try {
    d = diffReports(readReport(files[0]), readReport(files[1]));
  } catch (e) {
    io.stderr(`aws-cicd diff: ${(e as Error).message}\n`);
    return DIFF_EXIT.inputError;
  }
  const tty = io.stdout === undefined ? false : !json && process.stdout.isTTY === true && !process.env.NO_COLOR;
  io.stdout(json ? `${JSON.stringify(d, null, 2)}\n` : renderDiff(d, tty ? (s) => `\u001b[1;31m${s}\u001b[0m` : undefined));
  return d.grew ? DIFF_EXIT.grew : DIFF_EXIT.noGrowth;
}
