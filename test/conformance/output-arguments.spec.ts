// Principals and ARNs given as Outputs are checked when they resolve, with the plain-string message:
// the child resource that would carry the value fails to register, which fails the deployment.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import * as lib from "../../packages/aws-cicd/src";
import { recorded } from "../harness";
import { failedRegistrations } from "../harness/rejections";
import { deployRole } from "./bad-input-fixtures";

const TOOLS = "111122223333";
const ROOT = `arn:aws:iam::${TOOLS}:root`;
const ROLE = `arn:aws:iam::${TOOLS}:role/deploy`;
const ACCOUNT = "123456789012";
const roleMessage = (arg: string, v: string) =>
  `\`${arg}\` must be an IAM role ARN such as "arn:aws:iam::111122223333:role/deploy", got "${v}". Name the exact role, not an account.`;
const serializing = (property: string, message: string) => `error serializing property "${property}": ${message}`;
const types = () => recorded.map((r) => r.type);

/** Every failure is `message`, as the engine reports a property that failed to serialize (possibly nested). */
function expectOnly(failures: string[], message: string): void {
  expect(failures.length, "some registration fails").to.be.at.least(1);
  for (const f of failures) expect(f.replace(/^(error serializing property "\w+": )+/, "")).to.equal(message);
}

const SOURCE = { codeCommitSource: { repositoryName: "app", repositoryArn: `arn:aws:codecommit:us-east-1:${ACCOUNT}:app` } };
const build = (extra: object = {}) => ({
  codeBuild: { projectName: "build", projectArn: `arn:aws:codebuild:us-east-1:${ACCOUNT}:project/build`, ...extra },
});

