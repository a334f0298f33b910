/**
 * Compares the IAM roles of two synth reports: roles added and removed, statements added and
 * removed, and broadening of a role kept across both (an action gained, a resource widened, a
 * condition removed, a trust principal added, a managed policy attached). Pure functions.
 */
import type { ConditionReport, PermissionStatementReport, PrincipalReport, RoleReport, SynthReport } from "../synth/report-types";

/** The version of the diff document's shape. */
export const DIFF_SCHEMA_VERSION = 1;

/** One way a role may now do more than before. */
export interface Broadening {
  kind:
    | "action-added"
    | "resource-widened"
    | "resource-added"
    | "condition-removed"
    | "trust-principal-added"
    | "trust-condition-removed"
    | "managed-policy-added"
    | "deny-removed";
  /** A sentence for a person. */
  detail: string;
  /** The statement (in NEW) the broadening is about, when there is one. */
  statement?: PermissionStatementReport;
}

/** The changes to one role present in both reports. */
export interface RoleChange {
  key: string;
  name: string;
  arn: string;
  /** Statements in NEW with no counterpart in OLD. */
  statementsAdded: PermissionStatementReport[];
  /** Statements in OLD with no counterpart in NEW (not growth, unless a Deny). */
  statementsRemoved: PermissionStatementReport[];
  /** Every broadening, including the statements added. */
  broadened: Broadening[];
  /** Narrowing in a statement kept (an action or resource dropped, a condition added). */
  narrowed: string[];
  trustPrincipalsRemoved: PrincipalReport[];
  managedPolicyArnsRemoved: string[];
}

/** The `aws-cicd diff --json` document. */
export interface PermissionDiff {
  schemaVersion: typeof DIFF_SCHEMA_VERSION;
  tool: "aws-cicd diff";
  /** True when any role may do more in NEW than in OLD: exit code 4. */
  grew: boolean;
  rolesAdded: RoleReport[];
  rolesRemoved: RoleReport[];
  /** Roles in both reports whose trust or permissions changed. */
  rolesChanged: RoleChange[];
}

const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x) =>
    x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x,
  );
/** A statement's meaning (its source is not part of it: moving a statement between policies is not a change). */
const meaning = (s: PermissionStatementReport) =>
  canonical({ ...s, source: undefined, sid: undefined, actions: [...s.actions].sort(), resources: [...s.resources].sort() });
const condKey = (c: ConditionReport) => canonical({ ...c, values: [...c.values].sort() });
const principalKey = (p: PrincipalReport) => `${p.type}:${p.value}`;

