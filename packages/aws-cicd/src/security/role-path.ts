import * as pulumi from "@pulumi/pulumi";
import { interpolate } from "../internal/interpolate";
import { PolicyConditions, PolicyPrincipals } from "./iam";

/**
 * IAM path of the roles the components create unless given another: `/`, so that a role's ARN is
 * `arn:<partition>:iam::<account>:role/<name>`.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-friendly-names
 */
export const DEFAULT_ROLE_PATH = "/";

/**
 * IAM role paths: `/`, or `/` then segments each ended by `/`, of the characters IAM allows
 * (`!` to `~`), at most 512 characters (the `Path` of CreateRole).
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html
 */
const ROLE_PATH_PATTERN = /^\/([\x21-\x2e\x30-\x7e]+\/)*$/;
const MAX_ROLE_PATH_LENGTH = 512;

/**
 * The roles of one account at one IAM path, granted together in a resource policy (a bucket or key
 * policy) instead of one ARN each, so that the policy does not grow with the number of roles.
 */
export interface RolePathGrant {
  /** Id of the account that holds the roles (12 digits). */
  accountId: string;
  /**
   * The IAM path of the roles, e.g. `/aws-cicd/platform/`: every role of `accountId` at this path
   * (or below it) is granted. `/` (every role of the account) is refused.
   */
  path: string;
}

/** Why `path` is not an IAM role path, or `undefined` when it is one. */
function rolePathProblem(arg: string, path: unknown): string | undefined {
  if (typeof path === "string" && path.length <= MAX_ROLE_PATH_LENGTH && ROLE_PATH_PATTERN.test(path)) return undefined;
  return (
    `\`${arg}\` must be an IAM role path: "/", or segments of the characters "!" to "~" each ended by "/", ` +
    `starting with "/", at most ${MAX_ROLE_PATH_LENGTH} characters (e.g. "/aws-cicd/platform/"), got ${JSON.stringify(path)}.`
  );
}

/** Checks an optional role path argument (e.g. `rolePath`); throws a plain `Error` naming it. */
export function validateRolePath(arg: string, path: unknown): void {
  if (path === undefined) return;
  const problem = rolePathProblem(arg, path);
  if (problem !== undefined) throw new Error(problem);
}

/** Checks a list of {@link RolePathGrant}s (e.g. `readerRolePaths`); throws a plain `Error` naming the item. */
export function validateRolePathGrants(arg: string, grants: unknown): void {
  if (grants === undefined) return;
  if (!Array.isArray(grants)) throw new Error(`\`${arg}\` must be a list of { accountId, path }, got ${JSON.stringify(grants)}.`);
  grants.forEach((g: Partial<RolePathGrant>, i) => {
    const at = `${arg}[${i}]`;
    if (typeof g !== "object" || g === null) throw new Error(`\`${at}\` must be an object { accountId, path }, got ${JSON.stringify(g)}.`);
    if (typeof g.accountId !== "string" || !/^\d{12}$/.test(g.accountId))
      throw new Error(`\`${at}.accountId\` must be a 12-digit AWS account id, got ${JSON.stringify(g.accountId)}.`);
    const problem = rolePathProblem(`${at}.path`, g.path);
    if (problem !== undefined) throw new Error(problem);
    if (g.path === DEFAULT_ROLE_PATH)
      throw new Error(
        `\`${at}.path\` is "/", which would grant every role of account ${g.accountId}; give the path of the roles to grant (e.g. "/aws-cicd/platform/"), or name them by ARN.`,
      );
  });
}

/** The ARN of a role named `name` at `path` (IAM puts the path between `role` and the name). */
export function roleArnAtPath(partition: string, accountId: string, path: string, name: string): string {
  return `arn:${partition}:iam::${accountId}:role${path}${name}`;
}

/**
 * The principals and condition of a resource policy statement that grants exactly the roles at the
 * given paths: the accounts' roots as principals (so the statement admits only those accounts), and
 * `aws:PrincipalArn` (the ARN of the role, path included, whichever session of it calls) `ArnLike`
 * `arn:<partition>:iam::<account>:role<path>*`. A pattern names its account, so a role of one
 * account never matches another's path. The statement's size depends on the number of grants, not
 * on the number of roles. A role of another account also needs its own IAM policy to allow the
 * call (cross-account access needs both sides).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies-cross-account-resource-access.html
 */
export function rolePathGrantParts(
  grants: readonly RolePathGrant[],
  partition: pulumi.Input<string>,
): { principals: PolicyPrincipals; conditions: PolicyConditions } {
  const accounts = [...new Set(grants.map((g) => g.accountId))];
  return {
    principals: { aws: accounts.map((id) => interpolate`arn:${partition}:iam::${id}:root`) },
    conditions: { ArnLike: { "aws:PrincipalArn": grants.map((g) => interpolate`arn:${partition}:iam::${g.accountId}:role${g.path}*`) } },
  };
}
