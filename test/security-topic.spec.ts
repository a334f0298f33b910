import { expect } from "chai";
import { SecureTopic } from "../packages/aws-cicd/src";
import { secureTopicPolicy } from "../packages/aws-cicd/src/security/secure-topic";
import { ACCOUNT, childrenOf, findResource, recorded, settle, statementsOf, unwrap } from "./harness";

const KEY = { keyArn: "arn:aws:kms:us-east-1:123456789012:key/x" };

describe("SecureTopic", () => {
  describe("options", () => {
    it("passes the display name and tags to the topic, and subscribes each address in order", async () => {
      const topic = new SecureTopic("ops", {
        encryptionKey: KEY,
        displayName: "Ops",
        tags: { team: "ops" },
        emailSubscriptions: ["a@example.com", "b@example.com"],
      });
      await unwrap(topic.topicArn);
      await settle();
      expect(findResource("aws:sns/topic:Topic", "ops-topic").inputs).to.include({ kmsMasterKeyId: KEY.keyArn, displayName: "Ops" });
      expect(findResource("aws:sns/topic:Topic", "ops-topic").inputs.tags).to.deep.equal({ team: "ops" });
      expect(topic.subscriptions).to.have.length(2);
      for (const [i, email] of ["a@example.com", "b@example.com"].entries()) {
        expect(findResource("aws:sns/topicSubscription:TopicSubscription", `ops-email-${i}`).inputs).to.include({
          protocol: "email",
          endpoint: email,
        });
      }
      expect(
        childrenOf(findResource("aws-cicd:index:SecureTopic", "ops"))
          .map((c) => c.name)
          .sort(),
      ).to.deep.equal(["ops-email-0", "ops-email-1", "ops-policy", "ops-topic"]);
    });

    it("lets only the named services publish, and none when the list is empty", async () => {
      const some = new SecureTopic("some", { encryptionKey: KEY, publisherServices: ["events.amazonaws.com"] });
      const none = new SecureTopic("none", { encryptionKey: KEY, publisherServices: [] });
      await unwrap(some.topicArn);
      await unwrap(none.topicArn);
      await settle();
      const publish = statementsOf(findResource("aws:sns/topicPolicy:TopicPolicy", "some-policy").inputs.policy)[2];
      expect(publish.Principal).to.deep.equal({ Service: ["events.amazonaws.com"] });
      expect(publish.Condition).to.deep.equal({ StringEquals: { "aws:SourceAccount": ACCOUNT } });
      expect(statementsOf(findResource("aws:sns/topicPolicy:TopicPolicy", "none-policy").inputs.policy).map((s) => s.Sid)).to.deep.equal([
        "DenyInsecureTransport",
        "AccountManagesTopicThroughIam",
      ]);
      expect(none.subscriptions).to.deep.equal([]);
    });

    it("writes the same statements through its exported policy builder", () => {
      expect(secureTopicPolicy("topic", "owner", "111122223333", ["events.amazonaws.com"])).to.deep.equal([
        {
          sid: "DenyInsecureTransport",
          effect: "Deny",
          principals: { any: true },
          actions: ["sns:GetTopicAttributes", "sns:ListSubscriptionsByTopic", "sns:Publish", "sns:SetTopicAttributes", "sns:Subscribe"],
          resources: ["topic"],
          conditions: { Bool: { "aws:SecureTransport": "false" } },
        },
        {
          sid: "AccountManagesTopicThroughIam",
          principals: { aws: ["owner"] },
          actions: ["sns:GetTopicAttributes", "sns:ListSubscriptionsByTopic", "sns:Publish", "sns:SetTopicAttributes", "sns:Subscribe"],
          resources: ["topic"],
        },
        {
          sid: "ServicesOfThisAccountPublish",
          principals: { service: ["events.amazonaws.com"] },
          actions: ["sns:Publish"],
          resources: ["topic"],
          conditions: { StringEquals: { "aws:SourceAccount": "111122223333" } },
        },
      ]);
    });
  });

  describe("validation", () => {
    it("throws on the component, before any child, for a bad name or bad args", async () => {
      expect(() => new SecureTopic("bad", { encryptionKey: KEY, publisherServices: ["events"] })).to.throw(
        '`publisherServices` must hold AWS service principals such as "events.amazonaws.com", got "events".',
      );
      expect(() => new SecureTopic("--", { encryptionKey: KEY })).to.throw(
        '`name` (the component\'s name) must hold at least one letter or digit and no control characters, got "--"',
      );
      await settle();
      expect(recorded.filter((r) => r.type !== "aws-cicd:index:SecureTopic")).to.deep.equal([]);
    });
  });
});
