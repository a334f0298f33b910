import { checkedInput, roleArnProblem } from "../internal/arns";
import { ArgTypes, checkList, checkObject, checkTypes } from "../internal/types";
import { ActionArgsOf, ActionCategory, ActionKindName, PlannedAction, PlannedActionOf } from "./action-types";
import { ACTION_KINDS, ACTION_KIND_NAMES, ActionArgs, kindOfAction } from "./actions";
import type { StageEntryConditionArgs, StageFailureArgs, StageSuccessConditionArgs } from "./stage-conditions";

/** One stage of a pipeline, in order. */
export interface StageArgs {
  /** Stage name, unique in the pipeline: letters, digits, `.`, `@`, `-`, `_`, at most 100. */
  name: string;
  /** The stage's actions (each sets exactly one kind). */
  actions: ActionArgs[];
  /**
   * Entry condition (V2 pipelines only): rules checked before the stage starts (variable checks,
   * alarms, deployment windows), and what happens when one fails (`FAIL` the stage, or `SKIP` it).
   * @default - no condition: the stage always runs.
   */
  beforeEntry?: StageEntryConditionArgs;
  /**
   * Success condition (V2 pipelines only): rules checked once the stage's actions succeed, and what
   * happens when one fails (`ROLLBACK` the stage, or `FAIL` it).
   * @default - no condition: the stage succeeds with its actions.
   */
  onSuccess?: StageSuccessConditionArgs;
  /**
   * What the stage does when it fails (V2 pipelines only): `ROLLBACK` to its last successful
   * execution, or `RETRY` with a mode.
   * @default - none: the stage, and the execution, fail.
   */
  onFailure?: StageFailureArgs;
}

/** A stage after validation. */
export interface PlannedStage {
  /** Name of the stage. */
  name: string;
  /** The stage's actions, after validation. */
  actions: PlannedAction[];
  /**
   * The stage's entry condition, as given (checked by `checkStageConditions`).
   * @default - none.
   */
  beforeEntry?: StageEntryConditionArgs;
  /**
   * The stage's success condition, as given (checked by `checkStageConditions`).
   * @default - none.
   */
  onSuccess?: StageSuccessConditionArgs;
  /**
   * What the stage does when it fails, as given (checked by `checkStageConditions`).
   * @default - none.
   */
  onFailure?: StageFailureArgs;
}

/** Stage and action names CodePipeline accepts. */
export const STAGE_OR_ACTION_NAME = /^[A-Za-z0-9.@_-]{1,100}$/;
/** Artifact names CodePipeline accepts. */
export const ARTIFACT_NAME = /^[A-Za-z0-9_-]{1,100}$/;
/**
 * Most stages in a pipeline: CodePipeline's default quota, which can be raised
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html).
 */
export const MAX_STAGES_PER_PIPELINE = 50;
/**
 * Most actions in a stage: CodePipeline's default quota, which can be raised
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html). The input and output
 * artifacts each action kind accepts (e.g. 1 to 5 inputs for CodeBuild) are its definition's
 * `inputs` and `outputs`, from the same page.
 */
export const MAX_ACTIONS_PER_STAGE = 50;

/** Highest `runOrder` CodePipeline accepts. */
export const MAX_RUN_ORDER = 999;

const NAME_RULE = 'hold 1 to 100 letters, digits, ".", "@", "-" or "_"';
/** The kinds that are always sources (`custom` may be one, and is not listed). */
const SOURCE_KINDS = ACTION_KIND_NAMES.filter((k) => ACTION_KINDS[k].categories.every((c) => c === "Source"));

/** The kinds of the arguments action kinds share, checked first (JavaScript callers). */
const ACTION_ARG_TYPES: ArgTypes = {
  objects: { environmentVariables: "variables by name" },
  booleans: ["batch", "fullClone", "startOnPush", "startOnUpload"],
  numbers: ["runOrder"],
  strings: ["name", "namespace", "output", "type", "region"],
  lists: ["inputs", "outputs", "notifyEmails"],
};

const list = (names: string[]) => (names.length === 0 ? "none" : names.join(", "));

function kindOf(action: ActionArgs, path: string): ActionKindName {
  const set = ACTION_KIND_NAMES.filter((k) => action?.[k] !== undefined);
  if (set.length !== 1) {
    throw new Error(
      `\`${path}\` must set exactly one action kind, got ${set.length === 0 ? "none" : set.join(" and ")}. Kinds: ${ACTION_KIND_NAMES.join(", ")}.`,
    );
  }
  return set[0];
}

