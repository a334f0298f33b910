import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { CODECOMMIT_READ_ACTIONS, CodeCommitRepo } from "../../packages/aws-cicd/src/codecommit";
import {
  ACCOUNT,
  findResource,
  policyStatementsOf,
  recorded,
  resourcesOfType,
  settle,
  statementsOf,
  trustStatementsOf,
  unwrap,
} from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";

const REPO_ARN = `arn:aws:codecommit:us-east-1:${ACCOUNT}:app`;
const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/app-key-key-id`;
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const ROLE = "aws:iam/role:Role";
const OTHER_ROLE = "arn:aws:iam::111122223333:role/ci";
const OTHER_USER = "arn:aws:iam::111122223333:user/alice";

/** The KMS calls AWS documents CodeCommit making with a customer key, through CodeCommit only (issue 9). */
const KEY_STATEMENT = {
  Sid: "UseRepositoryKeyThroughCodeCommit",
  Effect: "Allow",
  Action: [
    "kms:Decrypt",
    "kms:DescribeKey",
    "kms:Encrypt",
    "kms:GenerateDataKey",
    "kms:GenerateDataKeyWithoutPlaintext",
    "kms:ReEncryptFrom",
    "kms:ReEncryptTo",
  ],
  Resource: [KEY_ARN],
  Condition: { StringEquals: { "kms:ViaService": "codecommit.us-east-1.amazonaws.com" } },
};
const PULL = [{ Sid: "CodeCommitGitPull", Effect: "Allow", Action: ["codecommit:GitPull"], Resource: [REPO_ARN] }, KEY_STATEMENT];
const PUSH = [
  { Sid: "CodeCommitPush", Effect: "Allow", Action: ["codecommit:GitPull", "codecommit:GitPush"], Resource: [REPO_ARN] },
  KEY_STATEMENT,
];
const READ = [{ Sid: "CodeCommitRead", Effect: "Allow", Action: [...CODECOMMIT_READ_ACTIONS], Resource: [REPO_ARN] }, KEY_STATEMENT];

describe("CodeCommitRepo", () => {
  describe("grants", () => {
    it("grantPull attaches exactly git pull on the repository and the key through CodeCommit", async () => {
      const ci = new aws.iam.Role("ci", { assumeRolePolicy: "{}" });
      const repo = new CodeCommitRepo("app");
      const policy = repo.grantPull(ci);
      await unwrap(policy.id);
      await settle();
      expect(findResource(ROLE_POLICY, "app-pull-ci").inputs.role).to.equal("ci");
      expect(policyStatementsOf("ci")).to.deep.equal(PULL);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("grantPush attaches pull and push, for a role given by name", async () => {
      const repo = new CodeCommitRepo("app");
      await unwrap(repo.grantPush("deployer").id);
      await settle();
      const p = findResource(ROLE_POLICY, "app-push-deployer");
      expect(p.inputs.role).to.equal("deployer");
      expect(statementsOf(p.inputs.policy)).to.deep.equal(PUSH);
    });

    it("grantRead attaches the read-only actions, for a role given by ARN", async () => {
      const repo = new CodeCommitRepo("app");
      await unwrap(repo.grantRead(`arn:aws:iam::${ACCOUNT}:role/team/auditor`).id);
      await settle();
      const p = findResource(ROLE_POLICY, "app-read-auditor");
      expect(p.inputs.role).to.equal("auditor");
      expect(statementsOf(p.inputs.policy)).to.deep.equal(READ);
      expect(CODECOMMIT_READ_ACTIONS).to.include("codecommit:GitPull");
      for (const a of CODECOMMIT_READ_ACTIONS) expect(a).to.match(/^codecommit:(Get|List|Describe|BatchGet|BatchDescribe|GitPull)/);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("names each grant uniquely, also for repeated grants and roles known only later", async () => {
      const repo = new CodeCommitRepo("app");
      repo.grantPull("ci");
      repo.grantPull("ci");
      repo.grantPush("ci");
      repo.grantPull(pulumi.output("late"));
      await settle();
      expect(
        resourcesOfType(ROLE_POLICY)
          .map((p) => p.name)
          .sort(),
      ).to.deep.equal(["app-pull-ci", "app-pull-ci-2", "app-pull-role3", "app-push-ci"]);
      expect(findResource(ROLE_POLICY, "app-pull-role3").inputs.role).to.equal("late");
    });
  });

  describe("cross-account access", () => {
    it("creates a role trusted only by the exact principals, with pull access and an external id", async () => {
      const repo = new CodeCommitRepo("app", {
        crossAccountAccess: [{ principalArns: [OTHER_ROLE, OTHER_USER], access: "pull", externalId: "build-42" }],
      });
      expect(await unwrap(repo.crossAccountRoleArns[0])).to.equal(`arn:aws:iam::${ACCOUNT}:role/app-cross-account-0`);
      await settle();
      const role = findResource(ROLE, "app-cross-account-0");
      expect(role.inputs.description).to.equal("Cross-account pull access to CodeCommit repository app (aws-cicd).");
      expect(role.inputs.maxSessionDuration).to.equal(3600);
      expect(trustStatementsOf(role)).to.deep.equal([
        {
          Sid: "TrustNamedPrincipals",
          Effect: "Allow",
          Principal: { AWS: [OTHER_ROLE, OTHER_USER] },
          Action: ["sts:AssumeRole"],
          Resource: [],
          Condition: { StringEquals: { "sts:ExternalId": "build-42" } },
        },
      ]);
      expect(findResource(ROLE_POLICY, "app-cross-account-0-policy").inputs.role).to.equal("app-cross-account-0");
      expect(policyStatementsOf(role)).to.deep.equal(PULL);
      expect(repo.crossAccountRoles).to.have.length(1);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("requires MFA when asked and adds no condition when neither is asked", async () => {
      const repo = new CodeCommitRepo("app", {
        crossAccountAccess: [
          { principalArns: [OTHER_USER], access: "read", requireMfa: true },
          { principalArns: [OTHER_ROLE], access: "push" },
        ],
      });
      await unwrap(repo.crossAccountRoleArns[1]);
      await settle();
      expect(trustStatementsOf("app-cross-account-0")[0].Condition).to.deep.equal({ Bool: { "aws:MultiFactorAuthPresent": "true" } });
      expect(policyStatementsOf("app-cross-account-0")).to.deep.equal(READ);
      expect(trustStatementsOf("app-cross-account-1")).to.deep.equal([
        { Sid: "TrustNamedPrincipals", Effect: "Allow", Principal: { AWS: [OTHER_ROLE] }, Action: ["sts:AssumeRole"], Resource: [] },
      ]);
      expect(policyStatementsOf("app-cross-account-1")).to.deep.equal(PUSH);
    });

    it("grantCrossAccountAccess adds roles after the ones from the arguments and returns them", async () => {
      const repo = new CodeCommitRepo("app", { crossAccountAccess: [{ principalArns: [OTHER_ROLE], access: "pull" }] });
      const grant = repo.grantCrossAccountAccess({ principalArns: [OTHER_ROLE], access: "push", externalId: "x1", requireMfa: true });
      expect(await unwrap(grant.roleArn)).to.equal(`arn:aws:iam::${ACCOUNT}:role/app-cross-account-1`);
      await settle();
      expect(trustStatementsOf("app-cross-account-1")[0].Condition).to.deep.equal({
        StringEquals: { "sts:ExternalId": "x1" },
        Bool: { "aws:MultiFactorAuthPresent": "true" },
      });
      expect(policyStatementsOf("app-cross-account-1")).to.deep.equal(PUSH);
      expect(repo.crossAccountRoles).to.deep.equal([repo.crossAccountGrants[0].role, grant.role]);
      expect(repo.crossAccountRoleArns).to.have.length(2);
    });

    it("grantCrossAccountAccess refuses an account root and creates nothing", async () => {
      const repo = new CodeCommitRepo("app", { requirePullRequestApprovals: false, encryptionKey: { keyArn: KEY_ARN } });
      await unwrap(repo.repositoryArn);
      await settle();
      const before = recorded.length;
      expect(() => repo.grantCrossAccountAccess({ principalArns: ["arn:aws:iam::111122223333:root"], access: "pull" })).to.throw(
        '`access.principalArns` must hold IAM role or user ARNs ("arn:aws:iam::<account>:role/<name>" or "arn:aws:iam::<account>:user/<name>"), got "arn:aws:iam::111122223333:root". An account root trusts every principal that account\'s administrators allow; name the exact roles or users.',
      );
      await settle();
      expect(recorded.length).to.equal(before);
      expect(resourcesOfType(ROLE)).to.deep.equal([]);
    });
  });

  describe("a fully loaded configuration", () => {
    it("records only policies that pass the IAM catalog check", async () => {
      const dev = new aws.iam.Role("dev", { assumeRolePolicy: "{}" });
      const repo = new CodeCommitRepo("app", {
        description: "App",
        protectedBranches: ["main", "release"],
        requiredApprovals: 3,
        approvalPoolMembers: ["arn:aws:sts::123456789012:assumed-role/Reviewers/*"],
        branchProtection: { roles: [dev], users: ["alice"], groups: ["devs"], denyPullRequestMerges: true },
        notifications: { emailSubscriptions: ["team@example.com"] },
        triggers: [{ target: { lambdaFunctionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:f` } }],
        pullRequestEvents: [{ target: { snsTopicArn: `arn:aws:sns:us-east-1:${ACCOUNT}:t` } }],
        commitEvents: [{ target: { lambdaFunctionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:f` } }],
        crossAccountAccess: [{ principalArns: [OTHER_ROLE], access: "push", externalId: "e1", requireMfa: true }],
      });
      repo.grantPull(dev);
      repo.grantRead("auditor");
      repo.grantPush("deployer");
      await unwrap(repo.crossAccountRoleArns[0]);
      await settle();
      expect(resourcesOfType("aws:iam/policy:Policy")).to.have.length(1);
      expect(resourcesOfType(ROLE_POLICY)).to.have.length(4);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });
  });
});
