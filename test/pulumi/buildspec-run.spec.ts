import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { readZip, runCommand } from "../../packages/cli/src/buildspec";
import { renderBuildSpec } from "../../packages/aws-cicd/src/codebuild/buildspec";
import { pulumiPreviewBuildSpec, pulumiUpBuildSpec } from "../../packages/aws-cicd/src/pulumi";
import { collectingIo, tempSource } from "../cli/buildspec-helpers";
import { fakePulumi } from "./fake-pulumi";

/**
 * The rendered preview and update buildspecs, run with `aws-cicd buildspec run` (the local
 * CodeBuild runner) and a fake `pulumi` first on PATH (fake-pulumi.ts). No Pulumi CLI runs here.
 */

const FIXTURES = path.join(__dirname, "fixtures");
const ARGS = { stack: "acme/shop/prod", workDir: "infra", accessToken: { secretsManager: "pulumi-token" } };
const PASS = ["FAKE_PULUMI_LOG", "FAKE_PULUMI_PREVIEW_JSON", "FAKE_PULUMI_FAIL"].flatMap((n) => ["--pass-env", n]);

interface Run {
  code: number;
  out: string;
  err: string;
  dir: string;
  calls: string[];
}

async function runSpec(yaml: string, env: Record<string, string>, files: Record<string, string> = {}, extra: string[] = []): Promise<Run> {
  const fake = fakePulumi();
  const dir = tempSource({
    "buildspec.yml": yaml,
    "infra/Pulumi.yaml": "name: shop\nruntime: nodejs\n",
    "secrets.json": '{"pulumi-token":"pul-local-test"}',
    ...files,
  });
  const io = collectingIo(dir, { FAKE_PULUMI_LOG: fake.log, FAKE_PULUMI_FAIL: "", ...env });
  io.env.PATH = `${fake.binDir}${path.delimiter}${process.env.PATH}`;
  const code = await runCommand(["buildspec.yml", "--out", "out", "--secrets", "secrets.json", ...PASS, ...extra], io);
  const calls = fs.readFileSync(fake.log, "utf8").split("\n").filter(Boolean);
  return { code, out: io.out + io.err, err: io.err, dir, calls };
}

const preview = (fixture: string, env: Record<string, string> = {}) =>
  runSpec(renderBuildSpec(pulumiPreviewBuildSpec(ARGS)), { FAKE_PULUMI_PREVIEW_JSON: path.join(FIXTURES, fixture), ...env });

/** The text of one file of an artifact ZIP. */
const entry = (zip: { name: string; data: Buffer }[], name: string): string => zip.find((e) => e.name === name)?.data.toString() ?? "";

/** The exported variables block of the run's summary. */
function exported(out: string): Record<string, string> {
  const block = out.split("Exported environment variables:\n")[1] ?? "";
  const vars: Record<string, string> = {};
  for (const line of block.split("\n")) {
    const m = /^ {2}([A-Z_]+)=(.*)$/.exec(line);
    if (!m) break;
    vars[m[1]] = m[2];
  }
  return vars;
}

