import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { AwsContext } from "../internal/aws-context";
import { interpolate } from "../internal/interpolate";
import { checkObject, describeReceived } from "../internal/types";
import type { PolicyStatement } from "../security/iam";
import { STAGE_ALARM_RULE_ACTIONS, STAGE_LAMBDA_RULE_ACTIONS } from "./policies";
import type { PlannedStage } from "./stages";
import { alarmNamesOf, checkRules, functionNamesOf, providersOf, renderRules, StageConditionRulesArgs } from "./stage-rules";

/**
 * Stage behaviour of V2 pipelines: conditions checked before a stage starts (`beforeEntry`) and
 * after it succeeds (`onSuccess`), and what a failed stage does (`onFailure`: roll back or retry,
 * optionally only when a condition's rules fail). A condition's rules all pass, or its result applies.
 * - Stage conditions, and the results each kind takes (entry: FAIL or SKIP; on success: ROLLBACK or
 *   FAIL; on failure: ROLLBACK), SKIP only with VariableCheck and LambdaInvoke rules, no automatic
 *   retry with failure conditions: https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-conditions.html
 * - How they run: https://docs.aws.amazon.com/codepipeline/latest/userguide/concepts-how-it-works-conditions.html
 * - One condition per kind: https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_BeforeEntryConditions.html,
 *   https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_SuccessConditions.html,
 *   https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_FailureConditions.html (result
 *   ROLLBACK or RETRY: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-failureconditions.html)
 * - Retry modes: https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_RetryConfiguration.html
 * - Rollback (never of the source stage; only to an earlier successful execution of the same
 *   pipeline structure, so a new pipeline's first failure is not rolled back):
 *   https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-rollback.html,
 *   https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-rollback-auto.html
 */

/** What an entry condition does when one of its rules fails. */
export const StageEntryResult = {
  /** Fail the stage (and the execution). */
  Fail: "FAIL",
  /** Skip the stage; the execution goes on with the next one. VariableCheck rules only. */
  Skip: "SKIP",
} as const;
/** `"FAIL"` or `"SKIP"` ({@link StageEntryResult}). */
export type StageEntryResult = (typeof StageEntryResult)[keyof typeof StageEntryResult];

/**
 * What a stage does when a condition fails, or when it fails itself. Each kind takes some:
 * `beforeEntry` FAIL or SKIP ({@link StageEntryResult}); `onSuccess` ROLLBACK or FAIL;
 * `onFailure` ROLLBACK or RETRY.
 */
export const StageResult = {
  /** Roll the stage back to its last successful execution (not the source stage). */
  Rollback: "ROLLBACK",
  /** Fail the stage. */
  Fail: "FAIL",
  /** Retry the failed stage (see `StageRetryMode`), `onFailure` only. */
  Retry: "RETRY",
  /** Skip the stage, `beforeEntry` only. */
  Skip: "SKIP",
} as const;
/** One of {@link StageResult}. */
export type StageResult = (typeof StageResult)[keyof typeof StageResult];

/** What an automatic retry of a failed stage runs again. */
export const StageRetryMode = {
  /** Only the actions that failed. */
  FailedActions: "FAILED_ACTIONS",
  /** Every action of the stage. */
  AllActions: "ALL_ACTIONS",
} as const;
/** One of {@link StageRetryMode}. */
export type StageRetryMode = (typeof StageRetryMode)[keyof typeof StageRetryMode];
/** Retry mode of `onFailure: { result: "RETRY" }` when `retryMode` is not given. */
export const DEFAULT_STAGE_RETRY_MODE: StageRetryMode = "FAILED_ACTIONS";

/** The entry condition of a stage (V2 pipelines only): rules checked before the stage starts. */
export interface StageEntryConditionArgs extends StageConditionRulesArgs {
  /** What happens when a rule fails: `FAIL` the stage, or `SKIP` it (VariableCheck rules only). */
  result: StageEntryResult;
}

/** The success condition of a stage (V2 pipelines only): rules checked once its actions succeed. */
export interface StageSuccessConditionArgs extends StageConditionRulesArgs {
  /** What happens when a rule fails: `ROLLBACK` the stage or `FAIL` it. */
  result: StageResult;
}

/** What a failed stage does (V2 pipelines only). */
export interface StageFailureArgs {
  /**
   * `ROLLBACK` to the stage's last successful execution (not on the first stage; nothing to roll
   * back to until the stage has succeeded once), or `RETRY` the stage once more.
   */
  result: StageResult;
  /**
   * What a retry runs again (`RETRY` only).
   * @default "FAILED_ACTIONS"
   */
  retryMode?: StageRetryMode;
  /**
   * Rules checked when the stage fails; it rolls back only when one of them fails (`ROLLBACK` only).
   * @default - none: every failure rolls back.
   */
  conditions?: StageConditionRulesArgs;
}