function checkPlacement(kind: string, category: ActionCategory, stageIndex: number, path: string): void {
  if (stageIndex === 0 && category === "Approval") {
    throw new Error(`\`${path}\` is a ${kind} action; the first stage holds only source actions, so approvals go in a later stage.`);
  }
  if (stageIndex === 0 && category !== "Source") {
    throw new Error(`\`${path}\` is a ${kind} action; the first stage must hold only source actions (${SOURCE_KINDS.join(", ")}).`);
  }
  if (stageIndex > 0 && category === "Source") {
    throw new Error(`\`${path}\` is a ${kind} action; source actions belong in the first stage only.`);
  }
}

/** Validates one stage's names and actions (not artifacts); returns its actions with names and orders. */
function planStageActions(stage: StageArgs, stageIndex: number): PlannedAction[] {
  const sp = `stages[${stageIndex}]`;
  if (!Array.isArray(stage.actions) || stage.actions.length === 0) {
    throw new Error(`\`${sp}.actions\` must hold at least one action, got [].`);
  }
  if (stage.actions.length > MAX_ACTIONS_PER_STAGE) {
    throw new Error(
      `\`${sp}.actions\` must hold at most ${MAX_ACTIONS_PER_STAGE} actions, CodePipeline's quota per stage, got ${stage.actions.length}. The quota is adjustable: ask AWS for more through Service Quotas, or spread the actions over more stages.`,
    );
  }
  const byName = new Map<string, string>();
  return stage.actions.map((action, actionIndex) => {
    const path = `${sp}.actions[${actionIndex}]`;
    const planned = planAction(kindOf(action, path), action, path, stage.name, stageIndex, actionIndex);
    const clash = byName.get(planned.name);
    if (clash !== undefined) {
      throw new Error(
        `\`${path}.name\` "${planned.name}" is already used by \`${clash}\`; action names must be unique within a stage (set \`name\`).`,
      );
    }
    byName.set(planned.name, path);
    return planned;
  });
}

/** Validates one action of kind `kind` (its fields, placement, name and run order). */
function planAction<K extends ActionKindName>(
  kind: K,
  action: ActionArgs,
  path: string,
  stageName: string,
  stageIndex: number,
  actionIndex: number,
): PlannedActionOf<K> {
  const def = ACTION_KINDS[kind];
  const given: ActionArgs[K] = action[kind];
  checkObject(`${path}.${kind}`, given ?? null, "the action's fields");
  // Stryker disable next-line all: unreachable, kindOf picked a set kind and checkObject refuses null; kept for the type narrowing
  if (given === undefined) throw new Error(`\`${path}.${kind}\` must be an object.`); // never: kindOf picked a set kind
  checkTypes(given, ACTION_ARG_TYPES, path);
  def.validate(given, path);
  const category = def.category(given);
  checkPlacement(kind, category, stageIndex, path);
  // A `roleArn` Output is checked when it resolves: every resource that names it fails with the same message.
  const args: ActionArgsOf<K> =
    given.roleArn === undefined ? given : { ...given, roleArn: checkedInput(given.roleArn, roleArnProblem(`${path}.roleArn`)) };
  const name = args.name ?? def.defaultName(args);
  if (!STAGE_OR_ACTION_NAME.test(name)) throw new Error(`\`${path}.name\` must ${NAME_RULE}, got "${name}".`);
  const runOrder = args.runOrder ?? 1;
  if (!Number.isInteger(runOrder) || runOrder < 1 || runOrder > MAX_RUN_ORDER) {
    throw new Error(`\`${path}.runOrder\` must be a whole number from 1 to ${MAX_RUN_ORDER}, got ${runOrder}.`);
  }
  // Stryker disable next-line ArrayDeclaration: wireArtifacts sets every action's inputs and outputs before planStages returns
  return { kind, path, stageName, stageIndex, actionIndex, name, runOrder, category, inputs: [], outputs: [], args };
}

/** The artifact and namespace fields some kinds take (the others have none of them). */
interface ArtifactArgs {
  /** @default - the kind's default name. */
  name?: string;
  /** @default - the latest artifact, for kinds that need one. */
  inputs?: string[];
  /** @default - the kind's default outputs. */
  outputs?: string[];
  /** @default - none. */
  namespace?: string;
}

