import { expect } from "chai";
import { PulumiStack, PulumiStackArgs, pulumiPreviewBuildSpec, pulumiUpBuildSpec } from "../../packages/aws-cicd/src";
import {
  PULUMI_STATE_KEY_READ_ACTIONS,
  PULUMI_STATE_KEY_WRITE_ACTIONS,
  PULUMI_STATE_LIST_ACTIONS,
  PULUMI_STATE_READ_ACTIONS,
  PULUMI_STATE_WRITE_ACTIONS,
} from "../../packages/aws-cicd/src/pulumi";
import {
  ACCOUNT,
  childrenOf,
  findResource,
  policyStatementsOf,
  recorded,
  settle,
  statementsOf,
  trustStatementsOf,
  unwrap,
} from "../harness";
import * as pulumi from "@pulumi/pulumi";
import { checkStatement } from "../harness/iam-check";
import { failedRegistrations } from "../harness/rejections";
import { deployPolicyDocumentProblem } from "../../packages/aws-cicd/src/pulumi";

const BUCKET = "arn:aws:s3:::prod-state-bucket";
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/prod-state-key-key-id`;
const DEPLOY = `arn:aws:iam::${ACCOUNT}:role/aws-cicd-test-test-prod-deploy`;
const STATE: PulumiStackArgs = { stack: "acme/shop/prod", stateBackend: { create: true, prefix: "shop" } };
const POLICY = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:CreateBucket", Resource: "*" }] });

async function built(s: PulumiStack): Promise<void> {
  await unwrap(s.previewProjectName);
  await unwrap(s.upProjectName);
  await settle();
}

/** The statements of one of the extra inline policies of a build role (`pulumi-state`, `pulumi-deploy`). */
function extraPolicy(name: string): unknown[] {
  return statementsOf(findResource("aws:iam/rolePolicy:RolePolicy", name).inputs.policy);
}

function projectVariables(name: string): Record<string, string> {
  const vars: { name: string; type: string; value: string }[] =
    findResource("aws:codebuild/project:Project", name).inputs.environment.environmentVariables ?? [];
  expect(vars.every((v) => v.type === "PLAINTEXT")).to.equal(true);
  return Object.fromEntries(vars.map((v) => [v.name, v.value]));
}

describe("PulumiStack", () => {
  describe("state backend", () => {
    it("creates a state key usable directly and a versioned, retained bucket encrypted with it, under itself", async () => {
      const s = new PulumiStack("prod", STATE);
      await built(s);
      const self = findResource("aws-cicd:index:PulumiStack", "prod");
      expect(childrenOf(self).map((r) => `${r.type}/${r.name}`)).to.deep.equal([
        "aws-cicd:index:EncryptionKey/prod-state-key",
        "aws-cicd:index:SecureBucket/prod-state",
        "aws-cicd:index:BuildProject/prod-preview",
        "aws-cicd:index:BuildProject/prod-up",
      ]);
      const key = findResource("aws:kms/key:Key", "prod-state-key-key").inputs;
      expect([key.enableKeyRotation, key.description]).to.deep.equal([true, "Pulumi state and secrets of PulumiStack prod (aws-cicd)"]);
      expect(statementsOf(key.policy).find((x) => x.Sid === "AccountUsesKeyDirectly")).to.deep.equal({
        Sid: "AccountUsesKeyDirectly",
        Effect: "Allow",
        Principal: { AWS: [`arn:aws:iam::${ACCOUNT}:root`] },
        Action: ["kms:Decrypt", "kms:Encrypt"],
        Resource: ["*"],
        Condition: { StringEquals: { "kms:CallerAccount": ACCOUNT } },
      });
      const sse = findResource(
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        "prod-state-encryption",
      ).inputs;
      expect(sse.rules[0].applyServerSideEncryptionByDefault).to.deep.equal({ sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY });
      expect(
        findResource("aws:s3/bucketVersioning:BucketVersioning", "prod-state-versioning").inputs.versioningConfiguration,
      ).to.deep.equal({ status: "Enabled" });
      const rules = findResource("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "prod-state-lifecycle").inputs.rules;
      expect([rules[0].expiration, rules[1].noncurrentVersionExpiration]).to.deep.equal([{ days: 36500 }, { noncurrentDays: 365 }]);
      expect([await unwrap(s.stateBackendUrl!), await unwrap(s.secretsProvider!)]).to.deep.equal([
        "s3://prod-state-bucket/shop?region=us-east-1",
        "awskms://alias/aws-cicd-test/test/prod-state-key?region=us-east-1",
      ]);
    });

    it("gives both builds PULUMI_BACKEND_URL and no Pulumi Cloud token", async () => {
      await built(new PulumiStack("prod", STATE));
      for (const p of ["prod-preview-project", "prod-up-project"]) {
        expect(projectVariables(p), p).to.deep.equal({ PULUMI_BACKEND_URL: "s3://prod-state-bucket/shop?region=us-east-1" });
      }
      expect(pulumiPreviewBuildSpec(STATE).env).to.not.have.property("secrets-manager");
    });

    it("lets the preview role read and the up role write exactly the state objects under the prefix", async () => {
      await built(new PulumiStack("prod", STATE));
      const list = {
        Sid: "ListPulumiState",
        Effect: "Allow",
        Action: [...PULUMI_STATE_LIST_ACTIONS],
        Resource: [BUCKET],
        Condition: { StringLike: { "s3:prefix": ["shop/.pulumi/*"] } },
      };
      const decrypt = { Sid: "DecryptPulumiState", Effect: "Allow", Action: [...PULUMI_STATE_KEY_READ_ACTIONS], Resource: [KEY] };
      expect(extraPolicy("prod-preview-pulumi-state")).to.deep.equal([
        { Sid: "ReadPulumiState", Effect: "Allow", Action: ["s3:GetObject"], Resource: [`${BUCKET}/shop/.pulumi/*`] },
        list,
        decrypt,
      ]);
      expect(extraPolicy("prod-up-pulumi-state")).to.deep.equal([
        {
          Sid: "ReadWritePulumiState",
          Effect: "Allow",
          Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
          Resource: [`${BUCKET}/shop/.pulumi/*`],
        },
        list,
        decrypt,
        {
          Sid: "EncryptPulumiStateObjects",
          Effect: "Allow",
          Action: ["kms:GenerateDataKey"],
          Resource: [KEY],
          Condition: { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } },
        },
      ]);
    });

    it("keeps the state at the bucket root without a prefix", async () => {
      const s = new PulumiStack("prod", { stack: "prod", stateBackend: { create: true } });
      await built(s);
      expect(await unwrap(s.stateBackendUrl!)).to.equal("s3://prod-state-bucket?region=us-east-1");
      expect((extraPolicy("prod-preview-pulumi-state")[0] as { Resource: string[] }).Resource).to.deep.equal([`${BUCKET}/.pulumi/*`]);
    });

    it("uses only real actions, none wildcard", async () => {
      const lists = [
        PULUMI_STATE_READ_ACTIONS,
        PULUMI_STATE_WRITE_ACTIONS,
        PULUMI_STATE_LIST_ACTIONS,
        PULUMI_STATE_KEY_READ_ACTIONS,
        PULUMI_STATE_KEY_WRITE_ACTIONS,
      ];
      for (const actions of lists) {
        expect(
          await checkStatement("state", "identity", { Effect: "Allow", Action: [...actions], Resource: ["arn:aws:s3:::b/x"] }),
        ).to.deep.equal([]);
      }
    });
  });

  describe("deploy role", () => {
    const CREATED: PulumiStackArgs = {
      stack: "acme/shop/prod",
      accessToken: { secretsManager: "pulumi-token" },
      deployRole: {
        managedPolicyArns: ["arn:aws:iam::111122223333:policy/deploy-shop"],
        inlinePolicies: [POLICY],
        permissionsBoundaryArn: "arn:aws:iam::111122223333:policy/boundary",
      },
    };

    it("creates a role trusted by exactly the two build roles, with the boundary and the policies given", async () => {
      const s = new PulumiStack("prod", CREATED);
      await built(s);
      const role = findResource("aws:iam/role:Role", "prod-deploy");
      expect(role.inputs).to.deep.include({
        name: "aws-cicd-test-test-prod-deploy",
        maxSessionDuration: 3600,
        permissionsBoundary: "arn:aws:iam::111122223333:policy/boundary",
      });
      expect(trustStatementsOf(role)).to.deep.equal([
        {
          Sid: "TrustPulumiBuildRoles",
          Effect: "Allow",
          Principal: { AWS: [`arn:aws:iam::${ACCOUNT}:role/prod-up-role`, `arn:aws:iam::${ACCOUNT}:role/prod-preview-role`] },
          Action: ["sts:AssumeRole"],
          Resource: [],
        },
      ]);
      expect(findResource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "prod-deploy-managed-0").inputs).to.deep.equal({
        role: "aws-cicd-test-test-prod-deploy",
        policyArn: "arn:aws:iam::111122223333:policy/deploy-shop",
      });
      expect(policyStatementsOf(role)).to.deep.equal([{ Effect: "Allow", Action: ["s3:CreateBucket"], Resource: ["*"] }]);
      expect(await unwrap(s.deployRoleArn!)).to.equal(DEPLOY);
    });

    it("lets each build role assume exactly the deploy role, named in PULUMI_DEPLOY_ROLE_ARN", async () => {
      await built(new PulumiStack("prod", CREATED));
      for (const b of ["preview", "up"]) {
        expect(extraPolicy(`prod-${b}-pulumi-deploy`), b).to.deep.equal([
          { Sid: "AssumePulumiDeployRole", Effect: "Allow", Action: ["sts:AssumeRole"], Resource: [DEPLOY] },
        ]);
        expect(projectVariables(`prod-${b}-project`), b).to.deep.equal({ PULUMI_DEPLOY_ROLE_ARN: DEPLOY });
      }
    });

    it("uses a named role in another account, and a separate preview role, creating no role", async () => {
      const deploy = "arn:aws:iam::444455556666:role/shop-deployer";
      const reader = "arn:aws:iam::444455556666:role/shop-reader";
      const s = new PulumiStack("prod", { ...CREATED, deployRole: { roleArn: deploy }, previewRoleArn: reader });
      await built(s);
      expect(recorded.filter((r) => r.type === "aws:iam/role:Role").map((r) => r.name)).to.deep.equal([
        "prod-preview-role",
        "prod-up-role",
      ]);
      expect(extraPolicy("prod-preview-pulumi-deploy")).to.deep.equal([
        { Sid: "AssumePulumiDeployRole", Effect: "Allow", Action: ["sts:AssumeRole"], Resource: [reader] },
      ]);
      expect(extraPolicy("prod-up-pulumi-deploy")).to.deep.equal([
        { Sid: "AssumePulumiDeployRole", Effect: "Allow", Action: ["sts:AssumeRole"], Resource: [deploy] },
      ]);
      expect(projectVariables("prod-preview-project")).to.deep.equal({ PULUMI_DEPLOY_ROLE_ARN: reader });
      expect(projectVariables("prod-up-project")).to.deep.equal({ PULUMI_DEPLOY_ROLE_ARN: deploy });
      expect(await unwrap(s.deployRoleArn!)).to.equal(deploy);
    });

    it("trusts only the up role when the preview has its own role", async () => {
      await built(new PulumiStack("prod", { ...CREATED, previewRoleArn: "arn:aws:iam::111122223333:role/shop-reader" }));
      expect(trustStatementsOf("prod-deploy")[0].Principal).to.deep.equal({ AWS: [`arn:aws:iam::${ACCOUNT}:role/prod-up-role`] });
    });

    it("accepts AdministratorAccess only with allowAdministratorAccess", async () => {
      const admin = "arn:aws:iam::aws:policy/AdministratorAccess";
      await built(new PulumiStack("prod", { ...CREATED, deployRole: { managedPolicyArns: [admin], allowAdministratorAccess: true } }));
      expect(findResource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "prod-deploy-managed-0").inputs.policyArn).to.equal(admin);
    });

    it("renders the profile that assumes the role and passes it as aws:profile, in both buildspecs", () => {
      const profile =
        'export AWS_CONFIG_FILE="$(mktemp -d)/config" && printf \'[profile %s]\\nrole_arn = %s\\ncredential_source = EcsContainer\\nrole_session_name = %s\\n\' aws-cicd-deploy "$PULUMI_DEPLOY_ROLE_ARN" aws-cicd-pulumi > "$AWS_CONFIG_FILE"';
      const preview = pulumiPreviewBuildSpec(CREATED).phases!.build!.commands!;
      expect(preview.slice(1, 3)).to.deep.equal([
        profile,
        'pulumi preview --stack "$PULUMI_STACK" --cwd "$CODEBUILD_SRC_DIR/$PULUMI_WORK_DIR" --config "aws:profile=aws-cicd-deploy" --save-plan "$PLAN_DIR/plan.json" --json --non-interactive > "$PLAN_DIR/preview.json"',
      ]);
      const up = pulumiUpBuildSpec(CREATED, "prodPlan").phases!.build!.commands!;
      expect(up.slice(3)).to.deep.equal([
        profile,
        'pulumi up --stack "$PULUMI_STACK" --cwd "$CODEBUILD_SRC_DIR/$PULUMI_WORK_DIR" --config "aws:profile=aws-cicd-deploy" --plan "$PLAN_FILE" --yes --non-interactive',
      ]);
      expect(JSON.stringify(pulumiUpBuildSpec(CREATED, "prodPlan"))).to.not.match(
        /AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN|sts assume-role/,
      );
    });
  });

  describe("values given as Outputs, checked when they resolve", () => {
    it("refuses an account root as deployRole.roleArn: the grant and the projects fail to register", async () => {
      const root = "arn:aws:iam::111122223333:root";
      const failures = await failedRegistrations(
        () => new PulumiStack("late", { stack: "dev", accessToken: { secretsManager: "t" }, deployRole: { roleArn: pulumi.output(root) } }),
      );
      expect(failures.map((f) => f.replace(/^(error serializing property "\w+": )+/, ""))).to.include(
        `\`deployRole.roleArn\` must be an IAM role ARN such as "arn:aws:iam::111122223333:role/deploy", got "${root}". Name the exact role, not an account.`,
      );
      expect(recorded.filter((r) => r.name === "late-up-pulumi-deploy" || r.name === "late-up-project")).to.deep.equal([]);
    });

    it("refuses AdministratorAccess given late: its attachment fails to register", async () => {
      const admin = "arn:aws:iam::aws:policy/AdministratorAccess";
      const failures = await failedRegistrations(
        () =>
          new PulumiStack("late", {
            stack: "dev",
            accessToken: { secretsManager: "t" },
            deployRole: { managedPolicyArns: [pulumi.output(admin)] },
          }),
      );
      expect(failures.map((f) => f.replace(/^(error serializing property "\w+": )+/, ""))).to.deep.equal([
        `\`deployRole.managedPolicyArns[0]\` is "${admin}", administrator access, which the deploy role never gets by default. Pass policies that grant what the stack's resources need, or set \`deployRole.allowAdministratorAccess: true\` to deploy anything in the account knowingly.`,
      ]);
      expect(recorded.filter((r) => r.name === "late-deploy-managed-0")).to.deep.equal([]);
    });
  });

  describe("administrator documents", () => {
    const problem = deployPolicyDocumentProblem("p", false);
    const doc = (statement: unknown) => JSON.stringify({ Version: "2012-10-17", Statement: statement });
    it("refuses * on * as a list, a single statement or among others, and accepts narrower ones or a Deny", () => {
      expect(problem(doc([{ Effect: "Allow", Action: ["*"], Resource: ["*"] }]))).to.match(/administrator access/);
      expect(problem(doc({ Effect: "Allow", Action: "*", Resource: "*" }))).to.match(/administrator access/);
      expect(
        problem(
          doc([
            { Effect: "Allow", Action: "s3:GetObject", Resource: "*" },
            { Effect: "Allow", Action: "*", Resource: ["*"] },
          ]),
        ),
      ).to.match(/administrator access/);
      expect(problem(doc([{ Effect: "Allow", Action: "s3:*", Resource: "*" }]))).to.equal(undefined);
      expect(problem(doc([{ Effect: "Deny", Action: "*", Resource: "*" }]))).to.equal(undefined);
      expect(deployPolicyDocumentProblem("p", true)(doc({ Effect: "Allow", Action: "*", Resource: "*" }))).to.equal(undefined);
    });
  });
});
