import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
  policySizeCheck,
  roleInlinePolicySizeCheck,
  POLICY_SIZE_LIMITS,
  policySizeAtLeast,
  policySizeMessage,
  PolicySizeKind,
  PolicySizeSubject,
} from "./policy-size";
import { autoNameArgs, AUTONAMED_IAM_POLICY, AUTONAMED_IAM_ROLE } from "../internal/naming";
import { AwsContext } from "../internal/aws-context";
import { jsonOnceKnown } from "./policy-json";
import { interpolate } from "../internal/interpolate";
import { HiddenChild } from "../internal/hidden-child";

export { awsContext, AwsContext } from "../internal/aws-context";

/** The IAM policy language version every document this library renders uses. */
export const POLICY_VERSION = "2012-10-17";
/**
 * Longest session (seconds) of the roles the components create: IAM's minimum, one hour. Services
 * refresh their sessions; nothing of ours needs longer.
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html
 */
export const ROLE_MAX_SESSION_SECONDS = 3600;

/** Condition operators and their keys, e.g. `{ StringEquals: { "aws:SourceAccount": "123456789012" } }`. */
export type PolicyConditions = Record<string, Record<string, pulumi.Input<string> | pulumi.Input<string>[]>>;

/** Principals of a resource-based or trust policy statement. */
export interface PolicyPrincipals {
  /**
   * Exact IAM principal ARNs (roles, users, account roots).
   * @default - no AWS principal.
   */
  aws?: pulumi.Input<string>[];
  /**
   * Service principals such as `codebuild.amazonaws.com`.
   * @default - no service principal.
   */
  service?: pulumi.Input<string>[];
  /**
   * `"*"`: any principal. Only ever used by this library in `Deny` statements
   * (TLS-only and encryption guards) or in `Allow` statements that carry conditions.
   * @default false
   */
  any?: boolean;
}

/** A typed IAM policy statement, as the components render it into policy documents. */
export interface PolicyStatement {
  /**
   * Statement id: letters and digits only.
   * @default - no `Sid`.
   */
  sid?: string;
  /** @default "Allow" */
  effect?: "Allow" | "Deny";
  /** Exact actions (`service:Action`); wildcards are never used by this library. */
  actions: string[];
  /**
   * Resource ARNs. A `"*"` is only used for actions that support no resource-level permission.
   * Omitted only in trust policies.
   * @default - no `Resource` (trust policies only; other statements must set it).
   */
  resources?: pulumi.Input<string>[];
  /**
   * Principals, for resource-based and trust policies only.
   * @default - no `Principal` (identity policies).
   */
  principals?: PolicyPrincipals;
  /**
   * Conditions.
   * @default - none.
   */
  conditions?: PolicyConditions;
}

function renderPrincipals(p: PolicyPrincipals): unknown {
  if (p.any) return "*";
  const out: Record<string, unknown> = {};
  if (p.aws && p.aws.length > 0) out.AWS = p.aws;
  if (p.service && p.service.length > 0) out.Service = p.service;
  return out;
}

/** Renders one statement to its JSON shape (with unresolved Inputs left for `pulumi.jsonStringify`). */
export function renderStatement(s: PolicyStatement): Record<string, unknown> {
  if (s.sid !== undefined && !/^[A-Za-z0-9]+$/.test(s.sid)) {
    throw new Error(`Policy statement \`sid\` must contain only letters and digits, got "${s.sid}".`);
  }
  if (s.actions.length === 0) throw new Error(`Policy statement ${s.sid ?? "without sid"} has no actions.`);
  const out: Record<string, unknown> = {};
  if (s.sid !== undefined) out.Sid = s.sid;
  out.Effect = s.effect ?? "Allow";
  if (s.principals) out.Principal = renderPrincipals(s.principals);
  out.Action = s.actions;
  if (s.resources !== undefined) {
    out.Resource = s.resources;
  } else if (!s.principals) {
    throw new Error(`Policy statement ${s.sid ?? "without sid"} needs \`resources\`.`);
  }
  if (s.conditions && Object.keys(s.conditions).length > 0) out.Condition = s.conditions;
  return out;
}

