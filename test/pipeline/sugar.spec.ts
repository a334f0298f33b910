import { expect } from "chai";
import { BeanstalkTarget } from "../../packages/aws-cicd/src/beanstalk";
import { BuildProject } from "../../packages/aws-cicd/src/codebuild";
import { CodeCommitRepo } from "../../packages/aws-cicd/src/codecommit";
import { ActionArgs } from "../../packages/aws-cicd/src/pipeline";
import { EncryptionKey } from "../../packages/aws-cicd/src/security";
import { ACCOUNT, recorded, settle, unwrap } from "../harness";

const R = `us-east-1:${ACCOUNT}`;

/** Calls `describe` once every resource of the components exists, and checks that it registered nothing. */
async function plainData(describe: () => ActionArgs): Promise<unknown> {
  await settle();
  const before = recorded.length;
  const action = describe();
  const value = await unwrap(action as never);
  await settle();
  expect(recorded.length, "resources registered by the sugar method").to.equal(before);
  return value;
}

describe("Sugar methods (actions as plain data)", () => {
  describe("CodeCommitRepo.sourceAction", () => {
    it("returns the repository's physical name, ARN, key and default branch", async () => {
      const repo = new CodeCommitRepo("app", { repositoryName: "shop-app", encryptionKey: new EncryptionKey("cicd") });
      expect(await plainData(() => repo.sourceAction())).to.deep.equal({
        codeCommitSource: {
          repositoryName: "shop-app",
          repositoryArn: `arn:aws:codecommit:${R}:shop-app`,
          keyArn: `arn:aws:kms:${R}:key/cicd-key-id`,
          branch: "main",
        },
      });
    });

    it("follows the repository's own default branch and passes the options through", async () => {
      const repo = new CodeCommitRepo("app", { defaultBranch: "trunk" });
      expect(repo.defaultBranch).to.equal("trunk");
      expect(await plainData(() => repo.sourceAction())).to.have.nested.property("codeCommitSource.branch", "trunk");
      expect(
        await plainData(() =>
          repo.sourceAction({ branch: "release/1.2", name: "Checkout", fullClone: true, output: "Code", namespace: "Src", runOrder: 2 }),
        ),
      ).to.deep.equal({
        codeCommitSource: {
          repositoryName: "app",
          repositoryArn: `arn:aws:codecommit:${R}:app`,
          keyArn: `arn:aws:kms:${R}:key/app-key-key-id`,
          branch: "release/1.2",
          name: "Checkout",
          fullClone: true,
          output: "Code",
          namespace: "Src",
          runOrder: 2,
        },
      });
    });
  });

  describe("BuildProject.buildAction", () => {
    it("returns the project's name, ARN and role name and ARN, so the pipeline grants the role its artifacts", async () => {
      const project = new BuildProject("test");
      expect(await plainData(() => project.buildAction())).to.deep.equal({
        codeBuild: {
          projectName: "aws-cicd-test-test-test",
          projectArn: `arn:aws:codebuild:${R}:project/aws-cicd-test-test-test`,
          projectRoleName: "test-role",
          projectRoleArn: "arn:aws:iam::123456789012:role/test-role",
        },
      });
    });

    it("passes the options through", async () => {
      const project = new BuildProject("test", { projectName: "unit-tests" });
      const options = {
        name: "UnitTests",
        type: "Test" as const,
        inputs: ["SourceOutput"],
        outputs: ["Reports"],
        environmentVariables: { STAGE: { value: "dev" } },
        namespace: "Tests",
        runOrder: 3,
        primarySource: "SourceOutput",
        batch: true,
      };
      expect(await plainData(() => project.buildAction(options))).to.deep.equal({
        codeBuild: {
          projectName: "unit-tests",
          projectArn: `arn:aws:codebuild:${R}:project/unit-tests`,
          projectRoleName: "test-role",
          projectRoleArn: "arn:aws:iam::123456789012:role/test-role",
          ...options,
        },
      });
      expect(await plainData(() => project.buildAction({ output: "Bundle" }))).to.have.nested.property("codeBuild.output", "Bundle");
    });
  });

  describe("BeanstalkTarget.deployAction", () => {
    const NAME = "aws-cicd-test-test-web";
    const target = {
      applicationName: NAME,
      environmentName: NAME,
      applicationArn: `arn:aws:elasticbeanstalk:${R}:application/${NAME}`,
      environmentArn: `arn:aws:elasticbeanstalk:${R}:environment/${NAME}/${NAME}`,
      environmentId: "web-environment-id",
      instanceRoleArn: `arn:aws:iam::${ACCOUNT}:role/web-instance-role`,
    };

    it("returns the target's plain data", async () => {
      const web = new BeanstalkTarget("web");
      expect(await plainData(() => web.deployAction())).to.deep.equal({ beanstalkDeploy: target });
    });

    it("passes the options through", async () => {
      const web = new BeanstalkTarget("web");
      const options = { name: "DeployWeb", inputs: ["BuildOutput"], runOrder: 2, roleArn: "arn:aws:iam::210987654321:role/deployer" };
      expect(await plainData(() => web.deployAction(options))).to.deep.equal({ beanstalkDeploy: { ...target, ...options } });
    });

    it("gives targets sharing an application the same application name and ARN", async () => {
      const dev = new BeanstalkTarget("dev");
      const prod = new BeanstalkTarget("prod", { application: dev.application });
      const devAction = dev.deployAction().beanstalkDeploy;
      const prodAction = prod.deployAction().beanstalkDeploy;
      expect(await unwrap(prodAction.applicationName)).to.equal(await unwrap(devAction.applicationName));
      expect(await unwrap(prodAction.applicationArn)).to.equal(await unwrap(devAction.applicationArn));
      expect(await unwrap(prodAction.environmentArn)).to.not.equal(await unwrap(devAction.environmentArn));
    });
  });
});
