/**
 * Blue/green deployments of {@link Ec2FleetTarget}'s fleet: the deployment group's settings, the
 * validation of `blueGreen`, and the CodeDeploy service role's statements, which take the place of
 * `AWSCodeDeployRole` in this mode.
 *
 * EC2 Auto Scaling: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2autoscaling.html
 * EC2: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html
 * Elastic Load Balancing: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticloadbalancingv2.html
 * CloudWatch: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatch.html
 * Resource Groups Tagging: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonresourcegrouptaggingapi.html
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { targetGroupName } from "../ecs/blue-green";
import { CODEDEPLOY_ALARM_ACTIONS } from "../ecs/policies";
import { arnProblem, isDeferred, TARGET_GROUP_ARN_PATTERN } from "../internal/arns";
import { interpolate } from "../internal/interpolate";
import { PolicyStatement } from "../security/iam";
import { EC2_BLUE_GREEN_DEFAULTS, Ec2BlueGreenArgs, Ec2FleetTargetArgs } from "./ec2-fleet-target-args";
import { CodeDeployArnContext } from "./policies";

/**
 * Service role, blue/green: read the Auto Scaling groups, their hooks, policies, schedules,
 * notifications and activities, to copy the blue group. `"*"` only: the service authorization
 * reference lists no resource type for these Describe calls.
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2autoscaling.html
 * @managedPolicy AWSCodeDeployRole
 */
export const BLUE_GREEN_GROUP_DESCRIBE_ACTIONS = [
  "autoscaling:DescribeAutoScalingGroups",
  "autoscaling:DescribeLifecycleHooks",
  "autoscaling:DescribeNotificationConfigurations",
  "autoscaling:DescribePolicies",
  "autoscaling:DescribeScalingActivities",
  "autoscaling:DescribeScheduledActions",
] as const;
/**
 * Service role, blue/green: find the instances of the blue and green groups and follow their state.
 * `"*"` only: no resource type exists for these Describe calls.
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html
 * @managedPolicy AWSCodeDeployRole
 */
export const BLUE_GREEN_INSTANCE_DESCRIBE_ACTIONS = ["ec2:DescribeInstances", "ec2:DescribeInstanceStatus"] as const;
/**
 * Service role, blue/green: read the target group, its load balancer and the targets' health
 * before and while rerouting. `"*"` only: no resource type exists for these Describe calls.
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticloadbalancingv2.html
 * @managedPolicy AWSCodeDeployRole
 */
export const BLUE_GREEN_LOAD_BALANCER_DESCRIBE_ACTIONS = [
  "elasticloadbalancing:DescribeLoadBalancerAttributes",
  "elasticloadbalancing:DescribeLoadBalancers",
  "elasticloadbalancing:DescribeTargetGroupAttributes",
  "elasticloadbalancing:DescribeTargetGroups",
  "elasticloadbalancing:DescribeTargetHealth",
] as const;
/**
 * Service role: resolve the deployment group's instances through the tagging API, which
 * `AWSCodeDeployRole` grants and AWS does not document as unused by Auto Scaling groups. `"*"`
 * only: the action has no resource type. It reads ARNs and tags, nothing else.
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonresourcegrouptaggingapi.html
 * @managedPolicy AWSCodeDeployRole
 */
export const BLUE_GREEN_TAG_READ_ACTIONS = ["tag:GetResources"] as const;
/**
 * Service role, blue/green with a copied group: create the green group as a copy of the blue one
 * (its tags, metrics, suspended processes, load balancers, scaling policies, schedules,
 * notifications and warm pool), update it, and delete the blue group once its termination wait ends.
 * Scoped to the blue group and to CodeDeploy's copies (`CodeDeploy_<deployment group>_d-*`).
 * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/getting-started-create-service-role.html
 * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-groups-create-blue-green.html
 * @managedPolicy AWSCodeDeployRole
 */
export const BLUE_GREEN_COPY_GROUP_ACTIONS = [
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
] as const;
/**
 * Service role: install the lifecycle hook through which CodeDeploy deploys to the instances a
 * group launches, answer it, and remove it. Scoped like {@link BLUE_GREEN_COPY_GROUP_ACTIONS}.
 * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/integrations-aws-auto-scaling.html
 * @managedPolicy AWSCodeDeployRole
 */
export const BLUE_GREEN_LIFECYCLE_HOOK_ACTIONS = [
  "autoscaling:CompleteLifecycleAction",
  "autoscaling:DeleteLifecycleHook",
  "autoscaling:PutLifecycleHook",
  "autoscaling:RecordLifecycleActionHeartbeat",
] as const;
/**
 * Service role: terminate blue instances, only instances the blue group or a copy launched (the
 * `aws:autoscaling:groupName` tag EC2 Auto Scaling puts on them).
 * @see https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-tagging.html
 * @managedPolicy AWSCodeDeployRole
 */
