// The CodeCommitRepo statements (codecommit/policies.ts) as plain values: exact sids, effects,
// actions, ARNs and conditions, for every access level and option.
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import {
  CODECOMMIT_GIT_PULL_ACTIONS,
  CODECOMMIT_KEY_ACTIONS,
  CODECOMMIT_PROTECTED_BRANCH_ACTIONS,
  CODECOMMIT_PULL_REQUEST_MERGE_ACTIONS,
  CODECOMMIT_PUSH_ACTIONS,
  CODECOMMIT_READ_ACTIONS,
  codeCommitKeyStatement,
  CROSS_ACCOUNT_ASSUME_ROLE_ACTIONS,
  crossAccountTrustStatements,
  protectedBranchStatements,
  REPO_EVENT_LAMBDA_INVOKE_ACTION,
  repositoryAccessStatements,
} from "../../packages/aws-cicd/src/codecommit/policies";
import { PolicyStatement } from "../../packages/aws-cicd/src/security/iam";
import { unwrap } from "../harness";

const CTX = {
  accountId: pulumi.output("111122223333"),
  partition: pulumi.output("aws-cn"),
  region: pulumi.output("cn-north-1"),
  dnsSuffix: pulumi.output("amazonaws.com.cn"),
};
const REPO = "arn:aws-cn:codecommit:cn-north-1:111122223333:app";
const KEY = "arn:aws-cn:kms:cn-north-1:111122223333:key/repo";
const VIA_CODECOMMIT = { StringEquals: { "kms:ViaService": "codecommit.cn-north-1.amazonaws.com.cn" } };
const KEY_STATEMENT = {
  sid: "UseRepositoryKeyThroughCodeCommit",
  actions: [
    "kms:Decrypt",
    "kms:DescribeKey",
    "kms:Encrypt",
    "kms:GenerateDataKey",
    "kms:GenerateDataKeyWithoutPlaintext",
    "kms:ReEncryptFrom",
    "kms:ReEncryptTo",
  ],
  resources: [KEY],
  conditions: VIA_CODECOMMIT,
};
const PROTECTED = {
  StringEqualsIfExists: { "codecommit:References": ["refs/heads/main", "refs/heads/release/v1"] },
  Null: { "codecommit:References": "false" },
};

/** The statements with every Output resolved (the `kms:ViaService` value is one). */
async function resolved(statements: PolicyStatement[]): Promise<unknown[]> {
  return Promise.all(statements.map(async (s) => JSON.parse(JSON.stringify(await unwrap(s as never)))));
}

