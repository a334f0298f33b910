import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { diffCommand, diffReports, iamMatches } from "../../packages/cli/src/diff";
import type { PermissionStatementReport, RoleReport, SynthReport } from "../../packages/cli/src/synth/report-types";

const statement = (actions: string[], resources: string[], extra: Partial<PermissionStatementReport> = {}): PermissionStatementReport => ({
  source: { kind: "inline", name: "build-policy" },
  effect: "Allow",
  actions,
  resources,
  conditions: [],
  ...extra,
});

const role = (name: string, statements: PermissionStatementReport[], extra: Partial<RoleReport> = {}): RoleReport => ({
  key: `aws:iam/role:Role::${name}`,
  name,
  roleName: name,
  arn: `arn:aws:iam::123456789012:role/${name}`,
  trust: [
    { effect: "Allow", actions: ["sts:AssumeRole"], principals: [{ type: "Service", value: "codebuild.amazonaws.com" }], conditions: [] },
  ],
  statements,
  managedPolicyArns: [],
  ...extra,
});

const LOGS = statement(["logs:PutLogEvents"], ["arn:aws:logs:us-east-1:123456789012:log-group:/aws/codebuild/app"]);
const KEY = statement(["kms:Decrypt"], ["arn:aws:kms:us-east-1:123456789012:key/k"], {
  conditions: [{ operator: "StringEquals", key: "kms:ViaService", values: ["s3.us-east-1.amazonaws.com"] }],
});
const BASE = [role("build-role", [LOGS, KEY])];

function report(roles: RoleReport[]): SynthReport {
  return { schemaVersion: 1, tool: "aws-cicd synth", roles } as unknown as SynthReport;
}

