import { runSimulation } from "@cloud-copilot/iam-simulate";
import { ACCOUNT, REGION } from "../../harness/mocks";
import { PolicyDocument, StackPolicies } from "./stack-policies";

/** What the simulator decides. */
export type Decision = "Allowed" | "ImplicitlyDenied" | "ExplicitlyDenied";

/** One request a role makes, and what the test expects AWS to decide. */
export interface RoleRequest {
  action: string;
  /** The exact resource ARN of the request (an object key for S3 objects, a log stream...). */
  resource: string;
  /** Request context keys beyond the ones {@link requestContext} always sends. */
  context?: Record<string, string | string[]>;
  /** Words for the test name: "artifacts with TLS and the key". */
  what: string;
  /** The account owning the resource. @default - the account in the ARN, else ACCOUNT (S3 buckets). */
  resourceAccount?: string;
}

/** Overrides of the stack's documents, to show what one side alone decides. */
export interface PolicyOverrides {
  /** Another caller than the role: a principal ARN or a service principal (`codebuild.amazonaws.com`). */
  principal?: string;
  identity?: { name: string; policy: PolicyDocument }[];
  resourcePolicy?: PolicyDocument | null;
}

export const accountOf = (arn: string): string => arn.split(":")[4] || ACCOUNT;

/** `kms:ViaService` of a regional service in the test region. */
export const via = (service: string): string => `${service}.${REGION}.amazonaws.com`;

/**
 * The context AWS would send with the request: TLS, the calling principal and its account, and
 * for KMS the calling account. The simulator fills none of these itself.
 */
export function requestContext(principalArn: string, r: RoleRequest): Record<string, string | string[]> {
  const base: Record<string, string | string[]> = { "aws:SecureTransport": "true" };
  if (principalArn.startsWith("arn:")) {
    base["aws:PrincipalArn"] = principalArn;
    base["aws:PrincipalAccount"] = accountOf(principalArn);
    if (r.action.startsWith("kms:")) base["kms:CallerAccount"] = accountOf(principalArn);
  }
  return { ...base, ...r.context };
}

/**
 * Runs one request through the simulator with the role's identity policies and the resource
 * policy the stack puts on the target. Fails on simulator validation errors and on context keys
 * the simulator drops as not applicable, so that no expected key silently goes unevaluated.
 */
export async function decide(
  stack: StackPolicies,
  roleName: string | undefined,
  r: RoleRequest,
  overrides: PolicyOverrides = {},
): Promise<Decision> {
  const role = overrides.principal === undefined ? stack.role(roleName ?? "") : undefined;
  const principalArn: string = overrides.principal ?? role!.state.arn;
  const resourcePolicy =
    overrides.resourcePolicy === null ? undefined : (overrides.resourcePolicy ?? stack.resourcePolicy(r.action, r.resource));
  const result = await runSimulation(
    {
      request: {
        principal: principalArn,
        action: r.action,
        resource: { resource: r.resource, accountId: r.resourceAccount ?? accountOf(r.resource) },
        contextVariables: requestContext(principalArn, r),
      },
      identityPolicies: overrides.identity ?? (role ? stack.identityPolicies(role) : []),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy,
    },
    {},
  );
  if (result.resultType === "error") throw new Error(`Simulator rejected ${r.action} on ${r.resource}: ${JSON.stringify(result.errors)}`);
  if (result.resultType === "single") {
    const ignored = result.result.ignoredContextKeys ?? [];
    if (ignored.length > 0) throw new Error(`Context keys ${ignored.join(", ")} do not apply to ${r.action} on ${r.resource}.`);
  }
  return result.overallResult as Decision;
}