describe("CodeCommitRepo", () => {
  describe("action lists", () => {
    it("pulls with GitPull, and pushes with GitPull and GitPush", () => {
      expect(CODECOMMIT_GIT_PULL_ACTIONS).to.deep.equal(["codecommit:GitPull"]);
      expect(CODECOMMIT_PUSH_ACTIONS).to.deep.equal(["codecommit:GitPull", "codecommit:GitPush"]);
    });

    it("reads with GitPull and the repository-scoped read calls, without archive or unscoped calls", () => {
      expect(CODECOMMIT_READ_ACTIONS).to.have.length(35);
      expect(CODECOMMIT_READ_ACTIONS).to.include.members(["codecommit:GitPull", "codecommit:GetFile", "codecommit:ListPullRequests"]);
      expect(CODECOMMIT_READ_ACTIONS).to.not.include.members(["codecommit:GitPush"]);
      expect(CODECOMMIT_READ_ACTIONS.filter((a) => /UploadArchive|ListRepositories|ApprovalRuleTemplate$/.test(a))).to.deep.equal([]);
    });

    it("names the branch-changing, pull-request-merge, assume-role and invoke actions", () => {
      expect(CODECOMMIT_PROTECTED_BRANCH_ACTIONS).to.deep.equal([
        "codecommit:CreateCommit",
        "codecommit:DeleteBranch",
        "codecommit:DeleteFile",
        "codecommit:GitPush",
        "codecommit:MergeBranchesByFastForward",
        "codecommit:MergeBranchesBySquash",
        "codecommit:MergeBranchesByThreeWay",
        "codecommit:PutFile",
      ]);
      expect(CODECOMMIT_PULL_REQUEST_MERGE_ACTIONS).to.deep.equal([
        "codecommit:MergePullRequestByFastForward",
        "codecommit:MergePullRequestBySquash",
        "codecommit:MergePullRequestByThreeWay",
      ]);
      expect(CODECOMMIT_KEY_ACTIONS).to.deep.equal(KEY_STATEMENT.actions);
      expect(CROSS_ACCOUNT_ASSUME_ROLE_ACTIONS).to.deep.equal(["sts:AssumeRole"]);
      expect(REPO_EVENT_LAMBDA_INVOKE_ACTION).to.equal("lambda:InvokeFunction");
    });
  });

  describe("key statement", () => {
    it("uses the given keys only through CodeCommit in the context's region and partition, under the given sid", async () => {
      const other = "arn:aws-cn:kms:cn-north-1:111122223333:key/other";
      expect(await resolved([codeCommitKeyStatement([KEY, other], CTX, "RepoKey")])).to.deep.equal([
        { ...KEY_STATEMENT, sid: "RepoKey", resources: [KEY, other] },
      ]);
    });
  });

  describe("access statements", () => {
    it("grants `pull` GitPull on the repository and the key through CodeCommit", async () => {
      expect(await resolved(repositoryAccessStatements("pull", REPO, KEY, CTX))).to.deep.equal([
        { sid: "CodeCommitGitPull", actions: ["codecommit:GitPull"], resources: [REPO] },
        KEY_STATEMENT,
      ]);
    });

    it("grants `push` GitPull and GitPush on the repository and the key through CodeCommit", async () => {
      expect(await resolved(repositoryAccessStatements("push", REPO, KEY, CTX))).to.deep.equal([
        { sid: "CodeCommitPush", actions: ["codecommit:GitPull", "codecommit:GitPush"], resources: [REPO] },
        KEY_STATEMENT,
      ]);
    });

    it("grants `read` the read actions on the repository and the key through CodeCommit", async () => {
      expect(await resolved(repositoryAccessStatements("read", REPO, KEY, CTX))).to.deep.equal([
        { sid: "CodeCommitRead", actions: [...CODECOMMIT_READ_ACTIONS], resources: [REPO] },
        KEY_STATEMENT,
      ]);
    });
  });

  describe("protected branch statements", () => {
    it("denies direct changes to the named branches, only on requests that name references", () => {
      expect(protectedBranchStatements(REPO, ["main", "release/v1"], false)).to.deep.equal([
        {
          sid: "DenyDirectChangesToProtectedBranches",
          effect: "Deny",
          actions: [...CODECOMMIT_PROTECTED_BRANCH_ACTIONS],
          resources: [REPO],
          conditions: PROTECTED,
        },
      ]);
    });

    it("also denies pull request merges into them with `denyPullRequestMerges`", () => {
      expect(protectedBranchStatements(REPO, ["main", "release/v1"], true)).to.deep.equal([
        {
          sid: "DenyDirectChangesToProtectedBranches",
          effect: "Deny",
          actions: [...CODECOMMIT_PROTECTED_BRANCH_ACTIONS],
          resources: [REPO],
          conditions: PROTECTED,
        },
        {
          sid: "DenyPullRequestMergesIntoProtectedBranches",
          effect: "Deny",
          actions: [...CODECOMMIT_PULL_REQUEST_MERGE_ACTIONS],
          resources: [REPO],
          conditions: PROTECTED,
        },
      ]);
    });
  });

  describe("cross-account trust statements", () => {
    const PRINCIPALS = ["arn:aws:iam::444455556666:root", "arn:aws:iam::777788889999:role/ci"];
    const trust = (conditions: object) => [
      { sid: "TrustNamedPrincipals", principals: { aws: PRINCIPALS }, actions: ["sts:AssumeRole"], conditions },
    ];

    it("trusts exactly the named principals, with no condition by default", () => {
      expect(crossAccountTrustStatements(PRINCIPALS)).to.deep.equal(trust({}));
      expect(crossAccountTrustStatements(PRINCIPALS, undefined, false)).to.deep.equal(trust({}));
    });

    it("requires the external id when one is given", () => {
      expect(crossAccountTrustStatements(PRINCIPALS, "team-42")).to.deep.equal(trust({ StringEquals: { "sts:ExternalId": "team-42" } }));
    });

    it("requires MFA with `requireMfa`", () => {
      expect(crossAccountTrustStatements(PRINCIPALS, undefined, true)).to.deep.equal(
        trust({ Bool: { "aws:MultiFactorAuthPresent": "true" } }),
      );
    });

    it("requires both together", () => {
      expect(crossAccountTrustStatements(PRINCIPALS, "team-42", true)).to.deep.equal(
        trust({ StringEquals: { "sts:ExternalId": "team-42" }, Bool: { "aws:MultiFactorAuthPresent": "true" } }),
      );
    });
  });
});
