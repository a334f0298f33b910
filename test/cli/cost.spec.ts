import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { EngineResource } from "../../packages/cli/src/engine";
import {
  checkPriceTable,
  costInputsOf,
  DEFAULT_COST_INPUTS,
  DEFAULT_PRICES_FILE,
  estimateCost,
  loadPrices,
  synthCommand,
} from "../../packages/cli/src/synth";

const PRICES = loadPrices();

let n = 0;
/** A resource as the engine records it; `state` defaults to the inputs. */
function res(type: string, name: string, inputs: Record<string, any>, extra: Partial<EngineResource> = {}): EngineResource {
  const urn = `urn:pulumi:dev::t::${type}::${name}`;
  return {
    type,
    name,
    urn,
    id: `${name}-id-${n++}`,
    custom: true,
    inputs,
    state: { ...inputs, ...(extra.state ?? {}) },
    options: { retainOnDelete: false, protect: false, ignoreChanges: [], dependsOn: [] },
    ...extra,
  };
}
const component = (type: string, name: string): EngineResource => ({ ...res(type, name, {}), custom: false });
const build = (project: string) => ({
  name: "Build",
  category: "Build",
  owner: "AWS",
  provider: "CodeBuild",
  configuration: { ProjectName: project },
});
const source = { name: "Source", category: "Source", owner: "AWS", provider: "CodeCommit", configuration: {} };
const approval = { name: "Approve", category: "Approval", owner: "AWS", provider: "Manual", configuration: {} };
const deploy = { name: "Deploy", category: "Deploy", owner: "AWS", provider: "ElasticBeanstalk", configuration: {} };
const SMALL = { type: "LINUX_CONTAINER", computeType: "BUILD_GENERAL1_SMALL" };

