import { expect } from "chai";
import * as aws from "@pulumi/aws";
import {
  BuildProject,
  DEFAULT_BUILD_TIMEOUT_MINUTES,
  DEFAULT_BUILD_LOG_RETENTION_DAYS,
  DEFAULT_QUEUED_TIMEOUT_MINUTES,
  MANAGED_IMAGE_ARM64,
  MANAGED_IMAGE_X86_64,
} from "../../packages/aws-cicd/src/codebuild";
import { ACCOUNT, calls, childrenOf, findResource, recorded, resourcesOfType, trustStatementsOf, unwrap } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { optionalPropertiesWithoutDefault } from "../tsdoc-defaults";
import { baseStatements, deployed, KEY_ARN, PROJECT, fileReportsStatement } from "./build-project-fixtures";

describe("BuildProject", () => {
  describe("defaults", () => {
    it("documents a @default for every optional argument, the buildspec's fields included", () => {
      const files = ["codebuild/build-project-args.ts", "codebuild/buildspec-types.ts", "codebuild/environment.ts"];
      expect(optionalPropertiesWithoutDefault(files, ["ResolvedImage"])).to.deep.equal([]);
    });

    it("exports the documented defaults", () => {
      expect(MANAGED_IMAGE_X86_64).to.equal("aws/codebuild/amazonlinux-x86_64-standard:6.0");
      expect(MANAGED_IMAGE_ARM64).to.equal("aws/codebuild/amazonlinux-aarch64-standard:4.0");
      expect([DEFAULT_BUILD_TIMEOUT_MINUTES, DEFAULT_QUEUED_TIMEOUT_MINUTES, DEFAULT_BUILD_LOG_RETENTION_DAYS]).to.deep.equal([
        60, 480, 365,
      ]);
    });

    it("creates a pipeline project running buildspec.yml on the managed x86 image, encrypted, logged and not privileged", async () => {
      const { project } = await deployed(new BuildProject("build"));
      expect(project.inputs).to.deep.equal({
        name: PROJECT,
        description: "Build project build (aws-cicd)",
        serviceRole: `arn:aws:iam::${ACCOUNT}:role/build-role`,
        encryptionKey: KEY_ARN,
        source: { type: "CODEPIPELINE", buildspec: "buildspec.yml" },
        artifacts: { type: "CODEPIPELINE", encryptionDisabled: false },
        environment: {
          type: "LINUX_CONTAINER",
          image: "aws/codebuild/amazonlinux-x86_64-standard:6.0",
          computeType: "BUILD_GENERAL1_SMALL",
          imagePullCredentialsType: "CODEBUILD",
          privilegedMode: false,
        },
        logsConfig: {
          cloudwatchLogs: { status: "ENABLED", groupName: `/aws/codebuild/${PROJECT}` },
          s3Logs: { status: "DISABLED" },
        },
        cache: { type: "NO_CACHE" },
        buildTimeout: 60,
        queuedTimeout: 480,
      });
      expect(project.options.dependsOn).to.include(findResource("aws:iam/rolePolicy:RolePolicy", "build-policy").urn);
    });

    it("creates exactly the key, log group, role, policy, project, topic and alarm under the component", async () => {
      await deployed(new BuildProject("build"));
      const component = findResource("aws-cicd:index:BuildProject", "build");
      expect(
        childrenOf(component)
          .map((c) => `${c.type} ${c.name}`)
          .sort(),
      ).to.deep.equal([
        "aws-cicd:index:EncryptionKey build-key",
        "aws-cicd:index:SecureTopic build-alerts",
        "aws:cloudwatch/logGroup:LogGroup build-logs",
        "aws:cloudwatch/metricAlarm:MetricAlarm build-failed-builds",
        "aws:codebuild/project:Project build-project",
        "aws:iam/role:Role build-role",
        "aws:iam/rolePolicy:RolePolicy build-policy",
      ]);
      expect(resourcesOfType("aws:codebuild/reportGroup:ReportGroup")).to.deep.equal([]);
      expect(resourcesOfType("aws:codestarnotifications/notificationRule:NotificationRule")).to.deep.equal([]);
    });

    it("creates an encrypted log group named after the project, kept 365 days", async () => {
      const p = new BuildProject("build");
      expect(await unwrap(p.logGroupName)).to.equal(`/aws/codebuild/${PROJECT}`);
      expect(findResource("aws:cloudwatch/logGroup:LogGroup", "build-logs").inputs).to.deep.equal({
        name: `/aws/codebuild/${PROJECT}`,
        retentionInDays: 365,
        kmsKeyId: KEY_ARN,
      });
    });

    it("gives the role only log writing and the key through S3", async () => {
      const { statements } = await deployed(new BuildProject("build"));
      expect(statements).to.deep.equal([...baseStatements(), fileReportsStatement()]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("lets only CodeBuild, for this account and this exact project, assume the role", async () => {
      await deployed(new BuildProject("build"));
      expect(trustStatementsOf("build-role")).to.deep.equal([
        {
          Effect: "Allow",
          Principal: { Service: ["codebuild.amazonaws.com"] },
          Action: ["sts:AssumeRole"],
          Resource: [],
          Condition: {
            StringEquals: { "aws:SourceAccount": ACCOUNT },
            ArnLike: { "aws:SourceArn": `arn:aws:codebuild:us-east-1:${ACCOUNT}:project/${PROJECT}` },
          },
        },
      ]);
    });

    it("alarms on the project's FailedBuilds metric to a new encrypted topic", async () => {
      const p = new BuildProject("build");
      await deployed(p);
      const topicArn = `arn:aws:sns:us-east-1:${ACCOUNT}:build-alerts-topic`;
      expect(await unwrap(p.alarmTopicArn!)).to.equal(topicArn);
      expect(findResource("aws:sns/topic:Topic", "build-alerts-topic").inputs.kmsMasterKeyId).to.equal(KEY_ARN);
      expect(findResource("aws:cloudwatch/metricAlarm:MetricAlarm", "build-failed-builds").inputs).to.deep.equal({
        alarmDescription: `A build of CodeBuild project ${PROJECT} failed.`,
        namespace: "AWS/CodeBuild",
        metricName: "FailedBuilds",
        dimensions: { ProjectName: PROJECT },
        statistic: "Sum",
        period: 300,
        evaluationPeriods: 1,
        threshold: 1,
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        treatMissingData: "notBreaching",
        alarmActions: [topicArn],
      });
      expect(p.alarm).to.not.equal(undefined);
      expect(p.alarmTopic).to.not.equal(undefined);
    });

    it("exposes the outputs and children", async () => {
      const p = new BuildProject("build");
      expect(await unwrap(p.projectName)).to.equal(PROJECT);
      expect(await unwrap(p.projectArn)).to.equal(`arn:aws:codebuild:us-east-1:${ACCOUNT}:project/${PROJECT}`);
      expect(await unwrap(p.roleArn)).to.equal(`arn:aws:iam::${ACCOUNT}:role/build-role`);
      expect(await unwrap(p.roleName)).to.equal("build-role");
      expect(await unwrap(p.encryptionKey.keyArn)).to.equal(KEY_ARN);
      expect(p.reportGroups).to.deep.equal({});
      expect(p.notificationRule).to.equal(undefined);
    });

    it("honours projectName and passes tags to every taggable child", async () => {
      const key = { keyArn: "arn:aws:kms:us-east-1:123456789012:key/given" };
      await deployed(new BuildProject("build", { projectName: "my_app-build", encryptionKey: key, tags: { team: "ci" } }));
      expect(findResource("aws:codebuild/project:Project", "build-project").inputs.name).to.equal("my_app-build");
      expect(findResource("aws:cloudwatch/logGroup:LogGroup", "build-logs").inputs.name).to.equal("/aws/codebuild/my_app-build");
      expect(trustStatementsOf("build-role")[0].Condition!.ArnLike["aws:SourceArn"]).to.equal(
        `arn:aws:codebuild:us-east-1:${ACCOUNT}:project/my_app-build`,
      );
      const tagged = recorded.filter((r) => r.type.startsWith("aws:") && !r.type.includes("Policy"));
      for (const r of tagged) expect(r.inputs.tags, `${r.type} ${r.name}`).to.deep.equal({ team: "ci" });
      expect(resourcesOfType("aws-cicd:index:EncryptionKey")).to.deep.equal([]);
    });

    it("passes an explicit provider to every child and invoke", async () => {
      const provider = new aws.Provider("other", { region: "eu-west-1" });
      await deployed(new BuildProject("build", {}, { providers: { aws: provider } }));
      const children = recorded.filter((r) => r.type.startsWith("aws:"));
      expect(children.length).to.be.greaterThan(5);
      for (const r of children) expect(r.provider, `${r.type} ${r.name}`).to.match(/pulumi:providers:aws::other::/);
      const invokes = calls.filter((c) => c.token.startsWith("aws:index/get"));
      expect(invokes.length).to.be.greaterThan(0);
      for (const c of invokes) expect(c.provider, c.token).to.match(/pulumi:providers:aws::other::/);
    });
  });
});
