import { expect } from "chai";
import { policies } from "../../packages/policy-pack/src/policies";
import { describeResourceCases, rule } from "./cases";
import { resourceViolations } from "./fake-args";
import { FN, LAMBDA_CASES, PERMISSION } from "./rule-cases/lambda";

describe("policy pack: Lambda permissions and aliases", () => {
  describeResourceCases(LAMBDA_CASES);

  describe("aws-cicd-lambda-permission-source", () => {
    const check = (props: Record<string, unknown>) =>
      resourceViolations(rule(policies, "aws-cicd-lambda-permission-source"), PERMISSION, { function: FN, ...props });

    it("accepts a service principal limited to an account, an account principal, and other actions", async () => {
      expect(await check({ action: "lambda:InvokeFunction", principal: "s3.amazonaws.com", sourceAccount: "123456789012" })).to.deep.equal(
        [],
      );
      expect(await check({ action: "lambda:InvokeFunction", principal: "123456789012" })).to.deep.equal([]);
      expect(await check({ action: "lambda:GetFunction", principal: "*" })).to.deep.equal([]);
    });

    it("judges `lambda:*` as an invoke, and does not accept `principalOrgId` alone for a service principal", async () => {
      expect(await check({ action: "lambda:*", principal: "sns.amazonaws.com", principalOrgId: "o-a1b2c3d4e5" })).to.deep.equal([
        "Lambda permission lets sns.amazonaws.com call lambda:* without `sourceArn` or `sourceAccount`: that service's resources in any account can invoke the function.",
      ]);
    });
  });
});
