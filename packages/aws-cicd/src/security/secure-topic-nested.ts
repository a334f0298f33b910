// A SecureTopic inside another component that exposes only its topic, or only the topic's ARN (issue 12).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { HiddenChild } from "../internal/hidden-child";
import { quietStacks } from "../internal/quiet-stacks";
import { createSecureTopicChildren, SecureTopicArgs } from "./secure-topic";

/**
 * The same component as `SecureTopic` (its type token, name, children, inputs and outputs), for a
 * component that exposes only the topic and its ARN: the topic policy and the email subscriptions
 * are hidden children, which nothing outside can reach (see internal/hidden-child.ts). With
 * `hideTopic` true, for a component that uses only the ARN, the topic is a hidden child too. Not
 * exported from the package: a user's `SecureTopic` exposes them as their `@pulumi/aws` classes.
 */
export class NestedSecureTopic<T extends boolean = false> extends pulumi.ComponentResource {
  /** The SNS topic: a hidden child with an Output only for its ARN when `hideTopic` is true. */
  readonly topic: T extends true ? HiddenChild<aws.sns.TopicArgs, "arn"> : aws.sns.Topic;
  /** ARN of the topic. */
  readonly topicArn: pulumi.Output<string>;

  constructor(name: string, args: SecureTopicArgs, opts: pulumi.ComponentResourceOptions, hideTopic?: T) {
    super("aws-cicd:index:SecureTopic", name, {}, opts);
    const stacks = quietStacks();
    try {
      const c = createSecureTopicChildren(this, name, args, true, hideTopic);
      this.topic = c.topic;
      this.topicArn = c.topicArn;
      this.registerOutputs({ topicArn: this.topicArn });
    } catch (e) {
      throw stacks.rethrow(e);
    } finally {
      stacks.close();
    }
  }
}
