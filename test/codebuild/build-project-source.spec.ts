import { expect } from "chai";
import { BuildProject } from "../../packages/aws-cicd/src/codebuild";
import { CodeCommitRepo } from "../../packages/aws-cicd/src/codecommit";
import { ACCOUNT, unwrap } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { baseStatements, deployed, KEY_ARN, PROJECT, fileReportsStatement } from "./build-project-fixtures";

const REPO = {
  repositoryArn: `arn:aws:codecommit:us-east-1:${ACCOUNT}:app`,
  cloneUrlHttp: "https://git-codecommit.us-east-1.amazonaws.com/v1/repos/app",
};
const PULL = { Sid: "PullSource", Effect: "Allow", Action: ["codecommit:GitPull"], Resource: [REPO.repositoryArn] };

describe("BuildProject", () => {
  describe("standalone CodeCommit source", () => {
    it("clones the main branch shallowly, stores no artifacts and may pull only that repository", async () => {
      const { project, statements } = await deployed(new BuildProject("build", { source: { codeCommit: { repository: REPO } } }));
      expect(project.inputs.source).to.deep.equal({
        type: "CODECOMMIT",
        location: REPO.cloneUrlHttp,
        gitCloneDepth: 1,
        buildspec: "buildspec.yml",
      });
      expect(project.inputs.sourceVersion).to.equal("refs/heads/main");
      expect(project.inputs.artifacts).to.deep.equal({ type: "NO_ARTIFACTS" });
      expect(statements).to.deep.equal([...baseStatements(), PULL, fileReportsStatement()]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("builds the given branch with the given depth and uses the repository key through CodeCommit", async () => {
      const repoKey = `arn:aws:kms:us-east-1:${ACCOUNT}:key/repo`;
      const { project, statements } = await deployed(
        new BuildProject("build", {
          source: { codeCommit: { repository: { ...REPO, keyArn: repoKey }, branch: "release/1.2", gitCloneDepth: 0 } },
        }),
      );
      expect(project.inputs.source.gitCloneDepth).to.equal(0);
      expect(project.inputs.sourceVersion).to.equal("refs/heads/release/1.2");
      expect(statements).to.deep.equal([
        ...baseStatements(),
        PULL,
        {
          Sid: "UseRepositoryKeyThroughCodeCommit",
          Effect: "Allow",
          Action: [
            "kms:Decrypt",
            "kms:DescribeKey",
            "kms:Encrypt",
            "kms:GenerateDataKey",
            "kms:GenerateDataKeyWithoutPlaintext",
            "kms:ReEncryptFrom",
            "kms:ReEncryptTo",
          ],
          Resource: [repoKey],
          Condition: { StringEquals: { "kms:ViaService": "codecommit.us-east-1.amazonaws.com" } },
        },
        fileReportsStatement(),
      ]);
    });

    it("stores artifacts in S3, encrypted, under the prefix the role may write to", async () => {
      const { project, statements } = await deployed(
        new BuildProject("build", { source: { codeCommit: { repository: REPO } }, artifacts: { s3: { bucketName: "artifacts-bucket" } } }),
      );
      expect(project.inputs.artifacts).to.deep.equal({
        type: "S3",
        location: "artifacts-bucket",
        path: `codebuild-artifacts/${PROJECT}`,
        namespaceType: "BUILD_ID",
        name: PROJECT,
        packaging: "ZIP",
        encryptionDisabled: false,
      });
      expect(statements).to.deep.equal([
        ...baseStatements([KEY_ARN]),
        {
          Sid: "WriteS3Artifacts",
          Effect: "Allow",
          Action: ["s3:PutObject"],
          Resource: [`arn:aws:s3:::artifacts-bucket/codebuild-artifacts/${PROJECT}/*`],
        },
        {
          Sid: "LocateS3ArtifactsBucket",
          Effect: "Allow",
          Action: ["s3:GetBucketAcl", "s3:GetBucketLocation"],
          Resource: ["arn:aws:s3:::artifacts-bucket"],
        },
        PULL,
        fileReportsStatement(),
      ]);
    });

    it("takes a CodeCommitRepo as the repository, with its key", async () => {
      const repo = new CodeCommitRepo("repo", { repositoryName: "app" });
      const { project, statements } = await deployed(new BuildProject("build", { source: { codeCommit: { repository: repo } } }));
      expect(project.inputs.source.location).to.equal(await unwrap(repo.cloneUrlHttp));
      expect(statements.find((s) => s.Sid === "PullSource")!.Resource).to.deep.equal([await unwrap(repo.repositoryArn)]);
      expect(statements.find((s) => s.Sid === "UseRepositoryKeyThroughCodeCommit")!.Resource).to.deep.equal([await unwrap(repo.keyArn)]);
    });
  });
});
