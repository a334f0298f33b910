import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { validateComponentName } from "../internal/naming";
import type { CodeCommitSourceActionArgs } from "../pipeline/actions/codecommit-source";
import { KeyReference, keyOrNew } from "../security/encryption-key";
import { AwsContext, awsContext } from "../security/iam";
import {
  CodeCommitRepoArgs,
  CrossAccountAccessArgs,
  DEFAULT_REPOSITORY_BRANCH,
  DEFAULT_REQUIRED_APPROVALS,
  RepositoryAccess,
} from "./codecommit-repo-args";
import { createRepositoryEventRules, createRepositoryTriggers, RepositoryEventRule } from "./events";
import { createCrossAccountRole, CrossAccountAccessGrant, grantRepositoryAccess, RepositoryGrantScope, grantRoleSuffix } from "./grants";
import { createRepositoryNotifications } from "./notifications";
import { createApprovalRule, createBranchProtection } from "./protection";
import { validateCodeCommitRepoArgs, validateCrossAccountAccess } from "./validate";
import { checkedInput, checkedKey, roleNameOrArnProblem } from "../internal/arns";
import { asResourceError } from "../internal/errors";
import { interpolate } from "../internal/interpolate";
import { quietStacks } from "../internal/quiet-stacks";

/**
 * Logical names of each repository's grants (kept outside the class, whose properties the Pulumi
 * schema analyzer reads as outputs).
 */
const GRANT_NAMES = new WeakMap<object, Set<string>>();

/** What each repository's grants are made from (outside the class, for the same reason). */
const GRANT_SCOPES = new WeakMap<object, { scope: RepositoryGrantScope; tags: CodeCommitRepoArgs["tags"] }>();

function grantScopeOf(repo: CodeCommitRepo): { scope: RepositoryGrantScope; tags: CodeCommitRepoArgs["tags"] } {
  const state = GRANT_SCOPES.get(repo);
  if (state === undefined) throw new Error("This CodeCommitRepo has no grant scope: construct it with `new CodeCommitRepo(...)`.");
  return state;
}

/**
 * A CodeCommit repository that is secure with no arguments: encrypted with a customer
 * managed KMS key, retained when the stack is deleted, and with an approval rule template
 * requiring 2 approvals on pull requests into the default branch.
 *
 * Optional: a policy denying direct pushes and merges to protected branches for named
 * principals, a notification rule to an encrypted topic, push triggers, EventBridge rules
 * for pull requests and commits, least-privilege grants (`grantPull`, `grantRead`,
 * `grantPush`) and cross-account roles assumed through STS.
 *
 * `CodeCommitRepo.sourceAction` describes the first action of a `Pipeline`:
 *
 * ```ts
 * const repo = new CodeCommitRepo("app", { encryptionKey: key });
 * new Pipeline("app", {
 *   encryptionKey: key,
 *   stages: [
 *     { name: "Source", actions: [repo.sourceAction({ branch: "main" })] },
 *     { name: "Build", actions: [project.buildAction()] },
 *   ],
 * });
 * ```
 */
