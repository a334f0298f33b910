import { recorded, RecordedResource } from "./mocks";

/** Every recorded resource of a type token, e.g. `aws:iam/role:Role`. */
export function resourcesOfType(type: string): RecordedResource[] {
  return recorded.filter((r) => r.type === type);
}

/** The one resource of `type` with logical name `name`; throws, listing what exists, when absent. */
export function findResource(type: string, name: string): RecordedResource {
  const found = recorded.filter((r) => r.type === type && r.name === name);
  if (found.length !== 1) {
    const names = resourcesOfType(type).map((r) => r.name);
    throw new Error(`Expected one ${type} named "${name}", found ${found.length}. Recorded ${type}: ${names.join(", ") || "none"}.`);
  }
  return found[0];
}

/** Resources whose parent is `parent` (a recorded resource). */
export function childrenOf(parent: RecordedResource): RecordedResource[] {
  return recorded.filter((r) => r.parent === parent.urn);
}

/** Every resource below `root`, at any depth. */
export function descendantsOf(root: RecordedResource): RecordedResource[] {
  const out: RecordedResource[] = [];
  const walk = (p: RecordedResource) => {
    for (const c of childrenOf(p)) {
      out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

/** A parsed IAM statement, with `Action`/`Resource` always arrays. */
export interface Statement {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Action: string[];
  Resource: string[];
  Principal?: any;
  Condition?: Record<string, Record<string, string | string[]>>;
}

const asArray = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v as string]);

/** Parses a policy document (JSON string or object) into normalised statements. */
export function statementsOf(policy: string | Record<string, any>): Statement[] {
  const doc = typeof policy === "string" ? JSON.parse(policy) : policy;
  return asArray(doc.Statement as any).map((s: any) => ({ ...s, Action: asArray(s.Action), Resource: asArray(s.Resource) }));
}

/**
 * Every identity-policy statement attached to a role: its inline `aws.iam.RolePolicy`
 * resources and the `aws.iam.Policy` resources attached with `RolePolicyAttachment`.
 */
export function policyStatementsOf(role: RecordedResource | string): Statement[] {
  const r = typeof role === "string" ? findResource("aws:iam/role:Role", role) : role;
  const roleName = r.state.name;
  const inline = resourcesOfType("aws:iam/rolePolicy:RolePolicy")
    .filter((p) => p.inputs.role === roleName || p.inputs.role === r.id)
    .flatMap((p) => statementsOf(p.inputs.policy));
  const attached = resourcesOfType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")
    .filter((a) => a.inputs.role === roleName)
    .flatMap((a) => resourcesOfType("aws:iam/policy:Policy").filter((p) => p.state.arn === a.inputs.policyArn))
    .flatMap((p) => statementsOf(p.inputs.policy));
  return [...inline, ...attached];
}

/** The trust policy statements of a role. */
export function trustStatementsOf(role: RecordedResource | string): Statement[] {
  const r = typeof role === "string" ? findResource("aws:iam/role:Role", role) : role;
  return statementsOf(r.inputs.assumeRolePolicy);
}

/** Every IAM policy document recorded in this run: identity, trust, key, topic and bucket policies. */
export function allPolicyDocuments(): { resource: RecordedResource; kind: "identity" | "resource" | "trust"; statements: Statement[] }[] {
  const out: { resource: RecordedResource; kind: "identity" | "resource" | "trust"; statements: Statement[] }[] = [];
  for (const r of recorded) {
    if (r.type === "aws:iam/role:Role" && r.inputs.assumeRolePolicy)
      out.push({ resource: r, kind: "trust", statements: statementsOf(r.inputs.assumeRolePolicy) });
    if ((r.type === "aws:iam/rolePolicy:RolePolicy" || r.type === "aws:iam/policy:Policy") && r.inputs.policy)
      out.push({ resource: r, kind: "identity", statements: statementsOf(r.inputs.policy) });
    if (["aws:kms/key:Key", "aws:sns/topicPolicy:TopicPolicy", "aws:s3/bucketPolicy:BucketPolicy"].includes(r.type) && r.inputs.policy)
      out.push({ resource: r, kind: "resource", statements: statementsOf(r.inputs.policy) });
  }
  return out;
}
