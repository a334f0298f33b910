import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { checkedInput } from "../internal/arns";
import { checkList, checkObject, describeReceived } from "../internal/types";
import type { STAGE_ALARM_RULE_ACTIONS, STAGE_LAMBDA_RULE_ACTIONS } from "./policies";

/**
 * The rules a stage condition holds, one list per rule type, checked together (the condition
 * passes when every rule passes). Rules run in the pipeline's region, with the pipeline's role.
 * - Rule reference: https://docs.aws.amazon.com/codepipeline/latest/userguide/rule-reference.html
 * - 1 to 5 rules per condition, names of `[A-Za-z0-9.@_-]` (1 to 100):
 *   https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_Condition.html,
 *   https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_RuleDeclaration.html
 * - `VariableCheck`: https://docs.aws.amazon.com/codepipeline/latest/userguide/rule-reference-VariableCheck.html
 *   (no permission: the pipeline's own variables).
 * - `CloudWatchAlarm`: https://docs.aws.amazon.com/codepipeline/latest/userguide/rule-reference-CloudWatchAlarm.html
 *   (the role reads the alarm's state: {@link STAGE_ALARM_RULE_ACTIONS} on exactly the alarms named).
 * - `DeploymentWindow`: https://docs.aws.amazon.com/codepipeline/latest/userguide/rule-reference-DeploymentWindow.html
 *   (no permission: a schedule).
 * - `LambdaInvoke`: https://docs.aws.amazon.com/codepipeline/latest/userguide/rule-reference-LambdaInvoke.html
 *   (the role invokes the function: {@link STAGE_LAMBDA_RULE_ACTIONS} on exactly the functions named).
 */

/** How a VariableCheck rule compares the variable with the value. */
export const VariableCheckOperator = {
  /** Equal to the value. */
  Equals: "EQ",
  /** Not equal to the value. */
  NotEquals: "NE",
  /** Contains the value. */
  Contains: "CONTAINS",
  /** Matches the value, a Java regular expression. */
  Matches: "MATCHES",
} as const;
/** One of {@link VariableCheckOperator}. */
export type VariableCheckOperator = (typeof VariableCheckOperator)[keyof typeof VariableCheckOperator];
/** Operator of a VariableCheck when `operator` is not given. */
export const DEFAULT_VARIABLE_CHECK_OPERATOR: VariableCheckOperator = "EQ";
/** Most rules of one condition. */
export const MAX_CONDITION_RULES = 5;
/** Time zone of a deployment window when `timeZone` is not given. */
export const DEFAULT_DEPLOYMENT_WINDOW_TIME_ZONE = "UTC";

/** One `VariableCheck` rule. */
export interface VariableCheckArgs {
  /** The variable, exactly one reference: `#{<namespace>.<NAME>}` of an earlier action, or `#{variables.<name>}`. */
  variable: string;
  /** The value to compare with. */
  value: string;
  /**
   * How to compare.
   * @default "EQ" ({@link DEFAULT_VARIABLE_CHECK_OPERATOR})
   */
  operator?: VariableCheckOperator;
  /**
   * Name of the rule: letters, digits, `.`, `@`, `-`, `_`, at most 100.
   * @default - `VariableCheck<n>`, `n` its position from 1.
   */
  name?: string;
}

/** One `CloudWatchAlarm` rule: it fails while the alarm is in the ALARM state. */
export interface CloudWatchAlarmRuleArgs {
  /**
   * Name of an existing CloudWatch alarm in the pipeline's account and region (1 to 255
   * characters), e.g. `alarm.name` of an `aws.cloudwatch.MetricAlarm`. The pipeline role may read
   * exactly this alarm (`cloudwatch:DescribeAlarms`).
   */
  alarmName: pulumi.Input<string>;
  /**
   * Minutes CodePipeline waits for the alarm to leave the ALARM state before the result applies
   * (a whole number, at least 1).
   * @default - no wait: the rule fails at once while the alarm is in ALARM.
   */
  waitMinutes?: number;
  /**
   * Name of the rule: letters, digits, `.`, `@`, `-`, `_`, at most 100.
   * @default - `CloudWatchAlarm<n>`, `n` its position from 1.
   */
  name?: string;
}

/** One `DeploymentWindow` rule: it passes only inside the window. */
export interface DeploymentWindowRuleArgs {
  /**
   * When deploying is allowed, a cron expression of 6 fields and an optional year: seconds
   * (`*` only), minutes, hours, day of month, month, day of week, e.g. `"* * 9-16 ? * MON-FRI"`.
   */
  cron: string;
  /**
   * IANA time zone of the cron expression, e.g. `"Europe/Paris"`.
   * @default "UTC"
   */
  timeZone?: string;
  /**
   * Name of the rule: letters, digits, `.`, `@`, `-`, `_`, at most 100.
   * @default - `DeploymentWindow<n>`, `n` its position from 1.
   */
  name?: string;
}

