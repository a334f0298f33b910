import { expect } from "chai";
import * as path from "path";
import {
  ACCOUNT,
  descendantsOf,
  findResource,
  policyStatementsOf,
  ProgramRun,
  recorded,
  RecordedResource,
  resourcesOfType,
  runProgram,
  statementsOf,
  trustStatementsOf,
  useProgramResources,
} from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";

import { BOOTSTRAP_ROLE, configureExample, DEVELOPERS, PROD_ACCOUNT } from "./example-config";

// The mocks answer every provider as ACCOUNT; the prod account id only reaches the prod provider.
const PIPELINE_NAME = "aws-cicd-test-test-app";
const PIPELINE_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/aws-cicd-test-test-app-pipeline`;
const DEPLOY_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/aws-cicd-test-test-prod-deploy`;
const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/cicd-key-id`;
const BUCKET_ARN = "arn:aws:s3:::app-artifacts-bucket";
const BUILD_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/build-role`;

describe("examples/cross-account (pipeline in tools, deploy role and environment in prod)", () => {
  let run: ProgramRun;
  before(async () => {
    configureExample("cross-account");
    run = await runProgram(path.join(__dirname, "../../examples/cross-account/index.ts"));
  });
  beforeEach(() => useProgramResources(run));

  const component = (type: string, name: string) => findResource(`aws-cicd:index:${type}`, name);
  const awsChildren = (root: RecordedResource) => descendantsOf(root).filter((r) => r.type.startsWith("aws:"));
  const prodProvider = () => findResource("pulumi:providers:aws", "prod");

  it("exports the clone URL, developer role, pipeline console URL, deploy role and prod URL", () => {
    expect(run.outputs).to.deep.equal({
      cloneUrlGrc: "codecommit::us-east-1://app",
      developerAccessRoleArns: [`arn:aws:iam::${ACCOUNT}:role/app-cross-account-0`],
      pipelineUrl: `https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/${PIPELINE_NAME}/view?region=us-east-1`,
      deployRoleArn: DEPLOY_ROLE_ARN,
      prodUrl: "https://aws-cicd-test-test-prod.us-east-1.elasticbeanstalk.com",
    });
  });

  it("reaches prod through the bootstrap role, and only in the prod account", () => {
    const inputs = prodProvider().inputs;
    const assumeRoles = typeof inputs.assumeRoles === "string" ? JSON.parse(inputs.assumeRoles) : inputs.assumeRoles;
    const allowed = typeof inputs.allowedAccountIds === "string" ? JSON.parse(inputs.allowedAccountIds) : inputs.allowedAccountIds;
    expect(assumeRoles).to.deep.equal([{ roleArn: BOOTSTRAP_ROLE, sessionName: "pulumi-cross-account" }]);
    expect(allowed).to.deep.equal([PROD_ACCOUNT]);
  });

  it("creates the environment and the deploy role with the prod provider, everything else with the default one", () => {
    const ref = `${prodProvider().urn}::${prodProvider().id}`;
    const prodSide = [component("BeanstalkTarget", "prod"), component("CrossAccountDeployRole", "prod-deploy")].flatMap(awsChildren);
    expect(prodSide.length).to.be.greaterThan(8);
    for (const r of prodSide) expect(r.provider, `${r.type} ${r.name}`).to.equal(ref);
    const toolsRoots = [
      component("EncryptionKey", "cicd"),
      component("CodeCommitRepo", "app"),
      component("BuildProject", "build"),
      component("Pipeline", "app"),
    ];
    const toolsSide = toolsRoots.flatMap(awsChildren);
    expect(toolsSide.length).to.be.greaterThan(20);
    for (const r of toolsSide) expect(r.provider || "default", `${r.type} ${r.name}`).to.equal("default");
    expect(resourcesOfType("aws:elasticbeanstalk/environment:Environment").map((e) => e.name)).to.deep.equal(["prod-environment"]);
  });

  it("orders the roles so every policy names a role that exists: pipeline role, deploy role, then the key, bucket policy and pipeline", () => {
    const urn = (type: string, name: string) => findResource(type, name).urn;
    const dependsOn = (type: string, name: string) => findResource(type, name).options.dependsOn;
    const pipelineRole = urn("aws:iam/role:Role", "app-role");
    const deployRole = urn("aws:iam/role:Role", "prod-deploy-role");
    expect(dependsOn("aws:iam/role:Role", "app-role")).to.deep.equal([]);
    expect(dependsOn("aws:iam/role:Role", "prod-deploy-role")).to.deep.equal([pipelineRole]);
    expect(dependsOn("aws:kms/key:Key", "cicd-key")).to.deep.equal([deployRole]);
    expect(dependsOn("aws:s3/bucketPolicy:BucketPolicy", "app-artifacts-policy")).to.include(deployRole);
    expect(dependsOn("aws:iam/rolePolicy:RolePolicy", "app-role-policy")).to.include(deployRole);
    expect(dependsOn("aws:codepipeline/pipeline:Pipeline", "app-pipeline")).to.include(deployRole);
    expect(dependsOn("aws:iam/rolePolicy:RolePolicy", "prod-deploy-role-policy")).to.include.members([
      urn("aws:kms/key:Key", "cicd-key"),
      urn("aws:s3/bucket:Bucket", "app-artifacts-bucket"),
    ]);
  });

  it("runs Source, Build and DeployProd, the deploy as the prod deploy role", () => {
    const p = findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline").inputs;
    const summary = p.stages.map((s: any) => s.actions.map((a: any) => [s.name, a.name, a.provider, a.roleArn ?? "-"].join(" ")));
    expect(summary).to.deep.equal([
      ["Source Source CodeCommit -"],
      ["Build Build CodeBuild -"],
      [`DeployProd Deploy ElasticBeanstalk ${DEPLOY_ROLE_ARN}`],
    ]);
    expect(p.stages[2].actions[0].configuration).to.deep.equal({
      ApplicationName: "aws-cicd-test-test-prod",
      EnvironmentName: "aws-cicd-test-test-prod",
    });
  });

  it("lets the deploy role be assumed only by the exact pipeline role", () => {
    expect(trustStatementsOf("prod-deploy-role")).to.deep.equal([
      { Sid: "TrustPipelineRole", Effect: "Allow", Principal: { AWS: [PIPELINE_ROLE_ARN] }, Action: ["sts:AssumeRole"], Resource: [] },
    ]);
    expect(findResource("aws:iam/role:Role", "app-role").state.arn).to.equal(PIPELINE_ROLE_ARN);
  });

  it("lets the deploy role read and decrypt the artifacts, then deploy only to the prod environment", () => {
    const statements = policyStatementsOf("prod-deploy-role");
    expect(statements.slice(0, 3)).to.deep.equal([
      { Sid: "ReadPipelineArtifacts", Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion"], Resource: [`${BUCKET_ARN}/*`] },
      { Sid: "LocatePipelineArtifactBucket", Effect: "Allow", Action: ["s3:GetBucketLocation"], Resource: [BUCKET_ARN] },
      {
        Sid: "DecryptPipelineArtifacts",
        Effect: "Allow",
        Action: ["kms:Decrypt"],
        Resource: [KEY_ARN],
        Condition: { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } },
      },
    ]);
    const bySid = Object.fromEntries(statements.map((s) => [s.Sid, s]));
    expect(bySid.UpdateEnvironment.Resource).to.deep.equal([
      `arn:aws:elasticbeanstalk:us-east-1:${ACCOUNT}:environment/aws-cicd-test-test-prod/aws-cicd-test-test-prod`,
    ]);
    expect(bySid.PassInstanceRoleToEc2.Resource).to.deep.equal([`arn:aws:iam::${ACCOUNT}:role/prod-instance-role`]);
  });

  it("gives the pipeline role only sts:AssumeRole on the deploy role for the deploy action", () => {
    const statements = policyStatementsOf("app-role");
    expect(statements.map((s) => s.Sid)).to.deep.equal([
      "ReadWriteArtifacts",
      "InspectArtifactBucket",
      "UseArtifactKey",
      "ReadSourceRepository",
      "UseSourceRepositoryKey",
      "RunBuild",
      "AssumeActionRole",
    ]);
    expect(statements.find((s) => s.Sid === "AssumeActionRole")).to.deep.equal({
      Sid: "AssumeActionRole",
      Effect: "Allow",
      Action: ["sts:AssumeRole"],
      Resource: [DEPLOY_ROLE_ARN],
    });
    expect(statements.flatMap((s) => s.Action).filter((a) => a.startsWith("elasticbeanstalk:"))).to.deep.equal([]);
  });

  it("names exactly the deploy role in the artifact bucket policy, as a reader only, and the build project's role", () => {
    const policy = statementsOf(findResource("aws:s3/bucketPolicy:BucketPolicy", "app-artifacts-policy").inputs.policy);
    const allows = policy.filter((s) => s.Effect === "Allow");
    expect(allows).to.deep.equal([
      {
        Sid: "ReadersGetObjects",
        Effect: "Allow",
        Principal: { AWS: [DEPLOY_ROLE_ARN] },
        Action: ["s3:GetObject", "s3:GetObjectVersion"],
        Resource: [`${BUCKET_ARN}/*`],
      },
      {
        Sid: "ReadersLocateBucket",
        Effect: "Allow",
        Principal: { AWS: [DEPLOY_ROLE_ARN] },
        Action: ["s3:GetBucketLocation"],
        Resource: [BUCKET_ARN],
      },
      {
        Sid: "CodeBuildRolesGetObjects",
        Effect: "Allow",
        Principal: { AWS: [BUILD_ROLE_ARN] },
        Action: ["s3:GetObject", "s3:GetObjectVersion"],
        Resource: [`${BUCKET_ARN}/*`],
      },
      {
        Sid: "CodeBuildRolesCheckBucket",
        Effect: "Allow",
        Principal: { AWS: [BUILD_ROLE_ARN] },
        Action: ["s3:GetBucketAcl", "s3:GetBucketLocation"],
        Resource: [BUCKET_ARN],
      },
      {
        Sid: "WritersPutObjects",
        Effect: "Allow",
        Principal: { AWS: [BUILD_ROLE_ARN] },
        Action: ["s3:PutObject"],
        Resource: [`${BUCKET_ARN}/*`],
      },
    ]);
  });

  it("names exactly the deploy role in the key policy, for kms:Decrypt through S3 only", () => {
    const keys = resourcesOfType("aws:kms/key:Key");
    expect(keys.map((k) => k.name)).to.deep.equal(["cicd-key"]);
    const named = statementsOf(keys[0].inputs.policy).filter((s) => JSON.stringify(s.Principal ?? {}).includes(DEPLOY_ROLE_ARN));
    expect(named.map((s) => [s.Sid, s.Principal, s.Action, s.Condition])).to.deep.equal([
      [
        "NamedRolesDecryptThroughS3",
        { AWS: [DEPLOY_ROLE_ARN] },
        ["kms:Decrypt"],
        { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } },
      ],
    ]);
  });

  it("lets developers of another account push through a role that trusts exactly their role and requires MFA", () => {
    expect(trustStatementsOf("app-cross-account-0")).to.deep.equal([
      {
        Sid: "TrustNamedPrincipals",
        Effect: "Allow",
        Principal: { AWS: [DEVELOPERS] },
        Action: ["sts:AssumeRole"],
        Resource: [],
        Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
      },
    ]);
  });

  it("passes the IAM catalog check and holds no bucket or topic policy allowing anyone", async () => {
    expect(await checkRecordedPolicies()).to.deep.equal([]);
    for (const r of recorded.filter((x) => x.type === "aws:sns/topicPolicy:TopicPolicy" || x.type === "aws:s3/bucketPolicy:BucketPolicy")) {
      for (const s of statementsOf(r.inputs.policy)) if (s.Principal === "*") expect(s.Effect, `${r.name} ${s.Sid}`).to.equal("Deny");
    }
  });
});
