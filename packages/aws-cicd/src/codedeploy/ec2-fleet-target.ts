import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { CodeDeployActionArgs } from "../pipeline/actions/codedeploy-deploy";
import {
  autoNameArgs,
  AUTONAMED_IAM_POLICY,
  AUTONAMED_IAM_ROLE,
  CODEDEPLOY_NAME,
  stackScopedName,
  validateComponentName,
} from "../internal/naming";
import { keyOrNew } from "../security/encryption-key";
import { attachStatements, awsContext, createServiceRole, policyDocument, ROLE_MAX_SESSION_SECONDS } from "../security/iam";
import {
  CODEDEPLOY_AGENT_DOCUMENT,
  CODEDEPLOY_AGENT_PACKAGE,
  CODEDEPLOY_BUILT_IN_CONFIGS,
  DEFAULT_AGENT_UPDATE_SCHEDULE,
  DEFAULT_DEPLOYMENT_STRATEGY,
  DEFAULT_TARGET_TAG_KEY,
  Ec2FleetTargetArgs,
  Ec2TagFilter,
} from "./ec2-fleet-target-args";
import { createFleet } from "./fleet";
import { blueGreenGroupSettings, blueGreenServiceRoleStatements, targetGroupArnProblem } from "./blue-green";
import { rollbackSettings } from "./rollback";
import {
  codeDeployTargetOutputs,
  CodeDeployTargetInfo,
  deployTargetOf,
  fleetInstanceRoleStatements,
  launchTemplateServiceRoleStatements,
  INSTANCE_SSM_MANAGED_POLICY,
  ManagedPolicyUse,
  SERVICE_ROLE_MANAGED_POLICY,
} from "./policies";
import { validateEc2FleetTargetArgs } from "./validate";
import { arnProblem, checkedInput, checkedKey, KMS_KEY_ARN_PATTERN } from "../internal/arns";
import { asResourceError } from "../internal/errors";
import { interpolate } from "../internal/interpolate";
import { quietStacks } from "../internal/quiet-stacks";

/** The names and ARNs a deploy action needs, as Outputs. */
export type Ec2FleetDeployTarget = { [K in keyof CodeDeployTargetInfo]: pulumi.Output<string> };

/** Settings of {@link Ec2FleetTarget.deployAction}: the `codeDeploy` arguments that are not the target's. */
export type CodeDeployActionOptions = Omit<CodeDeployActionArgs, keyof CodeDeployTargetInfo>;

/** A deployment group tag filter as CodeDeploy takes it. */
const tagFilter = (f: Ec2TagFilter) =>
  f.value === undefined ? { key: f.key, type: "KEY_ONLY" } : { key: f.key, value: f.value, type: "KEY_AND_VALUE" };

/** SSM association targets reaching instances that match any of the filters: one target list per distinct key. */
function associationTargets(filters: Ec2TagFilter[]): { key: string; values: string[] }[][] {
  const byKey = new Map<string, { key: string; values: string[] }>();
  for (const f of filters) {
    const k = f.value === undefined ? `tag-key:${f.key}` : `tag:${f.key}`;
    const t = byKey.get(k) ?? (f.value === undefined ? { key: "tag-key", values: [f.key] } : { key: `tag:${f.key}`, values: [] });
    if (f.value !== undefined && !t.values.includes(f.value)) t.values.push(f.value);
    byKey.set(k, t);
  }
  return [...byKey.values()].map((t) => [t]);
}

/** Trust policy of the instance role: EC2 only (EC2 sends no `aws:SourceAccount` for instance profiles). */
export function fleetInstanceTrustPolicy(): pulumi.Output<string> {
  return policyDocument([{ principals: { service: ["ec2.amazonaws.com"] }, actions: ["sts:AssumeRole"] }]);
}

/**
 * A CodeDeploy application (EC2/On-premises) and deployment group for EC2 instances found by
 * tag, by Auto Scaling group, or created here (`fleet`), with automatic rollback on failure and
 * on the given alarms, a service role, and an instance role (with its instance profile) that
 * reads only the pipeline's artifacts and gets the CodeDeploy agent through SSM.
 *
 * With `blueGreen` (and `fleet`), each deployment copies the fleet's Auto Scaling group into a
 * green fleet and reroutes traffic through the given target group (see `Ec2BlueGreenArgs`).
 *
 * `new Ec2FleetTarget("web")` deploys one instance at a time to instances tagged
 * `CodeDeployGroup = <deployment group name>` that use `target.instanceProfile`.
 * See the component README for the permissions and the documented exceptions.
 *
 * ```ts
 * const web = new Ec2FleetTarget("web", {
 *   fleet: { instanceType: "t3.micro", vpcId, subnetIds },
 *   artifactBucketArn: artifacts.bucketArn, artifactKeyArn: key.keyArn,
 * });
 * new Pipeline("app", { stages: [..., { name: "Deploy", actions: [web.deployAction()] }] });
 * ```
 */
