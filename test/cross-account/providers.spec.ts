import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { BeanstalkTarget } from "../../packages/aws-cicd/src/beanstalk";
import { BuildProject } from "../../packages/aws-cicd/src/codebuild";
import { CodeCommitRepo } from "../../packages/aws-cicd/src/codecommit";
import { CrossAccountDeployRole } from "../../packages/aws-cicd/src/cross-account";
import { calls, descendantsOf, findResource, RecordedResource, settle, unwrap } from "../harness";
import { PIPELINE_ROLE_ARN, ROLE_ARGS } from "./fixtures";

/**
 * Components created in the target account get that account's provider: every child (at any
 * depth, components included) and every invoke must carry it, or they would land in the
 * tools account (pulumi-eks #369, #555, #917).
 */
async function expectEverythingUses(provider: aws.Provider, type: string, name: string, minChildren: number): Promise<void> {
  await settle();
  const ref = `${await unwrap(provider.urn)}::${await unwrap(provider.id)}`;
  const custom = descendantsOf(findResource(type, name)).filter((r: RecordedResource) => r.type.startsWith("aws:"));
  expect(custom.length).to.be.at.least(minChildren);
  for (const r of custom) expect(r.provider, `${r.type} ${r.name}`).to.equal(ref);
  expect(calls.length).to.be.greaterThan(0);
  for (const c of calls) expect(c.provider, c.token).to.equal(ref);
}

describe("Components in the target account", () => {
  describe("explicit provider", () => {
    it("BeanstalkTarget passes it to every child and invoke (solution stack lookup included)", async () => {
      const prod = new aws.Provider("prod", { region: "us-east-1" });
      const t = new BeanstalkTarget("web", { environmentType: "LoadBalanced", enableEbsEncryptionByDefault: true }, { provider: prod });
      await unwrap(t.endpointUrl);
      await unwrap(t.applicationArn);
      expect(calls.map((c) => c.token)).to.include("aws:elasticbeanstalk/getSolutionStack:getSolutionStack");
      await expectEverythingUses(prod, "aws-cicd:index:BeanstalkTarget", "web", 8);
    });

    it("CrossAccountDeployRole passes it to its role, policy and invokes", async () => {
      const prod = new aws.Provider("prod", { region: "us-east-1" });
      const r = new CrossAccountDeployRole("deploy", ROLE_ARGS, { provider: prod });
      await unwrap(r.roleArn);
      await expectEverythingUses(prod, "aws-cicd:index:CrossAccountDeployRole", "deploy", 2);
    });

    it("CodeCommitRepo passes it to every child, its key and a cross-account access role", async () => {
      const prod = new aws.Provider("prod", { region: "us-east-1" });
      const repo = new CodeCommitRepo(
        "app",
        { crossAccountAccess: [{ principalArns: [PIPELINE_ROLE_ARN], access: "pull" }] },
        { provider: prod },
      );
      await unwrap(repo.cloneUrlGrc);
      await unwrap(pulumi.all(repo.crossAccountRoleArns));
      expect(descendantsOf(findResource("aws-cicd:index:CodeCommitRepo", "app")).map((r) => r.type)).to.include("aws:kms/key:Key");
      await expectEverythingUses(prod, "aws-cicd:index:CodeCommitRepo", "app", 6);
    });

    it("BuildProject passes it to every child and invoke", async () => {
      const prod = new aws.Provider("prod", { region: "us-east-1" });
      const p = new BuildProject("build", {}, { provider: prod });
      await unwrap(p.projectArn);
      await expectEverythingUses(prod, "aws-cicd:index:BuildProject", "build", 5);
    });
  });
});
