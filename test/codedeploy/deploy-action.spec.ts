import { expect } from "chai";
import { Ec2FleetTarget } from "../../packages/aws-cicd/src/codedeploy";
import { codeDeployAction, Pipeline } from "../../packages/aws-cicd/src/pipeline";
import { findResource, policyStatementsOf, recorded, settle } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { build, loadedPipeline, source } from "../pipeline/fixtures";
import { CD, codeDeployStatementsFor, GROUP } from "./fixtures";

const DEPLOY_SIDS = ["RegisterRevisions", "CreateDeployments", "ReadDeploymentConfigs"];
const deployStatementsOf = (role: string) => policyStatementsOf(role).filter((s) => s.Sid !== undefined && DEPLOY_SIDS.includes(s.Sid));
const stage = (p: string, n: string) =>
  findResource("aws:codepipeline/pipeline:Pipeline", `${p}-pipeline`).inputs.stages.find((s: any) => s.name === n);

describe("Ec2FleetTarget", () => {
  describe("deploy action", () => {
    it("returns plain data for a codeDeploy action", () => {
      const t = new Ec2FleetTarget("web");
      const a = t.deployAction({ name: "ToWeb", runOrder: 2 });
      expect(Object.keys(a)).to.deep.equal(["codeDeploy"]);
      expect(Object.keys(a.codeDeploy)).to.deep.equal([
        "applicationName",
        "deploymentGroupName",
        "applicationArn",
        "deploymentGroupArn",
        "deploymentConfigArn",
        "name",
        "runOrder",
      ]);
    });

    it("names the fleet's instance role when the action runs with a roleArn (a deploy from another account)", async () => {
      const t = new Ec2FleetTarget("web");
      const roleArn = "arn:aws:iam::444455556666:role/shop-deploy";
      const a = t.deployAction({ roleArn });
      expect(Object.keys(a.codeDeploy)).to.deep.equal([
        "applicationName",
        "deploymentGroupName",
        "applicationArn",
        "deploymentGroupArn",
        "deploymentConfigArn",
        "instanceRoleArn",
        "roleArn",
      ]);
      expect(a.codeDeploy.instanceRoleArn).to.equal(t.instanceRoleArn);
      expect(a.codeDeploy.roleArn).to.equal(roleArn);
    });

    it("declares a CodeDeploy action and grants the pipeline role exactly the CodeDeploy calls on this group", async () => {
      const t = new Ec2FleetTarget("web", { minimumHealthyHosts: { fleetPercent: 50 } });
      await loadedPipeline({
        stages: [
          { name: "Source", actions: [source()] },
          { name: "Build", actions: [build()] },
          { name: "Deploy", actions: [t.deployAction()] },
        ],
      });
      expect(stage("app", "Deploy").actions).to.deep.equal([
        {
          name: "Deploy",
          category: "Deploy",
          owner: "AWS",
          provider: "CodeDeploy",
          version: "1",
          configuration: { ApplicationName: GROUP, DeploymentGroupName: GROUP },
          runOrder: 1,
          inputArtifacts: ["BuildOutput"],
        },
      ]);
      expect(deployStatementsOf("app-role")).to.deep.equal(codeDeployStatementsFor(GROUP, GROUP, "aws-cicd-test-test-web-min-healthy"));
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("shares one statement list naming every group when a pipeline deploys to two targets", async () => {
      const dev = new Ec2FleetTarget("dev");
      const prod = new Ec2FleetTarget("prod", { deploymentStrategy: "HalfAtATime" });
      await loadedPipeline({
        stages: [
          { name: "Source", actions: [source()] },
          { name: "Build", actions: [build()] },
          { name: "DeployDev", actions: [dev.deployAction()] },
          { name: "DeployProd", actions: [prod.deployAction()] },
        ],
      });
      const d = "aws-cicd-test-test-dev";
      const p = "aws-cicd-test-test-prod";
      expect(deployStatementsOf("app-role").map((s) => [s.Sid, s.Resource])).to.deep.equal([
        ["RegisterRevisions", [`${CD}:application:${d}`, `${CD}:application:${p}`]],
        ["CreateDeployments", [`${CD}:deploymentgroup:${d}/${d}`, `${CD}:deploymentgroup:${p}/${p}`]],
        [
          "ReadDeploymentConfigs",
          [`${CD}:deploymentconfig:CodeDeployDefault.OneAtATime`, `${CD}:deploymentconfig:CodeDeployDefault.HalfAtATime`],
        ],
      ]);
    });

    it("accepts plain data through codeDeployAction(...)", async () => {
      const plain = codeDeployAction({
        applicationName: "shop",
        deploymentGroupName: "shop-web",
        applicationArn: `${CD}:application:shop`,
        deploymentGroupArn: `${CD}:deploymentgroup:shop/shop-web`,
        deploymentConfigArn: `${CD}:deploymentconfig:CodeDeployDefault.AllAtOnce`,
      });
      await loadedPipeline({
        stages: [
          { name: "Source", actions: [source()] },
          { name: "Deploy", actions: [plain] },
        ],
      });
      expect(stage("app", "Deploy").actions[0].configuration).to.deep.equal({ ApplicationName: "shop", DeploymentGroupName: "shop-web" });
      expect(stage("app", "Deploy").actions[0].inputArtifacts).to.deep.equal(["SourceOutput"]);
    });

    it("throws when a target field is missing or malformed, before any child", async () => {
      const base = {
        applicationName: "shop",
        deploymentGroupName: "shop-web",
        applicationArn: `${CD}:application:shop`,
        deploymentGroupArn: `${CD}:deploymentgroup:shop/shop-web`,
        deploymentConfigArn: `${CD}:deploymentconfig:CodeDeployDefault.AllAtOnce`,
      };
      const cases: [Record<string, unknown>, string][] = [
        [
          { deploymentGroupArn: undefined },
          "`stages[1].actions[0].deploymentGroupArn` is required; pass `target.deployAction()` or spread `target.deployTarget()` of an Ec2FleetTarget.",
        ],
        [
          { applicationName: "a b" },
          '`stages[1].actions[0].applicationName` must be a CodeDeploy name (1 to 100 letters, digits or ._+=,@- characters), got "a b".',
        ],
        [
          { deploymentGroupArn: `${CD}:application:shop` },
          `\`stages[1].actions[0].deploymentGroupArn\` must be a deployment group ARN ("arn:aws:codedeploy:<region>:<account>:deploymentgroup:<application>/<group>"), got "${CD}:application:shop".`,
        ],
      ];
      for (const [extra, message] of cases) {
        recorded.length = 0;
        let error: Error | undefined;
        try {
          new Pipeline("app", {
            stages: [
              { name: "Source", actions: [source()] },
              { name: "Deploy", actions: [codeDeployAction({ ...base, ...extra } as any)] },
            ],
          });
        } catch (e) {
          error = e as Error;
        }
        expect(error?.message).to.equal(message);
        await settle();
        expect(recorded.map((r) => r.type)).to.deep.equal(["aws-cicd:index:Pipeline"]);
      }
    });
  });
});