export class Ec2FleetTarget extends pulumi.ComponentResource {
  /** The CodeDeploy application. */
  readonly application: aws.codedeploy.Application;
  /** The CodeDeploy deployment group. */
  readonly deploymentGroup: aws.codedeploy.DeploymentGroup;
  /** The custom configuration, when `minimumHealthyHosts` is given. */
  readonly deploymentConfig?: aws.codedeploy.DeploymentConfig;
  /** Service role CodeDeploy assumes to deploy. */
  readonly serviceRole: aws.iam.Role;
  /**
   * The service role's statements for blue/green deployments (with `blueGreen`, in place of
   * `AWSCodeDeployRole`): copy, hook and delete exactly the fleet's group and CodeDeploy's copies,
   * reroute in exactly the target group, read exactly the rollback alarms.
   */
  readonly serviceRolePolicy?: aws.iam.RolePolicy;
  /**
   * Inline policy letting the service role launch from the created fleet's launch template (present with `fleet`).
   * Groups you pass in `autoscalingGroups` that use a launch template need the same on the service role
   * (see PERMISSIONS.md).
   */
  readonly serviceRoleLaunchPolicy?: aws.iam.RolePolicy;
  /** Role of the fleet's EC2 instances. */
  readonly instanceRole: aws.iam.Role;
  /** Instance profile wrapping `instanceRole`. */
  readonly instanceProfile: aws.iam.InstanceProfile;
  /** SSM associations installing the agent (`agentInstallation: "ssm"`). */
  readonly agentAssociations: aws.ssm.Association[];
  /** Created fleet, when `fleet` is given. */
  readonly securityGroup?: aws.ec2.SecurityGroup;
  /** Launch template of the created fleet (absent when deploying to an existing fleet). */
  readonly launchTemplate?: aws.ec2.LaunchTemplate;
  /** Auto Scaling group of the created fleet (absent when deploying to an existing fleet). */
  readonly autoScalingGroup?: aws.autoscaling.Group;
  /**
   * The SNS topic told of the fleet's launches and terminations, when the component created it
   * (encrypted, TLS-only; the resource itself, so that every Pulumi language can use it).
   */
  readonly fleetNotificationTopic?: aws.sns.Topic;
  /** Name of the CodeDeploy application. */
  readonly applicationName: pulumi.Output<string>;
  /** Name of the deployment group. */
  readonly deploymentGroupName: pulumi.Output<string>;
  /** Name of the deployment configuration the group uses. */
  readonly deploymentConfigName: pulumi.Output<string>;
  /** ARN of the CodeDeploy application. */
  readonly applicationArn: pulumi.Output<string>;
  /** ARN of the deployment group. */
  readonly deploymentGroupArn: pulumi.Output<string>;
  /** ARN of the deployment configuration. */
  readonly deploymentConfigArn: pulumi.Output<string>;
  /** ARN of the instances' role. */
  readonly instanceRoleArn: pulumi.Output<string>;

