// The case tables of Lambda permissions and aliases: lambda.spec describes them, preview.spec and
// tiers.spec drive them again (through index.ts). Plain data: this module declares no mocha test.
import { policies } from "../../../packages/policy-pack/src/policies";
import { rule, type ResourceCase } from "../cases";

export const PERMISSION = "aws:lambda/permission:Permission";
const ALIAS = "aws:lambda/alias:Alias";
export const FN = "orders-fn";
const RULE_ARN = "arn:aws:events:us-east-1:123456789012:rule/nightly";

/** Resource-rule cases: a compliant and a non-compliant resource with the exact messages. */
export const LAMBDA_CASES: ResourceCase[] = [
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
];
