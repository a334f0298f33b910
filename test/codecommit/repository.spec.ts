import * as aws from "@pulumi/aws";
import { expect } from "chai";
import { CodeCommitRepo, DEFAULT_REQUIRED_APPROVALS, DEFAULT_REPOSITORY_BRANCH } from "../../packages/aws-cicd/src/codecommit";
import { EncryptionKey } from "../../packages/aws-cicd/src/security";
import { ACCOUNT, calls, childrenOf, descendantsOf, findResource, recorded, resourcesOfType, settle, unwrap } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { optionalPropertiesWithoutDefault } from "../tsdoc-defaults";

const REPO = "aws:codecommit/repository:Repository";
const TEMPLATE = "aws:codecommit/approvalRuleTemplate:ApprovalRuleTemplate";
const ASSOCIATION = "aws:codecommit/approvalRuleTemplateAssociation:ApprovalRuleTemplateAssociation";
const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/app-key-key-id`;

describe("CodeCommitRepo", () => {
  describe("defaults", () => {
    it("documents a @default for every optional argument", () => {
      expect(optionalPropertiesWithoutDefault(["codecommit/codecommit-repo-args.ts"])).to.deep.equal([]);
    });

    it("creates an encrypted, retained repository named after the component with a 2-approval rule on main", async () => {
      const repo = new CodeCommitRepo("app");
      expect(await unwrap(repo.repositoryArn)).to.equal(`arn:aws:codecommit:us-east-1:${ACCOUNT}:app`);
      await settle();
      const component = findResource("aws-cicd:index:CodeCommitRepo", "app");
      expect(
        childrenOf(component)
          .map((c) => `${c.type} ${c.name}`)
          .sort(),
      ).to.deep.equal([
        "aws-cicd:index:EncryptionKey app-key",
        `${TEMPLATE} app-approvals`,
        `${ASSOCIATION} app-approvals-association`,
        `${REPO} app-repository`,
      ]);
      const r = findResource(REPO, "app-repository");
      expect(r.inputs).to.deep.equal({ repositoryName: "app", defaultBranch: "main", kmsKeyId: KEY_ARN });
      expect(r.options.retainOnDelete).to.equal(true);
      const template = findResource(TEMPLATE, "app-approvals");
      expect(template.inputs.name).to.equal("aws-cicd-test-test-app-approvals");
      expect(template.inputs.description).to.equal("Pull requests into protected branches of app need 2 approvals (aws-cicd).");
      expect(JSON.parse(template.inputs.content)).to.deep.equal({
        Version: "2018-11-08",
        DestinationReferences: ["refs/heads/main"],
        Statements: [{ Type: "Approvers", NumberOfApprovalsNeeded: 2 }],
      });
      expect(findResource(ASSOCIATION, "app-approvals-association").inputs).to.deep.equal({
        approvalRuleTemplateName: "aws-cicd-test-test-app-approvals",
        repositoryName: "app",
      });
      expect(DEFAULT_REQUIRED_APPROVALS).to.equal(2);
      expect(DEFAULT_REPOSITORY_BRANCH).to.equal("main");
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("registers under its type token and exposes the outputs", async () => {
      const repo = new CodeCommitRepo("app");
      expect(await unwrap(repo.urn)).to.equal("urn:pulumi:test::aws-cicd-test::aws-cicd:index:CodeCommitRepo::app");
      expect(await unwrap(repo.repositoryName)).to.equal("app");
      expect(await unwrap(repo.cloneUrlHttp)).to.equal("https://git-codecommit.us-east-1.amazonaws.com/v1/repos/app");
      expect(await unwrap(repo.cloneUrlSsh)).to.equal("ssh://git-codecommit.us-east-1.amazonaws.com/v1/repos/app");
      expect(await unwrap(repo.cloneUrlGrc)).to.equal("codecommit::us-east-1://app");
      expect(await unwrap(repo.keyArn)).to.equal(KEY_ARN);
      expect(repo.encryptionKey).to.be.instanceOf(EncryptionKey);
      expect(repo.notificationTopic).to.equal(undefined);
      expect(repo.trigger).to.equal(undefined);
      expect(repo.crossAccountRoles).to.deep.equal([]);
    });

    it("creates the key under the component, retained", async () => {
      new CodeCommitRepo("app");
      await settle();
      const key = findResource("aws:kms/key:Key", "app-key-key");
      expect(key.options.retainOnDelete).to.equal(true);
      expect(key.parent).to.equal(findResource("aws-cicd:index:EncryptionKey", "app-key").urn);
    });
  });

  describe("repository settings", () => {
    it("uses the given name, description, default branch and tags, and protects the default branch", async () => {
      const repo = new CodeCommitRepo("app", {
        repositoryName: "billing.api",
        description: "Billing API",
        defaultBranch: "trunk",
        tags: { team: "billing" },
      });
      expect(await unwrap(repo.cloneUrlGrc)).to.equal("codecommit::us-east-1://billing.api");
      await settle();
      expect(findResource(REPO, "app-repository").inputs).to.deep.equal({
        repositoryName: "billing.api",
        description: "Billing API",
        defaultBranch: "trunk",
        kmsKeyId: KEY_ARN,
        tags: { team: "billing" },
      });
      expect(JSON.parse(findResource(TEMPLATE, "app-approvals").inputs.content).DestinationReferences).to.deep.equal(["refs/heads/trunk"]);
    });

    it("uses a given key and creates none", async () => {
      const keyArn = `arn:aws:kms:us-east-1:${ACCOUNT}:key/shared`;
      const key = { keyArn };
      const repo = new CodeCommitRepo("app", { encryptionKey: key });
      expect(await unwrap(repo.keyArn)).to.equal(keyArn);
      await settle();
      expect(repo.encryptionKey).to.equal(key);
      expect(findResource(REPO, "app-repository").inputs.kmsKeyId).to.equal(keyArn);
      expect(resourcesOfType("aws-cicd:index:EncryptionKey")).to.deep.equal([]);
      expect(resourcesOfType("aws:kms/key:Key")).to.deep.equal([]);
    });

    it("lets the repository be deleted with the stack only when asked", async () => {
      const repo = new CodeCommitRepo("app", { retainOnDelete: false });
      await unwrap(repo.repositoryArn);
      await settle();
      expect(findResource(REPO, "app-repository").options.retainOnDelete).to.equal(false);
    });
  });

  describe("pull request approvals", () => {
    it("renders the required approvals, protected branches and approval pool", async () => {
      const pool = ["arn:aws:sts::123456789012:assumed-role/Reviewers/*", "CodeCommitApprovers:123456789012:alice"];
      const repo = new CodeCommitRepo("app", {
        requiredApprovals: 3,
        protectedBranches: ["main", "release/v1"],
        approvalPoolMembers: pool,
        approvalRuleTemplateName: "Three reviewers",
      });
      await unwrap(repo.repositoryArn);
      await settle();
      const template = findResource(TEMPLATE, "app-approvals");
      expect(template.inputs.name).to.equal("Three reviewers");
      expect(template.inputs.description).to.equal("Pull requests into protected branches of app need 3 approvals (aws-cicd).");
      expect(JSON.parse(template.inputs.content)).to.deep.equal({
        Version: "2018-11-08",
        DestinationReferences: ["refs/heads/main", "refs/heads/release/v1"],
        Statements: [{ Type: "Approvers", NumberOfApprovalsNeeded: 3, ApprovalPoolMembers: pool }],
      });
      expect(findResource(ASSOCIATION, "app-approvals-association").inputs.approvalRuleTemplateName).to.equal("Three reviewers");
      expect(repo.approvalRuleTemplate).to.not.equal(undefined);
    });

    it("derives a different template name per component", async () => {
      new CodeCommitRepo("web");
      new CodeCommitRepo("api");
      await settle();
      expect(
        resourcesOfType(TEMPLATE)
          .map((t) => t.inputs.name)
          .sort(),
      ).to.deep.equal(["aws-cicd-test-test-api-approvals", "aws-cicd-test-test-web-approvals"]);
    });

    it("creates no template when approvals are explicitly turned off", async () => {
      const repo = new CodeCommitRepo("app", { requirePullRequestApprovals: false });
      await unwrap(repo.repositoryArn);
      await settle();
      expect(resourcesOfType(TEMPLATE)).to.deep.equal([]);
      expect(resourcesOfType(ASSOCIATION)).to.deep.equal([]);
      expect(repo.approvalRuleTemplate).to.equal(undefined);
    });
  });

  describe("providers", () => {
    it("passes an explicit provider to every child resource and invoke", async () => {
      const provider = new aws.Provider("other", { region: "eu-west-1" });
      const repo = new CodeCommitRepo(
        "app",
        { notifications: {}, triggers: [{ target: { snsTopicArn: `arn:aws:sns:us-east-1:${ACCOUNT}:t` } }] },
        { providers: { aws: provider } },
      );
      repo.grantPull("ci");
      await unwrap(repo.cloneUrlGrc);
      await settle();
      const providerUrn = await unwrap(provider.urn);
      const custom = descendantsOf(findResource("aws-cicd:index:CodeCommitRepo", "app")).filter((r) => !r.type.startsWith("aws-cicd:"));
      expect(custom.length).to.be.greaterThan(8);
      for (const r of custom) expect(r.provider, `${r.type} ${r.name}`).to.equal(`${providerUrn}::other-id`);
      expect(calls.length).to.be.greaterThan(0);
      for (const c of calls) expect(c.provider, c.token).to.equal(`${providerUrn}::other-id`);
    });
  });

  describe("validation", () => {
    const cases: [string, object, string][] = [
      ["a name ending in .git", { repositoryName: "app.git" }, 'must not end in ".git", got "app.git".'],
      ["0 approvals", { requiredApprovals: 0 }, "`requiredApprovals` must be a whole number from 1 to 200, got 0."],
      [
        "a bad branch",
        { protectedBranches: ["a..b"] },
        '`protectedBranches[0]` must hold Git branch names (without "refs/heads/"); "a..b"',
      ],
      [
        "an account-root principal",
        { crossAccountAccess: [{ principalArns: ["arn:aws:iam::111122223333:root"], access: "pull" }] },
        "An account root trusts every principal that account's administrators allow; name the exact roles or users.",
      ],
      [
        "a trigger without target",
        { triggers: [{ target: {} }] },
        "`triggers[0].target` must set one of `snsTopicArn` or `lambdaFunctionArn`, got neither.",
      ],
      [
        "a bad email",
        { notifications: { emailSubscriptions: ["x"] } },
        '`notifications.emailSubscriptions` must hold email addresses, got "x".',
      ],
    ];
    for (const [what, args, message] of cases) {
      it(`throws for ${what} before creating any child`, async () => {
        expect(() => new CodeCommitRepo("app", args)).to.throw(message);
        await settle();
        expect(recorded.map((r) => r.type)).to.deep.equal(["aws-cicd:index:CodeCommitRepo"]);
      });
    }

    it("throws a ResourceError for an invalid component name used as the repository name", async () => {
      expect(() => new CodeCommitRepo("my app")).to.throw(
        "The name defaults to the component name; pass `repositoryName` to choose another.",
      );
      await settle();
      expect(recorded.map((r) => r.type)).to.deep.equal(["aws-cicd:index:CodeCommitRepo"]);
    });
  });
});
