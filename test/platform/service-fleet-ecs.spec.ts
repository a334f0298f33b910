import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ServiceFleet, ServicesFile } from "../../packages/aws-cicd/src";
import { planFleet } from "../../packages/aws-cicd/src/platform";
import { findResource, recorded, resetRecorded, settle, statementsOf, unwrap } from "../harness";

const NETWORK = { vpcId: "vpc-0a1b2c3d", privateSubnetIds: ["subnet-0a1b2c3d", "subnet-0e1f2a3b"] };

/** One team's API on ECS: dev and prod in the stack's own account. */
function ecsFile(): ServicesFile {
  return {
    version: 1,
    accounts: { tools: { id: "123456789012", region: "us-east-1", network: NETWORK } },
    teams: { api: { emails: ["api@example.com"] } },
    defaults: { targets: { ecs: { cpu: 512, memory: 1024 } } },
    services: [
      {
        name: "orders",
        team: "api",
        source: { codecommit: {} },
        environments: [
          { name: "dev", account: "tools", target: { ecs: {} } },
          { name: "prod", account: "tools", approval: {}, target: { ecs: { containerPort: 3000, desiredCount: 4 } } },
        ],
      },
    ],
  };
}

describe("ServiceFleet ECS targets", () => {
  it("plans a Fargate service in the account's private subnets, the target defaults merged under the environment's own", () => {
    const plan = planFleet("f", { services: ecsFile() }, "us-east-1");
    const [dev, prod] = plan.services[0].environments;
    expect([dev.kind, dev.ecs!.fargateService, prod.ecs!.fargateService]).to.deep.equal([
      "ecs",
      { vpcId: NETWORK.vpcId, subnetIds: NETWORK.privateSubnetIds, containerPort: 8080, cpu: 512, memory: 1024 },
      { vpcId: NETWORK.vpcId, subnetIds: NETWORK.privateSubnetIds, containerPort: 3000, cpu: 512, memory: 1024, desiredCount: 4 },
    ]);
  });

  describe("stamped out", () => {
    let graph: typeof recorded = [];
    before(async function () {
      this.timeout(120_000);
      resetRecorded();
      const fleet = new ServiceFleet("ecsfleet", { services: ecsFile() });
      await unwrap(fleet.pipelineNames);
      await settle();
      graph = [...recorded];
    });
    beforeEach(() => {
      if (recorded.length === 0) recorded.push(...graph);
    });

    it("deploys each environment rolling with CodePipeline's ECS action, to the service it created", () => {
      const stages = findResource("aws:codepipeline/pipeline:Pipeline", "ecsfleet-orders-pipeline").inputs.stages;
      const deploy = (name: string) => stages.find((s: any) => s.name === name).actions[0];
      const service = (env: string) => findResource("aws:ecs/service:Service", `ecsfleet-orders-${env}-service`);
      expect(stages.map((s: any) => s.name)).to.deep.equal(["Source", "Build", "Deploy-dev", "Approve-prod", "Deploy-prod"]);
      for (const env of ["dev", "prod"]) {
        expect([deploy(`Deploy-${env}`).provider, deploy(`Deploy-${env}`).configuration.ServiceName]).to.deep.equal([
          "ECS",
          service(env).inputs.name,
        ]);
      }
      expect(service("prod").inputs.desiredCount).to.equal(4);
      expect(service("dev").inputs.networkConfiguration).to.deep.include({ subnets: NETWORK.privateSubnetIds, assignPublicIp: false });
    });

    it("lets the service's build push images to each environment's repository, and nothing else of ECR", () => {
      const build = findResource("aws:iam/role:Role", "ecsfleet-orders-build-role").state.name;
      const pushes = graph.filter((r) => r.type === "aws:iam/rolePolicy:RolePolicy" && /image-push/.test(r.name));
      expect(pushes.map((p) => p.inputs.role)).to.deep.equal([build, build]);
      const repo = (env: string) =>
        `arn:aws:ecr:us-east-1:123456789012:repository/${findResource("aws:ecr/repository:Repository", `ecsfleet-orders-${env}-repository`).inputs.name}`;
      expect(pushes.map((p) => statementsOf(p.inputs.policy).find((s) => s.Sid === "PushServiceImages")!.Resource)).to.deep.equal([
        [repo("dev")],
        [repo("prod")],
      ]);
    });

    it("lets ECR create grants on the fleet's shared key, through ECR in this account only, since the repositories use it", () => {
      const policy = findResource("aws:kms/key:Key", "ecsfleet-key-key").inputs.policy;
      expect(statementsOf(policy).find((s) => s.Sid === "AccountEncryptsEcrRepositories")).to.deep.equal({
        Sid: "AccountEncryptsEcrRepositories",
        Effect: "Allow",
        Principal: { AWS: ["arn:aws:iam::123456789012:root"] },
        Action: ["kms:CreateGrant", "kms:RetireGrant"],
        Resource: ["*"],
        Condition: { StringEquals: { "kms:CallerAccount": "123456789012", "kms:ViaService": "ecr.us-east-1.amazonaws.com" } },
      });
    });
  });

  describe("bad input creates nothing", () => {
    it("refuses an ECS target in another account, naming the file, line and column", () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fleet-ecs-"));
      const file = path.join(dir, "services.yml");
      fs.writeFileSync(
        file,
        [
          "version: 1",
          "accounts:",
          "  tools: { id: '123456789012', region: us-east-1, network: { vpcId: vpc-0a1b2c3d, privateSubnetIds: [subnet-0a1b2c3d] } }",
          "  prod: { id: '210987654321', region: us-east-1, bootstrapRoleArn: 'arn:aws:iam::210987654321:role/boot' }",
          "teams:",
          "  api: { emails: [api@example.com] }",
          "services:",
          "  - name: orders",
          "    team: api",
          "    source: { codecommit: {} }",
          "    environments:",
          "      - { name: prod, account: prod, target: { ecs: {} } }",
          "",
        ].join("\n"),
      );
      try {
        expect(() => planFleet("f", { servicesFile: file }, "us-east-1")).to.throw(
          `${file}:12:38: services[0].environments[0].target: ecs targets deploy in the stack's own account; account "prod" is another (it has \`bootstrapRoleArn\`).`,
        );
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it("refuses a task size Fargate does not offer, and an unknown ECS setting, with what is allowed", () => {
      const odd = ecsFile();
      odd.services[0].environments[0].target = { ecs: { cpu: 256, memory: 4096 } };
      expect(() => planFleet("f", { services: odd }, "us-east-1")).to.throw(
        /^`services`: services\[0\]\.environments\[0\]\.target: .*memory.*4096/,
      );
      const unknown = ecsFile();
      (unknown.services[0].environments[0].target as any) = { ecs: { image: "nginx" } };
      expect(() => planFleet("f", { services: unknown }, "us-east-1")).to.throw(
        '`services`: services[0].environments[0].target.ecs.image: unknown field "image"; allowed: containerPort, cpu, memory, desiredCount.',
      );
    });
  });
});