/** The list without repeated values (first occurrence kept). */
function unique<T>(values: T[]): T[] {
  return values.filter((v, i) => values.indexOf(v) === i);
}

/** Drops repeated resources and actions, which appear when statements for several targets are merged. */
function withoutRepeats(statement: Record<string, unknown>): Record<string, unknown> {
  const out = { ...statement };
  if (Array.isArray(out.Resource)) out.Resource = unique(out.Resource);
  if (Array.isArray(out.Action)) out.Action = unique(out.Action);
  return out;
}

/**
 * Renders statements as a JSON policy document with `pulumi.jsonStringify`. Resources and
 * actions repeated within a statement (once their values are known) are written once.
 */
export function policyDocument(statements: PolicyStatement[]): pulumi.Output<string> {
  return documentJson(documentShape(statements));
}

/** The document of `statements` as an object, with Outputs in place, for the size checks of `./policy-size`. */
function documentShape(statements: PolicyStatement[]): PolicyShape {
  return { Version: POLICY_VERSION, Statement: statements.map(renderStatement) };
}

/** A policy document as an object, with Outputs in place (see {@link documentShape}). */
interface PolicyShape {
  Version: string;
  Statement: Record<string, unknown>[];
}

/** The JSON of a document shape once its values are known, each statement {@link withoutRepeats} (one Output, see `./policy-json`). */
function documentJson(shape: PolicyShape, check?: (json: string) => pulumi.Input<string>): pulumi.Output<string> {
  return jsonOnceKnown(
    shape,
    (resolved) => {
      const doc = resolved as PolicyShape;
      return { Version: doc.Version, Statement: doc.Statement.map(withoutRepeats) };
    },
    check,
  );
}

/**
 * Throws a `ResourceError` on `resource` when the values of `statements` known now already make a
 * policy of `kind` longer than its limit. Components call it before creating any child, with
 * placeholders for the ARNs of children not created yet (Outputs count for nothing).
 */
export function checkPolicySizeNow(
  kind: Exclude<PolicySizeKind, "roleInlinePolicies">,
  about: PolicySizeSubject,
  statements: PolicyStatement[],
  resource: pulumi.Resource,
): void {
  const least = policySizeAtLeast(kind, documentShape(statements));
  if (least > POLICY_SIZE_LIMITS[kind]) throw new pulumi.ResourceError(policySizeMessage(kind, about, least, true), resource);
}

/**
 * {@link policyDocument}, checked against the size limit of `kind` (trust, managed, key, bucket or
 * topic policy): a `ResourceError` on `resource` at once when the values known now already exceed
 * it, else the document rejects at deployment when its resolved size does (see `./policy-size`).
 */
export function sizeCheckedPolicyDocument(
  kind: Exclude<PolicySizeKind, "roleInlinePolicies">,
  about: PolicySizeSubject,
  statements: PolicyStatement[],
  resource: pulumi.Resource,
): pulumi.Output<string> {
  const shape = documentShape(statements);
  return documentJson(shape, policySizeCheck(kind, about, shape, resource));
}

/** The {@link accountRootArn} of each context, made once (one Output, however many policies name it). */
const accountRootArns = new WeakMap<AwsContext, pulumi.Output<string>>();

/** `arn:<partition>:iam::<account>:root`, the principal that delegates to the account's IAM policies. */
export function accountRootArn(ctx: AwsContext): pulumi.Output<string> {
  let arn = accountRootArns.get(ctx);
  if (arn === undefined) accountRootArns.set(ctx, (arn = interpolate`arn:${ctx.partition}:iam::${ctx.accountId}:root`));
  return arn;
}

/**
 * Confused-deputy guard for a service trust: the account, and the exact resource, each only where
 * AWS documents that the service sends the key when it assumes the role (a condition on a key the
 * service does not send makes the role impossible to assume).
 */
