import { expect } from "chai";
import { PolicyResource } from "@pulumi/policy";
import type { Rule } from "../../packages/policy-pack/src/policies";
import { resourceViolations, stackViolations } from "./fake-args";

/** One resource-rule case: the type, a compliant and a non-compliant input set, and the exact messages. */
export interface ResourceCase {
  rule: Rule;
  type: string;
  compliant: Record<string, any>;
  noncompliant: Record<string, any>;
  messages: string[];
  config?: object;
}

/** Describes each rule with a compliant and a non-compliant resource. */
export function describeResourceCases(cases: ResourceCase[]): void {
  for (const c of cases) {
    describe(c.rule.name, () => {
      it("accepts a compliant resource", async () => {
        expect(await resourceViolations(c.rule, c.type, c.compliant, c.config)).to.deep.equal([]);
      });
      it("reports a non-compliant resource with the exact message", async () => {
        expect(await resourceViolations(c.rule, c.type, c.noncompliant, c.config)).to.deep.equal(c.messages);
      });
      it("ignores resources of other types", async () => {
        expect(await resourceViolations(c.rule, "aws:other/thing:Thing", c.noncompliant, c.config)).to.deep.equal([]);
      });
    });
  }
}

/** One stack-rule case; messages are `<resource name>: <message>`. */
export interface StackCase {
  rule: Rule;
  compliant: PolicyResource[];
  noncompliant: PolicyResource[];
  messages: string[];
  config?: object;
}

export function describeStackCases(cases: StackCase[]): void {
  for (const c of cases) {
    describe(c.rule.name, () => {
      it("accepts a compliant stack", async () => {
        expect(await stackViolations(c.rule, c.compliant, c.config)).to.deep.equal([]);
      });
      it("reports a non-compliant stack with the exact message", async () => {
        expect(await stackViolations(c.rule, c.noncompliant, c.config)).to.deep.equal(c.messages);
      });
    });
  }
}

/** Finds a rule by id in the exported array (so the array is what is tested). */
export function rule(policies: Rule[], id: string): Rule {
  const r = policies.find((p) => p.name === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
}
