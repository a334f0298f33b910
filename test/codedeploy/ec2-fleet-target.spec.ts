import * as aws from "@pulumi/aws";
import { expect } from "chai";
import { Ec2FleetTarget } from "../../packages/aws-cicd/src/codedeploy";
import {
  ACCOUNT,
  calls,
  descendantsOf,
  findResource,
  policyStatementsOf,
  recorded,
  resourcesOfType,
  statementsOf,
  trustStatementsOf,
} from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { ARTIFACT_KEY, ARTIFACTS, CD, deployed, GROUP, SUBNETS, VPC } from "./fixtures";

const DG = "aws:codedeploy/deploymentGroup:DeploymentGroup";
const group = () => findResource(DG, "web-deployment-group").inputs;
const AGENT = {
  Sid: "DownloadCodeDeployAgent",
  Effect: "Allow",
  Action: ["s3:GetObject"],
  Resource: ["arn:aws:s3:::aws-codedeploy-us-east-1/*"],
};
const FLEET = { instanceType: "t3.micro", subnetIds: SUBNETS, vpcId: VPC };

describe("Ec2FleetTarget", () => {
  describe("defaults", () => {
    it("creates a Server application and a group deploying one at a time to tagged instances, rolling back on failure", async () => {
      const t = await deployed(new Ec2FleetTarget("web"));
      expect(findResource("aws:codedeploy/application:Application", "web-application").inputs).to.deep.equal({
        computePlatform: "Server",
        name: GROUP,
      });
      expect(group()).to.deep.equal({
        appName: GROUP,
        deploymentGroupName: GROUP,
        serviceRoleArn: `arn:aws:iam::${ACCOUNT}:role/web-service-role`,
        deploymentConfigName: "CodeDeployDefault.OneAtATime",
        deploymentStyle: { deploymentType: "IN_PLACE", deploymentOption: "WITHOUT_TRAFFIC_CONTROL" },
        ec2TagFilters: [{ key: "CodeDeployGroup", value: GROUP, type: "KEY_AND_VALUE" }],
        autoRollbackConfiguration: { enabled: true, events: ["DEPLOYMENT_FAILURE"] },
        outdatedInstancesStrategy: "UPDATE",
      });
      expect(resourcesOfType("aws:codedeploy/deploymentConfig:DeploymentConfig")).to.have.length(0);
      expect(resourcesOfType("aws:ec2/launchTemplate:LaunchTemplate")).to.have.length(0);
      const d = t.deployTarget();
      expect(
        await Promise.all([d.applicationArn, d.deploymentGroupArn, d.deploymentConfigArn].map((o) => new Promise((r) => o.apply(r)))),
      ).to.deep.equal([
        `${CD}:application:${GROUP}`,
        `${CD}:deploymentgroup:${GROUP}/${GROUP}`,
        `${CD}:deploymentconfig:CodeDeployDefault.OneAtATime`,
      ]);
    });

    it("creates a CodeDeploy service role trusted by CodeDeploy without source keys it does not document sending, with AWSCodeDeployRole", async () => {
      await deployed(new Ec2FleetTarget("web"));
      expect(trustStatementsOf("web-service-role")).to.deep.equal([
        {
          Effect: "Allow",
          Principal: { Service: ["codedeploy.amazonaws.com"] },
          Action: ["sts:AssumeRole"],
          Resource: [],
        },
      ]);
      expect(findResource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "web-service-role-AWSCodeDeployRole").inputs).to.deep.equal({
        role: "web-service-role",
        policyArn: "arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole",
      });
      expect(policyStatementsOf("web-service-role")).to.deep.equal([]);
    });

    it("creates an instance role and profile that only download the agent, with SSM core for the agent association", async () => {
      await deployed(new Ec2FleetTarget("web"));
      expect(trustStatementsOf("web-instance-role")).to.deep.equal([
        { Effect: "Allow", Principal: { Service: ["ec2.amazonaws.com"] }, Action: ["sts:AssumeRole"], Resource: [] },
      ]);
      expect(policyStatementsOf("web-instance-role")).to.deep.equal([AGENT]);
      expect(
        findResource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "web-instance-role-AmazonSSMManagedInstanceCore").inputs
          .policyArn,
      ).to.equal("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore");
      expect(findResource("aws:iam/instanceProfile:InstanceProfile", "web-instance-profile").inputs).to.deep.equal({
        role: "web-instance-role",
      });
    });

    it("installs the agent through an SSM association targeting the same tag", async () => {
      await deployed(new Ec2FleetTarget("web"));
      expect(findResource("aws:ssm/association:Association", "web-agent").inputs).to.deep.equal({
        name: "AWS-ConfigureAWSPackage",
        parameters: { action: "Install", name: "AWSCodeDeployAgent" },
        targets: [{ key: "tag:CodeDeployGroup", values: [GROUP] }],
        scheduleExpression: "rate(14 days)",
      });
    });

    it("passes the IAM catalog check", async () => {
      await deployed(
        new Ec2FleetTarget("web", { artifactBucketArn: ARTIFACTS, artifactKeyArn: ARTIFACT_KEY, rollbackAlarmNames: ["errors"] }),
      );
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });
  });

  describe("targeting", () => {
    it("targets tag filters (key-only and key-value) and installs the agent per key", async () => {
      await deployed(
        new Ec2FleetTarget("web", { ec2TagFilters: [{ key: "App", value: "web" }, { key: "App", value: "api" }, { key: "Canary" }] }),
      );
      expect(group().ec2TagFilters).to.deep.equal([
        { key: "App", value: "web", type: "KEY_AND_VALUE" },
        { key: "App", value: "api", type: "KEY_AND_VALUE" },
        { key: "Canary", type: "KEY_ONLY" },
      ]);
      const associations = resourcesOfType("aws:ssm/association:Association").sort((a, b) => a.name.localeCompare(b.name));
      expect(associations.map((a) => [a.name, a.inputs.targets])).to.deep.equal([
        ["web-agent-0", [{ key: "tag:App", values: ["web", "api"] }]],
        ["web-agent-1", [{ key: "tag-key", values: ["Canary"] }]],
      ]);
    });

    it("targets a tag set of groups", async () => {
      await deployed(new Ec2FleetTarget("web", { ec2TagSet: [[{ key: "App", value: "web" }], [{ key: "Env", value: "prod" }]] }));
      expect(group().ec2TagSets).to.deep.equal([
        { ec2TagFilters: [{ key: "App", value: "web", type: "KEY_AND_VALUE" }] },
        { ec2TagFilters: [{ key: "Env", value: "prod", type: "KEY_AND_VALUE" }] },
      ]);
      expect(group().ec2TagFilters).to.equal(undefined);
    });

    it("targets existing Auto Scaling groups, and installs the agent on their instances", async () => {
      await deployed(new Ec2FleetTarget("web", { autoscalingGroups: ["web-a", "web-b"] }));
      expect(group().autoscalingGroups).to.deep.equal(["web-a", "web-b"]);
      expect(group().ec2TagFilters).to.equal(undefined);
      expect(findResource("aws:ssm/association:Association", "web-agent").inputs.targets).to.deep.equal([
        { key: "tag:aws:autoscaling:groupName", values: ["web-a", "web-b"] },
      ]);
    });
  });

  describe("deployment configuration", () => {
    for (const [strategy, config] of [
      ["OneAtATime", "CodeDeployDefault.OneAtATime"],
      ["HalfAtATime", "CodeDeployDefault.HalfAtATime"],
      ["AllAtOnce", "CodeDeployDefault.AllAtOnce"],
    ] as const) {
      it(`uses ${config} for ${strategy}`, async () => {
        const t = await deployed(new Ec2FleetTarget("web", { deploymentStrategy: strategy }));
        expect(group().deploymentConfigName).to.equal(config);
        expect(await new Promise((r) => t.deploymentConfigArn.apply(r))).to.equal(`${CD}:deploymentconfig:${config}`);
      });
    }

    it("creates a HOST_COUNT configuration for minimumHealthyHosts.hostCount", async () => {
      await deployed(new Ec2FleetTarget("web", { minimumHealthyHosts: { hostCount: 2 } }));
      expect(findResource("aws:codedeploy/deploymentConfig:DeploymentConfig", "web-deployment-config").inputs).to.deep.equal({
        deploymentConfigName: "aws-cicd-test-test-web-min-healthy",
        computePlatform: "Server",
        minimumHealthyHosts: { type: "HOST_COUNT", value: 2 },
      });
      expect(group().deploymentConfigName).to.equal("aws-cicd-test-test-web-min-healthy");
    });

    it("creates a FLEET_PERCENT configuration for minimumHealthyHosts.fleetPercent", async () => {
      const t = await deployed(new Ec2FleetTarget("web", { minimumHealthyHosts: { fleetPercent: 75 } }));
      expect(
        findResource("aws:codedeploy/deploymentConfig:DeploymentConfig", "web-deployment-config").inputs.minimumHealthyHosts,
      ).to.deep.equal({ type: "FLEET_PERCENT", value: 75 });
      expect(await new Promise((r) => t.deploymentConfigArn.apply(r))).to.equal(
        `${CD}:deploymentconfig:aws-cicd-test-test-web-min-healthy`,
      );
    });

    it("rolls back on failure and on the given alarms", async () => {
      await deployed(new Ec2FleetTarget("web", { rollbackAlarmNames: ["web-5xx", "web-latency"] }));
      expect(group().autoRollbackConfiguration).to.deep.equal({
        enabled: true,
        events: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"],
      });
      expect(group().alarmConfiguration).to.deep.equal({
        enabled: true,
        alarms: ["web-5xx", "web-latency"],
        ignorePollAlarmFailure: false,
      });
    });
  });

  describe("instance role", () => {
    it("reads only the pipeline's artifacts (under the prefix) and decrypts them through S3", async () => {
      await deployed(
        new Ec2FleetTarget("web", {
          artifactBucketArn: ARTIFACTS,
          artifactKeyPrefix: "aws-cicd-test-test-/",
          artifactKeyArn: ARTIFACT_KEY,
        }),
      );
      expect(policyStatementsOf("web-instance-role")).to.deep.equal([
        {
          Sid: "ReadPipelineArtifacts",
          Effect: "Allow",
          Action: ["s3:GetObject", "s3:GetObjectVersion"],
          Resource: [`${ARTIFACTS}/aws-cicd-test-test-/*`],
        },
        {
          Sid: "DecryptPipelineArtifacts",
          Effect: "Allow",
          Action: ["kms:Decrypt"],
          Resource: [ARTIFACT_KEY],
          Condition: { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } },
        },
        AGENT,
      ]);
    });
  });

  describe("created fleet", () => {
    it("creates a launch template with IMDSv2, an encrypted gp3 root volume with the key, no public IP and detailed monitoring", async () => {
      await deployed(new Ec2FleetTarget("web", { fleet: FLEET, encryptionKey: { keyArn: ARTIFACT_KEY } }));
      expect(findResource("aws:ec2/launchTemplate:LaunchTemplate", "web-launch-template").inputs).to.deep.equal({
        description: "Instances of web (aws-cicd)",
        imageId: "ami-0123456789abcdef0",
        instanceType: "t3.micro",
        iamInstanceProfile: { arn: `arn:aws:iam::${ACCOUNT}:instance-profile/web-instance-profile` },
        metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" },
        blockDeviceMappings: [
          {
            deviceName: "/dev/xvda",
            ebs: { volumeType: "gp3", volumeSize: 8, encrypted: "true", deleteOnTermination: "true", kmsKeyId: ARTIFACT_KEY },
          },
        ],
        networkInterfaces: [
          { deviceIndex: 0, associatePublicIpAddress: "false", deleteOnTermination: "true", securityGroups: ["web-sg-id"] },
        ],
        monitoring: { enabled: true },
        updateDefaultVersion: true,
      });
      const ami = calls.filter((c) => c.token === "aws:ssm/getParameter:getParameter");
      expect(ami.map((c) => c.inputs.name)).to.deep.equal(["/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"]);
    });

    it("encrypts with a new customer key that Auto Scaling may use when no encryptionKey is given, and uses a given AMI without lookup", async () => {
      await deployed(new Ec2FleetTarget("web", { fleet: { ...FLEET, amiId: "ami-given" } }));
      const lt = findResource("aws:ec2/launchTemplate:LaunchTemplate", "web-launch-template").inputs;
      expect(lt.blockDeviceMappings[0].ebs).to.deep.equal({
        volumeType: "gp3",
        volumeSize: 8,
        encrypted: "true",
        deleteOnTermination: "true",
        kmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/web-key-key-id`,
      });
      const keyPolicy = statementsOf(findResource("aws:kms/key:Key", "web-key-key").inputs.policy);
      expect(keyPolicy.map((st) => st.Sid)).to.include.members(["AutoScalingUsesKeyForVolumes", "AutoScalingGrantsKeyToEbs"]);
      expect(lt.imageId).to.equal("ami-given");
      expect(calls.filter((c) => c.token === "aws:ssm/getParameter:getParameter")).to.have.length(0);
    });

    it("creates a security group without ingress and HTTPS-only egress", async () => {
      await deployed(new Ec2FleetTarget("web", { fleet: FLEET }));
      const sg = findResource("aws:ec2/securityGroup:SecurityGroup", "web-sg").inputs;
      expect(sg).to.deep.equal({
        description: "Instances of web (aws-cicd): no ingress, HTTPS egress only",
        vpcId: VPC,
        revokeRulesOnDelete: true,
      });
      expect(resourcesOfType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")).to.have.length(0);
      expect(resourcesOfType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").map((r) => r.inputs)).to.deep.equal([
        {
          securityGroupId: "web-sg-id",
          description: "HTTPS to S3, CodeDeploy, SSM and package repositories",
          ipProtocol: "tcp",
          fromPort: 443,
          toPort: 443,
          cidrIpv4: "0.0.0.0/0",
        },
      ]);
    });

    it("creates an Auto Scaling group the deployment group and the agent association target", async () => {
      await deployed(new Ec2FleetTarget("web", { fleet: { ...FLEET, minSize: 2, maxSize: 4, desiredCapacity: 3 }, tags: { team: "web" } }));
      expect(findResource("aws:autoscaling/group:Group", "web-asg").inputs).to.deep.equal({
        vpcZoneIdentifiers: SUBNETS,
        minSize: 2,
        maxSize: 4,
        desiredCapacity: 3,
        launchTemplate: { id: "web-launch-template-id", version: "1" },
        healthCheckType: "EC2",
        tags: [
          { key: "Name", value: "web", propagateAtLaunch: true },
          { key: "team", value: "web", propagateAtLaunch: true },
        ],
      });
      expect(group().autoscalingGroups).to.deep.equal(["web-asg"]);
      expect(findResource("aws:ssm/association:Association", "web-agent").inputs.targets).to.deep.equal([
        { key: "tag:aws:autoscaling:groupName", values: ["web-asg"] },
      ]);
    });

    it("installs the agent with user data instead of SSM when asked, with no SSM permissions and no secrets", async () => {
      await deployed(new Ec2FleetTarget("web", { fleet: FLEET, agentInstallation: "userData" }));
      expect(resourcesOfType("aws:ssm/association:Association")).to.have.length(0);
      expect(resourcesOfType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").map((r) => r.name)).to.deep.equal([
        "web-service-role-AWSCodeDeployRole",
      ]);
      const script = Buffer.from(
        findResource("aws:ec2/launchTemplate:LaunchTemplate", "web-launch-template").inputs.userData,
        "base64",
      ).toString();
      expect(script).to.equal(
        [
          "#!/bin/bash",
          "set -euo pipefail",
          "dnf install -y ruby wget",
          "cd /tmp",
          "wget -q https://aws-codedeploy-us-east-1.s3.us-east-1.amazonaws.com/latest/install",
          "chmod +x ./install",
          "./install auto",
          "systemctl enable --now codedeploy-agent",
          "",
        ].join("\n"),
      );
    });

    it("passes the IAM catalog check", async () => {
      await deployed(new Ec2FleetTarget("web", { fleet: FLEET }));
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });
  });

  describe("providers", () => {
    it("passes an explicit provider to every child and invoke", async () => {
      const provider = new aws.Provider("other", { region: "eu-west-1" });
      await deployed(new Ec2FleetTarget("web", { fleet: FLEET, minimumHealthyHosts: { hostCount: 1 } }, { providers: { aws: provider } }));
      const root = findResource("aws-cicd:index:Ec2FleetTarget", "web");
      const children = descendantsOf(root);
      expect(children.length).to.be.greaterThan(12);
      for (const r of children.filter((c) => !c.type.startsWith("aws-cicd:")))
        expect(r.provider, `${r.type} ${r.name}`).to.match(/pulumi:providers:aws::other::/);
      const invokes = calls.filter((c) => c.token.startsWith("aws:"));
      expect(invokes.map((c) => c.token)).to.include("aws:ssm/getParameter:getParameter");
      for (const c of invokes) expect(c.provider, c.token).to.match(/pulumi:providers:aws::other::/);
      expect(recorded.filter((r) => r.type.startsWith("aws:") && r.type !== "pulumi:providers:aws" && !children.includes(r))).to.deep.equal(
        [],
      );
    });
  });
});
