import { IAM_ROLE_NAME, stackScopedName } from "../internal/naming";
import { DEFAULT_ROLE_PATH, roleArnAtPath, validateRolePath } from "../security/role-path";

/**
 * Role ARNs known before the roles exist. The pipeline role and the deploy role have fixed
 * names, so each side can name the other's role without reading its outputs.
 */

/** Longest IAM role name. */
export const MAX_ROLE_NAME_LENGTH = 64;

/** How a role is named: its explicit name, or the component name that derives it. */
export interface RoleArnArgs {
  /** Id of the account that holds the role (12 digits). */
  accountId: string;
  /**
   * The component's name (`new Pipeline(name, ...)` or `new CrossAccountDeployRole(name, ...)`).
   * The default role name adds this program's project and stack: use it only from the program
   * that creates the component, and `roleName` from any other.
   * @default - none; give `name` or `roleName`.
   */
  name?: string;
  /**
   * The component's `roleName` arg, when it was given.
   * @default - derived from `name`.
   */
  roleName?: string;
  /**
   * AWS partition of the account.
   * @default "aws"
   */
  partition?: string;
  /**
   * The role's IAM path (the component's `rolePath` arg, when it was given).
   * @default "/" ({@link DEFAULT_ROLE_PATH})
   */
  rolePath?: string;
}

/** Default name of a `Pipeline`'s role, as the Pipeline component computes it. */
export function defaultPipelineRoleName(name: string): string {
  return stackScopedName(`${name}-pipeline`, IAM_ROLE_NAME);
}

/** Default name of a {@link CrossAccountDeployRole}'s role. */
export function defaultCrossAccountDeployRoleName(name: string): string {
  return stackScopedName(name, IAM_ROLE_NAME);
}

function roleArn(fn: string, a: RoleArnArgs, defaultName: (name: string) => string): string {
  if (!/^\d{12}$/.test(String(a.accountId))) {
    throw new Error(`\`${fn}\`: \`accountId\` must be a 12-digit AWS account id, got "${a.accountId}".`);
  }
  if (a.roleName === undefined && a.name === undefined) {
    throw new Error(`\`${fn}\` needs \`name\` (the component's name) or \`roleName\` (its \`roleName\` arg).`);
  }
  validateRolePath(`${fn}\`: \`rolePath`, a.rolePath);
  return roleArnAtPath(a.partition ?? "aws", a.accountId, a.rolePath ?? DEFAULT_ROLE_PATH, a.roleName ?? defaultName(a.name!));
}

/**
 * ARN of the role of `new Pipeline(name, ...)` in the tools account:
 * `arn:<partition>:iam::<accountId>:role/<roleName or <project>-<stack>-<name>-pipeline>`.
 */
export function pipelineRoleArn(a: RoleArnArgs): string {
  return roleArn("pipelineRoleArn", a, defaultPipelineRoleName);
}

/**
 * ARN of the role of `new CrossAccountDeployRole(name, ...)` in the target account:
 * `arn:<partition>:iam::<accountId>:role/<roleName or <project>-<stack>-<name>>`.
 */
export function crossAccountDeployRoleArn(a: RoleArnArgs): string {
  return roleArn("crossAccountDeployRoleArn", a, defaultCrossAccountDeployRoleName);
}