export class CodeCommitRepo extends pulumi.ComponentResource {
  /** The CodeCommit repository. */
  readonly repository: aws.codecommit.Repository;
  /** The key that encrypts the repository (given, or created as "<name>-key"). */
  readonly encryptionKey: KeyReference;
  /** ARN of the KMS key encrypting the repository. */
  readonly keyArn: pulumi.Output<string>;
  /** Name of the repository. */
  readonly repositoryName: pulumi.Output<string>;
  /** ARN of the repository. */
  readonly repositoryArn: pulumi.Output<string>;
  /** HTTPS clone URL. */
  readonly cloneUrlHttp: pulumi.Output<string>;
  /** SSH clone URL. */
  readonly cloneUrlSsh: pulumi.Output<string>;
  /** `codecommit::<region>://<name>`, the URL git-remote-codecommit clones with. */
  readonly cloneUrlGrc: pulumi.Output<string>;
  /** Pull request approval rule template, when approvals are required. */
  readonly approvalRuleTemplate?: aws.codecommit.ApprovalRuleTemplate;
  /** Association of the approval rule template with the repository. */
  readonly approvalRuleTemplateAssociation?: aws.codecommit.ApprovalRuleTemplateAssociation;
  /** IAM policy denying direct pushes to protected branches, when branch protection is on. */
  readonly branchProtectionPolicy?: aws.iam.Policy;
  /** Attachments of the branch protection policy to roles. */
  readonly branchProtectionRoleAttachments: aws.iam.RolePolicyAttachment[] = [];
  /** Attachments of the branch protection policy to users. */
  readonly branchProtectionUserAttachments: aws.iam.UserPolicyAttachment[] = [];
  /** Attachments of the branch protection policy to groups. */
  readonly branchProtectionGroupAttachments: aws.iam.GroupPolicyAttachment[] = [];
  /** Notification rule sending repository events to the notification topic, when notifications are on. */
  readonly notificationRule?: aws.codestarnotifications.NotificationRule;
  /**
   * The SNS topic of the notifications, when the component created it (encrypted, TLS-only; the
   * resource itself, so that every Pulumi language can use it).
   */
  readonly notificationTopic?: aws.sns.Topic;
  /** ARN of the notification topic, when notifications are on. */
  readonly notificationTopicArn?: pulumi.Output<string>;
  /**
   * The email subscriptions made on a topic given as `notifications.topicArn`. A topic the component
   * creates holds its own subscriptions, which are not exposed (empty here).
   */
  readonly notificationSubscriptions: aws.sns.TopicSubscription[] = [];
  /** Repository trigger, when triggers are given. */
  readonly trigger?: aws.codecommit.Trigger;
  /** Permissions letting CodeCommit invoke the triggers' Lambda functions. */
  readonly triggerPermissions: aws.lambda.Permission[] = [];
  /** EventBridge rules on the repository's events. */
  readonly eventRules: RepositoryEventRule[] = [];
  /** Cross-account roles, from `crossAccountAccess` and then `grantCrossAccountAccess`. */
  readonly crossAccountGrants: CrossAccountAccessGrant[] = [];
  /** Roles other accounts assume to use the repository. */
  readonly crossAccountRoles: aws.iam.Role[] = [];
  /** ARNs of `crossAccountRoles`. */
  readonly crossAccountRoleArns: pulumi.Output<string>[] = [];
  /** The branch the repository was created with (and `sourceAction` follows by default). */
  readonly defaultBranch: string;

