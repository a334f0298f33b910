// `npm run bench`: synth time and peak memory of the flagship example and of generated stacks of
// N pipelines, each sample in a fresh child process, written to BENCHMARKS.md with the machine.
// Not part of `npm test`: timings depend on the machine.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Sample } from "./synth-child";

const ROOT = path.resolve(__dirname, "..");
const CHILD = path.join(__dirname, "synth-child.ts");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SIZES = [1, 10, 100];

function sample(args: string[]): Sample {
  const out = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", CHILD, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
  });
  return JSON.parse(out.trim().split("\n").pop()!) as Sample;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The median of RUNS samples (time and memory separately; counts are identical across runs). */
function measure(args: string[]): Sample {
  const runs: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(sample(args));
    process.stderr.write(`  ${args.join(" ")} run ${i + 1}/${RUNS}: ${runs[i]!.synthMs.toFixed(0)} ms\n`);
  }
  return {
    ...runs[0]!,
    loadMs: median(runs.map((r) => r.loadMs)),
    synthMs: median(runs.map((r) => r.synthMs)),
    maxRssMb: median(runs.map((r) => r.maxRssMb)),
  };
}

const fmt = (x: number, digits = 0) => x.toFixed(digits);

function machine(): string[] {
  const cpus = os.cpus();
  return [
    `- OS: ${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
    `- CPU: ${cpus[0]?.model ?? "unknown"}, ${cpus.length} logical cores`,
    `- Memory: ${fmt(os.totalmem() / 1024 ** 3, 1)} GiB`,
    `- Node.js: ${process.version}`,
    `- Date: ${new Date().toISOString()}`,
  ];
}

function main(): void {
  process.stderr.write("flagship example\n");
  const flagship = measure(["flagship"]);
  const stacks: Sample[] = [];
  for (const n of SIZES) {
    process.stderr.write(`${n} pipeline(s)\n`);
    stacks.push(measure(["pipelines", String(n)]));
  }
  const [one, ten, hundred] = stacks as [Sample, Sample, Sample];
  const perPipeline = (a: Sample, b: Sample, key: "resources" | "roles" | "components" | "synthMs" | "maxRssMb") =>
    (b[key] - a[key]) / (b.pipelines - a.pipelines);

  const rows = [flagship, ...stacks].map((s) =>
    [
      s.scenario === "flagship" ? "flagship (examples/beanstalk-pipeline)" : `${s.pipelines} pipeline(s)`,
      fmt(s.synthMs),
      fmt(s.loadMs),
      fmt(s.maxRssMb),
      s.resources,
      s.components,
      s.roles,
      s.scenario === "flagship" ? "" : fmt(s.synthMs / s.pipelines, 1),
    ].join(" | "),
  );
  const marginal = (key: "synthMs" | "maxRssMb", digits: number) =>
    `${fmt(perPipeline(one, ten, key), digits)} from 1 to 10, ${fmt(perPipeline(ten, hundred, key), digits)} from 10 to 100`;
  const text = [
    "# Benchmarks",
    "",
    "`npm run bench` (bench/synth-bench.ts) synthesizes each scenario in a fresh Node.js process under",
    "a mock engine (bench/mock-engine.ts; no Pulumi CLI, no AWS) and records the median of",
    `${RUNS} runs. *Synth* is the time from loading the library to the last registration answered`,
    '(program run, outputs resolved, RPC queue drained); *load* is `require("aws-cicd")` (the built',
    "`dist/`). Peak memory is the child's `process.resourceUsage().maxRSS`.",
    "",
    "Each generated pipeline is a `CodeCommitRepo`, a `BuildProject` building it and a two-stage",
    "`Pipeline` (source, build); the stack shares one `EncryptionKey`. Resources count AWS",
    "resources (not components); IAM roles count `aws:iam/role:Role`.",
    "",
    "| Scenario | Synth (ms) | Load (ms) | Peak RSS (MB) | Resources | Components | IAM roles | Synth per pipeline (ms) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map((r) => `| ${r} |`),
    "",
    "## Per pipeline",
    "",
    `- Resources per pipeline: ${fmt(perPipeline(one, ten, "resources"), 1)} (1 to 10) and ${fmt(perPipeline(ten, hundred, "resources"), 1)} (10 to 100); IAM roles per pipeline: ${fmt(perPipeline(one, ten, "roles"), 1)} and ${fmt(perPipeline(ten, hundred, "roles"), 1)}; components per pipeline: ${fmt(perPipeline(ten, hundred, "components"), 1)}.`,
    `- Marginal synth time per added pipeline (ms): ${marginal("synthMs", 1)}.`,
    `- Marginal peak memory per added pipeline (MB): ${marginal("maxRssMb", 2)}.`,
    "",
    "## Machine",
    "",
    ...machine(),
    "",
  ].join("\n");
  fs.writeFileSync(path.join(ROOT, "BENCHMARKS.md"), text);
  process.stdout.write(text);
}

main();
