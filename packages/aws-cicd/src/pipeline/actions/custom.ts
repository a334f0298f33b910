import * as pulumi from "@pulumi/pulumi";
import { checkedInput, isDeferred } from "../../internal/arns";
import { checkTypes, isRecord, shown } from "../../internal/types";
import { PolicyStatement } from "../../security/iam";
import {
  ACTION_CATEGORIES,
  ActionCategory,
  ActionCommonArgs,
  ActionKind,
  ConsumingActionArgs,
  isActionCategory,
  RegionalActionArgs,
} from "../action-types";
import { checkNamespace } from "./shared";

/**
 * Limits of a custom action, from CodePipeline's API reference: `ActionTypeId` (provider 1 to 35,
 * version 1 to 9 characters of `[0-9A-Za-z_-]`), `ActionDeclaration.configuration` (keys 1 to 50,
 * values 1 to 1,000 characters) and `ActionTypeArtifactDetails` (0 to 10 input and output artifacts).
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionTypeId.html
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionDeclaration.html
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionTypeArtifactDetails.html
 */
export const CUSTOM_ACTION_LIMITS = {
  /** Longest `provider`. */
  providerLength: 35,
  /** Longest `version`. */
  versionLength: 9,
  /** Longest configuration key. */
  configurationKeyLength: 50,
  /** Longest configuration value. */
  configurationValueLength: 1000,
  /** Most input artifacts, and most output artifacts. */
  artifacts: 10,
} as const;

/** Version of a custom action's type when none is given. */
export const DEFAULT_CUSTOM_ACTION_VERSION = "1";
/** The only owner a custom action may have: AWS-owned action types (see {@link CustomActionArgs.owner}). */
export const CUSTOM_ACTION_OWNER = "AWS";

/** Condition operators and their keys, e.g. `{ StringEquals: { "aws:ResourceTag/team": ["web"] } }`: plain data. */
export type CustomStatementConditions = Record<string, Record<string, pulumi.Input<string>[]>>;

/** One IAM statement the pipeline role needs for a custom action: plain data. */
export interface CustomActionStatement {
  /**
   * Statement id: letters and digits only.
   * @default - no `Sid`.
   */
  sid?: string;
  /** Exact IAM actions, `service:Action` without wildcards (e.g. `lambda:InvokeFunction`). */
  actions: string[];
  /**
   * Exact resource ARNs (strings or Outputs). `["*"]` only with `wildcardOnly`.
   */
  resources: pulumi.Input<string>[];
  /**
   * You state that every action of the statement supports no resource-level permission (the
   * Service Authorization Reference lists no resource type for it), so that `resources` must be
   * `["*"]`. A `"*"` is refused otherwise: a scopable action names its exact resources.
   * @default false
   */
  wildcardOnly?: boolean;
  /**
   * Conditions, by operator then key, each key with its list of values.
   * @default - none.
   */
  conditions?: CustomStatementConditions;
}

/**
 * An action of a kind this library does not ship, such as a Lambda invoke
 * (`category: "Invoke", provider: "Lambda"`), described as plain data: its action type, its
 * configuration, its artifacts and the exact statements the pipeline role needs. The pipeline
 * declares it, grants the statements (or only `sts:AssumeRole` on `roleArn`), and wires its
 * artifacts like those of the shipped kinds (the created bucket and key let `roleArn` read, and
 * write when the action has outputs).
 */
export interface CustomActionArgs extends ActionCommonArgs, RegionalActionArgs, ConsumingActionArgs {
  /** Category of the action type: `Source`, `Build`, `Test`, `Deploy`, `Approval` or `Invoke`. */
  category: string;
  /** Provider of the action type, e.g. `Lambda`, `StepFunctions`, `ECR`: 1 to 35 letters, digits, "-" or "_". */
  provider: string;
  /**
   * Version of the action type: 1 to 9 letters, digits, "-" or "_".
   * @default "1" ({@link DEFAULT_CUSTOM_ACTION_VERSION})
   */
  version?: string;
  /**
   * Owner of the action type. Only `AWS`: `ThirdParty` and `Custom` action types run through job
   * workers and webhooks that this library neither creates nor grants.
   * @default "AWS" ({@link CUSTOM_ACTION_OWNER})
   */
  owner?: string;
  /**
   * The provider's configuration (keys 1 to 50, values 1 to 1,000 characters), e.g.
   * `{ FunctionName: fn.name, UserParameters: "prod" }`.
   * @default - none.
   */
  configuration?: Record<string, pulumi.Input<string>>;
  /**
   * Names of the output artifacts (0 to 10).
   * @default - none.
   */
  outputs?: string[];
  /**
   * Namespace of the action's output variables.
   * @default - none.
   */
  namespace?: string;
  /**
   * The statements the pipeline role needs to run the action, merged into its inline policy after
   * those of the actions before it. `[]` when it needs none. Dropped when the action runs with
   * `roleArn` (that role needs them instead).
   */
  statements: CustomActionStatement[];
}

