/** The phase details table of a local build, laid out like the CodeBuild console's. */
import { BuildPhaseType } from "./phases";

/** Status of a phase or build. */
export type PhaseStatus = "SUCCEEDED" | "FAILED";

/** One row of the phase details. */
export interface PhaseRecord {
  phase: BuildPhaseType;
  status: PhaseStatus;
  /** Milliseconds. */
  durationMs: number;
  /** Why it failed, e.g. the failing command and its exit code. */
  context?: string;
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - text.length));
}

/** Duration as the console writes it: "<1 sec", "3 secs", "1 min 5 secs". */
export function formatDuration(ms: number): string {
  const secs = Math.round(ms / 1000);
  if (secs < 1) return "<1 sec";
  const m = Math.floor(secs / 60);
  const s = secs % 60;
  const sPart = `${s} sec${s === 1 ? "" : "s"}`;
  return m > 0 ? `${m} min${m === 1 ? "" : "s"} ${sPart}` : sPart;
}

/** The table: one line per phase that ran, then the build status. */
export function formatPhaseTable(records: readonly PhaseRecord[]): string {
  const rows = [
    ["Phase", "Status", "Duration", "Context"],
    ...records.map((r) => [r.phase, r.status, formatDuration(r.durationMs), r.context ?? ""]),
  ];
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((row) => row[c].length)));
  return (
    rows.map((row) => [pad(row[0], widths[0]), pad(row[1], widths[1]), pad(row[2], widths[2]), row[3]].join("  ").trimEnd()).join("\n") +
    "\n"
  );
}
