import { expect } from "chai";
import * as fs from "fs";
import { cli, CliRun, tempProgram } from "./synth-helpers";
import type { SynthReport } from "../../packages/cli/src/synth/report-types";
import { duplicateUrnMessage, EngineResource, qualifiedUrn } from "../../packages/cli/src/engine";
import { runRules } from "../../packages/cli/src/synth/policy-pack";
import { SECRET_SIG, SPECIAL_SIG_KEY, unwrapSecrets } from "../../packages/cli/src/synth/secrets";

const secret = (value: unknown) => ({ [SPECIAL_SIG_KEY]: SECRET_SIG, value });

const RAW_SECRET_PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
new aws.codebuild.Project("raw", {
  serviceRole: "arn:aws:iam::123456789012:role/r",
  artifacts: { type: "NO_ARTIFACTS" },
  source: { type: "NO_SOURCE", buildspec: "version: 0.2" },
  environment: {
    computeType: "BUILD_GENERAL1_SMALL",
    image: "aws/codebuild/standard:7.0",
    type: "LINUX_CONTAINER",
    privilegedMode: true,
    environmentVariables: [{ name: "X", value: pulumi.secret("abc") }],
  },
});
new aws.elasticbeanstalk.Environment("env", {
  application: "app",
  solutionStackName: "s",
  settings: [{ namespace: "aws:autoscaling:launchconfiguration", name: "DisableIMDSv1", value: pulumi.secret("true") }],
});
`;

const DUPLICATE_PROGRAM = `import { BuildProject } from "aws-cicd";
new BuildProject("svc");
new BuildProject("svc");
`;

const SAME_NAME_OTHER_TYPES = `import { BuildProject, CodeCommitRepo, Pipeline } from "aws-cicd";
const repo = new CodeCommitRepo("svc");
const build = new BuildProject("svc");
new Pipeline("svc", { stages: [{ name: "Source", actions: [repo.sourceAction()] }, { name: "Build", actions: [build.buildAction()] }] });
`;

describe("aws-cicd synth on hostile programs", () => {
  let secrets: CliRun;
  let duplicate: CliRun;
  let sameName: CliRun;
  const dirs: string[] = [];
  before(async function () {
    this.timeout(60000);
    const a = tempProgram("secrets", RAW_SECRET_PROGRAM);
    const b = tempProgram("duplicate", DUPLICATE_PROGRAM);
    const c = tempProgram("samename", SAME_NAME_OTHER_TYPES);
    dirs.push(a.dir, b.dir, c.dir);
    [secrets, duplicate, sameName] = await Promise.all([
      cli(["synth", a.dir, "--json", "--fail-on", "none"], a.env),
      cli(["synth", b.dir, "--json"], b.env),
      cli(["synth", c.dir, "--json", "--fail-on", "none"], c.env),
    ]);
  });
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  describe("the policy pack sees inside secret values", () => {
    it("reports privileged mode although an environment variable is secret", () => {
      expect(secrets.code, secrets.stderr).to.equal(0);
      const r: SynthReport = JSON.parse(secrets.stdout);
      expect(r.policyPack.findings.filter((f) => f.resource === "raw" && f.rule === "aws-cicd-codebuild-privileged-mode")).to.have.length(
        1,
      );
    });

    it("reads a secret Beanstalk option setting as its value (no false IMDSv1 finding)", () => {
      const r: SynthReport = JSON.parse(secrets.stdout);
      expect(r.policyPack.findings.filter((f) => f.resource === "env").map((f) => f.rule)).to.not.include("aws-cicd-eb-imdsv1-disabled");
    });

    it("unwraps secrets at any depth, copying arrays and objects", () => {
      const input = { a: secret({ b: [secret(secret("x")), 1] }), c: [secret({ d: secret(true) })], e: "plain" };
      expect(unwrapSecrets(input)).to.deep.equal({ a: { b: ["x", 1] }, c: [{ d: true }], e: "plain" });
      expect(input.a).to.deep.equal(secret({ b: [secret(secret("x")), 1] }));
      expect(unwrapSecrets(secret("top"))).to.equal("top");
    });

    it("unwraps a value nested 100,000 levels deep without overflowing the stack", () => {
      let deep: unknown = "bottom";
      for (let i = 0; i < 100000; i++) deep = i % 2 ? secret(deep) : [deep];
      let out = unwrapSecrets(deep);
      let depth = 0;
      while (Array.isArray(out)) {
        out = out[0];
        depth++;
      }
      expect([out, depth]).to.deep.equal(["bottom", 50000]);
    });

    it("hands rules the unwrapped inputs", async () => {
      const seen: unknown[] = [];
      const resource: EngineResource = {
        type: "aws:codebuild/project:Project",
        name: "p",
        urn: "urn:pulumi:dev::x::aws:codebuild/project:Project::p",
        id: "p-id",
        custom: true,
        inputs: { environment: secret({ privilegedMode: secret(true) }) },
        state: {},
        options: { retainOnDelete: false, protect: false, ignoreChanges: [], dependsOn: [] },
      };
      const findings = await runRules(
        [
          {
            name: "r",
            enforcementLevel: "mandatory",
            validateResource: (args: { props: Record<string, any> }, report: (m: string) => void) => {
              seen.push(args.props);
              if (args.props.environment?.privilegedMode === true) report("Privileged.");
            },
            validateStack: (args: { resources: { props: unknown }[] }) => {
              seen.push(args.resources[0].props);
            },
          },
        ],
        [resource],
      );
      expect(findings.map((f) => f.message)).to.deep.equal(["Privileged."]);
      expect(seen).to.deep.equal([{ environment: { privilegedMode: true } }, { environment: { privilegedMode: true } }]);
    });
  });

  describe("duplicate URNs", () => {
    it("exits 1 when two components of one type share a name, as `pulumi preview` would", () => {
      expect(duplicate.code).to.equal(1);
      expect(duplicate.stdout).to.equal("");
      expect(duplicate.stderr).to.equal(
        'aws-cicd synth: The program failed: Duplicate resource URN "urn:pulumi:dev::duplicate::aws-cicd:index:BuildProject::svc": the program creates two aws-cicd:index:BuildProject resources named "svc", which `pulumi preview` refuses. Give each a distinct name.\n',
      );
    });

    it("qualifies a child's type with every ancestor's type, as the engine does", () => {
      const top = "urn:pulumi:dev::p::aws-cicd:index:Pipeline::svc";
      const key = qualifiedUrn("urn:pulumi:dev::p::aws-cicd:index:EncryptionKey::svc-key", top);
      expect(key).to.equal("urn:pulumi:dev::p::aws-cicd:index:Pipeline$aws-cicd:index:EncryptionKey::svc-key");
      expect(qualifiedUrn("urn:pulumi:dev::p::aws:kms/key:Key::svc-key", key)).to.equal(
        "urn:pulumi:dev::p::aws-cicd:index:Pipeline$aws-cicd:index:EncryptionKey$aws:kms/key:Key::svc-key",
      );
      expect(qualifiedUrn(top, undefined)).to.equal(top);
    });

    it("names the first URN registered twice, and nothing when all are unique", () => {
      const r = (urn: string, parent?: string): EngineResource => ({
        type: "aws:kms/key:Key",
        name: "k",
        urn,
        ...(parent ? { parent } : {}),
        id: "k",
        custom: true,
        inputs: {},
        state: {},
        options: { retainOnDelete: false, protect: false, ignoreChanges: [], dependsOn: [] },
      });
      expect(duplicateUrnMessage([r("a"), r("b")])).to.equal(undefined);
      expect(duplicateUrnMessage([r("a", "p"), r("b"), r("a", "p")])).to.equal(
        'Duplicate resource URN "a": the program creates two aws:kms/key:Key resources named "k" under the same parent type, which `pulumi preview` refuses. Give each a distinct name.',
      );
    });

    it("accepts components of different types with one name: children's URNs differ by their ancestors", () => {
      expect(sameName.code, sameName.stderr).to.equal(0);
      const r: SynthReport = JSON.parse(sameName.stdout);
      expect(r.resources.map((n) => `${n.type} ${n.name}`)).to.deep.equal([
        "aws-cicd:index:CodeCommitRepo svc",
        "aws-cicd:index:BuildProject svc",
        "aws-cicd:index:Pipeline svc",
      ]);
    });
  });
});
