import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { KeyReference } from "../security/encryption-key";

/** Branch a new repository uses as its default branch. */
export const DEFAULT_REPOSITORY_BRANCH = "main";

/** Approvals a pull request into a protected branch needs by default (CKV2_AWS_37 / CKV_AWS_257 ask for at least 2). */
export const DEFAULT_REQUIRED_APPROVALS = 2;

/** Most approvals a rule may require: CodeCommit records at most 200 approvals on a pull request. */
export const MAX_REQUIRED_APPROVALS = 200;

/** Most members of an approval pool (CodeCommit quota). */
export const MAX_APPROVAL_POOL_MEMBERS = 50;

/** Most destination references (protected branches) of an approval rule template (CodeCommit quota). */
export const MAX_PROTECTED_BRANCHES = 100;

/** Most characters of approval rule content (CodeCommit quota). */
export const MAX_APPROVAL_RULE_CONTENT_LENGTH = 3000;

/** Version of the approval rule content language. */
export const APPROVAL_RULE_CONTENT_VERSION = "2018-11-08";

/** Most triggers a repository can have (CodeCommit quota). */
export const MAX_REPOSITORY_TRIGGERS = 10;

/** Events a CodeCommit trigger can fire on (`all` cannot be combined with the others). */
export const RepositoryTriggerEvent = {
  /** `"all"` */
  All: "all",
  /** `"updateReference"` */
  UpdateReference: "updateReference",
  /** `"createReference"` */
  CreateReference: "createReference",
  /** `"deleteReference"` */
  DeleteReference: "deleteReference",
} as const;
/** An event a repository trigger fires on (one of `REPOSITORY_TRIGGER_EVENTS`). */
export type RepositoryTriggerEvent = (typeof RepositoryTriggerEvent)[keyof typeof RepositoryTriggerEvent];
/** Every value of {@link RepositoryTriggerEvent}. */
export const REPOSITORY_TRIGGER_EVENTS: readonly RepositoryTriggerEvent[] = Object.values(RepositoryTriggerEvent);

/** Trigger events used when a trigger names none: a push that creates or moves a branch. */
export const DEFAULT_REPOSITORY_TRIGGER_EVENTS: RepositoryTriggerEvent[] = ["createReference", "updateReference"];

/**
 * Every event type id a CodeStar notification rule accepts for a CodeCommit repository.
 * See https://docs.aws.amazon.com/dtconsole/latest/userguide/concepts.html#events-ref-repositories
 */
export const CodeCommitNotificationEventTypeId = {
  /** A comment on a commit. */
  CommentsOnCommits: "codecommit-repository-comments-on-commits",
  /** A comment on a pull request. */
  CommentsOnPullRequests: "codecommit-repository-comments-on-pull-requests",
  /** A pull request approval changed state. */
  ApprovalsStatusChanged: "codecommit-repository-approvals-status-changed",
  /** Someone overrode a pull request's approval rules. */
  ApprovalsRuleOverride: "codecommit-repository-approvals-rule-override",
  /** A pull request was created. */
  PullRequestCreated: "codecommit-repository-pull-request-created",
  /** A pull request's source branch was updated. */
  PullRequestSourceUpdated: "codecommit-repository-pull-request-source-updated",
  /** A pull request was opened or closed. */
  PullRequestStatusChanged: "codecommit-repository-pull-request-status-changed",
  /** A pull request was merged. */
  PullRequestMerged: "codecommit-repository-pull-request-merged",
  /** A branch or tag was created. */
  BranchesAndTagsCreated: "codecommit-repository-branches-and-tags-created",
  /** A branch or tag was deleted. */
  BranchesAndTagsDeleted: "codecommit-repository-branches-and-tags-deleted",
  /** A branch or tag was moved. */
  BranchesAndTagsUpdated: "codecommit-repository-branches-and-tags-updated",
} as const;
/** A CodeCommit notification event type id (one of {@link CodeCommitNotificationEventTypeId}). */
export type CodeCommitNotificationEventTypeId = (typeof CodeCommitNotificationEventTypeId)[keyof typeof CodeCommitNotificationEventTypeId];
/** Every value of {@link CodeCommitNotificationEventTypeId}, in the order AWS lists them. */
export const CODECOMMIT_NOTIFICATION_EVENT_TYPE_IDS: readonly CodeCommitNotificationEventTypeId[] =
  Object.values(CodeCommitNotificationEventTypeId);