export const BLUE_GREEN_TERMINATE_ACTIONS = ["ec2:TerminateInstances"] as const;
/**
 * Service role: reroute traffic, registering the green instances in the target group and
 * deregistering the blue ones, in exactly that target group.
 * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/integrations-aws-elastic-load-balancing.html
 * @managedPolicy AWSCodeDeployRole
 */
export const BLUE_GREEN_REROUTE_ACTIONS = ["elasticloadbalancing:DeregisterTargets", "elasticloadbalancing:RegisterTargets"] as const;
/** Prefix of the green groups CodeDeploy creates: `CodeDeploy_<deployment group>_d-<deployment id>`. */
export function copiedGroupPrefix(deploymentGroupName: pulumi.Input<string>): pulumi.Output<string> {
  return interpolate`CodeDeploy_${deploymentGroupName}_d-`;
}

/** What {@link blueGreenServiceRoleStatements} scopes to. */
export interface BlueGreenServiceRoleScope {
  /** Partition, region and account of the fleet. */
  ctx: CodeDeployArnContext;
  /** Name of the blue (created) Auto Scaling group. */
  autoScalingGroupName: pulumi.Input<string>;
  /** Name of the deployment group, which names CodeDeploy's copies. */
  deploymentGroupName: pulumi.Input<string>;
  /** ARN of the target group traffic is rerouted in. */
  targetGroupArn: pulumi.Input<string>;
  /**
   * Names of the rollback alarms.
   * @default - no alarm statement.
   */
  alarmNames?: pulumi.Input<string>[];
}

/**
 * The CodeDeploy service role of a blue/green deployment group copying the fleet's group, in place
 * of `AWSCodeDeployRole` (every group, instance, target group and load balancer of the account,
 * any SNS topic, any alarm, written too): the same calls, on exactly the blue group and its copies,
 * their instances, the target group and the rollback alarms. Describe calls and `tag:GetResources`
 * on `"*"` (no resource type exists). Left out: `sns:Publish` (the group has no triggers),
 * `cloudwatch:PutMetricAlarm` (no alarm is written), and the Classic Load Balancer calls (only a
 * target group is taken). Launching from the fleet's template is `launchTemplateServiceRoleStatements`.
 * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/getting-started-create-service-role.html
 */
export function blueGreenServiceRoleStatements(a: BlueGreenServiceRoleScope): PolicyStatement[] {
  const { partition, region, accountId } = a.ctx;
  const copies = copiedGroupPrefix(a.deploymentGroupName);
  const group = (name: pulumi.Input<string>) =>
    interpolate`arn:${partition}:autoscaling:${region}:${accountId}:autoScalingGroup:*:autoScalingGroupName/${name}`;
  const groups = [group(a.autoScalingGroupName), group(interpolate`${copies}*`)];
  const out: PolicyStatement[] = [
    {
      sid: "ReadDeploymentTargets",
      actions: [
        ...BLUE_GREEN_GROUP_DESCRIBE_ACTIONS,
        ...BLUE_GREEN_INSTANCE_DESCRIBE_ACTIONS,
        ...BLUE_GREEN_LOAD_BALANCER_DESCRIBE_ACTIONS,
        ...BLUE_GREEN_TAG_READ_ACTIONS,
      ],
      resources: ["*"],
    },
    { sid: "CopyFleetGroup", actions: [...BLUE_GREEN_COPY_GROUP_ACTIONS], resources: groups },
    { sid: "ManageLifecycleHooks", actions: [...BLUE_GREEN_LIFECYCLE_HOOK_ACTIONS], resources: groups },
    {
      sid: "TerminateFleetInstances",
      actions: [...BLUE_GREEN_TERMINATE_ACTIONS],
      resources: [interpolate`arn:${partition}:ec2:${region}:${accountId}:instance/*`],
      conditions: { StringLike: { "aws:ResourceTag/aws:autoscaling:groupName": [a.autoScalingGroupName, interpolate`${copies}*`] } },
    },
    { sid: "RerouteTraffic", actions: [...BLUE_GREEN_REROUTE_ACTIONS], resources: [a.targetGroupArn] },
  ];
  if (a.alarmNames !== undefined && a.alarmNames.length > 0) {
    out.push({
      sid: "ReadRollbackAlarms",
      actions: [...CODEDEPLOY_ALARM_ACTIONS],
      resources: a.alarmNames.map((n) => interpolate`arn:${partition}:cloudwatch:${region}:${accountId}:alarm:${n}`),
    });
  }
  return out;
}

