// The IAM building blocks every component uses (security/iam.ts): statements as rendered, trust
// conditions, the service role and the policies attached to it, each input exactly.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import {
  accountRootArn,
  attachManagedStatements,
  attachStatements,
  awsContext,
  checkPolicySizeNow,
  createServiceRole,
  policyDocument,
  renderStatement,
  roleNameInput,
  roleNameOf,
  serviceTrustPolicy,
  serviceTrustStatements,
} from "../packages/aws-cicd/src/security";
import { ACCOUNT, findResource, settle, statementsOf, unwrap } from "./harness";
import { failedRegistrations } from "./harness/rejections";

function thrown(f: () => unknown): string | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

const parentOf = (name: string) => new pulumi.ComponentResource("test:index:Parent", name, {});

describe("IAM building blocks", () => {
  describe("renderStatement", () => {
    it("renders an identity statement: Allow by default, no Sid, Principal or Condition unless given", () => {
      expect(renderStatement({ actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"], conditions: {} })).to.deep.equal({
        Effect: "Allow",
        Action: ["s3:GetObject"],
        Resource: ["arn:aws:s3:::b/*"],
      });
      expect(
        renderStatement({
          sid: "Deny1",
          effect: "Deny",
          actions: ["s3:*"],
          resources: ["*"],
          principals: { any: true, aws: ["x"] },
          conditions: { Bool: { "aws:SecureTransport": "false" } },
        }),
      ).to.deep.equal({
        Sid: "Deny1",
        Effect: "Deny",
        Principal: "*",
        Action: ["s3:*"],
        Resource: ["*"],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      });
    });

    it("renders a trust statement without Resource, and names only the principal kinds given", () => {
      expect(renderStatement({ principals: { service: ["codebuild.amazonaws.com"], aws: [] }, actions: ["sts:AssumeRole"] })).to.deep.equal(
        {
          Effect: "Allow",
          Principal: { Service: ["codebuild.amazonaws.com"] },
          Action: ["sts:AssumeRole"],
        },
      );
      expect(
        renderStatement({ principals: { aws: ["arn:aws:iam::111122223333:role/a"], service: [] }, actions: ["sts:AssumeRole"] }),
      ).to.deep.equal({ Effect: "Allow", Principal: { AWS: ["arn:aws:iam::111122223333:role/a"] }, Action: ["sts:AssumeRole"] });
      expect(renderStatement({ principals: { any: false }, actions: ["sts:AssumeRole"] }).Principal).to.deep.equal({});
    });

    it("refuses a statement without actions, and an identity statement without resources", () => {
      expect(thrown(() => renderStatement({ sid: "Read", actions: [], resources: ["*"] }))).to.equal(
        "Policy statement Read has no actions.",
      );
      expect(thrown(() => renderStatement({ actions: [], resources: ["*"] }))).to.equal("Policy statement without sid has no actions.");
      expect(thrown(() => renderStatement({ sid: "Read", actions: ["s3:GetObject"] }))).to.equal(
        "Policy statement Read needs `resources`.",
      );
      expect(thrown(() => renderStatement({ actions: ["s3:GetObject"] }))).to.equal("Policy statement without sid needs `resources`.");
      expect(thrown(() => renderStatement({ sid: "A1b2", actions: ["s3:GetObject"], resources: [] }))).to.equal(undefined);
    });

    it("refuses a sid with anything but letters and digits, anywhere in it", () => {
      for (const sid of ["", "a-b", " ab", "ab "]) {
        expect(
          thrown(() => renderStatement({ sid, actions: ["s3:GetObject"], resources: ["*"] })),
          sid,
        ).to.equal(`Policy statement \`sid\` must contain only letters and digits, got "${sid}".`);
      }
    });
  });

  describe("policyDocument", () => {
    it("writes version 2012-10-17 and each statement, keeping the first of repeated values in order", async () => {
      const doc = JSON.parse(
        await unwrap(
          policyDocument([
            { sid: "A", actions: ["s3:PutObject", "s3:GetObject", "s3:PutObject"], resources: ["b", "a", "b", pulumi.output("a")] },
            { sid: "B", principals: { service: ["sns.amazonaws.com"] }, actions: ["sts:AssumeRole"] },
          ]),
        ),
      );
      expect(doc).to.deep.equal({
        Version: "2012-10-17",
        Statement: [
          { Sid: "A", Effect: "Allow", Action: ["s3:PutObject", "s3:GetObject"], Resource: ["b", "a"] },
          { Sid: "B", Effect: "Allow", Principal: { Service: ["sns.amazonaws.com"] }, Action: ["sts:AssumeRole"] },
        ],
      });
    });
  });

  describe("service trust", () => {
    it("adds each confused-deputy condition only when given", () => {
      const trust = (scope: Parameters<typeof serviceTrustStatements>[1]) => serviceTrustStatements("codebuild.amazonaws.com", scope)[0];
      expect(serviceTrustStatements("codebuild.amazonaws.com", {})).to.deep.equal([
        { principals: { service: ["codebuild.amazonaws.com"] }, actions: ["sts:AssumeRole"], conditions: {} },
      ]);
      expect(trust({ sourceAccount: ACCOUNT }).conditions).to.deep.equal({ StringEquals: { "aws:SourceAccount": ACCOUNT } });
      expect(trust({ externalId: "elasticbeanstalk" }).conditions).to.deep.equal({
        StringEquals: { "sts:ExternalId": "elasticbeanstalk" },
      });
      expect(
        trust({ sourceAccount: ACCOUNT, externalId: "e", sourceArn: "arn:aws:codebuild:us-east-1:1:project/p" }).conditions,
      ).to.deep.equal({
        StringEquals: { "aws:SourceAccount": ACCOUNT, "sts:ExternalId": "e" },
        ArnLike: { "aws:SourceArn": "arn:aws:codebuild:us-east-1:1:project/p" },
      });
    });

    it("renders the trust policy document", async () => {
      expect(JSON.parse(await unwrap(serviceTrustPolicy("events.amazonaws.com", { sourceAccount: ACCOUNT })))).to.deep.equal({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { Service: ["events.amazonaws.com"] },
            Action: ["sts:AssumeRole"],
            Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
          },
        ],
      });
    });
  });

  describe("createServiceRole", () => {
    it("creates the role with the given name, path, boundary and tags, one-hour sessions and the trust policy", async () => {
      const parent = parentOf("role-parent");
      createServiceRole(
        "build-role",
        {
          service: "codebuild.amazonaws.com",
          description: "Build role",
          roleName: "exact-name",
          path: "/ci/",
          permissionsBoundary: "arn:aws:iam::123456789012:policy/boundary",
          tags: { team: "ci" },
          sourceAccount: ACCOUNT,
        },
        parent,
      );
      await settle();
      const role = findResource("aws:iam/role:Role", "build-role");
      expect(role.parent).to.equal(await unwrap(parent.urn));
      const { assumeRolePolicy, ...inputs } = role.inputs;
      expect(inputs).to.deep.equal({
        name: "exact-name",
        description: "Build role",
        path: "/ci/",
        permissionsBoundary: "arn:aws:iam::123456789012:policy/boundary",
        maxSessionDuration: 3600,
        tags: { team: "ci" },
      });
      expect(statementsOf(assumeRolePolicy)).to.deep.equal([
        {
          Effect: "Allow",
          Principal: { Service: ["codebuild.amazonaws.com"] },
          Action: ["sts:AssumeRole"],
          Resource: [],
          Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
        },
      ]);
    });

    it("lets Pulumi name the role while `<name>-<7 random>` is valid, else gives a valid prefix", async () => {
      const parent = parentOf("auto-parent");
      createServiceRole("short-role", { service: "codebuild.amazonaws.com", description: "d" }, parent);
      createServiceRole(`${"x".repeat(60)}-role`, { service: "codebuild.amazonaws.com", description: "d" }, parent);
      await settle();
      expect(findResource("aws:iam/role:Role", "short-role").inputs).to.not.have.any.keys("name", "namePrefix");
      expect(findResource("aws:iam/role:Role", `${"x".repeat(60)}-role`).inputs.namePrefix).to.have.length(38);
    });

    it("refuses a trust policy over IAM's 2,048 characters before the role exists, or when its values resolve", async () => {
      const parent = parentOf("big-trust");
      const big = "a".repeat(2100);
      expect(thrown(() => createServiceRole("big-role", { service: big, description: "d" }, parent))).to.match(
        /^The trust policy of role `big-role` is at least 2,\d{3} characters; IAM allows at most 2,048, whitespace not counted\. Trust fewer principals, or fewer values in its conditions\. See https:\/\/docs\.aws\.amazon\.com\/IAM\/latest\/UserGuide\/reference_iam-quotas\.html\.$/,
      );
      const failures = await failedRegistrations(() =>
        createServiceRole("later-role", { service: pulumi.output(big), description: "d" }, parent),
      );
      const message = failures.find((m) => m.includes("later-role"));
      expect(message).to.match(
        /^error serializing property "assumeRolePolicy": The trust policy of role `later-role` is 2,\d{3} characters; IAM allows at most 2,048/,
      );
    });
  });

  describe("attached policies", () => {
    it("attaches an inline policy to the role, auto-named", async () => {
      const parent = parentOf("inline-parent");
      attachStatements("inline-policy", "app-role", [{ sid: "Get", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"] }], parent);
      await settle();
      const p = findResource("aws:iam/rolePolicy:RolePolicy", "inline-policy");
      expect(p.parent).to.equal(await unwrap(parent.urn));
      expect(p.inputs.role).to.equal("app-role");
      expect(p.inputs).to.not.have.any.keys("name", "namePrefix");
      expect(statementsOf(p.inputs.policy)).to.deep.equal([
        { Sid: "Get", Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::b/*"] },
      ]);
    });

    it("puts statements in a managed policy described by the subject, and attaches it", async () => {
      const parent = parentOf("managed-parent");
      const about = { subject: "The deploy policy of `app`", fix: "Deploy fewer targets." };
      attachManagedStatements(
        "deploy",
        "app-role",
        [{ sid: "Put", actions: ["s3:PutObject"], resources: ["arn:aws:s3:::b/*"] }],
        about,
        parent,
      );
      await settle();
      const policy = findResource("aws:iam/policy:Policy", "deploy");
      expect(policy.inputs.description).to.equal("The deploy policy of `app`");
      expect(statementsOf(policy.inputs.policy)).to.deep.equal([
        { Sid: "Put", Effect: "Allow", Action: ["s3:PutObject"], Resource: ["arn:aws:s3:::b/*"] },
      ]);
      expect(policy.parent).to.equal(await unwrap(parent.urn));
      const attachment = findResource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "deploy-attachment");
      expect(attachment.inputs).to.deep.equal({ role: "app-role", policyArn: policy.state.arn });
      expect(attachment.parent).to.equal(await unwrap(parent.urn));
    });

    it("refuses a managed policy over IAM's 6,144 characters at once", () => {
      const about = { subject: "The deploy policy of `app`", fix: "Deploy fewer targets." };
      const resources = Array.from({ length: 200 }, (_, i) => `arn:aws:s3:::bucket-number-${i}/*`);
      expect(
        thrown(() => attachManagedStatements("huge", "r", [{ actions: ["s3:PutObject"], resources }], about, parentOf("huge-parent"))),
      ).to.match(
        /^The deploy policy of `app` is at least [\d,]+ characters; IAM allows at most 6,144, whitespace not counted\. Deploy fewer targets\./,
      );
    });

    it("checkPolicySizeNow throws a ResourceError of the resource only when the known values are over the limit", () => {
      const parent = parentOf("size-now");
      const about = { subject: "The topic policy of `t`", fix: "Name fewer." };
      expect(thrown(() => checkPolicySizeNow("topicPolicy", about, [{ actions: ["sns:Publish"], resources: ["*"] }], parent))).to.equal(
        undefined,
      );
      let error: unknown;
      try {
        checkPolicySizeNow("topicPolicy", about, [{ actions: ["sns:Publish"], resources: ["x".repeat(30720)] }], parent);
      } catch (e) {
        error = e;
      }
      expect(pulumi.ResourceError.isInstance(error)).to.equal(true);
      expect((error as Error).message).to.match(
        /^The topic policy of `t` is at least 30,\d{3} bytes; Amazon SNS allows at most 30,720\. Name fewer\./,
      );
    });
  });

  describe("role names", () => {
    it("takes the name from an ARN (after the path), a name, an Output or a role", async () => {
      expect(roleNameInput("arn:aws:iam::111122223333:role/ci/deploy")).to.equal("deploy");
      expect(roleNameInput("deploy")).to.equal("deploy");
      expect(await unwrap(roleNameInput(pulumi.output("arn:aws:iam::111122223333:role/x")))).to.equal("x");
      expect(await unwrap(roleNameOf("arn:aws:iam::111122223333:role/a/b"))).to.equal("b");
      expect(await unwrap(roleNameOf(pulumi.output("plain")))).to.equal("plain");
      const role = new aws.iam.Role("named-role", { name: "the-role", assumeRolePolicy: "{}" });
      expect(roleNameOf(role)).to.equal(role.name);
      expect(roleNameInput(role)).to.equal(role.name);
    });

    it("makes the account root ARN once per context", async () => {
      const ctx = awsContext(parentOf("ctx-parent"));
      expect(accountRootArn(ctx)).to.equal(accountRootArn(ctx));
      expect(await unwrap(accountRootArn(ctx))).to.equal(`arn:aws:iam::${ACCOUNT}:root`);
    });
  });
});
