import { expect } from "chai";
import { actionRoleArns, Pipeline, planStages } from "../../packages/aws-cicd/src/pipeline";
import { ACCOUNT, findResource, recorded, resourcesOfType, settle, statementsOf } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { build, loadedPipeline, source, test } from "./fixtures";

describe("Pipeline", () => {
  describe("cross-account action roles and the created key", () => {
    const deployer = "arn:aws:iam::210987654321:role/deployer";

    it("names exactly the roles actions run with in the created key's policy: readers decrypt, writers also encrypt, through S3 only", async () => {
      const reader = "arn:aws:iam::210987654321:role/reader";
      await loadedPipeline({
        stages: [
          { name: "Source", actions: [source()] },
          { name: "Build", actions: [build({ roleArn: deployer }), test({ roleArn: reader })] },
        ],
      });
      const keyPolicy = statementsOf(findResource("aws:kms/key:Key", "app-key-key").inputs.policy);
      const throughS3 = { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } };
      expect(keyPolicy.slice(4)).to.deep.equal([
        {
          Sid: "NamedRolesDecryptThroughS3",
          Effect: "Allow",
          Principal: { AWS: [reader] },
          Action: ["kms:Decrypt"],
          Resource: ["*"],
          Condition: throughS3,
        },
        {
          Sid: "NamedRolesEncryptThroughS3",
          Effect: "Allow",
          Principal: { AWS: [deployer] },
          Action: ["kms:Decrypt", "kms:GenerateDataKey"],
          Resource: ["*"],
          Condition: throughS3,
        },
      ]);
      const bucketPolicy = statementsOf(findResource("aws:s3/bucketPolicy:BucketPolicy", "app-artifacts-policy").inputs.policy);
      expect(bucketPolicy.slice(4).map((s) => [s.Sid, s.Principal])).to.deep.equal([
        ["ReadersGetObjects", { AWS: [deployer, reader] }],
        ["ReadersLocateBucket", { AWS: [deployer, reader] }],
        ["WritersPutObjects", { AWS: [deployer] }],
      ]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("names no role in the created key's policy when no action has its own role", async () => {
      await loadedPipeline();
      const keyPolicy = statementsOf(findResource("aws:kms/key:Key", "app-key-key").inputs.policy);
      expect(keyPolicy.map((s) => s.Sid)).to.deep.equal([
        "AccountAdministersKeyThroughIam",
        "AccountUsesKeyThroughServices",
        "CloudWatchLogsEncryptsLogGroups",
        "ServicesPublishToEncryptedTopics",
      ]);
    });

    it("lists each action role once, in the order given", () => {
      const other = "arn:aws:iam::210987654321:role/tester";
      const planned = planStages([
        { name: "Source", actions: [source()] },
        { name: "Build", actions: [build({ roleArn: deployer }), test({ roleArn: other }), build({ name: "Again", roleArn: deployer })] },
      ]);
      expect(actionRoleArns(planned.flatMap((s) => s.actions))).to.deep.equal([deployer, other]);
    });

    it("gives a key passed as encryptionKey no statement: its principalArns are the user's to set", async () => {
      const keyArn = `arn:aws:kms:us-east-1:${ACCOUNT}:key/shared`;
      await loadedPipeline({
        encryptionKey: { keyArn },
        stages: [
          { name: "Source", actions: [source()] },
          { name: "Build", actions: [build({ roleArn: deployer })] },
        ],
      });
      expect(resourcesOfType("aws-cicd:index:EncryptionKey")).to.deep.equal([]);
      expect(findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline").inputs.artifactStores[0].encryptionKey).to.deep.equal({
        id: keyArn,
        type: "KMS",
      });
    });

    it("throws for an action role that is a whole account, before creating any child", async () => {
      const root = "arn:aws:iam::210987654321:root";
      expect(
        () =>
          new Pipeline("bad", {
            stages: [
              { name: "Source", actions: [source()] },
              { name: "Build", actions: [build({ roleArn: root })] },
            ],
          }),
      ).to.throw(
        `\`stages[1].actions[0].roleArn\` must be an IAM role ARN such as "arn:aws:iam::111122223333:role/deploy", got "${root}". Name the exact role, not an account.`,
      );
      await settle();
      expect(recorded.map((r) => r.type)).to.deep.equal(["aws-cicd:index:Pipeline"]);
    });
  });
});
