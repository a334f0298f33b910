// A SecureTopic inside another component that exposes only its topic (issue 12).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { quietStacks } from "../internal/quiet-stacks";
import { createSecureTopicChildren, SecureTopicArgs } from "./secure-topic";

/**
 * The same component as `SecureTopic` (its type token, name, children, inputs and outputs), for a
 * component that exposes only the topic and its ARN: the topic policy and the email subscriptions
 * are hidden children, which nothing outside can reach (see internal/hidden-child.ts). Not exported
 * from the package: a user's `SecureTopic` exposes them as their `@pulumi/aws` classes.
 */
export class NestedSecureTopic extends pulumi.ComponentResource {
  /** The SNS topic. */
  readonly topic: aws.sns.Topic;
  /** ARN of the topic. */
  readonly topicArn: pulumi.Output<string>;

  constructor(name: string, args: SecureTopicArgs, opts: pulumi.ComponentResourceOptions) {
    super("aws-cicd:index:SecureTopic", name, {}, opts);
    const stacks = quietStacks();
    try {
      this.topic = createSecureTopicChildren(this, name, args, true).topic;
      this.topicArn = this.topic.arn;
      this.registerOutputs({ topicArn: this.topicArn });
    } catch (e) {
      throw stacks.rethrow(e);
    } finally {
      stacks.close();
    }
  }
}