/** One `LambdaInvoke` rule: CodePipeline invokes a function of yours, whose answer passes or fails the rule. */
export interface LambdaInvokeRuleArgs {
  /**
   * Name of an existing Lambda function in the pipeline's account and region (1 to 64 letters,
   * digits, `-` or `_`), e.g. `fn.name` of an `aws.lambda.Function`. The pipeline role may invoke
   * exactly this function (`lambda:InvokeFunction`).
   */
  functionName: pulumi.Input<string>;
  /**
   * Input given to the function (`UserParameters`).
   * @default - none.
   */
  userParameters?: string;
  /**
   * Name of the rule: letters, digits, `.`, `@`, `-`, `_`, at most 100.
   * @default - `LambdaInvoke<n>`, `n` its position from 1.
   */
  name?: string;
}

/** The rules of one condition: 1 to 5 in all, the condition passes when every one passes. */
export interface StageConditionRulesArgs {
  /**
   * `VariableCheck` rules: a variable of an earlier action, or of the pipeline, against a value.
   * @default - none.
   */
  variableChecks?: VariableCheckArgs[];
  /**
   * `CloudWatchAlarm` rules: an alarm that must not be in the ALARM state.
   * @default - none.
   */
  cloudWatchAlarms?: CloudWatchAlarmRuleArgs[];
  /**
   * `DeploymentWindow` rules: a schedule the time must fall in.
   * @default - none.
   */
  deploymentWindows?: DeploymentWindowRuleArgs[];
  /**
   * `LambdaInvoke` rules: a function of yours that decides.
   * @default - none.
   */
  lambdaInvokes?: LambdaInvokeRuleArgs[];
}

/** The rule lists of a condition, in the order they are declared. */
export const RULE_LISTS = ["variableChecks", "cloudWatchAlarms", "deploymentWindows", "lambdaInvokes"] as const;
/** One of {@link RULE_LISTS}. */
export type RuleList = (typeof RULE_LISTS)[number];
/** The provider of each rule list. */
const PROVIDERS: Record<RuleList, string> = {
  variableChecks: "VariableCheck",
  cloudWatchAlarms: "CloudWatchAlarm",
  deploymentWindows: "DeploymentWindow",
  lambdaInvokes: "LambdaInvoke",
};
/** The rule lists as messages name them. */
export const RULE_LIST_NAMES = "`variableChecks`, `cloudWatchAlarms`, `deploymentWindows` and `lambdaInvokes`";

const VARIABLE = /^#\{([A-Za-z0-9@_-]+)\.([A-Za-z0-9@_-]+)\}$/;
const RULE_NAME = /^[A-Za-z0-9.@_-]{1,100}$/;
const OPERATORS: readonly string[] = Object.values(VariableCheckOperator);
// Seconds, minutes, hours, day of month, month, day of week, year (rule reference's table).
const CRON_FIELDS: [string, RegExp][] = [
  ["seconds", /^\*$/],
  ["minutes", /^[0-9,*/-]+$/],
  ["hours", /^[0-9,*/-]+$/],
  ["day of month", /^[0-9,*?/LW-]+$/],
  ["month", /^([0-9]|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC|[,*/-])+$/i],
  ["day of week", /^([0-9]|SUN|MON|TUE|WED|THU|FRI|SAT|[,*?/L#-])+$/i],
  ["year", /^[0-9,*/-]+$/],
];

/** How many rules `rules` holds, over every list. */
export function ruleCount(rules: StageConditionRulesArgs): number {
  return RULE_LISTS.reduce((n, list) => n + (Array.isArray(rules[list]) ? rules[list].length : 0), 0);
}

/** The rule types a condition uses, as providers (`CloudWatchAlarm`...). */
export function providersOf(rules: StageConditionRulesArgs): string[] {
  return RULE_LISTS.filter((list) => (rules[list]?.length ?? 0) > 0).map((list) => PROVIDERS[list]);
}

function checkRuleName(path: string, name: unknown): void {
  if (name !== undefined && (typeof name !== "string" || !RULE_NAME.test(name))) {
    throw new Error(`\`${path}.name\` must hold 1 to 100 letters, digits, ".", "@", "-" or "_", got ${describeReceived(name)}.`);
  }
}

/** Why `v` is not an alarm name, for {@link checkedInput}. */
function alarmNameProblem(path: string): (v: unknown) => string | undefined {
  return (v) =>
    typeof v === "string" && v.length >= 1 && v.length <= 255 && ![...v].some((ch) => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127)
      ? undefined
      : `\`${path}\` must be the name of a CloudWatch alarm (1 to 255 characters, no control characters), got ${describeReceived(v)}.`;
}

/** Why `v` is not a function name, for {@link checkedInput}. */
function functionNameProblem(path: string): (v: unknown) => string | undefined {
  return (v) =>
    typeof v === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(v)
      ? undefined
      : `\`${path}\` must be the name of a Lambda function (1 to 64 letters, digits, "-" or "_"; not an ARN), got ${describeReceived(v)}.`;
}

/** Why `cron` is not a deployment window expression, or undefined. */
export function cronProblem(cron: string): string | undefined {
  const fields = cron.trim().split(/\s+/);
  if (fields.length < 6 || fields.length > 7) return `it has ${fields.length} field${fields.length === 1 ? "" : "s"}, not 6 or 7`;
  for (let i = 0; i < fields.length; i++) {
    const [what, pattern] = CRON_FIELDS[i];
    if (!pattern.test(fields[i])) return `its ${what} field "${fields[i]}" is not allowed${i === 0 ? ' (seconds must be "*")' : ""}`;
  }
  return undefined;
}

/** Whether `zone` is an IANA time zone this runtime knows. */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone);
  } catch {
    return false;
  }
}