describe("aws-cicd synth: the cost estimate", () => {
  describe("known inputs give known numbers", () => {
    const pc = component("aws-cicd:index:Pipeline", "web");
    const bc = component("aws-cicd:index:BuildProject", "web-build");
    const resources = [
      pc,
      bc,
      res(
        "aws:codebuild/project:Project",
        "web-build-project",
        { name: "web-build", environment: SMALL, logsConfig: { cloudwatchLogs: { groupName: "/b/web" } } },
        { parent: bc.urn },
      ),
      res("aws:cloudwatch/logGroup:LogGroup", "web-build-logs", { name: "/b/web", retentionInDays: 30 }, { parent: bc.urn }),
      res("aws:cloudwatch/metricAlarm:MetricAlarm", "web-build-alarm", { period: 300 }, { parent: bc.urn }),
      res("aws:s3/bucket:Bucket", "web-artifacts", { bucket: "web-artifacts-b" }, { parent: pc.urn }),
      res(
        "aws:s3/bucketVersioning:BucketVersioning",
        "web-versioning",
        { bucket: "web-artifacts-b", versioningConfiguration: { status: "Enabled" } },
        { parent: pc.urn },
      ),
      res(
        "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
        "web-lifecycle",
        {
          bucket: "web-artifacts-b",
          rules: [
            { status: "Enabled", expiration: { days: 60 } },
            { status: "Enabled", noncurrentVersionExpiration: { noncurrentDays: 15 } },
          ],
        },
        { parent: pc.urn },
      ),
      res("aws:sns/topic:Topic", "web-topic", {}, { parent: pc.urn, state: { arn: "arn:aws:sns:us-east-1:123456789012:web" } }),
      res(
        "aws:sns/topicSubscription:TopicSubscription",
        "web-mail-1",
        { topic: "arn:aws:sns:us-east-1:123456789012:web", protocol: "email" },
        { parent: pc.urn },
      ),
      res(
        "aws:sns/topicSubscription:TopicSubscription",
        "web-mail-2",
        { topic: "arn:aws:sns:us-east-1:123456789012:web", protocol: "email" },
        { parent: pc.urn },
      ),
      res(
        "aws:codepipeline/pipeline:Pipeline",
        "web-pipeline",
        {
          name: "web",
          pipelineType: "V2",
          artifactStores: [{ location: "web-artifacts-b" }],
          stages: [
            { actions: [source] },
            { actions: [build("web-build"), build("shared-lint")] },
            { actions: [approval] },
            { actions: [deploy] },
          ],
        },
        { parent: pc.urn },
      ),
      res("aws:codepipeline/pipeline:Pipeline", "legacy", {
        name: "legacy",
        stages: [{ actions: [source] }, { actions: [build("shared-lint")] }],
      }),
      res("aws:codebuild/project:Project", "lint", {
        name: "shared-lint",
        environment: { type: "LINUX_CONTAINER", computeType: "BUILD_GENERAL1_LARGE" },
      }),
      res("aws:codebuild/project:Project", "arm", {
        name: "arm",
        environment: { type: "ARM_CONTAINER", computeType: "BUILD_GENERAL1_SMALL" },
      }),
      res("aws:kms/key:Key", "key", { enableKeyRotation: true }),
      res("aws:cloudwatch/metricAlarm:MetricAlarm", "fast", {
        period: 10,
        metricQueries: [{ metric: {} }, { metric: {} }, { expression: "m1+m2" }],
      }),
    ];
    const inputs = costInputsOf(["buildsPerDay=2", "minutesPerBuild=4", "keyRotations=3"]);
    const c = estimateCost(resources, PRICES, inputs, "prices.json");
    const lines = (g: { lines: { resource: string; item: string; quantity: number; monthly: number }[] }) =>
      g.lines.map((l) => [l.resource, l.item, l.quantity, l.monthly]);

    it("gives a pipeline its own resources and the builds only it runs", () => {
      // 60 executions: V2 minutes = source 1 + two builds 4 + 4 + deploy 5 (the approval is free) = 14 a run.
      expect(c.pipelines.map((g) => [g.name, g.pipelineName])).to.deep.equal([
        ["web", "web"],
        ["legacy", "legacy"],
      ]);
      expect(lines(c.pipelines[0])).to.deep.equal([
        ["web-build-project", "build minutes (LINUX_CONTAINER/BUILD_GENERAL1_SMALL, 60 builds)", 240, 1.2],
        ["web-build-logs", "log data ingested", 0.0586, 0.0293],
        ["web-build-logs", "log data stored (kept 30 days)", 0.0586, 0.0018],
        ["web-build-alarm", "standard-resolution alarm (1 metric)", 1, 0.1],
        // 50 MB x 60 writes a month, kept 60 days current + 15 noncurrent: 2.9297 GB x 75/30.
        ["web-artifacts", "S3 Standard storage (artifacts kept 75 days)", 7.3242, 0.1685],
        ["web-topic", "publish requests", 0.0001, 0.0001],
        ["web-topic", "e-mail deliveries (2 subscribers)", 0.0024, 0.0048],
        ["web-pipeline", "V2 action minutes (4 billed actions x 60 executions)", 840, 1.68],
      ]);
      expect(c.pipelines[0].monthly).to.equal(3.18);
      expect(lines(c.pipelines[1])).to.deep.equal([["legacy", "active V1 pipeline", 1, 1]]);
    });

    it("puts a build that two pipelines run, keys and loose resources in shared, and lists what has no price", () => {
      expect(lines(c.shared)).to.deep.equal([
        // Run by both pipelines: 120 builds of 4 minutes on LARGE.
        ["lint", "build minutes (LINUX_CONTAINER/BUILD_GENERAL1_LARGE, 120 builds)", 480, 9.6],
        ["key", "customer managed key", 1, 1],
        // Three rotations, of which the table prices two.
        ["key", "rotated key material", 2, 2],
        ["fast", "high-resolution alarm (2 metrics)", 2, 0.6],
      ]);
      expect(c.unpriced).to.deep.equal([
        "arm (aws:codebuild/project:Project): no build-minute price for ARM_CONTAINER/BUILD_GENERAL1_SMALL in the price table",
      ]);
      expect([c.shared.monthly, c.total]).to.deep.equal([13.2, 17.38]);
    });

    it("prices a bucket or log group that never expires for a year, and says so", () => {
      const bucket = res("aws:s3/bucket:Bucket", "b", { bucket: "b" });
      const project = res("aws:codebuild/project:Project", "p", {
        name: "p",
        environment: SMALL,
        logsConfig: { cloudwatchLogs: { groupName: "g" } },
      });
      const group = res("aws:cloudwatch/logGroup:LogGroup", "g", { name: "g" });
      const pipeline = res("aws:codepipeline/pipeline:Pipeline", "pl", {
        name: "pl",
        artifactStores: [{ location: "b" }],
        stages: [{ actions: [build("p")] }],
      });
      const out = estimateCost([bucket, project, group, pipeline], PRICES, DEFAULT_COST_INPUTS, "x");
      expect(out.pipelines).to.have.length(1);
      expect(lines(out.shared).filter(([, item]) => String(item).includes("year"))).to.deep.equal([
        ["b", "S3 Standard storage (no expiry: a year of artifacts)", 178.2227, 4.0991],
        ["g", "log data stored (never expires: a year of logs)", 3.5645, 0.1069],
      ]);
    });

    it("states the table, the inputs, what it leaves out, and that it is an estimate", () => {
      expect([c.estimate, c.currency, c.prices.file, c.prices.date, c.prices.region]).to.deep.equal([
        true,
        "USD",
        "prices.json",
        "2026-12-02",
        "us-east-1",
      ]);
      expect(c.inputs).to.deep.equal({ ...DEFAULT_COST_INPUTS, buildsPerDay: 2, minutesPerBuild: 4, keyRotations: 3 });
      expect(c.disclaimer).to.match(/^Estimates only, not a quote: /);
      expect(c.notIncluded[0]).to.match(/^the deploy targets' own compute/);
    });
  });

  describe("inputs", () => {
    it("applies overrides to the defaults", () => {
      expect(costInputsOf([])).to.deep.equal(DEFAULT_COST_INPUTS);
      expect(costInputsOf(["buildsPerDay=0.5", "daysPerMonth=31"])).to.deep.equal({
        ...DEFAULT_COST_INPUTS,
        buildsPerDay: 0.5,
        daysPerMonth: 31,
      });
    });

    it("refuses an unknown input or a bad value, naming it and what is allowed", () => {
      expect(() => costInputsOf(["builds=3"])).to.throw(
        '`--cost` names an unknown input "builds" (from "builds=3"); inputs: buildsPerDay, minutesPerBuild, daysPerMonth, sourceActionMinutes, deployActionMinutes, otherActionMinutes, artifactMbPerExecution, logMbPerBuild, notificationsPerExecution, keyRotations.',
      );
      expect(() => costInputsOf(["minutesPerBuild=-1"])).to.throw(
        '`--cost minutesPerBuild` must be a number of 0 or more, got "-1". Example: --cost minutesPerBuild=5.',
      );
      expect(() => costInputsOf(["keyRotations=1.5"])).to.throw('`--cost keyRotations` must be a whole number of 0 or more, got "1.5".');
      expect(() => costInputsOf(["daysPerMonth=0"])).to.throw('`--cost daysPerMonth` must be a whole number of 1 or more, got "0".');
      expect(() => costInputsOf(["buildsPerDay="])).to.throw('`--cost buildsPerDay` must be a number of 0 or more, got "".');
    });
  });

  describe("the price table", () => {
    it("ships us-east-1 list prices with their date and an https source page per service", () => {
      const raw = JSON.parse(fs.readFileSync(DEFAULT_PRICES_FILE, "utf8"));
      expect([raw.region, raw.currency, raw.date]).to.deep.equal(["us-east-1", "USD", "2026-12-02"]);
      expect(Object.keys(raw.sources)).to.deep.equal(["codepipeline", "codebuild", "kms", "s3", "sns", "cloudwatch"]);
      expect(raw.codepipeline).to.deep.equal({ v1ActivePipelineMonth: 1, v2ActionMinute: 0.002 });
      expect(raw.codebuild.minute["LINUX_CONTAINER/BUILD_GENERAL1_SMALL"]).to.equal(0.005);
    });

    it("refuses a table with a missing or wrong field, naming the file and the field", () => {
      const good = JSON.parse(fs.readFileSync(DEFAULT_PRICES_FILE, "utf8"));
      expect(() => checkPriceTable({ ...good, date: "Dec 2026" }, "p.json")).to.throw(
        'Price table p.json: `date` must be a day as YYYY-MM-DD, got "Dec 2026".',
      );
      expect(() => checkPriceTable({ ...good, kms: { keyMonth: 1 } }, "p.json")).to.throw(
        "Price table p.json: `kms.rotatedKeyMaterialMonth` must be a number of 0 or more, got nothing.",
      );
      expect(() => checkPriceTable({ ...good, sources: { s3: "http://x" } }, "p.json")).to.throw(
        "`sources` must be an object of https:// pages by service",
      );
      expect(() => checkPriceTable({ ...good, codebuild: { minute: { small: 1 } } }, "p.json")).to.throw(
        'Price table p.json: `codebuild.minute["small"]` must be keyed by `<environment type>/<compute type>`, got "small".',
      );
      expect(() => checkPriceTable([], "p.json")).to.throw(
        "Price table p.json: `(root)` must be an object like data/prices-us-east-1.json, got [].",
      );
    });

    it("makes `synth --prices` exit 2 on a bad table and `--cost` exit 2 on a bad input, before the program runs", async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aws-cicd-prices-"));
      const file = path.join(dir, "p.json");
      fs.writeFileSync(file, "{ not json");
      const out: string[] = [];
      const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => out.push(t) };
      try {
        expect(await synthCommand(["examples/repo-and-build", "--prices", file], io)).to.equal(2);
        expect(out.join("")).to.match(new RegExp(`^aws-cicd synth: The price table ${file.replace(/[.\\/]/g, "\\$&")} is not JSON: `));
        out.length = 0;
        expect(await synthCommand(["examples/repo-and-build", "--cost", "speed=1"], io)).to.equal(2);
        expect(out.join("")).to.match(/^aws-cicd synth: `--cost` names an unknown input "speed"/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
