import { expect } from "chai";
import * as fs from "fs";
import { cli, CliRun, tempProgram } from "./synth-helpers";
import type { SynthReport } from "../../packages/cli/src/synth/report-types";
import type { InventoryReport } from "../../packages/cli/src/synth/inventory";
import { DEFAULT_COST_INPUTS, exitCodeOf, parseSynthArgs } from "../../packages/cli/src/synth";
import { NETWORK } from "../examples/example-config";

/** The flagship's required production settings, as `--config` flags (what `npm run synth` passes). */
const FLAGSHIP_CONFIG = Object.entries(NETWORK).flatMap(([k, v]) => ["--config", `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`]);

// Every spawn starts in `before` at once, so the suite costs about one synth.
describe("aws-cicd synth", () => {
  let repo: CliRun;
  let flagship: CliRun;
  let markdown: CliRun;
  let broken: CliRun;
  let bad: CliRun;
  let badLenient: CliRun;
  let unconfigured: CliRun;
  let costly: CliRun;
  let inventory: CliRun;
  const dirs: string[] = [];
  before(async function () {
    this.timeout(60000);
    const failing = tempProgram("failing", 'throw new Error("boom in the program");\n');
    const rawBucket = tempProgram(
      "raw-bucket",
      'import * as aws from "@pulumi/aws";\nexport const bucket = new aws.s3.Bucket("raw").bucket;\n',
    );
    // A small fleet (the 25-service example costs 25 s more): team b stays on preset 1.0.0.
    const fleet = tempProgram(
      "fleet",
      [
        'import * as cicd from "aws-cicd";',
        'const net = { vpcId: "vpc-0a1b2c3d", privateSubnetIds: ["subnet-0a1b2c3d"] };',
        'const presets = [1, 2].map((v) => ({ name: "p", version: `${v}.0.0`, defaults: {} }));',
        'export const names = new cicd.ServiceFleet("f", { presets, services: {',
        '  version: 1, preset: { name: "p", version: "2.0.0" },',
        '  accounts: { dev: { id: "123456789012", region: "us-east-1", network: net } },',
        '  teams: { a: { emails: ["a@example.com"] }, b: { emails: ["b@example.com"], presetVersion: "1.0.0" } },',
        '  services: ["web", "api", "jobs"].map((name, i) => ({ name, team: i === 2 ? "b" : "a", source: { codecommit: {} },',
        '    environments: [{ name: "dev", account: "dev", target: { ec2Fleet: {} } }] })),',
        "} }).pipelineNames;",
        "",
      ].join("\n"),
    );
    dirs.push(failing.dir, rawBucket.dir, fleet.dir);
    [repo, flagship, markdown, broken, bad, badLenient, unconfigured, costly, inventory] = await Promise.all([
      cli(["synth", "examples/repo-and-build", "--json"]),
      cli([
        "synth",
        "examples/beanstalk-pipeline",
        "--json",
        "--fail-on",
        "none",
        "--config",
        'approverEmails=["ops@example.com"]',
        ...FLAGSHIP_CONFIG,
      ]),
      cli([
        "synth",
        "examples/beanstalk-pipeline",
        "--markdown",
        "--stack",
        "prod",
        "--region",
        "eu-west-1",
        "--account",
        "111122223333",
        ...FLAGSHIP_CONFIG,
      ]),
      cli(["synth", failing.dir], failing.env),
      cli(["synth", rawBucket.dir, "--json"], rawBucket.env),
      cli(["synth", rawBucket.dir, "--fail-on", "none"], rawBucket.env),
      cli(["synth", "examples/beanstalk-pipeline", "--json"]),
      cli(["synth", "examples/repo-and-build", "--cost", "buildsPerDay=20", "--cost=minutesPerBuild=3"]),
      cli(["synth", fleet.dir, "--inventory", "--json"], fleet.env),
    ]);
  });
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  describe("examples/repo-and-build --json", () => {
    const report = (): SynthReport => JSON.parse(repo.stdout);

    it("exits 0 with a schema-versioned report of the project, stack and identity", () => {
      expect(repo.code, repo.stderr).to.equal(0);
      const r = report();
      expect([r.schemaVersion, r.tool, r.project, r.stack, r.account, r.region, r.program]).to.deep.equal([
        1,
        "aws-cicd synth",
        "repo-and-build",
        "dev",
        "123456789012",
        "us-east-1",
        "examples/repo-and-build/index.ts",
      ]);
      expect(r.outputs.projectName).to.equal("repo-and-build-dev-tests");
    });

    it("draws the resource tree by parent", () => {
      const r = report();
      expect(r.resources.map((n) => `${n.type} ${n.name}`)).to.deep.equal([
        "aws-cicd:index:EncryptionKey cicd",
        "aws-cicd:index:CodeCommitRepo app",
        "aws-cicd:index:BuildProject tests",
      ]);
      const tests = r.resources[2];
      expect(tests.component).to.equal(true);
      expect(tests.children.map((c) => c.name)).to.include.members(["tests-role", "tests-policy", "tests-project", "tests-logs"]);
    });

    it("lists the build role with its trust and its statements as actions on resources", () => {
      const r = report();
      expect(r.roles.map((x) => x.key)).to.deep.equal(["aws-cicd:index:BuildProject$aws:iam/role:Role::tests-role"]);
      const role = r.roles[0];
      expect(role.trust).to.deep.equal([
        {
          effect: "Allow",
          actions: ["sts:AssumeRole"],
          principals: [{ type: "Service", value: "codebuild.amazonaws.com" }],
          conditions: [
            {
              operator: "ArnLike",
              key: "aws:SourceArn",
              values: ["arn:aws:codebuild:us-east-1:123456789012:project/repo-and-build-dev-tests"],
            },
            { operator: "StringEquals", key: "aws:SourceAccount", values: ["123456789012"] },
          ],
        },
      ]);
      expect(role.statements.map((s) => [s.source.name, s.sid, s.actions, s.resources])).to.deep.equal([
        [
          "tests-policy",
          "WriteBuildLogs",
          ["logs:CreateLogStream", "logs:PutLogEvents"],
          [
            "arn:aws:logs:us-east-1:123456789012:log-group:/aws/codebuild/repo-and-build-dev-tests",
            "arn:aws:logs:us-east-1:123456789012:log-group:/aws/codebuild/repo-and-build-dev-tests:log-stream:*",
          ],
        ],
        [
          "tests-policy",
          "UseKeysThroughS3",
          ["kms:Decrypt", "kms:GenerateDataKey"],
          ["arn:aws:kms:us-east-1:123456789012:key/cicd-key-id"],
        ],
        ["tests-policy", "PullSource", ["codecommit:GitPull"], ["arn:aws:codecommit:us-east-1:123456789012:app"]],
        [
          "tests-policy",
          "UseRepositoryKeyThroughCodeCommit",
          [
            "kms:Decrypt",
            "kms:DescribeKey",
            "kms:Encrypt",
            "kms:GenerateDataKey",
            "kms:GenerateDataKeyWithoutPlaintext",
            "kms:ReEncryptFrom",
            "kms:ReEncryptTo",
          ],
          ["arn:aws:kms:us-east-1:123456789012:key/cicd-key-id"],
        ],
      ]);
      expect(role.statements[1].conditions).to.deep.equal([
        { operator: "StringEquals", key: "kms:ViaService", values: ["s3.us-east-1.amazonaws.com"] },
      ]);
      expect(role.managedPolicyArns).to.deep.equal([]);
    });

    it("runs the policy pack and finds nothing", () => {
      const r = report();
      expect(r.policyPack.status).to.equal("ran");
      expect(r.policyPack.rules).to.be.greaterThan(40);
      expect(r.policyPack.findings).to.deep.equal([]);
      expect(r.pipelines).to.deep.equal([]);
    });
  });

  describe("examples/beanstalk-pipeline (the flagship)", () => {
    const report = (): SynthReport => JSON.parse(flagship.stdout);

    it("draws the pipeline's stages and actions in order, with artifacts", () => {
      expect(flagship.code, flagship.stderr).to.equal(0);
      const [p] = report().pipelines;
      expect(p.pipelineName).to.equal("beanstalk-pipeline-dev-app");
      expect(
        p.stages.map((s) => s.actions.map((a) => [s.name, a.name, a.category, a.provider, a.inputArtifacts, a.outputArtifacts])),
      ).to.deep.equal([
        [["Source", "Source", "Source", "CodeCommit", [], ["SourceOutput"]]],
        [["BuildAndTest", "Build", "Build", "CodeBuild", ["SourceOutput"], ["BuildOutput"]]],
        [["DeployDev", "Deploy", "Deploy", "ElasticBeanstalk", ["BuildOutput"], []]],
        [["Approve", "Approve", "Approval", "Manual", [], []]],
        [["DeployProd", "Deploy", "Deploy", "ElasticBeanstalk", ["BuildOutput"], []]],
      ]);
    });

    it("shows the Beanstalk service roles' managed policies", () => {
      const r = report();
      expect(r.summary.roles).to.equal(7);
      const service = r.roles.find((x) => x.name === "dev-service-role")!;
      expect(service.managedPolicyArns).to.deep.equal([
        "arn:aws:iam::aws:policy/AWSElasticBeanstalkManagedUpdatesCustomerRolePolicy",
        "arn:aws:iam::aws:policy/service-role/AWSElasticBeanstalkEnhancedHealth",
      ]);
    });

    it("reports no finding in either tier: the flagship meets the strict tier", () => {
      const r = report();
      expect(r.policyPack.strictTier).to.equal(true);
      expect(r.policyPack.findings).to.deep.equal([]);
      expect([
        r.summary.mandatoryFindings,
        r.summary.advisoryFindings,
        r.summary.strictMandatoryFindings,
        r.summary.strictAdvisoryFindings,
      ]).to.deep.equal([0, 0, 0, 0]);
      expect(exitCodeOf(r, "advisory")).to.equal(0);
      expect(exitCodeOf(r, "mandatory", "strict")).to.equal(0);
      expect(exitCodeOf(r, "advisory", "strict")).to.equal(0);
    });

    it("fails without its production settings, naming the first missing one", () => {
      expect(unconfigured.code).to.not.equal(0);
      expect(unconfigured.stderr).to.include("Missing required configuration variable 'beanstalk-pipeline:vpcId'");
      expect(unconfigured.stderr).to.include("with aws-cicd synth: --config vpcId=<value>");
    });

    it("writes Markdown with a Mermaid flowchart of the stages, under the given stack, region and account", () => {
      expect(markdown.code).to.equal(0);
      expect(markdown.stdout).to.include("# aws-cicd synth: beanstalk-pipeline (prod)");
      const mermaid = /```mermaid\n([\s\S]*?)```/.exec(markdown.stdout)?.[1] ?? "";
      expect(mermaid.split("\n")[0]).to.equal("flowchart LR");
      const stages = [...mermaid.matchAll(/subgraph \w+\["([^"]+)"\]/g)].map((m) => m[1]);
      expect(stages).to.deep.equal(["Source", "BuildAndTest", "DeployDev", "Approve", "DeployProd"]);
      expect(mermaid).to.include("p0s3 --> p0s4");
      expect(markdown.stdout).to.include("arn:aws:iam::111122223333:role/beanstalk-pipeline-prod-app-pipeline");
      expect(markdown.stdout).to.include("arn:aws:codebuild:eu-west-1:111122223333:project/beanstalk-pipeline-prod-test");
    });
  });

  describe("--inventory", () => {
    it("lists every fleet service with its team, preset version and environments, and flags older preset versions", () => {
      expect(inventory.code, inventory.stderr).to.equal(0);
      const inv = JSON.parse(inventory.stdout) as InventoryReport;
      expect(inv.latestPresetVersions).to.deep.equal({ p: "2.0.0" });
      expect(inv.services.map((e) => [e.team, e.service, e.presetVersion, e.environments, e.outdated])).to.deep.equal([
        ["a", "api", "2.0.0", ["dev"], false],
        ["a", "web", "2.0.0", ["dev"], false],
        ["b", "jobs", "1.0.0", ["dev"], true],
      ]);
      expect(inv.services[2]).to.include({
        preset: "p",
        libraryVersion: require("../../packages/aws-cicd/package.json").version,
        pipelineName: "fleet-dev-f-jobs",
      });
      expect((JSON.parse(flagship.stdout) as SynthReport).inventory).to.deep.equal({ services: [], latestPresetVersions: {} });
    });
  });

  describe("the cost estimate", () => {
    it("prices the flagship per pipeline, with the shared key apart, from the stated inputs and the dated table", () => {
      const c = (JSON.parse(flagship.stdout) as SynthReport).cost;
      expect([c.estimate, c.currency, c.prices.region, c.prices.date, c.prices.file]).to.deep.equal([
        true,
        "USD",
        "us-east-1",
        "2026-12-02",
        "aws-cicd-cli/data/prices-us-east-1.json",
      ]);
      expect(c.inputs).to.deep.equal(DEFAULT_COST_INPUTS);
      expect(c.pipelines.map((g) => [g.name, g.pipelineName, g.monthly])).to.deep.equal([["app", "beanstalk-pipeline-dev-app", 18.83]]);
      // Source 1 + build 5 + two Beanstalk deploys 5 each = 16 action minutes, 10 executions a day for 30 days.
      expect(c.pipelines[0].lines.find((l) => l.resource === "app-pipeline")).to.deep.equal({
        resource: "app-pipeline",
        type: "aws:codepipeline/pipeline:Pipeline",
        item: "V2 action minutes (4 billed actions x 300 executions)",
        quantity: 4800,
        unit: "action-minute",
        unitPrice: 0.002,
        monthly: 9.6,
      });
      expect(c.pipelines[0].lines.find((l) => l.resource === "test-project")).to.include({
        quantity: 1500,
        unitPrice: 0.005,
        monthly: 7.5,
      });
      expect(c.shared.lines.map((l) => [l.resource, l.item, l.monthly])).to.deep.equal([["cicd-key", "customer managed key", 1]]);
      expect([c.total, c.unpriced]).to.deep.equal([19.83, []]);
    });

    it("says it is an estimate in the text and Markdown reports, and warns when the table is for another region", () => {
      expect(costly.code, costly.stderr).to.equal(0);
      expect(costly.stdout).to.include("\nEstimated monthly cost: ");
      expect(costly.stdout).to.include("(ESTIMATE)\n  Estimates only, not a quote:");
      expect(costly.stdout).to.include("Usage assumed: buildsPerDay=20, minutesPerBuild=3, daysPerMonth=30,");
      // A build project no pipeline runs is assumed to build buildsPerDay times a day: 600 builds of 3 minutes.
      expect(costly.stdout).to.include(
        "tests-project: build minutes (LINUX_CONTAINER/BUILD_GENERAL1_SMALL, 600 builds): 1800 build-minute x 0.005 = 9.00 USD",
      );
      expect(markdown.stdout).to.include("## Estimated monthly cost\n\n> **Estimate.** Estimates only, not a quote:");
      expect(markdown.stdout).to.include("| **total** | **19.83** |");
      expect(markdown.stdout).to.include(
        "## Warnings\n\n- The cost estimate uses us-east-1 prices, but the stack is in eu-west-1: pass --prices with a table for eu-west-1.\n",
      );
      expect((JSON.parse(flagship.stdout) as SynthReport).warnings).to.deep.equal([]);
    });
  });

  describe("exit codes", () => {
    it("exits 1 with the program's message when the program throws", () => {
      expect(broken.code).to.equal(1);
      expect(broken.stderr).to.equal("aws-cicd synth: The program failed: boom in the program\n");
      expect(broken.stdout).to.equal("");
    });

    it("exits 3 on mandatory policy-pack findings, and 0 with --fail-on none", () => {
      expect(bad.code).to.equal(3);
      const r: SynthReport = JSON.parse(bad.stdout);
      expect(r.policyPack.findings.filter((f) => f.enforcementLevel === "mandatory").map((f) => f.rule)).to.deep.equal([
        "aws-cicd-s3-acls-disabled",
        "aws-cicd-s3-public-access-block",
        "aws-cicd-s3-tls-only",
      ]);
      expect(r.policyPack.findings.find((f) => f.rule === "aws-cicd-s3-encryption-customer-key")).to.include({
        enforcementLevel: "advisory",
        strictEnforcementLevel: "mandatory",
      });
      expect(bad.stderr).to.match(/policy pack findings \(3 mandatory, \d+ advisory\) fail --fail-on mandatory\./);
      expect(badLenient.code).to.equal(0);
      expect(badLenient.stdout).to.match(/\n {2}\[mandatory\/\w+, strict: mandatory\] aws-cicd-s3-public-access-block raw: /);
      expect(badLenient.stdout).to.match(/\n {2}\[advisory\/\w+, strict: mandatory\] aws-cicd-s3-versioning raw: /);
    });
  });

  describe("arguments", () => {
    it("parses flags, repeated --config and the directory", () => {
      expect(
        parseSynthArgs(["ex", "--config", "a=1", "--config=ns:b=x=y", "--stack=qa", "--markdown", "--fail-on", "advisory"]),
      ).to.deep.equal({
        dir: "ex",
        stack: "qa",
        account: "123456789012",
        region: "us-east-1",
        config: { a: "1", "ns:b": "x=y" },
        format: "markdown",
        failOn: "advisory",
        tier: "default",
        cost: DEFAULT_COST_INPUTS,
        inventory: false,
      });
      expect(parseSynthArgs(["--tier", "strict"]).tier).to.equal("strict");
    });

    it("throws on a bad --fail-on, account or option", () => {
      expect(() => parseSynthArgs(["--fail-on", "all"])).to.throw('`--fail-on` must be none, mandatory or advisory, got "all".');
      expect(() => parseSynthArgs(["--tier", "lenient"])).to.throw('`--tier` must be default or strict, got "lenient".');
      expect(() => parseSynthArgs(["--account", "12"])).to.throw('`--account` must be a 12-digit AWS account id, got "12".');
      expect(() => parseSynthArgs(["--verbose"])).to.throw("Unknown option `--verbose` for synth.");
    });
  });
});
