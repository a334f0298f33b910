import * as aws from "@pulumi/aws";
import { expect } from "chai";
import {
  CROSS_ACCOUNT_DEPLOY_MAX_SESSION_SECONDS,
  CrossAccountDeployRole,
  CrossAccountDeployRoleArgs,
} from "../../packages/aws-cicd/src/cross-account";
import { beanstalkDeployStatementsForTargets } from "../../packages/aws-cicd/src/beanstalk";
import { BEANSTALK_DEPLOY_SIDS_GRANTED_BY_ARTIFACT_STORE } from "../../packages/aws-cicd/src/pipeline";
import { POLICY_SIZE_LIMITS, policySize } from "../../packages/aws-cicd/src/security";
import {
  ACCOUNT,
  calls,
  childrenOf,
  descendantsOf,
  findResource,
  policyStatementsOf,
  recorded,
  settle,
  statementsOf,
  trustStatementsOf,
  unwrap,
} from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { BUCKET_ARN, KEY_ARN, PIPELINE_ROLE_ARN, PROD_TARGET, ROLE_ARGS } from "./fixtures";

const ROLE = "aws:iam/role:Role";
const POLICY = "aws:iam/policy:Policy";
const ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const ROLE_NAME = "aws-cicd-test-test-prod-deploy";

async function deployed(r: CrossAccountDeployRole): Promise<void> {
  await unwrap(r.roleArn);
  await unwrap(r.roleName);
  await settle();
}

/** What beanstalkDeployStatementsForTargets gives for PROD_TARGET, rendered, without the artifact read it shares with the role. */
async function beanstalkStatements(): Promise<any[]> {
  const ctx = { partition: "aws", region: "us-east-1", accountId: ACCOUNT };
  const covered: readonly string[] = BEANSTALK_DEPLOY_SIDS_GRANTED_BY_ARTIFACT_STORE;
  const list = beanstalkDeployStatementsForTargets({ targets: [PROD_TARGET], ctx, artifactBucketArn: BUCKET_ARN }).filter(
    (s) => !covered.includes(s.sid!),
  );
  const { policyDocument } = await import("../../packages/aws-cicd/src/security/iam");
  return statementsOf(await unwrap(policyDocument(list)));
}

const ARTIFACT_STATEMENTS = [
  { Sid: "ReadPipelineArtifacts", Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion"], Resource: [`${BUCKET_ARN}/*`] },
  // Cross-account access needs both sides: the bucket policy and the role's own policy (issue 9).
  { Sid: "LocatePipelineArtifactBucket", Effect: "Allow", Action: ["s3:GetBucketLocation"], Resource: [BUCKET_ARN] },
  {
    Sid: "DecryptPipelineArtifacts",
    Effect: "Allow",
    Action: ["kms:Decrypt"],
    Resource: [KEY_ARN],
    Condition: { StringEquals: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } },
  },
];

