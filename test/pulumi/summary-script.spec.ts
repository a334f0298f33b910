import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PREVIEW_SUMMARY_SCRIPT } from "../../packages/aws-cicd/src/pulumi";

/** Runs the summary script on `digest` (written as JSON, or as given when a string); returns its result and files. */
function summarize(digest: unknown, env: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aws-cicd-summary-"));
  const script = path.join(dir, "summarize.cjs");
  fs.writeFileSync(script, PREVIEW_SUMMARY_SCRIPT);
  const input = path.join(dir, "preview.json");
  fs.writeFileSync(input, typeof digest === "string" ? digest : JSON.stringify(digest));
  const out = path.join(dir, "out");
  const r = spawnSync(process.execPath, [script, input, out, "dev"], { encoding: "utf8", env: { PATH: process.env.PATH, ...env } });
  const summary = fs.existsSync(path.join(out, "summary.json"))
    ? JSON.parse(fs.readFileSync(path.join(out, "summary.json"), "utf8"))
    : undefined;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, summary };
}

const step = (op: string, type: string, name: string, extra: object = {}) => ({
  op,
  urn: `urn:pulumi:dev::shop::${type}::${name}`,
  newState: { type, inputs: {} },
  ...extra,
});

describe("Preview summary script", () => {
  it("prints the exported variables as shell assignments, quoting the summary line", () => {
    const r = summarize(
      { steps: [step("create", "aws:sns/topic:Topic", "it's")], changeSummary: { create: 1 } },
      { CODEBUILD_BUILD_URL: "https://console.aws.amazon.com/codesuite/codebuild/projects/p/build/p:1" },
    );
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stdout).to.equal(
      [
        "PLAN_CREATES='1'",
        "PLAN_UPDATES='0'",
        "PLAN_REPLACES='0'",
        "PLAN_DELETES='0'",
        "PLAN_IAM_CHANGES='0'",
        "PLAN_IAM_BROADENED='false'",
        "PLAN_SUMMARY='Stack dev: 1 to create, 0 to update, 0 to replace, 0 to delete; no permission change.'",
        "PLAN_SUMMARY_URL='https://console.aws.amazon.com/codesuite/codebuild/projects/p/build/p:1'",
        "",
      ].join("\n"),
    );
    expect(r.summary.changes).to.deep.equal([
      { urn: "urn:pulumi:dev::shop::aws:sns/topic:Topic::it's", op: "create", type: "aws:sns/topic:Topic", name: "it's" },
    ]);
  });

  it("counts from the steps when changeSummary is absent, and reads the type from the URN when no state has one", () => {
    const r = summarize({
      steps: [
        { op: "delete", urn: "urn:pulumi:dev::shop::my:index:Component$aws:iam/policy:Policy::old" },
        step("update", "aws:lambda/function:Function", "fn"),
        step("same", "aws:iam/role:Role", "unchanged"),
      ],
    });
    expect(r.status, r.stderr).to.equal(0);
    expect(r.summary.counts).to.deep.equal({ create: 0, update: 1, replace: 0, delete: 1 });
    expect(r.summary.changes.map((c: { type: string; permission?: string }) => [c.type, c.permission ?? null])).to.deep.equal([
      ["aws:iam/policy:Policy", "IAM resource"],
      ["aws:lambda/function:Function", null],
    ]);
  });

  it("flags a created key or bucket that sets a policy, and a key whose policy changes, but not other key changes", () => {
    const r = summarize({
      steps: [
        step("create", "aws:kms/key:Key", "with-policy", { newState: { type: "aws:kms/key:Key", inputs: { policy: "{}" } } }),
        step("create", "aws:s3/bucket:Bucket", "plain"),
        step("update", "aws:kms/key:Key", "policy-change", { diffReasons: ["policy"] }),
        step("update", "aws:kms/key:Key", "rotation", { diffReasons: ["enableKeyRotation"] }),
        step("create", "aws:kms/grant:Grant", "grant"),
      ],
    });
    expect(r.summary.changes.map((c: { name: string; permission?: string }) => [c.name, c.permission ?? null])).to.deep.equal([
      ["with-policy", "sets a policy"],
      ["plain", null],
      ["policy-change", "policy changes"],
      ["rotation", null],
      ["grant", "resource policy"],
    ]);
    expect(r.summary.iamBroadened).to.equal(true);
  });

  it("exits 1 with the reason when the input is not a preview digest", () => {
    for (const bad of ["not json", "[1,2]", "null"]) {
      const r = summarize(bad);
      expect(r.status, bad).to.equal(1);
      expect(r.stderr, bad).to.match(/^summarize: /);
      expect(r.stdout, bad).to.equal("");
    }
  });
});
