// Issue 9: a CodeDeploy service role for an Auto Scaling group launched from a launch template
// needs ec2:RunInstances, ec2:CreateTags and iam:PassRole (AWS's CodeDeploy service role page).
import { expect } from "chai";
import { Ec2FleetTarget } from "../../packages/aws-cicd/src/codedeploy";
import { ACCOUNT, findResource, resourcesOfType, statementsOf } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { deployed, R, SUBNETS, VPC } from "./fixtures";

describe("Ec2FleetTarget", () => {
  describe("service role and the fleet's launch template", () => {
    it("lets CodeDeploy launch from exactly the fleet's template, tag on launch and pass only the instance role", async () => {
      await deployed(new Ec2FleetTarget("web", { fleet: { instanceType: "t3.micro", vpcId: VPC, subnetIds: SUBNETS } }));
      const template = `arn:aws:ec2:${R}:launch-template/lt-web-launch-template`;
      const policy = findResource("aws:iam/rolePolicy:RolePolicy", "web-service-role-launch-policy");
      expect(policy.inputs.role).to.equal("web-service-role");
      expect(statementsOf(policy.inputs.policy)).to.deep.equal([
        {
          Sid: "LaunchFromFleetTemplate",
          Effect: "Allow",
          Action: ["ec2:RunInstances"],
          Resource: [
            template,
            ...["instance", "network-interface", "security-group", "subnet", "volume"].map((t) => `arn:aws:ec2:${R}:${t}/*`),
            "arn:aws:ec2:us-east-1::image/*",
          ],
          Condition: { ArnEquals: { "ec2:LaunchTemplate": template } },
        },
        {
          Sid: "TagLaunchedInstances",
          Effect: "Allow",
          Action: ["ec2:CreateTags"],
          Resource: [`arn:aws:ec2:${R}:instance/*`, `arn:aws:ec2:${R}:volume/*`, `arn:aws:ec2:${R}:network-interface/*`],
          Condition: { StringEquals: { "ec2:CreateAction": "RunInstances" } },
        },
        {
          Sid: "PassFleetInstanceRole",
          Effect: "Allow",
          Action: ["iam:PassRole"],
          Resource: [`arn:aws:iam::${ACCOUNT}:role/web-instance-role`],
          Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } },
        },
      ]);
      // The deployment group is created (and used) only once the service role can launch.
      expect(findResource("aws:codedeploy/deploymentGroup:DeploymentGroup", "web-deployment-group").options.dependsOn).to.include(
        policy.urn,
      );
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("adds nothing to the service role for groups and instances it did not create", async () => {
      await deployed(new Ec2FleetTarget("web", { autoscalingGroups: ["existing-asg"] }));
      expect(resourcesOfType("aws:iam/rolePolicy:RolePolicy").map((p) => p.name)).to.deep.equal(["web-instance-policy"]);
    });
  });
});