/**
 * Event types notified by default: the pull request life cycle, reviews, overridden
 * approval rules (someone bypassed the review) and created or deleted branches and tags.
 */
export const DEFAULT_REPOSITORY_NOTIFICATION_EVENT_TYPE_IDS: CodeCommitNotificationEventTypeId[] = [
  "codecommit-repository-pull-request-created",
  "codecommit-repository-pull-request-merged",
  "codecommit-repository-comments-on-pull-requests",
  "codecommit-repository-approvals-status-changed",
  "codecommit-repository-approvals-rule-override",
  "codecommit-repository-branches-and-tags-created",
  "codecommit-repository-branches-and-tags-deleted",
];

/** `detail.event` values of EventBridge's "CodeCommit Pull Request State Change" events. */
export const CodeCommitPullRequestEvent = {
  /** `"pullRequestCreated"` */
  PullRequestCreated: "pullRequestCreated",
  /** `"pullRequestSourceBranchUpdated"` */
  PullRequestSourceBranchUpdated: "pullRequestSourceBranchUpdated",
  /** `"pullRequestStatusChanged"` */
  PullRequestStatusChanged: "pullRequestStatusChanged",
  /** `"pullRequestMergeStatusUpdated"` */
  PullRequestMergeStatusUpdated: "pullRequestMergeStatusUpdated",
} as const;
/** A CodeCommit pull request event (one of `CODECOMMIT_PULL_REQUEST_EVENTS`). */
export type CodeCommitPullRequestEvent = (typeof CodeCommitPullRequestEvent)[keyof typeof CodeCommitPullRequestEvent];
/** Every value of {@link CodeCommitPullRequestEvent}. */
export const CODECOMMIT_PULL_REQUEST_EVENTS: readonly CodeCommitPullRequestEvent[] = Object.values(CodeCommitPullRequestEvent);

/** `detail.event` values a commit rule matches in "CodeCommit Repository State Change" events. */
export const CODECOMMIT_COMMIT_EVENTS = ["referenceCreated", "referenceUpdated"] as const;

/**
 * Where an event goes: exactly one of an SNS topic or a Lambda function, by ARN.
 * A topic must let the sending service publish (a {@link SecureTopic} lets CodeCommit and
 * EventBridge of its account publish) and, when encrypted, its key must let that service use it.
 */
export interface RepoEventTarget {
  /**
   * ARN of an SNS topic, `arn:<partition>:sns:<region>:<account>:<name>`.
   * @default - not set (set exactly one of `snsTopicArn` or `lambdaFunctionArn`).
   */
  snsTopicArn?: pulumi.Input<string>;
  /**
   * ARN of a Lambda function; the component adds the invoke permission it needs.
   * @default - not set (set exactly one of `snsTopicArn` or `lambdaFunctionArn`).
   */
  lambdaFunctionArn?: pulumi.Input<string>;
}

/** A CodeCommit trigger (`aws.codecommit.Trigger`) fired by pushes. */
export interface RepositoryTriggerArgs {
  /** Where the trigger sends its notification. */
  target: RepoEventTarget;
  /**
   * Name of the trigger, unique within the repository.
   * @default - "<component name>-trigger-<index>".
   */
  name?: string;
  /**
   * Branches whose changes fire the trigger.
   * @default - the default branch.
   */
  branches?: string[];
  /**
   * Events that fire the trigger, from `RepositoryTriggerEvent`; `all` stands alone.
   * @default - `DEFAULT_REPOSITORY_TRIGGER_EVENTS`: `["createReference", "updateReference"]`.
   */
  events?: RepositoryTriggerEvent[];
  /**
   * Static text sent with each notification, at most 1,000 characters.
   * @default - none.
   */
  customData?: string;
}

