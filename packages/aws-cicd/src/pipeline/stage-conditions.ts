import * as aws from "@pulumi/aws";
import { checkList, checkObject, describeReceived } from "../internal/types";
import type { PlannedStage } from "./stages";

/**
 * Entry conditions of V2 stages with `VariableCheck` rules: before a stage starts, CodePipeline
 * checks each rule (a variable of an earlier action, or of the pipeline, against a value); when
 * all pass, the stage runs; when one fails, `result` applies: `FAIL` fails the stage, `SKIP` skips
 * it and the execution goes on. A condition whose result is `SKIP` cannot be overridden when an
 * execution starts. VariableCheck is one of the two rules an entry condition may use with `SKIP`.
 * - Stage conditions: https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-conditions.html
 * - The rule: https://docs.aws.amazon.com/codepipeline/latest/userguide/rule-reference-VariableCheck.html
 * - One condition per stage entry, 1 to 5 rules, rule names of `[A-Za-z0-9.@_-]` (1 to 100):
 *   https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_BeforeEntryConditions.html,
 *   https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-condition.html,
 *   https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_RuleDeclaration.html
 * The rule reference documents no permission for VariableCheck: the pipeline role gets nothing for it.
 */

/** What an entry condition does when one of its rules fails. */
export const StageEntryResult = {
  /** Fail the stage (and the execution). */
  Fail: "FAIL",
  /** Skip the stage; the execution goes on with the next one. */
  Skip: "SKIP",
} as const;
/** `"FAIL"` or `"SKIP"` ({@link StageEntryResult}). */
export type StageEntryResult = (typeof StageEntryResult)[keyof typeof StageEntryResult];

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

/** The entry condition of a stage (V2 pipelines only). */
export interface StageEntryConditionArgs {
  /** What happens when a rule fails: `FAIL` or `SKIP`. */
  result: StageEntryResult;
  /** The rules, 1 to 5; the stage runs when all pass. */
  variableChecks: VariableCheckArgs[];
}

const VARIABLE = /^#\{([A-Za-z0-9@_-]+)\.([A-Za-z0-9@_-]+)\}$/;
const RULE_NAME = /^[A-Za-z0-9.@_-]{1,100}$/;
const OPERATORS: readonly string[] = Object.values(VariableCheckOperator);

/** Namespaces set by the actions of stages before `index`, plus `variables` (pipeline level). */
function namespacesBefore(stages: PlannedStage[], index: number): string[] {
  const found = stages
    .slice(0, index)
    .flatMap((s) => s.actions.flatMap((a) => ("namespace" in a.args && typeof a.args.namespace === "string" ? [a.args.namespace] : [])));
  return ["variables", ...found];
}

/** Validates the `beforeEntry` of every stage (pure): V2 only, result, rules and their variables. */
export function checkStageConditions(stages: PlannedStage[], pipelineType: string): void {
  stages.forEach((stage, i) => {
    const c = stage.beforeEntry;
    if (c === undefined) return;
    const p = `stages[${i}].beforeEntry`;
    checkObject(p, c, "`result` and `variableChecks`");
    if (pipelineType !== "V2") throw new Error(`\`${p}\` needs \`pipelineType: "V2"\`, got "${pipelineType}".`);
    if (c.result !== "FAIL" && c.result !== "SKIP") {
      throw new Error(`\`${p}.result\` must be "FAIL" or "SKIP", got ${describeReceived(c.result)}.`);
    }
    checkList(`${p}.variableChecks`, c.variableChecks);
    if (!Array.isArray(c.variableChecks) || c.variableChecks.length < 1 || c.variableChecks.length > MAX_CONDITION_RULES) {
      const got = Array.isArray(c.variableChecks) ? c.variableChecks.length : 0;
      throw new Error(`\`${p}.variableChecks\` must hold 1 to ${MAX_CONDITION_RULES} rules, got ${got}.`);
    }
    const available = namespacesBefore(stages, i);
    c.variableChecks.forEach((rule, j) => {
      const rp = `${p}.variableChecks[${j}]`;
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
      if (rule.name !== undefined && (typeof rule.name !== "string" || !RULE_NAME.test(rule.name))) {
        throw new Error(`\`${rp}.name\` must hold 1 to 100 letters, digits, ".", "@", "-" or "_", got ${describeReceived(rule.name)}.`);
      }
    });
  });
}

/** The `beforeEntry` block of a stage, for `aws.codepipeline.Pipeline`. */
export function renderBeforeEntry(
  c: StageEntryConditionArgs | undefined,
): aws.types.input.codepipeline.PipelineStageBeforeEntry | undefined {
  if (c === undefined) return undefined;
  return {
    condition: {
      result: c.result,
      rules: c.variableChecks.map((r, j) => ({
        name: r.name ?? `VariableCheck${j + 1}`,
        ruleTypeId: { category: "Rule", owner: "AWS", provider: "VariableCheck", version: "1" },
        configuration: { Variable: r.variable, Value: r.value, Operator: r.operator ?? DEFAULT_VARIABLE_CHECK_OPERATOR },
      })),
    },
  };
}
