// The published artifact: `npm pack` of aws-cicd holds only the build, and a fresh project can
// install it, compile against it under `strict` and run it, sharing one @pulumi/pulumi copy.
import { expect } from "chai";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ensureLibraryBuilt } from "../harness/build";

const ROOT = path.resolve(__dirname, "../..");
const PACKAGE_DIR = path.join(ROOT, "packages/aws-cicd");
/** Runtime dependencies the consumer resolves from the workspace (no registry access). */
const LINKED_MODULES = ["@pulumi/pulumi", "@pulumi/aws", "yaml"];

interface PackResult {
  filename: string;
  files: { path: string }[];
}

/** What the consumer's runner reports (printed as JSON on stdout). */
interface RunReport {
  resourceCount: number;
  componentTypes: string[];
  pulumiFromProgram: string;
  pulumiFromLibrary: string;
  outputs: Record<string, unknown>;
}

const CONSUMER_PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import * as cicd from "aws-cicd";

const key: cicd.EncryptionKey = new cicd.EncryptionKey("cicd");
const repo = new cicd.CodeCommitRepo("app", { description: "Consumer test", encryptionKey: key });
const build = new cicd.BuildProject("test", {
  encryptionKey: key,
  source: { codeCommit: { repository: repo, branch: "main" } },
});
const pipeline = new cicd.Pipeline("app", {
  encryptionKey: key,
  stages: [
    { name: "Source", actions: [repo.sourceAction({ branch: "main" })] },
    { name: "Build", actions: [build.buildAction()] },
  ],
});

