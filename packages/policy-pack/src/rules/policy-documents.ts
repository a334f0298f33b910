import { tryRead, UNKNOWN } from "./unknowns";

/** Parsing and reading IAM policy documents found in resource inputs. */

/** A statement with every list-or-string field turned into a list. */
export interface NormalizedStatement {
  Sid?: string;
  Effect: string;
  Action: string[];
  NotAction: string[];
  Resource: string[];
  NotResource: string[];
  /** `"*"` for the anonymous principal, otherwise principal kind → values. */
  Principal?: "*" | Record<string, string[]>;
  /** Same shape as `Principal`: an `Allow` with `NotPrincipal` applies to everyone not listed. */
  NotPrincipal?: "*" | Record<string, string[]>;
  Condition?: Record<string, unknown>;
}

/** Marker for an ARN that is not known in preview (it equals no ARN and no wildcard). */
export const UNKNOWN_RESOURCE = "(unknown in preview)";

const readOrMarker = (read: () => string[]): string[] => {
  const v = tryRead(read);
  return v === UNKNOWN ? [UNKNOWN_RESOURCE] : v;
};

const list = (v: unknown): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

/** Parses a JSON string (or an object) into its statements; `undefined` when it is not a policy. */
export function statementsOf(doc: unknown): NormalizedStatement[] | undefined {
  let parsed: any = doc;
  if (typeof doc === "string") {
    try {
      parsed = JSON.parse(doc);
    } catch {
      // Not JSON: `parsed` stays a string, which is not a policy (below).
    }
  }
  if (!parsed || typeof parsed !== "object") return undefined;
  return (Array.isArray(parsed.Statement) ? parsed.Statement : parsed.Statement ? [parsed.Statement] : []).map(
    (s: any): NormalizedStatement => {
      const principalOf = (p: unknown): NormalizedStatement["Principal"] =>
        p === "*" ? "*" : p && typeof p === "object" ? Object.fromEntries(Object.entries(p).map(([k, v]) => [k, list(v)])) : undefined;
      return {
        Sid: s.Sid,
        Effect: String(s.Effect ?? "Allow"),
        Action: list(s.Action),
        NotAction: list(s.NotAction),
        // A resource ARN of the same run is unknown in preview: kept as a marker that matches no pattern.
        Resource: readOrMarker(() => list(s.Resource)),
        NotResource: readOrMarker(() => list(s.NotResource)),
        Principal: principalOf(s.Principal),
        NotPrincipal: principalOf(s.NotPrincipal),
        Condition: s.Condition && typeof s.Condition === "object" && Object.keys(s.Condition).length > 0 ? s.Condition : undefined,
      };
    },
  );
}

/** True when the statement names anyone: `"*"` or `{ AWS: "*" }` (or `NotPrincipal`, which names everyone else). */
export function isPublicPrincipal(s: NormalizedStatement): boolean {
  if (s.NotPrincipal !== undefined) return true;
  if (s.Principal === "*") return true;
  return !!s.Principal && (s.Principal.AWS ?? []).includes("*");
}

/** Lower-cased condition keys of a statement (`aws:sourceaccount`...): IAM reads keys case-insensitively. */
export function conditionKeys(s: NormalizedStatement): string[] {
  return Object.values(s.Condition ?? {}).flatMap((v) => (v && typeof v === "object" ? Object.keys(v).map((k) => k.toLowerCase()) : []));
}

/** The values of condition key `key` (any case) under operator `operator` (exact), or `undefined`. */
export function conditionValues(s: NormalizedStatement, operator: string, key: string): string[] | undefined {
  const block = (s.Condition ?? {})[operator];
  if (!block || typeof block !== "object") return undefined;
  const hit = Object.entries(block as Record<string, unknown>).find(([k]) => k.toLowerCase() === key.toLowerCase());
  return hit ? list(hit[1]) : undefined;
}

/** True when IAM's action pattern `pattern` (`s3:*`, `s3:Get*`, `*`) matches `action`, case-insensitively as IAM does. */
export function actionMatches(pattern: string, action: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
    "i",
  );
  return re.test(action);
}

/** `Sid "X"` or `statement 2` for messages. */
export function statementLabel(s: NormalizedStatement, index: number): string {
  return s.Sid ? `statement "${s.Sid}"` : `statement ${index + 1}`;
}

/** Where a document sits: identity policy, resource policy or trust policy. */
export type DocumentKind = "identity" | "resource" | "trust";

/** One policy document of a resource. */
export interface FoundDocument {
  kind: DocumentKind;
  /** The input that holds it (`policy`, `inlinePolicies[0].policy`, `assumeRolePolicy`). */
  field: string;
  statements: NormalizedStatement[];
}

const RESOURCE_POLICY_TYPES = [
  "aws:s3/bucketPolicy:BucketPolicy",
  "aws:sns/topicPolicy:TopicPolicy",
  "aws:kms/keyPolicy:KeyPolicy",
  "aws:kms/key:Key",
  "aws:sns/topic:Topic",
];
const IDENTITY_POLICY_TYPES = [
  "aws:iam/rolePolicy:RolePolicy",
  "aws:iam/policy:Policy",
  "aws:iam/userPolicy:UserPolicy",
  "aws:iam/groupPolicy:GroupPolicy",
];

/** Resource types whose inputs hold policy documents. */
export const POLICY_HOLDER_TYPES = [...RESOURCE_POLICY_TYPES, ...IDENTITY_POLICY_TYPES, "aws:iam/role:Role"];

/** Every policy document in the inputs of a resource of one of {@link POLICY_HOLDER_TYPES}. */
export function documentsOf(type: string, props: Record<string, any>): FoundDocument[] {
  const out: FoundDocument[] = [];
  const add = (kind: DocumentKind, field: string, doc: unknown) => {
    const statements = statementsOf(doc);
    if (statements) out.push({ kind, field, statements });
  };
  if (RESOURCE_POLICY_TYPES.includes(type)) add("resource", "policy", props.policy);
  if (IDENTITY_POLICY_TYPES.includes(type)) add("identity", "policy", props.policy);
  if (type === "aws:iam/role:Role") {
    add("trust", "assumeRolePolicy", props.assumeRolePolicy);
    (Array.isArray(props.inlinePolicies) ? props.inlinePolicies : []).forEach((p: any, i: number) =>
      add("identity", `inlinePolicies[${i}].policy`, p?.policy),
    );
  }
  return out;
}