/** The blue/green part of the deployment group's inputs. */
export type BlueGreenGroupSettings = Pick<
  aws.codedeploy.DeploymentGroupArgs,
  "deploymentStyle" | "blueGreenDeploymentConfig" | "loadBalancerInfo"
>;

/**
 * `BLUE_GREEN` with traffic control: copy the Auto Scaling group, reroute at once (or wait for
 * `manualRerouteWaitMinutes`), terminate the blue instances after `terminationWaitMinutes`, traffic
 * through the target group (named, as CodeDeploy takes it).
 * @see https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_BlueGreenDeploymentConfiguration.html
 */
export function blueGreenGroupSettings(b: Ec2BlueGreenArgs, targetGroupArn: pulumi.Input<string>): BlueGreenGroupSettings {
  const wait = b.manualRerouteWaitMinutes;
  return {
    deploymentStyle: { deploymentType: "BLUE_GREEN", deploymentOption: "WITH_TRAFFIC_CONTROL" },
    blueGreenDeploymentConfig: {
      deploymentReadyOption:
        wait === undefined ? { actionOnTimeout: "CONTINUE_DEPLOYMENT" } : { actionOnTimeout: "STOP_DEPLOYMENT", waitTimeInMinutes: wait },
      greenFleetProvisioningOption: { action: "COPY_AUTO_SCALING_GROUP" },
      terminateBlueInstancesOnDeploymentSuccess: {
        action: "TERMINATE",
        terminationWaitTimeInMinutes: b.terminationWaitMinutes ?? EC2_BLUE_GREEN_DEFAULTS.terminationWaitMinutes,
      },
    },
    loadBalancerInfo: { targetGroupInfos: [{ name: targetGroupName(targetGroupArn) }] },
  };
}

const TARGET_GROUP = 'a target group ARN such as "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/0123456789abcdef"';

/** The problem of `blueGreen.targetGroupArn`, for `checkedInput` (an Output is checked when it resolves). */
export const targetGroupArnProblem = arnProblem("blueGreen.targetGroupArn", TARGET_GROUP_ARN_PATTERN, TARGET_GROUP);

const isWholeIn = (v: unknown, min: number, max: number): boolean => typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;

/** Validates `blueGreen` and what it needs of the other args; throws a plain `Error` naming the arg. */
export function checkEc2BlueGreen(args: Ec2FleetTargetArgs): void {
  const b = args.blueGreen;
  if (b === undefined) return;
  if (args.fleet === undefined) {
    const given = (["ec2TagFilters", "ec2TagSet", "autoscalingGroups"] as const).find((k) => args[k] !== undefined);
    throw new Error(
      `\`blueGreen\` copies the Auto Scaling group of a created \`fleet\`, got ${given === undefined ? "no `fleet`" : `\`${given}\``}. ` +
        `Add \`fleet\`${given === undefined ? "" : ` in place of \`${given}\``}, or remove \`blueGreen\` to deploy in place.`,
    );
  }
  if (args.agentInstallation !== "userData") {
    throw new Error(
      `\`blueGreen\` needs \`agentInstallation: "userData"\`, got ${args.agentInstallation === undefined ? 'the default "ssm"' : `"${args.agentInstallation}"`}: ` +
        "the SSM association targets the fleet's group by name and never reaches CodeDeploy's copies, which run the same launch template and its user data.",
    );
  }
  // A plain value of any kind now; an Output when it resolves (`checkedInput` in the component).
  const problem = isDeferred(b.targetGroupArn) ? undefined : targetGroupArnProblem(b.targetGroupArn);
  if (problem !== undefined) throw new Error(problem);
  const max = EC2_BLUE_GREEN_DEFAULTS.maxWaitMinutes;
  if (b.manualRerouteWaitMinutes !== undefined && !isWholeIn(b.manualRerouteWaitMinutes, 1, max)) {
    throw new Error(
      `\`blueGreen.manualRerouteWaitMinutes\` must be a whole number from 1 to ${max}, got ${b.manualRerouteWaitMinutes}. ` +
        "Leave it out to reroute as soon as the green instances are ready.",
    );
  }
  if (b.terminationWaitMinutes !== undefined && !isWholeIn(b.terminationWaitMinutes, 0, max)) {
    throw new Error(`\`blueGreen.terminationWaitMinutes\` must be a whole number from 0 to ${max}, got ${b.terminationWaitMinutes}.`);
  }
}
