import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { autoNameArgs, AUTONAMED_SNS_TOPIC, validateComponentName } from "../internal/naming";
import { checkedKey, checkKeyArnArg } from "../internal/arns";
import { KeyReference } from "./encryption-key";
import { accountRootArn, awsContext, checkPolicySizeNow, PolicyStatement, sizeCheckedPolicyDocument } from "./iam";
import { SNS_OWNER_ACTIONS, SNS_PUBLISH_ACTIONS, SNS_PUBLISHER_SERVICES, SNS_TLS_GUARDED_ACTIONS } from "./policies";
import { checkArgsObject, checkTypes } from "../internal/types";
import { checkEmails } from "../internal/emails";
import { asResourceError } from "../internal/errors";
import { quietStacks } from "../internal/quiet-stacks";
import { HiddenChild } from "../internal/hidden-child";

/** Arguments of {@link SecureTopic}. */
export interface SecureTopicArgs {
  /** Key that encrypts messages at rest (its policy must let the publishers use it, as `EncryptionKey`'s does). */
  encryptionKey: KeyReference;
  /**
   * Service principals allowed to publish, each only on behalf of this account.
   * @default - {@link SNS_PUBLISHER_SERVICES}: notification rules, EventBridge, CloudWatch alarms and CodeCommit triggers.
   */
  publisherServices?: string[];
  /**
   * Email addresses subscribed to the topic (each must confirm the subscription).
   * @default - no subscriptions.
   */
  emailSubscriptions?: string[];
  /**
   * Display name of the topic.
   * @default - none.
   */
  displayName?: pulumi.Input<string>;
  /**
   * Tags of the topic.
   * @default - no tags.
   */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** The topic policy statements of a {@link SecureTopic}. Exported for tests and reviews. */
export function secureTopicPolicy(
  topicArn: pulumi.Input<string>,
  ownerArn: pulumi.Input<string>,
  accountId: pulumi.Input<string>,
  publisherServices: string[],
): PolicyStatement[] {
  const statements: PolicyStatement[] = [
    {
      sid: "DenyInsecureTransport",
      effect: "Deny",
      principals: { any: true },
      actions: [...SNS_TLS_GUARDED_ACTIONS],
      resources: [topicArn],
      conditions: { Bool: { "aws:SecureTransport": "false" } },
    },
    {
      sid: "AccountManagesTopicThroughIam",
      principals: { aws: [ownerArn] },
      actions: [...SNS_OWNER_ACTIONS],
      resources: [topicArn],
    },
  ];
  if (publisherServices.length > 0) {
    statements.push({
      sid: "ServicesOfThisAccountPublish",
      principals: { service: publisherServices },
      actions: [...SNS_PUBLISH_ACTIONS],
      resources: [topicArn],
      conditions: { StringEquals: { "aws:SourceAccount": accountId } },
    });
  }
  return statements;
}

/** Validates {@link SecureTopicArgs}; throws a plain `Error` naming the arg. */
export function validateSecureTopicArgs(args: SecureTopicArgs): void {
  checkArgsObject(args, true);
  checkTypes(args, { required: ["encryptionKey"], keys: ["encryptionKey"], stringLists: ["publisherServices", "emailSubscriptions"] });
  checkKeyArnArg("encryptionKey.keyArn", args.encryptionKey.keyArn);
  checkEmails("emailSubscriptions", args.emailSubscriptions);
  for (const service of args.publisherServices ?? []) {
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com$/.test(service)) {
      throw new Error(`\`publisherServices\` must hold AWS service principals such as "events.amazonaws.com", got "${service}".`);
    }
  }
}

/**
 * What {@link createSecureTopicChildren} creates: the policy and subscriptions are hidden children
 * when `H` is true, and the topic too, with an Output only for its ARN, when `T` is true.
 */
export interface SecureTopicChildren<H extends boolean, T extends boolean = false> {
  topic: T extends true ? HiddenChild<aws.sns.TopicArgs, "arn"> : aws.sns.Topic;
  /** ARN of the topic. */
  topicArn: pulumi.Output<string>;
  policy: H extends true ? HiddenChild<object> : aws.sns.TopicPolicy;
  subscriptions: (H extends true ? HiddenChild<object> : aws.sns.TopicSubscription)[];
}

