import * as aws from "@pulumi/aws";
import { expect } from "chai";
import {
  CODECOMMIT_PROTECTED_BRANCH_ACTIONS,
  CODECOMMIT_PULL_REQUEST_MERGE_ACTIONS,
  CodeCommitRepo,
} from "../../packages/aws-cicd/src/codecommit";
import { ACCOUNT, findResource, policyStatementsOf, resourcesOfType, settle, statementsOf, unwrap } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";

const REPO_ARN = `arn:aws:codecommit:us-east-1:${ACCOUNT}:app`;
const POLICY = "aws:iam/policy:Policy";
const DIRECT_CHANGES = [
  "codecommit:CreateCommit",
  "codecommit:DeleteBranch",
  "codecommit:DeleteFile",
  "codecommit:GitPush",
  "codecommit:MergeBranchesByFastForward",
  "codecommit:MergeBranchesBySquash",
  "codecommit:MergeBranchesByThreeWay",
  "codecommit:PutFile",
];
const conditionFor = (...branches: string[]) => ({
  StringEqualsIfExists: { "codecommit:References": branches.map((b) => `refs/heads/${b}`) },
  Null: { "codecommit:References": "false" },
});

describe("CodeCommitRepo", () => {
  describe("branch protection", () => {
    it("creates no policy unless asked", async () => {
      const repo = new CodeCommitRepo("app");
      await unwrap(repo.repositoryArn);
      await settle();
      expect(resourcesOfType(POLICY)).to.deep.equal([]);
      expect(repo.branchProtectionPolicy).to.equal(undefined);
    });

    it("denies direct changes to the protected branches and attaches the policy to the named roles, users and groups", async () => {
      const dev = new aws.iam.Role("dev", { assumeRolePolicy: "{}" });
      const repo = new CodeCommitRepo("app", {
        protectedBranches: ["main", "release"],
        branchProtection: {
          roles: [dev, "contractor", "arn:aws:iam::123456789012:role/team/intern"],
          users: ["alice"],
          groups: ["developers"],
        },
      });
      await unwrap(repo.repositoryArn);
      await settle();
      const policy = findResource(POLICY, "app-branch-protection");
      expect(policy.inputs.description).to.equal(
        "Denies direct changes to protected branches of CodeCommit repository app; changes go through pull requests (aws-cicd).",
      );
      expect(statementsOf(policy.inputs.policy)).to.deep.equal([
        {
          Sid: "DenyDirectChangesToProtectedBranches",
          Effect: "Deny",
          Action: DIRECT_CHANGES,
          Resource: [REPO_ARN],
          Condition: conditionFor("main", "release"),
        },
      ]);
      const policyArn = `arn:aws:iam::${ACCOUNT}:policy/app-branch-protection`;
      expect(
        resourcesOfType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")
          .map((a) => [a.name, a.inputs])
          .sort(),
      ).to.deep.equal([
        ["app-branch-protection-role-0", { role: "dev", policyArn }],
        ["app-branch-protection-role-1", { role: "contractor", policyArn }],
        ["app-branch-protection-role-2", { role: "intern", policyArn }],
      ]);
      expect(findResource("aws:iam/userPolicyAttachment:UserPolicyAttachment", "app-branch-protection-user-0").inputs).to.deep.equal({
        user: "alice",
        policyArn,
      });
      expect(findResource("aws:iam/groupPolicyAttachment:GroupPolicyAttachment", "app-branch-protection-group-0").inputs).to.deep.equal({
        group: "developers",
        policyArn,
      });
      expect(policyStatementsOf("dev").map((s) => s.Sid)).to.deep.equal(["DenyDirectChangesToProtectedBranches"]);
      expect(
        [repo.branchProtectionRoleAttachments, repo.branchProtectionUserAttachments, repo.branchProtectionGroupAttachments].map(
          (a) => a.length,
        ),
      ).to.deep.equal([3, 1, 1]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("protects the default branch when no branches are named", async () => {
      const repo = new CodeCommitRepo("app", { defaultBranch: "trunk", branchProtection: { users: ["alice"] } });
      await unwrap(repo.repositoryArn);
      await settle();
      expect(statementsOf(findResource(POLICY, "app-branch-protection").inputs.policy)[0].Condition).to.deep.equal(conditionFor("trunk"));
    });

    it("also denies pull request merges when asked", async () => {
      const repo = new CodeCommitRepo("app", { branchProtection: { groups: ["developers"], denyPullRequestMerges: true } });
      await unwrap(repo.repositoryArn);
      await settle();
      expect(statementsOf(findResource(POLICY, "app-branch-protection").inputs.policy)).to.deep.equal([
        {
          Sid: "DenyDirectChangesToProtectedBranches",
          Effect: "Deny",
          Action: DIRECT_CHANGES,
          Resource: [REPO_ARN],
          Condition: conditionFor("main"),
        },
        {
          Sid: "DenyPullRequestMergesIntoProtectedBranches",
          Effect: "Deny",
          Action: [
            "codecommit:MergePullRequestByFastForward",
            "codecommit:MergePullRequestBySquash",
            "codecommit:MergePullRequestByThreeWay",
          ],
          Resource: [REPO_ARN],
          Condition: conditionFor("main"),
        },
      ]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("exports the action lists it denies", () => {
      expect([...CODECOMMIT_PROTECTED_BRANCH_ACTIONS]).to.deep.equal(DIRECT_CHANGES);
      expect(CODECOMMIT_PULL_REQUEST_MERGE_ACTIONS).to.have.length(3);
    });
  });
});