/** One IAM action, `service:Action`, without wildcards. */
const IAM_ACTION = /^[a-z0-9-]+:[A-Za-z0-9]+$/;
const ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:/;
const TYPE_PART = (max: number) => new RegExp(`^[0-9A-Za-z_-]{1,${max}}$`);
const CONDITION_OPERATOR = /^(ForAnyValue:|ForAllValues:)?[A-Za-z]+$/;
const CONDITION_KEY = /^[A-Za-z0-9-]+:[A-Za-z0-9/_.:-]+$/;
const SID = /^[A-Za-z0-9]+$/;
const L = CUSTOM_ACTION_LIMITS;

function checkTypePart(path: string, arg: string, value: unknown, max: number): void {
  if (typeof value !== "string" || !TYPE_PART(max).test(value)) {
    throw new Error(`\`${path}.${arg}\` must be 1 to ${max} letters, digits, "-" or "_", got ${shown(value)}.`);
  }
}

/** The problem of one configuration value (a string, checked now or when its Output resolves), or `undefined`. */
const configurationValueProblem = (arg: string) => (v: unknown) =>
  typeof v === "string" && v.length >= 1 && v.length <= L.configurationValueLength
    ? undefined
    : `\`${arg}\` must be 1 to ${L.configurationValueLength} characters, got ${typeof v === "string" ? `${v.length}` : shown(v)}.`;

/** The problem of one resource (an ARN, or `*` with `wildcardOnly`), or `undefined`. */
const resourceProblem = (arg: string, wildcardOnly: boolean) => (v: unknown) => {
  if (wildcardOnly) return v === "*" ? undefined : `\`${arg}\` must be "*" with \`wildcardOnly\`, got ${shown(v)}.`;
  if (typeof v === "string" && ARN.test(v)) return undefined;
  const fix =
    v === "*"
      ? " Name the exact resources, or set `wildcardOnly: true` if every action of the statement supports no resource-level permission (its Service Authorization Reference page lists no resource type)."
      : "";
  return `\`${arg}\` must be a resource ARN ("arn:aws:<service>:..."), got ${shown(v)}.${fix}`;
};

function checkStatement(path: string, s: CustomActionStatement): void {
  checkTypes(s, { strings: ["sid"], booleans: ["wildcardOnly"], objects: { conditions: "operators, then keys" } }, path);
  if (s.sid !== undefined && !SID.test(s.sid)) throw new Error(`\`${path}.sid\` must hold only letters and digits, got "${s.sid}".`);
  if (!Array.isArray(s.actions) || s.actions.length === 0) {
    throw new Error(`\`${path}.actions\` must list at least one IAM action, got ${shown(s.actions)}.`);
  }
  s.actions.forEach((action, i) => {
    if (typeof action !== "string" || !IAM_ACTION.test(action)) {
      throw new Error(
        `\`${path}.actions[${i}]\` must be one IAM action as \`service:Action\` without wildcards (e.g. "lambda:InvokeFunction"), got ${shown(action)}.`,
      );
    }
  });
  if (!Array.isArray(s.resources) || s.resources.length === 0) {
    throw new Error(`\`${path}.resources\` must list at least one resource ARN, got ${shown(s.resources)}.`);
  }
  if (s.wildcardOnly === true && s.resources.length !== 1) {
    throw new Error(`\`${path}.resources\` must be ["*"] with \`wildcardOnly\`, got ${s.resources.length} resources.`);
  }
  s.resources.forEach((r, i) => {
    if (!isDeferred(r)) checkedInput(r, resourceProblem(`${path}.resources[${i}]`, s.wildcardOnly === true));
  });
  for (const [operator, keys] of Object.entries(s.conditions ?? {})) {
    if (!CONDITION_OPERATOR.test(operator)) {
      throw new Error(`\`${path}.conditions\` operators must be IAM condition operators such as "StringEquals", got "${operator}".`);
    }
    for (const [key, values] of Object.entries(isRecord(keys) ? keys : {})) {
      if (!CONDITION_KEY.test(key)) {
        throw new Error(`\`${path}.conditions.${operator}\` keys must be condition keys such as "aws:SourceAccount", got "${key}".`);
      }
      if (!Array.isArray(values) || values.length === 0) {
        throw new Error(`\`${path}.conditions.${operator}.${key}\` must list at least one value, got ${shown(values)}.`);
      }
    }
  }
}

