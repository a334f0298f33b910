import { expect } from "chai";
import * as path from "path";
import { ACCOUNT, findResource, policyStatementsOf, ProgramRun, recorded, runProgram, statementsOf, useProgramResources } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";

const EU = "eu-west-1";
const HOME_KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/cicd-key-id`;
const EU_KEY = `arn:aws:kms:${EU}:${ACCOUNT}:key/orders-eu-west-1-key-key-id`;
const EU_BUCKET = "arn:aws:s3:::orders-eu-west-1-artifacts-bucket";
const EU_DEPLOY_ROLE = `arn:aws:iam::${ACCOUNT}:role/orders-eu-deploy-role`;
const deployAction = (project: string, region?: string) => ({
  category: "Build",
  configuration: { ProjectName: `aws-cicd-test-test-${project}` },
  inputArtifacts: ["BuildOutput"],
  name: "Canary",
  owner: "AWS",
  provider: "CodeBuild",
  runOrder: 1,
  version: "1",
  ...(region ? { region } : {}),
});

describe("examples/cross-region", () => {
  let run: ProgramRun;
  before(async () => {
    run = await runProgram(path.join(__dirname, "../../examples/cross-region/index.ts"));
  });
  beforeEach(() => useProgramResources(run));

  it("exports the clone URL and the live alias of each region", () => {
    expect(run.outputs.cloneUrlHttp).to.equal("https://git-codecommit.us-east-1.amazonaws.com/v1/repos/orders");
    expect(run.outputs.aliasArns).to.deep.equal({
      home: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders-us-fn:live`,
      [EU]: `arn:aws:lambda:${EU}:${ACCOUNT}:function:orders-eu-fn:live`,
    });
  });

  it("builds once and deploys the same output at home, then in eu-west-1 as a cross-region action", () => {
    const stages = findResource("aws:codepipeline/pipeline:Pipeline", "orders-pipeline").inputs.stages;
    expect(stages.map((s: { name: string }) => s.name)).to.deep.equal(["Source", "Build", "DeployUs", "DeployEu"]);
    expect(stages[2].actions).to.deep.equal([deployAction("orders-us-deploy")]);
    expect(stages[3].actions).to.deep.equal([deployAction("orders-eu-deploy", EU)]);
  });

  it("keeps one artifact store per region, each with its region; the eu-west-1 one created there with access logs", () => {
    expect(findResource("aws:codepipeline/pipeline:Pipeline", "orders-pipeline").inputs.artifactStores).to.deep.equal([
      { location: "orders-artifacts-bucket", type: "S3", encryptionKey: { id: HOME_KEY, type: "KMS" }, region: "us-east-1" },
      { location: "orders-eu-west-1-artifacts-bucket", type: "S3", encryptionKey: { id: EU_KEY, type: "KMS" }, region: EU },
    ]);
    expect(findResource("aws:s3/bucketLogging:BucketLogging", "orders-eu-west-1-artifacts-logging").inputs).to.deep.equal({
      region: EU,
      bucket: "orders-eu-west-1-artifacts-bucket",
      targetBucket: "central-logs-123456789012-eu-west-1",
      targetPrefix: "orders-eu-west-1-artifacts/",
    });
    expect(
      recorded.filter((r) => r.name.startsWith("orders-eu-west-1-") && r.type.startsWith("aws:")).every((r) => r.inputs.region === EU),
    ).to.equal(true);
  });

  it("lets the eu-west-1 deploy project's role read only the eu-west-1 store, through that store's bucket and key policies", () => {
    const bucket = statementsOf(findResource("aws:s3/bucketPolicy:BucketPolicy", "orders-eu-west-1-artifacts-policy").inputs.policy);
    expect(bucket.slice(4)).to.deep.equal([
      {
        Sid: "CodeBuildRolesGetObjects",
        Effect: "Allow",
        Principal: { AWS: [EU_DEPLOY_ROLE] },
        Action: ["s3:GetObject", "s3:GetObjectVersion"],
        Resource: [`${EU_BUCKET}/*`],
      },
      {
        Sid: "CodeBuildRolesCheckBucket",
        Effect: "Allow",
        Principal: { AWS: [EU_DEPLOY_ROLE] },
        Action: ["s3:GetBucketAcl", "s3:GetBucketLocation"],
        Resource: [EU_BUCKET],
      },
    ]);
    const key = statementsOf(findResource("aws:kms/key:Key", "orders-eu-west-1-key-key").inputs.policy);
    expect(key.find((s) => s.Sid === "NamedRolesDecryptThroughS3")).to.deep.equal({
      Sid: "NamedRolesDecryptThroughS3",
      Effect: "Allow",
      Principal: { AWS: [EU_DEPLOY_ROLE] },
      Action: ["kms:Decrypt"],
      Resource: ["*"],
      Condition: { StringEquals: { "kms:ViaService": `s3.${EU}.amazonaws.com` } },
    });
    const home = statementsOf(findResource("aws:s3/bucketPolicy:BucketPolicy", "orders-artifacts-policy").inputs.policy);
    expect(JSON.stringify(home)).not.to.contain("orders-eu-deploy-role");
    expect(recorded.filter((r) => r.name === "orders-DeployEu-Canary-project-access")).to.deep.equal([]);
  });

  it("grants the pipeline role both stores and the three builds, each exactly", async () => {
    expect(policyStatementsOf("orders-role").map((s) => [s.Sid, s.Resource])).to.deep.equal([
      ["ReadWriteArtifacts", ["arn:aws:s3:::orders-artifacts-bucket/*"]],
      ["InspectArtifactBucket", ["arn:aws:s3:::orders-artifacts-bucket"]],
      ["UseArtifactKey", [HOME_KEY]],
      ["ReadWriteArtifactsEuWest1", [`${EU_BUCKET}/*`]],
      ["InspectArtifactBucketEuWest1", [EU_BUCKET]],
      ["UseArtifactKeyEuWest1", [EU_KEY]],
      ["ReadSourceRepository", [`arn:aws:codecommit:us-east-1:${ACCOUNT}:orders`]],
      ["UseSourceRepositoryKey", [HOME_KEY]],
      ["RunBuild", [`arn:aws:codebuild:us-east-1:${ACCOUNT}:project/aws-cicd-test-test-build`]],
      ["RunBuild2", [`arn:aws:codebuild:us-east-1:${ACCOUNT}:project/aws-cicd-test-test-orders-us-deploy`]],
      ["RunBuild3", [`arn:aws:codebuild:${EU}:${ACCOUNT}:project/aws-cicd-test-test-orders-eu-deploy`]],
    ]);
    expect(policyStatementsOf("orders-role").find((s) => s.Sid === "UseArtifactKeyEuWest1")?.Condition).to.deep.equal({
      StringEquals: { "kms:ViaService": [`s3.${EU}.amazonaws.com`] },
    });
    expect(await checkRecordedPolicies()).to.deep.equal([]);
  });

  it("creates the eu-west-1 function, alarm and canary through the eu-west-1 provider", () => {
    expect(findResource("aws:lambda/function:Function", "orders-eu-fn").state.arn).to.equal(
      `arn:aws:lambda:${EU}:${ACCOUNT}:function:orders-eu-fn`,
    );
    expect(findResource("aws:codebuild/project:Project", "orders-eu-deploy-project").inputs.encryptionKey).to.equal(
      `arn:aws:kms:${EU}:${ACCOUNT}:key/cicd-eu-key-id`,
    );
    for (const name of ["orders-eu-fn", "orders-eu-errors", "orders-eu-deployment-group", "orders-eu-deploy-project"]) {
      expect(recorded.find((r) => r.name === name)?.provider, name).to.match(/::eu::eu-id$/);
    }
  });
});
