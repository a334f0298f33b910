import * as pulumi from "@pulumi/pulumi";
import { keyUseThroughServices } from "../../security/encryption-key";
import { PolicyStatement } from "../../security/iam";
import { NestedSecureTopic } from "../../security/secure-topic-nested";
import { ActionCommonArgs, ActionKind } from "../action-types";
import { APPROVAL_NOTIFY_ACTIONS } from "../policies";
import { checkArn } from "./shared";
import { checkEmails } from "../../internal/emails";

/** An `https://` URL, or exactly one `#{namespace.variable}` reference. */
const REVIEW_URL = /^(https:\/\/[^\s]+|#\{[A-Za-z0-9@_-]+\.[A-Za-z0-9@_-]+\})$/;

/** Longest approval message CodePipeline accepts (`CustomData`). */
export const MAX_APPROVAL_MESSAGE_LENGTH = 500;

/**
 * A manual approval: the pipeline waits until someone allowed by `Pipeline.grantApproval`
 * approves or rejects (or 7 days pass). Reviewers are told through an SNS topic.
 */
export interface ManualApprovalActionArgs extends ActionCommonArgs {
  /**
   * Existing topic CodePipeline publishes the approval request to.
   * @default - a new {@link SecureTopic} `<pipeline>-<stage>-<action>-topic`, encrypted with the pipeline's key.
   */
  topicArn?: pulumi.Input<string>;
  /**
   * Customer managed key of `topicArn`, so the pipeline role may encrypt messages through SNS.
   * @default - none: the given topic is unencrypted or uses the AWS managed key.
   */
  topicKeyArn?: pulumi.Input<string>;
  /**
   * Email addresses subscribed to the created topic (each must confirm). Not with `topicArn`.
   * @default - no subscriptions.
   */
  notifyEmails?: string[];
  /**
   * Message shown to reviewers (`CustomData`), at most 500 characters.
   * @default - none.
   */
  message?: string;
  /**
   * Link reviewers should look at (`ExternalEntityLink`): an `https://` URL, or exactly one
   * pipeline variable that holds one (`#{Preview.PLAN_SUMMARY_URL}`), resolved by CodePipeline
   * when the approval starts (variables in action configuration:
   * https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-variables.html).
   * @default - none.
   */
  reviewUrl?: string;
}

/** The `manualApproval` action kind. */
export const manualApprovalKind: ActionKind<ManualApprovalActionArgs> = {
  defaultName: () => "Approve",
  categories: ["Approval"],
  category: () => "Approval",
  inputs: { min: 0, max: 0 },
  outputs: { min: 0, max: 0 },
  declaredOutputs: () => undefined,
  producesByDefault: () => false,
  validate(a, path) {
    checkArn(path, "topicArn", a.topicArn, "sns");
    checkArn(path, "topicKeyArn", a.topicKeyArn, "kms");
    if (a.topicKeyArn !== undefined && a.topicArn === undefined) {
      throw new Error(`\`${path}.topicKeyArn\` only applies with \`topicArn\`; the created topic uses the pipeline's key.`);
    }
    if (a.notifyEmails !== undefined && a.topicArn !== undefined) {
      throw new Error(
        `\`${path}.notifyEmails\` only applies to the created topic; subscribe them to \`topicArn\` yourself, or remove \`topicArn\`.`,
      );
    }
    checkEmails(`${path}.notifyEmails`, a.notifyEmails);
    if (a.message !== undefined && a.message.length > MAX_APPROVAL_MESSAGE_LENGTH) {
      throw new Error(`\`${path}.message\` must be at most ${MAX_APPROVAL_MESSAGE_LENGTH} characters, got ${a.message.length}.`);
    }
    if (a.reviewUrl !== undefined && !REVIEW_URL.test(a.reviewUrl)) {
      throw new Error(
        `\`${path}.reviewUrl\` must be an https:// URL or one pipeline variable such as "#{Preview.PLAN_SUMMARY_URL}", got "${a.reviewUrl}".`,
      );
    }
  },
  bind(a, ctx) {
    const resources: pulumi.Resource[] = [];
    let topicArn: pulumi.Input<string>;
    let keyArn: pulumi.Input<string> | undefined;
    if (a.topicArn !== undefined) {
      topicArn = a.topicArn;
      keyArn = a.topicKeyArn;
    } else {
      const topic = new NestedSecureTopic(
        `${ctx.resourceName}-topic`,
        {
          encryptionKey: ctx.encryptionKey,
          emailSubscriptions: a.notifyEmails,
          displayName: `Approval needed: ${ctx.pipelineName} ${ctx.action.stageName}`.slice(0, 100),
        },
        { parent: ctx.parent },
        // Only the topic's ARN is used (and the topic is not exposed): a hidden child too.
        true,
      );
      resources.push(topic);
      topicArn = topic.topicArn;
      keyArn = ctx.encryptionKey.keyArn;
    }
    const statements: PolicyStatement[] = [{ sid: "NotifyApprovers", actions: [...APPROVAL_NOTIFY_ACTIONS], resources: [topicArn] }];
    if (keyArn !== undefined) statements.push(keyUseThroughServices(keyArn, ["sns"], ctx.aws, "EncryptApprovalNotifications"));
    const configuration: Record<string, pulumi.Input<string>> = { NotificationArn: topicArn };
    if (a.message !== undefined) configuration.CustomData = a.message;
    if (a.reviewUrl !== undefined) configuration.ExternalEntityLink = a.reviewUrl;
    return { declaration: { category: "Approval", owner: "AWS", provider: "Manual", version: "1", configuration }, statements, resources };
  },
};

/** A `manualApproval` action for a pipeline stage. */
export function manualApprovalAction(args: ManualApprovalActionArgs = {}): {
  /** The action's arguments. */
  manualApproval: ManualApprovalActionArgs;
} {
  return { manualApproval: args };
}
