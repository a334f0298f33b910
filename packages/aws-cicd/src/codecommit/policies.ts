/**
 * Action lists and policy statements of {@link CodeCommitRepo}.
 *
 * CodeCommit: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscodecommit.html
 * STS: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html
 * Lambda: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awslambda.html
 */
import * as pulumi from "@pulumi/pulumi";
import { viaService } from "../security/encryption-key";
import { AwsContext, PolicyConditions, PolicyStatement } from "../security/iam";
import { RepositoryAccess } from "./codecommit-repo-args";

/**
 * Clone and fetch over Git (HTTPS, SSH or git-remote-codecommit).
 * @see https://docs.aws.amazon.com/codecommit/latest/userguide/auth-and-access-control-permissions-reference.html
 * @managedPolicy AWSCodeCommitReadOnly
 */
export const CODECOMMIT_GIT_PULL_ACTIONS = ["codecommit:GitPull"] as const;

/**
 * Clone, fetch and push over Git.
 * @see https://docs.aws.amazon.com/codecommit/latest/userguide/auth-and-access-control-permissions-reference.html
 * @managedPolicy AWSCodeCommitPowerUser
 */
export const CODECOMMIT_PUSH_ACTIONS = ["codecommit:GitPull", "codecommit:GitPush"] as const;

/**
 * Git pull plus every read-only API call that is scoped to a repository: browsing code,
 * commits, branches, pull requests, comments and approval state. Excludes archive
 * downloads (`GetUploadArchiveStatus`, `CancelUploadArchive`) and anything without
 * resource-level permissions (`ListRepositories`, approval rule templates).
 * @see https://docs.aws.amazon.com/codecommit/latest/userguide/auth-and-access-control-permissions-reference.html
 * @managedPolicy AWSCodeCommitReadOnly
 */
export const CODECOMMIT_READ_ACTIONS = [
  "codecommit:BatchDescribeMergeConflicts",
  "codecommit:BatchGetCommits",
  "codecommit:BatchGetPullRequests",
  "codecommit:BatchGetRepositories",
  "codecommit:DescribeMergeConflicts",
  "codecommit:DescribePullRequestEvents",
  "codecommit:GetBlob",
  "codecommit:GetBranch",
  "codecommit:GetComment",
  "codecommit:GetCommentReactions",
  "codecommit:GetCommentsForComparedCommit",
  "codecommit:GetCommentsForPullRequest",
  "codecommit:GetCommit",
  "codecommit:GetCommitHistory",
  "codecommit:GetCommitsFromMergeBase",
  "codecommit:GetDifferences",
  "codecommit:GetFile",
  "codecommit:GetFolder",
  "codecommit:GetMergeCommit",
  "codecommit:GetMergeConflicts",
  "codecommit:GetMergeOptions",
  "codecommit:GetObjectIdentifier",
  "codecommit:GetPullRequest",
  "codecommit:GetPullRequestApprovalStates",
  "codecommit:GetPullRequestOverrideState",
  "codecommit:GetReferences",
  "codecommit:GetRepository",
  "codecommit:GetRepositoryTriggers",
  "codecommit:GetTree",
  "codecommit:GitPull",
  "codecommit:ListAssociatedApprovalRuleTemplatesForRepository",
  "codecommit:ListBranches",
  "codecommit:ListFileCommitHistory",
  "codecommit:ListPullRequests",
  "codecommit:ListTagsForResource",
] as const;

/**
 * Every way to change a branch without a pull request; each supports the
 * `codecommit:References` condition key.
 * @see https://docs.aws.amazon.com/codecommit/latest/userguide/how-to-conditional-branch.html
 */
export const CODECOMMIT_PROTECTED_BRANCH_ACTIONS = [
  "codecommit:CreateCommit",
  "codecommit:DeleteBranch",
  "codecommit:DeleteFile",
  "codecommit:GitPush",
  "codecommit:MergeBranchesByFastForward",
  "codecommit:MergeBranchesBySquash",
  "codecommit:MergeBranchesByThreeWay",
  "codecommit:PutFile",
] as const;

/**
 * Merging a pull request into a branch, denied only with `denyPullRequestMerges`.
 * @see https://docs.aws.amazon.com/codecommit/latest/userguide/how-to-conditional-branch.html
 */
export const CODECOMMIT_PULL_REQUEST_MERGE_ACTIONS = [
  "codecommit:MergePullRequestByFastForward",
  "codecommit:MergePullRequestBySquash",
  "codecommit:MergePullRequestByThreeWay",
] as const;