/** The name each rule of `rules` gets, list by list. */
function ruleNames(rules: StageConditionRulesArgs): [string, string][] {
  return RULE_LISTS.flatMap((list) =>
    (rules[list] ?? []).map((r, j): [string, string] => [`${list}[${j}]`, r.name ?? `${PROVIDERS[list]}${j + 1}`]),
  );
}

/**
 * Validates the rules of condition `p` (pure): 1 to 5 in all, each rule's fields, names unique in
 * the condition. `namespaces` are those a VariableCheck may read. Alarm names given as Outputs are
 * checked when they resolve ({@link renderRules}).
 */
export function checkRules(p: string, rules: StageConditionRulesArgs, namespaces: string[]): void {
  for (const list of RULE_LISTS) checkList(`${p}.${list}`, rules[list]);
  const count = ruleCount(rules);
  if (count < 1 || count > MAX_CONDITION_RULES) {
    throw new Error(`\`${p}\` must hold 1 to ${MAX_CONDITION_RULES} rules in ${RULE_LIST_NAMES} together, got ${count}.`);
  }
  (rules.variableChecks ?? []).forEach((rule, j) => checkVariableCheck(`${p}.variableChecks[${j}]`, rule, namespaces));
  (rules.cloudWatchAlarms ?? []).forEach((rule, j) => {
    const rp = `${p}.cloudWatchAlarms[${j}]`;
    checkObject(rp, rule, "`alarmName`");
    if (!pulumi.Output.isInstance(rule.alarmName)) {
      const problem = alarmNameProblem(`${rp}.alarmName`)(rule.alarmName);
      if (problem !== undefined) throw new Error(problem);
    }
    const wait = rule.waitMinutes;
    if (wait !== undefined && (typeof wait !== "number" || !Number.isInteger(wait) || wait < 1)) {
      throw new Error(
        `\`${rp}.waitMinutes\` must be a whole number of minutes, at least 1, got ${describeReceived(wait)}; leave it out for no wait.`,
      );
    }
    checkRuleName(rp, rule.name);
  });
  (rules.deploymentWindows ?? []).forEach((rule, j) => {
    const rp = `${p}.deploymentWindows[${j}]`;
    checkObject(rp, rule, "`cron`");
    const problem = typeof rule.cron === "string" ? cronProblem(rule.cron) : "it is not a string";
    if (problem !== undefined) {
      throw new Error(
        `\`${rp}.cron\` must be a cron expression of 6 fields and an optional year (seconds "*", minutes, hours, day of month, month, day of week), such as "* * 9-16 ? * MON-FRI", got ${describeReceived(rule.cron)}: ${problem}.`,
      );
    }
    if (rule.timeZone !== undefined && (typeof rule.timeZone !== "string" || !isTimeZone(rule.timeZone))) {
      throw new Error(
        `\`${rp}.timeZone\` must be an IANA time zone such as "Europe/Paris" or "UTC", got ${describeReceived(rule.timeZone)}.`,
      );
    }
    checkRuleName(rp, rule.name);
  });
  (rules.lambdaInvokes ?? []).forEach((rule, j) => {
    const rp = `${p}.lambdaInvokes[${j}]`;
    checkObject(rp, rule, "`functionName`");
    if (!pulumi.Output.isInstance(rule.functionName)) {
      const problem = functionNameProblem(`${rp}.functionName`)(rule.functionName);
      if (problem !== undefined) throw new Error(problem);
    }
    if (rule.userParameters !== undefined && (typeof rule.userParameters !== "string" || rule.userParameters.length === 0)) {
      throw new Error(
        `\`${rp}.userParameters\` must be a non-empty string, got ${describeReceived(rule.userParameters)}; leave it out for none.`,
      );
    }
    checkRuleName(rp, rule.name);
  });
  const seen = new Map<string, string>();
  for (const [path, name] of ruleNames(rules)) {
    const clash = seen.get(name);
    if (clash !== undefined) {
      throw new Error(
        `\`${p}.${path}.name\` "${name}" is already the name of \`${p}.${clash}\`; rule names must be unique within a condition (set \`name\`).`,
      );
    }
    seen.set(name, path);
  }
}

