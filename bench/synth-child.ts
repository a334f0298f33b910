// One benchmark sample, run in its own process so every sample starts with fresh mocks and memory.
//   synth-child.ts <flagship|fleet> <N>                 the components (timed)
//   synth-child.ts <flagship|fleet> <N> --record FILE   the components, writing each registration to FILE as it happens
//   synth-child.ts floor <N> FILE [--record FILE2]      the floor: FILE's registrations replayed (see floor.ts)
//   synth-child.ts typed-floor <N> FILE [--record FILE2]  the same through the @pulumi/aws classes
//   synth-child.ts quiet-floor <N> FILE [--record FILE2]  the floor with V8's stack trace limit at 0 for the whole replay
// Prints one JSON line. Under synth-bench.ts with BENCH_CPU_PROF=DIR, it runs with node --cpu-prof and writes a CPU profile there.
import { installBenchMocks, registeredTypes, settleProgram } from "./mock-engine";
import { readRecording, recordInputs, recordRegistrations, replayFloor, closeRecording } from "./floor";
import { cpuMs, Sample } from "./sample";
import { ScenarioName, SCENARIOS } from "./scenarios";

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const at = argv.indexOf("--record");
  const recording = at < 0 ? undefined : argv.splice(at, 2)[1];
  const [scenario = "flagship", count = "1", replayed] = argv;
  const n = Number(count);
  const floor = scenario === "floor" || scenario === "typed-floor" || scenario === "quiet-floor";
  if (recording !== undefined) recordRegistrations(recording);
  installBenchMocks(recording !== undefined ? recordInputs : undefined);
  const bytes = floor ? readRecording(replayed!) : undefined;

  const start = process.hrtime.bigint();
  const cicd: typeof import("aws-cicd") | undefined = floor ? undefined : require("aws-cicd");
  const loaded = process.hrtime.bigint();
  const cpuAtLoad = process.cpuUsage();
  const exported = floor
    ? replayFloor(bytes!, scenario === "typed-floor", scenario === "quiet-floor")
    : SCENARIOS[scenario as ScenarioName](cicd!, n);
  await settleProgram(exported);
  const done = process.hrtime.bigint();
  closeRecording();
  const sample: Sample = {
    scenario,
    pipelines: n,
    loadMs: Number(loaded - start) / 1e6,
    synthMs: Number(done - loaded) / 1e6,
    cpuMs: cpuMs(process.cpuUsage(cpuAtLoad)),
    // resourceUsage().maxRSS is in kilobytes.
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    resources: registeredTypes.filter((t) => !t.startsWith("aws-cicd:")).length,
    components: registeredTypes.filter((t) => t.startsWith("aws-cicd:")).length,
    roles: registeredTypes.filter((t) => t === "aws:iam/role:Role").length,
  };
  process.stdout.write(`${JSON.stringify(sample)}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
