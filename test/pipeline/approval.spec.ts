import { expect } from "chai";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { consoleOrigin, pipelineConsoleUrl } from "../../packages/aws-cicd/src/internal/console";
import { HiddenChild } from "../../packages/aws-cicd/src/internal/hidden-child";
import { plannedStages } from "../../packages/aws-cicd/src/pipeline/pipeline-internals";
import {
  approvalNotificationInput,
  executionNotificationInput,
  manualApprovalAction,
  Pipeline,
  StageArgs,
} from "../../packages/aws-cicd/src/pipeline";
import { ACCOUNT, childrenOf, findResource, policyStatementsOf, recorded, resourcesOfType, settle, statementsOf, unwrap } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { capturedWarnings } from "../codebuild/build-project-fixtures";
import { approve, KEY_ARN, loadedPipeline, PIPELINE_ARN, source, twoStages } from "./fixtures";

const withGate = (...actions: ReturnType<typeof approve>[]): StageArgs[] => [...twoStages(), { name: "Gate", actions }];
const VIA_SNS = { StringEquals: { "kms:ViaService": ["sns.us-east-1.amazonaws.com"] } };

describe("Pipeline", () => {
  describe("manual approval", () => {
    it("creates an encrypted topic with the emails and lets the pipeline role publish to exactly it", async () => {
      const pipeline = await loadedPipeline({
        stages: withGate(
          manualApprovalAction({ notifyEmails: ["lead@example.com"], message: "Promote to prod?", reviewUrl: "https://dev.example.com" }),
        ),
      });
      const topic = findResource("aws:sns/topic:Topic", "app-Gate-Approve-topic-topic");
      expect(topic.inputs.kmsMasterKeyId).to.equal(KEY_ARN);
      expect(findResource("aws:sns/topicSubscription:TopicSubscription", "app-Gate-Approve-topic-email-0").inputs).to.deep.include({
        protocol: "email",
        endpoint: "lead@example.com",
      });
      expect(findResource("aws-cicd:index:SecureTopic", "app-Gate-Approve-topic").parent).to.equal(
        findResource("aws-cicd:index:Pipeline", "app").urn,
      );
      // Nothing exposes the topic or its children, and only the topic's ARN is read: all hidden children.
      const objects = (r: pulumi.Resource): pulumi.Resource[] => [
        ...((r as unknown as { __childResources?: Set<pulumi.Resource> }).__childResources ?? []),
      ];
      const nameOf = (r: pulumi.Resource) => (r as unknown as { __name: string }).__name;
      const secureTopic = objects(pipeline).find((c) => nameOf(c) === "app-Gate-Approve-topic")!;
      expect(objects(secureTopic).map((c) => [nameOf(c), c instanceof HiddenChild])).to.have.deep.members([
        ["app-Gate-Approve-topic-topic", true],
        ["app-Gate-Approve-topic-policy", true],
        ["app-Gate-Approve-topic-email-0", true],
      ]);
      const action = findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline").inputs.stages[2].actions[0];
      expect(action).to.deep.equal({
        name: "Approve",
        category: "Approval",
        owner: "AWS",
        provider: "Manual",
        version: "1",
        configuration: { NotificationArn: topic.state.arn, CustomData: "Promote to prod?", ExternalEntityLink: "https://dev.example.com" },
        runOrder: 1,
      });
      expect(policyStatementsOf("app-role").slice(5)).to.deep.equal([
        { Sid: "NotifyApprovers", Effect: "Allow", Action: ["sns:Publish"], Resource: [topic.state.arn] },
        {
          Sid: "EncryptApprovalNotifications",
          Effect: "Allow",
          Action: ["kms:Decrypt", "kms:GenerateDataKey"],
          Resource: [KEY_ARN],
          Condition: VIA_SNS,
        },
      ]);
    });

    it("publishes to a given topic and its key without creating one", async () => {
      const topicArn = `arn:aws:sns:us-east-1:${ACCOUNT}:approvals`;
      const topicKeyArn = `arn:aws:kms:us-east-1:${ACCOUNT}:key/topics`;
      await loadedPipeline({ stages: withGate(approve({ topicArn, topicKeyArn })) });
      expect(resourcesOfType("aws-cicd:index:SecureTopic").map((t) => t.name)).to.deep.equal(["app-notifications"]);
      expect(policyStatementsOf("app-role").slice(5)).to.deep.equal([
        { Sid: "NotifyApprovers", Effect: "Allow", Action: ["sns:Publish"], Resource: [topicArn] },
        {
          Sid: "EncryptApprovalNotifications",
          Effect: "Allow",
          Action: ["kms:Decrypt", "kms:GenerateDataKey"],
          Resource: [topicKeyArn],
          Condition: VIA_SNS,
        },
      ]);
    });

    it("grants approval on exactly one action, plus reading the pipeline state for the token", async () => {
      const p = await loadedPipeline({ stages: withGate(approve(), approve({ name: "Security" })) });
      const role = new aws.iam.Role("approver", { assumeRolePolicy: "{}" });
      const grant = p.grantApproval(role, "Gate", "Security");
      await unwrap(grant.policy);
      await settle();
      const recordedGrant = findResource("aws:iam/rolePolicy:RolePolicy", "app-Gate-approvers");
      expect(recordedGrant.parent).to.equal(findResource("aws-cicd:index:Pipeline", "app").urn);
      expect(recordedGrant.inputs.role).to.equal("approver");
      expect(statementsOf(recordedGrant.inputs.policy)).to.deep.equal([
        {
          Sid: "ApproveOrReject",
          Effect: "Allow",
          Action: ["codepipeline:PutApprovalResult"],
          Resource: [`${PIPELINE_ARN}/Gate/Security`],
        },
        { Sid: "ReadApprovalToken", Effect: "Allow", Action: ["codepipeline:GetPipelineState"], Resource: [PIPELINE_ARN] },
      ]);
    });

    it("grants every approval of a stage to a role given by ARN", async () => {
      const p = await loadedPipeline({ stages: withGate(approve(), approve({ name: "Security" })) });
      p.grantApproval("arn:aws:iam::123456789012:role/leads", "Gate");
      p.grantApproval("qa", "Gate", "Approve");
      await settle();
      expect(findResource("aws:iam/rolePolicy:RolePolicy", "app-Gate-approvers").inputs.role).to.equal("leads");
      expect(statementsOf(findResource("aws:iam/rolePolicy:RolePolicy", "app-Gate-approvers").inputs.policy)[0].Resource).to.deep.equal([
        `${PIPELINE_ARN}/Gate/Approve`,
        `${PIPELINE_ARN}/Gate/Security`,
      ]);
      expect(findResource("aws:iam/rolePolicy:RolePolicy", "app-Gate-approvers-2").inputs.role).to.equal("qa");
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("throws for an unknown stage, listing the stages, and registers nothing", async () => {
      const p = await loadedPipeline({ stages: withGate(approve()) });
      const before = recorded.length;
      expect(() => p.grantApproval("qa", "Prod")).to.throw(
        'The pipeline has no stage named "Prod". Available stages: Source, Build, Gate.',
      );
      await settle();
      expect(recorded.length).to.equal(before);
    });
  });

  describe("notifications", () => {
    it("sends failures, other states and pending approvals to an encrypted topic", async () => {
      const p = await loadedPipeline({ stages: withGate(approve()), notifications: { emailSubscriptions: ["team@example.com"] } });
      const topic = findResource("aws:sns/topic:Topic", "app-notifications-topic");
      expect(topic.inputs.kmsMasterKeyId).to.equal(KEY_ARN);
      expect(await unwrap(p.notificationTopicArn!)).to.equal(topic.state.arn);
      expect(findResource("aws:sns/topicSubscription:TopicSubscription", "app-notifications-email-0").inputs.endpoint).to.equal(
        "team@example.com",
      );
      const pattern = (name: string) => JSON.parse(findResource("aws:cloudwatch/eventRule:EventRule", name).inputs.eventPattern);
      const execution = (states: string[]) => ({
        source: ["aws.codepipeline"],
        "detail-type": ["CodePipeline Pipeline Execution State Change"],
        resources: [PIPELINE_ARN],
        detail: { state: states },
      });
      expect(pattern("app-execution-failed")).to.deep.equal(execution(["FAILED"]));
      expect(pattern("app-execution-state")).to.deep.equal(execution(["SUCCEEDED", "SUPERSEDED"]));
      expect(pattern("app-approval-needed")).to.deep.equal({
        source: ["aws.codepipeline"],
        "detail-type": ["CodePipeline Action Execution State Change"],
        resources: [PIPELINE_ARN],
        detail: { type: { category: ["Approval"] }, state: ["STARTED"] },
      });
      for (const rule of ["app-execution-failed", "app-execution-state", "app-approval-needed"]) {
        const target = findResource("aws:cloudwatch/eventTarget:EventTarget", `${rule}-target`);
        expect(target.inputs.arn, rule).to.equal(topic.state.arn);
        expect(target.inputs.rule, rule).to.equal(findResource("aws:cloudwatch/eventRule:EventRule", rule).state.name);
        expect(JSON.parse(target.inputs.inputTransformer.inputTemplate), rule).to.be.a("string");
      }
      expect(findResource("aws:cloudwatch/eventTarget:EventTarget", "app-execution-failed-target").inputs.inputTransformer).to.deep.equal({
        inputPaths: { pipeline: "$.detail.pipeline", executionId: "$.detail.execution-id", state: "$.detail.state", region: "$.region" },
        inputTemplate:
          '"Pipeline <pipeline>: execution <executionId> <state>. https://<region>.console.aws.amazon.com/codesuite/codepipeline/pipelines/<pipeline>/executions/<executionId>/timeline?region=<region>"',
      });
      expect(p.failureRule).to.not.equal(undefined);
    });

    it("uses a given topic and chosen states, and skips the approval rule without approvals", async () => {
      const topicArn = `arn:aws:sns:us-east-1:${ACCOUNT}:ops`;
      await loadedPipeline({ notifications: { topicArn, executionStates: ["STARTED"] } });
      expect(resourcesOfType("aws-cicd:index:SecureTopic")).to.deep.equal([]);
      expect(
        resourcesOfType("aws:cloudwatch/eventRule:EventRule")
          .map((r) => r.name)
          .sort(),
      ).to.deep.equal(["app-Source-Source-trigger", "app-execution-failed", "app-execution-state"]);
      expect(
        JSON.parse(findResource("aws:cloudwatch/eventRule:EventRule", "app-execution-state").inputs.eventPattern).detail,
      ).to.deep.equal({ state: ["STARTED"] });
      expect(findResource("aws:cloudwatch/eventTarget:EventTarget", "app-execution-failed-target").inputs.arn).to.equal(topicArn);
    });

    it("links the execution in the console of the provider's partition", async () => {
      const china = await unwrap(executionNotificationInput("aws-cn").inputTemplate as pulumi.Output<string>);
      expect(china).to.equal(
        '"Pipeline <pipeline>: execution <executionId> <state>. https://console.amazonaws.cn/codesuite/codepipeline/pipelines/<pipeline>/executions/<executionId>/timeline?region=<region>"',
      );
      const gov = await unwrap(approvalNotificationInput("aws-us-gov").inputTemplate as pulumi.Output<string>);
      expect(gov).to.equal(
        '"Pipeline <pipeline>: approval <action> in stage <stage> is waiting for a decision. https://console.amazonaws-us-gov.com/codesuite/codepipeline/pipelines/<pipeline>/view?region=<region>"',
      );
    });

    it("links the console of the provider's partition", () => {
      expect(pipelineConsoleUrl("aws", "eu-west-1", "release", "view")).to.equal(
        "https://eu-west-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/release/view?region=eu-west-1",
      );
      expect(pipelineConsoleUrl("aws-cn", "cn-north-1", "release", "view")).to.equal(
        "https://console.amazonaws.cn/codesuite/codepipeline/pipelines/release/view?region=cn-north-1",
      );
      expect(pipelineConsoleUrl("aws-us-gov", "us-gov-west-1", "release", "view")).to.equal(
        "https://console.amazonaws-us-gov.com/codesuite/codepipeline/pipelines/release/view?region=us-gov-west-1",
      );
      expect(consoleOrigin("aws-iso", "us-iso-east-1")).to.equal("https://us-iso-east-1.console.aws.amazon.com");
    });

    it("creates no topic or rule when turned off, and warns", async () => {
      let p: Pipeline | undefined;
      const warnings = await capturedWarnings(async () => {
        p = await loadedPipeline({ stages: withGate(approve()), notifications: { enabled: false } });
      });
      expect(warnings.map((w) => [w.message, w.resource])).to.deep.equal([
        [
          "Pipeline app: failures and pending approvals are not notified (`notifications.enabled: false`); someone must watch the console.",
          p,
        ],
      ]);
      const component = findResource("aws-cicd:index:Pipeline", "app");
      expect(
        childrenOf(component).filter(
          (c) => c.name.startsWith("app-execution") || c.name.startsWith("app-approval") || c.name === "app-notifications",
        ),
      ).to.deep.equal([]);
      expect(p!.notificationTopic).to.equal(undefined);
      expect(p!.failureRule).to.equal(undefined);
    });
  });

  describe("sugar", () => {
    it("accepts the action builders as stage actions", async () => {
      const p = new Pipeline("sugar", {
        stages: [
          { name: "Source", actions: [source()] },
          { name: "Gate", actions: [manualApprovalAction()] },
        ],
      });
      expect(plannedStages(p)[1].actions[0]).to.deep.include({
        kind: "manualApproval",
        name: "Approve",
        category: "Approval",
        inputs: [],
        outputs: [],
      });
      await unwrap(p.consoleUrl);
      await settle();
    });
  });
});
