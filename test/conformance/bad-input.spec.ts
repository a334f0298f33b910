import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import * as lib from "../../packages/aws-cicd/src";
import { recorded, settle } from "../harness";
import { BAD_INPUTS } from "./bad-input-cases";
import { BadInputCase, CATEGORIES, COMPONENTS, ComponentName } from "./bad-input-fixtures";
import { ISSUE_10_CASES, KNOWN_GAPS, OUTPUT_CASES } from "./bad-input-hostile-cases";
import { failedRegistrations } from "../harness/rejections";

/** The constructors the table names (the library is imported after the mocks, see .mocharc.json). */
const CONSTRUCTORS: Record<ComponentName, new (name: string, args: never) => pulumi.ComponentResource> = {
  EncryptionKey: lib.EncryptionKey,
  SecureTopic: lib.SecureTopic,
  SecureBucket: lib.SecureBucket,
  CodeCommitRepo: lib.CodeCommitRepo,
  BuildProject: lib.BuildProject,
  Pipeline: lib.Pipeline,
  BeanstalkTarget: lib.BeanstalkTarget,
  Ec2FleetTarget: lib.Ec2FleetTarget,
  LambdaTarget: lib.LambdaTarget,
  EcsServiceTarget: lib.EcsServiceTarget,
  CrossAccountDeployRole: lib.CrossAccountDeployRole,
  PulumiStack: lib.PulumiStack,
  ServiceFleet: lib.ServiceFleet,
  PulumiSelfUpdate: lib.PulumiSelfUpdate,
};

const construct = (c: { component: ComponentName; name: string; args: unknown }) => () =>
  new CONSTRUCTORS[c.component](c.name, c.args as never);

/** `type/name` of everything registered, to show in a failure. */
const registered = () => recorded.map((r) => `${r.type}/${r.name}`);

describe("Bad input", () => {
  describe("the table", () => {
    it("holds at least 45 cases with unique component names", () => {
      expect(BAD_INPUTS.length).to.be.at.least(45);
      const names = BAD_INPUTS.map((c) => c.name);
      expect(new Set(names).size).to.equal(names.length);
    });

    it("holds at least 60 distinct hostile inputs of issue 10 (types, principals, secrets, structure, quotas)", () => {
      expect(ISSUE_10_CASES.length).to.be.at.least(60);
      expect(new Set(ISSUE_10_CASES.map((c) => `${c.component} ${JSON.stringify(c.args)}`)).size, "distinct inputs").to.equal(
        ISSUE_10_CASES.length,
      );
      for (const category of ["type", "principal", "plaintext secret", "stage structure", "quota"] as const) {
        expect(ISSUE_10_CASES.filter((c) => c.category === category).length, category).to.be.at.least(5);
      }
    });

    it("detects children: a valid component registers AWS resources under itself (control)", async () => {
      const key = new lib.EncryptionKey("control-key");
      await settle();
      const self = recorded.find((r) => r.type === "aws-cicd:index:EncryptionKey" && r.name === "control-key");
      expect(recorded.filter((r) => r.parent === self?.urn).map((r) => r.type)).to.deep.equal(["aws:kms/key:Key", "aws:kms/alias:Alias"]);
      expect(key).to.be.instanceOf(lib.EncryptionKey);
    });

    it("covers every component and every category", () => {
      expect([...new Set(BAD_INPUTS.map((c) => c.component))].sort()).to.deep.equal([...COMPONENTS].sort());
      for (const category of CATEGORIES) {
        expect(BAD_INPUTS.filter((c) => c.category === category).length, category).to.be.at.least(5);
      }
    });
  });

  for (const component of COMPONENTS) {
    describe(component, () => {
      for (const c of BAD_INPUTS.filter((x) => x.component === component)) {
        describe(`${c.category}: ${c.name}`, () => {
          it(`throws naming \`${c.arg}\` and the received value`, () => {
            expect(c.message, "message names the argument").to.include(`\`${c.arg}\``);
            expect(c.message, "message renders the received value").to.include(c.received);
            expect(construct(c)).to.throw(pulumi.ResourceError, c.message).with.property("message", c.message);
          });

          it("restores V8's stack trace limit and keeps the caller's frames in the error's stack (issue 12)", () => {
            const limit = Error.stackTraceLimit;
            let stack: string | undefined;
            try {
              construct(c)();
            } catch (e) {
              stack = (e as Error).stack;
            }
            expect(Error.stackTraceLimit).to.equal(limit);
            expect(stack).to.match(new RegExp(`\\n\\s+at new ${c.component} `));
            expect(stack).to.include("bad-input.spec.ts");
          });

          it("registers no child resource", async () => {
            expect(construct(c)).to.throw(c.message);
            await settle();
            expectOnlyTheFailedComponent(c);
          });
        });
      }

      for (const gap of KNOWN_GAPS.filter((g) => g.component === component)) {
        it.skip(`known gap ${gap.name}: ${gap.reason}`, () => {
          expect(construct(gap)).to.throw();
        });
      }
    });
  }
});

describe("Bad input given as Outputs (checked when they resolve)", () => {
  it("the table's names are unique and distinct from the plain table's", () => {
    const names = [...BAD_INPUTS, ...OUTPUT_CASES].map((c) => c.name);
    expect(new Set(names).size).to.equal(names.length);
  });

  for (const c of OUTPUT_CASES) {
    it(`${c.component} ${c.name}: the child carrying the value fails to register with the plain-string message`, async () => {
      const failures = await failedRegistrations(construct(c));
      expect(failures.length, "some registration fails").to.be.at.least(1);
      for (const f of failures) expect(f.replace(/^(error serializing property "\w+": )+/, "")).to.equal(c.message);
      expect(registered().filter((r) => r === c.refused || r.startsWith(`${c.refused}/`))).to.deep.equal([]);
    });
  }
});

/** After a refused construction, the component itself is the only registration: no child, no AWS resource. */
function expectOnlyTheFailedComponent(c: BadInputCase): void {
  const type = `aws-cicd:index:${c.component}`;
  expect(recorded.filter((r) => r.type.startsWith("aws:")).map((r) => `${r.type}/${r.name}`)).to.deep.equal([]);
  const self = recorded.find((r) => r.type === type && r.name === c.name);
  expect(recorded.filter((r) => self !== undefined && r.parent === self.urn).map((r) => `${r.type}/${r.name}`)).to.deep.equal([]);
  expect(registered()).to.deep.equal([`${type}/${c.name}`]);
}