  constructor(name: string, args: CodeCommitRepoArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super("aws-cicd:index:CodeCommitRepo", name, {}, opts);
    const stacks = quietStacks();
    try {
      asResourceError(this, () => {
        validateComponentName(name);
        validateCodeCommitRepoArgs(name, args);
      });
      const repositoryName = args.repositoryName ?? name;
      const defaultBranch = (this.defaultBranch = args.defaultBranch ?? DEFAULT_REPOSITORY_BRANCH);
      const protectedBranches = args.protectedBranches ?? [defaultBranch];
      const ctx: AwsContext = awsContext(this);

      // A key ARN given as an Output is checked when it resolves.
      this.encryptionKey = keyOrNew(name, checkedKey("encryptionKey", args.encryptionKey), this);
      this.keyArn = pulumi.output(this.encryptionKey.keyArn);
      const retainOnDelete = args.retainOnDelete ?? true;
      if (!retainOnDelete) {
        pulumi.log.warn(`Repository ${repositoryName} is deleted with the stack (\`retainOnDelete: false\`).`, this);
      }
      this.repository = new aws.codecommit.Repository(
        `${name}-repository`,
        { repositoryName, description: args.description, defaultBranch, kmsKeyId: this.keyArn, tags: args.tags },
        { parent: this, retainOnDelete },
      );
      this.repositoryName = this.repository.repositoryName;
      this.repositoryArn = this.repository.arn;
      this.cloneUrlHttp = this.repository.cloneUrlHttp;
      this.cloneUrlSsh = this.repository.cloneUrlSsh;
      this.cloneUrlGrc = interpolate`codecommit::${ctx.region}://${this.repository.repositoryName}`;
      const scope: RepositoryGrantScope = {
        name,
        repositoryName,
        repositoryArn: this.repositoryArn,
        keyArn: this.keyArn,
        ctx,
        parent: this,
      };
      GRANT_SCOPES.set(this, { scope, tags: args.tags });

      if (args.requirePullRequestApprovals ?? true) {
        const rule = createApprovalRule(
          name,
          this.repository,
          {
            repositoryName,
            branches: protectedBranches,
            approvals: args.requiredApprovals ?? DEFAULT_REQUIRED_APPROVALS,
            pool: args.approvalPoolMembers,
            templateName: args.approvalRuleTemplateName,
          },
          this,
        );
        this.approvalRuleTemplate = rule.template;
        this.approvalRuleTemplateAssociation = rule.association;
      } else {
        pulumi.log.warn(
          `Pull requests into ${protectedBranches.join(", ")} of ${repositoryName} merge without approvals (\`requirePullRequestApprovals: false\`).`,
          this,
        );
      }

      if (args.branchProtection) {
        const p = createBranchProtection(name, this.repository, repositoryName, protectedBranches, args.branchProtection, args.tags, this);
        this.branchProtectionPolicy = p.policy;
        for (const a of p.attachments) {
          if (a instanceof aws.iam.RolePolicyAttachment) this.branchProtectionRoleAttachments.push(a);
          else if (a instanceof aws.iam.UserPolicyAttachment) this.branchProtectionUserAttachments.push(a);
          else this.branchProtectionGroupAttachments.push(a);
        }
      }

      if (args.notifications) {
        const n = createRepositoryNotifications(name, this.repository, this.encryptionKey, args.notifications, args.tags, this);
        this.notificationRule = n.rule;
        this.notificationTopic = n.topic?.topic;
        this.notificationTopicArn = n.topicArn;
        this.notificationSubscriptions.push(...n.subscriptions);
      }

      if (args.triggers && args.triggers.length > 0) {
        const t = createRepositoryTriggers(name, this.repository, defaultBranch, args.triggers, ctx, this);
        this.trigger = t.trigger;
        this.triggerPermissions.push(...t.permissions);
      }

      this.eventRules.push(
        ...createRepositoryEventRules(
          name,
          this.repository,
          repositoryName,
          defaultBranch,
          args.pullRequestEvents ?? [],
          args.commitEvents ?? [],
          args.tags,
          this,
        ),
      );

      (args.crossAccountAccess ?? []).forEach((access, i) => this.addCrossAccountRole(access, `crossAccountAccess[${i}]`));

      this.registerOutputs({
        repositoryName: this.repositoryName,
        repositoryArn: this.repositoryArn,
        cloneUrlHttp: this.cloneUrlHttp,
        cloneUrlSsh: this.cloneUrlSsh,
        cloneUrlGrc: this.cloneUrlGrc,
        keyArn: this.keyArn,
        notificationTopicArn: this.notificationTopicArn,
        crossAccountRoleArns: this.crossAccountRoleArns,
      });
    } catch (e) {
      throw stacks.rethrow(e);
    } finally {
      stacks.close();
    }
  }

