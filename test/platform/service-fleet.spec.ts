import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ServiceFleet, ServicesFile, PresetDefinition } from "../../packages/aws-cicd/src";
import { planFleet } from "../../packages/aws-cicd/src/platform";
import { findResource, recorded, resetRecorded, resourcesOfType, settle, unwrap } from "../harness";

const NETWORK = { vpcId: "vpc-0a1b2c3d", privateSubnetIds: ["subnet-0a1b2c3d"], publicSubnetIds: ["subnet-0e1f2a3b"] };
const PROD_ROLE = "arn:aws:iam::222222222222:role/platform-bootstrap";
const PROD_CERT = "arn:aws:acm:us-east-1:222222222222:certificate/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9";

/** Two teams, a local dev account and a prod account reached through its bootstrap role. */
function fleetFile(): ServicesFile {
  return {
    version: 1,
    preset: { name: "@acme/pipelines", version: "2.0.0" },
    defaults: {
      pipeline: { executionMode: "QUEUED" },
      environments: { dev: { account: "dev" }, prod: { account: "prod", approval: {} } },
    },
    accounts: {
      dev: { id: "123456789012", region: "us-east-1", network: NETWORK, logBucket: "logs-123456789012" },
      prod: {
        id: "222222222222",
        region: "us-east-1",
        bootstrapRoleArn: PROD_ROLE,
        network: NETWORK,
        logBucket: "logs-222222222222",
        certificateArn: PROD_CERT,
      },
    },
    teams: {
      payments: { emails: ["payments@example.com"] },
      search: { emails: ["search@example.com"], presetVersion: "1.0.0" },
    },
    services: [
      {
        name: "checkout",
        team: "payments",
        source: { codecommit: {} },
        environments: [
          { name: "dev", target: { beanstalk: {} } },
          { name: "prod", target: { beanstalk: { environmentType: "LoadBalanced", minSize: 2, maxSize: 4 } } },
        ],
      },
      {
        name: "indexer",
        team: "search",
        source: {
          connection: {
            connectionArn: "arn:aws:codeconnections:us-east-1:123456789012:connection/abc",
            repository: "acme/indexer",
            includePaths: ["src/**"],
          },
        },
        notifications: { emails: ["indexer-oncall@example.com"] },
        environments: [
          { name: "dev", target: { ec2Fleet: { instanceType: "t3.micro" } } },
          { name: "prod", target: { ec2Fleet: {} } },
        ],
      },
    ],
  };
}

const PRESETS: PresetDefinition[] = [
  { name: "@acme/pipelines", version: "1.0.0", defaults: { build: { computeType: "BUILD_GENERAL1_SMALL" } } },
  { name: "@acme/pipelines", version: "2.0.0", defaults: { build: { computeType: "BUILD_GENERAL1_MEDIUM" } } },
];

