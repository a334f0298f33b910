import * as pulumi from "@pulumi/pulumi";
import { BadInputCase, build, OutputCase, pipeline, SOURCE } from "./bad-input-fixtures";

/** Source, Build (namespace `B`), then Deploy with the stage behaviour `extra` (issue 15). */
const staged = (extra: object, args: object = {}) =>
  pipeline(
    [
      { name: "Source", actions: [SOURCE] },
      { name: "Build", actions: [build({ namespace: "B" })] },
      { name: "Deploy", actions: [build({ name: "Deploy" })], ...extra },
    ],
    args,
  );
const later = <T>(v: T) => pulumi.output(Promise.resolve(v));
const CRON =
  '`stages[2].beforeEntry.deploymentWindows[0].cron` must be a cron expression of 6 fields and an optional year (seconds "*", minutes, hours, day of month, month, day of week), such as "* * 9-16 ? * MON-FRI"';

/** Issue 15: stage behaviour (`onFailure`, `onSuccess`, and the rules of every condition). */
// prettier-ignore
export const ISSUE_15_STAGE_CASES: BadInputCase[] = [
  { category: "stage structure", component: "Pipeline", name: "stage-rollback-v1", args: staged({ onFailure: { result: "ROLLBACK" } }, { pipelineType: "V1" }),
    arg: "stages[2].onFailure", received: '"V1"', message: '`stages[2].onFailure` needs `pipelineType: "V2"`, got "V1".' },
  { category: "range", component: "Pipeline", name: "stage-failure-fail", args: staged({ onFailure: { result: "FAIL" } }), arg: "stages[2].onFailure.result", received: '"FAIL"',
    message: '`stages[2].onFailure.result` must be "ROLLBACK" or "RETRY", got the string "FAIL"; leave `onFailure` out to let the stage fail, CodePipeline\'s default.' },
  { category: "range", component: "Pipeline", name: "stage-success-skip", args: staged({ onSuccess: { result: "SKIP", cloudWatchAlarms: [{ alarmName: "web-5xx" }] } }),
    arg: "stages[2].onSuccess.result", received: '"SKIP"', message: '`stages[2].onSuccess.result` must be "ROLLBACK" or "FAIL", got the string "SKIP".' },
  { category: "range", component: "Pipeline", name: "stage-retry-mode", args: staged({ onFailure: { result: "RETRY", retryMode: "EVERYTHING" } }),
    arg: "stages[2].onFailure.retryMode", received: '"EVERYTHING"', message: '`stages[2].onFailure.retryMode` must be "FAILED_ACTIONS" or "ALL_ACTIONS", got the string "EVERYTHING".' },
  { category: "conflict", component: "Pipeline", name: "stage-retry-conditions", args: staged({ onFailure: { result: "RETRY", conditions: { cloudWatchAlarms: [{ alarmName: "web-5xx" }] } } }),
    arg: "stages[2].onFailure.conditions", received: '"RETRY"',
    message: '`stages[2].onFailure.conditions` only apply to `result: "ROLLBACK"`, got result "RETRY": CodePipeline does not retry a stage automatically with failure conditions; remove `conditions` or roll back.' },
  { category: "conflict", component: "Pipeline", name: "stage-skip-alarm", args: staged({ beforeEntry: { result: "SKIP", cloudWatchAlarms: [{ alarmName: "web-5xx" }] } }),
    arg: "stages[2].beforeEntry.result", received: '"SKIP"',
    message: '`stages[2].beforeEntry.result` "SKIP" only works with VariableCheck and LambdaInvoke rules, and the condition has CloudWatchAlarm rules; use `result: "FAIL"`, or move those rules to another condition.' },
  { category: "quota", component: "Pipeline", name: "stage-six-rules", args: staged({ onSuccess: { result: "FAIL", cloudWatchAlarms: ["a", "b", "c", "d", "e", "f"].map((alarmName) => ({ alarmName })) } }),
    arg: "stages[2].onSuccess", received: "6",
    message: "`stages[2].onSuccess` must hold 1 to 5 rules in `variableChecks`, `cloudWatchAlarms`, `deploymentWindows` and `lambdaInvokes` together, got 6." },
  { category: "range", component: "Pipeline", name: "stage-cron-five-fields", args: staged({ beforeEntry: { result: "FAIL", deploymentWindows: [{ cron: "0 9 * * MON" }] } }),
    arg: "stages[2].beforeEntry.deploymentWindows[0].cron", received: '"0 9 * * MON"', message: `${CRON}, got the string "0 9 * * MON": it has 5 fields, not 6 or 7.` },
  { category: "range", component: "Pipeline", name: "stage-time-zone", args: staged({ beforeEntry: { result: "FAIL", deploymentWindows: [{ cron: "* * 9-16 ? * MON-FRI", timeZone: "CET+1" }] } }),
    arg: "stages[2].beforeEntry.deploymentWindows[0].timeZone", received: '"CET+1"',
    message: '`stages[2].beforeEntry.deploymentWindows[0].timeZone` must be an IANA time zone such as "Europe/Paris" or "UTC", got the string "CET+1".' },
  { category: "name", component: "Pipeline", name: "stage-alarm-name", args: staged({ beforeEntry: { result: "FAIL", cloudWatchAlarms: [{ alarmName: "" }] } }),
    arg: "stages[2].beforeEntry.cloudWatchAlarms[0].alarmName", received: '""',
    message: '`stages[2].beforeEntry.cloudWatchAlarms[0].alarmName` must be the name of a CloudWatch alarm (1 to 255 characters, no control characters), got the string "".' },
  { category: "name", component: "Pipeline", name: "stage-rule-names", args: staged({ onFailure: { result: "ROLLBACK", conditions: { cloudWatchAlarms: [{ alarmName: "a", name: "Gate" }, { alarmName: "b", name: "Gate" }] } } }),
    arg: "stages[2].onFailure.conditions.cloudWatchAlarms[1].name", received: '"Gate"',
    message: '`stages[2].onFailure.conditions.cloudWatchAlarms[1].name` "Gate" is already the name of `stages[2].onFailure.conditions.cloudWatchAlarms[0]`; rule names must be unique within a condition (set `name`).' },
  { category: "name", component: "Pipeline", name: "stage-function-arn", args: staged({ onSuccess: { result: "FAIL", lambdaInvokes: [{ functionName: "arn:aws:lambda:us-east-1:123456789012:function:gate" }] } }),
    arg: "stages[2].onSuccess.lambdaInvokes[0].functionName", received: '"arn:aws:lambda:us-east-1:123456789012:function:gate"',
    message: '`stages[2].onSuccess.lambdaInvokes[0].functionName` must be the name of a Lambda function (1 to 64 letters, digits, "-" or "_"; not an ARN), got the string "arn:aws:lambda:us-east-1:123456789012:function:gate".' },
];

/** Issue 15: an alarm name given as an Output, checked when it resolves. */
// prettier-ignore
export const ISSUE_15_OUTPUT_CASES: OutputCase[] = [
  { component: "Pipeline", name: "out-stage-alarm-name", args: staged({ beforeEntry: { result: "FAIL", cloudWatchAlarms: [{ alarmName: later("") }] } }),
    refused: "aws:codepipeline/pipeline:Pipeline",
    message: '`stages[2].beforeEntry.cloudWatchAlarms[0].alarmName` must be the name of a CloudWatch alarm (1 to 255 characters, no control characters), got the string "".' },
  { component: "Pipeline", name: "out-stage-function-arn", args: staged({ onSuccess: { result: "ROLLBACK", lambdaInvokes: [{ functionName: later("arn:aws:lambda:us-east-1:123456789012:function:gate") }] } }),
    refused: "aws:codepipeline/pipeline:Pipeline",
    message: '`stages[2].onSuccess.lambdaInvokes[0].functionName` must be the name of a Lambda function (1 to 64 letters, digits, "-" or "_"; not an ARN), got the string "arn:aws:lambda:us-east-1:123456789012:function:gate".' },
];