function checkVariableCheck(rp: string, rule: VariableCheckArgs, available: string[]): void {
  checkObject(rp, rule, "`variable` and `value`");
  const m = typeof rule.variable === "string" ? VARIABLE.exec(rule.variable) : null;
  if (m === null) {
    throw new Error(
      `\`${rp}.variable\` must be one variable reference such as "#{Preview.PLAN_IAM_BROADENED}", got ${describeReceived(rule.variable)}.`,
    );
  }
  if (!available.includes(m[1])) {
    throw new Error(
      `\`${rp}.variable\` reads namespace "${m[1]}", which no action of an earlier stage sets. Available: ${available.join(", ")}.`,
    );
  }
  if (typeof rule.value !== "string" || rule.value.length < 1 || rule.value.length > 10000) {
    throw new Error(`\`${rp}.value\` must be a string of 1 to 10000 characters, got ${describeReceived(rule.value)}.`);
  }
  if (rule.operator !== undefined && !OPERATORS.includes(rule.operator)) {
    throw new Error(`\`${rp}.operator\` must be one of ${OPERATORS.join(", ")}, got ${describeReceived(rule.operator)}.`);
  }
  checkRuleName(rp, rule.name);
}

/** One rule declaration, as `aws.codepipeline.Pipeline` takes it in any condition. */
export type RuleDeclaration = aws.types.input.codepipeline.PipelineStageBeforeEntryConditionRule;

const ruleTypeId = (provider: string) => ({ category: "Rule", owner: "AWS", provider, version: "1" });

/** The rule declarations of checked rules (`p` is the condition's path, for Outputs checked when they resolve). */
export function renderRules(p: string, rules: StageConditionRulesArgs): RuleDeclaration[] {
  return [
    ...(rules.variableChecks ?? []).map((r, j) => ({
      name: r.name ?? `VariableCheck${j + 1}`,
      ruleTypeId: ruleTypeId("VariableCheck"),
      configuration: { Variable: r.variable, Value: r.value, Operator: r.operator ?? DEFAULT_VARIABLE_CHECK_OPERATOR },
    })),
    ...(rules.cloudWatchAlarms ?? []).map((r, j) => ({
      name: r.name ?? `CloudWatchAlarm${j + 1}`,
      ruleTypeId: ruleTypeId("CloudWatchAlarm"),
      configuration: {
        AlarmName: checkedInput(r.alarmName, alarmNameProblem(`${p}.cloudWatchAlarms[${j}].alarmName`)),
        ...(r.waitMinutes !== undefined ? { WaitTime: String(r.waitMinutes) } : {}),
      },
    })),
    ...(rules.deploymentWindows ?? []).map((r, j) => ({
      name: r.name ?? `DeploymentWindow${j + 1}`,
      ruleTypeId: ruleTypeId("DeploymentWindow"),
      configuration: { Cron: r.cron.trim(), TimeZone: r.timeZone ?? DEFAULT_DEPLOYMENT_WINDOW_TIME_ZONE },
    })),
    ...(rules.lambdaInvokes ?? []).map((r, j) => ({
      name: r.name ?? `LambdaInvoke${j + 1}`,
      ruleTypeId: ruleTypeId("LambdaInvoke"),
      configuration: {
        FunctionName: checkedInput(r.functionName, functionNameProblem(`${p}.lambdaInvokes[${j}].functionName`)),
        ...(r.userParameters !== undefined ? { UserParameters: r.userParameters } : {}),
      },
    })),
  ];
}

/** The alarm names of condition `p`'s rules, in order; an Output is checked when it resolves. */
export function alarmNamesOf(p: string, rules: StageConditionRulesArgs | undefined): pulumi.Input<string>[] {
  return (rules?.cloudWatchAlarms ?? []).map((r, j) =>
    checkedInput(r.alarmName, alarmNameProblem(`${p}.cloudWatchAlarms[${j}].alarmName`)),
  );
}

/** The function names of condition `p`'s rules, in order; an Output is checked when it resolves. */
export function functionNamesOf(p: string, rules: StageConditionRulesArgs | undefined): pulumi.Input<string>[] {
  return (rules?.lambdaInvokes ?? []).map((r, j) =>
    checkedInput(r.functionName, functionNameProblem(`${p}.lambdaInvokes[${j}].functionName`)),
  );
}
