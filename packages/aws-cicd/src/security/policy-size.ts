import * as pulumi from "@pulumi/pulumi";

/**
 * Size limits of the policy documents this library writes, checked before anything is deployed.
 *
 * - IAM (inline policies of a role together, trust policies, managed policies), counted in
 *   characters without whitespace: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 * - KMS key policy, 32 KiB: https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html
 * - S3 bucket policy, 20 KB: https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-iam-policies.html
 * - SNS topic policy, 30 KB: https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-language-api-permissions-reference.html
 */
export const POLICY_SIZE_LIMITS = {
  /** All inline policies of one IAM role together, in characters without whitespace. */
  roleInlinePolicies: 10_240,
  /** The trust policy of an IAM role, in characters without whitespace. */
  trustPolicy: 2_048,
  /** One IAM managed policy, in characters without whitespace. */
  managedPolicy: 6_144,
  /** A KMS key policy, in bytes. */
  keyPolicy: 32_768,
  /** An S3 bucket policy, in bytes. */
  bucketPolicy: 20_480,
  /** An SNS topic policy, in bytes. */
  topicPolicy: 30_720,
} as const;

/** A kind of policy document with a size limit. */
export type PolicySizeKind = keyof typeof POLICY_SIZE_LIMITS;

const IAM_QUOTAS = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html";

/** Who enforces each limit, in what unit, and where AWS documents it. */
const LIMIT_SOURCES: Record<PolicySizeKind, { service: string; unit: string; page: string }> = {
  roleInlinePolicies: { service: "IAM", unit: "characters", page: IAM_QUOTAS },
  trustPolicy: { service: "IAM", unit: "characters", page: IAM_QUOTAS },
  managedPolicy: { service: "IAM", unit: "characters", page: IAM_QUOTAS },
  keyPolicy: { service: "AWS KMS", unit: "bytes", page: "https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html" },
  bucketPolicy: {
    service: "Amazon S3",
    unit: "bytes",
    page: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-iam-policies.html",
  },
  topicPolicy: {
    service: "Amazon SNS",
    unit: "bytes",
    page: "https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-language-api-permissions-reference.html",
  },
};

const isIam = (kind: PolicySizeKind) => LIMIT_SOURCES[kind].service === "IAM";

/**
 * The size of a policy document as the service counts it: IAM does not count whitespace
 * (characters); KMS, S3 and SNS count the bytes of the document sent.
 */
export function policySize(kind: PolicySizeKind, document: string): number {
  return isIam(kind) ? document.replace(/\s/g, "").length : Buffer.byteLength(document, "utf8");
}

const isUnknown = (v: unknown) => pulumi.Output.isInstance(v) || v instanceof Promise;

