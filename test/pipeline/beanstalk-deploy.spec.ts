import { expect } from "chai";
import { BeanstalkTarget, beanstalkDeployStatementsForTargets } from "../../packages/aws-cicd/src/beanstalk";
import { BuildProject } from "../../packages/aws-cicd/src/codebuild";
import { CodeCommitRepo } from "../../packages/aws-cicd/src/codecommit";
import {
  ActionArgs,
  BeanstalkDeployActionArgs,
  beanstalkDeployAction,
  manualApprovalAction,
  Pipeline,
  planStages,
  StageArgs,
} from "../../packages/aws-cicd/src/pipeline";
import { EncryptionKey } from "../../packages/aws-cicd/src/security";
import { ACCOUNT, findResource, policyStatementsOf, recorded, settle, statementsOf, unwrap } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { CODECOMMIT_KEY_USE, EB, Env, inManagedOrder, KMS_USE, managedDeployStatements, R, VIA } from "./beanstalk-fixtures";
import { BUCKET_ARN, build, KEY_ARN, loadedPipeline, source } from "./fixtures";

const FLAGSHIP_APP = "aws-cicd-test-test-dev";
const DEV: Env = {
  app: FLAGSHIP_APP,
  env: "aws-cicd-test-test-dev",
  id: "dev-environment-id",
  instanceRole: `arn:aws:iam::${ACCOUNT}:role/dev-instance-role`,
};
const PROD: Env = {
  app: FLAGSHIP_APP,
  env: "aws-cicd-test-test-prod",
  id: "prod-environment-id",
  instanceRole: `arn:aws:iam::${ACCOUNT}:role/prod-instance-role`,
};
const STACK_KEY_ARN = `arn:aws:kms:${R}:key/cicd-key-id`;
const PROJECT = "aws-cicd-test-test-test";

/** The flagship program of the API sketch, under mocks. */
async function flagship(): Promise<Pipeline> {
  const key = new EncryptionKey("cicd");
  const repo = new CodeCommitRepo("app", { encryptionKey: key });
  const test = new BuildProject("test", { encryptionKey: key });
  const dev = new BeanstalkTarget("dev");
  const prod = new BeanstalkTarget("prod", { application: dev.application, environmentType: "LoadBalanced" });
  const pipeline = new Pipeline("app", {
    encryptionKey: key,
    stages: [
      { name: "Source", actions: [repo.sourceAction({ branch: "main" })] },
      { name: "BuildAndTest", actions: [test.buildAction()] },
      { name: "DeployDev", actions: [dev.deployAction()] },
      { name: "Approve", actions: [manualApprovalAction({ notifyEmails: ["lead@example.com"], message: "Promote to prod?" })] },
      { name: "DeployProd", actions: [prod.deployAction()] },
    ],
  });
  await unwrap(pipeline.consoleUrl);
  await unwrap(dev.endpointUrl);
  await unwrap(prod.endpointUrl);
  await settle();
  return pipeline;
}

const deployDeclaration = (e: Env) => ({
  name: "Deploy",
  category: "Deploy",
  owner: "AWS",
  provider: "ElasticBeanstalk",
  version: "1",
  configuration: { ApplicationName: e.app, EnvironmentName: e.env },
  runOrder: 1,
  inputArtifacts: ["BuildOutput"],
});

/** Plain-data deploy args for a target that is not a component. */
const plainTarget = (e: Env, extra: Partial<BeanstalkDeployActionArgs> = {}): ActionArgs =>
  beanstalkDeployAction({
    applicationName: e.app,
    environmentName: e.env,
    applicationArn: `${EB}:application/${e.app}`,
    environmentArn: `${EB}:environment/${e.app}/${e.env}`,
    environmentId: e.id,
    instanceRoleArn: e.instanceRole,
    ...extra,
  });
const WEB: Env = { app: "shop", env: "shop-web", id: "e-web0000001", instanceRole: `arn:aws:iam::${ACCOUNT}:role/web-instances` };
const API: Env = { app: "shop-api", env: "shop-api-prod", id: "e-api0000001", instanceRole: `arn:aws:iam::${ACCOUNT}:role/api-instances` };

