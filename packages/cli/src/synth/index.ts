/**
 * `aws-cicd synth [DIR]`: runs a Pulumi program under the deterministic mock engine and reports
 * its resource tree, IAM roles, pipelines and policy-pack findings (text, `--json` or `--markdown`).
 *
 * Exit codes: 0 done, 1 the program failed (or could not be loaded), 2 bad command-line usage,
 * 3 policy-pack findings at or above `--fail-on` (default `mandatory`) in the `--tier` it judges
 * (default the pack's default tier; both tiers are always shown).
 */
import { costInputsOf, CostInputs, DEFAULT_COST_INPUTS } from "./cost-inputs";
import { DEFAULT_PRICES_FILE, loadPrices, PriceTable } from "./cost-prices";
import { estimateCost } from "./cost";
import { renderInventory } from "./inventory";
import { buildReport } from "./model";
import { runPolicyPack } from "./policy-pack";
import { renderMarkdown, renderText } from "./render";
import type { SynthReport } from "./report-types";
import { DEFAULT_ACCOUNT, DEFAULT_REGION, DEFAULT_STACK, ProgramError, runProgram } from "./run-program";

export * from "./report-types";
export { renderMarkdown, renderText, mermaidOf } from "./render";
export { ProgramError } from "./run-program";
export { DEFAULT_COST_INPUTS, costInputsOf } from "./cost-inputs";
export type { CostInputs } from "./cost-inputs";
export { checkPriceTable, loadPrices, DEFAULT_PRICES_FILE } from "./cost-prices";
export type { PriceTable } from "./cost-prices";
export { estimateCost, COST_DISCLAIMER } from "./cost";
export { compareVersions, inventoryOf, renderInventory } from "./inventory";
export type { InventoryEntry, InventoryReport } from "./inventory";

/** How the report names the shipped price table. */
export const SHIPPED_PRICES_LABEL = "aws-cicd-cli/data/prices-us-east-1.json";

/** Exit codes of `aws-cicd synth`. */
export const SYNTH_EXIT = { ok: 0, programError: 1, usage: 2, policyViolation: 3 } as const;

/** Which findings fail the command: none, mandatory ones, or any (mandatory and advisory). */
export type FailOn = "none" | "mandatory" | "advisory";
export const DEFAULT_FAIL_ON: FailOn = "mandatory";

/** The policy-pack tier `--fail-on` judges: the pack's default tier, or its strict tier (`strictPolicyConfig()`). */
export type PackTier = "default" | "strict";
export const DEFAULT_TIER: PackTier = "default";

/** Parsed `aws-cicd synth` arguments. */
export interface SynthOptions {
  /** @default "." */
  dir: string;
  /** @default "dev" */
  stack: string;
  /** @default "123456789012" */
  account: string;
  /** @default "us-east-1" */
  region: string;
  /** From repeated `--config key=value`. */
  config: Record<string, string>;
  /** @default "text" */
  format: "text" | "json" | "markdown";
  /** @default "mandatory" */
  failOn: FailOn;
  /** @default "default" */
  tier: PackTier;
  /** Usage of the cost estimate: the defaults with repeated `--cost NAME=VALUE` applied. */
  cost: CostInputs;
  /** From `--prices FILE`. @default - the shipped us-east-1 table. */
  prices?: string;
  /** `--inventory`: write only the fleet inventory (text, or JSON with `--json`). @default false */
  inventory: boolean;
}