  /**
   * Describes a pipeline source action on this repository: plain data, no resource is created.
   * The `Pipeline` starts on pushes to the branch (EventBridge, never polling), reads the
   * repository with exactly its ARN, and uses its key through CodeCommit only.
   *
   * @param options - Action settings; the repository name, ARN and key are filled in.
   * @returns `{ codeCommitSource: { repositoryName, repositoryArn, keyArn, branch, ...options } }`,
   *   one entry of a stage's `actions`; `branch` defaults to the repository's `defaultBranch`.
   */
  sourceAction(options: CodeCommitSourceActionOptions = {}): {
    /** The CodeCommit source action. */
    codeCommitSource: CodeCommitSourceActionArgs;
  } {
    return {
      codeCommitSource: {
        repositoryName: this.repositoryName,
        repositoryArn: this.repositoryArn,
        keyArn: this.keyArn,
        ...options,
        branch: options.branch ?? this.defaultBranch,
      },
    };
  }

  /**
   * Lets `role` clone and fetch (`codecommit:GitPull`) this repository, and decrypt with its
   * key through CodeCommit only. Returns the inline policy, named "<name>-pull-<role>".
   */
  grantPull(role: aws.iam.Role | pulumi.Input<string>): aws.iam.RolePolicy {
    return this.grant("pull", role);
  }

  /** Like {@link grantPull}, plus `codecommit:GitPush`. Returns the inline policy, "<name>-push-<role>". */
  grantPush(role: aws.iam.Role | pulumi.Input<string>): aws.iam.RolePolicy {
    return this.grant("push", role);
  }

  /**
   * Like {@link grantPull}, plus the read-only CodeCommit API calls scoped to this repository
   * (browse code, commits, branches and pull requests). Returns the inline policy, "<name>-read-<role>".
   */
  grantRead(role: aws.iam.Role | pulumi.Input<string>): aws.iam.RolePolicy {
    return this.grant("read", role);
  }

  /**
   * Creates a role in this repository's account that only `access.principalArns` may assume
   * (optionally with an external id and MFA), with pull, read or push access. Named
   * "<name>-cross-account-<index>", counting on from `crossAccountAccess`.
   */
  grantCrossAccountAccess(access: CrossAccountAccessArgs): CrossAccountAccessGrant {
    asResourceError(this, () => {
      validateCrossAccountAccess("access", access);
    });
    return this.addCrossAccountRole(access, "access");
  }

  private addCrossAccountRole(access: CrossAccountAccessArgs, arg: string): CrossAccountAccessGrant {
    const { scope, tags } = grantScopeOf(this);
    const grant = createCrossAccountRole(scope, `${scope.name}-cross-account-${this.crossAccountGrants.length}`, access, tags, arg);
    this.crossAccountGrants.push(grant);
    this.crossAccountRoles.push(grant.role);
    this.crossAccountRoleArns.push(grant.roleArn);
    return grant;
  }

  private grant(access: RepositoryAccess, given: aws.iam.Role | pulumi.Input<string>): aws.iam.RolePolicy {
    // A role given by name or ARN, Output or not, is checked (an Output when it resolves): never an account.
    const role: aws.iam.Role | pulumi.Input<string> = asResourceError(this, () =>
      given instanceof aws.iam.Role ? given : checkedInput(given as pulumi.Input<string>, roleNameOrArnProblem("role")),
    );
    let grantNames = GRANT_NAMES.get(this);
    if (grantNames === undefined) GRANT_NAMES.set(this, (grantNames = new Set<string>()));
    const { scope } = grantScopeOf(this);
    const base = `${scope.name}-${access}-${grantRoleSuffix(role, grantNames.size)}`;
    let logicalName = base;
    for (let n = 2; grantNames.has(logicalName); n++) logicalName = `${base}-${n}`;
    grantNames.add(logicalName);
    return grantRepositoryAccess(scope, logicalName, role, access);
  }
}

/** Settings of {@link CodeCommitRepo.sourceAction}: every `codeCommitSource` argument except the repository's own. */
export type CodeCommitSourceActionOptions = Omit<CodeCommitSourceActionArgs, "repositoryName" | "repositoryArn" | "keyArn">;