/** An EventBridge rule for pull request state changes of this repository. */
export interface PullRequestEventRuleArgs {
  /** Where matching events go. */
  target: RepoEventTarget;
  /**
   * Pull request events to match, from `CodeCommitPullRequestEvent`.
   * @default - every value of `CodeCommitPullRequestEvent`.
   */
  events?: CodeCommitPullRequestEvent[];
  /**
   * Only pull requests into these branches.
   * @default - pull requests into any branch.
   */
  destinationBranches?: string[];
}

/** An EventBridge rule for commits (created or moved branches) of this repository. */
export interface CommitEventRuleArgs {
  /** Where matching events go. */
  target: RepoEventTarget;
  /**
   * Branches whose new commits match.
   * @default - the default branch.
   */
  branches?: string[];
}

/** A CodeStar notification rule on the repository, sending to an SNS topic. */
export interface RepositoryNotificationArgs {
  /**
   * ARN of an existing topic. Its policy must let `codestar-notifications.amazonaws.com`
   * publish, and its key (if any) must let that service use it.
   * @default - a new {@link SecureTopic} encrypted with the repository's key, to which only this account's notification service may publish.
   */
  topicArn?: pulumi.Input<string>;
  /**
   * Email addresses subscribed to the topic (each must confirm the subscription).
   * @default - no subscriptions.
   */
  emailSubscriptions?: string[];
  /**
   * Event type ids to notify, from `CodeCommitNotificationEventTypeId`.
   * @default - `DEFAULT_REPOSITORY_NOTIFICATION_EVENT_TYPE_IDS`.
   */
  eventTypeIds?: CodeCommitNotificationEventTypeId[];
}

/**
 * An IAM policy denying direct changes to the protected branches, attached to the named
 * principals so their changes must go through pull requests.
 */
export interface BranchProtectionArgs {
  /**
   * Roles the policy is attached to: `aws.iam.Role`s, role names or role ARNs.
   * @default - none.
   */
  roles?: (aws.iam.Role | pulumi.Input<string>)[];
  /**
   * IAM user names the policy is attached to.
   * @default - none.
   */
  users?: pulumi.Input<string>[];
  /**
   * IAM group names the policy is attached to.
   * @default - none.
   */
  groups?: pulumi.Input<string>[];
  /**
   * Also deny merging pull requests into the protected branches, for teams where other
   * principals (maintainers, not named here) merge approved pull requests.
   * @default false
   */
  denyPullRequestMerges?: boolean;
}

/** Access a grant gives on the repository. */
export const RepositoryAccess = {
  /** Git pull only (clone and fetch). */
  Pull: "pull",
  /** Git pull and push. */
  Push: "push",
  /** Git pull and the read-only API calls scoped to the repository (code, commits, pull requests, comments). */
  Read: "read",
} as const;
/** `"pull"`, `"push"` or `"read"` ({@link RepositoryAccess}). */
export type RepositoryAccess = (typeof RepositoryAccess)[keyof typeof RepositoryAccess];

/**
 * A role in the repository's account that the named principals (usually in other accounts)
 * assume with STS to reach the repository: AWS's recommended cross-account pattern, instead of
 * shared SSH keys or credentials. The other account must also allow its principals
 * `sts:AssumeRole` on the role's ARN.
 */
