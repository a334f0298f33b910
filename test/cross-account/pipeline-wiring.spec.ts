import { expect } from "chai";
import { crossAccountDeployRoleArn } from "../../packages/aws-cicd/src/cross-account";
import { Pipeline } from "../../packages/aws-cicd/src/pipeline";
import { findResource, policyStatementsOf, resourcesOfType, settle, statementsOf, unwrap } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { PROD_TARGET } from "./fixtures";

const DEPLOY_ROLE_ARN = crossAccountDeployRoleArn({ accountId: "444455556666", roleName: "shop-deploy" });

/** A pipeline deploying to prod as a deploy role named by its computed ARN, with the key and bucket it creates. */
async function crossAccountPipeline(): Promise<Pipeline> {
  const p = new Pipeline("app", {
    stages: [
      { name: "Source", actions: [{ s3Source: { bucketName: "src", objectKey: "app.zip" } }] },
      { name: "DeployProd", actions: [{ beanstalkDeploy: { ...PROD_TARGET, roleArn: DEPLOY_ROLE_ARN } }] },
    ],
  });
  await unwrap(p.consoleUrl);
  await settle();
  return p;
}

describe("Pipeline with a cross-account deploy action", () => {
  describe("tools side", () => {
    it("sets the action's roleArn and gives the pipeline role only sts:AssumeRole on it", async () => {
      await crossAccountPipeline();
      const action = findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline").inputs.stages[1].actions[0];
      expect(action.roleArn).to.equal(DEPLOY_ROLE_ARN);
      const statements = policyStatementsOf("app-role");
      expect(statements.filter((s) => s.Action.some((a) => !a.startsWith("s3:") && !a.startsWith("kms:")))).to.deep.equal([
        { Sid: "AssumeActionRole", Effect: "Allow", Action: ["sts:AssumeRole"], Resource: [DEPLOY_ROLE_ARN] },
      ]);
    });

    it("names exactly the deploy role in the created bucket's policy (reading only) and the created key's policy", async () => {
      await crossAccountPipeline();
      const bucket = statementsOf(findResource("aws:s3/bucketPolicy:BucketPolicy", "app-artifacts-policy").inputs.policy).filter(
        (s) => s.Effect === "Allow",
      );
      expect(bucket.map((s) => [s.Sid, s.Principal])).to.deep.equal([
        ["ReadersGetObjects", { AWS: [DEPLOY_ROLE_ARN] }],
        ["ReadersLocateBucket", { AWS: [DEPLOY_ROLE_ARN] }],
      ]);
      const keys = resourcesOfType("aws:kms/key:Key");
      expect(keys).to.have.length(1);
      const named = statementsOf(keys[0].inputs.policy).filter((s) => s.Sid === "NamedRolesDecryptThroughS3");
      expect(named.map((s) => s.Principal)).to.deep.equal([{ AWS: [DEPLOY_ROLE_ARN] }]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });
  });
});
