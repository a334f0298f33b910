import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { autoNameArgs, AUTONAMED_EVENT_RULE } from "../internal/naming";
import { HiddenChild } from "../internal/hidden-child";
import { KeyReference } from "../security/encryption-key";
import { pipelineConsoleUrl } from "../internal/console";
import { applyString } from "../internal/interpolate";
import { jsonString } from "../security/policy-json";
import { NestedSecureTopic } from "../security/secure-topic-nested";
import { DEFAULT_NOTIFIED_EXECUTION_STATES, PipelineNotificationArgs } from "./pipeline-args";

/** EventBridge detail type of pipeline execution state changes. */
export const EXECUTION_STATE_CHANGE = "CodePipeline Pipeline Execution State Change";
/** EventBridge detail type of action execution state changes. */
export const ACTION_STATE_CHANGE = "CodePipeline Action Execution State Change";

/** The rules and topic of a pipeline's notifications. */
export interface PipelineNotifications {
  /** Created unless `topicArn` was given. */
  topic?: NestedSecureTopic;
  /** ARN of the topic notifications go to (created or given). */
  topicArn: pulumi.Input<string>;
  /** Execution FAILED. */
  failureRule: aws.cloudwatch.EventRule;
  /** The other states listed in `executionStates` (absent when none); not exposed, so registered hidden. */
  executionStateRule?: pulumi.CustomResource;
  /** A manual approval started waiting (absent without approvals or when turned off); hidden too. */
  approvalRule?: pulumi.CustomResource;
}

/** `<pipeline>` and `<region>` are filled in by EventBridge from the event. */
const consoleLink = (partition: string, page: string) => pipelineConsoleUrl(partition, "<region>", "<pipeline>", page);

/** The input transformer of execution notifications, linking the execution in the partition's console. */
export function executionNotificationInput(partition: pulumi.Input<string>): aws.types.input.cloudwatch.EventTargetInputTransformer {
  return {
    inputPaths: { pipeline: "$.detail.pipeline", executionId: "$.detail.execution-id", state: "$.detail.state", region: "$.region" },
    inputTemplate: applyString(
      partition,
      (p) => `"Pipeline <pipeline>: execution <executionId> <state>. ${consoleLink(p, "executions/<executionId>/timeline")}"`,
    ),
  };
}

/** The input transformer of approval notifications, linking the pipeline in the partition's console. */
export function approvalNotificationInput(partition: pulumi.Input<string>): aws.types.input.cloudwatch.EventTargetInputTransformer {
  return {
    inputPaths: { pipeline: "$.detail.pipeline", stage: "$.detail.stage", action: "$.detail.action", region: "$.region" },
    inputTemplate: applyString(
      partition,
      (p) => `"Pipeline <pipeline>: approval <action> in stage <stage> is waiting for a decision. ${consoleLink(p, "view")}"`,
    ),
  };
}

/** The event pattern of execution state changes of one pipeline. */
export function executionStatePattern(pipelineArn: pulumi.Input<string>, states: readonly string[]): pulumi.Output<string> {
  return jsonString({
    source: ["aws.codepipeline"],
    "detail-type": [EXECUTION_STATE_CHANGE],
    resources: [pipelineArn],
    detail: { state: [...states] },
  });
}

/** The event pattern of manual approvals of one pipeline starting to wait. */
export function approvalNeededPattern(pipelineArn: pulumi.Input<string>): pulumi.Output<string> {
  return jsonString({
    source: ["aws.codepipeline"],
    "detail-type": [ACTION_STATE_CHANGE],
    resources: [pipelineArn],
    detail: { type: { category: ["Approval"] }, state: ["STARTED"] },
  });
}

/** A rule's arguments: matching `pattern`, named after `name`. */
function ruleArgs(name: string, description: string, pattern: pulumi.Input<string>): aws.cloudwatch.EventRuleArgs {
  return { ...autoNameArgs(name, AUTONAMED_EVENT_RULE), description, eventPattern: pattern, state: "ENABLED" };
}

/** Sends what rule `ruleName` matches to the topic, as `input` renders it (a hidden child). */
function targetTopic(
  name: string,
  ruleName: pulumi.Input<string>,
  topicArn: pulumi.Input<string>,
  input: aws.types.input.cloudwatch.EventTargetInputTransformer,
  parent: pulumi.Resource,
): void {
  new HiddenChild(aws.cloudwatch.EventTarget, `${name}-target`, { rule: ruleName, arn: topicArn, inputTransformer: input }, [], { parent });
}

/** A rule that nobody outside reads, sending to the topic: hidden, like its target. */
function hiddenRuleToTopic(
  name: string,
  description: string,
  pattern: pulumi.Input<string>,
  topicArn: pulumi.Input<string>,
  input: aws.types.input.cloudwatch.EventTargetInputTransformer,
  parent: pulumi.Resource,
): pulumi.CustomResource {
  const rule = new HiddenChild(aws.cloudwatch.EventRule, name, ruleArgs(name, description, pattern), ["name"], { parent });
  targetTopic(name, rule.output("name"), topicArn, input, parent);
  return rule;
}

/** Creates the notification topic (unless given) and the EventBridge rules that feed it. */
export function createNotifications(
  name: string,
  args: PipelineNotificationArgs,
  pipelineName: string,
  pipelineArn: pulumi.Input<string>,
  hasApprovals: boolean,
  key: KeyReference,
  partition: pulumi.Input<string>,
  parent: pulumi.Resource,
): PipelineNotifications {
  const topic =
    args.topicArn === undefined
      ? new NestedSecureTopic(
          `${name}-notifications`,
          { encryptionKey: key, emailSubscriptions: args.emailSubscriptions, displayName: `Pipeline ${pipelineName}`.slice(0, 100) },
          { parent },
        )
      : undefined;
  const topicArn = args.topicArn ?? topic!.topicArn;
  // Exposed as `Pipeline.failureRule`, so a full `aws.cloudwatch.EventRule`.
  const failed = `${name}-execution-failed`;
  const failureRule = new aws.cloudwatch.EventRule(
    failed,
    ruleArgs(failed, `Notifies failed executions of pipeline ${pipelineName}.`, executionStatePattern(pipelineArn, ["FAILED"])),
    { parent },
  );
  targetTopic(failed, failureRule.name, topicArn, executionNotificationInput(partition), parent);
  const states = args.executionStates ?? DEFAULT_NOTIFIED_EXECUTION_STATES;
  const executionStateRule =
    states.length === 0
      ? undefined
      : hiddenRuleToTopic(
          `${name}-execution-state`,
          `Notifies ${states.join(", ")} executions of pipeline ${pipelineName}.`,
          executionStatePattern(pipelineArn, states),
          topicArn,
          executionNotificationInput(partition),
          parent,
        );
  const approvalRule =
    hasApprovals && args.approvalNeeded !== false
      ? hiddenRuleToTopic(
          `${name}-approval-needed`,
          `Notifies manual approvals waiting in pipeline ${pipelineName}.`,
          approvalNeededPattern(pipelineArn),
          topicArn,
          approvalNotificationInput(partition),
          parent,
        )
      : undefined;
  return { topic, topicArn, failureRule, executionStateRule, approvalRule };
}
