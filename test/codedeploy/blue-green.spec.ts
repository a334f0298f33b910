// Issue 15, item 3: blue/green deployments of Ec2FleetTarget's fleet (a copied Auto Scaling group,
// traffic through a target group, rollback on failure and alarms) and the exact service role.
import { expect } from "chai";
import {
  EC2_BLUE_GREEN_DEFAULTS,
  Ec2FleetTarget,
  Ec2FleetTargetArgs,
  validateEc2FleetTargetArgs,
} from "../../packages/aws-cicd/src/codedeploy";
import { ACCOUNT, findResource, policyStatementsOf, recorded, resourcesOfType, settle, statementsOf, unwrap } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { decide, RoleRequest } from "../conformance/simulate/simulate";
import { StackPolicies } from "../conformance/simulate/stack-policies";
import { CD, deployed, GROUP, R, SUBNETS, VPC } from "./fixtures";

const DG = "aws:codedeploy/deploymentGroup:DeploymentGroup";
const FLEET = { instanceType: "t3.micro", subnetIds: SUBNETS, vpcId: VPC };
const TG = `arn:aws:elasticloadbalancing:${R}:targetgroup/web-tg/0123456789abcdef`;
const BG: Ec2FleetTargetArgs = { fleet: FLEET, agentInstallation: "userData", blueGreen: { targetGroupArn: TG } };
const ASG = (name: string) => `arn:aws:autoscaling:${R}:autoScalingGroup:*:autoScalingGroupName/${name}`;
const COPIES = `CodeDeploy_${GROUP}_d-*`;