/**
 * What CodeCommit does with a repository's customer managed key for the people and roles that
 * pull from or push to it: the KMS calls AWS documents CodeCommit making, allowed only when
 * CodeCommit makes them (`kms:ViaService`). `ReEncrypt` is `kms:ReEncryptFrom` and `kms:ReEncryptTo`.
 * @see https://docs.aws.amazon.com/codecommit/latest/userguide/encryption.html
 */
export const CODECOMMIT_KEY_ACTIONS = [
  "kms:Decrypt",
  "kms:DescribeKey",
  "kms:Encrypt",
  "kms:GenerateDataKey",
  "kms:GenerateDataKeyWithoutPlaintext",
  "kms:ReEncryptFrom",
  "kms:ReEncryptTo",
] as const;

/** {@link CODECOMMIT_KEY_ACTIONS} on the repository keys, only through CodeCommit. */
export function codeCommitKeyStatement(keyArns: pulumi.Input<string>[], ctx: AwsContext, sid: string): PolicyStatement {
  return {
    sid,
    actions: [...CODECOMMIT_KEY_ACTIONS],
    resources: keyArns,
    conditions: { StringEquals: { "kms:ViaService": viaService("codecommit", ctx) } },
  };
}

/**
 * What the trusted principals of a cross-account role may call.
 * @see https://docs.aws.amazon.com/codecommit/latest/userguide/cross-account.html
 */
export const CROSS_ACCOUNT_ASSUME_ROLE_ACTIONS = ["sts:AssumeRole"] as const;

/** What CodeCommit triggers and EventBridge rules need on a target function. */
export const REPO_EVENT_LAMBDA_INVOKE_ACTION = "lambda:InvokeFunction";

const ACCESS_ACTIONS: Record<RepositoryAccess, { sid: string; actions: readonly string[] }> = {
  pull: { sid: "CodeCommitGitPull", actions: CODECOMMIT_GIT_PULL_ACTIONS },
  read: { sid: "CodeCommitRead", actions: CODECOMMIT_READ_ACTIONS },
  push: { sid: "CodeCommitPush", actions: CODECOMMIT_PUSH_ACTIONS },
};

/** The statements a grant of `access` attaches: the repository actions, and the key through CodeCommit only. */
export function repositoryAccessStatements(
  access: RepositoryAccess,
  repositoryArn: pulumi.Input<string>,
  keyArn: pulumi.Input<string>,
  ctx: AwsContext,
): PolicyStatement[] {
  const { sid, actions } = ACCESS_ACTIONS[access];
  return [
    { sid, actions: [...actions], resources: [repositoryArn] },
    codeCommitKeyStatement([keyArn], ctx, "UseRepositoryKeyThroughCodeCommit"),
  ];
}

/**
 * Deny statements for the protected branches. The `Null` guard limits the deny to requests
 * that name references (a `git push` also makes calls without any), and the
 * `...IfExists` operator matches every named reference.
 */
export function protectedBranchStatements(
  repositoryArn: pulumi.Input<string>,
  branches: string[],
  denyPullRequestMerges: boolean,
): PolicyStatement[] {
  const conditions: PolicyConditions = {
    StringEqualsIfExists: { "codecommit:References": branches.map((b) => `refs/heads/${b}`) },
    Null: { "codecommit:References": "false" },
  };
  const statements: PolicyStatement[] = [
    {
      sid: "DenyDirectChangesToProtectedBranches",
      effect: "Deny",
      actions: [...CODECOMMIT_PROTECTED_BRANCH_ACTIONS],
      resources: [repositoryArn],
      conditions,
    },
  ];
  if (denyPullRequestMerges) {
    statements.push({
      sid: "DenyPullRequestMergesIntoProtectedBranches",
      effect: "Deny",
      actions: [...CODECOMMIT_PULL_REQUEST_MERGE_ACTIONS],
      resources: [repositoryArn],
      conditions,
    });
  }
  return statements;
}

/** Trust statements of a cross-account role: only the exact principals, with optional external id and MFA. */
export function crossAccountTrustStatements(principalArns: string[], externalId?: string, requireMfa?: boolean): PolicyStatement[] {
  const conditions: PolicyConditions = {};
  if (externalId !== undefined) conditions.StringEquals = { "sts:ExternalId": externalId };
  if (requireMfa) conditions.Bool = { "aws:MultiFactorAuthPresent": "true" };
  return [
    {
      sid: "TrustNamedPrincipals",
      principals: { aws: principalArns },
      actions: [...CROSS_ACCOUNT_ASSUME_ROLE_ACTIONS],
      conditions,
    },
  ];
}
