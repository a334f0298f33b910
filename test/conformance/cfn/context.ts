import { RecordedResource } from "../../harness/mocks";

/** One CloudFormation resource of the translated template. */
export interface CfnResourceJson {
  Type: string;
  Properties: Record<string, unknown>;
}

/**
 * How one Pulumi type becomes CloudFormation: the values it exposes to others (ARN, name, id and the
 * intrinsic CloudFormation returns them with), and the resource it becomes. `translate: "folded"`
 * marks a sub-resource that its parent's translator claims (bucket settings, role policies...).
 */
export interface TypeTranslation {
  exposes?: (r: RecordedResource) => Array<[unknown, "Ref" | string]>;
  translate: ((r: RecordedResource, ctx: TranslateContext) => CfnResourceJson) | "folded";
}

/** The translations of one service's Pulumi types, keyed by type token. */
export type ServiceTranslations = Record<string, TypeTranslation>;

/** A computed value of a translated resource and the intrinsic CloudFormation uses for it. */
interface Reference {
  logicalId: string;
  intrinsic: Record<string, unknown>;
}

/**
 * What the per-service translators share: logical ids, the index of values other resources
 * expose (ARN, name, id), and the recorded resources they fold into their parent.
 */
export class TranslateContext {
  private readonly refs = new Map<string, Reference>();
  private readonly arnPrefixes: Array<{ arn: string; ref: Reference }> = [];
  private readonly ids = new Map<string, string>();
  private readonly used = new Set<string>();
  /** Resources folded into another one (bucket settings, role policies, rules of a group...). */
  readonly folded = new Set<RecordedResource>();

  constructor(readonly resources: RecordedResource[]) {}

  /** The logical id of a recorded resource: its Pulumi name in PascalCase, suffixed by type when taken. */
  logicalId(r: RecordedResource): string {
    const known = this.ids.get(r.urn);
    if (known !== undefined) return known;
    const base = pascalName(r.name);
    let id = base;
    if (this.used.has(id)) id = `${base}${pascalName(r.type.split(":").pop() ?? "")}`;
    for (let i = 2; this.used.has(id); i++) id = `${base}${i}`;
    this.used.add(id);
    this.ids.set(r.urn, id);
    return id;
  }

  /** Registers the values other resources may quote: `{ Ref }` or `{ "Fn::GetAtt": [id, attr] }`. */
  expose(r: RecordedResource, values: Array<[unknown, "Ref" | string]>): void {
    const logicalId = this.logicalId(r);
    for (const [value, attribute] of values) {
      if (typeof value !== "string" || value === "" || this.refs.has(value)) continue;
      const ref: Reference = {
        logicalId,
        intrinsic: attribute === "Ref" ? { Ref: logicalId } : { "Fn::GetAtt": [logicalId, attribute] },
      };
      this.refs.set(value, ref);
      if (value.startsWith("arn:")) this.arnPrefixes.push({ arn: value, ref });
    }
    this.arnPrefixes.sort((a, b) => b.arn.length - a.arn.length);
  }

  /** Recorded resources of a type whose input `key` equals `value` (sub-resources of a parent). */
  claim(type: string, key: string, value: unknown): RecordedResource[] {
    const found = this.resources.filter((r) => r.type === type && r.inputs[key] === value && value !== undefined);
    for (const r of found) this.folded.add(r);
    return found;
  }

  /**
   * Replaces, deep in `value`, every string that is another resource's ARN, name or id with the
   * intrinsic that CloudFormation would use, and `<arn>/...` / `<arn>:...` with an `Fn::Join`.
   * References to `self` stay literal (a resource cannot reference itself).
   */
  link(value: unknown, self?: string): unknown {
    if (typeof value === "string") return this.linkString(value, self);
    if (Array.isArray(value)) return value.map((v) => this.link(v, self));
    if (value !== null && typeof value === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.link(v, self);
      return out;
    }
    return value;
  }

  private linkString(value: string, self?: string): unknown {
    const exact = this.refs.get(value);
    if (exact !== undefined) return exact.logicalId === self ? value : exact.intrinsic;
    if (!value.startsWith("arn:")) return value;
    for (const { arn, ref } of this.arnPrefixes) {
      const rest = value.slice(arn.length);
      if (ref.logicalId !== self && value.startsWith(arn) && (rest.startsWith("/") || rest.startsWith(":"))) {
        return { "Fn::Join": ["", [ref.intrinsic, rest]] };
      }
    }
    return value;
  }
}

/** `dev-service-role` → `DevServiceRole` (CloudFormation logical ids are alphanumeric). */
export function pascalName(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((p) => p !== "")
    .map((p) => p[0].toUpperCase() + p.slice(1))
    .join("");
}

/**
 * Pulumi camelCase keys → CloudFormation PascalCase, deep; `renames` maps a Pulumi key to the
 * CloudFormation key where they differ by more than the first letter (checked against
 * aws-cdk-lib's generated L1 property names).
 */
export function pascalKeys(value: unknown, renames: Record<string, string> = {}): unknown {
  if (Array.isArray(value)) return value.map((v) => pascalKeys(v, renames));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    out[renames[k] ?? k[0].toUpperCase() + k.slice(1)] = pascalKeys(v, renames);
  }
  return out;
}

/** Copies the defined inputs listed in `map` (Pulumi key → CloudFormation key). */
export function pick(inputs: Record<string, any>, map: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [from, to] of Object.entries(map)) if (inputs[from] !== undefined) out[to] = inputs[from];
  return out;
}

/** A policy document input (JSON text or object) as the object CloudFormation takes. */
export function policyJson(policy: unknown): unknown {
  return typeof policy === "string" ? JSON.parse(policy) : policy;
}

/** Drops undefined values (CfnInclude refuses them). */
export function defined(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined));
}
