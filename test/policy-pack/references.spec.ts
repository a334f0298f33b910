import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { policies, REFERENCES, strictPolicyConfig } from "../../packages/policy-pack/src/policies";
import { referenceTags } from "../../packages/policy-pack/src/rules/rule";
import { previewTable, referencesTable, rulesTable } from "./readme-tables";

const PACK = path.join(__dirname, "..", "..", "packages", "policy-pack");
const README = fs.readFileSync(path.join(PACK, "README.md"), "utf8");

/** Baseline rules that no FSBP control names: public access and plain-text credentials. */
const BASELINE_WITHOUT_FSBP = ["aws-cicd-ec2-user-data-secrets", "aws-cicd-iam-trust-no-public-principal"];
/**
 * FSBP controls the default tier leaves advisory: S3.9 needs a second (log) bucket, S3.13 is a data-retention decision,
 * and a Beanstalk load balancer's logs and listeners may be set in .ebextensions, which the pack cannot see.
 */
const STRICT_DESPITE_FSBP = [
  "aws-cicd-s3-access-logging",
  "aws-cicd-s3-lifecycle",
  "aws-cicd-eb-load-balancer-access-logs",
  "aws-cicd-eb-load-balancer-https",
];

describe("policy pack: references, tiers and README", () => {
  it("cites only ids of the reference table, each with a title and a link", () => {
    for (const r of policies) {
      for (const tag of referenceTags(r.metadata.references)) {
        expect(REFERENCES[tag], `${r.name} cites ${tag}`).to.not.equal(undefined);
        expect(REFERENCES[tag].title.length, tag).to.be.greaterThan(10);
        expect(REFERENCES[tag].url, tag).to.match(/^https:\/\//);
      }
    }
  });

  it("keeps no table entry that no rule cites", () => {
    const cited = new Set(policies.flatMap((r) => referenceTags(r.metadata.references)));
    expect(Object.keys(REFERENCES).filter((t) => !cited.has(t))).to.deep.equal([]);
  });

  it("pins the corrected references", () => {
    const refs = (id: string) => referenceTags(policies.find((p) => p.name === id)!.metadata.references);
    expect(refs("aws-cicd-kms-key-policy-defined")).to.deep.equal(["checkov:CKV2_AWS_64"]);
    expect(refs("aws-cicd-s3-public-access-block")).to.not.include("security-hub:S3.1");
    expect(refs("aws-cicd-s3-no-public-principal")).to.deep.equal(["security-hub:S3.2", "security-hub:S3.3", "checkov:CKV_AWS_70"]);
    expect(refs("aws-cicd-iam-no-wildcard-actions")).to.not.include("checkov:CKV_AWS_355");
    expect(refs("aws-cicd-iam-no-star-resource")).to.not.include("security-hub:IAM.21");
    expect(refs("aws-cicd-iam-no-star-resource")).to.include("checkov:CKV_AWS_355");
    expect(refs("aws-cicd-iam-no-privilege-escalation")).to.not.include.members(["security-hub:IAM.1", "cdk-nag:AwsSolutions-IAM5"]);
    expect(refs("aws-cicd-ec2-imdsv2")).to.include("security-hub:EC2.170");
    expect(refs("aws-cicd-ec2-no-public-ip")).to.include("security-hub:EC2.25");
    expect(refs("aws-cicd-sns-kms")).to.include("security-hub:SNS.1");
  });

  it("makes a rule mandatory by default exactly when it cites an FSBP control (or guards public access and credentials)", () => {
    for (const r of policies) {
      const fsbp = (r.metadata.references.securityHub ?? []).some((id) => REFERENCES[`security-hub:${id}`]?.fsbp);
      const baseline = (fsbp && !STRICT_DESPITE_FSBP.includes(r.name)) || BASELINE_WITHOUT_FSBP.includes(r.name);
      expect(r.metadata.tier === "baseline", r.name).to.equal(baseline);
      expect(r.enforcementLevel, r.name).to.equal(baseline ? "mandatory" : "advisory");
    }
  });

  it("ships strict-config.json equal to strictPolicyConfig()", () => {
    expect(JSON.parse(fs.readFileSync(path.join(PACK, "strict-config.json"), "utf8"))).to.deep.equal(strictPolicyConfig());
    const pkg = JSON.parse(fs.readFileSync(path.join(PACK, "package.json"), "utf8"));
    expect(pkg.files).to.include("strict-config.json");
  });

  it("documents every rule, its tiers, references and preview behaviour in the README", () => {
    expect(README).to.include(rulesTable(policies));
    expect(README).to.include(referencesTable(policies));
    expect(README).to.include(previewTable(policies));
  });

  it("counts the rules in the repository README as they are", () => {
    const root = fs.readFileSync(path.join(PACK, "..", "..", "README.md"), "utf8");
    expect(root).to.include(`(\`packages/policy-pack\`, ${policies.length} CrossGuard rules,`);
  });
});
