import { expect } from "chai";
import { CodeCommitRepo, DEFAULT_REPOSITORY_TRIGGER_EVENTS } from "../../packages/aws-cicd/src/codecommit";
import { ACCOUNT, findResource, recorded, resourcesOfType, settle, unwrap } from "../harness";

const REPO_ARN = `arn:aws:codecommit:us-east-1:${ACCOUNT}:app`;
const SNS = `arn:aws:sns:us-east-1:${ACCOUNT}:builds`;
const LAMBDA = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:on-push`;
const TRIGGER = "aws:codecommit/trigger:Trigger";
const PERMISSION = "aws:lambda/permission:Permission";
const RULE = "aws:cloudwatch/eventRule:EventRule";
const TARGET = "aws:cloudwatch/eventTarget:EventTarget";

describe("CodeCommitRepo", () => {
  describe("triggers", () => {
    it("creates no trigger unless asked", async () => {
      const repo = new CodeCommitRepo("app");
      await unwrap(repo.repositoryArn);
      await settle();
      expect(resourcesOfType(TRIGGER)).to.deep.equal([]);
    });

    it("sends pushes to the default branch to SNS and Lambda, with the invoke permission the function needs", async () => {
      const repo = new CodeCommitRepo("app", {
        triggers: [
          { target: { snsTopicArn: SNS } },
          {
            target: { lambdaFunctionArn: LAMBDA },
            name: "deploy",
            branches: ["main", "release/v1"],
            events: ["all"],
            customData: "env=prod",
          },
        ],
      });
      await unwrap(repo.repositoryArn);
      await settle();
      const trigger = findResource(TRIGGER, "app-triggers");
      expect(trigger.inputs).to.deep.equal({
        repositoryName: "app",
        triggers: [
          { name: "app-trigger-0", destinationArn: SNS, branches: ["main"], events: ["createReference", "updateReference"] },
          { name: "deploy", destinationArn: LAMBDA, branches: ["main", "release/v1"], events: ["all"], customData: "env=prod" },
        ],
      });
      expect(resourcesOfType(PERMISSION).map((p) => p.name)).to.deep.equal(["app-trigger-1-invoke"]);
      const permission = findResource(PERMISSION, "app-trigger-1-invoke");
      expect(permission.inputs).to.deep.equal({
        action: "lambda:InvokeFunction",
        function: LAMBDA,
        principal: "codecommit.amazonaws.com",
        sourceArn: REPO_ARN,
        sourceAccount: ACCOUNT,
      });
      expect(trigger.options.dependsOn).to.include(permission.urn);
      expect(repo.triggerPermissions).to.have.length(1);
      expect(DEFAULT_REPOSITORY_TRIGGER_EVENTS).to.deep.equal(["createReference", "updateReference"]);
    });

    it("uses the default branch the user chose", async () => {
      const repo = new CodeCommitRepo("app", {
        defaultBranch: "trunk",
        triggers: [{ target: { snsTopicArn: SNS }, events: ["deleteReference"] }],
      });
      await unwrap(repo.repositoryArn);
      await settle();
      expect(findResource(TRIGGER, "app-triggers").inputs.triggers).to.deep.equal([
        { name: "app-trigger-0", destinationArn: SNS, branches: ["trunk"], events: ["deleteReference"] },
      ]);
    });

    it("throws for a trigger with both targets before creating any child", async () => {
      expect(() => new CodeCommitRepo("app", { triggers: [{ target: { snsTopicArn: SNS, lambdaFunctionArn: LAMBDA } }] })).to.throw(
        "`triggers[0].target` must set only one of `snsTopicArn` or `lambdaFunctionArn`, got both. Add a second entry for the other target.",
      );
      await settle();
      expect(recorded.map((r) => r.type)).to.deep.equal(["aws-cicd:index:CodeCommitRepo"]);
    });
  });

  describe("EventBridge rules", () => {
    it("routes pull request state changes to SNS, optionally only those into some branches", async () => {
      const repo = new CodeCommitRepo("app", {
        pullRequestEvents: [
          { target: { snsTopicArn: SNS } },
          { target: { snsTopicArn: SNS }, events: ["pullRequestCreated"], destinationBranches: ["main"] },
        ],
      });
      await unwrap(repo.repositoryArn);
      await settle();
      const rule = findResource(RULE, "app-pr-0");
      expect(rule.inputs.description).to.equal("Pull request state changes of CodeCommit repository app (aws-cicd).");
      expect(JSON.parse(rule.inputs.eventPattern)).to.deep.equal({
        source: ["aws.codecommit"],
        "detail-type": ["CodeCommit Pull Request State Change"],
        resources: [REPO_ARN],
        detail: {
          event: ["pullRequestCreated", "pullRequestSourceBranchUpdated", "pullRequestStatusChanged", "pullRequestMergeStatusUpdated"],
        },
      });
      expect(JSON.parse(findResource(RULE, "app-pr-1").inputs.eventPattern).detail).to.deep.equal({
        event: ["pullRequestCreated"],
        destinationReference: ["refs/heads/main"],
      });
      expect(findResource(TARGET, "app-pr-0-target").inputs).to.deep.equal({ rule: "app-pr-0", arn: SNS });
      expect(resourcesOfType(PERMISSION)).to.deep.equal([]);
      expect(repo.eventRules).to.have.length(2);
    });

    it("routes commits to the default branch to Lambda, with an invoke permission scoped to the rule", async () => {
      const repo = new CodeCommitRepo("app", {
        commitEvents: [{ target: { lambdaFunctionArn: LAMBDA } }, { target: { snsTopicArn: SNS }, branches: ["dev", "qa"] }],
      });
      await unwrap(repo.repositoryArn);
      await settle();
      const rule = findResource(RULE, "app-commits-0");
      expect(rule.inputs.description).to.equal("Commits to main of CodeCommit repository app (aws-cicd).");
      expect(JSON.parse(rule.inputs.eventPattern)).to.deep.equal({
        source: ["aws.codecommit"],
        "detail-type": ["CodeCommit Repository State Change"],
        resources: [REPO_ARN],
        detail: { event: ["referenceCreated", "referenceUpdated"], referenceType: ["branch"], referenceName: ["main"] },
      });
      const permission = findResource(PERMISSION, "app-commits-0-invoke");
      expect(permission.inputs).to.deep.equal({
        action: "lambda:InvokeFunction",
        function: LAMBDA,
        principal: "events.amazonaws.com",
        sourceArn: `arn:aws:events:us-east-1:${ACCOUNT}:rule/app-commits-0`,
      });
      const target = findResource(TARGET, "app-commits-0-target");
      expect(target.inputs).to.deep.equal({ rule: "app-commits-0", arn: LAMBDA });
      expect(target.options.dependsOn).to.include(permission.urn);
      expect(JSON.parse(findResource(RULE, "app-commits-1").inputs.eventPattern).detail.referenceName).to.deep.equal(["dev", "qa"]);
      expect(findResource(TARGET, "app-commits-1-target").inputs).to.deep.equal({ rule: "app-commits-1", arn: SNS });
    });

    it("throws for an unknown pull request event before creating any child", async () => {
      expect(
        () => new CodeCommitRepo("app", { pullRequestEvents: [{ target: { snsTopicArn: SNS }, events: ["merged" as never] }] }),
      ).to.throw(
        '`pullRequestEvents[0].events` must hold events from "pullRequestCreated", "pullRequestSourceBranchUpdated", "pullRequestStatusChanged", "pullRequestMergeStatusUpdated", got "merged".',
      );
      await settle();
      expect(recorded.map((r) => r.type)).to.deep.equal(["aws-cicd:index:CodeCommitRepo"]);
    });
  });
});
