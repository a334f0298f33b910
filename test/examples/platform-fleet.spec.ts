import { expect } from "chai";
import * as path from "path";
import { ProgramRun, resourcesOfType, runProgram, useProgramResources, findResource, statementsOf } from "../harness";
import { strictPolicyConfig } from "../../packages/policy-pack/src/policies";
import { findingsOf } from "../conformance/pack-findings";

const PROD = "210987654321";

describe("examples/platform-fleet", () => {
  let run: ProgramRun;
  before(async function () {
    this.timeout(180_000); // about 1,500 resources
    run = await runProgram(path.join(__dirname, "../../examples/platform-fleet/index.ts"));
  });
  beforeEach(() => useProgramResources(run));

  const pipelines = () => resourcesOfType("aws:codepipeline/pipeline:Pipeline");
  const stagesOf = (service: string) =>
    findResource("aws:codepipeline/pipeline:Pipeline", `platform-${service}-pipeline`).inputs.stages.map((s: any) => s.name);

  it("stamps 25 pipelines for three teams, each tagged with its team, service and preset version", () => {
    expect(pipelines()).to.have.length(25);
    const byTeam: Record<string, number> = {};
    for (const p of pipelines()) byTeam[p.inputs.tags["aws-cicd:team"]] = (byTeam[p.inputs.tags["aws-cicd:team"]] ?? 0) + 1;
    expect(byTeam).to.deep.equal({ payments: 9, search: 8, web: 8 });
    const versions = new Set(pipelines().map((p) => `${p.inputs.tags["aws-cicd:team"]}@${p.inputs.tags["aws-cicd:preset-version"]}`));
    expect([...versions].sort()).to.deep.equal(["payments@2.0.0", "search@1.0.0", "web@2.0.0"]);
  });

  it("shares one key and one artifact bucket in the tools account, one key in prod, and a topic per team", () => {
    expect(
      resourcesOfType("aws:kms/key:Key")
        .map((k) => k.name)
        .sort(),
    ).to.deep.equal(["platform-key-key", "platform-prod-us-east-1-key-key"]);
    expect(resourcesOfType("aws:s3/bucket:Bucket").map((b) => b.name)).to.deep.equal(["platform-artifacts-bucket"]);
    expect(
      resourcesOfType("aws:sns/topic:Topic").filter((t) => /^platform-(payments|search|web)-topic-topic$/.test(t.name)),
    ).to.have.length(3);
  });

  it("uses three target kinds across two tiers, prod behind an approval and in the prod account", () => {
    expect(stagesOf("checkout")).to.deep.equal(["Source", "Build", "Deploy-dev", "Approve-prod", "Deploy-prod"]);
    expect(stagesOf("indexer")).to.deep.equal(["Source", "Build", "Deploy-dev", "Approve-prod", "Deploy-prod"]);
    expect(stagesOf("edge-auth")).to.deep.equal(["Source", "Build", "Deploy-dev"]);
    expect(resourcesOfType("aws:elasticbeanstalk/environment:Environment")).to.have.length(26);
    expect(
      resourcesOfType("aws:codedeploy/deploymentGroup:DeploymentGroup").map((g) => g.inputs.deploymentGroupName ?? g.name),
    ).to.have.length(20);
    const prodEnv = findResource("aws:elasticbeanstalk/environment:Environment", "platform-checkout-prod-environment");
    expect(prodEnv.provider).to.match(/platform-prod-us-east-1::/);
    const deploy = findResource("aws:iam/role:Role", "platform-checkout-prod-deploy-role");
    expect(deploy.provider).to.match(/platform-prod-us-east-1::/);
    const provider = findResource("pulumi:providers:aws", "platform-prod-us-east-1");
    expect(JSON.parse(provider.inputs.allowedAccountIds)).to.deep.equal([PROD]);
  });

  it("merges the search team's pinned preset (1.0.0) and its own medium builds", () => {
    const project = (s: string) => findResource("aws:codebuild/project:Project", `platform-${s}-build-project`).inputs;
    expect([project("indexer").environment.computeType, project("indexer").buildTimeout]).to.deep.equal(["BUILD_GENERAL1_MEDIUM", 30]);
    expect([project("checkout").environment.computeType, project("checkout").buildTimeout]).to.deep.equal(["BUILD_GENERAL1_SMALL", 45]);
    expect(project("checkout").cache).to.deep.equal({ type: "LOCAL", modes: ["LOCAL_SOURCE_CACHE"] });
  });

  it("exports the inventory", () => {
    const inventory = run.outputs.inventory as { service: string; team: string; presetVersion: string; environments: string[] }[];
    expect(inventory).to.have.length(25);
    expect(inventory.find((e) => e.service === "crawler")).to.deep.equal({
      service: "crawler",
      team: "search",
      preset: "@acme/pipeline-preset",
      presetVersion: "1.0.0",
      environments: ["dev", "prod"],
    });
  });

  it("lets the prod deploy roles and the prod fleets' instance roles read the shared bucket through one grant on their IAM path", () => {
    const search = ["indexer", "query", "ranking", "crawler", "suggest", "synonyms", "spellcheck", "analytics"];
    const readers = [
      ...resourcesOfType("aws:iam/role:Role").filter((r) => /^platform-.+-prod-deploy-role$/.test(r.name)),
      ...search.map((svc) => findResource("aws:iam/role:Role", `platform-${svc}-prod-instance-role`)),
    ];
    // 21 deploy roles (9 payments, 8 search, 4 web) and the 8 search fleets' instance roles in prod, all at one path.
    expect(readers).to.have.length(29);
    const paths = new Set(readers.map((r) => r.inputs.path as string));
    expect([...paths]).to.have.length(1);
    const [rolePath] = [...paths];
    expect(rolePath).to.match(/^\/aws-cicd\/[^/]+\/[^/]+\/platform\/$/);
    const allows = statementsOf(findResource("aws:s3/bucketPolicy:BucketPolicy", "platform-artifacts-policy").inputs.policy).filter(
      (s) => s.Effect === "Allow",
    );
    expect(allows.map((s) => [s.Sid, s.Principal, s.Condition])).to.deep.equal(
      ["RolePathReadersGetObjects", "RolePathReadersLocateBucket"].map((sid) => [
        sid,
        { AWS: [`arn:aws:iam::${PROD}:root`] },
        { ArnLike: { "aws:PrincipalArn": [`arn:aws:iam::${PROD}:role${rolePath}*`] } },
      ]),
    );
  });

  it("meets the policy pack in its default and strict tiers: no finding on the 25 pipelines and their targets", async () => {
    const stack = { name: "examples/platform-fleet", resources: run.resources };
    expect(stack.resources.length).to.be.greaterThan(1000);
    const found = [...(await findingsOf(stack)), ...(await findingsOf(stack, strictPolicyConfig()))];
    expect(found.map((f) => `${f.level} ${f.rule} ${f.resource}`)).to.deep.equal([]);
  });
});
