/** Reads IAM roles, their trust and their permissions out of the recorded resources. */
import type { EngineResource } from "../engine";
import type {
  ConditionReport,
  PermissionStatementReport,
  PrincipalReport,
  RoleReport,
  StatementSource,
  TrustStatementReport,
} from "./report-types";

const ROLE = "aws:iam/role:Role";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const POLICY = "aws:iam/policy:Policy";
const ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const POLICY_ATTACHMENT = "aws:iam/policyAttachment:PolicyAttachment";

/** The URN without stack and project: stable across stacks of a program. */
export function keyOf(urn: string): string {
  const parts = urn.split("::");
  return parts.length > 3 ? parts.slice(2).join("::") : urn;
}

const list = (v: unknown): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

/** A policy document from a JSON string or an object; `undefined` when it cannot be read. */
export function parseDocument(doc: unknown): { Statement?: unknown } | undefined {
  if (typeof doc === "string") {
    try {
      return JSON.parse(doc);
    } catch {
      return undefined;
    }
  }
  return typeof doc === "object" && doc !== null ? (doc as { Statement?: unknown }) : undefined;
}

function statementsOf(doc: unknown): Record<string, any>[] {
  const s = parseDocument(doc)?.Statement;
  return (Array.isArray(s) ? s : s ? [s] : []) as Record<string, any>[];
}

/** `{ StringEquals: { "aws:SourceAccount": "1" } }` as sorted condition entries. */
export function conditionsOf(c: unknown): ConditionReport[] {
  const out: ConditionReport[] = [];
  for (const [operator, block] of Object.entries((c ?? {}) as Record<string, Record<string, unknown>>)) {
    for (const [key, values] of Object.entries(block ?? {})) out.push({ operator, key, values: list(values) });
  }
  return out.sort((a, b) => `${a.operator} ${a.key}`.localeCompare(`${b.operator} ${b.key}`));
}

function principalsOf(p: unknown): PrincipalReport[] {
  if (p === "*") return [{ type: "*", value: "*" }];
  const out: PrincipalReport[] = [];
  for (const [type, values] of Object.entries((p ?? {}) as Record<string, unknown>))
    for (const value of list(values)) out.push({ type, value });
  return out;
}

function trustOf(doc: unknown): TrustStatementReport[] {
  return statementsOf(doc).map((s) => ({
    ...(s.Sid ? { sid: String(s.Sid) } : {}),
    effect: String(s.Effect ?? "Allow"),
    actions: list(s.Action),
    principals: principalsOf(s.Principal),
    conditions: conditionsOf(s.Condition),
  }));
}

function permissionsOf(doc: unknown, source: StatementSource): PermissionStatementReport[] {
  return statementsOf(doc).map((s) => ({
    source,
    ...(s.Sid ? { sid: String(s.Sid) } : {}),
    effect: String(s.Effect ?? "Allow"),
    actions: list(s.Action),
    ...(s.NotAction !== undefined ? { notActions: list(s.NotAction) } : {}),
    resources: list(s.Resource),
    ...(s.NotResource !== undefined ? { notResources: list(s.NotResource) } : {}),
    conditions: conditionsOf(s.Condition),
  }));
}

/** True when a RolePolicy/attachment's `role` value (a name, id or ARN) designates the role. */
function designates(role: EngineResource, value: unknown): boolean {
  return typeof value === "string" && [role.state.name, role.id, role.state.arn].includes(value);
}

/** Every role with its trust policy and its permissions (inline, attached, managed). */
export function rolesOf(resources: EngineResource[]): RoleReport[] {
  const policiesByArn = new Map(resources.filter((r) => r.type === POLICY).map((p) => [String(p.state.arn), p]));
  const roles = resources
    .filter((r) => r.type === ROLE)
    .map((role): RoleReport => {
      const statements: PermissionStatementReport[] = [];
      const managed: string[] = [];
      const attach = (arn: string) => {
        const policy = policiesByArn.get(arn);
        if (policy) statements.push(...permissionsOf(policy.inputs.policy, { kind: "policy", name: policy.name }));
        else if (!managed.includes(arn)) managed.push(arn);
      };
      for (const p of (role.inputs.inlinePolicies ?? []) as { name?: string; policy?: unknown }[]) {
        if (p.policy) statements.push(...permissionsOf(p.policy, { kind: "inline", name: p.name ?? role.name }));
      }
      for (const r of resources) {
        if (r.type === ROLE_POLICY && designates(role, r.inputs.role))
          statements.push(...permissionsOf(r.inputs.policy, { kind: "inline", name: r.name }));
        if (r.type === ATTACHMENT && designates(role, r.inputs.role)) attach(String(r.inputs.policyArn));
        if (r.type === POLICY_ATTACHMENT && list(r.inputs.roles).some((v) => designates(role, v))) attach(String(r.inputs.policyArn));
      }
      for (const arn of list(role.inputs.managedPolicyArns)) attach(arn);
      return {
        key: keyOf(role.urn),
        name: role.name,
        roleName: String(role.state.name),
        arn: String(role.state.arn),
        ...(role.parent ? { parent: role.parent } : {}),
        trust: trustOf(role.inputs.assumeRolePolicy),
        statements,
        managedPolicyArns: managed.sort(),
      };
    });
  return roles.sort((a, b) => a.key.localeCompare(b.key));
}
