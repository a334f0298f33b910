import { policies } from "../../packages/policy-pack/src/policies";
import { describeResourceCases, describeStackCases, rule } from "./cases";
import { resourceViolations } from "./fake-args";
import { expect } from "chai";
import { NEW_RULES_RESOURCE_CASES, NEW_RULES_STACK_CASES } from "./rule-cases/new-rules";

describe("policy pack: rules added for issues 9, 10 and 11", () => {
  describe("aws-cicd-iam-no-long-lived-credentials", () => {
    const r = rule(policies, "aws-cicd-iam-no-long-lived-credentials");
    it("reports every IAM user and access key, and nothing else", async () => {
      expect(await resourceViolations(r, "aws:iam/accessKey:AccessKey", { user: "ci" })).to.deep.equal([
        "IAM access key: a long-lived credential; use a role.",
      ]);
      expect(await resourceViolations(r, "aws:iam/user:User", { name: "ci" })).to.deep.equal([
        "IAM user: CI/CD needs roles, not users with long-lived credentials.",
      ]);
      expect(await resourceViolations(r, "aws:iam/role:Role", { name: "ci" })).to.deep.equal([]);
    });
  });

  describeResourceCases(NEW_RULES_RESOURCE_CASES);
  describeStackCases(NEW_RULES_STACK_CASES);
});
