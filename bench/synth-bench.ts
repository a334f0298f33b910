// `npm run bench`: N copies of the flagship flow, the simple fleet and a services file of 200 services, each beside its floor (the same
// registrations as plain CustomResources, see floor.ts), its typed floor (the same through the
// @pulumi/aws classes) and, when aws-cdk-lib is installed, AWS CDK.
// Every sample runs in a fresh child process; runs alternate. Writes BENCHMARKS.md.
// Not part of `npm test`: timings depend on the machine.
//   BENCH_N=1,10,100,200   flagship copies (empty: none)      BENCH_FLEET=1,10,100   simple fleet sizes (empty: none)
//   BENCH_SERVICES=200     services-file sizes (empty: none)
//   BENCH_RUNS=3           runs per sample (median)           BENCH_CDK=0            skip the CDK comparison
//   BENCH_WRITE=0          print the report, leave BENCHMARKS.md alone
//   BENCH_CPU_PROF=DIR     every child also writes a V8 CPU profile (node --cpu-prof) into DIR
//   BENCH_COUNT_N=10       the N at which bench/count-outputs.ts also counts each scenario and its floors (empty: none)
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { benchmarksMarkdown, Row } from "./report";
import type { Counts, Sample } from "./sample";

const ROOT = path.resolve(__dirname, "..");
const list = (value: string | undefined, fallback: number[]) =>
  value === undefined
    ? fallback
    : value
        .split(",")
        .filter((v) => v.trim() !== "")
        .map(Number);
const FLAGSHIP_N = list(process.env.BENCH_N, [1, 10, 100, 200]);
const FLEET_N = list(process.env.BENCH_FLEET, [1, 10, 100]);
const SERVICES_N = list(process.env.BENCH_SERVICES, [200]);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CDK = process.env.BENCH_CDK !== "0" && hasCdk();
const COUNT_N = list(process.env.BENCH_COUNT_N, [10]);

function hasCdk(): boolean {
  try {
    require.resolve("aws-cdk-lib");
    return true;
  } catch {
    return false;
  }
}

function child(script: string, args: string[]): Sample {
  return run(script, args, process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : []);
}

/** The last JSON line that `script` prints, run in a fresh Node.js process under ts-node. */
function run<T>(script: string, args: string[], nodeArgs: string[]): T {
  const out = execFileSync(
    process.execPath,
    ["--max-old-space-size=8192", ...nodeArgs, "-r", "ts-node/register/transpile-only", path.join(__dirname, script), ...args],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return JSON.parse(out.trim().split("\n").pop()!) as T;
}

/** bench/count-outputs.ts over the components and over each floor's replay of their recording. */
function count(scenario: Row["scenario"], n: number, recording: string): NonNullable<Row["counts"]> {
  const counts = (args: string[]) => run<Counts>("count-outputs.ts", args, ["--expose-gc"]);
  return {
    components: counts([scenario, String(n)]),
    floor: counts(["floor", String(n), recording]),
    typedFloor: counts(["typed-floor", String(n), recording]),
    quietFloor: counts(["quiet-floor", String(n), recording]),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const summary = (runs: Sample[]): Sample => ({
  ...runs[0]!,
  loadMs: median(runs.map((r) => r.loadMs)),
  synthMs: median(runs.map((r) => r.synthMs)),
  cpuMs: median(runs.map((r) => r.cpuMs)),
  maxRssMb: median(runs.map((r) => r.maxRssMb)),
});

/** The floors register exactly what the components did (compared as sets of registrations). */
function checkFloors(recording: string, n: number): void {
  for (const floor of ["floor", "typed-floor", "quiet-floor"]) {
    const replayed = `${recording}.${floor}`;
    child("synth-child.ts", [floor, String(n), recording, "--record", replayed]);
    const lines = (file: string) => fs.readFileSync(file, "utf8").trim().split("\n").sort();
    const [a, b] = [lines(recording), lines(replayed)];
    if (a.length !== b.length || a.some((line, i) => line !== b[i])) {
      throw new Error(`The ${floor} of ${recording} does not register what the components did.`);
    }
    fs.rmSync(replayed);
  }
}

function measure(scenario: Row["scenario"], n: number, dir: string): Row {
  const recording = path.join(dir, `${scenario}-${n}.jsonl`);
  process.stderr.write(`${scenario} N=${n}\n`);
  // The first run of the components also writes the recording (a JSON line per registration, in its time).
  const first = child("synth-child.ts", [scenario, String(n), "--record", recording]);
  if (n <= 10) checkFloors(recording, n);
  const counts = COUNT_N.includes(n) ? count(scenario, n, recording) : undefined;
  const components: Sample[] = [];
  const floor: Sample[] = [];
  const typed: Sample[] = [];
  const quiet: Sample[] = [];
  const cdk: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    components.push(i === 0 ? first : child("synth-child.ts", [scenario, String(n)]));
    floor.push(child("synth-child.ts", ["floor", String(n), recording]));
    typed.push(child("synth-child.ts", ["typed-floor", String(n), recording]));
    quiet.push(child("synth-child.ts", ["quiet-floor", String(n), recording]));
    if (CDK && scenario === "flagship") cdk.push(child("cdk-child.ts", [String(n)]));
    const c = components[i]!;
    const f = floor[i]!;
    const t = typed[i]!;
    const q = quiet[i]!;
    const k = cdk[i];
    process.stderr.write(
      `  run ${i + 1}/${RUNS}: ${c.synthMs.toFixed(0)} ms ${c.maxRssMb.toFixed(0)} MB; floor ${f.synthMs.toFixed(0)} ms ${f.maxRssMb.toFixed(0)} MB; typed floor ${t.synthMs.toFixed(0)} ms ${t.maxRssMb.toFixed(0)} MB; quiet floor ${q.synthMs.toFixed(0)} ms ${q.maxRssMb.toFixed(0)} MB` +
        `${k ? `; cdk ${k.synthMs.toFixed(0)} ms ${k.maxRssMb.toFixed(0)} MB` : ""}; vs floor x${(c.synthMs / f.synthMs).toFixed(2)} time, ` +
        `x${(c.cpuMs / f.cpuMs).toFixed(2)} CPU, x${(c.maxRssMb / f.maxRssMb).toFixed(2)} memory; vs typed floor x${(c.cpuMs / t.cpuMs).toFixed(2)} CPU; vs quiet floor x${(c.cpuMs / q.cpuMs).toFixed(2)} CPU\n`,
    );
  }
  fs.rmSync(recording, { force: true });
  return {
    scenario,
    n,
    components: summary(components),
    floor: summary(floor),
    typedFloor: summary(typed),
    quietFloor: summary(quiet),
    cdk: cdk.length > 0 ? summary(cdk) : undefined,
    counts,
  };
}

function main(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aws-cicd-bench-"));
  const rows: Row[] = [];
  try {
    // The report is rewritten after every scenario, so that a long run stopped early keeps what it measured.
    const add = (row: Row) => {
      rows.push(row);
      if (process.env.BENCH_WRITE !== "0") fs.writeFileSync(path.join(ROOT, "BENCHMARKS.md"), benchmarksMarkdown(rows, RUNS));
    };
    for (const n of FLEET_N) add(measure("fleet", n, dir));
    for (const n of FLAGSHIP_N) add(measure("flagship", n, dir));
    for (const n of SERVICES_N) add(measure("services", n, dir));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(benchmarksMarkdown(rows, RUNS));
}

main();
