// Issue 9, item 5: `permissions: "aws-managed"`, the documented escape hatch for deploys, on
// `BeanstalkTarget.deployAction` and on `CrossAccountDeployRole`.
import { expect } from "chai";
import { CrossAccountDeployRole } from "../../packages/aws-cicd/src/cross-account";
import { beanstalkDeployAction, Pipeline } from "../../packages/aws-cicd/src/pipeline";
import { findResource, policyStatementsOf, recorded, resourcesOfType, settle, unwrap } from "../harness";
import { capturedWarnings, thrownMessage } from "../codebuild/build-project-fixtures";
import { ROLE_ARGS } from "../cross-account/fixtures";
import { loadedPipeline, source } from "../pipeline/fixtures";
import { ACCOUNT } from "../harness/mocks";

const TARGET = {
  applicationName: "shop",
  environmentName: "shop-web",
  applicationArn: `arn:aws:elasticbeanstalk:us-east-1:${ACCOUNT}:application/shop`,
  environmentArn: `arn:aws:elasticbeanstalk:us-east-1:${ACCOUNT}:environment/shop/shop-web`,
  environmentId: "e-web0000001",
  instanceRoleArn: `arn:aws:iam::${ACCOUNT}:role/web-instance`,
};
const MANAGED = "arn:aws:iam::aws:policy/AdministratorAccess-AWSElasticBeanstalk";
const ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const DEPLOY_SIDS = ["RegisterApplicationVersions", "UpdateEnvironment", "StageBundleInBeanstalkBucket", "PassInstanceRoleToEc2"];

