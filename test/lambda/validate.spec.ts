import { expect } from "chai";
import { LambdaTargetArgs, validateLambdaTargetArgs } from "../../packages/aws-cicd/src/lambda";

const ALIAS = { create: { functionName: "orders", functionVersion: "3" } };
const ARN = "arn:aws:lambda:us-east-1:111122223333:function:pre";

describe("validateLambdaTargetArgs", () => {
  it("accepts the smallest args, an existing alias and every option", () => {
    expect(() => validateLambdaTargetArgs({ alias: ALIAS })).not.to.throw();
    expect(() => validateLambdaTargetArgs({ alias: { existing: { functionName: "orders", aliasName: "prod" } } })).not.to.throw();
    expect(() =>
      validateLambdaTargetArgs({
        alias: ALIAS,
        applicationName: "orders",
        deploymentGroupName: "orders-prod",
        trafficShift: { linear: { percentage: 10, intervalMinutes: 2880 } },
        rollbackAlarmNames: ["errors"],
        preTrafficHook: { functionArn: ARN, roleName: "pre-role" },
        postTrafficHook: { functionArn: `${ARN}-post` },
      }),
    ).not.to.throw();
  });

  const cases: [string, unknown, string][] = [
    ["no args", undefined, "`args` must be an object, got nothing; pass `{ ... }` as the second constructor argument."],
    ["no alias", {}, "`alias` is required, got nothing."],
    [
      "neither alias choice",
      { alias: {} },
      "`alias` takes exactly one of `create` (a new alias on a published version) and `existing` (an alias you manage), got neither.",
    ],
    [
      "both alias choices",
      { alias: { ...ALIAS, existing: { functionName: "orders", aliasName: "prod" } } },
      "`alias` takes exactly one of `create` (a new alias on a published version) and `existing` (an alias you manage), got both.",
    ],
    [
      "a function ARN for a name",
      { alias: { create: { functionName: ARN, functionVersion: "1" } } },
      `\`alias.create.functionName\` must be a function name (1 to 64 letters, digits, "-" or "_"; not an ARN) such as "orders-api", got "${ARN}".`,
    ],
    [
      "$LATEST",
      { alias: { create: { functionName: "orders", functionVersion: "$LATEST" } } },
      '`alias.create.functionVersion` must be a published version number such as "3" (not "$LATEST"), got "$LATEST".',
    ],
    [
      "a numeric alias name",
      { alias: { existing: { functionName: "orders", aliasName: "12" } } },
      '`alias.existing.aliasName` must be an alias name (1 to 128 letters, digits, "-" or "_", not only digits), got "12".',
    ],
    [
      "an unknown configuration",
      { alias: ALIAS, deploymentConfig: "Canary50Percent" },
      '`deploymentConfig` must be one of Canary10Percent5Minutes, Canary10Percent10Minutes, Canary10Percent15Minutes, Canary10Percent30Minutes, Linear10PercentEvery1Minute, Linear10PercentEvery2Minutes, Linear10PercentEvery3Minutes, Linear10PercentEvery10Minutes, AllAtOnce, got "Canary50Percent".',
    ],
    [
      "both configurations",
      { alias: ALIAS, deploymentConfig: "AllAtOnce", trafficShift: { canary: { percentage: 10, intervalMinutes: 5 } } },
      "Give either `deploymentConfig` or `trafficShift`, not both.",
    ],
    [
      "a percentage of 100",
      { alias: ALIAS, trafficShift: { canary: { percentage: 100, intervalMinutes: 5 } } },
      "`trafficShift.canary.percentage` must be a whole number from 1 to 99, got 100.",
    ],
    [
      "an interval over two days",
      { alias: ALIAS, trafficShift: { linear: { percentage: 10, intervalMinutes: 2881 } } },
      "`trafficShift.linear.intervalMinutes` must be a whole number from 1 to 2880, got 2881.",
    ],
    [
      "both shift kinds",
      { alias: ALIAS, trafficShift: { canary: { percentage: 10, intervalMinutes: 5 }, linear: { percentage: 10, intervalMinutes: 5 } } },
      "`trafficShift` takes exactly one of `canary` and `linear`, got both.",
    ],
    ["no alarms", { alias: ALIAS, rollbackAlarmNames: [] }, "`rollbackAlarmNames` must name 1 to 10 alarms, got 0."],
    [
      "a qualified hook ARN",
      { alias: ALIAS, preTrafficHook: { functionArn: `${ARN}:live` } },
      `\`preTrafficHook.functionArn\` must be an unqualified Lambda function ARN such as "arn:aws:lambda:us-east-1:111122223333:function:pre-traffic", got "${ARN}:live".`,
    ],
    [
      "a bad hook role",
      { alias: ALIAS, postTrafficHook: { functionArn: ARN, roleName: "arn:aws:iam::111122223333:user/me" } },
      '`postTrafficHook.roleName` must be the hook function\'s role name or ARN, got "arn:aws:iam::111122223333:user/me".',
    ],
    [
      "an absolute package path",
      { alias: ALIAS, packageFile: "/tmp/f.zip" },
      '`packageFile` must be a relative path of letters, digits and ._/- such as "dist/function.zip", got "/tmp/f.zip".',
    ],
    [
      "a key given as an ARN string",
      { alias: ALIAS, encryptionKey: "arn:aws:kms:us-east-1:111122223333:key/k" },
      "`encryptionKey` must be a key object (an EncryptionKey, or `{ keyArn }` for a key you own), got the string",
    ],
    [
      "one function for both hooks",
      { alias: ALIAS, preTrafficHook: { functionArn: ARN }, postTrafficHook: { functionArn: ARN } },
      `\`preTrafficHook\` and \`postTrafficHook\` name the same function "${ARN}"; give each hook its own function.`,
    ],
    [
      "a hook without its ARN",
      { alias: ALIAS, preTrafficHook: {} },
      "`preTrafficHook.functionArn` is required when `preTrafficHook` is given, got nothing; add it or leave `preTrafficHook` out.",
    ],
  ];
  for (const [what, args, message] of cases) {
    it(`throws on ${what}`, () => {
      expect(() => validateLambdaTargetArgs(args as LambdaTargetArgs)).to.throw(message);
    });
  }
});
