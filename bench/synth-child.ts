// One benchmark sample, run in its own process so every sample starts with fresh mocks and
// memory: `synth-child.ts flagship` or `synth-child.ts pipelines <N>`. Prints one JSON line.
import * as path from "path";
import { installBenchMocks, registeredTypes, settleProgram } from "./mock-engine";

/** One sample's measurements (maxRssMb is the process's peak resident memory). */
export interface Sample {
  scenario: string;
  pipelines: number;
  loadMs: number;
  synthMs: number;
  maxRssMb: number;
  resources: number;
  components: number;
  roles: number;
}

const FLAGSHIP = path.resolve(__dirname, "../examples/beanstalk-pipeline/index.ts");

/** N independent pipelines, each a CodeCommit repository, a CodeBuild project and a Pipeline. */
function generatedStack(cicd: typeof import("aws-cicd"), n: number): Record<string, unknown> {
  const key = new cicd.EncryptionKey("cicd");
  const exported: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    const repo = new cicd.CodeCommitRepo(`app${i}`, { description: `Service ${i}`, encryptionKey: key });
    const build = new cicd.BuildProject(`test${i}`, {
      encryptionKey: key,
      source: { codeCommit: { repository: repo, branch: "main" } },
    });
    const pipeline = new cicd.Pipeline(`app${i}`, {
      encryptionKey: key,
      stages: [
        { name: "Source", actions: [repo.sourceAction({ branch: "main" })] },
        { name: "Build", actions: [build.buildAction()] },
      ],
    });
    exported[`pipelineUrl${i}`] = pipeline.consoleUrl;
  }
  return exported;
}

async function main(): Promise<void> {
  const [scenario = "flagship", count = "1"] = process.argv.slice(2);
  installBenchMocks();
  const start = process.hrtime.bigint();

  const cicd: typeof import("aws-cicd") = require("aws-cicd");
  const loaded = process.hrtime.bigint();
  const n = scenario === "flagship" ? 1 : Number(count);

  const exported = scenario === "flagship" ? require(FLAGSHIP) : generatedStack(cicd, n);
  await settleProgram(exported);
  const done = process.hrtime.bigint();
  const sample: Sample = {
    scenario,
    pipelines: n,
    loadMs: Number(loaded - start) / 1e6,
    synthMs: Number(done - loaded) / 1e6,
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
