import { expect } from "chai";
import * as aws from "@pulumi/aws";
import { Pipeline } from "../../packages/aws-cicd/src/pipeline";
import { plannedStages } from "../../packages/aws-cicd/src/pipeline/pipeline-internals";
import { ACCOUNT, calls, childrenOf, descendantsOf, findResource, policyStatementsOf, recorded, resourcesOfType, settle, statementsOf, trustStatementsOf, unwrap } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { optionalPropertiesWithoutDefault } from "../tsdoc-defaults";
import { BUCKET_ARN, build, KEY_ARN, loadedPipeline, PIPELINE_ARN, PIPELINE_NAME, PROJECT_ARN, REPO_ARN, source, test } from "./fixtures";
import { CODECOMMIT_KEY_USE } from "./beanstalk-fixtures";

const VIA_S3 = { StringEquals: { "kms:ViaService": ["s3.us-east-1.amazonaws.com"] } };
/** The only finding the IAM check reports: the TLS guard of the artifact bucket policy (see SecureBucket). */

const ARTIFACT_STATEMENTS = [
  { Sid: "ReadWriteArtifacts", Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"], Resource: [`${BUCKET_ARN}/*`] },
  { Sid: "InspectArtifactBucket", Effect: "Allow", Action: ["s3:GetBucketLocation", "s3:GetBucketVersioning"], Resource: [BUCKET_ARN] },
  { Sid: "UseArtifactKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: [KEY_ARN], Condition: VIA_S3 },
];
const SOURCE_STATEMENT = {
  Sid: "ReadSourceRepository",
  Effect: "Allow",
  Action: ["codecommit:CancelUploadArchive", "codecommit:GetBranch", "codecommit:GetCommit", "codecommit:GetUploadArchiveStatus", "codecommit:UploadArchive"],
  Resource: [REPO_ARN],
};
const BUILD_STATEMENT = { Sid: "RunBuild", Effect: "Allow", Action: ["codebuild:BatchGetBuilds", "codebuild:StartBuild"], Resource: [PROJECT_ARN] };

describe("Pipeline", () => {
  describe("default two-stage pipeline", () => {
    it("creates exactly its children", async () => {
      await loadedPipeline();
      const component = findResource("aws-cicd:index:Pipeline", "app");
      expect(childrenOf(component).map((c) => `${c.type} ${c.name}`).sort()).to.deep.equal([
        "aws-cicd:index:EncryptionKey app-key",
        "aws-cicd:index:SecureBucket app-artifacts",
        "aws-cicd:index:SecureTopic app-notifications",
        "aws:cloudwatch/eventRule:EventRule app-Source-Source-trigger",
        "aws:cloudwatch/eventRule:EventRule app-execution-failed",
        "aws:cloudwatch/eventRule:EventRule app-execution-state",
        "aws:cloudwatch/eventTarget:EventTarget app-Source-Source-trigger-target",
        "aws:cloudwatch/eventTarget:EventTarget app-execution-failed-target",
        "aws:cloudwatch/eventTarget:EventTarget app-execution-state-target",
        "aws:codepipeline/pipeline:Pipeline app-pipeline",
        "aws:iam/role:Role app-Source-Source-trigger-role",
        "aws:iam/role:Role app-role",
        "aws:iam/rolePolicy:RolePolicy app-Source-Source-trigger-policy",
        "aws:iam/rolePolicy:RolePolicy app-role-policy",
      ]);
    });

    it("declares a V2 pipeline with a KMS-encrypted artifact store, an event-started source and a build", async () => {
      const p = await loadedPipeline();
      const pipeline = findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline");
      expect(pipeline.inputs).to.deep.equal({
        name: PIPELINE_NAME,
        pipelineType: "V2",
        executionMode: "SUPERSEDED",
        roleArn: `arn:aws:iam::${ACCOUNT}:role/aws-cicd-test-test-app-pipeline`,
        artifactStores: [{ location: "app-artifacts-bucket", type: "S3", encryptionKey: { id: KEY_ARN, type: "KMS" } }],
        stages: [
          {
            name: "Source",
            actions: [
              {
                name: "Source",
                category: "Source",
                owner: "AWS",
                provider: "CodeCommit",
                version: "1",
                configuration: { RepositoryName: "app", BranchName: "main", PollForSourceChanges: "false", OutputArtifactFormat: "CODE_ZIP" },
                runOrder: 1,
                outputArtifacts: ["SourceOutput"],
              },
            ],
          },
          {
            name: "Build",
            actions: [
              {
                name: "Build",
                category: "Build",
                owner: "AWS",
                provider: "CodeBuild",
                version: "1",
                configuration: { ProjectName: "build" },
                runOrder: 1,
                inputArtifacts: ["SourceOutput"],
                outputArtifacts: ["BuildOutput"],
              },
            ],
          },
        ],
      });
      expect(pipeline.options.dependsOn).to.include(findResource("aws:iam/rolePolicy:RolePolicy", "app-role-policy").urn);
      expect(pipeline.options.dependsOn).to.include(findResource("aws:s3/bucketPolicy:BucketPolicy", "app-artifacts-policy").urn);
      expect(await unwrap(p.pipelineName)).to.equal(PIPELINE_NAME);
      expect(await unwrap(p.pipelineArn)).to.equal(PIPELINE_ARN);
      expect(await unwrap(p.roleArn)).to.equal(`arn:aws:iam::${ACCOUNT}:role/aws-cicd-test-test-app-pipeline`);
      expect(await unwrap(p.artifactBucketName)).to.equal("app-artifacts-bucket");
      expect(await unwrap(p.consoleUrl)).to.equal(`https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/${PIPELINE_NAME}/view?region=us-east-1`);
      expect(p.artifactBucket).to.not.equal(undefined);
      expect(plannedStages(p).map((s) => s.name)).to.deep.equal(["Source", "Build"]);
    });

    it("lets only CodePipeline, for this pipeline in this account, assume a role with exact statements", async () => {
      await loadedPipeline();
      const role = findResource("aws:iam/role:Role", "app-role");
      expect(role.inputs.name).to.equal("aws-cicd-test-test-app-pipeline");
      expect(trustStatementsOf(role)).to.deep.equal([
        {
          Effect: "Allow",
          Principal: { Service: ["codepipeline.amazonaws.com"] },
          Action: ["sts:AssumeRole"],
          Resource: [],
          Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT }, ArnLike: { "aws:SourceArn": PIPELINE_ARN } },
        },
      ]);
      expect(policyStatementsOf(role)).to.deep.equal([...ARTIFACT_STATEMENTS, SOURCE_STATEMENT, BUILD_STATEMENT]);
    });

    it("starts on pushes to main through a rule whose role may only start this pipeline", async () => {
      await loadedPipeline();
      const rule = findResource("aws:cloudwatch/eventRule:EventRule", "app-Source-Source-trigger");
      expect(JSON.parse(rule.inputs.eventPattern)).to.deep.equal({
        source: ["aws.codecommit"],
        "detail-type": ["CodeCommit Repository State Change"],
        resources: [REPO_ARN],
        detail: { event: ["referenceCreated", "referenceUpdated"], referenceType: ["branch"], referenceName: ["main"] },
      });
      expect(rule.inputs.state).to.equal("ENABLED");
      const role = findResource("aws:iam/role:Role", "app-Source-Source-trigger-role");
      expect(trustStatementsOf(role)).to.deep.equal([
        {
          Effect: "Allow",
          Principal: { Service: ["events.amazonaws.com"] },
          Action: ["sts:AssumeRole"],
          Resource: [],
          Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT }, ArnLike: { "aws:SourceArn": rule.state.arn } },
        },
      ]);
      expect(policyStatementsOf(role)).to.deep.equal([
        { Sid: "StartThisPipeline", Effect: "Allow", Action: ["codepipeline:StartPipelineExecution"], Resource: [PIPELINE_ARN] },
      ]);
      expect(findResource("aws:cloudwatch/eventTarget:EventTarget", "app-Source-Source-trigger-target").inputs).to.deep.equal({
        rule: rule.state.name,
        arn: PIPELINE_ARN,
        roleArn: role.state.arn,
      });
    });

    it("creates a retained secure artifact bucket under the pipeline's key", async () => {
      await loadedPipeline();
      expect(findResource("aws:s3/bucket:Bucket", "app-artifacts-bucket").options.retainOnDelete).to.equal(true);
      expect(findResource("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "app-artifacts-encryption").inputs.rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId).to.equal(KEY_ARN);
      expect(statementsOf(findResource("aws:s3/bucketPolicy:BucketPolicy", "app-artifacts-policy").inputs.policy).map((s) => s.Sid)).to.deep.equal([
        "DenyInsecureTransport",
        "DenyUploadsWithOtherEncryption",
        "DenyUploadsWithAwsManagedKey",
        "DenyUploadsWithOtherKeys",
      ]);
    });

    it("passes the IAM check (the bucket's TLS guard aside)", async () => {
      await loadedPipeline();
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });
  });

  describe("actions and grants", () => {
    it("grants the CodeBuild project's role the artifacts and key it needs", async () => {
      await loadedPipeline({ stages: [{ name: "Source", actions: [source()] }, { name: "Build", actions: [build({ projectRoleName: "build-role" })] }] });
      const grant = findResource("aws:iam/rolePolicy:RolePolicy", "app-Build-Build-project-access");
      expect(grant.inputs.role).to.equal("build-role");
      expect(statementsOf(grant.inputs.policy)).to.deep.equal([
        { Sid: "ReadWriteArtifacts", Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"], Resource: [`${BUCKET_ARN}/*`] },
        { Sid: "LocateArtifactBucket", Effect: "Allow", Action: ["s3:GetBucketAcl", "s3:GetBucketLocation"], Resource: [BUCKET_ARN] },
        { Sid: "UseArtifactKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: [KEY_ARN], Condition: VIA_S3 },
      ]);
      expect(findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline").options.dependsOn).to.include(grant.urn);
    });

    it("lets the CodeBuild project's role read exactly the parameters and secrets the action's variables name", async () => {
      const partialSecret = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:ci/deploy`;
      await loadedPipeline({
        stages: [
          { name: "Source", actions: [source()] },
          {
            name: "Build",
            actions: [
              build({
                projectRoleName: "build-role",
                environmentVariables: {
                  STAGE: { value: "prod" },
                  DB_URL: { parameter: "/app/db-url" },
                  DB_HOST: { parameter: "/app/db-url" },
                  NPM_TOKEN: { secret: "ci/npm:token" },
                  NPM_USER: { secret: "ci/npm:user" },
                  DEPLOY_KEY: { secret: `${partialSecret}:key` },
                },
              }),
            ],
          },
        ],
      });
      const grant = statementsOf(findResource("aws:iam/rolePolicy:RolePolicy", "app-Build-Build-project-access").inputs.policy);
      expect(grant.slice(3)).to.deep.equal([
        { Sid: "ReadParameters", Effect: "Allow", Action: ["ssm:GetParameters"], Resource: [`arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/app/db-url`] },
        {
          Sid: "ReadSecrets",
          Effect: "Allow",
          Action: ["secretsmanager:GetSecretValue"],
          Resource: [`arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:ci/npm-??????`, `${partialSecret}-??????`],
        },
      ]);
      expect(policyStatementsOf("app-role").map((s) => s.Sid)).to.not.include.members(["ReadParameters", "ReadSecrets"]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("grants the project's role no parameter or secret when the variables are plain values", async () => {
      await loadedPipeline({ stages: [{ name: "Source", actions: [source()] }, { name: "Build", actions: [build({ projectRoleName: "build-role", environmentVariables: { STAGE: { value: "prod" } } })] }] });
      const grant = statementsOf(findResource("aws:iam/rolePolicy:RolePolicy", "app-Build-Build-project-access").inputs.policy);
      expect(grant.map((s) => s.Sid)).to.deep.equal(["ReadWriteArtifacts", "LocateArtifactBucket", "UseArtifactKey"]);
    });

    it("passes a full clone to CodeBuild and lets the project's role pull the repository", async () => {
      const repoKey = `arn:aws:kms:us-east-1:${ACCOUNT}:key/repo`;
      await loadedPipeline({
        stages: [
          { name: "Source", actions: [source({ fullClone: true, keyArn: repoKey, branch: "release/1.2" })] },
          { name: "Build", actions: [test({ projectRoleName: "test-role" })] },
        ],
      });
      const pipeline = findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline");
      expect(pipeline.inputs.stages[0].actions[0].configuration).to.deep.equal({
        RepositoryName: "app",
        BranchName: "release/1.2",
        PollForSourceChanges: "false",
        OutputArtifactFormat: "CODEBUILD_CLONE_REF",
      });
      const viaCodeCommit = { StringEquals: { "kms:ViaService": "codecommit.us-east-1.amazonaws.com" } };
      expect(policyStatementsOf("app-role").slice(3, 5)).to.deep.equal([
        { ...SOURCE_STATEMENT, Action: [...SOURCE_STATEMENT.Action, "codecommit:GetRepository"] },
        { Sid: "UseSourceRepositoryKey", Effect: "Allow", Action: CODECOMMIT_KEY_USE, Resource: [repoKey], Condition: viaCodeCommit },
      ]);
      const grant = statementsOf(findResource("aws:iam/rolePolicy:RolePolicy", "app-Build-Test-project-access").inputs.policy);
      expect(grant.map((s) => s.Sid)).to.deep.equal(["ReadInputArtifacts", "LocateArtifactBucket", "UseArtifactKey", "CloneSourceRepository", "UseSourceRepositoryKey"]);
      expect(grant[3]).to.deep.equal({ Sid: "CloneSourceRepository", Effect: "Allow", Action: ["codecommit:GitPull"], Resource: [REPO_ARN] });
      expect(grant[4]).to.deep.equal({ Sid: "UseSourceRepositoryKey", Effect: "Allow", Action: CODECOMMIT_KEY_USE, Resource: [repoKey], Condition: viaCodeCommit });
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("runs parallel and sequential builds with numbered statement ids and variable overrides", async () => {
      await loadedPipeline({
        stages: [
          { name: "Source", actions: [source({ namespace: "SourceVariables" })] },
          {
            name: "Build",
            actions: [
              build({ name: "Compile", environmentVariables: { COMMIT: { value: "#{SourceVariables.CommitId}" }, TOKEN: { secret: "ci/token" }, STAGE: { parameter: "/app/stage" } } }),
              test({ name: "Lint", batch: true }),
              build({ name: "Package", runOrder: 2, namespace: "PackageVariables" }),
            ],
          },
        ],
      });
      const actions = findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline").inputs.stages[1].actions;
      expect(actions.map((a: any) => [a.name, a.runOrder, a.inputArtifacts, a.outputArtifacts, a.namespace])).to.deep.equal([
        ["Compile", 1, ["SourceOutput"], ["CompileOutput"], undefined],
        ["Lint", 1, ["SourceOutput"], undefined, undefined],
        ["Package", 2, ["CompileOutput"], ["PackageOutput"], "PackageVariables"],
      ]);
      expect(JSON.parse(actions[0].configuration.EnvironmentVariables)).to.deep.equal([
        { name: "COMMIT", value: "#{SourceVariables.CommitId}", type: "PLAINTEXT" },
        { name: "TOKEN", value: "ci/token", type: "SECRETS_MANAGER" },
        { name: "STAGE", value: "/app/stage", type: "PARAMETER_STORE" },
      ]);
      expect(actions[1].configuration).to.deep.equal({ ProjectName: "test", BatchEnabled: "true" });
      expect(policyStatementsOf("app-role").slice(4)).to.deep.equal([
        BUILD_STATEMENT,
        { Sid: "RunBuildBatch", Effect: "Allow", Action: ["codebuild:BatchGetBuildBatches", "codebuild:StartBuildBatch"], Resource: [`arn:aws:codebuild:us-east-1:${ACCOUNT}:project/test`] },
        { ...BUILD_STATEMENT, Sid: "RunBuild2" },
      ]);
    });

    it("starts an S3 source on uploads of exactly its key and reads only that object", async () => {
      await loadedPipeline({ stages: [{ name: "Source", actions: [{ s3Source: { bucketName: "src-bucket", objectKey: "app/source.zip" } }] }, { name: "Build", actions: [build()] }] });
      const action = findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline").inputs.stages[0].actions[0];
      expect(action).to.deep.include({ provider: "S3", configuration: { S3Bucket: "src-bucket", S3ObjectKey: "app/source.zip", PollForSourceChanges: "false" } });
      expect(policyStatementsOf("app-role").slice(3, 5)).to.deep.equal([
        { Sid: "ReadSourceObject", Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion"], Resource: ["arn:aws:s3:::src-bucket/app/source.zip"] },
        { Sid: "ReadSourceBucket", Effect: "Allow", Action: ["s3:GetBucketLocation", "s3:GetBucketVersioning"], Resource: ["arn:aws:s3:::src-bucket"] },
      ]);
      expect(JSON.parse(findResource("aws:cloudwatch/eventRule:EventRule", "app-Source-Source-trigger").inputs.eventPattern)).to.deep.equal({
        source: ["aws.s3"],
        "detail-type": ["Object Created"],
        detail: { bucket: { name: ["src-bucket"] }, object: { key: ["app/source.zip"] } },
      });
    });

    it("creates no trigger when the source is started by hand", async () => {
      await loadedPipeline({ stages: [{ name: "Source", actions: [source({ startOnPush: false })] }, { name: "Build", actions: [build()] }] });
      expect(resourcesOfType("aws:cloudwatch/eventRule:EventRule").map((r) => r.name)).to.have.members(["app-execution-failed", "app-execution-state"]);
    });

    it("assumes an action's own role instead of taking its permissions, and lets that role use the bucket", async () => {
      const deployer = "arn:aws:iam::210987654321:role/deployer";
      await loadedPipeline({ stages: [{ name: "Source", actions: [source()] }, { name: "Build", actions: [build({ roleArn: deployer })] }] });
      expect(findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline").inputs.stages[1].actions[0].roleArn).to.equal(deployer);
      expect(policyStatementsOf("app-role").slice(4)).to.deep.equal([{ Sid: "AssumeActionRole", Effect: "Allow", Action: ["sts:AssumeRole"], Resource: [deployer] }]);
      const bucketPolicy = statementsOf(findResource("aws:s3/bucketPolicy:BucketPolicy", "app-artifacts-policy").inputs.policy);
      expect(bucketPolicy.slice(4).map((s) => [s.Sid, s.Principal])).to.deep.equal([
        ["ReadersGetObjects", { AWS: [deployer] }],
        ["ReadersLocateBucket", { AWS: [deployer] }],
        ["WritersPutObjects", { AWS: [deployer] }],
      ]);
    });
  });

  describe("options", () => {
    it("uses a given bucket and key, names, mode and variables", async () => {
      const keyArn = `arn:aws:kms:us-east-1:${ACCOUNT}:key/shared`;
      const p = await loadedPipeline({
        artifactBucket: { bucketName: "shared-artifacts", keyArn },
        pipelineName: "release",
        roleName: "release-pipeline",
        executionMode: "QUEUED",
        variables: [{ name: "Env", defaultValue: "dev", description: "Target" }],
        notifications: { enabled: false },
        tags: { team: "platform" },
      });
      expect(p.artifactBucket).to.equal(undefined);
      expect(resourcesOfType("aws-cicd:index:SecureBucket")).to.deep.equal([]);
      expect(resourcesOfType("aws-cicd:index:EncryptionKey")).to.deep.equal([]);
      expect(resourcesOfType("aws-cicd:index:SecureTopic")).to.deep.equal([]);
      const pipeline = findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline");
      expect(pipeline.inputs).to.deep.include({
        name: "release",
        executionMode: "QUEUED",
        artifactStores: [{ location: "shared-artifacts", type: "S3", encryptionKey: { id: keyArn, type: "KMS" } }],
        variables: [{ name: "Env", defaultValue: "dev", description: "Target" }],
        tags: { team: "platform" },
      });
      expect(findResource("aws:iam/role:Role", "app-role").inputs).to.deep.include({ name: "release-pipeline", tags: { team: "platform" } });
      expect(trustStatementsOf("app-role")[0].Condition!.ArnLike).to.deep.equal({ "aws:SourceArn": `arn:aws:codepipeline:us-east-1:${ACCOUNT}:release` });
      expect(policyStatementsOf("app-role").slice(0, 3)).to.deep.equal([
        { ...ARTIFACT_STATEMENTS[0], Resource: ["arn:aws:s3:::shared-artifacts/*"] },
        { ...ARTIFACT_STATEMENTS[1], Resource: ["arn:aws:s3:::shared-artifacts"] },
        { ...ARTIFACT_STATEMENTS[2], Resource: [keyArn] },
      ]);
      expect(await unwrap(p.artifactBucketName)).to.equal("shared-artifacts");
      expect(p.notificationTopicArn).to.equal(undefined);
    });

    it("documents a @default for every optional argument", () => {
      expect(optionalPropertiesWithoutDefault(["pipeline/pipeline-args.ts", "pipeline/actions/codebuild.ts"])).to.deep.equal([]);
    });

    it("passes an explicit provider to every resource and invoke below it", async () => {
      const provider = new aws.Provider("other", { region: "eu-west-1" });
      const p = new Pipeline("app", { stages: [{ name: "Source", actions: [source()] }, { name: "Gate", actions: [{ manualApproval: {} }] }] }, { provider });
      await unwrap(p.consoleUrl);
      await settle();
      const resources = descendantsOf(findResource("aws-cicd:index:Pipeline", "app")).filter((r) => r.type.startsWith("aws:"));
      expect(resources.length).to.be.greaterThan(20);
      for (const r of resources) expect(r.provider, `${r.type} ${r.name}`).to.match(/::other::/);
      expect(calls.length).to.be.greaterThan(0);
      for (const c of calls) expect(c.provider, c.token).to.match(/::other::/);
    });

    it("throws before creating any child", async () => {
      expect(() => new Pipeline("bad", { stages: [{ name: "Source", actions: [source()] }] })).to.throw(
        "`stages` must hold at least two stages (sources first, then what they feed), got 1.",
      );
      await settle();
      expect(recorded.map((r) => r.type)).to.deep.equal(["aws-cicd:index:Pipeline"]);
    });
  });
});