describe("Pipeline", () => {
  describe("Elastic Beanstalk deploy (flagship: source, build, dev, approval, prod)", () => {
    it("declares every stage and action, with the build output deployed to dev and then prod", async () => {
      await flagship();
      expect(findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline").inputs.stages).to.deep.equal([
        {
          name: "Source",
          actions: [
            {
              name: "Source",
              category: "Source",
              owner: "AWS",
              provider: "CodeCommit",
              version: "1",
              configuration: { RepositoryName: "app", BranchName: "main", PollForSourceChanges: "false", OutputArtifactFormat: "CODE_ZIP" },
              runOrder: 1,
              outputArtifacts: ["SourceOutput"],
            },
          ],
        },
        {
          name: "BuildAndTest",
          actions: [
            {
              name: "Build",
              category: "Build",
              owner: "AWS",
              provider: "CodeBuild",
              version: "1",
              configuration: { ProjectName: PROJECT },
              runOrder: 1,
              inputArtifacts: ["SourceOutput"],
              outputArtifacts: ["BuildOutput"],
            },
          ],
        },
        { name: "DeployDev", actions: [deployDeclaration(DEV)] },
        {
          name: "Approve",
          actions: [
            {
              name: "Approve",
              category: "Approval",
              owner: "AWS",
              provider: "Manual",
              version: "1",
              configuration: { NotificationArn: `arn:aws:sns:${R}:app-Approve-Approve-topic-topic`, CustomData: "Promote to prod?" },
              runOrder: 1,
            },
          ],
        },
        { name: "DeployProd", actions: [deployDeclaration(PROD)] },
      ]);
    });

    it("grants the pipeline role exact statements, with one deploy list naming both environments", async () => {
      await flagship();
      const artifacts = "arn:aws:s3:::app-artifacts-bucket";
      expect(inManagedOrder(policyStatementsOf("app-role"))).to.deep.equal([
        {
          Sid: "ReadWriteArtifacts",
          Effect: "Allow",
          Action: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"],
          Resource: [`${artifacts}/*`],
        },
        {
          Sid: "InspectArtifactBucket",
          Effect: "Allow",
          Action: ["s3:GetBucketLocation", "s3:GetBucketVersioning"],
          Resource: [artifacts],
        },
        { Sid: "UseArtifactKey", Effect: "Allow", Action: KMS_USE, Resource: [STACK_KEY_ARN], Condition: VIA("s3") },
        {
          Sid: "ReadSourceRepository",
          Effect: "Allow",
          Action: [
            "codecommit:CancelUploadArchive",
            "codecommit:GetBranch",
            "codecommit:GetCommit",
            "codecommit:GetUploadArchiveStatus",
            "codecommit:UploadArchive",
          ],
          Resource: [`arn:aws:codecommit:${R}:app`],
        },
        {
          Sid: "UseSourceRepositoryKey",
          Effect: "Allow",
          Action: CODECOMMIT_KEY_USE,
          Resource: [STACK_KEY_ARN],
          Condition: { StringEquals: { "kms:ViaService": "codecommit.us-east-1.amazonaws.com" } },
        },
        {
          Sid: "RunBuild",
          Effect: "Allow",
          Action: ["codebuild:BatchGetBuilds", "codebuild:StartBuild"],
          Resource: [`arn:aws:codebuild:${R}:project/${PROJECT}`],
        },
        {
          Sid: "NotifyApprovers",
          Effect: "Allow",
          Action: ["sns:Publish"],
          Resource: [`arn:aws:sns:${R}:app-Approve-Approve-topic-topic`],
        },
        { Sid: "EncryptApprovalNotifications", Effect: "Allow", Action: KMS_USE, Resource: [STACK_KEY_ARN], Condition: VIA("sns") },
        // The deploy list, in the role's two customer managed policies.
        ...managedDeployStatements([DEV, PROD]),
      ]);
    });

    it("keeps the pipeline role's inline policy under IAM's 10,240 characters", async () => {
      await flagship();
      const policy: string = findResource("aws:iam/rolePolicy:RolePolicy", "app-role-policy").inputs.policy;
      expect(policy.replace(/\s/g, "").length).to.be.lessThan(10240);
    });

    it("grants the build project's role the artifacts (in the bucket policy) and the stack's key (in its own policy), and passes the IAM check", async () => {
      await flagship();
      const grant = findResource("aws:iam/rolePolicy:RolePolicy", "app-BuildAndTest-Build-project-access");
      expect(grant.inputs.role).to.equal("test-role");
      expect(statementsOf(grant.inputs.policy)).to.deep.equal([
        { Sid: "UseArtifactKey", Effect: "Allow", Action: KMS_USE, Resource: [STACK_KEY_ARN], Condition: VIA("s3") },
      ]);
      const artifacts = "arn:aws:s3:::app-artifacts-bucket";
      const role = { AWS: [`arn:aws:iam::${ACCOUNT}:role/test-role`] };
      const bucketPolicy = findResource("aws:s3/bucketPolicy:BucketPolicy", "app-artifacts-policy").inputs.policy;
      expect(statementsOf(bucketPolicy).filter((s) => s.Effect === "Allow")).to.deep.equal([
        {
          Sid: "CodeBuildRolesGetObjects",
          Effect: "Allow",
          Principal: role,
          Action: ["s3:GetObject", "s3:GetObjectVersion"],
          Resource: [`${artifacts}/*`],
        },
        {
          Sid: "CodeBuildRolesCheckBucket",
          Effect: "Allow",
          Principal: role,
          Action: ["s3:GetBucketAcl", "s3:GetBucketLocation"],
          Resource: [artifacts],
        },
        { Sid: "WritersPutObjects", Effect: "Allow", Principal: role, Action: ["s3:PutObject"], Resource: [`${artifacts}/*`] },
      ]);
      expect(findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline").options.dependsOn).to.include(grant.urn);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });
  });

  describe("Elastic Beanstalk deploy (plain data)", () => {
    it("deploys the newest artifact to one environment, leaving artifact reads to the artifact store grant", async () => {
      await loadedPipeline({
        stages: [
          { name: "Source", actions: [source()] },
          { name: "Build", actions: [build()] },
          { name: "Deploy", actions: [plainTarget(WEB)] },
        ],
      });
      const action = findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline").inputs.stages[2].actions[0];
      expect(action).to.deep.equal({ ...deployDeclaration(WEB), configuration: { ApplicationName: "shop", EnvironmentName: "shop-web" } });
      const statements = inManagedOrder(policyStatementsOf("app-role"));
      expect(statements.slice(5)).to.deep.equal(managedDeployStatements([WEB]));
      expect(statements[0]).to.deep.equal({
        Sid: "ReadWriteArtifacts",
        Effect: "Allow",
        Action: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"],
        Resource: [`${BUCKET_ARN}/*`],
      });
      expect(statements[2]).to.deep.equal({
        Sid: "UseArtifactKey",
        Effect: "Allow",
        Action: KMS_USE,
        Resource: [KEY_ARN],
        Condition: VIA("s3"),
      });
      expect(statements.map((s) => s.Sid)).to.not.include("ReadPipelineArtifacts");
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("lists two applications and environments deployed in parallel, with named actions and explicit inputs", async () => {
      await loadedPipeline({
        stages: [
          { name: "Source", actions: [source()] },
          { name: "Build", actions: [build()] },
          {
            name: "Deploy",
            actions: [plainTarget(WEB, { name: "Web", inputs: ["SourceOutput"] }), plainTarget(API, { name: "Api", runOrder: 2 })],
          },
        ],
      });
      const actions = findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline").inputs.stages[2].actions;
      expect(actions.map((a: any) => [a.name, a.runOrder, a.inputArtifacts, a.outputArtifacts])).to.deep.equal([
        ["Web", 1, ["SourceOutput"], undefined],
        ["Api", 2, ["BuildOutput"], undefined],
      ]);
      const statements = inManagedOrder(policyStatementsOf("app-role"));
      expect(statements.slice(5)).to.deep.equal(managedDeployStatements([WEB, API]));
      expect(new Set(statements.map((s) => s.Sid)).size).to.equal(statements.length);
    });

    it("assumes an action's own role instead of granting the deploy statements", async () => {
      const deployer = "arn:aws:iam::210987654321:role/deployer";
      await loadedPipeline({
        stages: [
          { name: "Source", actions: [source()] },
          { name: "Build", actions: [build()] },
          { name: "DeployDev", actions: [plainTarget(WEB)] },
          { name: "DeployProd", actions: [plainTarget(API, { roleArn: deployer })] },
        ],
      });
      expect(findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline").inputs.stages[3].actions[0].roleArn).to.equal(deployer);
      expect(inManagedOrder(policyStatementsOf("app-role")).slice(5)).to.deep.equal([
        { Sid: "AssumeActionRole", Effect: "Allow", Action: ["sts:AssumeRole"], Resource: [deployer] },
        ...managedDeployStatements([WEB]),
      ]);
    });
  });

  describe("Elastic Beanstalk deploy validation", () => {
    const stages = (deploy: ActionArgs): StageArgs[] => [
      { name: "Source", actions: [source()] },
      { name: "Build", actions: [build()] },
      { name: "Deploy", actions: [deploy] },
    ];
    const cases: [string, ActionArgs, string][] = [
      [
        "a missing environment id",
        plainTarget(WEB, { environmentId: undefined as never }),
        "`stages[2].actions[0].environmentId` is required; pass `target.deployAction()` or spread `target.beanstalkDeployTarget()` of a BeanstalkTarget.",
      ],
      [
        "an empty application name",
        plainTarget({ ...WEB, app: "" }),
        '`stages[2].actions[0].applicationName` must be an Elastic Beanstalk application name (1 to 100 characters without "/"), got "".',
      ],
      [
        "an application name with a slash",
        plainTarget({ ...WEB, app: "shop/web" }),
        '`stages[2].actions[0].applicationName` must be an Elastic Beanstalk application name (1 to 100 characters without "/"), got "shop/web".',
      ],
      [
        "a too short environment name",
        plainTarget({ ...WEB, env: "web" }),
        '`stages[2].actions[0].environmentName` must be an Elastic Beanstalk environment name (4 to 40 letters, digits or hyphens, not starting or ending with a hyphen), got "web".',
      ],
      [
        "a malformed environment id",
        plainTarget({ ...WEB, id: "web" }),
        '`stages[2].actions[0].environmentId` must be an Elastic Beanstalk environment id such as "e-abcd1234ef", got "web".',
      ],
      [
        "an application ARN of another service",
        plainTarget(WEB, { applicationArn: "arn:aws:s3:::shop" }),
        '`stages[2].actions[0].applicationArn` must be an ARN of the elasticbeanstalk service ("arn:aws:elasticbeanstalk:..."), got "arn:aws:s3:::shop".',
      ],
      [
        "an environment ARN of another service",
        plainTarget(WEB, { environmentArn: "shop-web" }),
        '`stages[2].actions[0].environmentArn` must be an ARN of the elasticbeanstalk service ("arn:aws:elasticbeanstalk:..."), got "shop-web".',
      ],
      [
        "an instance role that is not an IAM ARN",
        plainTarget({ ...WEB, instanceRole: "web-instances" }),
        '`stages[2].actions[0].instanceRoleArn` must be an ARN of the iam service ("arn:aws:iam:..."), got "web-instances".',
      ],
      [
        "a role that is not an IAM ARN",
        plainTarget(WEB, { roleArn: "deployer" }),
        '`stages[2].actions[0].roleArn` must be an ARN of the iam service ("arn:aws:iam:..."), got "deployer".',
      ],
      [
        "two inputs",
        plainTarget(WEB, { inputs: ["SourceOutput", "BuildOutput"] }),
        "`stages[2].actions[0].inputs` must name exactly 1 input artifact for a beanstalkDeploy action, got 2.",
      ],
      [
        "an unknown input",
        plainTarget(WEB, { inputs: ["Bundle"] }),
        '`stages[2].actions[0].inputs` names "Bundle", which no earlier action produces (an artifact of the same stage needs a lower `runOrder`). Available at this point: SourceOutput, BuildOutput.',
      ],
    ];
    for (const [what, deploy, message] of cases) {
      it(`throws for ${what}`, () => expect(() => planStages(stages(deploy))).to.throw(message));
    }

    it("throws for deploy statements without targets", () => {
      expect(() =>
        beanstalkDeployStatementsForTargets({
          targets: [],
          ctx: { partition: "aws", region: "us-east-1", accountId: ACCOUNT },
          artifactBucketArn: BUCKET_ARN,
        }),
      ).to.throw("`targets` must hold at least one Elastic Beanstalk environment.");
    });

    it("throws for a deploy in the first stage", () => {
      expect(() =>
        planStages([
          { name: "Source", actions: [plainTarget(WEB)] },
          { name: "Build", actions: [build()] },
        ]),
      ).to.throw(
        "`stages[0].actions[0]` is a beanstalkDeploy action; the first stage must hold only source actions (codeCommitSource, s3Source, connectionSource).",
      );
    });

    it("throws from the Pipeline before creating any child", async () => {
      expect(() => new Pipeline("bad", { stages: stages(plainTarget({ ...WEB, id: "web" })) })).to.throw(
        '`stages[2].actions[0].environmentId` must be an Elastic Beanstalk environment id such as "e-abcd1234ef", got "web".',
      );
      await settle();
      expect(recorded.map((r) => r.type)).to.deep.equal(["aws-cicd:index:Pipeline"]);
    });
  });
});
