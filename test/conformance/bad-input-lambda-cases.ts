import * as pulumi from "@pulumi/pulumi";
import { BadInputCase, OutputCase } from "./bad-input-fixtures";

// ---------------------------------------------------------------------------------------------
// Issue 15 item 2: LambdaTarget. Kept in a file of its own so that branches merge cleanly.
// ---------------------------------------------------------------------------------------------

const ALIAS = { create: { functionName: "orders", functionVersion: "3" } };
const HOOK = "arn:aws:lambda:us-east-1:111122223333:function:orders-pre";

/** Bad LambdaTarget arguments and the exact messages. */
// prettier-ignore
export const ISSUE_15_LAMBDA_CASES: BadInputCase[] = [
  { category: "name", component: "LambdaTarget", name: "lambda-function-arn-as-name", args: { alias: { create: { functionName: HOOK, functionVersion: "1" } } },
    arg: "alias.create.functionName", received: `"${HOOK}"`,
    message: `\`alias.create.functionName\` must be a function name (1 to 64 letters, digits, "-" or "_"; not an ARN) such as "orders-api", got "${HOOK}".` },
  { category: "name", component: "LambdaTarget", name: "lambda-bad-group-name", args: { alias: ALIAS, deploymentGroupName: "orders prod" },
    arg: "deploymentGroupName", received: '"orders prod"', message: '`deploymentGroupName` must be 1 to 100 letters, digits or ._+=,@- characters, got "orders prod".' },
  { category: "arn", component: "LambdaTarget", name: "lambda-qualified-hook", args: { alias: ALIAS, preTrafficHook: { functionArn: `${HOOK}:live` } },
    arg: "preTrafficHook.functionArn", received: `"${HOOK}:live"`,
    message: `\`preTrafficHook.functionArn\` must be an unqualified Lambda function ARN such as "arn:aws:lambda:us-east-1:111122223333:function:pre-traffic", got "${HOOK}:live".` },
  { category: "range", component: "LambdaTarget", name: "lambda-latest-version", args: { alias: { create: { functionName: "orders", functionVersion: "$LATEST" } } },
    arg: "alias.create.functionVersion", received: '"$LATEST"', message: '`alias.create.functionVersion` must be a published version number such as "3" (not "$LATEST"), got "$LATEST".' },
  { category: "range", component: "LambdaTarget", name: "lambda-canary-percent", args: { alias: ALIAS, trafficShift: { canary: { percentage: 0, intervalMinutes: 5 } } },
    arg: "trafficShift.canary.percentage", received: "got 0", message: "`trafficShift.canary.percentage` must be a whole number from 1 to 99, got 0." },
  { category: "quota", component: "LambdaTarget", name: "lambda-eleven-alarms", args: { alias: ALIAS, rollbackAlarmNames: Array.from({ length: 11 }, (_, i) => `a${i}`) },
    arg: "rollbackAlarmNames", received: "got 11", message: "`rollbackAlarmNames` must name 1 to 10 alarms, got 11." },
  { category: "conflict", component: "LambdaTarget", name: "lambda-config-and-shift",
    args: { alias: ALIAS, deploymentConfig: "AllAtOnce", trafficShift: { linear: { percentage: 10, intervalMinutes: 1 } } },
    arg: "deploymentConfig", received: "`trafficShift`", message: "Give either `deploymentConfig` or `trafficShift`, not both." },
  { category: "stage structure", component: "LambdaTarget", name: "lambda-both-aliases",
    args: { alias: { ...ALIAS, existing: { functionName: "orders", aliasName: "prod" } } }, arg: "alias", received: "got both",
    message: "`alias` takes exactly one of `create` (a new alias on a published version) and `existing` (an alias you manage), got both." },
  { category: "type", component: "LambdaTarget", name: "lambda-alias-string", args: { alias: "live" }, arg: "alias", received: 'the string "live"',
    message: '`alias` must be an object with `create` or `existing`, got the string "live"; pass the fields or leave `alias` out.' },
];

const later = (v: string) => pulumi.output(v);

/** LambdaTarget arguments given as Outputs that resolve to bad values: the child carrying them fails to register. */
// prettier-ignore
export const ISSUE_15_LAMBDA_OUTPUT_CASES: OutputCase[] = [
  { component: "LambdaTarget", name: "out-lambda-hook-qualified", args: { alias: ALIAS, postTrafficHook: { functionArn: later(`${HOOK}:live`) } },
    refused: "aws:iam/rolePolicy:RolePolicy/out-lambda-hook-qualified-service-policy",
    message: `\`postTrafficHook.functionArn\` must be an unqualified Lambda function ARN such as "arn:aws:lambda:us-east-1:111122223333:function:pre-traffic", got "${HOOK}:live".` },
  { component: "LambdaTarget", name: "out-lambda-function-arn", args: { alias: { existing: { functionName: later(HOOK), aliasName: "live" } } },
    refused: "aws:iam/rolePolicy:RolePolicy/out-lambda-function-arn-service-policy",
    message: `\`alias.existing.functionName\` must be a function name (1 to 64 letters, digits, "-" or "_"; not an ARN) such as "orders-api", got "${HOOK}".` },
];
