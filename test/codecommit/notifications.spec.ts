import { expect } from "chai";
import {
  CODECOMMIT_NOTIFICATION_EVENT_TYPE_IDS,
  CodeCommitRepo,
  DEFAULT_REPOSITORY_NOTIFICATION_EVENT_TYPE_IDS,
} from "../../packages/aws-cicd/src/codecommit";
import { ACCOUNT, findResource, resourcesOfType, settle, statementsOf, unwrap } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";

const RULE = "aws:codestarnotifications/notificationRule:NotificationRule";
const REPO_ARN = `arn:aws:codecommit:us-east-1:${ACCOUNT}:app`;
const TOPIC_ARN = `arn:aws:sns:us-east-1:${ACCOUNT}:app-notifications-topic`;

describe("CodeCommitRepo", () => {
  describe("notifications", () => {
    it("creates no notification rule unless asked", async () => {
      const repo = new CodeCommitRepo("app");
      await unwrap(repo.repositoryArn);
      await settle();
      expect(resourcesOfType(RULE)).to.deep.equal([]);
    });

    it("notifies the default events to a new encrypted topic that only this account's notification service may publish to", async () => {
      const repo = new CodeCommitRepo("app", { notifications: { emailSubscriptions: ["team@example.com"] } });
      expect(await unwrap(repo.notificationTopicArn!)).to.equal(TOPIC_ARN);
      await settle();
      expect(await unwrap(repo.notificationTopic!.arn)).to.equal(TOPIC_ARN);
      const rule = findResource(RULE, "app-notifications");
      expect(rule.inputs).to.deep.equal({
        name: "aws-cicd-test-test-app-notifications",
        resource: REPO_ARN,
        detailType: "FULL",
        eventTypeIds: [
          "codecommit-repository-pull-request-created",
          "codecommit-repository-pull-request-merged",
          "codecommit-repository-comments-on-pull-requests",
          "codecommit-repository-approvals-status-changed",
          "codecommit-repository-approvals-rule-override",
          "codecommit-repository-branches-and-tags-created",
          "codecommit-repository-branches-and-tags-deleted",
        ],
        targets: [{ address: TOPIC_ARN, type: "SNS" }],
      });
      expect(rule.options.dependsOn).to.include(findResource("aws:sns/topicPolicy:TopicPolicy", "app-notifications-policy").urn);
      expect(findResource("aws:sns/topic:Topic", "app-notifications-topic").inputs.kmsMasterKeyId).to.equal(
        `arn:aws:kms:us-east-1:${ACCOUNT}:key/app-key-key-id`,
      );
      const statements = statementsOf(findResource("aws:sns/topicPolicy:TopicPolicy", "app-notifications-policy").inputs.policy);
      expect(statements.map((s) => s.Sid)).to.deep.equal([
        "DenyInsecureTransport",
        "AccountManagesTopicThroughIam",
        "ServicesOfThisAccountPublish",
      ]);
      expect(statements[2]).to.deep.equal({
        Sid: "ServicesOfThisAccountPublish",
        Effect: "Allow",
        Principal: { Service: ["codestar-notifications.amazonaws.com"] },
        Action: ["sns:Publish"],
        Resource: [TOPIC_ARN],
        Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
      });
      expect(findResource("aws:sns/topicSubscription:TopicSubscription", "app-notifications-email-0").inputs).to.deep.equal({
        topic: TOPIC_ARN,
        protocol: "email",
        endpoint: "team@example.com",
      });
      // The created topic holds that subscription; the repository lists only those made on a given topic.
      expect(repo.notificationSubscriptions).to.deep.equal([]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("sends the chosen events to a given topic and subscribes emails to it", async () => {
      const topicArn = `arn:aws:sns:us-east-1:${ACCOUNT}:shared`;
      const repo = new CodeCommitRepo("app", {
        notifications: {
          topicArn,
          emailSubscriptions: ["a@example.com"],
          eventTypeIds: ["codecommit-repository-branches-and-tags-updated"],
        },
      });
      expect(await unwrap(repo.notificationTopicArn!)).to.equal(topicArn);
      await settle();
      expect(repo.notificationTopic).to.equal(undefined);
      expect(resourcesOfType("aws-cicd:index:SecureTopic")).to.deep.equal([]);
      const rule = findResource(RULE, "app-notifications");
      expect(rule.inputs.eventTypeIds).to.deep.equal(["codecommit-repository-branches-and-tags-updated"]);
      expect(rule.inputs.targets).to.deep.equal([{ address: topicArn, type: "SNS" }]);
      expect(findResource("aws:sns/topicSubscription:TopicSubscription", "app-notifications-email-0").inputs).to.deep.equal({
        topic: topicArn,
        protocol: "email",
        endpoint: "a@example.com",
      });
      expect(repo.notificationSubscriptions).to.have.length(1);
    });

    it("lists every CodeCommit event type id and defaults to a subset of them", () => {
      expect(CODECOMMIT_NOTIFICATION_EVENT_TYPE_IDS).to.have.length(11);
      for (const id of DEFAULT_REPOSITORY_NOTIFICATION_EVENT_TYPE_IDS) expect(CODECOMMIT_NOTIFICATION_EVENT_TYPE_IDS).to.include(id);
    });
  });
});