/** Resources of a statement, Outputs checked when they resolve. */
function checkedResources(path: string, s: CustomActionStatement): pulumi.Input<string>[] {
  return s.resources.map((r, i) =>
    isDeferred(r) ? checkedInput(r, resourceProblem(`${path}.resources[${i}]`, s.wildcardOnly === true)) : r,
  );
}

/** The category of a custom action; an unknown one is refused by `validate`, which runs first. */
function categoryOf(a: CustomActionArgs): ActionCategory {
  if (isActionCategory(a?.category)) return a.category;
  throw new Error(`\`category\` must be one of ${ACTION_CATEGORIES.join(", ")}, got ${shown(a?.category)}.`);
}

/** The `custom` action kind: an action type this library does not ship, described as data. */
export const customKind: ActionKind<CustomActionArgs> = {
  crossRegion: true,
  categories: ACTION_CATEGORIES,
  defaultName: (a) => a.provider,
  category: categoryOf,
  inputs: { min: 0, max: L.artifacts },
  outputs: { min: 0, max: L.artifacts },
  declaredOutputs: (a) => a.outputs,
  producesByDefault: () => false,
  validate(a, path) {
    checkTypes(a, { strings: ["category", "provider", "version", "owner"], objects: { configuration: "keys and values" } }, path);
    if (!isActionCategory(a.category)) {
      throw new Error(`\`${path}.category\` must be one of ${ACTION_CATEGORIES.join(", ")}, got ${shown(a.category)}.`);
    }
    checkTypePart(path, "provider", a.provider, L.providerLength);
    if (a.version !== undefined) checkTypePart(path, "version", a.version, L.versionLength);
    if (a.owner !== undefined && a.owner !== CUSTOM_ACTION_OWNER) {
      throw new Error(
        `\`${path}.owner\` must be "${CUSTOM_ACTION_OWNER}", got ${shown(a.owner)}: ThirdParty and Custom action types need job workers that this library does not create.`,
      );
    }
    if (a.category === "Source" && (a.inputs ?? []).length > 0) {
      throw new Error(`\`${path}.inputs\` must be empty for a Source action, got ${a.inputs!.length}.`);
    }
    for (const [key, value] of Object.entries(a.configuration ?? {})) {
      if (key.length < 1 || key.length > L.configurationKeyLength) {
        throw new Error(`\`${path}.configuration\` keys must be 1 to ${L.configurationKeyLength} characters, got "${key}".`);
      }
      if (!isDeferred(value)) checkedInput(value, configurationValueProblem(`${path}.configuration.${key}`));
    }
    checkNamespace(path, a.namespace);
    if (!Array.isArray(a.statements)) {
      throw new Error(
        `\`${path}.statements\` must be a list of the statements the pipeline role needs ([] for none), got ${shown(a.statements)}.`,
      );
    }
    a.statements.forEach((s, i) => {
      if (!isRecord(s))
        throw new Error(`\`${path}.statements[${i}]\` must be an object with \`actions\` and \`resources\`, got ${shown(s)}.`);
      checkStatement(`${path}.statements[${i}]`, s);
    });
  },
  bind(a, ctx) {
    const path = ctx.action.path;
    const configuration = Object.fromEntries(
      Object.entries(a.configuration ?? {}).map(([key, value]) => [
        key,
        isDeferred(value) ? checkedInput(value, configurationValueProblem(`${path}.configuration.${key}`)) : value,
      ]),
    );
    const statements: PolicyStatement[] = a.statements.map((s, i) => ({
      ...(s.sid !== undefined ? { sid: s.sid } : {}),
      actions: [...s.actions],
      resources: checkedResources(`${path}.statements[${i}]`, s),
      ...(s.conditions !== undefined ? { conditions: s.conditions } : {}),
    }));
    return {
      declaration: {
        category: categoryOf(a),
        owner: CUSTOM_ACTION_OWNER,
        provider: a.provider,
        version: a.version ?? DEFAULT_CUSTOM_ACTION_VERSION,
        ...(Object.keys(configuration).length > 0 ? { configuration } : {}),
        ...(a.namespace !== undefined ? { namespace: a.namespace } : {}),
      },
      statements,
    };
  },
};

/** A `custom` action for a pipeline stage: an action kind this library does not ship. */
export function customAction(args: CustomActionArgs): {
  /** The action's arguments. */
  custom: CustomActionArgs;
} {
  return { custom: args };
}