/** True when IAM pattern `pattern` (with `*` and `?`) matches `value`. */
export function iamMatches(pattern: string, value: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split("")
      .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
      .join("")}$`,
    "i",
  );
  return re.test(value);
}

const lower = (xs: string[]) => xs.map((x) => x.toLowerCase());

/** How similar two statements are (0: unrelated). */
function affinity(a: PermissionStatementReport, b: PermissionStatementReport): number {
  if (a.effect !== b.effect) return 0;
  const sid = a.sid && a.sid === b.sid ? 10 : 0;
  const actions = lower(a.actions).filter((x) => lower(b.actions).includes(x)).length * 2;
  const resources = a.resources.filter((r) => b.resources.some((n) => iamMatches(n, r) || iamMatches(r, n))).length;
  if (sid === 0 && actions === 0) return 0;
  return sid + actions + resources + (a.source.name === b.source.name ? 1 : 0);
}

/** Broadening and narrowing of a statement kept (old → new). */
function compareStatement(o: PermissionStatementReport, n: PermissionStatementReport, broadened: Broadening[], narrowed: string[]): void {
  const where = `${n.effect} ${n.source.kind} ${n.source.name}${n.sid ? ` (${n.sid})` : ""}`;
  if (n.effect === "Deny") return compareDeny(o, n, broadened, narrowed, where);
  for (const a of n.actions)
    if (!o.actions.some((x) => iamMatches(x, a)))
      broadened.push({ kind: "action-added", detail: `${where}: action ${a} gained.`, statement: n });
  for (const a of o.actions) if (!n.actions.some((x) => iamMatches(x, a))) narrowed.push(`${where}: action ${a} dropped.`);
  for (const r of n.resources) {
    if (o.resources.some((x) => iamMatches(x, r))) continue;
    const covered = o.resources.filter((x) => iamMatches(r, x));
    broadened.push(
      covered.length > 0
        ? { kind: "resource-widened", detail: `${where}: resource widened from ${covered.join(", ")} to ${r}.`, statement: n }
        : { kind: "resource-added", detail: `${where}: resource ${r} added.`, statement: n },
    );
  }
  for (const r of o.resources) if (!n.resources.some((x) => iamMatches(x, r))) narrowed.push(`${where}: resource ${r} dropped.`);
  const newConds = new Set(n.conditions.map(condKey));
  const oldConds = new Set(o.conditions.map(condKey));
  for (const c of o.conditions)
    if (!newConds.has(condKey(c)))
      broadened.push({
        kind: "condition-removed",
        detail: `${where}: condition ${c.operator} ${c.key} = ${c.values.join(" | ")} removed or changed.`,
        statement: n,
      });
  for (const c of n.conditions)
    if (!oldConds.has(condKey(c))) narrowed.push(`${where}: condition ${c.operator} ${c.key} = ${c.values.join(" | ")} added.`);
}

/** For a Deny, fewer actions/resources or more conditions is broadening. */
function compareDeny(
  o: PermissionStatementReport,
  n: PermissionStatementReport,
  broadened: Broadening[],
  narrowed: string[],
  where: string,
): void {
  const lost = [...o.actions.filter((a) => !n.actions.includes(a)), ...o.resources.filter((r) => !n.resources.includes(r))];
  const oldConds = new Set(o.conditions.map(condKey));
  const gained = n.conditions.filter((c) => !oldConds.has(condKey(c)));
  if (lost.length > 0 || gained.length > 0)
    broadened.push({
      kind: "deny-removed",
      detail: `${where}: the Deny no longer covers ${[...lost, ...gained.map((c) => `requests failing ${c.key}`)].join(", ")}.`,
      statement: n,
    });
  else if (meaning(o) !== meaning(n)) narrowed.push(`${where}: the Deny covers more.`);
}

/** The changes of one role (`undefined` when nothing changed). */
export function diffRole(o: RoleReport, n: RoleReport): RoleChange | undefined {
  const broadened: Broadening[] = [];
  const narrowed: string[] = [];
  const oldLeft = [...o.statements];
  const newLeft: PermissionStatementReport[] = [];
  for (const s of n.statements) {
    const i = oldLeft.findIndex((x) => meaning(x) === meaning(s));
    if (i >= 0) oldLeft.splice(i, 1);
    else newLeft.push(s);
  }
  const added: PermissionStatementReport[] = [];
  for (const s of newLeft) {
    let best = -1;
    let bestScore = 0;
    oldLeft.forEach((x, i) => {
      const score = affinity(x, s);
      if (score > bestScore) [best, bestScore] = [i, score];
    });
    if (best >= 0) compareStatement(oldLeft.splice(best, 1)[0], s, broadened, narrowed);
    else added.push(s);
  }
  for (const s of added) {
    if (s.effect === "Allow")
      broadened.push({
        kind: "action-added",
        detail: `statement added: ${s.effect} ${(s.notActions ? ["NOT", ...s.notActions] : s.actions).join(", ")} on ${(s.notResources ? ["NOT", ...s.notResources] : s.resources).join(", ")}.`,
        statement: s,
      });
  }
  for (const s of oldLeft)
    if (s.effect === "Deny")
      broadened.push({ kind: "deny-removed", detail: `Deny of ${s.actions.join(", ")} on ${s.resources.join(", ")} removed.` });
  const oldPrincipals = new Set(o.trust.flatMap((t) => t.principals.map(principalKey)));
  const newPrincipals = new Set(n.trust.flatMap((t) => t.principals.map(principalKey)));
  for (const p of n.trust.flatMap((t) => t.principals))
    if (!oldPrincipals.has(principalKey(p)))
      broadened.push({ kind: "trust-principal-added", detail: `trust: ${p.type} ${p.value} may now assume the role.` });
  const newTrustConds = new Set(n.trust.flatMap((t) => t.conditions.map(condKey)));
  for (const c of o.trust.flatMap((t) => t.conditions))
    if (!newTrustConds.has(condKey(c)))
      broadened.push({
        kind: "trust-condition-removed",
        detail: `trust: condition ${c.operator} ${c.key} = ${c.values.join(" | ")} removed or changed.`,
      });
  for (const a of n.managedPolicyArns)
    if (!o.managedPolicyArns.includes(a)) broadened.push({ kind: "managed-policy-added", detail: `managed policy ${a} attached.` });
  const change: RoleChange = {
    key: n.key,
    name: n.name,
    arn: n.arn,
    statementsAdded: added,
    statementsRemoved: oldLeft,
    broadened,
    narrowed,
    trustPrincipalsRemoved: o.trust.flatMap((t) => t.principals).filter((p) => !newPrincipals.has(principalKey(p))),
    managedPolicyArnsRemoved: o.managedPolicyArns.filter((a) => !n.managedPolicyArns.includes(a)),
  };
  const empty =
    !broadened.length &&
    !narrowed.length &&
    !added.length &&
    !oldLeft.length &&
    !change.trustPrincipalsRemoved.length &&
    !change.managedPolicyArnsRemoved.length;
  return empty ? undefined : change;
}

/** The permission changes from `old` to `next`. */
export function diffReports(old: Pick<SynthReport, "roles">, next: Pick<SynthReport, "roles">): PermissionDiff {
  const oldByKey = new Map(old.roles.map((r) => [r.key, r]));
  const newByKey = new Map(next.roles.map((r) => [r.key, r]));
  const rolesAdded = next.roles.filter((r) => !oldByKey.has(r.key));
  const rolesRemoved = old.roles.filter((r) => !newByKey.has(r.key));
  const rolesChanged = next.roles.flatMap((r) => {
    const o = oldByKey.get(r.key);
    const c = o ? diffRole(o, r) : undefined;
    return c ? [c] : [];
  });
  const grew = rolesAdded.length > 0 || rolesChanged.some((c) => c.broadened.length > 0);
  return { schemaVersion: DIFF_SCHEMA_VERSION, tool: "aws-cicd diff", grew, rolesAdded, rolesRemoved, rolesChanged };
}
