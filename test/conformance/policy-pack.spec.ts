import { expect } from "chai";
import { POLICY_PACK_WAIVERS, Waiver } from "./policy-pack-waivers";
import { policies, strictPolicyConfig } from "../../packages/policy-pack/src/policies";
import { Finding, findingsOf } from "./pack-findings";
import { allStacks, ConformanceStack, EXAMPLES } from "./stacks";

/** The waiver of a finding: one for the component defaults, or one that names the finding's example. */
function waiverOf(f: Finding): Waiver | undefined {
  return POLICY_PACK_WAIVERS.find((x) => x.rule === f.rule && x.resource.test(f.resource) && (x.stack ?? "component defaults") === f.stack);
}

describe("Conformance: aws-cicd policy pack", () => {
  let stacks: ConformanceStack[];
  before(async function () {
    this.timeout(120000);
    stacks = await allStacks();
  });

  it("judges every example and the component defaults", () => {
    expect(stacks.map((s) => s.name)).to.include("component defaults");
    expect(stacks.length).to.be.greaterThan(1);
  });

  it("reports no finding that is not waived", async function () {
    this.timeout(120000);
    const unwaived: Finding[] = [];
    const used = new Set<Waiver>();
    for (const stack of stacks) {
      for (const f of await findingsOf(stack)) {
        const w = waiverOf(f);
        if (w) used.add(w);
        else unwaived.push(f);
      }
    }
    expect(unwaived.map(({ level: _level, ...f }) => f)).to.deep.equal([]);
    expect(
      POLICY_PACK_WAIVERS.filter((w) => !used.has(w)).map((w) => w.rule),
      "waivers no finding needs",
    ).to.deep.equal([]);
  });

  it("reports no unwaived finding, and so no mandatory one, in the strict tier (strict-config.json)", async function () {
    this.timeout(120000);
    const unwaived: Finding[] = [];
    for (const stack of stacks) {
      for (const f of await findingsOf(stack, strictPolicyConfig())) {
        if (!waiverOf(f)) unwaived.push(f);
      }
    }
    expect(unwaived).to.deep.equal([]);
  });

  it("gives the examples no finding at all in the strict tier, mandatory or advisory, but those waived for that very example", async function () {
    this.timeout(120000);
    const found: string[] = [];
    for (const stack of stacks.filter((s) => s.name.startsWith("examples/"))) {
      for (const f of await findingsOf(stack, strictPolicyConfig())) {
        if (!waiverOf(f)) found.push(`${f.stack} ${f.level} ${f.rule} ${f.resource}`);
      }
    }
    expect(found).to.deep.equal([]);
    expect(stacks.filter((s) => s.name.startsWith("examples/")).length).to.equal(EXAMPLES.length);
  });

  it("gives every waiver a reason", () => {
    for (const w of POLICY_PACK_WAIVERS) expect(w.reason.length, w.rule).to.be.greaterThan(40);
  });

  it("waives an example's finding only for a stack it names exactly, and only a review-tier rule (advisory in both tiers)", () => {
    const forExamples = POLICY_PACK_WAIVERS.filter((w) => w.stack !== undefined);
    expect(forExamples.map((w) => w.stack)).to.deep.equal(["examples/ecs-bluegreen"]);
    expect(forExamples.every((w) => EXAMPLES.includes(w.stack!.replace(/^examples\//, "")))).to.equal(true);
    for (const w of forExamples) expect(policies.find((r) => r.metadata.id === w.rule)?.metadata.tier, w.rule).to.equal("review");
  });
});