describe("Arguments given as Outputs are checked when they resolve", () => {
  describe("EncryptionKey principalArns", () => {
    it("an account root fails the key's registration with the plain-string message", async () => {
      const failures = await failedRegistrations(() => new lib.EncryptionKey("k", { principalArns: [pulumi.output(ROOT)] }));
      expect(failures).to.deep.equal([serializing("policy", roleMessage("principalArns[0]", ROOT))]);
      expect(types()).to.not.include("aws:kms/key:Key");
    });

    it("a secret account root fails the same way", async () => {
      const failures = await failedRegistrations(() => new lib.EncryptionKey("k", { principalArns: [ROLE, pulumi.secret(ROOT)] }));
      expect(failures).to.deep.equal([serializing("policy", roleMessage("principalArns[1]", ROOT))]);
    });

    it("an exact role passes into the key policy", async () => {
      const failures = await failedRegistrations(() => new lib.EncryptionKey("k", { principalArns: [pulumi.output(ROLE)] }));
      expect(failures).to.deep.equal([]);
      const key = recorded.find((r) => r.type === "aws:kms/key:Key")!;
      const named = JSON.parse(key.inputs.policy).Statement.find((s: { Sid: string }) => s.Sid === "NamedRolesDecryptThroughS3");
      expect(named.Principal).to.deep.equal({ AWS: [ROLE] });
    });

    it("a plain account root still fails before any child exists", () => {
      expect(() => new lib.EncryptionKey("k", { principalArns: [ROOT] })).to.throw(roleMessage("principalArns[0]", ROOT));
    });
  });

  describe("SecureBucket readerArns and writerArns", () => {
    it("a user as reader fails the bucket policy", async () => {
      const user = `arn:aws:iam::${TOOLS}:user/alice`;
      const failures = await failedRegistrations(() => new lib.SecureBucket("b", { readerArns: [pulumi.output(user)] }));
      expect(failures).to.deep.equal([serializing("policy", roleMessage("readerArns[0]", user))]);
      expect(types()).to.not.include("aws:s3/bucketPolicy:BucketPolicy");
    });

    it("`*` as writer fails the bucket policy", async () => {
      const failures = await failedRegistrations(() => new lib.SecureBucket("b", { writerArns: [ROLE, Promise.resolve("*")] }));
      expect(failures).to.deep.equal([serializing("policy", roleMessage("writerArns[1]", "*"))]);
    });
  });

  describe("Pipeline", () => {
    const stages = (roleArn: pulumi.Input<string>) => [
      { name: "Source", actions: [SOURCE] },
      { name: "Build", actions: [build({ roleArn })] },
    ];

    it("an action roleArn that resolves to an account root fails the deployment", async () => {
      const failures = await failedRegistrations(() => new lib.Pipeline("p", { stages: stages(pulumi.output(ROOT)) }));
      const message = roleMessage("stages[1].actions[0].roleArn", ROOT);
      expectOnly(failures, message);
      expect(types()).to.not.include("aws:codepipeline/pipeline:Pipeline");
      expect(types()).to.not.include("aws:kms/key:Key");
    });

    it("an exact action role passes into the stage declaration", async () => {
      const failures = await failedRegistrations(() => new lib.Pipeline("p", { stages: stages(pulumi.output(ROLE)) }));
      expect(failures).to.deep.equal([]);
      const p = recorded.find((r) => r.type === "aws:codepipeline/pipeline:Pipeline")!;
      expect(p.inputs.stages[1].actions[0].roleArn).to.equal(ROLE);
    });

    it("grantApproval refuses an approver that resolves to an account root", async () => {
      const message =
        '`role` must be an aws.iam.Role, a role name or an IAM role ARN such as "arn:aws:iam::111122223333:role/deploy", got "arn:aws:iam::111122223333:root". Name the exact role, not an account.';
      const failures = await failedRegistrations(() => {
        const p = new lib.Pipeline("p", {
          stages: [
            { name: "Source", actions: [SOURCE] },
            { name: "Approve", actions: [{ manualApproval: { notifyEmails: ["lead@example.com"] } }] },
          ],
        });
        p.grantApproval(pulumi.output(ROOT), "Approve");
      });
      expect(failures).to.deep.equal([serializing("role", message)]);
      expect(recorded.filter((r) => r.type === "aws:iam/rolePolicy:RolePolicy").map((r) => r.name)).to.not.include("p-Approve-approvers");
    });

    it("grantApproval refuses a plain account root at once", () => {
      const p = new lib.Pipeline("p", {
        stages: [
          { name: "Source", actions: [SOURCE] },
          { name: "Approve", actions: [{ manualApproval: {} }] },
        ],
      });
      expect(() => p.grantApproval(ROOT, "Approve")).to.throw(pulumi.ResourceError, "`role` must be an aws.iam.Role");
    });
  });

  describe("CrossAccountDeployRole", () => {
    it("a pipelineRoleArn that resolves to an account root fails the trust policy", async () => {
      const message = `\`pipelineRoleArn\` must be the exact ARN of the pipeline's role ("arn:aws:iam::<account>:role/<name>"), got "${ROOT}". An account root trusts every principal that account's administrators allow; name the pipeline's role.`;
      const failures = await failedRegistrations(
        () => new lib.CrossAccountDeployRole("d", deployRole({ pipelineRoleArn: pulumi.output(ROOT) })),
      );
      expectOnly(failures, message);
      expect(types()).to.not.include("aws:iam/role:Role");
    });

    it("an artifactKeyArn that resolves to an alias fails the role policy", async () => {
      const message =
        '`artifactKeyArn` must be a KMS key ARN such as "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", got "alias/pipeline". Aliases are not accepted: IAM policies name keys.';
      const failures = await failedRegistrations(
        () => new lib.CrossAccountDeployRole("d", deployRole({ artifactKeyArn: pulumi.output("alias/pipeline") })),
      );
      expect(failures).to.deep.equal([serializing("policy", message)]);
      expect(types()).to.not.include("aws:iam/rolePolicy:RolePolicy");
    });

    it("an artifactBucketArn that resolves to objects fails the role policy", async () => {
      const message = '`artifactBucketArn` must be an S3 bucket ARN such as "arn:aws:s3:::my-artifacts", got "arn:aws:s3:::app/*".';
      const failures = await failedRegistrations(
        () => new lib.CrossAccountDeployRole("d", deployRole({ artifactBucketArn: pulumi.output("arn:aws:s3:::app/*") })),
      );
      expect(failures).to.deep.equal([serializing("policy", message)]);
    });
  });

  describe("CodeCommitRepo grants", () => {
    const message = `\`role\` must be an aws.iam.Role, a role name or an IAM role ARN such as "arn:aws:iam::111122223333:role/deploy", got "${ROOT}". Name the exact role, not an account.`;

    it("grantPull refuses a role that resolves to an account root", async () => {
      const failures = await failedRegistrations(() => new lib.CodeCommitRepo("repo").grantPull(pulumi.output(ROOT)));
      expect(failures).to.deep.equal([serializing("role", message)]);
      expect(recorded.filter((r) => r.type === "aws:iam/rolePolicy:RolePolicy").map((r) => r.name)).to.deep.equal([]);
    });

    it("grantPush refuses a plain account root at once", () => {
      const repo = new lib.CodeCommitRepo("repo");
      expect(() => repo.grantPush(ROOT)).to.throw(pulumi.ResourceError, message);
    });
  });

  describe("CodeCommitRepo crossAccountAccess", () => {
    it("a principal that resolves to a bare account id (JavaScript caller) fails the trust policy", async () => {
      const message = `\`crossAccountAccess[0].principalArns\` must hold IAM role or user ARNs ("arn:aws:iam::<account>:role/<name>" or "arn:aws:iam::<account>:user/<name>"), got "${TOOLS}". A bare account id trusts the whole account; name the exact roles or users.`;
      const failures = await failedRegistrations(
        () => new lib.CodeCommitRepo("repo", { crossAccountAccess: [{ access: "pull", principalArns: [pulumi.output(TOOLS) as never] }] }),
      );
      expect(failures).to.deep.equal([serializing("assumeRolePolicy", message)]);
      expect(recorded.filter((r) => r.type === "aws:iam/role:Role").map((r) => r.name)).to.not.include("repo-cross-account-0");
    });
  });

  it("a key ARN Output that resolves to a key ARN passes into the child", async () => {
    const keyArn = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1111aaaa-22bb-33cc-44dd-555566667777`;
    const failures = await failedRegistrations(() => new lib.BuildProject("b", { encryptionKey: { keyArn: pulumi.output(keyArn) } }));
    expect(failures).to.deep.equal([]);
    expect(recorded.find((r) => r.type === "aws:codebuild/project:Project")!.inputs.encryptionKey).to.equal(keyArn);
  });

  it("a role object given to grantApproval is not checked as a string", async () => {
    const failures = await failedRegistrations(() => {
      const role = new aws.iam.Role("approver", { assumeRolePolicy: "{}" });
      const p = new lib.Pipeline("p", {
        stages: [
          { name: "Source", actions: [SOURCE] },
          { name: "Approve", actions: [{ manualApproval: {} }] },
        ],
      });
      p.grantApproval(role, "Approve");
    });
    expect(failures).to.deep.equal([]);
  });
});
