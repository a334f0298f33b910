import * as pulumi from "@pulumi/pulumi";
import {
  APPROVAL_RULE_CONTENT_VERSION,
  CODECOMMIT_NOTIFICATION_EVENT_TYPE_IDS,
  CodeCommitRepoArgs,
  CrossAccountAccessArgs,
  DEFAULT_REPOSITORY_BRANCH,
  DEFAULT_REQUIRED_APPROVALS,
  MAX_APPROVAL_POOL_MEMBERS,
  MAX_APPROVAL_RULE_CONTENT_LENGTH,
  MAX_PROTECTED_BRANCHES,
  MAX_REQUIRED_APPROVALS,
  MAX_REPOSITORY_TRIGGERS,
  CODECOMMIT_PULL_REQUEST_EVENTS,
  RepoEventTarget,
  REPOSITORY_TRIGGER_EVENTS,
} from "./codecommit-repo-args";
import { checkedInput, checkKeyArnArg, isDeferred } from "../internal/arns";
import { checkArgsObject, checkList, checkObject, checkTypes, shown } from "../internal/types";
import { crossAccountTrustStatements } from "./policies";
import { POLICY_VERSION, renderStatement } from "../security/iam";
import { checkEmails } from "../internal/emails";

const REPOSITORY_NAME = /^[A-Za-z0-9._-]{1,100}$/;
const APPROVAL_TEMPLATE_NAME = /^[A-Za-z0-9._ -]{1,100}$/;
const PARTITION = "aws[a-z-]*";
const ACCOUNT = "\\d{12}";
const IAM_NAME_PATH = "([\\w+=,.@-]+/)*[\\w+=,.@-]+";
const PRINCIPAL_ARN = new RegExp(`^arn:${PARTITION}:iam::${ACCOUNT}:(role|user)/${IAM_NAME_PATH}$`);
const ACCOUNT_ROOT_ARN = new RegExp(`^arn:${PARTITION}:iam::${ACCOUNT}:root$`);
const POOL_MEMBER = new RegExp(
  `^(arn:${PARTITION}:iam::${ACCOUNT}:(user|role)/[\\w+=,.@/*-]+|arn:${PARTITION}:sts::${ACCOUNT}:(assumed-role|federated-user)/[\\w+=,.@/*-]+|CodeCommitApprovers:${ACCOUNT}:[\\w+=,.@*-]+)$`,
);
const SNS_TOPIC_ARN = new RegExp(`^arn:${PARTITION}:sns:[a-z0-9-]+:${ACCOUNT}:[A-Za-z0-9_-]{1,256}(\\.fifo)?$`);
const LAMBDA_ARN = new RegExp(`^arn:${PARTITION}:lambda:[a-z0-9-]+:${ACCOUNT}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9$_-]{1,128})?$`);
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

const list = (values: readonly string[]) => values.map((v) => `"${v}"`).join(", ");

/** Validates a repository name; `defaulted` says it came from the component name. */
export function validateRepositoryName(value: string, defaulted: boolean): void {
  if (!REPOSITORY_NAME.test(value) || /\.git$/i.test(value)) {
    const hint = defaulted ? " The name defaults to the component name; pass `repositoryName` to choose another." : "";
    throw new Error(
      `\`repositoryName\` must be 1 to 100 letters, digits, ".", "_" or "-" and must not end in ".git", got "${value}".${hint}`,
    );
  }
}