/** Fills each action's inputs and outputs, in execution order, checking every artifact rule. */
function wireArtifacts(stages: PlannedStage[]): void {
  const producedBy = new Map<string, string>();
  const namespaces = new Map<string, string>();
  const available: string[] = [];
  for (const stage of stages) {
    const orders = [...new Set(stage.actions.map((a) => a.runOrder))].sort((x, y) => x - y);
    for (const order of orders) {
      const group = stage.actions.filter((a) => a.runOrder === order);
      const before = [...available];
      for (const action of group) {
        const args: ArtifactArgs = action.args;
        action.inputs = resolveInputs(action, kindOfAction(action).inputs, args.inputs, before);
        action.outputs = resolveOutputs(action, stage, producedBy);
        for (const o of action.outputs) producedBy.set(o, action.path);
        if (args.namespace !== undefined) {
          const clash = namespaces.get(args.namespace);
          if (clash !== undefined) {
            throw new Error(
              `\`${action.path}.namespace\` "${args.namespace}" is already used by \`${clash}\`; namespaces must be unique in a pipeline.`,
            );
          }
          namespaces.set(args.namespace, action.path);
        }
      }
      for (const action of group) available.push(...action.outputs);
    }
  }
}

function resolveInputs(
  action: PlannedAction,
  bounds: { min: number; max: number },
  given: string[] | undefined,
  available: string[],
): string[] {
  const path = action.path;
  if (given === undefined) {
    if (bounds.min === 0) return [];
    if (available.length === 0) {
      throw new Error(`\`${path}\` needs an input artifact, but no earlier action produces one. Available at this point: none.`);
    }
    return [available[available.length - 1]];
  }
  if (!Array.isArray(given) || given.length < bounds.min || given.length > bounds.max) {
    const allowed =
      bounds.max === 0
        ? "no input artifacts"
        : bounds.min === bounds.max
          ? // Stryker disable next-line all: the plural is for a kind with a fixed count above 1; no shipped kind has one
            `exactly ${bounds.min} input artifact${bounds.min === 1 ? "" : "s"}`
          : `${bounds.min} to ${bounds.max} input artifacts`;
    throw new Error(
      `\`${path}.inputs\` must name ${allowed} for a ${action.kind} action, got ${Array.isArray(given) ? given.length : typeof given}.`,
    );
  }
  const seen = new Set<string>();
  for (const input of given) {
    if (!available.includes(input)) {
      throw new Error(
        `\`${path}.inputs\` names "${input}", which no earlier action produces (an artifact of the same stage needs a lower \`runOrder\`). Available at this point: ${list(available)}.`,
      );
    }
    if (seen.has(input)) throw new Error(`\`${path}.inputs\` names "${input}" twice.`);
    seen.add(input);
  }
  return [...given];
}

function resolveOutputs<K extends ActionKindName>(
  action: PlannedActionOf<K>,
  stage: PlannedStage,
  producedBy: Map<string, string>,
): string[] {
  const def = kindOfAction(action);
  const args = action.args;
  const given: ArtifactArgs = args;
  const arg = given.outputs !== undefined ? "outputs" : "output";
  const declared = def.declaredOutputs(args);
  let outputs: string[];
  if (declared !== undefined) {
    if (declared.length < def.outputs.min || declared.length > def.outputs.max) {
      // Stryker disable all: only sources (always one declared output), codeBuild (0 to 5) and custom (0 to 5) declare outputs, so no shipped kind reaches the "no" or "exactly" wording
      const allowed =
        def.outputs.max === 0
          ? "no output artifacts"
          : def.outputs.min === def.outputs.max
            ? `exactly ${def.outputs.min} output artifact${def.outputs.min === 1 ? "" : "s"}`
            : // Stryker restore all
              `${def.outputs.min} to ${def.outputs.max} output artifacts`;
      throw new Error(`\`${action.path}.${arg}\` must name ${allowed} for a ${action.kind} action, got ${declared.length}.`);
    }
    outputs = declared;
  } else if (def.producesByDefault(args)) {
    const base = `${action.name.replace(/[^A-Za-z0-9_-]/g, "_")}Output`;
    const fallback = `${stage.name.replace(/[^A-Za-z0-9_-]/g, "_")}_${base}`;
    // Compare the name as cut to 100 characters: two long action names may only differ after it.
    const plain = base.slice(0, 100);
    outputs = [producedBy.has(plain) ? fallback.slice(0, 100) : plain];
  } else {
    outputs = [];
  }
  for (const output of outputs) {
    if (!ARTIFACT_NAME.test(output)) {
      throw new Error(`\`${action.path}.${arg}\` must ${'hold 1 to 100 letters, digits, "-" or "_"'}, got "${output}".`);
    }
    const clash = producedBy.get(output);
    if (clash !== undefined || outputs.indexOf(output) !== outputs.lastIndexOf(output)) {
      throw new Error(
        `\`${action.path}.${arg}\` "${output}" is already produced by \`${clash ?? action.path}\`; artifact names must be unique in a pipeline.`,
      );
    }
  }
  return outputs;
}

