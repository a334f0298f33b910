import { expect } from "chai";
import {
  crossAccountDeployRoleArn,
  defaultCrossAccountDeployRoleName,
  defaultPipelineRoleName,
  pipelineRoleArn,
} from "../../packages/aws-cicd/src/cross-account";
import { Pipeline } from "../../packages/aws-cicd/src/pipeline";
import { CrossAccountDeployRole } from "../../packages/aws-cicd/src/cross-account";
import { ACCOUNT, findResource, settle, unwrap } from "../harness";
import { ROLE_ARGS } from "./fixtures";

describe("Cross-account role ARNs", () => {
  describe("pipelineRoleArn", () => {
    it("gives the ARN of the role `new Pipeline(name)` creates", async () => {
      const p = new Pipeline("app", {
        stages: [
          { name: "Source", actions: [{ s3Source: { bucketName: "src", objectKey: "a.zip" } }] },
          { name: "Gate", actions: [{ manualApproval: {} }] },
        ],
      });
      await unwrap(p.roleArn);
      await settle();
      expect(defaultPipelineRoleName("app")).to.equal("aws-cicd-test-test-app-pipeline");
      expect(pipelineRoleArn({ accountId: ACCOUNT, name: "app" })).to.equal(await unwrap(p.roleArn));
      expect(findResource("aws:iam/role:Role", "app-role").inputs.name).to.equal("aws-cicd-test-test-app-pipeline");
    });

    it("uses `roleName` and `partition` when given", () => {
      expect(pipelineRoleArn({ accountId: "111122223333", roleName: "tools-pipeline", partition: "aws-us-gov" })).to.equal(
        "arn:aws-us-gov:iam::111122223333:role/tools-pipeline",
      );
    });

    it("throws on a malformed account id or without a name", () => {
      expect(() => pipelineRoleArn({ accountId: "1111", name: "app" })).to.throw(
        '`pipelineRoleArn`: `accountId` must be a 12-digit AWS account id, got "1111".',
      );
      expect(() => pipelineRoleArn({ accountId: "111122223333" })).to.throw(
        "`pipelineRoleArn` needs `name` (the component's name) or `roleName` (its `roleName` arg).",
      );
    });
  });

  describe("crossAccountDeployRoleArn", () => {
    it("gives the ARN of the role `new CrossAccountDeployRole(name)` creates", async () => {
      const r = new CrossAccountDeployRole("prod-deploy", ROLE_ARGS);
      expect(defaultCrossAccountDeployRoleName("prod-deploy")).to.equal("aws-cicd-test-test-prod-deploy");
      expect(crossAccountDeployRoleArn({ accountId: ACCOUNT, name: "prod-deploy" })).to.equal(await unwrap(r.roleArn));
      expect(crossAccountDeployRoleArn({ accountId: "444455556666", roleName: "shop-deploy" })).to.equal(
        "arn:aws:iam::444455556666:role/shop-deploy",
      );
    });

    it("puts the role at `rolePath`, where `crossAccountDeployRoleArn` names it too", async () => {
      const r = new CrossAccountDeployRole("path-deploy", { ...ROLE_ARGS, rolePath: "/aws-cicd/platform/" });
      await unwrap(r.roleArn);
      await settle();
      expect(findResource("aws:iam/role:Role", "path-deploy-role").inputs.path).to.equal("/aws-cicd/platform/");
      expect(crossAccountDeployRoleArn({ accountId: ACCOUNT, name: "path-deploy", rolePath: "/aws-cicd/platform/" })).to.equal(
        await unwrap(r.roleArn),
      );
      expect(await unwrap(r.roleArn)).to.equal(`arn:aws:iam::${ACCOUNT}:role/aws-cicd/platform/aws-cicd-test-test-path-deploy`);
      expect(() => crossAccountDeployRoleArn({ accountId: ACCOUNT, roleName: "d", rolePath: "platform" })).to.throw(
        '`crossAccountDeployRoleArn`: `rolePath` must be an IAM role path: "/", or segments of the characters "!" to "~" each ended by "/", starting with "/", at most 512 characters (e.g. "/aws-cicd/platform/"), got "platform".',
      );
    });

    it("cuts long default names to IAM's 64 characters with a hash of the whole name, as the components do", () => {
      const long = "x".repeat(80);
      expect(crossAccountDeployRoleArn({ accountId: ACCOUNT, name: long })).to.equal(
        `arn:aws:iam::${ACCOUNT}:role/aws-cicd-test-test-${"x".repeat(38)}-3e2b06`,
      );
    });
  });
});
