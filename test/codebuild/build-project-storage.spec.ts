import { expect } from "chai";
import { BuildProject } from "../../packages/aws-cicd/src/codebuild";
import { ACCOUNT, findResource, resourcesOfType } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { baseStatements, deployed, KEY_ARN, PROJECT, fileReportsStatement } from "./build-project-fixtures";

const OTHER_KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/bucket-key`;

describe("BuildProject", () => {
  describe("encryption and logs", () => {
    it("uses a given key for the project, the log group and the topic, and creates none", async () => {
      const key = { keyArn: OTHER_KEY };
      const { project, statements } = await deployed(new BuildProject("build", { encryptionKey: key, logRetentionInDays: 731 }));
      expect(project.inputs.encryptionKey).to.equal(OTHER_KEY);
      expect(findResource("aws:cloudwatch/logGroup:LogGroup", "build-logs").inputs).to.deep.include({
        kmsKeyId: OTHER_KEY,
        retentionInDays: 731,
      });
      expect(findResource("aws:sns/topic:Topic", "build-alerts-topic").inputs.kmsMasterKeyId).to.equal(OTHER_KEY);
      expect(statements).to.deep.equal([...baseStatements([OTHER_KEY]), fileReportsStatement()]);
      expect(resourcesOfType("aws-cicd:index:EncryptionKey")).to.deep.equal([]);
    });

    it("also writes encrypted logs to S3 under the default prefix, with put access there only", async () => {
      const { project, statements } = await deployed(new BuildProject("build", { s3Logs: { bucketName: "logs-bucket" } }));
      expect(project.inputs.logsConfig).to.deep.equal({
        cloudwatchLogs: { status: "ENABLED", groupName: `/aws/codebuild/${PROJECT}` },
        s3Logs: { status: "ENABLED", location: `logs-bucket/codebuild-logs/${PROJECT}`, encryptionDisabled: false },
      });
      expect(statements).to.deep.equal([
        ...baseStatements(),
        {
          Sid: "WriteS3Logs",
          Effect: "Allow",
          Action: ["s3:PutObject"],
          Resource: [`arn:aws:s3:::logs-bucket/codebuild-logs/${PROJECT}/*`],
        },
        {
          Sid: "LocateS3LogsBucket",
          Effect: "Allow",
          Action: ["s3:GetBucketAcl", "s3:GetBucketLocation"],
          Resource: ["arn:aws:s3:::logs-bucket"],
        },
        fileReportsStatement(),
      ]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("uses a given S3 log prefix and the bucket's own key through S3", async () => {
      const { project, statements } = await deployed(
        new BuildProject("build", { s3Logs: { bucketName: "logs-bucket", prefix: "builds/app", keyArn: OTHER_KEY } }),
      );
      expect(project.inputs.logsConfig.s3Logs.location).to.equal("logs-bucket/builds/app");
      expect(statements[1].Resource).to.deep.equal([KEY_ARN, OTHER_KEY]);
      expect(statements[2].Resource).to.deep.equal(["arn:aws:s3:::logs-bucket/builds/app/*"]);
    });
  });

  describe("cache", () => {
    it("caches locally with the given modes and no extra permission", async () => {
      const { project, statements } = await deployed(
        new BuildProject("build", {
          dockerBuilds: true,
          cache: { local: ["LOCAL_SOURCE_CACHE", "LOCAL_DOCKER_LAYER_CACHE", "LOCAL_CUSTOM_CACHE"] },
        }),
      );
      expect(project.inputs.cache).to.deep.equal({
        type: "LOCAL",
        modes: ["LOCAL_SOURCE_CACHE", "LOCAL_DOCKER_LAYER_CACHE", "LOCAL_CUSTOM_CACHE"],
      });
      expect(statements).to.deep.equal([...baseStatements(), fileReportsStatement()]);
    });

    it("caches in S3 under the default prefix, reading and writing there only", async () => {
      const { project, statements } = await deployed(new BuildProject("build", { cache: { s3: { bucketName: "cache-bucket" } } }));
      expect(project.inputs.cache).to.deep.equal({ type: "S3", location: `cache-bucket/codebuild-cache/${PROJECT}` });
      expect(statements).to.deep.equal([
        ...baseStatements(),
        {
          Sid: "ReadWriteS3Cache",
          Effect: "Allow",
          Action: ["s3:GetObject", "s3:PutObject"],
          Resource: [`arn:aws:s3:::cache-bucket/codebuild-cache/${PROJECT}/*`],
        },
        {
          Sid: "LocateS3CacheBucket",
          Effect: "Allow",
          Action: ["s3:GetBucketAcl", "s3:GetBucketLocation"],
          Resource: ["arn:aws:s3:::cache-bucket"],
        },
        fileReportsStatement(),
      ]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("caches in S3 under a given prefix", async () => {
      const { project, statements } = await deployed(
        new BuildProject("build", { cache: { s3: { bucketName: "cache-bucket", prefix: "npm" } } }),
      );
      expect(project.inputs.cache).to.deep.equal({ type: "S3", location: "cache-bucket/npm" });
      expect(statements[2].Resource).to.deep.equal(["arn:aws:s3:::cache-bucket/npm/*"]);
    });
  });
});