export interface ServiceTrustScope {
  /**
   * Account the service must act for (`aws:SourceAccount` condition).
   * @default - no `aws:SourceAccount` condition (for services that do not document sending it).
   */
  sourceAccount?: pulumi.Input<string>;
  /**
   * Exact ARN of the resource the service acts for (sent by CodeBuild, CodePipeline, Lambda...).
   * @default - no `aws:SourceArn` condition (for services that do not send it).
   */
  sourceArn?: pulumi.Input<string>;
  /**
   * The `sts:ExternalId` the service always sends when it assumes the role, where AWS documents a
   * fixed value (Elastic Beanstalk sends `elasticbeanstalk`).
   * @default - no `sts:ExternalId` condition.
   */
  externalId?: string;
}

/** The trust statement letting `service` assume a role only on behalf of this account (and resource), where documented. */
export function serviceTrustStatements(service: pulumi.Input<string>, scope: ServiceTrustScope): PolicyStatement[] {
  const conditions: PolicyConditions = {};
  if (scope.sourceAccount !== undefined) conditions.StringEquals = { "aws:SourceAccount": scope.sourceAccount };
  if (scope.externalId !== undefined) conditions.StringEquals = { ...conditions.StringEquals, "sts:ExternalId": scope.externalId };
  if (scope.sourceArn !== undefined) conditions.ArnLike = { "aws:SourceArn": scope.sourceArn };
  return [{ principals: { service: [service] }, actions: ["sts:AssumeRole"], conditions }];
}

/** A trust policy letting `service` assume the role only on behalf of this account (and resource). */
export function serviceTrustPolicy(service: pulumi.Input<string>, scope: ServiceTrustScope): pulumi.Output<string> {
  return policyDocument(serviceTrustStatements(service, scope));
}

/**
 * The trust policy of `statements` for the role with logical name `roleName`, checked against
 * IAM's 2,048 characters (see {@link sizeCheckedPolicyDocument}); `fix` says how to shorten it.
 */
export function trustPolicyDocument(
  roleName: string,
  statements: PolicyStatement[],
  resource: pulumi.Resource,
  fix = "Trust fewer principals, or fewer values in its conditions.",
): pulumi.Output<string> {
  return sizeCheckedPolicyDocument("trustPolicy", { subject: `The trust policy of role \`${roleName}\``, fix }, statements, resource);
}

