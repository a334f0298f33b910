import { expect } from "chai";
import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { policies } from "../../packages/policy-pack/src/policies";
import { fromRecorded, resourceArgs, stackArgs } from "../policy-pack/fake-args";
import { allStacks, ConformanceStack } from "./stacks";

/** One waived finding: rule, resource name, and why the default cannot meet it. */
interface Waiver {
  rule: string;
  resource: RegExp;
  reason: string;
}

/** Every accepted finding (documented in the component READMEs' "Exceptions (waivers)" sections). */
export const POLICY_PACK_WAIVERS: Waiver[] = [
  {
    rule: "aws-cicd-s3-access-logging",
    resource: /-bucket$/,
    reason: "Artifact buckets hold short-lived objects written and read by the account's own service roles; API activity is in CloudTrail, and a log bucket would need the same waiver (security README, S1/S3.9).",
  },
  {
    rule: "aws-cicd-eb-vpc",
    resource: /-environment$/,
    reason: "BeanstalkTarget without `vpc` uses the region's default VPC so that it works with no network set-up (beanstalk README, EB1).",
  },
];

interface Finding {
  stack: string;
  rule: string;
  resource: string;
  message: string;
}

async function findingsOf(stack: ConformanceStack): Promise<Finding[]> {
  const out: Finding[] = [];
  for (const rule of policies) {
    const validate = (rule as ResourceValidationPolicy).validateResource;
    for (const r of stack.resources) {
      for (const f of [validate ?? []].flat()) {
        await f({ ...resourceArgs(r.type, r.inputs, {}, r.name), urn: r.urn }, (message) => out.push({ stack: stack.name, rule: rule.name, resource: r.name, message }));
      }
    }
    const validateStack = (rule as StackValidationPolicy).validateStack;
    if (validateStack) {
      await validateStack(stackArgs(fromRecorded(stack.resources)), (message, urn) =>
        out.push({ stack: stack.name, rule: rule.name, resource: urn?.split("::").pop() ?? "(stack)", message }),
      );
    }
  }
  return out;
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
        const w = POLICY_PACK_WAIVERS.find((x) => x.rule === f.rule && x.resource.test(f.resource));
        if (w) used.add(w);
        else unwaived.push(f);
      }
    }
    expect(unwaived).to.deep.equal([]);
    expect(POLICY_PACK_WAIVERS.filter((w) => !used.has(w)).map((w) => w.rule), "waivers no finding needs").to.deep.equal([]);
  });

  it("gives every waiver a reason", () => {
    for (const w of POLICY_PACK_WAIVERS) expect(w.reason.length, w.rule).to.be.greaterThan(40);
  });
});