describe("CrossAccountDeployRole", () => {
  describe("role", () => {
    it("creates one role with a fixed name, one inline policy and two customer managed policies, all children of the component", async () => {
      const r = new CrossAccountDeployRole("prod-deploy", ROLE_ARGS);
      await deployed(r);
      const component = findResource("aws-cicd:index:CrossAccountDeployRole", "prod-deploy");
      // Registration order of the policies is the engine's: compare as a set.
      expect(childrenOf(component).map((c) => `${c.type} ${c.name}`)).to.have.members([
        `${ROLE} prod-deploy-role`,
        "aws:iam/rolePolicy:RolePolicy prod-deploy-role-policy",
        `${POLICY} prod-deploy-beanstalk-deploy-environments`,
        `${ATTACHMENT} prod-deploy-beanstalk-deploy-environments-attachment`,
        `${POLICY} prod-deploy-beanstalk-deploy-instances`,
        `${ATTACHMENT} prod-deploy-beanstalk-deploy-instances-attachment`,
      ]);
      expect(childrenOf(component)).to.have.length(6);
      expect(r.managedPolicies.length).to.equal(2);
      for (const part of ["environments", "instances"]) {
        const policy = findResource(POLICY, `prod-deploy-beanstalk-deploy-${part}`);
        expect(policy.inputs.description).to.equal(`The beanstalk-deploy-${part} policy of CrossAccountDeployRole \`prod-deploy\``);
        expect(findResource(ATTACHMENT, `prod-deploy-beanstalk-deploy-${part}-attachment`).inputs).to.deep.equal({
          role: ROLE_NAME,
          policyArn: policy.state.arn,
        });
      }
      const role = findResource(ROLE, "prod-deploy-role").inputs;
      expect(role.name).to.equal(ROLE_NAME);
      expect(role.maxSessionDuration).to.equal(CROSS_ACCOUNT_DEPLOY_MAX_SESSION_SECONDS);
      expect(role.description).to.equal(`Role the pipeline role ${PIPELINE_ROLE_ARN} assumes to deploy (aws-cicd).`);
      expect(await unwrap(r.roleArn)).to.equal(`arn:aws:iam::${ACCOUNT}:role/${ROLE_NAME}`);
      expect(await unwrap(r.roleName)).to.equal(ROLE_NAME);
    });

    it("uses `roleName`, `description`, `permissionsBoundary` and `tags` when given", async () => {
      const boundary = `arn:aws:iam::${ACCOUNT}:policy/boundary`;
      await deployed(
        new CrossAccountDeployRole("prod-deploy", {
          ...ROLE_ARGS,
          roleName: "shop-deploy",
          description: "d",
          permissionsBoundary: boundary,
          tags: { team: "shop" },
        }),
      );
      const role = findResource(ROLE, "prod-deploy-role").inputs;
      expect([role.name, role.description, role.permissionsBoundary, role.tags]).to.deep.equal([
        "shop-deploy",
        "d",
        boundary,
        { team: "shop" },
      ]);
    });
  });

  describe("trust", () => {
    it("trusts only the exact pipeline role", async () => {
      await deployed(new CrossAccountDeployRole("prod-deploy", ROLE_ARGS));
      expect(trustStatementsOf("prod-deploy-role")).to.deep.equal([
        { Sid: "TrustPipelineRole", Effect: "Allow", Principal: { AWS: [PIPELINE_ROLE_ARN] }, Action: ["sts:AssumeRole"], Resource: [] },
      ]);
    });

    it("requires the external id when `externalId` is given", async () => {
      await deployed(new CrossAccountDeployRole("prod-deploy", { ...ROLE_ARGS, externalId: "shop-prod-7f3a" }));
      expect(trustStatementsOf("prod-deploy-role")).to.deep.equal([
        {
          Sid: "TrustPipelineRole",
          Effect: "Allow",
          Principal: { AWS: [PIPELINE_ROLE_ARN] },
          Action: ["sts:AssumeRole"],
          Resource: [],
          Condition: { StringEquals: { "sts:ExternalId": "shop-prod-7f3a" } },
        },
      ]);
    });
  });

  describe("permissions", () => {
    it("reads and decrypts (through S3 in the pipeline's region) the artifacts inline, and deploys to exactly the given environment through two managed policies", async () => {
      await deployed(new CrossAccountDeployRole("prod-deploy", ROLE_ARGS));
      const inline = findResource("aws:iam/rolePolicy:RolePolicy", "prod-deploy-role-policy").inputs.policy;
      expect(statementsOf(inline)).to.deep.equal(ARTIFACT_STATEMENTS);
      const beanstalk = await beanstalkStatements();
      const managed = (part: string) => statementsOf(findResource(POLICY, `prod-deploy-beanstalk-deploy-${part}`).inputs.policy);
      const environments = [
        "RegisterApplicationVersions",
        "UpdateEnvironment",
        "ReadPlatformVersions",
        "StageBundleInBeanstalkBucket",
        "ReadBeanstalkBucket",
        "CreateBeanstalkBucketOnFirstUse",
        "UpdateEnvironmentStacks",
        "DescribeEnvironmentResources",
        "PassInstanceRoleToEc2",
      ];
      const instances = [
        "ScaleEnvironmentGroups",
        "CreateEnvironmentLaunchTemplates",
        "ActOnEnvironmentTaggedResources",
        "LaunchInstancesFromTemplates",
        "TagOnCreate",
        "TerminateEnvironmentInstances",
        "RegisterTargets",
        "UpdateScalingAlarms",
      ];
      expect(managed("environments")).to.deep.equal(environments.map((sid) => beanstalk.find((s) => s.Sid === sid)));
      expect(managed("instances")).to.deep.equal(instances.map((sid) => beanstalk.find((s) => s.Sid === sid)));
      // Every deploy statement is in exactly one of the two policies.
      expect([...environments, ...instances].sort()).to.deep.equal(beanstalk.map((s) => s.Sid).sort());
      // The inline policy keeps room (it held about 7,700 characters with the deploy list); each part is under 6,144.
      expect(policySize("roleInlinePolicies", inline)).to.be.lessThan(600);
      for (const part of ["environments", "instances"]) {
        expect(policySize("managedPolicy", findResource(POLICY, `prod-deploy-beanstalk-deploy-${part}`).inputs.policy)).to.be.lessThan(
          POLICY_SIZE_LIMITS.managedPolicy,
        );
      }
      const statements = policyStatementsOf("prod-deploy-role");
      const bySid = Object.fromEntries(statements.map((s) => [s.Sid, s]));
      expect(bySid.UpdateEnvironment.Resource).to.deep.equal([PROD_TARGET.environmentArn]);
      expect(bySid.PassInstanceRoleToEc2.Resource).to.deep.equal([PROD_TARGET.instanceRoleArn]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("decrypts through S3 of `artifactRegion` when given", async () => {
      await deployed(new CrossAccountDeployRole("prod-deploy", { ...ROLE_ARGS, artifactRegion: "eu-central-1" }));
      const decrypt = policyStatementsOf("prod-deploy-role").find((s) => s.Sid === "DecryptPipelineArtifacts")!;
      expect(decrypt.Condition).to.deep.equal({ StringEquals: { "kms:ViaService": "s3.eu-central-1.amazonaws.com" } });
    });

    it("names every environment once when given several targets", async () => {
      const staging = {
        ...PROD_TARGET,
        environmentName: "shop-staging",
        environmentArn: PROD_TARGET.environmentArn.replace("shop-prod", "shop-staging"),
        environmentId: "e-stg5678",
      };
      await deployed(new CrossAccountDeployRole("prod-deploy", { ...ROLE_ARGS, beanstalkTargets: [PROD_TARGET, staging] }));
      const bySid = Object.fromEntries(policyStatementsOf("prod-deploy-role").map((s) => [s.Sid, s]));
      expect(bySid.UpdateEnvironment.Resource).to.deep.equal([PROD_TARGET.environmentArn, staging.environmentArn]);
      expect(bySid.RegisterApplicationVersions.Resource).to.deep.equal([
        PROD_TARGET.applicationArn,
        `arn:aws:elasticbeanstalk:us-east-1:${ACCOUNT}:applicationversion/shop/*`,
      ]);
    });
  });

  describe("policy sizes", () => {
    it("refuses, before deployment, targets whose deploy list would take one managed policy over 6,144 characters", async () => {
      const env = (i: number) => ({
        ...PROD_TARGET,
        applicationName: `shop-${i}`,
        applicationArn: PROD_TARGET.applicationArn.replace("application/shop", `application/shop-${i}`),
        environmentName: `shop-prod-${i}`,
        environmentArn: PROD_TARGET.environmentArn.replace("shop/shop-prod", `shop-${i}/shop-prod-${i}`),
        environmentId: `e-prod${String(i).padStart(6, "0")}`,
        instanceRoleArn: `${PROD_TARGET.instanceRoleArn}-${i}`,
      });
      const beanstalkTargets = Array.from({ length: 30 }, (_, i) => env(i));
      let message = "";
      try {
        new CrossAccountDeployRole("prod-deploy", { ...ROLE_ARGS, beanstalkTargets });
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).to.match(
        /^The beanstalk-deploy-environments policy of CrossAccountDeployRole `prod-deploy` is at least [\d,]+ characters; IAM allows at most 6,144, whitespace not counted\. Deploy to fewer environments with one role\. See https:\/\/docs\.aws\.amazon\.com\/IAM\/latest\/UserGuide\/reference_iam-quotas\.html\.$/,
      );
      await settle();
      expect(recorded.filter((r) => r.type === POLICY)).to.deep.equal([]);
    });
  });

  describe("validation", () => {
    const cases: [string, Partial<CrossAccountDeployRoleArgs>, string][] = [
      [
        "an account root as pipeline role",
        { pipelineRoleArn: "arn:aws:iam::111122223333:root" },
        '`pipelineRoleArn` must be the exact ARN of the pipeline\'s role ("arn:aws:iam::<account>:role/<name>"), got "arn:aws:iam::111122223333:root". An account root trusts every principal that account\'s administrators allow; name the pipeline\'s role.',
      ],
      [
        "an account id as pipeline role",
        { pipelineRoleArn: "111122223333" },
        '`pipelineRoleArn` must be the exact ARN of the pipeline\'s role ("arn:aws:iam::<account>:role/<name>"), got "111122223333". A bare account id trusts the whole account; name the pipeline\'s role.',
      ],
      [
        "a user as pipeline role",
        { pipelineRoleArn: "arn:aws:iam::111122223333:user/ci" },
        '`pipelineRoleArn` must be the exact ARN of the pipeline\'s role ("arn:aws:iam::<account>:role/<name>"), got "arn:aws:iam::111122223333:user/ci".',
      ],
      [
        "no pipeline role",
        { pipelineRoleArn: undefined },
        "`pipelineRoleArn` is required: pass `pipeline.roleArn` or `pipelineRoleArn({ accountId, name })` of the tools account's pipeline.",
      ],
      [
        "a bucket name",
        { artifactBucketArn: "app-artifacts" },
        '`artifactBucketArn` must be an S3 bucket ARN such as "arn:aws:s3:::my-artifacts", got "app-artifacts".',
      ],
      [
        "a key alias",
        { artifactKeyArn: "arn:aws:kms:eu-west-1:111122223333:alias/cicd" },
        '`artifactKeyArn` must be a KMS key ARN such as "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", got "arn:aws:kms:eu-west-1:111122223333:alias/cicd". Aliases are not accepted: IAM policies name keys.',
      ],
      ["a bad region", { artifactRegion: "europe" }, '`artifactRegion` must be an AWS region such as "us-east-1", got "europe".'],
      ["a bad role name", { roleName: "a b" }, '`roleName` must hold 1 to 64 letters, digits or any of + = , . @ _ -, got "a b".'],
      [
        "a one-character external id",
        { externalId: "x" },
        '`externalId` must be 2 to 1,224 letters, digits or any of + = , . @ : / - _, got "x".',
      ],
      [
        "no target",
        { beanstalkTargets: [] },
        "`beanstalkTargets` or `codeDeployTargets` or `ecsServiceTargets` or `ecsBlueGreenTargets` must name at least one target to deploy to, got [] and [] and [] and []; e.g. `[target.beanstalkDeployTarget()]`.",
      ],
      [
        "a target without environment id",
        { beanstalkTargets: [{ ...PROD_TARGET, environmentId: undefined as unknown as string }] },
        "`beanstalkTargets[0].environmentId` is required; pass `target.beanstalkDeployTarget()` of a BeanstalkTarget.",
      ],
    ];
    for (const [what, change, message] of cases) {
      it(`throws when given ${what}, before creating any child`, async () => {
        expect(() => new CrossAccountDeployRole("prod-deploy", { ...ROLE_ARGS, ...change } as CrossAccountDeployRoleArgs)).to.throw(
          message,
        );
        await settle();
        expect(recorded.map((r) => r.type)).to.deep.equal(["aws-cicd:index:CrossAccountDeployRole"]);
      });
    }
  });

  describe("providers", () => {
    it("passes an explicit provider to every child and invoke", async () => {
      const prod = new aws.Provider("prod", { region: "us-east-1" });
      await deployed(new CrossAccountDeployRole("prod-deploy", ROLE_ARGS, { provider: prod }));
      const ref = `${await unwrap(prod.urn)}::prod-id`;
      const children = descendantsOf(findResource("aws-cicd:index:CrossAccountDeployRole", "prod-deploy"));
      expect(children).to.have.length(6);
      for (const c of children) expect(c.provider, `${c.type} ${c.name}`).to.equal(ref);
      expect(calls.length).to.be.greaterThan(0);
      for (const c of calls) expect(c.provider, c.token).to.equal(ref);
    });
  });
});
