import { expect } from "chai";
import { policies } from "../../packages/policy-pack/src/policies";
import { describeResourceCases, rule } from "./cases";
import { resourceViolations } from "./fake-args";

const PERMISSION = "aws:lambda/permission:Permission";
const ALIAS = "aws:lambda/alias:Alias";
const FN = "orders-fn";
const RULE_ARN = "arn:aws:events:us-east-1:123456789012:rule/nightly";

describe("policy pack: Lambda permissions and aliases", () => {
  describeResourceCases([
    {
      rule: rule(policies, "aws-cicd-lambda-permission-source"),
      type: PERMISSION,
      compliant: { action: "lambda:InvokeFunction", function: FN, principal: "events.amazonaws.com", sourceArn: RULE_ARN },
      noncompliant: { action: "lambda:InvokeFunction", function: FN, principal: "s3.amazonaws.com" },
      messages: [
        "Lambda permission lets s3.amazonaws.com call lambda:InvokeFunction without `sourceArn` or `sourceAccount`: that service's resources in any account can invoke the function.",
      ],
    },
    {
      rule: rule(policies, "aws-cicd-lambda-permission-source"),
      type: PERMISSION,
      compliant: { action: "lambda:InvokeFunction", function: FN, principal: "*", principalOrgId: "o-a1b2c3d4e5" },
      noncompliant: { action: "lambda:InvokeFunction", function: FN, principal: "*" },
      messages: [
        'Lambda permission lets any principal ("*") call lambda:InvokeFunction without `sourceArn`, `sourceAccount` or `principalOrgId`: the function is public.',
      ],
    },
    {
      rule: rule(policies, "aws-cicd-lambda-alias-codedeploy"),
      type: ALIAS,
      compliant: { name: "live", functionName: FN, functionVersion: "3" },
      noncompliant: { name: "live", functionName: FN, functionVersion: "3", routingConfig: { additionalVersionWeights: { "4": 0.1 } } },
      messages: ["Lambda alias sends traffic to versions 4 by fixed weights, with no alarm to roll back on."],
    },
  ]);

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