describe("ServiceFleet", () => {
  let fleet: ServiceFleet;
  let graph: typeof recorded = [];
  before(async () => {
    resetRecorded(); // what earlier specs left is not the fleet's
    fleet = new ServiceFleet("platform", { services: fleetFile(), presets: PRESETS, tags: { costCenter: "cc-42" } });
    await unwrap(fleet.pipelineNames);
    await settle();
    graph = [...recorded];
  });
  // The harness empties the record before each test: give each test the fleet's graph again.
  beforeEach(() => {
    if (recorded.length === 0) recorded.push(...graph);
  });

  it("shares one key and one artifact bucket in the stack's account, and a topic per team", () => {
    // Every repository, build, topic, bucket and target uses one of two keys: the stack's account's and prod's.
    expect(
      resourcesOfType("aws:kms/key:Key")
        .map((k) => k.name)
        .sort(),
    ).to.deep.equal(["platform-key-key", "platform-prod-us-east-1-key-key"]);
    const stores = resourcesOfType("aws:codepipeline/pipeline:Pipeline")
      .filter((p) => p.name.startsWith("platform-"))
      .map((p) => p.inputs.artifactStores[0].location);
    expect(new Set(stores).size).to.equal(1);
    expect(stores[0]).to.equal(findResource("aws:s3/bucket:Bucket", "platform-artifacts-bucket").state.bucket);
    expect(resourcesOfType("aws:sns/topic:Topic").filter((t) => /^platform-(payments|search)-topic/.test(t.name))).to.have.length(2);
  });

  it("stamps each service into a V2 pipeline: source, build, then each environment after its approval", async () => {
    expect(await unwrap(fleet.pipelineNames)).to.deep.equal({
      checkout: "aws-cicd-test-test-platform-checkout",
      indexer: "aws-cicd-test-test-platform-indexer",
    });
    const stages = (n: string) => findResource("aws:codepipeline/pipeline:Pipeline", `${n}-pipeline`).inputs.stages.map((s: any) => s.name);
    expect(stages("platform-checkout")).to.deep.equal(["Source", "Build", "Deploy-dev", "Approve-prod", "Deploy-prod"]);
    const p = findResource("aws:codepipeline/pipeline:Pipeline", "platform-indexer-pipeline").inputs;
    expect([p.pipelineType, p.executionMode]).to.deep.equal(["V2", "QUEUED"]);
    expect(p.stages[0].actions[0].configuration).to.include({ FullRepositoryId: "acme/indexer", BranchName: "main" });
    expect(p.triggers[0].gitConfiguration.pushes[0].filePaths).to.deep.equal({ includes: ["src/**"] });
  });

  it("merges the preset version each team is on: payments on 2.0.0, search pinned to 1.0.0", () => {
    const compute = (n: string) => findResource("aws:codebuild/project:Project", `${n}-build-project`).inputs.environment.computeType;
    expect([compute("platform-checkout"), compute("platform-indexer")]).to.deep.equal(["BUILD_GENERAL1_MEDIUM", "BUILD_GENERAL1_SMALL"]);
  });

  it("tags every service resource with the preset, its version, the library version, the team and the service", () => {
    const tags = findResource("aws:codepipeline/pipeline:Pipeline", "platform-indexer-pipeline").inputs.tags;
    expect(tags).to.deep.equal({
      costCenter: "cc-42",
      "aws-cicd:preset": "@acme/pipelines",
      "aws-cicd:preset-version": "1.0.0",
      "aws-cicd:library-version": require("../../packages/aws-cicd/package.json").version,
      "aws-cicd:team": "search",
      "aws-cicd:service": "indexer",
    });
    expect(findResource("aws:codebuild/project:Project", "platform-checkout-build-project").inputs.tags["aws-cicd:service"]).to.equal(
      "checkout",
    );
  });

  it("creates prod targets through a provider that assumes the bootstrap role, and deploys there with an exact cross-account role", () => {
    const provider = findResource("pulumi:providers:aws", "platform-prod-us-east-1");
    // Provider inputs reach the engine JSON-encoded.
    expect([JSON.parse(provider.inputs.assumeRoles), JSON.parse(provider.inputs.allowedAccountIds)]).to.deep.equal([
      [{ roleArn: PROD_ROLE, sessionName: "aws-cicd-platform" }],
      ["222222222222"],
    ]);
    const env = findResource("aws:elasticbeanstalk/environment:Environment", "platform-checkout-prod-environment");
    expect(env.provider).to.match(/platform-prod-us-east-1::/);
    const deploy = findResource("aws:iam/role:Role", "platform-checkout-prod-deploy-role");
    const trust = JSON.parse(deploy.inputs.assumeRolePolicy);
    expect(trust.Statement[0].Principal).to.deep.equal({ AWS: [findResource("aws:iam/role:Role", "platform-checkout-role").state.arn] });
  });

  it("lets the fleet's roles in other accounts read the shared bucket and decrypt through S3, granted by their IAM path", () => {
    const path = "/aws-cicd/aws-cicd-test/test/platform/";
    const grant = {
      Principal: { AWS: ["arn:aws:iam::222222222222:root"] },
      Condition: { ArnLike: { "aws:PrincipalArn": [`arn:aws:iam::222222222222:role${path}*`] } },
    };
    const bucket = findResource("aws:s3/bucket:Bucket", "platform-artifacts-bucket").state.arn;
    const policy = JSON.parse(findResource("aws:s3/bucketPolicy:BucketPolicy", "platform-artifacts-policy").inputs.policy);
    expect(policy.Statement.filter((s: any) => s.Effect === "Allow")).to.deep.equal([
      {
        Sid: "RolePathReadersGetObjects",
        Effect: "Allow",
        ...grant,
        Action: ["s3:GetObject", "s3:GetObjectVersion"],
        Resource: [`${bucket}/*`],
      },
      { Sid: "RolePathReadersLocateBucket", Effect: "Allow", ...grant, Action: ["s3:GetBucketLocation"], Resource: [bucket] },
    ]);
    const key = JSON.parse(findResource("aws:kms/key:Key", "platform-key-key").inputs.policy);
    expect(key.Statement.find((s: any) => s.Sid === "RolePathReadersDecryptThroughS3")).to.deep.equal({
      Sid: "RolePathReadersDecryptThroughS3",
      Effect: "Allow",
      Principal: grant.Principal,
      Action: ["kms:Decrypt"],
      Resource: ["*"],
      Condition: { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" }, ...grant.Condition },
    });
    // The roles that read there are at that path; the same roles in the stack's account are not.
    const pathOf = (type: string, n: string) => findResource(type, n).inputs.path;
    expect([
      pathOf("aws:iam/role:Role", "platform-checkout-prod-deploy-role"),
      pathOf("aws:iam/role:Role", "platform-indexer-prod-deploy-role"),
      pathOf("aws:iam/role:Role", "platform-indexer-prod-instance-role"),
      pathOf("aws:iam/role:Role", "platform-indexer-dev-instance-role"),
    ]).to.deep.equal([path, path, path, undefined]);
  });

  it("gives load-balanced Beanstalk targets their account's certificate and log bucket, and logs the artifact bucket's accesses", () => {
    const plan = planFleet("platform", { services: fleetFile() }, undefined);
    const [dev, prod] = plan.services[0].environments;
    expect([dev.beanstalk!.loadBalancer, prod.beanstalk!.loadBalancer]).to.deep.equal([
      undefined,
      { certificateArn: PROD_CERT, accessLogs: { bucketName: "logs-222222222222" } },
    ]);
    expect(findResource("aws:s3/bucketLogging:BucketLogging", "platform-artifacts-logging").inputs.targetBucket).to.equal(
      "logs-123456789012",
    );
    const single = fleetFile();
    single.services[0].environments[0].target = { beanstalk: { certificateArn: PROD_CERT } };
    expect(() => planFleet("f", { services: single }, undefined)).to.throw(
      '`services`: services[0].environments[0].target: `certificateArn` needs `environmentType: "LoadBalanced"` (a single instance has no load balancer).',
    );
  });

  it("reports the inventory", () => {
    expect(fleet.inventory).to.deep.equal([
      { service: "checkout", team: "payments", preset: "@acme/pipelines", presetVersion: "2.0.0", environments: ["dev", "prod"] },
      { service: "indexer", team: "search", preset: "@acme/pipelines", presetVersion: "1.0.0", environments: ["dev", "prod"] },
    ]);
  });

  describe("bad input creates nothing", () => {
    it("names the file, line and column of a problem in the services file", async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fleet-"));
      const file = path.join(dir, "services.yml");
      fs.writeFileSync(
        file,
        "version: 1\naccounts:\n  dev: { id: '123456789012', region: us-east-1 }\nteams:\n  a: { emails: [a@example.com] }\nservices:\n  - name: web\n    team: b\n    source: { codecommit: {} }\n    environments: [{ name: dev, account: dev, target: { beanstalk: {} } }]\n",
      );
      const before = recorded.length;
      try {
        expect(() => new ServiceFleet("bad", { servicesFile: file })).to.throw(
          `${file}:8:5: services[0].team: unknown team "b"; teams: a.`,
        );
        await settle();
        // Only the component itself is registered (as every component is, before it checks its arguments).
        expect(recorded.slice(before).map((r) => r.type)).to.deep.equal(["aws-cicd:index:ServiceFleet"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it("refuses a target account without a network, an unknown preset version, and environments in another region", () => {
      const noNetwork = fleetFile();
      delete noNetwork.accounts.prod.network;
      expect(() => planFleet("f", { services: noNetwork }, undefined)).to.throw(
        '`services`: services[0].environments[1]: account "prod" has no `network`; beanstalk targets run in its VPC\'s private subnets, so give `accounts.prod.network`.',
      );
      const pinned = fleetFile();
      pinned.teams.search.presetVersion = "0.9.0";
      expect(() => planFleet("f", { services: pinned, presets: PRESETS }, undefined)).to.throw(
        "`services`: teams.search.presetVersion: @acme/pipelines has no version 0.9.0; versions: 1.0.0, 2.0.0.",
      );
      expect(() => planFleet("f", { services: fleetFile() }, "eu-west-1")).to.throw(
        '`services`: services[0].environments[0]: environment "dev" is in us-east-1, but the pipelines run in eu-west-1; cross-region environments are not supported yet, so deploy from a stack in us-east-1.',
      );
      const remoteLambda = fleetFile();
      remoteLambda.services[0].environments[1].target = { lambda: { functionName: "checkout" } };
      expect(() => planFleet("f", { services: remoteLambda }, undefined)).to.throw(
        '`services`: services[0].environments[1].target: lambda targets deploy in the stack\'s own account; account "prod" is another (it has `bootstrapRoleArn`).',
      );
      const noFunction = fleetFile();
      noFunction.services[0].environments[0].target = { lambda: {} };
      expect(() => planFleet("f", { services: noFunction }, undefined)).to.throw(
        "`services`: services[0].environments[0].target: a lambda target needs `functionName` (the function the service's team created).",
      );
      expect(() => planFleet("f", { services: fleetFile(), servicesFile: "x.yml" }, undefined)).to.throw(
        "Give exactly one of `servicesFile` (a path to the YAML file) and `services` (the same content as an object), got both.",
      );
    });
  });
});
