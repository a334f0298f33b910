import { expect } from "chai";
import { BuildProject } from "../../packages/aws-cicd/src/codebuild";
import { ACCOUNT, findResource, resourcesOfType, unwrap } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { capturedWarnings, deployed, PROJECT } from "./build-project-fixtures";

const TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:team-alerts`;

describe("BuildProject", () => {
  describe("monitoring", () => {
    it("alarms to a given topic and creates no topic", async () => {
      const p = new BuildProject("build", { monitoring: { topicArn: TOPIC } });
      await deployed(p);
      expect(await unwrap(p.alarmTopicArn!)).to.equal(TOPIC);
      expect(findResource("aws:cloudwatch/metricAlarm:MetricAlarm", "build-failed-builds").inputs.alarmActions).to.deep.equal([TOPIC]);
      expect(resourcesOfType("aws:sns/topic:Topic")).to.deep.equal([]);
      expect(p.alarmTopic).to.equal(undefined);
    });

    it("creates neither alarm nor topic when the alarm is opted out and nothing else publishes, and warns", async () => {
      let created: BuildProject | undefined;
      const warnings = await capturedWarnings(() =>
        deployed((created = new BuildProject("build", { monitoring: { failedBuildsAlarm: false } }))),
      );
      const p = created!;
      expect(warnings.map((w) => [w.message, w.resource])).to.deep.equal([
        ["BuildProject build: failed builds raise no alarm (`monitoring.failedBuildsAlarm: false`).", p],
      ]);
      expect(resourcesOfType("aws:cloudwatch/metricAlarm:MetricAlarm")).to.deep.equal([]);
      expect(resourcesOfType("aws:sns/topic:Topic")).to.deep.equal([]);
      expect([p.alarm, p.alarmTopic, p.alarmTopicArn]).to.deep.equal([undefined, undefined, undefined]);
    });

    it("subscribes emails to the created topic", async () => {
      await deployed(new BuildProject("build", { monitoring: { emailSubscriptions: ["ci@example.com"] } }));
      expect(findResource("aws:sns/topicSubscription:TopicSubscription", "build-alerts-email-0").inputs).to.deep.include({
        protocol: "email",
        endpoint: "ci@example.com",
      });
    });

    it("sends the chosen build state changes to the topic with a notification rule", async () => {
      const p = new BuildProject("build", {
        monitoring: {
          failedBuildsAlarm: false,
          notificationEvents: ["codebuild-project-build-state-failed", "codebuild-project-build-state-succeeded"],
        },
      });
      await deployed(p);
      const topicArn = `arn:aws:sns:us-east-1:${ACCOUNT}:build-alerts-topic`;
      expect(findResource("aws:codestarnotifications/notificationRule:NotificationRule", "build-notifications").inputs).to.deep.equal({
        name: "aws-cicd-test-test-build-builds",
        resource: `arn:aws:codebuild:us-east-1:${ACCOUNT}:project/${PROJECT}`,
        detailType: "BASIC",
        eventTypeIds: ["codebuild-project-build-state-failed", "codebuild-project-build-state-succeeded"],
        targets: [{ address: topicArn, type: "SNS" }],
      });
      expect(resourcesOfType("aws:cloudwatch/metricAlarm:MetricAlarm")).to.deep.equal([]);
      expect(p.notificationRule).to.not.equal(undefined);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });
  });
});