/**
 * Checks `args` and creates the children of the SecureTopic `component`: the topic, its policy and
 * its email subscriptions. When `hidden` is true (a topic nested in a component that exposes only the
 * topic, see `NestedSecureTopic`), the policy and subscriptions are hidden children
 * (internal/hidden-child.ts): the engine receives the same registrations, and the program keeps no
 * Outputs for them (issue 12). When `hiddenTopic` is also true (a component that uses only the
 * topic's ARN), so is the topic. Each child is created on one line either way, so that its source
 * position is that line.
 */
export function createSecureTopicChildren<H extends boolean, T extends boolean = false>(
  component: pulumi.ComponentResource,
  name: string,
  args: SecureTopicArgs,
  hidden: H,
  hiddenTopic?: T,
): SecureTopicChildren<H, T> {
  asResourceError(component, () => {
    validateComponentName(name);
    validateSecureTopicArgs(args);
  });
  const ctx = awsContext(component);
  const publishers = args.publisherServices ?? [...SNS_PUBLISHER_SERVICES];
  const about = { subject: `The topic policy of SecureTopic \`${name}\``, fix: "Name fewer `publisherServices`." };
  // Stryker disable next-line StringLiteral: equivalent, the size check counts an Output as nothing, whatever its value.
  const notYet = pulumi.output("");
  checkPolicySizeNow("topicPolicy", about, secureTopicPolicy(notYet, notYet, notYet, publishers), component);
  const o = { parent: component };
  const topicArgs: aws.sns.TopicArgs = {
    ...autoNameArgs(`${name}-topic`, AUTONAMED_SNS_TOPIC),
    kmsMasterKeyId: checkedKey("encryptionKey", args.encryptionKey)!.keyArn,
    displayName: args.displayName,
    tags: args.tags,
  };
  // prettier-ignore
  const topic = hidden && hiddenTopic ? new HiddenChild(aws.sns.Topic, `${name}-topic`, topicArgs, ["arn"], o) : new aws.sns.Topic(`${name}-topic`, topicArgs, o);
  const topicArn = topic instanceof HiddenChild ? topic.output("arn") : topic.arn;
  const statements = secureTopicPolicy(topicArn, accountRootArn(ctx), ctx.accountId, publishers);
  const policy: aws.sns.TopicPolicyArgs = {
    arn: topicArn,
    policy: sizeCheckedPolicyDocument("topicPolicy", about, statements, component),
  };
  const email = (endpoint: string): aws.sns.TopicSubscriptionArgs => ({ topic: topicArn, protocol: "email", endpoint });
  const h = hidden as boolean;
  return {
    topic,
    topicArn,
    // prettier-ignore
    policy: h ? new HiddenChild(aws.sns.TopicPolicy, `${name}-policy`, policy, [], o) : new aws.sns.TopicPolicy(`${name}-policy`, policy, o),
    // prettier-ignore
    subscriptions: (args.emailSubscriptions ?? []).map((e, i) => h ? new HiddenChild(aws.sns.TopicSubscription, `${name}-email-${i}`, email(e), [], o) : new aws.sns.TopicSubscription(`${name}-email-${i}`, email(e), o)),
  } as SecureTopicChildren<H, T>;
}

/**
 * An SNS topic encrypted with a customer key, whose policy refuses any request without
 * TLS, lets the account's IAM policies manage it, and lets only the named AWS services
 * publish, on behalf of this account. Never public.
 */
export class SecureTopic extends pulumi.ComponentResource {
  /** The SNS topic. */
  readonly topic: aws.sns.Topic;
  /** Access policy of the topic. */
  readonly policy: aws.sns.TopicPolicy;
  /** Subscriptions of the topic. */
  readonly subscriptions: aws.sns.TopicSubscription[];
  /** ARN of the topic. */
  readonly topicArn: pulumi.Output<string>;

  constructor(name: string, args: SecureTopicArgs, opts?: pulumi.ComponentResourceOptions) {
    super("aws-cicd:index:SecureTopic", name, {}, opts);
    const stacks = quietStacks();
    try {
      const c = createSecureTopicChildren(this, name, args, false);
      this.topic = c.topic;
      this.policy = c.policy;
      this.subscriptions = c.subscriptions;
      this.topicArn = c.topicArn;
      this.registerOutputs({ topicArn: this.topicArn });
    } catch (e) {
      throw stacks.rethrow(e);
    } finally {
      stacks.close();
    }
  }
}