export const SYNTH_USAGE = `Usage: aws-cicd synth [DIR] [options]

Runs the Pulumi program in DIR (default: the current directory) under a mock engine (no Pulumi
CLI, no AWS) and prints its resources, IAM roles, pipelines and policy-pack findings.

Options:
  --stack NAME          stack name (default ${DEFAULT_STACK})
  --account ID          AWS account id (default ${DEFAULT_ACCOUNT})
  --region REGION       AWS region (default ${DEFAULT_REGION})
  --config KEY=VALUE    stack configuration, repeatable; KEY without a namespace gets the project's
  --json                write the report as JSON (schema: the aws-cicd-cli README)
  --markdown            write a Markdown report with a Mermaid diagram of each pipeline
  --fail-on LEVEL       none | mandatory | advisory (default ${DEFAULT_FAIL_ON})
  --tier TIER           default | strict: the policy-pack tier --fail-on judges (default ${DEFAULT_TIER});
                        findings show their level in both tiers
  --cost NAME=VALUE     usage the monthly cost estimate assumes, repeatable; NAME=default:
${Object.entries(DEFAULT_COST_INPUTS)
  .map(([k, v]) => `                          ${k}=${v}`)
  .join("\n")}
  --inventory           write only the inventory of the ServiceFleet pipelines (service, team,
                        preset version, environments; older preset versions flagged), as
                        text or, with --json, as JSON
  --prices FILE         price table of the estimate, JSON shaped like the shipped
                        ${SHIPPED_PRICES_LABEL} (e.g. another region's prices)

The cost section is an estimate from list prices and the usage above, never a quote.

Exit codes: 0 ok, 1 program error, 2 usage error, 3 policy-pack findings at --fail-on or above.`;

/** A command-line mistake: exit code 2. */
export class UsageError extends Error {}

/** Parses `aws-cicd synth` arguments (after the `synth` word). */
export function parseSynthArgs(argv: readonly string[]): SynthOptions {
  const o: SynthOptions = {
    dir: ".",
    stack: DEFAULT_STACK,
    account: DEFAULT_ACCOUNT,
    region: DEFAULT_REGION,
    config: {},
    format: "text",
    failOn: DEFAULT_FAIL_ON,
    tier: DEFAULT_TIER,
    cost: costInputsOf([]),
    inventory: false,
  };
  const cost: string[] = [];
  let dirGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "") throw new UsageError(`\`${flag}\` needs a value.`);
      return v;
    };
    switch (flag) {
      case "--stack":
        o.stack = value();
        break;
      case "--account": {
        o.account = value();
        if (!/^\d{12}$/.test(o.account)) throw new UsageError(`\`--account\` must be a 12-digit AWS account id, got "${o.account}".`);
        break;
      }
      case "--region":
        o.region = value();
        break;
      case "--config": {
        const kv = value();
        const eq = kv.indexOf("=");
        if (eq <= 0) throw new UsageError(`\`--config\` takes KEY=VALUE, got "${kv}".`);
        o.config[kv.slice(0, eq)] = kv.slice(eq + 1);
        break;
      }
      case "--json":
        o.format = "json";
        break;
      case "--markdown":
        o.format = "markdown";
        break;
      case "--fail-on": {
        const v = value();
        if (v !== "none" && v !== "mandatory" && v !== "advisory")
          throw new UsageError(`\`--fail-on\` must be none, mandatory or advisory, got "${v}".`);
        o.failOn = v;
        break;
      }
      case "--tier": {
        const v = value();
        if (v !== "default" && v !== "strict") throw new UsageError(`\`--tier\` must be default or strict, got "${v}".`);
        o.tier = v;
        break;
      }
      case "--cost":
        cost.push(value());
        break;
      case "--inventory":
        o.inventory = true;
        break;
      case "--prices":
        o.prices = value();
        break;
      default:
        if (arg.startsWith("-"))
          throw new UsageError(
            `Unknown option \`${arg}\` for synth. Options: --stack, --account, --region, --config, --json, --markdown, --fail-on, --tier, --cost, --prices, --inventory.`,
          );
        if (dirGiven) throw new UsageError(`synth takes one directory, got "${o.dir}" and "${arg}".`);
        o.dir = arg;
        dirGiven = true;
    }
  }
  try {
    o.cost = costInputsOf(cost);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  return o;
}