export interface CrossAccountAccessArgs {
  /**
   * Exact IAM role or user ARNs trusted to assume the role, e.g.
   * `arn:aws:iam::111122223333:role/ci`. Account roots and bare account ids are refused.
   * The principals must exist when the role is created.
   */
  principalArns: string[];
  /** `pull` (clone and fetch), `read` (pull plus read-only API calls) or `push` (pull and push). */
  access: RepositoryAccess;
  /**
   * Value the caller must pass as `ExternalId` (the `sts:ExternalId` condition), 2 to 1,224 characters.
   * @default - no external id condition.
   */
  externalId?: string;
  /**
   * Require a session authenticated with MFA (`aws:MultiFactorAuthPresent`). Use it for
   * people; roles assumed by machines (role chaining) never carry MFA.
   * @default false
   */
  requireMfa?: boolean;
}

/** Arguments of {@link CodeCommitRepo}. */
export interface CodeCommitRepoArgs {
  /**
   * Repository name: 1 to 100 letters, digits, `.`, `_` or `-`, not ending in `.git`.
   * @default - the component name.
   */
  repositoryName?: string;
  /**
   * Description, at most 1,000 characters.
   * @default - none.
   */
  description?: pulumi.Input<string>;
  /**
   * Default branch. CodeCommit applies it once the branch exists (the first push creates
   * the default branch; run `pulumi up` again if you pushed another branch first).
   * @default "main"
   */
  defaultBranch?: string;
  /**
   * Customer managed KMS key that encrypts the repository.
   * @default - a new {@link EncryptionKey} named "<name>-key" (about $1 a month, retained on delete).
   */
  encryptionKey?: KeyReference;
  /**
   * Keep the repository when the stack is deleted or the repository is replaced.
   * **Warning:** `false` lets `pulumi destroy` delete the repository and its whole history.
   * @default true
   */
  retainOnDelete?: boolean;
  /**
   * Branches whose pull requests need approvals (and, with `branchProtection`, that refuse direct changes).
   * @default - the default branch.
   */
  protectedBranches?: string[];
  /**
   * Approvals a pull request into a protected branch needs, 1 to 200.
   * @default 2
   */
  requiredApprovals?: number;
  /**
   * Who may approve: IAM user or role ARNs, assumed-role ARNs such as
   * `arn:aws:sts::<account>:assumed-role/<role>/*`, or `CodeCommitApprovers:<account>:<name>`; at most 50.
   * @default - anyone with access to the repository (the pull request author's approval never counts).
   */
  approvalPoolMembers?: string[];
  /**
   * Name of the approval rule template (unique in the account and region).
   * @default - "<project>-<stack>-<name>-approvals", cut to 100 characters.
   */
  approvalRuleTemplateName?: string;
  /**
   * Create and associate the approval rule template.
   * **Warning:** `false` lets pull requests merge into protected branches without any review (fails CKV2_AWS_37 and CKV_AWS_257).
   * @default true
   */
  requirePullRequestApprovals?: boolean;
  /**
   * Deny direct pushes and merges to the protected branches for the named roles, users and groups.
   * @default - no policy: who may push where is left to the principals' own policies.
   */
  branchProtection?: BranchProtectionArgs;
  /**
   * A notification rule for pull request, review and branch events.
   * @default - no notification rule.
   */
  notifications?: RepositoryNotificationArgs;
  /**
   * CodeCommit triggers on pushes, at most 10.
   * @default - no triggers.
   */
  triggers?: RepositoryTriggerArgs[];
  /**
   * EventBridge rules for pull request state changes.
   * @default - no rules.
   */
  pullRequestEvents?: PullRequestEventRuleArgs[];
  /**
   * EventBridge rules for new commits on branches.
   * @default - no rules.
   */
  commitEvents?: CommitEventRuleArgs[];
  /**
   * Roles other accounts' principals assume to pull, read or push.
   * @default - no cross-account access.
   */
  crossAccountAccess?: CrossAccountAccessArgs[];
  /**
   * Tags for the repository and the taggable resources the component creates.
   * @default - no tags.
   */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}