describe("Elastic Beanstalk deploy permissions", () => {
  describe('beanstalkDeploy `permissions: "aws-managed"`', () => {
    it("attaches AWS's managed policy to the pipeline role once, instead of the scoped deploy statements", async () => {
      const warnings = await capturedWarnings(() =>
        loadedPipeline({
          stages: [
            { name: "Source", actions: [source()] },
            {
              name: "Deploy",
              actions: [
                beanstalkDeployAction({ ...TARGET, permissions: "aws-managed" }),
                beanstalkDeployAction({ ...TARGET, name: "Again", environmentName: "shop-web2", permissions: "aws-managed" }),
              ],
            },
          ],
        }),
      );
      const attachments = resourcesOfType(ATTACHMENT);
      expect(attachments.map((a) => [a.name, a.inputs])).to.deep.equal([
        ["app-role-AdministratorAccess-AWSElasticBeanstalk", { role: "aws-cicd-test-test-app-pipeline", policyArn: MANAGED }],
      ]);
      expect(attachments[0].parent).to.equal(findResource("aws-cicd:index:Pipeline", "app").urn);
      const sids = policyStatementsOf("app-role").map((s) => s.Sid);
      for (const sid of DEPLOY_SIDS) expect(sids).to.not.include(sid);
      expect(warnings.map((w) => w.message)).to.deep.equal([
        'Pipeline aws-cicd-test-test-app: a Beanstalk deploy action uses `permissions: "aws-managed"`; the pipeline role gets AdministratorAccess-AWSElasticBeanstalk, which reaches every Elastic Beanstalk environment of the account.',
      ]);
      // The pipeline starts only once the managed policy is attached.
      const pipeline = findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline");
      expect(pipeline.options.dependsOn).to.include(attachments[0].urn);
    });

    it('keeps the scoped statements for the other deploys of the same pipeline ("scoped" is the default)', async () => {
      await loadedPipeline({
        stages: [
          { name: "Source", actions: [source()] },
          {
            name: "Deploy",
            actions: [
              beanstalkDeployAction({ ...TARGET, permissions: "aws-managed" }),
              beanstalkDeployAction({ ...TARGET, name: "Scoped", environmentName: "shop-api", environmentId: "e-api0000001" }),
            ],
          },
        ],
      });
      const update = policyStatementsOf("app-role").find((s) => s.Sid === "UpdateEnvironment")!;
      expect(update.Resource).to.deep.equal([TARGET.environmentArn]);
      const stage = policyStatementsOf("app-role").find((s) => s.Sid === "StageBundleInBeanstalkBucket")!;
      expect(stage.Resource).to.deep.equal([
        `arn:aws:s3:::elasticbeanstalk-us-east-1-${ACCOUNT}/shop/*`,
        `arn:aws:s3:::elasticbeanstalk-us-east-1-${ACCOUNT}/resources/environments/e-api0000001/*`,
      ]);
    });

    it("attaches no AWS managed policy with the default, only the pipeline's own deploy policies", async () => {
      await loadedPipeline({
        stages: [
          { name: "Source", actions: [source()] },
          { name: "Deploy", actions: [beanstalkDeployAction(TARGET)] },
        ],
      });
      expect(
        resourcesOfType(ATTACHMENT)
          .map((a) => a.name)
          .sort(),
      ).to.deep.equal(["app-beanstalk-deploy-environments-attachment", "app-beanstalk-deploy-instances-attachment"]);
      expect(resourcesOfType(ATTACHMENT).filter((a) => String(a.inputs.policyArn).includes(":iam::aws:policy/"))).to.deep.equal([]);
    });

    const bad: [string, object, string][] = [
      [
        "an unknown mode",
        { permissions: "admin" },
        '`stages[1].actions[0].permissions` must be "scoped" or "aws-managed", got "admin". "aws-managed" attaches AWS\'s AdministratorAccess-AWSElasticBeanstalk instead of the scoped statements.',
      ],
      [
        "a mode that is not a string",
        { permissions: true },
        '`stages[1].actions[0].permissions` must be "scoped" or "aws-managed", got true. "aws-managed" attaches AWS\'s AdministratorAccess-AWSElasticBeanstalk instead of the scoped statements.',
      ],
      [
        "aws-managed with an action role",
        { permissions: "aws-managed", roleArn: "arn:aws:iam::210987654321:role/deployer" },
        '`stages[1].actions[0].permissions` "aws-managed" applies to the pipeline role, but the action runs with `roleArn`; set `permissions` on that role\'s CrossAccountDeployRole instead.',
      ],
    ];
    for (const [what, extra, message] of bad) {
      it(`throws for ${what}, before any child exists`, async () => {
        const stages = [
          { name: "Source", actions: [source()] },
          { name: "Deploy", actions: [beanstalkDeployAction({ ...TARGET, ...extra })] },
        ];
        expect(thrownMessage(() => new Pipeline("app", { stages }))).to.equal(message);
        await settle();
        expect(recorded.map((r) => r.type)).to.deep.equal(["aws-cicd:index:Pipeline"]);
      });
    }
  });

  describe('CrossAccountDeployRole `permissions: "aws-managed"`', () => {
    it("attaches AWS's managed policy and keeps only the artifact statements inline", async () => {
      const warnings = await capturedWarnings(async () => {
        const r = new CrossAccountDeployRole("prod-deploy", { ...ROLE_ARGS, permissions: "aws-managed" });
        await unwrap(r.roleArn);
        await settle();
      });
      expect(resourcesOfType(ATTACHMENT).map((a) => [a.name, a.inputs])).to.deep.equal([
        ["prod-deploy-role-AdministratorAccess-AWSElasticBeanstalk", { role: "aws-cicd-test-test-prod-deploy", policyArn: MANAGED }],
      ]);
      expect(policyStatementsOf("prod-deploy-role").map((s) => s.Sid)).to.deep.equal([
        "ReadPipelineArtifacts",
        "LocatePipelineArtifactBucket",
        "DecryptPipelineArtifacts",
      ]);
      expect(warnings.map((w) => w.message)).to.deep.equal([
        'CrossAccountDeployRole prod-deploy: `permissions: "aws-managed"` attaches AdministratorAccess-AWSElasticBeanstalk, which reaches every Elastic Beanstalk environment of the account, not only the targets.',
      ]);
    });

    it("refuses an unknown mode before any child exists", async () => {
      expect(thrownMessage(() => new CrossAccountDeployRole("prod-deploy", { ...ROLE_ARGS, permissions: "all" }))).to.equal(
        '`permissions` must be "scoped" or "aws-managed", got "all". "aws-managed" attaches AWS\'s AdministratorAccess-AWSElasticBeanstalk instead of the scoped statements.',
      );
      await settle();
      expect(recorded.map((r) => r.type)).to.deep.equal(["aws-cicd:index:CrossAccountDeployRole"]);
    });
  });
});