/**
 * Validates the stages (names, kinds, placement, run orders, artifacts, namespaces) and returns
 * them with every default resolved. Pure: throws a plain `Error` on the first problem.
 */
export function planStages(stages: StageArgs[]): PlannedStage[] {
  checkList("stages", stages);
  if (!Array.isArray(stages) || stages.length < 2) {
    const got = Array.isArray(stages) ? stages.length : 0;
    throw new Error(`\`stages\` must hold at least two stages (sources first, then what they feed), got ${got}.`);
  }
  if (stages.length > MAX_STAGES_PER_PIPELINE) {
    throw new Error(
      `\`stages\` must hold at most ${MAX_STAGES_PER_PIPELINE} stages, CodePipeline's quota per pipeline, got ${stages.length}. The quota is adjustable: ask AWS for more through Service Quotas, or split the pipeline.`,
    );
  }
  const stageNames = new Map<string, number>();
  const planned = stages.map((stage, i) => {
    checkObject(`stages[${i}]`, stage ?? null, "`name` and `actions`");
    checkList(`stages[${i}].actions`, stage.actions);
    // Stryker disable next-line OptionalChaining: checkObject above refuses a null or missing stage
    if (typeof stage?.name !== "string" || !STAGE_OR_ACTION_NAME.test(stage.name)) {
      // Stryker disable next-line OptionalChaining: checkObject above refuses a null or missing stage
      throw new Error(`\`stages[${i}].name\` must ${NAME_RULE}, got "${stage?.name}".`);
    }
    const clash = stageNames.get(stage.name);
    if (clash !== undefined) {
      throw new Error(`\`stages[${i}].name\` "${stage.name}" is already the name of \`stages[${clash}]\`; stage names must be unique.`);
    }
    stageNames.set(stage.name, i);
    const actions = planStageActions(stage, i);
    return {
      name: stage.name,
      actions,
      ...(stage.beforeEntry !== undefined ? { beforeEntry: stage.beforeEntry } : {}),
      ...(stage.onSuccess !== undefined ? { onSuccess: stage.onSuccess } : {}),
      ...(stage.onFailure !== undefined ? { onFailure: stage.onFailure } : {}),
    };
  });
  wireArtifacts(planned);
  return planned;
}

/**
 * The approval actions `grantApproval(role, stageName, actionName?)` refers to; throws, listing
 * what exists, when the stage or the approval action is missing.
 */
export function findApprovalActions(stages: PlannedStage[], stageName: string, actionName?: string): PlannedAction[] {
  const stage = stages.find((s) => s.name === stageName);
  if (!stage) {
    throw new Error(`The pipeline has no stage named "${stageName}". Available stages: ${list(stages.map((s) => s.name))}.`);
  }
  const approvals = stage.actions.filter((a) => a.category === "Approval");
  if (approvals.length === 0) {
    const withApprovals = stages.filter((s) => s.actions.some((a) => a.category === "Approval")).map((s) => s.name);
    throw new Error(`Stage "${stageName}" has no manual approval action. Stages with approvals: ${list(withApprovals)}.`);
  }
  if (actionName === undefined) return approvals;
  const found = approvals.filter((a) => a.name === actionName);
  if (found.length === 0) {
    throw new Error(
      `Stage "${stageName}" has no manual approval action named "${actionName}". Approval actions: ${list(approvals.map((a) => a.name))}.`,
    );
  }
  return found;
}
