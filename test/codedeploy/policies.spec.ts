// The CodeDeploy statements (codedeploy/policies.ts) as plain values: exact sids, actions, ARNs
// and conditions of the fleet's service and instance roles and of the pipeline role's deploy grant.
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import {
  codeDeployArn,
  codeDeployDeployStatements,
  codeDeployTargetOutputs,
  CodeDeployTargetInfo,
  deployTargetOf,
  fleetInstanceRoleStatements,
  INSTANCE_SSM_MANAGED_POLICY,
  launchTemplateServiceRoleStatements,
  SERVICE_ROLE_MANAGED_POLICY,
} from "../../packages/aws-cicd/src/codedeploy/policies";
import { PolicyStatement } from "../../packages/aws-cicd/src/security/iam";
import { unwrap } from "../harness";

const CTX = {
  accountId: pulumi.output("111122223333"),
  partition: pulumi.output("aws-cn"),
  region: pulumi.output("cn-north-1"),
  dnsSuffix: pulumi.output("amazonaws.com.cn"),
};
const PLAIN_CTX = { partition: "aws", region: "eu-west-1", accountId: "111122223333" };
const TEMPLATE = "arn:aws:ec2:eu-west-1:111122223333:launch-template/lt-0123456789abcdef0";
const INSTANCE_ROLE = "arn:aws:iam::111122223333:role/fleet-instance";
const BUCKET = "arn:aws-cn:s3:::app-artifacts";
const KEY = "arn:aws-cn:kms:cn-north-1:111122223333:key/1111aaaa-22bb-33cc-44dd-555566667777";

/** The statements with every Output resolved (keys left undefined dropped, as in the rendered policy). */
async function resolved(statements: PolicyStatement[]): Promise<unknown[]> {
  return Promise.all(statements.map(async (s) => JSON.parse(JSON.stringify(await unwrap(s as never)))));
}

function target(app: string, group: string, config = "CodeDeployDefault.OneAtATime"): CodeDeployTargetInfo {
  const arn = (r: string) => `arn:aws:codedeploy:eu-west-1:111122223333:${r}`;
  return {
    applicationName: app,
    deploymentGroupName: group,
    applicationArn: arn(`application:${app}`),
    deploymentGroupArn: arn(`deploymentgroup:${app}/${group}`),
    deploymentConfigArn: arn(`deploymentconfig:${config}`),
  };
}