/** Arguments of {@link createServiceRole}. */
export interface ServiceRoleArgs extends ServiceTrustScope {
  /** Service principal, e.g. `codebuild.amazonaws.com`. */
  service: pulumi.Input<string>;
  /** Description of the role. */
  description: pulumi.Input<string>;
  /**
   * Physical name of the role, when other programs must know it in advance (e.g. the pipeline
   * role, which cross-account deploy roles trust by ARN).
   * @default - a unique name derived from the logical name.
   */
  roleName?: pulumi.Input<string>;
  /**
   * Permissions boundary ARN to attach, when an organization requires one.
   * @default - no boundary.
   */
  permissionsBoundary?: pulumi.Input<string>;
  /**
   * Path of the role.
   * @default "/"
   */
  path?: pulumi.Input<string>;
  /**
   * Tags of the role.
   * @default - no tags.
   */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** Whether `value` holds no Output or Promise: its size is known now. */
function knownNow(value: unknown): boolean {
  if (pulumi.Output.isInstance(value) || value instanceof Promise) return false;
  if (Array.isArray(value)) return value.every(knownNow);
  if (value !== null && typeof value === "object") return Object.values(value).every(knownNow);
  return true;
}

/**
 * The trust policy of a service role, checked against IAM's 2,048 characters: now when every value
 * is known (its exact size), else as {@link trustPolicyDocument} does, once the values resolve.
 */
function serviceTrustPolicyDocument(roleName: string, statements: PolicyStatement[], resource: pulumi.Resource): pulumi.Output<string> {
  if (!knownNow(statements)) return trustPolicyDocument(roleName, statements, resource);
  const about = { subject: `The trust policy of role \`${roleName}\``, fix: "Trust fewer principals, or fewer values in its conditions." };
  checkPolicySizeNow("trustPolicy", about, statements, resource);
  return policyDocument(statements);
}

/** The arguments of a role that only `service`, acting for this account (and resource), may assume. */
function serviceRoleArgs(name: string, args: ServiceRoleArgs, parent: pulumi.Resource): aws.iam.RoleArgs {
  return {
    ...(args.roleName !== undefined ? { name: args.roleName } : autoNameArgs(name, AUTONAMED_IAM_ROLE)),
    description: args.description,
    assumeRolePolicy: serviceTrustPolicyDocument(name, serviceTrustStatements(args.service, args), parent),
    permissionsBoundary: args.permissionsBoundary,
    path: args.path,
    maxSessionDuration: ROLE_MAX_SESSION_SECONDS,
    tags: args.tags,
  };
}

/** Creates a role that only `service`, acting for this account (and resource), may assume. */
export function createServiceRole(name: string, args: ServiceRoleArgs, parent: pulumi.Resource): aws.iam.Role {
  return new aws.iam.Role(name, serviceRoleArgs(name, args, parent), { parent });
}

/**
 * The same role for a component that neither exposes it nor reads more of it than its ARN and name:
 * registered alike, without an Output for each of a role's other properties (see internal/hidden-child).
 */
export function createHiddenServiceRole(
  name: string,
  args: ServiceRoleArgs,
  parent: pulumi.Resource,
): HiddenChild<aws.iam.RoleArgs, "arn" | "name"> {
  return new HiddenChild(aws.iam.Role, name, serviceRoleArgs(name, args, parent), ["arn", "name"], { parent });
}

/**
 * Attaches statements to a role as one inline policy (`aws.iam.RolePolicy`). The inline policies
 * attached this way to one role (the same name, or the same `role.name` Output) must stay within
 * IAM's 10,240 characters together: a `ResourceError` says so before deployment, or the policy
 * fails to deploy when the sum is only known then (see `./policy-size`).
 */
export function attachStatements(
  name: string,
  role: pulumi.Input<string>,
  statements: PolicyStatement[],
  parent: pulumi.Resource,
): aws.iam.RolePolicy {
  const shape = documentShape(statements);
  const policy = documentJson(shape, roleInlinePolicySizeCheck(name, role, shape, parent));
  return new aws.iam.RolePolicy(name, { ...autoNameArgs(name, AUTONAMED_IAM_POLICY), role, policy }, { parent });
}

/**
 * Like {@link roleNameOf}, but a plain name or ARN stays a plain string, so that the size check of
 * {@link attachStatements} counts every grant to that role together.
 */
export function roleNameInput(role: aws.iam.Role | pulumi.Input<string>): pulumi.Input<string> {
  if (typeof role === "string") return role.startsWith("arn:") ? role.substring(role.lastIndexOf("/") + 1) : role;
  return roleNameOf(role);
}

/**
 * Puts statements in a customer managed policy (`aws.iam.Policy`, checked against IAM's 6,144
 * characters) attached to `role`: for large statement lists that would crowd the role's inline
 * policies (10,240 characters together). Returns the attachment, which depends on the policy.
 */
export function attachManagedStatements(
  name: string,
  role: pulumi.Input<string>,
  statements: PolicyStatement[],
  about: PolicySizeSubject,
  parent: pulumi.Resource,
): aws.iam.RolePolicyAttachment {
  // Only the attachment is returned: the policy is a hidden child (see internal/hidden-child).
  const policy = new HiddenChild(
    aws.iam.Policy,
    name,
    {
      ...autoNameArgs(name, AUTONAMED_IAM_POLICY),
      description: about.subject,
      policy: sizeCheckedPolicyDocument("managedPolicy", about, statements, parent),
    },
    ["arn"],
    { parent },
  );
  return new aws.iam.RolePolicyAttachment(`${name}-attachment`, { role, policyArn: policy.output("arn") }, { parent });
}

/** Role name from a role given as a name, an ARN or an `aws.iam.Role`. */
export function roleNameOf(role: aws.iam.Role | pulumi.Input<string>): pulumi.Output<string> {
  if (role instanceof aws.iam.Role) return role.name;
  return pulumi.output(role).apply((r) => (r.startsWith("arn:") ? r.substring(r.lastIndexOf("/") + 1) : r));
}
