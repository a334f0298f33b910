// BENCHMARKS.md from the measured scenarios: each scenario beside its floor (and AWS CDK), with the
// ratios and the marginal cost per added pipeline.
import * as os from "os";
import type { Counts, Sample } from "./sample";

/** One scenario at one N: the medians of the components, the floor and (optionally) CDK. */
export interface Row {
  scenario: "flagship" | "fleet" | "services";
  n: number;
  components: Sample;
  floor: Sample;
  typedFloor: Sample;
  quietFloor: Sample;
  cdk?: Sample;
  /** bench/count-outputs.ts over the components and each floor, at the N of BENCH_COUNT_N. */
  counts?: { components: Counts; floor: Counts; typedFloor: Counts; quietFloor: Counts };
}

const fmt = (x: number, digits = 0) => x.toFixed(digits);
const ratio = (a: number, b: number) => `${fmt(a / b, 2)}x`;

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

/** A markdown table from a header and rows of cells. */
function markdown(head: string[], rows: (string | number)[][]): string[] {
  return [
    `| ${head.join(" | ")} |`,
    `| --- | ${head
      .slice(1)
      .map(() => "---:")
      .join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ];
}

function timeTable(rows: Row[], withCdk: boolean): string[] {
  const head = ["N", "Resources", "Synth (ms)", "Floor (ms)", "Typed floor (ms)", "CPU (ms)", "Floor CPU (ms)", "Typed floor CPU (ms)"];
  head.push(
    "Quiet floor CPU (ms)",
    "CPU vs floor",
    "CPU vs typed floor",
    "CPU vs quiet floor",
    "Wall vs floor",
    ...(withCdk ? ["CDK synth (ms)", "CDK CPU (ms)", "CPU vs CDK"] : []),
  );
  return markdown(
    head,
    rows.map((r) => {
      const [c, f, t, q] = [r.components, r.floor, r.typedFloor, r.quietFloor];
      const cells = [
        r.n,
        c.resources,
        fmt(c.synthMs),
        fmt(f.synthMs),
        fmt(t.synthMs),
        fmt(c.cpuMs),
        fmt(f.cpuMs),
        fmt(t.cpuMs),
        fmt(q.cpuMs),
      ];
      cells.push(ratio(c.cpuMs, f.cpuMs), ratio(c.cpuMs, t.cpuMs), ratio(c.cpuMs, q.cpuMs), ratio(c.synthMs, f.synthMs));
      if (withCdk)
        cells.push(...(r.cdk === undefined ? ["", "", ""] : [fmt(r.cdk.synthMs), fmt(r.cdk.cpuMs), ratio(c.cpuMs, r.cdk.cpuMs)]));
      return cells;
    }),
  );
}

function memoryTable(rows: Row[], withCdk: boolean): string[] {
  const head = [
    "N",
    "Peak RSS (MB)",
    "Floor (MB)",
    "Typed floor (MB)",
    "Quiet floor (MB)",
    "RSS vs floor",
    "RSS vs typed floor",
    "RSS vs quiet floor",
    ...(withCdk ? ["CDK (MB)", "RSS vs CDK"] : []),
  ];
  return markdown(
    head,
    rows.map((r) => {
      const [c, f, t, q] = [r.components, r.floor, r.typedFloor, r.quietFloor];
      const cells = [r.n, fmt(c.maxRssMb), fmt(f.maxRssMb), fmt(t.maxRssMb), fmt(q.maxRssMb)];
      cells.push(ratio(c.maxRssMb, f.maxRssMb), ratio(c.maxRssMb, t.maxRssMb), ratio(c.maxRssMb, q.maxRssMb));
      if (withCdk) cells.push(...(r.cdk === undefined ? ["", ""] : [fmt(r.cdk.maxRssMb), ratio(c.maxRssMb, r.cdk.maxRssMb)]));
      return cells;
    }),
  );
}

function marginal(rows: Row[]): string[] {
  const head = [
    "From N",
    "To N",
    "CPU per added pipeline (ms)",
    "Floor (ms)",
    "Typed floor (ms)",
    "Quiet floor (ms)",
    "Wall (ms)",
    "Peak RSS (MB)",
    "Floor (MB)",
    "Typed floor (MB)",
    "Quiet floor (MB)",
  ];
  const out: (string | number)[][] = [];
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1]!, rows[i]!];
    const per = (pick: (r: Row) => number, digits: number) => fmt((pick(b) - pick(a)) / (b.n - a.n), digits);
    out.push([
      a.n,
      b.n,
      per((r) => r.components.cpuMs, 1),
      per((r) => r.floor.cpuMs, 1),
      per((r) => r.typedFloor.cpuMs, 1),
      per((r) => r.quietFloor.cpuMs, 1),
      per((r) => r.components.synthMs, 1),
    ]);
    out[out.length - 1]!.push(
      per((r) => r.components.maxRssMb, 2),
      per((r) => r.floor.maxRssMb, 2),
      per((r) => r.typedFloor.maxRssMb, 2),
      per((r) => r.quietFloor.maxRssMb, 2),
    );
  }
  return markdown(head, out);
}

/** The exact counts per copy at one N: what drives the heap, without the noise of peak RSS. */
function countsTable(row: Row): string[] {
  const c = row.counts!;
  const head = [
    "Per copy",
    "Promises (synchronous run)",
    "Promises (all)",
    "`apply` calls (all)",
    "Resource Outputs",
    "Heap after the synchronous run (MB)",
    "Heap vs floor",
  ];
  const line = (name: string, x: Counts) => [
    name,
    x.syncPromisesPerCopy,
    x.promisesPerCopy,
    x.appliesPerCopy,
    x.resourceOutputsPerCopy,
    fmt(x.heapAfterSyncMb / x.n, 2),
    ratio(x.heapAfterSyncMb, c.floor.heapAfterSyncMb),
  ];
  return markdown(head, [
    line("Components", c.components),
    line("Floor", c.floor),
    line("Typed floor", c.typedFloor),
    line("Quiet floor", c.quietFloor),
  ]);
}

/** The whole BENCHMARKS.md. */
export function benchmarksMarkdown(rows: Row[], runs: number): string {
  const section = (scenario: Row["scenario"], title: string, what: string) => {
    const own = rows.filter((r) => r.scenario === scenario).sort((a, b) => a.n - b.n);
    if (own.length === 0) return [];
    const withCdk = own.some((r) => r.cdk !== undefined);
    return [
      `## ${title}`,
      "",
      what,
      "",
      ...timeTable(own, withCdk),
      "",
      ...memoryTable(own, withCdk),
      "",
      ...(own.length > 1 ? ["Marginal cost:", "", ...marginal(own), ""] : []),
      ...own
        .filter((r) => r.counts !== undefined)
        .flatMap((r) => [`Exact counts at N = ${r.n} (bench/count-outputs.ts, one run each):`, "", ...countsTable(r), ""]),
    ];
  };
  return [
    "# Benchmarks",
    "",
    "`npm run bench` (bench/synth-bench.ts) synthesizes each scenario under a mock engine",
    "(bench/mock-engine.ts; no Pulumi CLI, no AWS), each sample in a fresh Node.js process under",
    "ts-node (`-r ts-node/register/transpile-only`, as a Pulumi TypeScript program runs), and records",
    `the median of ${runs} run(s) (the first run of the components also writes the floors' recording). Runs alternate: components, floor, typed floor, quiet floor${rows.some((r) => r.cdk) ? ", CDK" : ""}, components, floor...`,
    "",
    '- *Synth*: wall time from `require("aws-cicd")` returning to the last registration answered (program',
    "  run, stack outputs resolved, RPC queue drained). *CPU*: the child's CPU time (user and system, GC",
    "  threads included) over the same span, steadier than wall time on a shared machine; ratios use it.",
    "  *Peak RSS*: the child's `process.resourceUsage().maxRSS`.",
    "- *Floor*: the very same registrations, recorded from a run of the components, replayed with the",
    "  same SDK as plain `pulumi.CustomResource`s (components as plain `pulumi.ComponentResource`s, so",
    "  parents and URNs match) with resolved plain inputs and the same options (bench/floor.ts). It",
    "  includes parsing its recording; it has no invokes, no Outputs between resources and no",
    "  `@pulumi/aws`. For N <= 10 the bench checks that the floors register exactly what the components did.",
    "- *Typed floor*: the same replay through the `@pulumi/aws` classes (`aws.iam.Role`...) with the same",
    "  plain inputs: what `@pulumi/aws` itself adds (an Output, with four promises, for every property a",
    "  resource can return, about 12 a resource instead of 3), which no component built on it can avoid.",
    "  It includes loading the `@pulumi/aws` modules it uses.",
    "- *Quiet floor*: the floor's replay with V8's stack trace limit at 0 throughout. The components set",
    "  it to 0 while they create their children (packages/aws-cicd/src/internal/quiet-stacks.ts), so the",
    "  SDK formats no stack trace for the promises it tracks there; a plain program pays them. The quiet",
    "  floor also skips them for the top-level components' own registrations, which the components do not,",
    "  so it is the stricter comparison.",
    "- *CDK*: the same flow as AWS CDK constructs (bench/cdk-child.ts), constructing the app and",
    "  `app.synth()`, split into stacks of 8 copies (CloudFormation caps a stack at 500 resources).",
    "- Resources count AWS resources (not components). The machine is shared: compare ratios measured",
    "  in the same run rather than absolute times across runs.",
    "- *Exact counts* (at the N of `BENCH_COUNT_N`, 10 unless set): the promises created (async_hooks),",
    "  while the program runs synchronously and until the last registration is answered; the `apply` calls;",
    "  the Outputs the SDK makes for the properties of the resources registered while the program runs",
    "  synchronously (a plain `CustomResource` has one for each input given, `id` and `urn`; a `@pulumi/aws`",
    "  class one for every property it lists); and",
    "  the heap still in use when the synchronous run ends, after a full collection (it includes the",
    "  `@pulumi/aws` modules first loaded during the run). These do not vary between runs, unlike peak",
    "  RSS, which follows when V8's last full collection happens to fall.",
    "",
    ...section(
      "flagship",
      "Flagship flows",
      "N copies of examples/beanstalk-pipeline (a repository, a build, dev and prod Beanstalk environments, a five-stage pipeline with notifications), sharing one `EncryptionKey` (bench/scenarios.ts).",
    ),
    ...section(
      "fleet",
      "Simple fleet",
      "N pipelines, each a `CodeCommitRepo`, a `BuildProject` building it and a two-stage `Pipeline` (source, build), sharing one `EncryptionKey`.",
    ),
    ...section(
      "services",
      "Services file (ServiceFleet)",
      "A services file of N services (five teams, a tools and a prod account, dev and prod tiers, Beanstalk, EC2 fleet and Lambda targets in turn; test/platform/generated-fleet.ts) written as YAML and stamped out by one `ServiceFleet`: per service a repository, a build, a target per tier, a cross-account deploy role for prod in the other account and a V2 pipeline; one shared key, artifact bucket and topic per team. Reading and checking the file is included.",
    ),
    "## Machine",
    "",
    ...machine(),
    "",
  ].join("\n");
}