/** Runs the program and the policy pack, and estimates the cost; throws `ProgramError` when the program fails. */
export async function synthesize(
  o: Pick<SynthOptions, "dir" | "stack" | "account" | "region" | "config"> & Partial<Pick<SynthOptions, "cost">>,
  prices: { table: PriceTable; label: string } = { table: loadPrices(DEFAULT_PRICES_FILE), label: SHIPPED_PRICES_LABEL },
): Promise<SynthReport> {
  // Programs may print; keep stdout for the report.
  const log = console.log;
  const info = console.info;
  console.log = console.info = (...args: unknown[]) => console.error(...args);
  try {
    const run = await runProgram(o);
    const pack = await runPolicyPack(run.resources, [o.dir, process.cwd()]);
    return buildReport(run, pack, estimateCost(run.resources, prices.table, o.cost ?? costInputsOf([]), prices.label));
  } finally {
    console.log = log;
    console.info = info;
  }
}

/** Mandatory and advisory finding counts of `tier`. */
export function tierCounts(report: SynthReport, tier: PackTier): { mandatory: number; advisory: number } {
  const s = report.summary;
  return tier === "strict"
    ? { mandatory: s.strictMandatoryFindings, advisory: s.strictAdvisoryFindings }
    : { mandatory: s.mandatoryFindings, advisory: s.advisoryFindings };
}

/** The exit code a report gives under `failOn`, judging the findings of `tier`. */
export function exitCodeOf(report: SynthReport, failOn: FailOn, tier: PackTier = DEFAULT_TIER): number {
  const c = tierCounts(report, tier);
  const failing = failOn === "none" ? 0 : failOn === "mandatory" ? c.mandatory : c.mandatory + c.advisory;
  return failing > 0 ? SYNTH_EXIT.policyViolation : SYNTH_EXIT.ok;
}

/** Output streams (injectable for tests). */
export interface SynthIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: SynthIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

/** `aws-cicd synth ...`: returns the exit code. Runs a program once per process. */
export async function synthCommand(argv: readonly string[], io: SynthIo = processIo): Promise<number> {
  let o: SynthOptions;
  try {
    if (argv.includes("--help") || argv.includes("-h")) {
      io.stdout(`${SYNTH_USAGE}\n`);
      return SYNTH_EXIT.ok;
    }
    o = parseSynthArgs(argv);
  } catch (e) {
    io.stderr(`aws-cicd synth: ${(e as Error).message}\n\n${SYNTH_USAGE}\n`);
    return SYNTH_EXIT.usage;
  }
  let prices: { table: PriceTable; label: string };
  try {
    prices =
      o.prices === undefined ? { table: loadPrices(), label: SHIPPED_PRICES_LABEL } : { table: loadPrices(o.prices), label: o.prices };
  } catch (e) {
    io.stderr(`aws-cicd synth: ${(e as Error).message}\n`);
    return SYNTH_EXIT.usage;
  }
  let report: SynthReport;
  try {
    report = await synthesize(o, prices);
  } catch (e) {
    const message = e instanceof ProgramError ? e.message : `The program failed: ${(e as Error)?.stack ?? String(e)}`;
    io.stderr(`aws-cicd synth: ${message}\n`);
    return SYNTH_EXIT.programError;
  }
  if (o.inventory) io.stdout(o.format === "json" ? `${JSON.stringify(report.inventory, null, 2)}\n` : renderInventory(report.inventory));
  else
    io.stdout(
      o.format === "json" ? `${JSON.stringify(report, null, 2)}\n` : o.format === "markdown" ? renderMarkdown(report) : renderText(report),
    );
  const code = exitCodeOf(report, o.failOn, o.tier);
  if (code !== SYNTH_EXIT.ok) {
    const c = tierCounts(report, o.tier);
    const tier = o.tier === DEFAULT_TIER ? "" : ` in the ${o.tier} tier`;
    io.stderr(
      `aws-cicd synth: policy pack findings${tier} (${c.mandatory} mandatory, ${c.advisory} advisory) fail --fail-on ${o.failOn}.\n`,
    );
  }
  return code;
}
