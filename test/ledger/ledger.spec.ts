// Issue 9, item 1: the permission ledger (packages/aws-cicd/PERMISSIONS.md) is generated from the
// action lists and the roles the components create, and every action in it has a source.
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { BEANSTALK_ADMIN_LEFT_OUT, BEANSTALK_DOCUMENTED_MINIMUM } from "./left-out";
import { managedPolicyAllows } from "./managed-policies";
import { buildLedger, Ledger, renderLedger } from "./render";
import { ROLE_KINDS } from "./roles";
import { TRUST_EVIDENCE } from "./trust";

const LEDGER_FILE = path.join(__dirname, "..", "..", "packages", "aws-cicd", "PERMISSIONS.md");

describe("permission ledger (PERMISSIONS.md)", function () {
  this.timeout(120000);
  let ledger: Ledger;
  before(async () => {
    ledger = await buildLedger();
  });

  it("is up to date (run `npm run ledger` after changing an action list or a role)", async () => {
    expect(fs.readFileSync(LEDGER_FILE, "utf8")).to.equal(await renderLedger());
  });

  it("gives every action list of the library a source: an AWS page, an AWS managed policy or a decision", () => {
    const unsourced = ledger.constants.filter((c) => c.see.length + c.managedPolicies.length + c.decisions.length === 0).map((c) => c.name);
    expect(unsourced).to.deep.equal([]);
    const notLinks = ledger.constants.flatMap((c) =>
      c.see.filter((u) => !/^https:\/\/docs\.aws\.amazon\.com\/\S+$/.test(u)).map((u) => `${c.name}: ${u}`),
    );
    expect(notLinks).to.deep.equal([]);
  });

  it("traces every action of every role and grant to one of those lists", () => {
    const all = [
      ...ledger.roles.flatMap((r) => r.statements.map((s) => ({ where: r.title, s }))),
      ...ledger.grants.flatMap((g) => g.statements.map((s) => ({ where: g.title, s }))),
      ...ledger.resourceGrants.flatMap((g) => g.statements.map((s) => ({ where: g.title, s }))),
    ];
    expect(all.length).to.be.greaterThan(60);
    expect(
      all
        .filter(({ s }) => s.unsourced.length > 0 || s.constants.length === 0)
        .map(({ where, s }) => `${where} ${s.sid}: ${s.unsourced.join(", ")}`),
    ).to.deep.equal([]);
  });

  it("lists the statements of bucket and key policies that let CodeBuild project roles into a pipeline's store", () => {
    const sids = ledger.resourceGrants.map((g) => g.statements.map((s) => s.sid));
    expect(sids[0]).to.include.members(["CodeBuildRolesGetObjects", "CodeBuildRolesCheckBucket", "WritersPutObjects"]);
    expect(sids[1]).to.include.members(["NamedRolesDecryptThroughS3", "NamedRolesEncryptThroughS3"]);
  });

  it("finds every kind of role the components create in the stacks it reads", () => {
    expect(ledger.roles.map((r) => r.title)).to.have.members(ROLE_KINDS.map((k) => k.title));
  });

  it("holds every @managedPolicy claim against AWS's own policy document", () => {
    const wrong = ledger.constants.flatMap((c) =>
      c.managedPolicies.flatMap((m) =>
        c.actions.filter((a) => !managedPolicyAllows(m, a)).map((a) => `${c.name}: ${m} does not allow ${a}`),
      ),
    );
    expect(wrong).to.deep.equal([]);
  });

  it("names a reason for every part of AdministratorAccess-AWSElasticBeanstalk the scoped deploy does not grant, and no stale reason", () => {
    expect(ledger.beanstalkAdmin.filter((a) => a.leftOut > 0 && a.reason === undefined).map((a) => a.pattern)).to.deep.equal([]);
    const used = BEANSTALK_ADMIN_LEFT_OUT.filter((l) => ledger.beanstalkAdmin.some((a) => a.leftOut > 0 && l.match.test(a.pattern)));
    expect(used.length).to.equal(BEANSTALK_ADMIN_LEFT_OUT.length);
  });

  it("grants what UpdateEnvironment needs of the managed policy: the environment, its stacks, groups, templates, instances and the Beanstalk bucket", () => {
    const granted = ledger.beanstalkAdmin.flatMap((a) => a.granted);
    expect(granted).to.include.members([
      "elasticbeanstalk:UpdateEnvironment",
      "elasticbeanstalk:CreateApplicationVersion",
      "cloudformation:UpdateStack",
      "autoscaling:UpdateAutoScalingGroup",
      "ec2:RunInstances",
      "ec2:CreateLaunchTemplate",
      "ec2:TerminateInstances",
      "elasticloadbalancing:RegisterTargets",
      "s3:CreateBucket",
      "s3:PutBucketPolicy",
      "iam:PassRole",
    ]);
  });

  it("covers every service of AWS's documented minimum for the deploy action", () => {
    expect(ledger.documentedMinimum.map((m) => m.service)).to.deep.equal(BEANSTALK_DOCUMENTED_MINIMUM.map((m) => m.service));
    expect(ledger.documentedMinimum.filter((m) => ["rds", "sqs", "ecs", "sns"].includes(m.service) && m.granted.length > 0)).to.deep.equal(
      [],
    );
  });

  it("requires in each service trust exactly the condition keys AWS documents the service sending", () => {
    const problems: string[] = [];
    for (const r of ledger.roles) {
      for (const t of r.trusts) {
        if (t.principals === "exact role ARNs") continue;
        const ev = TRUST_EVIDENCE.find((e) => e.principal === t.principals);
        if (ev === undefined) {
          problems.push(`${r.title}: no evidence for ${t.principals}`);
          continue;
        }
        const keys = t.conditions.map((c) => c.split(" ")[1]);
        if (keys.length !== ev.keys.length || !ev.keys.every((k) => keys.includes(k)))
          problems.push(`${r.title}: ${t.principals} with ${keys.join(", ") || "none"}`);
      }
    }
    expect(problems).to.deep.equal([]);
  });
});
