import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { autoNameArgs, AUTONAMED_EVENT_RULE } from "../internal/naming";
import { AwsContext } from "../security/iam";
import {
  CODECOMMIT_COMMIT_EVENTS,
  CommitEventRuleArgs,
  DEFAULT_REPOSITORY_TRIGGER_EVENTS,
  CODECOMMIT_PULL_REQUEST_EVENTS,
  PullRequestEventRuleArgs,
  RepoEventTarget,
  RepositoryTriggerArgs,
} from "./codecommit-repo-args";
import { REPO_EVENT_LAMBDA_INVOKE_ACTION } from "./policies";

/** The ARN a target names (validation guarantees exactly one is set). */
export function repoEventTargetArn(target: RepoEventTarget): pulumi.Input<string> {
  return (target.snsTopicArn ?? target.lambdaFunctionArn)!;
}

/** The repository's triggers (one resource: CodeCommit replaces a repository's triggers as a whole). */
export interface RepositoryTriggers {
  trigger: aws.codecommit.Trigger;
  /** Invoke permissions of the Lambda targets, in trigger order. */
  permissions: aws.lambda.Permission[];
}

/** Creates the repository's triggers, and the invoke permissions their Lambda targets need. */
export function createRepositoryTriggers(
  name: string,
  repository: aws.codecommit.Repository,
  defaultBranch: string,
  triggers: RepositoryTriggerArgs[],
  ctx: AwsContext,
  parent: pulumi.Resource,
): RepositoryTriggers {
  const permissions: aws.lambda.Permission[] = [];
  triggers.forEach((t, i) => {
    if (t.target.lambdaFunctionArn === undefined) return;
    permissions.push(
      new aws.lambda.Permission(
        `${name}-trigger-${i}-invoke`,
        {
          action: REPO_EVENT_LAMBDA_INVOKE_ACTION,
          function: t.target.lambdaFunctionArn,
          principal: "codecommit.amazonaws.com",
          sourceArn: repository.arn,
          sourceAccount: ctx.accountId,
        },
        { parent },
      ),
    );
  });
  const trigger = new aws.codecommit.Trigger(
    `${name}-triggers`,
    {
      repositoryName: repository.repositoryName,
      triggers: triggers.map((t, i) => ({
        name: t.name ?? `${name}-trigger-${i}`,
        destinationArn: repoEventTargetArn(t.target),
        branches: t.branches ?? [defaultBranch],
        events: t.events ?? [...DEFAULT_REPOSITORY_TRIGGER_EVENTS],
        customData: t.customData,
      })),
    },
    // CodeCommit tests the destinations when the triggers are saved.
    { parent, dependsOn: permissions },
  );
  return { trigger, permissions };
}

/** One EventBridge rule, its target and (for a Lambda target) the invoke permission. */
export interface RepositoryEventRule {
  /** The EventBridge rule. */
  rule: aws.cloudwatch.EventRule;
  /** The rule's target. */
  target: aws.cloudwatch.EventTarget;
  /** Permission letting EventBridge invoke the Lambda function (Lambda targets only). */
  permission?: aws.lambda.Permission;
}

function createEventRule(
  name: string,
  description: string,
  pattern: Record<string, unknown>,
  target: RepoEventTarget,
  tags: pulumi.Input<Record<string, pulumi.Input<string>>> | undefined,
  parent: pulumi.Resource,
): RepositoryEventRule {
  const rule = new aws.cloudwatch.EventRule(
    name,
    { ...autoNameArgs(name, AUTONAMED_EVENT_RULE), description, eventPattern: pulumi.jsonStringify(pattern), tags },
    { parent },
  );
  const permission =
    target.lambdaFunctionArn === undefined
      ? undefined
      : new aws.lambda.Permission(
          `${name}-invoke`,
          {
            action: REPO_EVENT_LAMBDA_INVOKE_ACTION,
            function: target.lambdaFunctionArn,
            principal: "events.amazonaws.com",
            sourceArn: rule.arn,
          },
          { parent },
        );
  const eventTarget = new aws.cloudwatch.EventTarget(
    `${name}-target`,
    { rule: rule.name, arn: repoEventTargetArn(target) },
    { parent, dependsOn: permission ? [permission] : [] },
  );
  return { rule, target: eventTarget, permission };
}

/** The event pattern of a pull request rule. Exported for tests and reviews. */
export function pullRequestEventPattern(repositoryArn: pulumi.Input<string>, args: PullRequestEventRuleArgs): Record<string, unknown> {
  const detail: Record<string, unknown> = { event: args.events ?? [...CODECOMMIT_PULL_REQUEST_EVENTS] };
  if (args.destinationBranches !== undefined) detail.destinationReference = args.destinationBranches.map((b) => `refs/heads/${b}`);
  return {
    source: ["aws.codecommit"],
    "detail-type": ["CodeCommit Pull Request State Change"],
    resources: [repositoryArn],
    detail,
  };
}

/** The event pattern of a commit rule. Exported for tests and reviews. */
export function commitEventPattern(repositoryArn: pulumi.Input<string>, branches: string[]): Record<string, unknown> {
  return {
    source: ["aws.codecommit"],
    "detail-type": ["CodeCommit Repository State Change"],
    resources: [repositoryArn],
    detail: { event: [...CODECOMMIT_COMMIT_EVENTS], referenceType: ["branch"], referenceName: branches },
  };
}

/** Creates the EventBridge rules for pull requests (`<name>-pr-<i>`) and commits (`<name>-commits-<i>`). */
export function createRepositoryEventRules(
  name: string,
  repository: aws.codecommit.Repository,
  repositoryName: string,
  defaultBranch: string,
  pullRequests: PullRequestEventRuleArgs[],
  commits: CommitEventRuleArgs[],
  tags: pulumi.Input<Record<string, pulumi.Input<string>>> | undefined,
  parent: pulumi.Resource,
): RepositoryEventRule[] {
  const rules = pullRequests.map((r, i) =>
    createEventRule(
      `${name}-pr-${i}`,
      `Pull request state changes of CodeCommit repository ${repositoryName} (aws-cicd).`,
      pullRequestEventPattern(repository.arn, r),
      r.target,
      tags,
      parent,
    ),
  );
  commits.forEach((r, i) => {
    const branches = r.branches ?? [defaultBranch];
    rules.push(
      createEventRule(
        `${name}-commits-${i}`,
        // EventBridge allows 512 characters of description.
        `Commits to ${branches.join(", ")} of CodeCommit repository ${repositoryName} (aws-cicd).`.slice(0, 512),
        commitEventPattern(repository.arn, branches),
        r.target,
        tags,
        parent,
      ),
    );
  });
  return rules;
}
