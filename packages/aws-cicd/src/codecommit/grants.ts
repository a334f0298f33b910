import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { autoNameArgs, AUTONAMED_IAM_ROLE } from "../internal/naming";
import { attachStatements, AwsContext, roleNameInput, trustPolicyDocument } from "../security/iam";
import { CrossAccountAccessArgs, RepositoryAccess } from "./codecommit-repo-args";
import { repositoryAccessStatements, crossAccountTrustStatements } from "./policies";
import { checkedInput } from "../internal/arns";
import { trustedPrincipalArnProblem } from "./validate";

/** Most seconds a cross-account session lasts. */
export const CROSS_ACCOUNT_MAX_SESSION_SECONDS = 3600;

/** What a repository grants access with: its ARN, its key and the account context. */
export interface RepositoryGrantScope {
  name: string;
  repositoryName: string;
  repositoryArn: pulumi.Input<string>;
  keyArn: pulumi.Input<string>;
  ctx: AwsContext;
  parent: pulumi.Resource;
}

/** A suffix for a grant's logical name: the role's logical or IAM name when known now, else its position. */
export function grantRoleSuffix(role: aws.iam.Role | pulumi.Input<string>, index: number): string {
  let raw: string | undefined;
  if (role instanceof aws.iam.Role) raw = pulumi.resourceName(role);
  else if (typeof role === "string") raw = role.startsWith("arn:") ? role.substring(role.lastIndexOf("/") + 1) : role;
  return raw === undefined ? `role${index}` : raw.replace(/[^A-Za-z0-9_-]/g, "-");
}

/** Attaches the statements of `access` on the repository (and its key, through CodeCommit) to `role`. */
export function grantRepositoryAccess(
  scope: RepositoryGrantScope,
  logicalName: string,
  role: aws.iam.Role | pulumi.Input<string>,
  access: RepositoryAccess,
): aws.iam.RolePolicy {
  return attachStatements(
    logicalName,
    roleNameInput(role),
    repositoryAccessStatements(access, scope.repositoryArn, scope.keyArn, scope.ctx),
    scope.parent,
  );
}

/** A role created for cross-account access, and its permissions. */
export interface CrossAccountAccessGrant {
  /** Role the trusted principals assume. */
  role: aws.iam.Role;
  /** Inline policy of the role. */
  policy: aws.iam.RolePolicy;
  /** ARN the trusted principals pass to `sts:AssumeRole` (or set as `role_arn` in their AWS profile). */
  roleArn: pulumi.Output<string>;
}

/**
 * Creates a role trusted only by the exact principals, with `access` on the repository. `arg` is how
 * the user wrote the grant (`crossAccountAccess[0]`), for the messages of principals checked when they resolve.
 */
export function createCrossAccountRole(
  scope: RepositoryGrantScope,
  logicalName: string,
  args: CrossAccountAccessArgs,
  tags: pulumi.Input<Record<string, pulumi.Input<string>>> | undefined,
  arg = "access",
): CrossAccountAccessGrant {
  const role = new aws.iam.Role(
    logicalName,
    {
      ...autoNameArgs(logicalName, AUTONAMED_IAM_ROLE),
      description: `Cross-account ${args.access} access to CodeCommit repository ${scope.repositoryName} (aws-cicd).`,
      assumeRolePolicy: trustPolicyDocument(
        logicalName,
        crossAccountTrustStatements(args.principalArns, args.externalId, args.requireMfa).map((st) => ({
          ...st,
          // Principals given as Outputs (by JavaScript callers) are checked when they resolve.
          principals: {
            aws: (args.principalArns as pulumi.Input<string>[]).map((p) =>
              checkedInput(p, trustedPrincipalArnProblem(`${arg}.principalArns`)),
            ),
          },
        })),
        scope.parent,
        "Name fewer `crossAccountAccess[].principalArns`, or split them over several `crossAccountAccess` roles.",
      ),
      maxSessionDuration: CROSS_ACCOUNT_MAX_SESSION_SECONDS,
      tags,
    },
    { parent: scope.parent },
  );
  const policy = attachStatements(
    `${logicalName}-policy`,
    role.name,
    repositoryAccessStatements(args.access, scope.repositoryArn, scope.keyArn, scope.ctx),
    scope.parent,
  );
  return { role, policy, roleArn: role.arn };
}