export const repositoryArn: pulumi.Output<string> = repo.repositoryArn;
export const pipelineUrl: pulumi.Output<string> = pipeline.consoleUrl;
`;

// Plain JavaScript so it needs nothing but the installed packages.
const RUNNER = `const path = require("path");
const pulumi = require("@pulumi/pulumi");
const registered = [];
pulumi.runtime.setMocks(
  {
    newResource(args) {
      registered.push(args.type);
      const name = args.inputs.name ?? args.name;
      const service = args.type.split(":")[1].split("/")[0];
      // Roles get ARNs shaped as IAM's: bucket and key policies name the project's role.
      const arn = args.type === "aws:iam/role:Role" ? "arn:aws:iam::123456789012:role/" + name : "arn:aws:" + service + ":us-east-1:123456789012:" + name;
      return { id: args.name + "-id", state: { ...args.inputs, name, arn } };
    },
    call(args) {
      if (args.token === "aws:index/getCallerIdentity:getCallerIdentity") return { accountId: "123456789012", arn: "arn:aws:iam::123456789012:user/test", userId: "AIDATEST" };
      if (args.token === "aws:index/getRegion:getRegion") return { name: "us-east-1", region: "us-east-1" };
      if (args.token === "aws:index/getPartition:getPartition") return { partition: "aws", dnsSuffix: "amazonaws.com" };
      throw new Error("no mock answer for " + args.token);
    },
  },
  "consumer",
  "test",
  false,
);
const libraryDir = path.dirname(require.resolve("aws-cicd/package.json"));
const program = require("./out/index.js");
(async () => {
  const outputs = {};
  for (const [key, value] of Object.entries(program)) {
    outputs[key] = await new Promise((resolve) => pulumi.output(value).apply(resolve));
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  process.stdout.write(JSON.stringify({
    resourceCount: registered.length,
    componentTypes: [...new Set(registered.filter((t) => t.startsWith("aws-cicd:")))].sort(),
    pulumiFromProgram: require.resolve("@pulumi/pulumi"),
    pulumiFromLibrary: require.resolve("@pulumi/pulumi", { paths: [libraryDir] }),
    outputs,
  }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

function npm(args: string[], cwd: string): string {
  return execFileSync(process.platform === "win32" ? "npm.cmd" : "npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

describe("aws-cicd package", function () {
  this.timeout(120_000);
  let tmp: string;
  let pack: PackResult;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aws-cicd-pack-"));
    ensureLibraryBuilt();
    // --ignore-scripts: the library is built; prepack would rebuild it.
    const out = npm(["pack", "--workspace", "aws-cicd", "--pack-destination", tmp, "--json", "--ignore-scripts"], ROOT);
    pack = (JSON.parse(out) as PackResult[])[0]!;
  });

  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe("npm pack", () => {
    it("contains only dist/ (JS, declarations, source maps), the services file's JSON Schema, README.md, LICENSE and package.json", () => {
      const files = pack.files.map((f) => f.path);
      const unexpected = files.filter(
        (f) => !/^dist\/.+\.(js|d\.ts|js\.map)$/.test(f) && !["services.schema.json", "README.md", "LICENSE", "package.json"].includes(f),
      );
      expect(unexpected).to.deep.equal([]);
      expect(files).to.include.members([
        "dist/index.js",
        "dist/index.d.ts",
        "dist/index.js.map",
        "services.schema.json",
        "README.md",
        "LICENSE",
        "package.json",
      ]);
      expect(files.filter((f) => f.startsWith("dist/") && f.endsWith(".ts") && !f.endsWith(".d.ts"))).to.deep.equal([]);
    });

    it("holds only the components: no command (bin/, dist/cli/, a `bin` field), which is the aws-cicd-cli package", () => {
      const files = pack.files.map((f) => f.path);
      expect(files.filter((f) => f.startsWith("bin/") || f.startsWith("dist/cli/") || f.startsWith("dist/engine/"))).to.deep.equal([]);
      const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, "package.json"), "utf8"));
      expect(manifest.bin).to.equal(undefined);
    });

    it("exports the main entry point, the buildspec and checks entry points with their declarations, and the services schema", () => {
      const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, "package.json"), "utf8"));
      expect(manifest.exports).to.deep.equal({
        ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
        "./buildspec": { types: "./dist/buildspec-toolkit.d.ts", default: "./dist/buildspec-toolkit.js" },
        "./checks": { types: "./dist/checks.d.ts", default: "./dist/checks.js" },
        "./package.json": "./package.json",
        "./services.schema.json": "./services.schema.json",
      });
      // TypeScript's `node` (node10) resolution ignores `exports`: typesVersions maps the subpath for it.
      expect(manifest.typesVersions).to.deep.equal({ "*": { buildspec: ["dist/buildspec-toolkit.d.ts"], checks: ["dist/checks.d.ts"] } });
      expect(pack.files.map((f) => f.path)).to.include.members([
        "dist/buildspec-toolkit.js",
        "dist/buildspec-toolkit.d.ts",
        "dist/checks.js",
        "dist/checks.d.ts",
      ]);
    });

    it("declares @pulumi/* only as peer dependencies", () => {
      const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, "package.json"), "utf8"));
      const pulumiIn = (field: string) => Object.keys(manifest[field] ?? {}).filter((d) => d.startsWith("@pulumi/"));
      expect(pulumiIn("dependencies")).to.deep.equal([]);
      expect(pulumiIn("peerDependencies").sort()).to.deep.equal(["@pulumi/aws", "@pulumi/pulumi"]);
    });
  });

  describe("a fresh consumer project", () => {
    let project: string;

    before(() => {
      // Offline install: unpack the tarball as node_modules/aws-cicd and link its dependencies
      // from the workspace, as npm would place them (hoisted next to it).
      project = path.join(tmp, "consumer");
      const installed = path.join(project, "node_modules/aws-cicd");
      fs.mkdirSync(installed, { recursive: true });
      execFileSync("tar", ["-xzf", path.join(tmp, pack.filename), "-C", installed, "--strip-components=1"]);
      for (const name of LINKED_MODULES) {
        const link = path.join(project, "node_modules", name);
        fs.mkdirSync(path.dirname(link), { recursive: true });
        fs.symlinkSync(fs.realpathSync(path.join(ROOT, "node_modules", name)), link, "junction");
      }
      fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, main: "out/index.js" }));
      fs.writeFileSync(
        path.join(project, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            target: "ES2022",
            module: "commonjs",
            moduleResolution: "node",
            outDir: "out",
            skipLibCheck: true,
            types: [],
          },
          files: ["index.ts"],
        }),
      );
      fs.writeFileSync(path.join(project, "index.ts"), CONSUMER_PROGRAM);
      fs.writeFileSync(path.join(project, "run.js"), RUNNER);
    });

    it("installs without a nested copy of any dependency", () => {
      expect(fs.existsSync(path.join(project, "node_modules/aws-cicd/node_modules"))).to.equal(false);
      expect(fs.existsSync(path.join(project, "node_modules/aws-cicd/src"))).to.equal(false);
    });

    it("compiles a program importing it under strict", () => {
      const tsc = path.join(ROOT, "node_modules/typescript/bin/tsc");
      execFileSync(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: project, encoding: "utf8" });
      expect(fs.existsSync(path.join(project, "out/index.js"))).to.equal(true);
    });

    it("runs it under mocks with exactly one @pulumi/pulumi copy", () => {
      const out = execFileSync(process.execPath, ["run.js"], { cwd: project, encoding: "utf8" });
      const report = JSON.parse(out) as RunReport;
      expect(report.pulumiFromLibrary).to.equal(report.pulumiFromProgram);
      expect(report.componentTypes).to.deep.equal([
        "aws-cicd:index:BuildProject",
        "aws-cicd:index:CodeCommitRepo",
        "aws-cicd:index:EncryptionKey",
        "aws-cicd:index:Pipeline",
        "aws-cicd:index:SecureBucket",
        "aws-cicd:index:SecureTopic",
      ]);
      expect(report.resourceCount).to.be.greaterThan(10);
      expect(report.outputs.repositoryArn).to.be.a("string");
      expect(report.outputs.pipelineUrl).to.match(/^https:\/\/.*console\.aws\.amazon\.com\/codesuite\/codepipeline\/pipelines\//);
    });
  });
});