describe("Pulumi buildspecs run locally (fake pulumi)", function () {
  this.timeout(60000);

  describe("preview", () => {
    it("runs pulumi preview --save-plan --json on the stack, and zips the plan, preview and summary", async () => {
      const r = await preview("preview-iam.json");
      expect(r.code, r.err + r.out).to.equal(0);
      const real = fs.realpathSync(r.dir);
      const call = r.calls[0].replace(real, "<src>").replace(r.dir, "<src>").replace(r.dir, "<src>").replace(real, "<src>");
      expect(call).to.equal(
        "pulumi preview --stack acme/shop/prod --cwd <src>/infra --save-plan <src>/pulumi-plan/plan.json --json --non-interactive",
      );
      expect(r.calls).to.have.length(1);
      const zip = readZip(fs.readFileSync(path.join(r.dir, "out/primary.zip")));
      expect(zip.map((e) => e.name)).to.deep.equal(["plan.json", "preview.json", "summary.json", "summary.md"]);
      expect(entry(zip, "plan.json")).to.equal('{"resourcePlans":{"fake":{}}}\n');
      expect(entry(zip, "preview.json")).to.equal(fs.readFileSync(path.join(FIXTURES, "preview-iam.json"), "utf8"));
    });

    it("exports the counts, the IAM flag and the summary line, and prints the summary in the log", async () => {
      const r = await preview("preview-iam.json");
      expect(r.code, r.err).to.equal(0);
      expect(exported(r.out)).to.deep.equal({
        PLAN_CREATES: "3",
        PLAN_UPDATES: "2",
        PLAN_REPLACES: "1",
        PLAN_DELETES: "1",
        PLAN_IAM_CHANGES: "3",
        PLAN_IAM_BROADENED: "true",
        PLAN_SUMMARY:
          "Stack acme/shop/prod: 3 to create, 2 to update, 1 to replace, 1 to delete; 3 permission change(s), review before approving.",
        PLAN_SUMMARY_URL: "",
      });
      expect(r.out).to.contain("# Pulumi plan for stack acme/shop/prod\n");
    });

    it("flags every IAM resource and policy change of the recorded sample as broadening, and nothing else", async () => {
      const r = await preview("preview-iam.json");
      const zip = readZip(fs.readFileSync(path.join(r.dir, "out/primary.zip")));
      const summary = JSON.parse(entry(zip, "summary.json"));
      expect(summary.counts).to.deep.equal({ create: 3, update: 2, replace: 1, delete: 1 });
      expect(summary.iamBroadened).to.equal(true);
      expect(
        summary.changes.map((c: { op: string; name: string; permission?: string }) => [c.op, c.name, c.permission ?? null]),
      ).to.deep.equal([
        ["create", "site", null],
        ["create", "deployer", "IAM resource"],
        ["create", "deployer-admin", "IAM resource"],
        ["update", "site-policy", "resource policy"],
        ["update", "data-key", null],
        ["replace", "handler", null],
        ["delete", "old-alerts", null],
      ]);
      const md = entry(zip, "summary.md");
      expect(md).to.contain("- create aws:iam/role:Role deployer **PERMISSION BROADENING** (IAM resource)\n");
      expect(md).to.contain("- update aws:s3/bucketPolicy:BucketPolicy site-policy: resource policy; treat as broadening.\n");
      expect(md).to.contain("- update aws:kms/key:Key data-key\n");
    });

    it("exports IAM broadened false when the plan changes no permission", async () => {
      const r = await preview("preview-no-iam.json");
      expect(r.code, r.err).to.equal(0);
      const vars = exported(r.out);
      expect([vars.PLAN_UPDATES, vars.PLAN_IAM_CHANGES, vars.PLAN_IAM_BROADENED]).to.deep.equal(["1", "0", "false"]);
      expect(vars.PLAN_SUMMARY).to.equal(
        "Stack acme/shop/prod: 0 to create, 1 to update, 0 to replace, 0 to delete; no permission change.",
      );
    });

    it("stops the build when pulumi preview fails: no summary, empty variables, no plan in the artifact", async () => {
      const r = await preview("preview-iam.json", { FAKE_PULUMI_FAIL: "preview" });
      expect(r.code).to.equal(1);
      expect(r.out).to.contain("error: program failed");
      expect(r.out).to.match(/COMMAND_EXECUTION_ERROR: pulumi preview .* exited with status 255/);
      expect(r.out).to.not.contain("# Pulumi plan");
      expect(Object.values(exported(r.out))).to.deep.equal(["", "", "", "", "", "", "", ""]);
      // CodeBuild still uploads after a failed BUILD phase, but the action fails, so the pipeline stops there.
      const zip = readZip(fs.readFileSync(path.join(r.dir, "out/primary.zip")));
      expect(zip.map((e) => e.name)).to.deep.equal(["preview.json"]);
    });

    it("stops the build when the preview output is not JSON", async () => {
      const r = await runSpec(renderBuildSpec(pulumiPreviewBuildSpec(ARGS)), { FAKE_PULUMI_PREVIEW_JSON: "/dev/null" });
      expect(r.code).to.equal(1);
      expect(r.out).to.contain("summarize: cannot read the preview JSON");
    });
  });

  describe("up", () => {
    /** Runs the update buildspec; `plan` is the plan file's text (undefined: no file), `input` whether the plan artifact is an input. */
    async function up(plan: string | undefined, input = true, env: Record<string, string> = {}) {
      const fake = fakePulumi();
      const files: Record<string, string> = {
        "buildspec.yml": renderBuildSpec(pulumiUpBuildSpec(ARGS, "prodPlan")),
        "secrets.json": '{"pulumi-token":"pul-local-test"}',
      };
      if (plan !== undefined) files["plan/plan.json"] = plan;
      const dir = tempSource({ ...files, "plan/.keep": "" });
      const io = collectingIo(dir, {
        FAKE_PULUMI_LOG: fake.log,
        FAKE_PULUMI_FAIL: "",
        ...(input ? { CODEBUILD_SRC_DIR_prodPlan: path.join(dir, "plan") } : {}),
        ...env,
      });
      io.env.PATH = `${fake.binDir}${path.delimiter}${process.env.PATH}`;
      const pass = ["FAKE_PULUMI_LOG", "FAKE_PULUMI_FAIL", ...(input ? ["CODEBUILD_SRC_DIR_prodPlan"] : [])].flatMap((n) => [
        "--pass-env",
        n,
      ]);
      const code = await runCommand(["buildspec.yml", "--out", "out", "--secrets", "secrets.json", ...pass], io);
      const calls = fs.readFileSync(fake.log, "utf8").split("\n").filter(Boolean);
      return { code, out: io.out + io.err, dir, calls };
    }

    it("runs pulumi up --plan <saved plan> --yes on the stack and succeeds", async () => {
      const r = await up('{"resourcePlans":{}}\n');
      expect(r.code, r.out).to.equal(0);
      expect(r.calls).to.deep.equal([
        `pulumi up --stack acme/shop/prod --cwd ${r.dir}/infra --plan ${r.dir}/plan/plan.json --yes --non-interactive`,
      ]);
      expect(r.out).to.contain(`applying plan ${r.dir}/plan/plan.json: {"resourcePlans":{}}`);
    });

    it("fails without running pulumi when the plan file is missing", async () => {
      const r = await up(undefined);
      expect(r.code).to.equal(1);
      expect(r.calls).to.deep.equal([]);
      expect(r.out).to.contain(`No saved plan at ${r.dir}/plan/plan.json; refusing to run pulumi up without the reviewed plan.`);
    });

    it("fails without running pulumi when the plan artifact is not an input", async () => {
      const r = await up('{"resourcePlans":{}}\n', false);
      expect(r.code).to.equal(1);
      expect(r.calls).to.deep.equal([]);
      expect(r.out).to.contain(
        "The plan artifact prodPlan is not an input of this build (CODEBUILD_SRC_DIR_prodPlan is unset); run the preview first and pass its output.",
      );
    });

    it("fails when pulumi refuses an update that departs from the plan", async () => {
      const r = await up('{"resourcePlans":{}}\n', true, { FAKE_PULUMI_FAIL: "up" });
      expect(r.code).to.equal(1);
      expect(r.calls).to.have.length(1);
      expect(r.out).to.contain("violates plan");
    });
  });
});