/** The condition kinds of a stage, as `StageArgs` names them, each with the results it takes. */
const RESULTS = {
  beforeEntry: ["FAIL", "SKIP"],
  onSuccess: ["ROLLBACK", "FAIL"],
  onFailure: ["ROLLBACK", "RETRY"],
} as const;
const RETRY_MODES: readonly string[] = Object.values(StageRetryMode);
/** Rule types a SKIP entry condition may use. */
const SKIP_PROVIDERS = ["VariableCheck", "LambdaInvoke"];

const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`).join(" or ");

/** Namespaces set by the actions of stages before `index`, plus `variables` (pipeline level). */
function namespacesBefore(stages: PlannedStage[], index: number): string[] {
  const found = stages
    .slice(0, index)
    .flatMap((s) => s.actions.flatMap((a) => ("namespace" in a.args && typeof a.args.namespace === "string" ? [a.args.namespace] : [])));
  return ["variables", ...found];
}

function checkResult(p: string, kind: keyof typeof RESULTS, result: unknown): void {
  const allowed: readonly string[] = RESULTS[kind];
  if (typeof result !== "string" || !allowed.includes(result)) {
    const hint = kind === "onFailure" ? "; leave `onFailure` out to let the stage fail, CodePipeline's default" : "";
    throw new Error(`\`${p}.result\` must be ${quoted(allowed)}, got ${describeReceived(result)}${hint}.`);
  }
}

function checkNotFirst(p: string, index: number): void {
  if (index === 0) {
    throw new Error(`\`${p}.result\` "ROLLBACK" is not allowed on the first stage: CodePipeline never rolls back a source stage.`);
  }
}

function checkFailure(p: string, f: StageFailureArgs, index: number, namespaces: string[]): void {
  checkObject(p, f, "`result`, and `retryMode` or `conditions`");
  checkResult(p, "onFailure", f.result);
  if (f.result === "ROLLBACK") checkNotFirst(p, index);
  if (f.retryMode !== undefined) {
    if (f.result !== "RETRY")
      throw new Error(`\`${p}.retryMode\` only applies to \`result: "RETRY"\`, got result "${f.result}"; remove it.`);
    if (!RETRY_MODES.includes(f.retryMode)) {
      throw new Error(`\`${p}.retryMode\` must be ${quoted(RETRY_MODES)}, got ${describeReceived(f.retryMode)}.`);
    }
  }
  if (f.conditions !== undefined) {
    if (f.result !== "ROLLBACK") {
      throw new Error(
        `\`${p}.conditions\` only apply to \`result: "ROLLBACK"\`, got result "${f.result}": CodePipeline does not retry a stage automatically with failure conditions; remove \`conditions\` or roll back.`,
      );
    }
    checkObject(`${p}.conditions`, f.conditions, "`variableChecks`, `cloudWatchAlarms`, `deploymentWindows` or `lambdaInvokes`");
    checkRules(`${p}.conditions`, f.conditions, namespaces);
  }
}

/**
 * Validates the `beforeEntry`, `onSuccess` and `onFailure` of every stage (pure): V2 only, the
 * results each kind takes, and their rules.
 */
export function checkStageConditions(stages: PlannedStage[], pipelineType: string): void {
  stages.forEach((stage, i) => {
    const kinds = (["beforeEntry", "onSuccess", "onFailure"] as const).filter((k) => stage[k] !== undefined);
    for (const kind of kinds) {
      const p = `stages[${i}].${kind}`;
      checkObject(p, stage[kind], kind === "onFailure" ? "`result`" : "`result` and rules such as `variableChecks`");
      if (pipelineType !== "V2") throw new Error(`\`${p}\` needs \`pipelineType: "V2"\`, got "${pipelineType}".`);
    }
    // Rules of an entry condition run before the stage: its own actions' variables are not set yet.
    const c = stage.beforeEntry;
    if (c !== undefined) {
      const p = `stages[${i}].beforeEntry`;
      checkResult(p, "beforeEntry", c.result);
      checkRules(p, c, namespacesBefore(stages, i));
      const others = providersOf(c).filter((x) => !SKIP_PROVIDERS.includes(x));
      if (c.result === "SKIP" && others.length > 0) {
        throw new Error(
          `\`${p}.result\` "SKIP" only works with VariableCheck and LambdaInvoke rules, and the condition has ${others.join(" and ")} rules; use \`result: "FAIL"\`, or move those rules to another condition.`,
        );
      }
    }
    const s = stage.onSuccess;
    if (s !== undefined) {
      const p = `stages[${i}].onSuccess`;
      checkResult(p, "onSuccess", s.result);
      if (s.result === "ROLLBACK") checkNotFirst(p, i);
      checkRules(p, s, namespacesBefore(stages, i + 1));
    }
    if (stage.onFailure !== undefined) checkFailure(`stages[${i}].onFailure`, stage.onFailure, i, namespacesBefore(stages, i + 1));
  });
}