/** Validates a Git branch name the way CodeCommit does (`arg` names the argument in messages). */
export function validateRepositoryBranchName(arg: string, value: string): void {
  const problem =
    value.length < 1 || value.length > 256
      ? "must be 1 to 256 characters long"
      : /^[0-9a-fA-F]{40}$/.test(value)
        ? "must not be 40 hexadecimal characters (that is a commit id)"
        : value === "@"
          ? 'must not be "@"'
          : /^[/.]|[/.]$/.test(value)
            ? 'must not begin or end with "/" or "."'
            : /\.\.|\/\/|@\{/.test(value)
              ? 'must not contain "..", "//" or "@{"'
              : // Git refuses control characters in ref names; the class names them on purpose.
                // eslint-disable-next-line no-control-regex
                /[\s?^*[\\~:\x00-\x1f\x7f]/.test(value)
                ? "must not contain spaces, control characters or any of ? ^ * [ \\ ~ :"
                : /\.lock$|\/\./.test(value)
                  ? 'must not end in ".lock" or have a path part starting with "."'
                  : undefined;
  if (problem) {
    throw new Error(`\`${arg}\` must hold Git branch names (without "refs/heads/"); "${value}" ${problem}.`);
  }
}

function validateBranches(arg: string, values: string[] | undefined): void {
  if (values === undefined) return;
  if (values.length === 0) throw new Error(`\`${arg}\` must name at least one branch, got an empty list. Omit it to use the default.`);
  values.forEach((b, i) => validateRepositoryBranchName(`${arg}[${i}]`, b));
}

/** Validates the approval settings and the rendered template content. */
export function validateApprovalArgs(args: CodeCommitRepoArgs, protectedBranches: string[]): void {
  const n = args.requiredApprovals;
  if (n !== undefined && (!Number.isInteger(n) || n < 1 || n > MAX_REQUIRED_APPROVALS)) {
    throw new Error(`\`requiredApprovals\` must be a whole number from 1 to ${MAX_REQUIRED_APPROVALS}, got ${n}.`);
  }
  const pool = args.approvalPoolMembers;
  if (pool !== undefined) {
    if (pool.length === 0 || pool.length > MAX_APPROVAL_POOL_MEMBERS) {
      throw new Error(
        `\`approvalPoolMembers\` must hold 1 to ${MAX_APPROVAL_POOL_MEMBERS} members, got ${pool.length}. Omit it to let anyone with access approve.`,
      );
    }
    for (const m of pool) {
      if (!POOL_MEMBER.test(m)) {
        throw new Error(
          `\`approvalPoolMembers\` entries must be IAM user or role ARNs ("arn:aws:iam::<account>:user/<name>"), assumed-role ARNs ("arn:aws:sts::<account>:assumed-role/<role>/*") or "CodeCommitApprovers:<account>:<name>", got "${m}".`,
        );
      }
    }
  }
  const t = args.approvalRuleTemplateName;
  if (t !== undefined && (!APPROVAL_TEMPLATE_NAME.test(t) || /\.git$/i.test(t))) {
    throw new Error(
      `\`approvalRuleTemplateName\` must be 1 to 100 letters, digits, spaces, ".", "_" or "-" and must not end in ".git", got "${t}".`,
    );
  }
  if (args.requirePullRequestApprovals === false) {
    for (const arg of ["requiredApprovals", "approvalPoolMembers", "approvalRuleTemplateName"] as const) {
      if (args[arg] !== undefined) {
        throw new Error(`\`${arg}\` has no effect when \`requirePullRequestApprovals\` is false; remove one of them.`);
      }
    }
    return;
  }
  const length = approvalRuleContent(protectedBranches, n ?? DEFAULT_REQUIRED_APPROVALS, pool).length;
  if (length > MAX_APPROVAL_RULE_CONTENT_LENGTH) {
    throw new Error(
      `The approval rule for \`protectedBranches\` and \`approvalPoolMembers\` is ${length} characters long; CodeCommit allows ${MAX_APPROVAL_RULE_CONTENT_LENGTH}. Name fewer branches or pool members.`,
    );
  }
}

/** The approval rule content as plain data (rendered with `pulumi.jsonStringify` by the component). */
export function approvalRuleContentObject(branches: string[], approvals: number, pool?: string[]): Record<string, unknown> {
  const statement: Record<string, unknown> = { Type: "Approvers", NumberOfApprovalsNeeded: approvals };
  if (pool !== undefined) statement.ApprovalPoolMembers = pool;
  return {
    Version: APPROVAL_RULE_CONTENT_VERSION,
    DestinationReferences: branches.map((b) => `refs/heads/${b}`),
    Statements: [statement],
  };
}

function approvalRuleContent(branches: string[], approvals: number, pool?: string[]): string {
  return JSON.stringify(approvalRuleContentObject(branches, approvals, pool));
}

/** Validates a one-of event target; ARNs given as plain strings are checked for their form. */
export function validateRepoEventTarget(arg: string, target: RepoEventTarget | undefined): void {
  const sns = target?.snsTopicArn;
  const lambda = target?.lambdaFunctionArn;
  if (sns === undefined && lambda === undefined) {
    throw new Error(`\`${arg}\` must set one of \`snsTopicArn\` or \`lambdaFunctionArn\`, got neither.`);
  }
  if (sns !== undefined && lambda !== undefined) {
    throw new Error(
      `\`${arg}\` must set only one of \`snsTopicArn\` or \`lambdaFunctionArn\`, got both. Add a second entry for the other target.`,
    );
  }
  if (typeof sns === "string" && !SNS_TOPIC_ARN.test(sns)) {
    throw new Error(`\`${arg}.snsTopicArn\` must be an SNS topic ARN ("arn:aws:sns:<region>:<account>:<name>"), got "${sns}".`);
  }
  if (typeof lambda === "string" && !LAMBDA_ARN.test(lambda)) {
    throw new Error(
      `\`${arg}.lambdaFunctionArn\` must be a Lambda function ARN ("arn:aws:lambda:<region>:<account>:function:<name>"), got "${lambda}".`,
    );
  }
}

function validateTriggers(args: CodeCommitRepoArgs): void {
  const triggers = args.triggers ?? [];
  if (triggers.length > MAX_REPOSITORY_TRIGGERS) {
    throw new Error(`\`triggers\` may hold at most ${MAX_REPOSITORY_TRIGGERS} triggers (CodeCommit quota), got ${triggers.length}.`);
  }
  const names = new Set<string>();
  triggers.forEach((t, i) => {
    const arg = `triggers[${i}]`;
    validateRepoEventTarget(`${arg}.target`, t.target);
    validateBranches(`${arg}.branches`, t.branches);
    if (t.name !== undefined) {
      if (t.name.trim() === "") throw new Error(`\`${arg}.name\` must not be empty, got "${t.name}". Omit it to use the default.`);
      if (names.has(t.name)) throw new Error(`\`${arg}.name\` must be unique among the triggers, got "${t.name}" twice.`);
      names.add(t.name);
    }
    if (t.events !== undefined) {
      if (t.events.length === 0)
        throw new Error(`\`${arg}.events\` must name at least one event, got an empty list. Omit it to use the default.`);
      for (const e of t.events) {
        if (!(REPOSITORY_TRIGGER_EVENTS as readonly string[]).includes(e)) {
          throw new Error(`\`${arg}.events\` must hold events from ${list(REPOSITORY_TRIGGER_EVENTS)}, got "${e}".`);
        }
      }
      if (t.events.includes("all") && t.events.length > 1) {
        throw new Error(`\`${arg}.events\` must be ["all"] alone or a list without "all", got ${JSON.stringify(t.events)}.`);
      }
    }
    if (t.customData !== undefined && t.customData.length > 1000) {
      throw new Error(`\`${arg}.customData\` must be at most 1,000 characters, got ${t.customData.length}.`);
    }
  });
}

function validateEventRules(args: CodeCommitRepoArgs): void {
  (args.pullRequestEvents ?? []).forEach((r, i) => {
    const arg = `pullRequestEvents[${i}]`;
    validateRepoEventTarget(`${arg}.target`, r.target);
    validateBranches(`${arg}.destinationBranches`, r.destinationBranches);
    if (r.events !== undefined) {
      if (r.events.length === 0)
        throw new Error(`\`${arg}.events\` must name at least one event, got an empty list. Omit it to use the default.`);
      for (const e of r.events) {
        if (!(CODECOMMIT_PULL_REQUEST_EVENTS as readonly string[]).includes(e)) {
          throw new Error(`\`${arg}.events\` must hold events from ${list(CODECOMMIT_PULL_REQUEST_EVENTS)}, got "${e}".`);
        }
      }
    }
  });
  (args.commitEvents ?? []).forEach((r, i) => {
    validateRepoEventTarget(`commitEvents[${i}].target`, r.target);
    validateBranches(`commitEvents[${i}].branches`, r.branches);
  });
}

function validateNotifications(args: CodeCommitRepoArgs): void {
  const n = args.notifications;
  if (n === undefined) return;
  if (typeof n.topicArn === "string" && !SNS_TOPIC_ARN.test(n.topicArn)) {
    throw new Error(`\`notifications.topicArn\` must be an SNS topic ARN ("arn:aws:sns:<region>:<account>:<name>"), got "${n.topicArn}".`);
  }
  checkEmails("notifications.emailSubscriptions", n.emailSubscriptions);
  const ids = n.eventTypeIds;
  if (ids !== undefined) {
    if (ids.length === 0)
      throw new Error("`notifications.eventTypeIds` must name at least one event type, got an empty list. Omit it to use the default.");
    for (const id of ids) {
      if (!(CODECOMMIT_NOTIFICATION_EVENT_TYPE_IDS as readonly string[]).includes(id)) {
        throw new Error(
          `\`notifications.eventTypeIds\` must hold CodeCommit event type ids such as "codecommit-repository-pull-request-created" (see CodeCommitNotificationEventTypeId), got "${id}".`,
        );
      }
    }
    if (new Set(ids).size !== ids.length) throw new Error("`notifications.eventTypeIds` must not repeat an event type.");
  }
}

function validateBranchProtection(args: CodeCommitRepoArgs): void {
  const p = args.branchProtection;
  if (p === undefined) return;
  const count = (p.roles?.length ?? 0) + (p.users?.length ?? 0) + (p.groups?.length ?? 0);
  if (count === 0) {
    throw new Error("`branchProtection` must name at least one of `roles`, `users` or `groups`, got none. Omit it to create no policy.");
  }
}

/** The problem of a trusted principal ARN of a cross-account grant, or `undefined`. */
export function trustedPrincipalArnProblem(arg: string): (value: unknown) => string | undefined {
  return (value) => {
    if (typeof value === "string" && PRINCIPAL_ARN.test(value)) return undefined;
    const v = String(value);
    const why = ACCOUNT_ROOT_ARN.test(v)
      ? " An account root trusts every principal that account's administrators allow; name the exact roles or users."
      : /^\d{12}$/.test(v)
        ? " A bare account id trusts the whole account; name the exact roles or users."
        : "";
    return `\`${arg}\` must hold IAM role or user ARNs ("arn:aws:iam::<account>:role/<name>" or "arn:aws:iam::<account>:user/<name>"), got ${shown(value)}.${why}`;
  };
}

/** Validates one trusted principal ARN of a cross-account grant (an Output is checked when it resolves). */
export function validateTrustedPrincipalArn(arg: string, value: pulumi.Input<string>): void {
  if (!isDeferred(value)) checkedInput(value, trustedPrincipalArnProblem(arg));
}

/**
 * IAM's default quota on the length of a role trust policy, in characters (whitespace not
 * counted); adjustable through Service Quotas
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html).
 */
export const MAX_TRUST_POLICY_LENGTH = 2048;

/** Throws when the trust policy of a grant whose principals are all known exceeds {@link MAX_TRUST_POLICY_LENGTH}. */
function checkTrustPolicyLength(arg: string, a: CrossAccountAccessArgs): void {
  if (!a.principalArns.every((p) => typeof p === "string")) return;
  const statements = crossAccountTrustStatements(a.principalArns, a.externalId, a.requireMfa).map(renderStatement);
  const length = JSON.stringify({ Version: POLICY_VERSION, Statement: statements }).length;
  if (length > MAX_TRUST_POLICY_LENGTH) {
    throw new Error(
      `\`${arg}.principalArns\` names ${a.principalArns.length} principals, which make a trust policy of ${length} characters; IAM's quota is ${MAX_TRUST_POLICY_LENGTH}. The quota is adjustable: ask AWS for more through Service Quotas ("Role trust policy length"), or split the principals over several \`crossAccountAccess\` entries.`,
    );
  }
}

/** Validates one cross-account grant (`arg` names it in messages, e.g. "crossAccountAccess[0]"). */
export function validateCrossAccountAccess(arg: string, a: CrossAccountAccessArgs): void {
  if (!["pull", "push", "read"].includes(a.access)) {
    throw new Error(`\`${arg}.access\` must be "pull", "read" or "push", got "${a.access}".`);
  }
  if (!Array.isArray(a.principalArns) || a.principalArns.length === 0) {
    throw new Error(`\`${arg}.principalArns\` must name at least one IAM role or user ARN, got none.`);
  }
  a.principalArns.forEach((p) => validateTrustedPrincipalArn(`${arg}.principalArns`, p));
  checkTrustPolicyLength(arg, a);
  if (a.externalId !== undefined && !EXTERNAL_ID.test(a.externalId)) {
    throw new Error(`\`${arg}.externalId\` must be 2 to 1,224 letters, digits or any of + = , . @ : / - _, got "${a.externalId}".`);
  }
}

/** Validates every argument of {@link CodeCommitRepo}; throws a plain `Error` naming the argument. */
export function validateCodeCommitRepoArgs(name: string, args: CodeCommitRepoArgs): void {
  checkArgsObject(args, false);
  checkTypes(args, {
    objects: { branchProtection: "`roles`, `users` or `groups`", notifications: "notification settings" },
    keys: ["encryptionKey"],
    booleans: ["retainOnDelete", "requirePullRequestApprovals", "branchProtection.denyPullRequestMerges"],
    numbers: ["requiredApprovals"],
    strings: ["repositoryName", "defaultBranch", "approvalRuleTemplateName"],
    lists: ["crossAccountAccess", "branchProtection.roles", "branchProtection.users", "branchProtection.groups"],
    objectLists: { triggers: "a `target`", pullRequestEvents: "a `target`", commitEvents: "a `target`" },
    stringLists: ["protectedBranches", "approvalPoolMembers", "notifications.emailSubscriptions", "notifications.eventTypeIds"],
  });
  (args.crossAccountAccess ?? []).forEach((a, i) => {
    checkObject(`crossAccountAccess[${i}]`, a ?? null, "`access` and `principalArns`");
    checkTypes(a, { booleans: ["requireMfa"], strings: ["externalId"] }, `crossAccountAccess[${i}]`);
    checkList(`crossAccountAccess[${i}].principalArns`, a.principalArns);
  });
  checkKeyArnArg("encryptionKey.keyArn", args.encryptionKey?.keyArn);
  validateRepositoryName(args.repositoryName ?? name, args.repositoryName === undefined);
  if (typeof args.description === "string" && args.description.length > 1000) {
    throw new Error(`\`description\` must be at most 1,000 characters, got ${args.description.length}.`);
  }
  if (args.defaultBranch !== undefined) validateRepositoryBranchName("defaultBranch", args.defaultBranch);
  validateBranches("protectedBranches", args.protectedBranches);
  const protectedBranches = args.protectedBranches ?? [args.defaultBranch ?? DEFAULT_REPOSITORY_BRANCH];
  if (protectedBranches.length > MAX_PROTECTED_BRANCHES) {
    throw new Error(`\`protectedBranches\` may hold at most ${MAX_PROTECTED_BRANCHES} branches, got ${protectedBranches.length}.`);
  }
  validateApprovalArgs(args, protectedBranches);
  validateBranchProtection(args);
  validateNotifications(args);
  validateTriggers(args);
  validateEventRules(args);
  (args.crossAccountAccess ?? []).forEach((a, i) => validateCrossAccountAccess(`crossAccountAccess[${i}]`, a));
}
