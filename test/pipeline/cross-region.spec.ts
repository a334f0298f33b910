import { expect } from "chai";
import { CrossAccountDeployRole } from "../../packages/aws-cicd/src/cross-account";
import { beanstalkDeployAction, Pipeline, regionSid } from "../../packages/aws-cicd/src/pipeline";
import {
  ACCOUNT,
  descendantsOf,
  findResource,
  policyStatementsOf,
  recorded,
  resourcesOfType,
  settle,
  statementsOf,
  unwrap,
} from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { failedRegistrations } from "../harness/rejections";
import { BUCKET_ARN, KEY_ARN, loadedPipeline } from "./fixtures";
import { DEPLOYER, EU, EU_BUCKET, EU_KEY, EU_PROJECT, euDeploy, S3_IN, stages } from "./cross-region-fixtures";

const pipelineInputs = () => findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline").inputs;

describe("Pipeline", () => {
  describe("cross-region actions", () => {
    it("declares an artifact store per region, each with its region, and the action's region", async () => {
      const p = await loadedPipeline({ stages: stages() });
      expect(await unwrap(p.regionalArtifactBucketArns)).to.deep.equal({ [EU]: EU_BUCKET });
      expect(await unwrap(p.regionalArtifactKeyArns)).to.deep.equal({ [EU]: EU_KEY });
      expect(pipelineInputs().artifactStores).to.deep.equal([
        { location: "app-artifacts-bucket", type: "S3", encryptionKey: { id: KEY_ARN, type: "KMS" }, region: "us-east-1" },
        { location: "app-eu-west-1-artifacts-bucket", type: "S3", encryptionKey: { id: EU_KEY, type: "KMS" }, region: EU },
      ]);
      expect(pipelineInputs().stages[2].actions).to.deep.equal([
        {
          name: "Eu",
          category: "Build",
          owner: "AWS",
          provider: "CodeBuild",
          version: "1",
          configuration: { ProjectName: "deploy-eu" },
          runOrder: 1,
          inputArtifacts: ["BuildOutput"],
          region: EU,
        },
      ]);
    });

    it("declares one store without a region when every action runs in the pipeline's region", async () => {
      const p = await loadedPipeline();
      expect(await unwrap(p.regionalArtifactBucketArns)).to.deep.equal({});
      expect(pipelineInputs().artifactStores).to.deep.equal([
        { location: "app-artifacts-bucket", type: "S3", encryptionKey: { id: KEY_ARN, type: "KMS" } },
      ]);
    });

    it("creates the region's key and bucket there through the pipeline's provider, the key used only through S3 of that region", async () => {
      await loadedPipeline({ stages: stages() });
      const children = [
        ...descendantsOf(findResource("aws-cicd:index:EncryptionKey", "app-eu-west-1-key")),
        ...descendantsOf(findResource("aws-cicd:index:SecureBucket", "app-eu-west-1-artifacts")),
      ];
      // No provider of their own: the pipeline's (the default one here), with `region` on each.
      expect(children.map((r) => [r.name, r.inputs.region, r.provider]).sort()).to.deep.equal(
        [
          "app-eu-west-1-key-key",
          "app-eu-west-1-key-alias",
          "app-eu-west-1-artifacts-bucket",
          "app-eu-west-1-artifacts-encryption",
          "app-eu-west-1-artifacts-public-access-block",
          "app-eu-west-1-artifacts-ownership",
          "app-eu-west-1-artifacts-versioning",
          "app-eu-west-1-artifacts-lifecycle",
          "app-eu-west-1-artifacts-policy",
        ]
          .sort()
          .map((n) => [n, EU, ""]),
      );
      const key = findResource("aws:kms/key:Key", "app-eu-west-1-key-key");
      expect(key.inputs.description).to.equal("Artifact key of pipeline app in eu-west-1 (aws-cicd)");
      const use = statementsOf(key.inputs.policy).find((s) => s.Sid === "AccountUsesKeyThroughServices");
      expect(use?.Condition).to.deep.equal({
        StringEquals: { "kms:CallerAccount": ACCOUNT, "kms:ViaService": ["s3.eu-west-1.amazonaws.com"] },
      });
      expect(
        findResource(
          "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
          "app-eu-west-1-artifacts-encryption",
        ).inputs.rules,
      ).to.deep.equal([
        { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: EU_KEY }, bucketKeyEnabled: true },
      ]);
    });

    it("grants the pipeline role each store exactly: objects, bucket checks, and the key through S3 of the store's region", async () => {
      await loadedPipeline({ stages: stages() });
      expect(policyStatementsOf("app-role").slice(0, 6)).to.deep.equal([
        {
          Sid: "ReadWriteArtifacts",
          Effect: "Allow",
          Action: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"],
          Resource: [`${BUCKET_ARN}/*`],
        },
        {
          Sid: "InspectArtifactBucket",
          Effect: "Allow",
          Action: ["s3:GetBucketLocation", "s3:GetBucketVersioning"],
          Resource: [BUCKET_ARN],
        },
        {
          Sid: "UseArtifactKey",
          Effect: "Allow",
          Action: ["kms:Decrypt", "kms:GenerateDataKey"],
          Resource: [KEY_ARN],
          Condition: S3_IN("us-east-1"),
        },
        {
          Sid: "ReadWriteArtifactsEuWest1",
          Effect: "Allow",
          Action: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"],
          Resource: [`${EU_BUCKET}/*`],
        },
        {
          Sid: "InspectArtifactBucketEuWest1",
          Effect: "Allow",
          Action: ["s3:GetBucketLocation", "s3:GetBucketVersioning"],
          Resource: [EU_BUCKET],
        },
        {
          Sid: "UseArtifactKeyEuWest1",
          Effect: "Allow",
          Action: ["kms:Decrypt", "kms:GenerateDataKey"],
          Resource: [EU_KEY],
          Condition: S3_IN(EU),
        },
      ]);
      expect(
        policyStatementsOf("app-role")
          .slice(6)
          .map((s) => [s.Sid, s.Resource]),
      ).to.deep.equal([
        ["ReadSourceRepository", [`arn:aws:codecommit:us-east-1:${ACCOUNT}:app`]],
        ["RunBuild", [`arn:aws:codebuild:us-east-1:${ACCOUNT}:project/build`]],
        ["RunBuild2", [EU_PROJECT]],
      ]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("lets a cross-account action role into its region's store only: the region's bucket and key policies name it, the pipeline's do not", async () => {
      await loadedPipeline({ stages: stages(euDeploy({ roleArn: DEPLOYER })) });
      const euKey = statementsOf(findResource("aws:kms/key:Key", "app-eu-west-1-key-key").inputs.policy);
      expect(euKey.slice(4)).to.deep.equal([
        {
          Sid: "NamedRolesDecryptThroughS3",
          Effect: "Allow",
          Principal: { AWS: [DEPLOYER] },
          Action: ["kms:Decrypt"],
          Resource: ["*"],
          Condition: { StringEquals: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } },
        },
      ]);
      const euBucket = statementsOf(findResource("aws:s3/bucketPolicy:BucketPolicy", "app-eu-west-1-artifacts-policy").inputs.policy);
      expect(euBucket.slice(4)).to.deep.equal([
        {
          Sid: "ReadersGetObjects",
          Effect: "Allow",
          Principal: { AWS: [DEPLOYER] },
          Action: ["s3:GetObject", "s3:GetObjectVersion"],
          Resource: [`${EU_BUCKET}/*`],
        },
        {
          Sid: "ReadersLocateBucket",
          Effect: "Allow",
          Principal: { AWS: [DEPLOYER] },
          Action: ["s3:GetBucketLocation"],
          Resource: [EU_BUCKET],
        },
      ]);
      expect(statementsOf(findResource("aws:kms/key:Key", "app-key-key").inputs.policy)).to.have.length(4);
      expect(statementsOf(findResource("aws:s3/bucketPolicy:BucketPolicy", "app-artifacts-policy").inputs.policy)).to.have.length(4);
      expect(policyStatementsOf("app-role").slice(-1)).to.deep.equal([
        { Sid: "AssumeActionRole", Effect: "Allow", Action: ["sts:AssumeRole"], Resource: [DEPLOYER] },
      ]);
      expect(pipelineInputs().stages[2].actions[0]).to.deep.include({ region: EU, roleArn: DEPLOYER });
    });

    it("gives a CrossAccountDeployRole of the other account the region's store from the pipeline's outputs: it reads and decrypts there only", async () => {
      const p = await loadedPipeline({ stages: stages(euDeploy({ roleArn: DEPLOYER })) });
      const role = new CrossAccountDeployRole("eu-deploy", {
        pipelineRoleArn: p.roleArn,
        artifactBucketArn: p.regionalArtifactBucketArns.apply((arns) => arns[EU]),
        artifactKeyArn: p.regionalArtifactKeyArns.apply((arns) => arns[EU]),
        artifactRegion: EU,
        codeDeployTargets: [
          {
            applicationName: "shop",
            deploymentGroupName: "shop-eu",
            applicationArn: `arn:aws:codedeploy:${EU}:${ACCOUNT}:application:shop`,
            deploymentGroupArn: `arn:aws:codedeploy:${EU}:${ACCOUNT}:deploymentgroup:shop/shop-eu`,
            deploymentConfigArn: `arn:aws:codedeploy:${EU}:${ACCOUNT}:deploymentconfig:CodeDeployDefault.OneAtATime`,
          },
        ],
      });
      await unwrap(role.roleArn);
      await settle();
      expect(statementsOf(findResource("aws:iam/rolePolicy:RolePolicy", "eu-deploy-role-policy").inputs.policy).slice(0, 3)).to.deep.equal([
        { Sid: "ReadPipelineArtifacts", Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion"], Resource: [`${EU_BUCKET}/*`] },
        { Sid: "LocatePipelineArtifactBucket", Effect: "Allow", Action: ["s3:GetBucketLocation"], Resource: [EU_BUCKET] },
        {
          Sid: "DecryptPipelineArtifacts",
          Effect: "Allow",
          Action: ["kms:Decrypt"],
          Resource: [EU_KEY],
          Condition: { StringEquals: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } },
        },
      ]);
    });

    it("grants a CodeBuild project role of another region that region's store, through its inline policy", async () => {
      await loadedPipeline({ stages: stages(euDeploy({ projectRoleName: "deploy-eu-role" })) });
      expect(statementsOf(findResource("aws:iam/rolePolicy:RolePolicy", "app-Deploy-Eu-project-access").inputs.policy)).to.deep.equal([
        { Sid: "ReadInputArtifacts", Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion"], Resource: [`${EU_BUCKET}/*`] },
        { Sid: "LocateArtifactBucket", Effect: "Allow", Action: ["s3:GetBucketAcl", "s3:GetBucketLocation"], Resource: [EU_BUCKET] },
        {
          Sid: "UseArtifactKey",
          Effect: "Allow",
          Action: ["kms:Decrypt", "kms:GenerateDataKey"],
          Resource: [EU_KEY],
          Condition: S3_IN(EU),
        },
      ]);
    });

    it("uses the given store of a region as it is, and creates none there", async () => {
      const given = { bucketName: "eu-artifacts", keyArn: `arn:aws:kms:${EU}:${ACCOUNT}:key/eu` };
      await loadedPipeline({ stages: stages(), regionalArtifactStores: [{ region: EU, artifactBucket: given }] });
      expect(pipelineInputs().artifactStores[1]).to.deep.equal({
        location: "eu-artifacts",
        type: "S3",
        encryptionKey: { id: given.keyArn, type: "KMS" },
        region: EU,
      });
      expect(recorded.filter((r) => r.name.startsWith("app-eu-west-1"))).to.deep.equal([]);
      expect(
        policyStatementsOf("app-role")
          .slice(3, 6)
          .map((s) => [s.Sid, s.Resource]),
      ).to.deep.equal([
        ["ReadWriteArtifactsEuWest1", ["arn:aws:s3:::eu-artifacts/*"]],
        ["InspectArtifactBucketEuWest1", ["arn:aws:s3:::eu-artifacts"]],
        ["UseArtifactKeyEuWest1", [given.keyArn]],
      ]);
    });

    it("gives a created regional bucket its settings", async () => {
      await loadedPipeline({
        stages: stages(),
        regionalArtifactStores: [{ region: EU, artifactBucketOptions: { accessLogs: { bucketName: "eu-logs" } } }],
      });
      expect(findResource("aws:s3/bucketLogging:BucketLogging", "app-eu-west-1-artifacts-logging").inputs).to.deep.equal({
        region: EU,
        bucket: "app-eu-west-1-artifacts-bucket",
        targetBucket: "eu-logs",
        targetPrefix: "app-eu-west-1-artifacts/",
      });
    });

    it("deploys Elastic Beanstalk in two regions, each region's deploy statements naming that region's resources", async () => {
      const env = (region: string) =>
        beanstalkDeployAction({
          name: regionSid(region),
          applicationName: "shop",
          environmentName: `shop-${region}`,
          applicationArn: `arn:aws:elasticbeanstalk:${region}:${ACCOUNT}:application/shop`,
          environmentArn: `arn:aws:elasticbeanstalk:${region}:${ACCOUNT}:environment/shop/shop-${region}`,
          environmentId: "e-abcd1234ef",
          instanceRoleArn: `arn:aws:iam::${ACCOUNT}:role/shop-instances`,
          ...(region === EU ? { region } : {}),
        });
      await loadedPipeline({ stages: stages(env(EU)).map((s, i) => (i === 2 ? { ...s, actions: [env("us-east-1"), env(EU)] } : s)) });
      // Each region's deploy statements are customer managed policies of their own (IAM allows 6,144 characters each).
      const parts = resourcesOfType("aws:iam/policy:Policy").map((p) => [
        p.name,
        statementsOf(p.inputs.policy)
          .filter((st) => st.Sid === "ReadPlatformVersions" || st.Sid === "ReadBeanstalkBucket")
          .flatMap((st) => st.Resource),
      ]);
      expect(parts.sort()).to.deep.equal([
        [
          "app-beanstalk-deploy-environments",
          ["arn:aws:elasticbeanstalk:us-east-1::platform/*", `arn:aws:s3:::elasticbeanstalk-us-east-1-${ACCOUNT}`],
        ],
        [
          "app-beanstalk-deploy-environments-eu-west-1",
          ["arn:aws:elasticbeanstalk:eu-west-1::platform/*", `arn:aws:s3:::elasticbeanstalk-eu-west-1-${ACCOUNT}`],
        ],
        ["app-beanstalk-deploy-instances", []],
        ["app-beanstalk-deploy-instances-eu-west-1", []],
      ]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("refuses an action whose region is the pipeline's own, when the region resolves", async () => {
      const failures = await failedRegistrations(() => {
        new Pipeline("app", {
          stages: stages(euDeploy({ region: "us-east-1", projectArn: `arn:aws:codebuild:us-east-1:${ACCOUNT}:project/deploy-eu` })),
        });
      });
      expect(failures).to.deep.equal([
        'error serializing property "artifactStores": `stages[2].actions[0].region` "us-east-1" is the pipeline\'s own region; remove `region` from the action (it is only for actions in another region).',
      ]);
      await settle();
    });
  });
});