/** JSON of a value with every value not yet known left out (array items, object properties). */
function knownJson(value: unknown): string {
  if (Array.isArray(value)) {
    const items = value.filter((v) => !isUnknown(v) && v !== undefined);
    const distinct = items.filter((v, i) => typeof v !== "string" || items.indexOf(v) === i);
    return `[${distinct.map(knownJson).join(",")}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && !isUnknown(v));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${knownJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * A size a document cannot be below, from the values known now: `document` is the policy as an
 * object (e.g. `{ Version, Statement }` with rendered statements) in which values known only at
 * deployment (Outputs) count for nothing, and repeated strings in a list once. When every value
 * is a plain one, this is the exact size.
 */
export function policySizeAtLeast(kind: PolicySizeKind, document: unknown): number {
  return policySize(kind, knownJson(document));
}

const formatted = (n: number) => n.toLocaleString("en-US");

/** What a size error says about one document: which one it is, and how to make it smaller. */
export interface PolicySizeSubject {
  /** The document as the user knows it, e.g. "The key policy of EncryptionKey `app-key`". */
  subject: string;
  /** How to make it smaller, naming the arguments, e.g. "Name fewer `principalArns`." */
  fix: string;
}

/** The error text for a document of `kind` that is `size` long (or at least `size`, before deployment). */
export function policySizeMessage(kind: PolicySizeKind, about: PolicySizeSubject, size: number, atLeast: boolean): string {
  const { service, unit, page } = LIMIT_SOURCES[kind];
  const whitespace = isIam(kind) ? ", whitespace not counted" : "";
  return (
    `${about.subject} is ${atLeast ? "at least " : ""}${formatted(size)} ${unit}; ${service} allows at most ` +
    `${formatted(POLICY_SIZE_LIMITS[kind])}${whitespace}. ${about.fix} See ${page}.`
  );
}

/**
 * Checks the size of a policy document of `kind` (any kind but a role's inline policies, see
 * {@link checkRoleInlinePolicySize}): at once from `knownPart` (the document as an object, see
 * {@link policySizeAtLeast}), throwing a `ResourceError` on `resource` before any child exists,
 * and again when `document` is known: it then rejects, which fails the deployment, with the
 * same message. Returns `document`.
 */
export function checkPolicySize(
  kind: Exclude<PolicySizeKind, "roleInlinePolicies">,
  about: PolicySizeSubject,
  knownPart: unknown,
  document: pulumi.Output<string>,
  resource: pulumi.Resource,
): pulumi.Output<string> {
  return document.apply(policySizeCheck(kind, about, knownPart, resource));
}

/**
 * The two checks of {@link checkPolicySize}: the one from `knownPart` now, and the returned one of
 * the document's text once known (it throws, or returns the text), for a caller that runs it in
 * an `apply` it makes anyway instead of one more.
 */
export function policySizeCheck(
  kind: Exclude<PolicySizeKind, "roleInlinePolicies">,
  about: PolicySizeSubject,
  knownPart: unknown,
  resource: pulumi.Resource,
): (text: string) => string {
  const limit = POLICY_SIZE_LIMITS[kind];
  const least = policySizeAtLeast(kind, knownPart);
  if (least > limit) throw new pulumi.ResourceError(policySizeMessage(kind, about, least, true), resource);
  return (text) => {
    const size = policySize(kind, text);
    if (size > limit) throw new pulumi.ResourceError(policySizeMessage(kind, about, size, false), resource);
    return text;
  };
}

/** One inline policy of a role: its size once known, and until then what it is at least. */
interface InlinePolicySize {
  atLeast: number;
  size?: number;
}

/** The inline policies this program attaches to one role, by policy (logical) name. */
type RolePolicySizes = Map<string, InlinePolicySize>;

/** Roles given by name, per project and stack (an Automation API process may run several). */
const rolesByName = new Map<string, RolePolicySizes>();
/** Roles given as an Output (e.g. `role.name`), by identity of that Output. */
const rolesByOutput = new WeakMap<object, RolePolicySizes>();

function policiesOf(role: pulumi.Input<string>): RolePolicySizes {
  if (typeof role === "string") {
    const name = role.startsWith("arn:") ? role.substring(role.lastIndexOf("/") + 1) : role;
    const key = `${pulumi.getProject()}/${pulumi.getStack()}/${name}`;
    let found = rolesByName.get(key);
    if (found === undefined) rolesByName.set(key, (found = new Map()));
    return found;
  }
  const key = role as object;
  let found = rolesByOutput.get(key);
  if (found === undefined) rolesByOutput.set(key, (found = new Map()));
  return found;
}

/**
 * The error text when the inline policies of a role together exceed IAM's limit; `role` is how
 * the role is named, e.g. "role `build-role`".
 */
export function roleInlinePoliciesMessage(role: string, sizes: [string, number][], atLeast: boolean): string {
  const total = sizes.reduce((sum, [, size]) => sum + size, 0);
  const largest = [...sizes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const listed = largest.slice(0, 5).map(([name, size]) => `\`${name}\` ${formatted(size)}`);
  const more = largest.length > 5 ? ` and ${largest.length - 5} more` : "";
  return (
    `The inline policies of ${role} total ${atLeast ? "at least " : ""}${formatted(total)} characters ` +
    `(${listed.join(", ")}${more}); IAM allows at most ${formatted(POLICY_SIZE_LIMITS.roleInlinePolicies)} per role, ` +
    `whitespace not counted. Grant this role fewer resources, or merge its grants into fewer statements. See ${IAM_QUOTAS}.`
  );
}

/** The message when the policies of a role are over the limit (sizes known so far, or at least), else `undefined`. */
function overLimit(policies: RolePolicySizes, role: string): string | undefined {
  const sizes: [string, number][] = [...policies].map(([name, p]) => [name, p.size ?? p.atLeast]);
  if (sizes.reduce((sum, [, size]) => sum + size, 0) <= POLICY_SIZE_LIMITS.roleInlinePolicies) return undefined;
  return roleInlinePoliciesMessage(
    role,
    sizes,
    [...policies.values()].some((p) => p.size === undefined),
  );
}

/**
 * Checks that the inline policies this program attaches to `role`, with `document` as its inline
 * policy `policyName`, stay within IAM's 10,240 characters together. A role is the same when
 * given as the same name (or ARN) or as the same Output (e.g. one `role.name`). The sum is checked
 * at once from `knownPart` (see {@link policySizeAtLeast}), throwing a `ResourceError` on
 * `resource`, and again as each document becomes known: the document that takes the sum over the
 * limit rejects, which fails the deployment. Returns `document`.
 */
export function checkRoleInlinePolicySize(
  policyName: string,
  role: pulumi.Input<string>,
  knownPart: unknown,
  document: pulumi.Output<string>,
  resource: pulumi.Resource,
): pulumi.Output<string> {
  return document.apply(roleInlinePolicySizeCheck(policyName, role, knownPart, resource)) as pulumi.Output<string>;
}

/** The two checks of {@link checkRoleInlinePolicySize}, as {@link policySizeCheck} gives those of {@link checkPolicySize}. */
export function roleInlinePolicySizeCheck(
  policyName: string,
  role: pulumi.Input<string>,
  knownPart: unknown,
  resource: pulumi.Resource,
): (text: string) => pulumi.Input<string> {
  const policies = policiesOf(role);
  const entry: InlinePolicySize = { atLeast: policySizeAtLeast("roleInlinePolicies", knownPart) };
  policies.set(policyName, entry);
  const early = overLimit(policies, typeof role === "string" ? `role \`${role}\`` : `the role that inline policy \`${policyName}\` is for`);
  if (early !== undefined) throw new pulumi.ResourceError(early, resource);
  return (text) => {
    if (policies.get(policyName) === entry) entry.size = policySize("roleInlinePolicies", text);
    if (overLimit(policies, "") === undefined) return pulumi.output(text);
    return pulumi.output(role).apply((name): string => {
      throw new pulumi.ResourceError(overLimit(policies, `role \`${name}\``)!, resource);
    });
  };
}
