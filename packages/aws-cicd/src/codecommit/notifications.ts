import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { NOTIFICATION_RULE_NAME, stackScopedName } from "../internal/naming";
import { KeyReference } from "../security/encryption-key";
import { NestedSecureTopic } from "../security/secure-topic-nested";
import { DEFAULT_REPOSITORY_NOTIFICATION_EVENT_TYPE_IDS, RepositoryNotificationArgs } from "./codecommit-repo-args";

/** The only service that publishes to a notification topic the component creates. */
export const REPOSITORY_NOTIFICATION_PUBLISHER = "codestar-notifications.amazonaws.com";

/** What {@link createRepositoryNotifications} creates. */
export interface RepositoryNotifications {
  rule: aws.codestarnotifications.NotificationRule;
  /** The topic, when the component created it. */
  topic?: NestedSecureTopic;
  topicArn: pulumi.Output<string>;
  /** Email subscriptions made on a given topic (a created topic holds its own). */
  subscriptions: aws.sns.TopicSubscription[];
}

/** Creates the notification rule on the repository, and its topic unless one is given. */
export function createRepositoryNotifications(
  name: string,
  repository: aws.codecommit.Repository,
  key: KeyReference,
  args: RepositoryNotificationArgs,
  tags: pulumi.Input<Record<string, pulumi.Input<string>>> | undefined,
  parent: pulumi.Resource,
): RepositoryNotifications {
  let topic: NestedSecureTopic | undefined;
  let subscriptions: aws.sns.TopicSubscription[] = [];
  let topicArn: pulumi.Output<string>;
  if (args.topicArn === undefined) {
    topic = new NestedSecureTopic(
      `${name}-notifications`,
      {
        encryptionKey: key,
        publisherServices: [REPOSITORY_NOTIFICATION_PUBLISHER],
        emailSubscriptions: args.emailSubscriptions,
        tags,
      },
      { parent },
    );
    topicArn = topic.topicArn;
  } else {
    topicArn = pulumi.output(args.topicArn);
    subscriptions = (args.emailSubscriptions ?? []).map(
      (email, i) =>
        new aws.sns.TopicSubscription(
          `${name}-notifications-email-${i}`,
          { topic: topicArn, protocol: "email", endpoint: email },
          { parent },
        ),
    );
  }
  const rule = new aws.codestarnotifications.NotificationRule(
    `${name}-notifications`,
    {
      name: stackScopedName(`${name}-notifications`, NOTIFICATION_RULE_NAME),
      resource: repository.arn,
      detailType: "FULL",
      eventTypeIds: args.eventTypeIds ?? [...DEFAULT_REPOSITORY_NOTIFICATION_EVENT_TYPE_IDS],
      targets: [{ address: topicArn, type: "SNS" }],
      tags,
    },
    // The topic policy must exist before the rule is created, or CodeStar cannot publish.
    { parent, dependsOn: topic ? [topic] : [] },
  );
  return { rule, topic, topicArn, subscriptions };
}