/** The `beforeEntry` block of a stage, for `aws.codepipeline.Pipeline`. */
export function renderBeforeEntry(
  c: StageEntryConditionArgs | undefined,
  p = "beforeEntry",
): aws.types.input.codepipeline.PipelineStageBeforeEntry | undefined {
  if (c === undefined) return undefined;
  return { condition: { result: c.result, rules: renderRules(p, c) } };
}

/** The `onSuccess` block of a stage, for `aws.codepipeline.Pipeline`. */
export function renderOnSuccess(
  c: StageSuccessConditionArgs | undefined,
  p = "onSuccess",
): aws.types.input.codepipeline.PipelineStageOnSuccess | undefined {
  if (c === undefined) return undefined;
  return { condition: { result: c.result, rules: renderRules(p, c) } };
}

/** The `onFailure` block of a stage, for `aws.codepipeline.Pipeline`. */
export function renderOnFailure(
  f: StageFailureArgs | undefined,
  p = "onFailure",
): aws.types.input.codepipeline.PipelineStageOnFailure | undefined {
  if (f === undefined) return undefined;
  if (f.result === "RETRY") return { result: "RETRY", retryConfiguration: { retryMode: f.retryMode ?? DEFAULT_STAGE_RETRY_MODE } };
  return {
    result: f.result,
    ...(f.conditions !== undefined ? { condition: { result: f.result, rules: renderRules(`${p}.conditions`, f.conditions) } } : {}),
  };
}

/** The condition blocks of planned stage `i`, for its declaration (none when it has no condition). */
export function renderStageConditions(stage: PlannedStage, i: number): Record<string, unknown> {
  const p = `stages[${i}]`;
  return {
    ...(stage.beforeEntry !== undefined ? { beforeEntry: renderBeforeEntry(stage.beforeEntry, `${p}.beforeEntry`) } : {}),
    ...(stage.onSuccess !== undefined ? { onSuccess: renderOnSuccess(stage.onSuccess, `${p}.onSuccess`) } : {}),
    ...(stage.onFailure !== undefined ? { onFailure: renderOnFailure(stage.onFailure, `${p}.onFailure`) } : {}),
  };
}

/** The alarm names (`alarms`) and function names (`functions`) the conditions of `stages` name, in stage order (Outputs checked when they resolve). */
export function conditionRuleTargets(stages: PlannedStage[]): { alarms: pulumi.Input<string>[]; functions: pulumi.Input<string>[] } {
  const conditions = stages.flatMap((s, i): [string, StageConditionRulesArgs | undefined][] => [
    [`stages[${i}].beforeEntry`, s.beforeEntry],
    [`stages[${i}].onSuccess`, s.onSuccess],
    [`stages[${i}].onFailure.conditions`, s.onFailure?.conditions],
  ]);
  return {
    alarms: conditions.flatMap(([p, c]) => alarmNamesOf(p, c)),
    functions: conditions.flatMap(([p, c]) => functionNamesOf(p, c)),
  };
}

const once = (names: pulumi.Input<string>[]) => names.filter((n, i) => typeof n !== "string" || names.indexOf(n) === i);

/**
 * The pipeline role's statements for the rules of every condition: read exactly the alarms of
 * CloudWatchAlarm rules and invoke exactly the functions of LambdaInvoke rules, in the pipeline's
 * account and region. None for rules that need nothing.
 */
export function ruleStatements(
  alarmNames: pulumi.Input<string>[],
  functionNames: pulumi.Input<string>[],
  ctx: AwsContext,
): PolicyStatement[] {
  const alarms = once(alarmNames);
  const functions = once(functionNames);
  return [
    ...(alarms.length === 0
      ? []
      : [
          {
            sid: "ReadConditionAlarms",
            actions: [...STAGE_ALARM_RULE_ACTIONS],
            resources: alarms.map((n) => interpolate`arn:${ctx.partition}:cloudwatch:${ctx.region}:${ctx.accountId}:alarm:${n}`),
          },
        ]),
    ...(functions.length === 0
      ? []
      : [
          {
            sid: "InvokeConditionFunctions",
            actions: [...STAGE_LAMBDA_RULE_ACTIONS],
            resources: functions.map((n) => interpolate`arn:${ctx.partition}:lambda:${ctx.region}:${ctx.accountId}:function:${n}`),
          },
        ]),
  ];
}