describe("Ec2FleetTarget statements", () => {
  describe("service role, launch-template fleets", () => {
    it("launches from exactly the template, tags what the launch creates and passes exactly the instance role to EC2", async () => {
      const statements = launchTemplateServiceRoleStatements({
        ctx: PLAIN_CTX,
        launchTemplateArn: TEMPLATE,
        instanceRoleArn: INSTANCE_ROLE,
      });
      const ec2 = (r: string) => `arn:aws:ec2:eu-west-1:111122223333:${r}`;
      expect(await resolved(statements)).to.deep.equal([
        {
          sid: "LaunchFromFleetTemplate",
          actions: ["ec2:RunInstances"],
          resources: [
            TEMPLATE,
            ec2("instance/*"),
            ec2("network-interface/*"),
            ec2("security-group/*"),
            ec2("subnet/*"),
            ec2("volume/*"),
            "arn:aws:ec2:eu-west-1::image/*",
          ],
          conditions: { ArnEquals: { "ec2:LaunchTemplate": TEMPLATE } },
        },
        {
          sid: "TagLaunchedInstances",
          actions: ["ec2:CreateTags"],
          resources: [ec2("instance/*"), ec2("volume/*"), ec2("network-interface/*")],
          conditions: { StringEquals: { "ec2:CreateAction": "RunInstances" } },
        },
        {
          sid: "PassFleetInstanceRole",
          actions: ["iam:PassRole"],
          resources: [INSTANCE_ROLE],
          conditions: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } },
        },
      ]);
    });

    it("attaches the service role and SSM policies AWS documents, under their paths", () => {
      expect(SERVICE_ROLE_MANAGED_POLICY).to.include({ name: "AWSCodeDeployRole", path: "service-role/" });
      expect(INSTANCE_SSM_MANAGED_POLICY).to.include({ name: "AmazonSSMManagedInstanceCore", path: "" });
    });
  });

  describe("instance role", () => {
    it("only downloads the agent from the regional CodeDeploy bucket of the partition, without an artifact bucket or key", async () => {
      expect(await resolved(fleetInstanceRoleStatements({ ctx: CTX }))).to.deep.equal([
        { sid: "DownloadCodeDeployAgent", actions: ["s3:GetObject"], resources: ["arn:aws-cn:s3:::aws-codedeploy-cn-north-1/*"] },
      ]);
    });

    it("reads the artifacts under the key prefix and decrypts them with the key through S3 only", async () => {
      const statements = fleetInstanceRoleStatements({
        ctx: CTX,
        artifactBucketArn: BUCKET,
        artifactKeyPrefix: "app-pipeline/",
        artifactKeyArn: KEY,
      });
      expect(await resolved(statements)).to.deep.equal([
        { sid: "ReadPipelineArtifacts", actions: ["s3:GetObject", "s3:GetObjectVersion"], resources: [`${BUCKET}/app-pipeline/*`] },
        {
          sid: "DecryptPipelineArtifacts",
          actions: ["kms:Decrypt"],
          resources: [KEY],
          conditions: { StringEquals: { "kms:ViaService": "s3.cn-north-1.amazonaws.com.cn" } },
        },
        { sid: "DownloadCodeDeployAgent", actions: ["s3:GetObject"], resources: ["arn:aws-cn:s3:::aws-codedeploy-cn-north-1/*"] },
      ]);
    });

    it("reads the whole bucket without a key prefix, and grants no key without a key", async () => {
      const statements = await resolved(fleetInstanceRoleStatements({ ctx: CTX, artifactBucketArn: BUCKET }));
      expect(statements[0]).to.deep.equal({
        sid: "ReadPipelineArtifacts",
        actions: ["s3:GetObject", "s3:GetObjectVersion"],
        resources: [`${BUCKET}/*`],
      });
      expect(statements.map((s) => (s as PolicyStatement).sid)).to.deep.equal(["ReadPipelineArtifacts", "DownloadCodeDeployAgent"]);
    });

    it("decrypts with the key even without a bucket (the key statement does not depend on it)", async () => {
      const statements = await resolved(fleetInstanceRoleStatements({ ctx: CTX, artifactKeyArn: KEY }));
      expect(statements.map((s) => (s as PolicyStatement).sid)).to.deep.equal(["DecryptPipelineArtifacts", "DownloadCodeDeployAgent"]);
    });
  });

  describe("target outputs", () => {
    it("builds a CodeDeploy ARN from the context", async () => {
      expect(await unwrap(codeDeployArn(PLAIN_CTX, "application:shop"))).to.equal(
        "arn:aws:codedeploy:eu-west-1:111122223333:application:shop",
      );
    });

    it("publishes the names and the application, group and configuration ARNs", async () => {
      const outputs = codeDeployTargetOutputs(CTX, pulumi.output("shop"), pulumi.output("shop-prod"), "CodeDeployDefault.AllAtOnce");
      const arn = (r: string) => `arn:aws-cn:codedeploy:cn-north-1:111122223333:${r}`;
      expect(await unwrap(outputs as never)).to.deep.equal({
        applicationName: "shop",
        deploymentGroupName: "shop-prod",
        deploymentConfigName: "CodeDeployDefault.AllAtOnce",
        applicationArn: arn("application:shop"),
        deploymentGroupArn: arn("deploymentgroup:shop/shop-prod"),
        deploymentConfigArn: arn("deploymentconfig:CodeDeployDefault.AllAtOnce"),
      });
    });

    it("gives a deploy action every output but the configuration's name", async () => {
      const outputs = codeDeployTargetOutputs(PLAIN_CTX, pulumi.output("shop"), pulumi.output("shop-prod"), pulumi.output("Custom"));
      const deployTarget = deployTargetOf(outputs);
      expect(Object.keys(deployTarget)).to.deep.equal([
        "applicationName",
        "deploymentGroupName",
        "applicationArn",
        "deploymentGroupArn",
        "deploymentConfigArn",
      ]);
      expect(deployTarget.deploymentConfigArn).to.equal(outputs.deploymentConfigArn);
      expect(await unwrap(deployTarget.deploymentConfigArn)).to.equal("arn:aws:codedeploy:eu-west-1:111122223333:deploymentconfig:Custom");
    });
  });

  describe("pipeline role, CodeDeploy action", () => {
    it("registers revisions on, deploys to and reads the configuration of exactly the target", async () => {
      const t = target("shop", "shop-prod");
      expect(await resolved(codeDeployDeployStatements([t]))).to.deep.equal([
        {
          sid: "RegisterRevisions",
          actions: ["codedeploy:GetApplication", "codedeploy:GetApplicationRevision", "codedeploy:RegisterApplicationRevision"],
          resources: [t.applicationArn],
        },
        {
          sid: "CreateDeployments",
          actions: ["codedeploy:CreateDeployment", "codedeploy:GetDeployment"],
          resources: [t.deploymentGroupArn],
        },
        { sid: "ReadDeploymentConfigs", actions: ["codedeploy:GetDeploymentConfig"], resources: [t.deploymentConfigArn] },
      ]);
    });

    it("names a shared application or configuration once, and every group", async () => {
      const dev = target("shop", "shop-dev");
      const prod = target("shop", "shop-prod");
      const api = target("api", "api-prod", "Custom");
      expect(await resolved(codeDeployDeployStatements([dev, prod, api]))).to.deep.equal([
        {
          sid: "RegisterRevisions",
          actions: ["codedeploy:GetApplication", "codedeploy:GetApplicationRevision", "codedeploy:RegisterApplicationRevision"],
          resources: [dev.applicationArn, api.applicationArn],
        },
        {
          sid: "CreateDeployments",
          actions: ["codedeploy:CreateDeployment", "codedeploy:GetDeployment"],
          resources: [dev.deploymentGroupArn, prod.deploymentGroupArn, api.deploymentGroupArn],
        },
        {
          sid: "ReadDeploymentConfigs",
          actions: ["codedeploy:GetDeploymentConfig"],
          resources: [dev.deploymentConfigArn, api.deploymentConfigArn],
        },
      ]);
    });

    it("names the very same Output once, and distinct Outputs each", () => {
      const app = pulumi.output("arn:aws:codedeploy:eu-west-1:111122223333:application:shop");
      const other = pulumi.output("arn:aws:codedeploy:eu-west-1:111122223333:application:shop");
      const base = target("shop", "shop-dev");
      const statements = codeDeployDeployStatements([
        { ...base, applicationArn: app },
        { ...base, applicationArn: app },
        { ...base, applicationArn: other },
      ]);
      const resources = statements[0].resources ?? [];
      expect(resources).to.have.length(2);
      expect(resources[0]).to.equal(app);
      expect(resources[1]).to.equal(other);
    });

    it("rejects an empty target list", () => {
      expect(() => codeDeployDeployStatements([])).to.throw("`targets` must hold at least one CodeDeploy deployment group.");
    });
  });
});