  constructor(name: string, args: Ec2FleetTargetArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super("aws-cicd:index:Ec2FleetTarget", name, {}, opts);
    const stacks = quietStacks();
    try {
      asResourceError(this, () => {
        validateComponentName(name);
        validateEc2FleetTargetArgs(args);
      });
      const ctx = awsContext(this);
      const tags = args.tags;
      const appName = args.applicationName ?? stackScopedName(name, CODEDEPLOY_NAME);
      const groupName = args.deploymentGroupName ?? stackScopedName(name, CODEDEPLOY_NAME);
      const managed = (p: ManagedPolicyUse) => interpolate`arn:${ctx.partition}:iam::aws:policy/${p.path}${p.name}`;

      this.serviceRole = createServiceRole(
        `${name}-service-role`,
        {
          // No aws:SourceAccount / aws:SourceArn: CodeDeploy does not document sending them when it
          // assumes its service role (PERMISSIONS.md, "Trust policies").
          service: "codedeploy.amazonaws.com",
          description: `CodeDeploy service role of ${appName}/${groupName} (aws-cicd)`,
          tags,
        },
        this,
      );
      const blueGreen = args.blueGreen;
      const serviceAttachment =
        blueGreen === undefined
          ? new aws.iam.RolePolicyAttachment(
              `${name}-service-role-${SERVICE_ROLE_MANAGED_POLICY.name}`,
              { role: this.serviceRole.name, policyArn: managed(SERVICE_ROLE_MANAGED_POLICY) },
              { parent: this },
            )
          : undefined;

      this.application = new aws.codedeploy.Application(
        `${name}-application`,
        { name: appName, computePlatform: "Server", tags },
        { parent: this },
      );

      const mhh = args.minimumHealthyHosts;
      if (mhh !== undefined) {
        this.deploymentConfig = new aws.codedeploy.DeploymentConfig(
          `${name}-deployment-config`,
          {
            deploymentConfigName: stackScopedName(`${name}-min-healthy`, CODEDEPLOY_NAME),
            computePlatform: "Server",
            minimumHealthyHosts:
              mhh.hostCount !== undefined
                ? { type: "HOST_COUNT", value: mhh.hostCount }
                : { type: "FLEET_PERCENT", value: mhh.fleetPercent },
          },
          { parent: this },
        );
      }
      const configName: pulumi.Input<string> =
        this.deploymentConfig?.deploymentConfigName ?? CODEDEPLOY_BUILT_IN_CONFIGS[args.deploymentStrategy ?? DEFAULT_DEPLOYMENT_STRATEGY];

      const ssm = (args.agentInstallation ?? "ssm") === "ssm";
      this.instanceRole = new aws.iam.Role(
        `${name}-instance-role`,
        {
          ...autoNameArgs(`${name}-instance-role`, AUTONAMED_IAM_ROLE),
          description: `Instance role of CodeDeploy group ${appName}/${groupName} (aws-cicd)`,
          assumeRolePolicy: fleetInstanceTrustPolicy(),
          path: args.instanceRolePath,
          maxSessionDuration: ROLE_MAX_SESSION_SECONDS,
          tags,
        },
        { parent: this },
      );
      const instancePolicy = attachStatements(
        `${name}-instance-policy`,
        this.instanceRole.name,
        fleetInstanceRoleStatements({
          ctx,
          artifactBucketArn: args.artifactBucketArn,
          artifactKeyPrefix: args.artifactKeyPrefix,
          artifactKeyArn: checkedInput<string>(
            args.artifactKeyArn,
            arnProblem("artifactKeyArn", KMS_KEY_ARN_PATTERN, 'a KMS key ARN such as "arn:aws:kms:us-east-1:111122223333:key/<id>"'),
          ),
        }),
        this,
      );
      const instanceAttachments = ssm
        ? [
            new aws.iam.RolePolicyAttachment(
              `${name}-instance-role-${INSTANCE_SSM_MANAGED_POLICY.name}`,
              { role: this.instanceRole.name, policyArn: managed(INSTANCE_SSM_MANAGED_POLICY) },
              { parent: this },
            ),
          ]
        : [];
      this.instanceProfile = new aws.iam.InstanceProfile(
        `${name}-instance-profile`,
        { ...autoNameArgs(`${name}-instance-profile`, AUTONAMED_IAM_POLICY), role: this.instanceRole.name, tags },
        { parent: this },
      );

      let autoscalingGroups: pulumi.Input<string>[] | undefined = args.autoscalingGroups;
      if (args.fleet !== undefined) {
        const fleetKey = keyOrNew(name, checkedKey("encryptionKey", args.encryptionKey), this, { allowAutoScalingVolumes: true });
        const fleet = createFleet({
          name,
          fleet: args.fleet,
          ctx,
          instanceProfileArn: this.instanceProfile.arn,
          volumeKeyArn: fleetKey.keyArn,
          topicKey: fleetKey,
          installAgentWithUserData: !ssm,
          followLatestTemplate: blueGreen !== undefined,
          tags,
          parent: this,
          dependsOn: [instancePolicy, ...instanceAttachments],
        });
        this.securityGroup = fleet.securityGroup;
        this.launchTemplate = fleet.launchTemplate;
        this.autoScalingGroup = fleet.autoScalingGroup;
        this.fleetNotificationTopic = fleet.notificationTopic?.topic;
        autoscalingGroups = [fleet.autoScalingGroup.name];
        this.serviceRoleLaunchPolicy = attachStatements(
          `${name}-service-role-launch-policy`,
          this.serviceRole.name,
          launchTemplateServiceRoleStatements({ ctx, launchTemplateArn: fleet.launchTemplate.arn, instanceRoleArn: this.instanceRole.arn }),
          this,
        );
      }
      let blueGreenSettings = {};
      if (blueGreen !== undefined) {
        const targetGroupArn = checkedInput<string>(blueGreen.targetGroupArn, targetGroupArnProblem);
        this.serviceRolePolicy = attachStatements(
          `${name}-service-role-policy`,
          this.serviceRole.name,
          blueGreenServiceRoleStatements({
            ctx,
            autoScalingGroupName: this.autoScalingGroup!.name,
            deploymentGroupName: groupName,
            targetGroupArn,
            alarmNames: args.rollbackAlarmNames,
          }),
          this,
        );
        blueGreenSettings = blueGreenGroupSettings(blueGreen, targetGroupArn);
      }
      const byTags = autoscalingGroups === undefined && args.ec2TagSet === undefined;
      const filters = args.ec2TagFilters ?? (byTags ? [{ key: DEFAULT_TARGET_TAG_KEY, value: groupName }] : undefined);

      const alarms = args.rollbackAlarmNames;
      this.deploymentGroup = new aws.codedeploy.DeploymentGroup(
        `${name}-deployment-group`,
        {
          appName: this.application.name,
          deploymentGroupName: groupName,
          serviceRoleArn: this.serviceRole.arn,
          deploymentConfigName: configName,
          deploymentStyle: { deploymentType: "IN_PLACE", deploymentOption: "WITHOUT_TRAFFIC_CONTROL" },
          ...blueGreenSettings,
          ...(autoscalingGroups !== undefined ? { autoscalingGroups } : {}),
          ...(filters !== undefined ? { ec2TagFilters: filters.map(tagFilter) } : {}),
          ...(args.ec2TagSet !== undefined ? { ec2TagSets: args.ec2TagSet.map((g) => ({ ec2TagFilters: g.map(tagFilter) })) } : {}),
          ...rollbackSettings(alarms),
          outdatedInstancesStrategy: "UPDATE",
          tags,
        },
        {
          parent: this,
          dependsOn: [serviceAttachment, this.serviceRolePolicy, this.serviceRoleLaunchPolicy].filter((r) => r !== undefined),
          // After a blue/green deployment the group deploys to CodeDeploy's copy: never point it back.
          ...(blueGreen !== undefined ? { ignoreChanges: ["autoscalingGroups"] } : {}),
        },
      );

      const targetLists: pulumi.Input<aws.types.input.ssm.AssociationTarget>[][] = !ssm
        ? []
        : autoscalingGroups !== undefined
          ? [[{ key: "tag:aws:autoscaling:groupName", values: autoscalingGroups }]]
          : associationTargets(filters ?? args.ec2TagSet!.flat());
      this.agentAssociations = targetLists.map(
        (targets, i) =>
          new aws.ssm.Association(
            targetLists.length === 1 ? `${name}-agent` : `${name}-agent-${i}`,
            {
              name: CODEDEPLOY_AGENT_DOCUMENT,
              parameters: { action: "Install", name: CODEDEPLOY_AGENT_PACKAGE },
              targets,
              scheduleExpression: DEFAULT_AGENT_UPDATE_SCHEDULE,
              tags,
            },
            { parent: this },
          ),
      );

      const out = codeDeployTargetOutputs(ctx, this.application.name, this.deploymentGroup.deploymentGroupName, configName);
      this.applicationName = out.applicationName;
      this.deploymentGroupName = out.deploymentGroupName;
      this.deploymentConfigName = out.deploymentConfigName;
      this.applicationArn = out.applicationArn;
      this.deploymentGroupArn = out.deploymentGroupArn;
      this.deploymentConfigArn = out.deploymentConfigArn;
      this.instanceRoleArn = this.instanceRole.arn;
      this.registerOutputs({
        applicationName: this.applicationName,
        deploymentGroupName: this.deploymentGroupName,
        deploymentConfigName: this.deploymentConfigName,
        applicationArn: this.applicationArn,
        deploymentGroupArn: this.deploymentGroupArn,
        deploymentConfigArn: this.deploymentConfigArn,
        instanceRoleArn: this.instanceRoleArn,
      });
    } catch (e) {
      throw stacks.rethrow(e);
    } finally {
      stacks.close();
    }
  }

  /** Plain data a pipeline's CodeDeploy action uses: names for its configuration, ARNs for the pipeline role's statements. */
  deployTarget(): Ec2FleetDeployTarget {
    return deployTargetOf(this);
  }

  /**
   * Describes a pipeline action deploying to this deployment group: plain data, no resource is
   * created. The `Pipeline` declares a `CodeDeploy` action and grants its role exactly
   * `codeDeployDeployStatements` for this application, group and configuration.
   *
   * With `roleArn` (a deploy from another account), the action also names this fleet's
   * `instanceRoleArn`, so that the bucket and key the pipeline creates let the instances read the
   * revisions.
   *
   * @param options - Action settings (`name`, `inputs`, `runOrder`, `roleArn`); the target is filled in.
   * @returns `{ codeDeploy: { ...this.deployTarget(), ...options } }`, one entry of a stage's `actions`.
   */
  deployAction(options: CodeDeployActionOptions = {}): {
    /** The CodeDeploy deploy action. */
    codeDeploy: CodeDeployActionArgs;
  } {
    const instanceRole = options.roleArn === undefined ? {} : { instanceRoleArn: this.instanceRoleArn };
    return { codeDeploy: { ...this.deployTarget(), ...instanceRole, ...options } };
  }
}