describe("aws-cicd diff", () => {
  describe("diffReports", () => {
    it("reports no change and no growth for identical reports", () => {
      expect(diffReports(report(BASE), report(BASE))).to.deep.equal({
        schemaVersion: 1,
        tool: "aws-cicd diff",
        grew: false,
        rolesAdded: [],
        rolesRemoved: [],
        rolesChanged: [],
      });
    });

    it("counts an added role as growth and a removed role as not", () => {
      const added = role("deploy-role", [statement(["s3:GetObject"], ["arn:aws:s3:::b/*"])]);
      const d = diffReports(report(BASE), report([...BASE, added]));
      expect(d.grew).to.equal(true);
      expect(d.rolesAdded).to.deep.equal([added]);
      const back = diffReports(report([...BASE, added]), report(BASE));
      expect(back.grew).to.equal(false);
      expect(back.rolesRemoved.map((r) => r.name)).to.deep.equal(["deploy-role"]);
    });

    it('highlights a resource widened to "*"', () => {
      const d = diffReports(report(BASE), report([role("build-role", [statement(["logs:PutLogEvents"], ["*"]), KEY])]));
      expect(d.grew).to.equal(true);
      expect(d.rolesChanged[0].broadened.map((b) => [b.kind, b.detail])).to.deep.equal([
        [
          "resource-widened",
          "Allow inline build-policy: resource widened from arn:aws:logs:us-east-1:123456789012:log-group:/aws/codebuild/app to *.",
        ],
      ]);
      expect(d.rolesChanged[0].statementsAdded).to.deep.equal([]);
      expect(d.rolesChanged[0].statementsRemoved).to.deep.equal([]);
    });

    it("reports a gained action, a removed condition and an added trust principal as broadening", () => {
      const next = role(
        "build-role",
        [statement(["logs:PutLogEvents", "logs:DeleteLogGroup"], LOGS.resources), { ...KEY, conditions: [] }],
        {
          trust: [
            {
              effect: "Allow",
              actions: ["sts:AssumeRole"],
              principals: [
                { type: "Service", value: "codebuild.amazonaws.com" },
                { type: "AWS", value: "arn:aws:iam::444455556666:root" },
              ],
              conditions: [],
            },
          ],
        },
      );
      const d = diffReports(report(BASE), report([next]));
      expect(d.rolesChanged[0].broadened.map((b) => b.kind)).to.deep.equal(["action-added", "condition-removed", "trust-principal-added"]);
      expect(d.rolesChanged[0].broadened[2].detail).to.equal("trust: AWS arn:aws:iam::444455556666:root may now assume the role.");
    });

    it("does not count a removed statement or a narrowed resource as growth", () => {
      const d = diffReports(report(BASE), report([role("build-role", [LOGS])]));
      expect(d.grew).to.equal(false);
      expect(d.rolesChanged[0].statementsRemoved).to.deep.equal([KEY]);
      const wide = [role("build-role", [statement(["logs:PutLogEvents"], ["arn:aws:logs:us-east-1:123456789012:log-group:*"]), KEY])];
      const narrowed = diffReports(report(wide), report(BASE));
      expect(narrowed.grew).to.equal(false);
      expect(narrowed.rolesChanged[0].narrowed).to.deep.equal([
        "Allow inline build-policy: resource arn:aws:logs:us-east-1:123456789012:log-group:* dropped.",
      ]);
    });

    it("counts an added statement and an attached managed policy as growth", () => {
      const d = diffReports(
        report(BASE),
        report([
          role("build-role", [LOGS, KEY, statement(["s3:PutObject"], ["arn:aws:s3:::b/*"])], {
            managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"],
          }),
        ]),
      );
      expect(d.grew).to.equal(true);
      expect(d.rolesChanged[0].statementsAdded.map((s) => s.actions)).to.deep.equal([["s3:PutObject"]]);
      expect(d.rolesChanged[0].broadened.map((b) => b.kind)).to.deep.equal(["action-added", "managed-policy-added"]);
    });

    it("matches IAM wildcards", () => {
      expect(iamMatches("arn:aws:s3:::b/*", "arn:aws:s3:::b/x/y")).to.equal(true);
      expect(iamMatches("arn:aws:s3:::b/*", "arn:aws:s3:::c/x")).to.equal(false);
      expect(iamMatches("*", "anything")).to.equal(true);
    });
  });

  describe("diffCommand", () => {
    let dir: string;
    const write = (name: string, roles: RoleReport[]) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, JSON.stringify(report(roles)));
      return file;
    };
    const run = (args: string[]) => {
      const out = { code: 0, stdout: "", stderr: "" };
      out.code = diffCommand(args, { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t) });
      return out;
    };
    before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "aws-cicd-diff-"))));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("exits 4 when permissions grew, with the broadening highlighted", () => {
      const r = run([write("old.json", BASE), write("new.json", [role("build-role", [statement(["logs:PutLogEvents"], ["*"]), KEY])])]);
      expect(r.code).to.equal(4);
      expect(r.stdout).to.equal(
        "Permissions GREW.\n\n~ role build-role (arn:aws:iam::123456789012:role/build-role)\n! " +
          "    BROADENED Allow inline build-policy: resource widened from arn:aws:logs:us-east-1:123456789012:log-group:/aws/codebuild/app to *.\n",
      );
    });

    it("exits 0 when statements were only removed, and writes JSON with --json", () => {
      const r = run([write("old.json", BASE), write("new.json", [role("build-role", [LOGS])]), "--json"]);
      expect(r.code).to.equal(0);
      const d = JSON.parse(r.stdout);
      expect([d.grew, d.rolesChanged[0].statementsRemoved.length]).to.deep.equal([false, 1]);
    });

    it("exits 1 on a file that is not a synth report and 2 on bad usage", () => {
      fs.writeFileSync(path.join(dir, "other.json"), "{}");
      const r = run([path.join(dir, "other.json"), write("new.json", BASE)]);
      expect(r.code).to.equal(1);
      expect(r.stderr).to.equal(`aws-cicd diff: ${path.join(dir, "other.json")} is not an \`aws-cicd synth --json\` report.\n`);
      expect(run(["only-one.json"]).code).to.equal(2);
    });
  });
});