describe("Ec2FleetTarget", () => {
  describe("blue/green", () => {
    it("creates a BLUE_GREEN group copying the fleet's Auto Scaling group, rerouting at once through the target group", async () => {
      await deployed(new Ec2FleetTarget("web", BG));
      const dg = findResource(DG, "web-deployment-group");
      expect(dg.inputs).to.deep.equal({
        appName: GROUP,
        deploymentGroupName: GROUP,
        serviceRoleArn: `arn:aws:iam::${ACCOUNT}:role/web-service-role`,
        deploymentConfigName: "CodeDeployDefault.OneAtATime",
        deploymentStyle: { deploymentType: "BLUE_GREEN", deploymentOption: "WITH_TRAFFIC_CONTROL" },
        blueGreenDeploymentConfig: {
          deploymentReadyOption: { actionOnTimeout: "CONTINUE_DEPLOYMENT" },
          greenFleetProvisioningOption: { action: "COPY_AUTO_SCALING_GROUP" },
          terminateBlueInstancesOnDeploymentSuccess: { action: "TERMINATE", terminationWaitTimeInMinutes: 5 },
        },
        loadBalancerInfo: { targetGroupInfos: [{ name: "web-tg" }] },
        autoscalingGroups: ["web-asg"],
        autoRollbackConfiguration: { enabled: true, events: ["DEPLOYMENT_FAILURE"] },
        outdatedInstancesStrategy: "UPDATE",
      });
      expect(EC2_BLUE_GREEN_DEFAULTS.terminationWaitMinutes).to.equal(5);
      // CodeDeploy points the group at its copy after a deployment: the stack never points it back.
      expect(dg.options.ignoreChanges).to.deep.equal(["autoscalingGroups"]);
      expect(dg.options.dependsOn).to.include.members([
        findResource("aws:iam/rolePolicy:RolePolicy", "web-service-role-policy").urn,
        findResource("aws:iam/rolePolicy:RolePolicy", "web-service-role-launch-policy").urn,
      ]);
    });

    it("launches the fleet from the template's $Latest version, so that the copies follow template changes", async () => {
      await deployed(new Ec2FleetTarget("web", BG));
      expect(findResource("aws:autoscaling/group:Group", "web-asg").inputs.launchTemplate).to.deep.equal({
        id: "web-launch-template-id",
        version: "$Latest",
      });
      expect(resourcesOfType("aws:ssm/association:Association")).to.have.length(0);
    });

    it("waits for a manual reroute, keeps the blue instances as long as asked and rolls back on the alarms", async () => {
      await deployed(
        new Ec2FleetTarget("web", {
          ...BG,
          blueGreen: { targetGroupArn: TG, manualRerouteWaitMinutes: 60, terminationWaitMinutes: 120 },
          rollbackAlarmNames: ["web-5xx"],
        }),
      );
      const inputs = findResource(DG, "web-deployment-group").inputs;
      expect(inputs.blueGreenDeploymentConfig).to.deep.equal({
        deploymentReadyOption: { actionOnTimeout: "STOP_DEPLOYMENT", waitTimeInMinutes: 60 },
        greenFleetProvisioningOption: { action: "COPY_AUTO_SCALING_GROUP" },
        terminateBlueInstancesOnDeploymentSuccess: { action: "TERMINATE", terminationWaitTimeInMinutes: 120 },
      });
      expect(inputs.autoRollbackConfiguration).to.deep.equal({ enabled: true, events: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"] });
      expect(inputs.alarmConfiguration).to.deep.equal({ enabled: true, alarms: ["web-5xx"], ignorePollAlarmFailure: false });
      expect(statementsOf(findResource("aws:iam/rolePolicy:RolePolicy", "web-service-role-policy").inputs.policy).at(-1)).to.deep.equal({
        Sid: "ReadRollbackAlarms",
        Effect: "Allow",
        Action: ["cloudwatch:DescribeAlarms"],
        Resource: [`arn:aws:cloudwatch:${R}:alarm:web-5xx`],
      });
    });

    it("gives the service role exact statements in place of AWSCodeDeployRole", async () => {
      await deployed(new Ec2FleetTarget("web", BG));
      expect(resourcesOfType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").map((r) => r.name)).to.deep.equal([]);
      const policy = findResource("aws:iam/rolePolicy:RolePolicy", "web-service-role-policy");
      expect(policy.inputs.role).to.equal("web-service-role");
      const groups = [ASG("web-asg"), ASG(COPIES)];
      expect(statementsOf(policy.inputs.policy)).to.deep.equal([
        {
          Sid: "ReadDeploymentTargets",
          Effect: "Allow",
          Action: [
            "autoscaling:DescribeAutoScalingGroups",
            "autoscaling:DescribeLifecycleHooks",
            "autoscaling:DescribeNotificationConfigurations",
            "autoscaling:DescribePolicies",
            "autoscaling:DescribeScalingActivities",
            "autoscaling:DescribeScheduledActions",
            "ec2:DescribeInstances",
            "ec2:DescribeInstanceStatus",
            "elasticloadbalancing:DescribeLoadBalancerAttributes",
            "elasticloadbalancing:DescribeLoadBalancers",
            "elasticloadbalancing:DescribeTargetGroupAttributes",
            "elasticloadbalancing:DescribeTargetGroups",
            "elasticloadbalancing:DescribeTargetHealth",
            "tag:GetResources",
          ],
          Resource: ["*"],
        },
        {
          Sid: "CopyFleetGroup",
          Effect: "Allow",
          Action: [
            "autoscaling:AttachLoadBalancerTargetGroups",
            "autoscaling:AttachLoadBalancers",
            "autoscaling:CreateAutoScalingGroup",
            "autoscaling:CreateOrUpdateTags",
            "autoscaling:DeleteAutoScalingGroup",
            "autoscaling:EnableMetricsCollection",
            "autoscaling:PutNotificationConfiguration",
            "autoscaling:PutScalingPolicy",
            "autoscaling:PutScheduledUpdateGroupAction",
            "autoscaling:PutWarmPool",
            "autoscaling:ResumeProcesses",
            "autoscaling:SuspendProcesses",
            "autoscaling:UpdateAutoScalingGroup",
          ],
          Resource: groups,
        },
        {
          Sid: "ManageLifecycleHooks",
          Effect: "Allow",
          Action: [
            "autoscaling:CompleteLifecycleAction",
            "autoscaling:DeleteLifecycleHook",
            "autoscaling:PutLifecycleHook",
            "autoscaling:RecordLifecycleActionHeartbeat",
          ],
          Resource: groups,
        },
        {
          Sid: "TerminateFleetInstances",
          Effect: "Allow",
          Action: ["ec2:TerminateInstances"],
          Resource: [`arn:aws:ec2:${R}:instance/*`],
          Condition: { StringLike: { "aws:ResourceTag/aws:autoscaling:groupName": ["web-asg", COPIES] } },
        },
        {
          Sid: "RerouteTraffic",
          Effect: "Allow",
          Action: ["elasticloadbalancing:DeregisterTargets", "elasticloadbalancing:RegisterTargets"],
          Resource: [TG],
        },
      ]);
      // The copy launches from the fleet's template: the launch statements stay, exactly as in place.
      expect(
        statementsOf(findResource("aws:iam/rolePolicy:RolePolicy", "web-service-role-launch-policy").inputs.policy).map((s) => s.Sid),
      ).to.deep.equal(["LaunchFromFleetTemplate", "TagLaunchedInstances", "PassFleetInstanceRole"]);
      expect(policyStatementsOf("web-service-role").map((s) => s.Sid)).to.deep.equal([
        "LaunchFromFleetTemplate",
        "TagLaunchedInstances",
        "PassFleetInstanceRole",
        "ReadDeploymentTargets",
        "CopyFleetGroup",
        "ManageLifecycleHooks",
        "TerminateFleetInstances",
        "RerouteTraffic",
      ]);
    });

    it("passes the IAM catalog check", async () => {
      await deployed(new Ec2FleetTarget("web", { ...BG, rollbackAlarmNames: ["web-5xx"] }));
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("denies the service role other groups, other groups' instances, other target groups and a copy named for another deployment group", async () => {
      await deployed(new Ec2FleetTarget("web", BG));
      const stack = new StackPolicies("blue/green", [...recorded]);
      const group = (name: string) => ASG(name).replace(":*:", ":0a1b2c3d-1111-2222-3333-444455556666:");
      const instance = `arn:aws:ec2:${R}:instance/i-0123456789abcdef0`;
      const denied: RoleRequest[] = [
        { action: "autoscaling:DeleteAutoScalingGroup", resource: group("payments-asg"), what: "another group" },
        { action: "autoscaling:CreateAutoScalingGroup", resource: group("CodeDeploy_payments_d-HQU3QSJWA"), what: "another group's copy" },
        { action: "autoscaling:PutLifecycleHook", resource: group("payments-asg"), what: "a hook on another group" },
        {
          action: "ec2:TerminateInstances",
          resource: instance,
          context: { "aws:ResourceTag/aws:autoscaling:groupName": "payments-asg" },
          what: "another group's instance",
        },
        { action: "ec2:TerminateInstances", resource: instance, what: "an instance of no group" },
        {
          action: "elasticloadbalancing:RegisterTargets",
          resource: `arn:aws:elasticloadbalancing:${R}:targetgroup/payments/fedcba9876543210`,
          what: "another target group",
        },
        { action: "sns:Publish", resource: `arn:aws:sns:${R}:alerts`, what: "a topic" },
      ];
      for (const r of denied) expect(await decide(stack, "web-service-role", r), r.what).to.equal("ImplicitlyDenied");
      const allowed = { ...denied[3], context: { "aws:ResourceTag/aws:autoscaling:groupName": `CodeDeploy_${GROUP}_d-HQU3QSJWA` } };
      expect(await decide(stack, "web-service-role", allowed)).to.equal("Allowed");
    });

    it("deploys through the same CodeDeploy action as in place", async () => {
      const t = await deployed(new Ec2FleetTarget("web", BG));
      const action = t.deployAction({ name: "DeployWeb" }).codeDeploy;
      expect(action.name).to.equal("DeployWeb");
      expect(await unwrap(action.deploymentGroupArn)).to.equal(`${CD}:deploymentgroup:${GROUP}/${GROUP}`);
      expect(await unwrap(t.deploymentConfigArn)).to.equal(`${CD}:deploymentconfig:CodeDeployDefault.OneAtATime`);
    });

    it("names the copies after a given deployment group name", async () => {
      await deployed(new Ec2FleetTarget("web", { ...BG, deploymentGroupName: "shop-web" }));
      const copy = statementsOf(findResource("aws:iam/rolePolicy:RolePolicy", "web-service-role-policy").inputs.policy)[1];
      expect(copy.Resource).to.deep.equal([ASG("web-asg"), ASG("CodeDeploy_shop-web_d-*")]);
    });
  });

  describe("blue/green validation", () => {
    const TG_WHAT = 'a target group ARN such as "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/0123456789abcdef"';
    const CASES: [string, Ec2FleetTargetArgs, string][] = [
      [
        "no fleet",
        { blueGreen: { targetGroupArn: TG } },
        "`blueGreen` copies the Auto Scaling group of a created `fleet`, got no `fleet`. Add `fleet`, or remove `blueGreen` to deploy in place.",
      ],
      [
        "existing groups",
        { autoscalingGroups: ["web-a"], blueGreen: { targetGroupArn: TG } },
        "`blueGreen` copies the Auto Scaling group of a created `fleet`, got `autoscalingGroups`. Add `fleet` in place of `autoscalingGroups`, or remove `blueGreen` to deploy in place.",
      ],
      [
        "tag filters",
        { ec2TagFilters: [{ key: "App" }], blueGreen: { targetGroupArn: TG } },
        "`blueGreen` copies the Auto Scaling group of a created `fleet`, got `ec2TagFilters`. Add `fleet` in place of `ec2TagFilters`, or remove `blueGreen` to deploy in place.",
      ],
      [
        "default agent",
        { fleet: FLEET, blueGreen: { targetGroupArn: TG } },
        '`blueGreen` needs `agentInstallation: "userData"`, got the default "ssm": the SSM association targets the fleet\'s group by name and never reaches CodeDeploy\'s copies, which run the same launch template and its user data.',
      ],
      [
        "ssm agent",
        { fleet: FLEET, agentInstallation: "ssm", blueGreen: { targetGroupArn: TG } },
        '`blueGreen` needs `agentInstallation: "userData"`, got "ssm": the SSM association targets the fleet\'s group by name and never reaches CodeDeploy\'s copies, which run the same launch template and its user data.',
      ],
      [
        "no target group",
        { ...BG, blueGreen: {} as never },
        "`blueGreen.targetGroupArn` is required when `blueGreen` is given, got nothing; add it or leave `blueGreen` out.",
      ],
      [
        "listener for target group",
        { ...BG, blueGreen: { targetGroupArn: `arn:aws:elasticloadbalancing:${R}:listener/app/shop/50dc6c495c0c9188/f2f7dc8efc522ab2` } },
        `\`blueGreen.targetGroupArn\` must be ${TG_WHAT}, got "arn:aws:elasticloadbalancing:${R}:listener/app/shop/50dc6c495c0c9188/f2f7dc8efc522ab2".`,
      ],
      [
        "target group number",
        { ...BG, blueGreen: { targetGroupArn: 42 as never } },
        `\`blueGreen.targetGroupArn\` must be ${TG_WHAT}, got the number 42.`,
      ],
      [
        "reroute wait 0",
        { ...BG, blueGreen: { targetGroupArn: TG, manualRerouteWaitMinutes: 0 } },
        "`blueGreen.manualRerouteWaitMinutes` must be a whole number from 1 to 2880, got 0. Leave it out to reroute as soon as the green instances are ready.",
      ],
      [
        "termination wait over 2 days",
        { ...BG, blueGreen: { targetGroupArn: TG, terminationWaitMinutes: 2881 } },
        "`blueGreen.terminationWaitMinutes` must be a whole number from 0 to 2880, got 2881.",
      ],
      [
        "termination wait string",
        { ...BG, blueGreen: { targetGroupArn: TG, terminationWaitMinutes: "5" as never } },
        '`blueGreen.terminationWaitMinutes` must be a number, got the string "5"; pass a number, not a string.',
      ],
      [
        "blueGreen string",
        { ...BG, blueGreen: TG as never },
        `\`blueGreen\` must be an object with \`targetGroupArn\`, got the string "${TG}"; pass the fields or leave \`blueGreen\` out.`,
      ],
    ];

    for (const [what, args, message] of CASES) {
      it(`throws for ${what} before creating any child`, async () => {
        let pure: Error | undefined;
        try {
          validateEc2FleetTargetArgs(args);
        } catch (e) {
          pure = e as Error;
        }
        expect(pure?.message).to.equal(message);
        let error: Error | undefined;
        try {
          new Ec2FleetTarget("web", args);
        } catch (e) {
          error = e as Error;
        }
        expect(error?.message).to.equal(message);
        await settle();
        expect(recorded.map((r) => r.type)).to.deep.equal(["aws-cicd:index:Ec2FleetTarget"]);
      });
    }
  });
});
