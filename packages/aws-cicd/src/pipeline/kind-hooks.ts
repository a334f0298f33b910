/**
 * How the pipeline calls the hooks of the action kinds once every action is bound: combined
 * statement lists, customer managed policies and shared resources, per kind. Actions in another
 * region combine apart from the pipeline's, since their statements name that region's resources.
 */
import * as pulumi from "@pulumi/pulumi";
import { PolicyStatement } from "../security/iam";
import {
  ActionArgsOf,
  ActionKindName,
  BindContext,
  BoundAction,
  CombinableAction,
  ManagedPolicyPart,
  PlannedAction,
  PlannedActionOf,
} from "./action-types";
import { ACTION_KINDS, kindOfAction } from "./actions";
import { actionRegion } from "./regions";

/** Gives repeated statement ids a number (`RunBuild`, `RunBuild2`...): IAM wants them unique in a policy. */
export function uniqueSids(statements: PolicyStatement[]): PolicyStatement[] {
  const seen = new Map<string, number>();
  return statements.map((s) => {
    if (s.sid === undefined) return s;
    const n = (seen.get(s.sid) ?? 0) + 1;
    seen.set(s.sid, n);
    return n === 1 ? s : { ...s, sid: `${s.sid}${n}` };
  });
}

/** One bound action: the planned action, the context it was bound with and its pipeline-role statements. */
export interface BoundEntry {
  /** The planned action. */
  action: PlannedAction;
  /** The context it was bound with. */
  ctx: BindContext;
  /** What its kind's `bind` returned as statements. */
  statements: PolicyStatement[];
}

/** The bound actions of kind `kind`, with their arguments typed, for the kind's combining hooks. */
function ofKind<K extends ActionKindName>(kind: K, entries: BoundEntry[]): CombinableAction<ActionArgsOf<K>>[] {
  return entries
    .filter((e): e is BoundEntry & { action: PlannedActionOf<K> } => e.action.kind === kind)
    .map((e) => ({ args: e.action.args, ctx: e.ctx, statements: e.statements }));
}

/** The bound actions of `kind` by region (`undefined`: the pipeline's), regions in execution order. */
function byRegion<K extends ActionKindName>(kind: K, entries: BoundEntry[]): [string | undefined, CombinableAction<ActionArgsOf<K>>[]][] {
  const groups = new Map<string | undefined, CombinableAction<ActionArgsOf<K>>[]>();
  for (const a of ofKind(kind, entries)) {
    const region = actionRegion(a.ctx.action);
    groups.set(region, [...(groups.get(region) ?? []), a]);
  }
  return [...groups];
}

/** Binds one action with its kind. */
export function bindAction<K extends ActionKindName>(action: PlannedActionOf<K>, ctx: BindContext): BoundAction {
  return kindOfAction(action).bind(action.args, ctx);
}

/** The statement list of the actions of `kind` among `entries` ({@link ActionKind.combineStatements}), one per region, in order. */
export function combinedStatements<K extends ActionKindName>(kind: K, entries: BoundEntry[]): PolicyStatement[] {
  const combine = ACTION_KINDS[kind].combineStatements;
  if (combine === undefined) return [];
  return byRegion(kind, entries).flatMap(([, group]) => combine(group));
}

/**
 * The customer managed policies of `kind` for its actions among `entries`
 * ({@link ActionKind.managedPolicyParts}): those of another region are its own parts, named
 * `<part>-<region>`, so that each part stays within IAM's 6,144 characters.
 */
export function managedPolicyParts<K extends ActionKindName>(kind: K, entries: BoundEntry[]): ManagedPolicyPart[] {
  const k = ACTION_KINDS[kind];
  const { combineStatements, managedPolicyParts: parts } = k;
  if (combineStatements === undefined || parts === undefined) return [];
  return byRegion(kind, entries).flatMap(([region, group]) =>
    parts(combineStatements(group)).map((part) => (region === undefined ? part : { ...part, name: `${part.name}-${region}` })),
  );
}

/** What the actions of `kind` among `entries` share ({@link ActionKind.sharedResources}). */
export function sharedResources<K extends ActionKindName>(kind: K, entries: BoundEntry[]): pulumi.Resource[] {
  return ACTION_KINDS[kind].sharedResources?.(ofKind(kind, entries)) ?? [];
}
