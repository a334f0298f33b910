import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { cronProblem, StageArgs, validatePipelineArgs } from "../../packages/aws-cicd/src/pipeline";
import { ACCOUNT, findResource, policyStatementsOf } from "../harness";
import { build, loadedPipeline, source } from "./fixtures";

/** Source, Build (namespace `B`), then Deploy with the stage behaviour `extra`. */
const withDeploy = (extra: object): StageArgs[] => [
  { name: "Source", actions: [source()] },
  { name: "Build", actions: [build({ namespace: "B" })] },
  { name: "Deploy", actions: [build({ name: "Deploy", namespace: "D" })], ...extra },
];
const ALARM = (name: string) => `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:${name}`;
const RULE = (provider: string) => ({ category: "Rule", owner: "AWS", provider, version: "1" });
const LISTS = "`variableChecks`, `cloudWatchAlarms`, `deploymentWindows` and `lambdaInvokes`";

async function deployStage(extra: object): Promise<Record<string, unknown>> {
  await loadedPipeline({ stages: withDeploy(extra) });
  return findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline").inputs.stages[2];
}

describe("Pipeline stage behaviour", () => {
  describe("onFailure", () => {
    it("rolls a failed stage back", async () => {
      const stage = await deployStage({ onFailure: { result: "ROLLBACK" } });
      expect(stage.onFailure).to.deep.equal({ result: "ROLLBACK" });
      expect(stage).to.not.have.property("onSuccess");
      expect(stage).to.not.have.property("beforeEntry");
    });

    it("retries the failed actions by default", async () => {
      expect((await deployStage({ onFailure: { result: "RETRY" } })).onFailure).to.deep.equal({
        result: "RETRY",
        retryConfiguration: { retryMode: "FAILED_ACTIONS" },
      });
    });

    it("retries every action with ALL_ACTIONS", async () => {
      expect((await deployStage({ onFailure: { result: "RETRY", retryMode: "ALL_ACTIONS" } })).onFailure).to.deep.equal({
        result: "RETRY",
        retryConfiguration: { retryMode: "ALL_ACTIONS" },
      });
    });

    it("rolls back only when a failure condition's rule fails, and lets the role read its alarm", async () => {
      const stage = await deployStage({
        onFailure: { result: "ROLLBACK", conditions: { cloudWatchAlarms: [{ alarmName: "web-5xx", waitMinutes: 10 }] } },
      });
      expect(stage.onFailure).to.deep.equal({
        result: "ROLLBACK",
        condition: {
          result: "ROLLBACK",
          rules: [
            { name: "CloudWatchAlarm1", ruleTypeId: RULE("CloudWatchAlarm"), configuration: { AlarmName: "web-5xx", WaitTime: "10" } },
          ],
        },
      });
      expect(policyStatementsOf("app-role").at(-1)).to.deep.equal({
        Sid: "ReadConditionAlarms",
        Effect: "Allow",
        Action: ["cloudwatch:DescribeAlarms"],
        Resource: [ALARM("web-5xx")],
      });
    });
  });

  describe("beforeEntry and onSuccess", () => {
    it("declares alarm, deployment window and variable rules in list order, with default names and time zone", async () => {
      const stage = await deployStage({
        beforeEntry: {
          result: "FAIL",
          cloudWatchAlarms: [{ alarmName: "web-5xx" }],
          deploymentWindows: [{ cron: "* * 9-16 ? * MON-FRI", timeZone: "Europe/Paris", name: "OfficeHours" }, { cron: "* 0-59 * * * ?" }],
        },
        onSuccess: {
          result: "ROLLBACK",
          variableChecks: [{ variable: "#{D.STATUS}", value: "ok" }],
          cloudWatchAlarms: [{ alarmName: "web-latency", waitMinutes: 30 }],
        },
      });
      expect(stage.beforeEntry).to.deep.equal({
        condition: {
          result: "FAIL",
          rules: [
            { name: "CloudWatchAlarm1", ruleTypeId: RULE("CloudWatchAlarm"), configuration: { AlarmName: "web-5xx" } },
            {
              name: "OfficeHours",
              ruleTypeId: RULE("DeploymentWindow"),
              configuration: { Cron: "* * 9-16 ? * MON-FRI", TimeZone: "Europe/Paris" },
            },
            { name: "DeploymentWindow2", ruleTypeId: RULE("DeploymentWindow"), configuration: { Cron: "* 0-59 * * * ?", TimeZone: "UTC" } },
          ],
        },
      });
      expect(stage.onSuccess).to.deep.equal({
        condition: {
          result: "ROLLBACK",
          rules: [
            {
              name: "VariableCheck1",
              ruleTypeId: RULE("VariableCheck"),
              configuration: { Variable: "#{D.STATUS}", Value: "ok", Operator: "EQ" },
            },
            { name: "CloudWatchAlarm1", ruleTypeId: RULE("CloudWatchAlarm"), configuration: { AlarmName: "web-latency", WaitTime: "30" } },
          ],
        },
      });
      expect(policyStatementsOf("app-role").filter((s) => s.Sid === "ReadConditionAlarms")).to.deep.equal([
        {
          Sid: "ReadConditionAlarms",
          Effect: "Allow",
          Action: ["cloudwatch:DescribeAlarms"],
          Resource: [ALARM("web-5xx"), ALARM("web-latency")],
        },
      ]);
    });

    it("names each alarm once in the role, and takes an alarm name given as an Output", async () => {
      const name = pulumi.output("web-errors");
      await loadedPipeline({
        stages: withDeploy({
          beforeEntry: { result: "FAIL", cloudWatchAlarms: [{ alarmName: name }, { alarmName: "shared", name: "Shared" }] },
          onFailure: { result: "ROLLBACK", conditions: { cloudWatchAlarms: [{ alarmName: "shared" }] } },
        }),
      });
      const stage = findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline").inputs.stages[2];
      expect(stage.beforeEntry.condition.rules[0].configuration).to.deep.equal({ AlarmName: "web-errors" });
      expect(policyStatementsOf("app-role").at(-1)?.Resource).to.deep.equal([ALARM("web-errors"), ALARM("shared")]);
    });

    it("invokes the functions of LambdaInvoke rules, which may SKIP a stage, and lets the role invoke exactly them", async () => {
      const stage = await deployStage({
        beforeEntry: { result: "SKIP", lambdaInvokes: [{ functionName: "release-gate", userParameters: '{"env":"prod"}' }] },
        onSuccess: { result: "ROLLBACK", lambdaInvokes: [{ functionName: "smoke-test", name: "Smoke" }, { functionName: "release-gate" }] },
      });
      expect(stage.beforeEntry).to.deep.equal({
        condition: {
          result: "SKIP",
          rules: [
            {
              name: "LambdaInvoke1",
              ruleTypeId: RULE("LambdaInvoke"),
              configuration: { FunctionName: "release-gate", UserParameters: '{"env":"prod"}' },
            },
          ],
        },
      });
      expect((stage.onSuccess as { condition: { rules: unknown[] } }).condition.rules).to.deep.equal([
        { name: "Smoke", ruleTypeId: RULE("LambdaInvoke"), configuration: { FunctionName: "smoke-test" } },
        { name: "LambdaInvoke2", ruleTypeId: RULE("LambdaInvoke"), configuration: { FunctionName: "release-gate" } },
      ]);
      const fn = (name: string) => `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${name}`;
      expect(policyStatementsOf("app-role").at(-1)).to.deep.equal({
        Sid: "InvokeConditionFunctions",
        Effect: "Allow",
        Action: ["lambda:InvokeFunction"],
        Resource: [fn("release-gate"), fn("smoke-test")],
      });
    });

    it("grants nothing for variable checks and deployment windows", async () => {
      await loadedPipeline({
        stages: withDeploy({ beforeEntry: { result: "FAIL", deploymentWindows: [{ cron: "* * 9-16 ? * MON-FRI" }] } }),
      });
      expect(policyStatementsOf("app-role").flatMap((s) => s.Action)).to.not.include("cloudwatch:DescribeAlarms");
    });
  });

  const D = "stages[2]";
  const alarm = { alarmName: "web-5xx" };
  const rows: [string, object, string, string?][] = [
    [
      "onFailure on a V1 pipeline",
      { onFailure: { result: "ROLLBACK" } },
      `\`${D}.onFailure\` needs \`pipelineType: "V2"\`, got "V1".`,
      "V1",
    ],
    [
      "onSuccess on a V1 pipeline",
      { onSuccess: { result: "FAIL", cloudWatchAlarms: [alarm] } },
      `\`${D}.onSuccess\` needs \`pipelineType: "V2"\`, got "V1".`,
      "V1",
    ],
    [
      "onFailure FAIL",
      { onFailure: { result: "FAIL" } },
      `\`${D}.onFailure.result\` must be "ROLLBACK" or "RETRY", got the string "FAIL"; leave \`onFailure\` out to let the stage fail, CodePipeline's default.`,
    ],
    [
      "onSuccess SKIP",
      { onSuccess: { result: "SKIP", cloudWatchAlarms: [alarm] } },
      `\`${D}.onSuccess.result\` must be "ROLLBACK" or "FAIL", got the string "SKIP".`,
    ],
    [
      "a retry mode without RETRY",
      { onFailure: { result: "ROLLBACK", retryMode: "ALL_ACTIONS" } },
      `\`${D}.onFailure.retryMode\` only applies to \`result: "RETRY"\`, got result "ROLLBACK"; remove it.`,
    ],
    [
      "an unknown retry mode",
      { onFailure: { result: "RETRY", retryMode: "SOME" } },
      `\`${D}.onFailure.retryMode\` must be "FAILED_ACTIONS" or "ALL_ACTIONS", got the string "SOME".`,
    ],
    [
      "failure conditions with RETRY",
      { onFailure: { result: "RETRY", conditions: { cloudWatchAlarms: [alarm] } } },
      `\`${D}.onFailure.conditions\` only apply to \`result: "ROLLBACK"\`, got result "RETRY": CodePipeline does not retry a stage automatically with failure conditions; remove \`conditions\` or roll back.`,
    ],
    [
      "failure conditions without rules",
      { onFailure: { result: "ROLLBACK", conditions: {} } },
      `\`${D}.onFailure.conditions\` must hold 1 to 5 rules in ${LISTS} together, got 0.`,
    ],
    [
      "SKIP with an alarm rule",
      { beforeEntry: { result: "SKIP", cloudWatchAlarms: [alarm] } },
      `\`${D}.beforeEntry.result\` "SKIP" only works with VariableCheck and LambdaInvoke rules, and the condition has CloudWatchAlarm rules; use \`result: "FAIL"\`, or move those rules to another condition.`,
    ],
    [
      "six rules over several lists",
      {
        onSuccess: {
          result: "FAIL",
          cloudWatchAlarms: [1, 2, 3].map((i) => ({ alarmName: `a${i}` })),
          deploymentWindows: [1, 2, 3].map(() => ({ cron: "* * * * * ?" })),
        },
      },
      `\`${D}.onSuccess\` must hold 1 to 5 rules in ${LISTS} together, got 6.`,
    ],
    [
      "two rules of one name",
      {
        beforeEntry: {
          result: "FAIL",
          cloudWatchAlarms: [{ ...alarm, name: "Gate" }],
          deploymentWindows: [{ cron: "* * * * * ?", name: "Gate" }],
        },
      },
      `\`${D}.beforeEntry.deploymentWindows[0].name\` "Gate" is already the name of \`${D}.beforeEntry.cloudWatchAlarms[0]\`; rule names must be unique within a condition (set \`name\`).`,
    ],
    [
      "an empty alarm name",
      { beforeEntry: { result: "FAIL", cloudWatchAlarms: [{ alarmName: "" }] } },
      `\`${D}.beforeEntry.cloudWatchAlarms[0].alarmName\` must be the name of a CloudWatch alarm (1 to 255 characters, no control characters), got the string "".`,
    ],
    [
      "a wait of half a minute",
      { beforeEntry: { result: "FAIL", cloudWatchAlarms: [{ ...alarm, waitMinutes: 0.5 }] } },
      `\`${D}.beforeEntry.cloudWatchAlarms[0].waitMinutes\` must be a whole number of minutes, at least 1, got the number 0.5; leave it out for no wait.`,
    ],
    [
      "a five-field cron",
      { beforeEntry: { result: "FAIL", deploymentWindows: [{ cron: "0 9 * * MON" }] } },
      `\`${D}.beforeEntry.deploymentWindows[0].cron\` must be a cron expression of 6 fields and an optional year (seconds "*", minutes, hours, day of month, month, day of week), such as "* * 9-16 ? * MON-FRI", got the string "0 9 * * MON": it has 5 fields, not 6 or 7.`,
    ],
    [
      "a cron with seconds",
      { beforeEntry: { result: "FAIL", deploymentWindows: [{ cron: "0 * 9-16 ? * MON-FRI" }] } },
      `got the string "0 * 9-16 ? * MON-FRI": its seconds field "0" is not allowed (seconds must be "*").`,
    ],
    [
      "an unknown time zone",
      { beforeEntry: { result: "FAIL", deploymentWindows: [{ cron: "* * 9-16 ? * MON-FRI", timeZone: "Paris" }] } },
      `\`${D}.beforeEntry.deploymentWindows[0].timeZone\` must be an IANA time zone such as "Europe/Paris" or "UTC", got the string "Paris".`,
    ],
    [
      "a function ARN",
      { onSuccess: { result: "FAIL", lambdaInvokes: [{ functionName: "arn:aws:lambda:us-east-1:123456789012:function:gate" }] } },
      `\`${D}.onSuccess.lambdaInvokes[0].functionName\` must be the name of a Lambda function (1 to 64 letters, digits, "-" or "_"; not an ARN), got the string "arn:aws:lambda:us-east-1:123456789012:function:gate".`,
    ],
    [
      "empty user parameters",
      { onSuccess: { result: "FAIL", lambdaInvokes: [{ functionName: "gate", userParameters: "" }] } },
      `\`${D}.onSuccess.lambdaInvokes[0].userParameters\` must be a non-empty string, got the string ""; leave it out for none.`,
    ],
    [
      "a success check of a later namespace",
      { onSuccess: { result: "FAIL", variableChecks: [{ variable: "#{Later.X}", value: "1" }] } },
      `\`${D}.onSuccess.variableChecks[0].variable\` reads namespace "Later", which no action of an earlier stage sets. Available: variables, B, D.`,
    ],
  ];
  for (const [what, extra, message, type] of rows) {
    it(`refuses ${what} before anything is created`, () => {
      expect(() => validatePipelineArgs({ stages: withDeploy(extra), ...(type ? { pipelineType: "V1" } : {}) } as never)).to.throw(message);
    });
  }

  it("refuses ROLLBACK on the first stage, which CodePipeline never rolls back", () => {
    const stages = withDeploy({});
    stages[0] = { ...stages[0], onFailure: { result: "ROLLBACK" } };
    expect(() => validatePipelineArgs({ stages })).to.throw(
      '`stages[0].onFailure.result` "ROLLBACK" is not allowed on the first stage: CodePipeline never rolls back a source stage.',
    );
  });

  it("reads cron expressions field by field", () => {
    expect(cronProblem("* * 9-16 ? * MON-FRI 2027")).to.equal(undefined);
    expect(cronProblem("* 0/15 * L JAN-MAR 6L")).to.equal(undefined);
    expect(cronProblem("* * 25h * * ?")).to.equal('its hours field "25h" is not allowed');
    expect(cronProblem("* * * * * * * *")).to.equal("it has 8 fields, not 6 or 7");
  });
});
