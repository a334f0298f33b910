/**
 * IAM action lists of {@link Ec2FleetTarget} and the statements a pipeline role needs to
 * deploy to it.
 *
 * CodeDeploy: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscodedeploy.html
 * S3: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
 * KMS: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awskeymanagementservice.html
 */
import * as pulumi from "@pulumi/pulumi";
import { viaService } from "../security/encryption-key";
import { AwsContext, PolicyStatement } from "../security/iam";
import { interpolate } from "../internal/interpolate";

/**
 * What the CodeDeploy agent reads from the pipeline's artifact bucket: the revision.
 * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/getting-started-create-iam-instance-profile.html
 */
export const INSTANCE_ARTIFACT_READ_ACTIONS = ["s3:GetObject", "s3:GetObjectVersion"] as const;
/**
 * Decrypting the revision, through S3 only.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
 */
export const INSTANCE_ARTIFACT_KEY_ACTIONS = ["kms:Decrypt"] as const;
/**
 * What the agent installer reads from the regional `aws-codedeploy-<region>` bucket.
 * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/getting-started-create-iam-instance-profile.html
 */
export const INSTANCE_AGENT_DOWNLOAD_ACTIONS = ["s3:GetObject"] as const;

/**
 * CodePipeline's CodeDeploy action: start a deployment to the group and follow it.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodeDeploy.html
 * @managedPolicy AWSCodeDeployDeployerAccess
 */
export const DEPLOY_GROUP_ACTIONS = ["codedeploy:CreateDeployment", "codedeploy:GetDeployment"] as const;
/**
 * Register the artifact as an application revision.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodeDeploy.html
 * @managedPolicy AWSCodeDeployDeployerAccess
 */
export const DEPLOY_APPLICATION_ACTIONS = [
  "codedeploy:GetApplication",
  "codedeploy:GetApplicationRevision",
  "codedeploy:RegisterApplicationRevision",
] as const;
/**
 * Read the group's deployment configuration.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodeDeploy.html
 * @managedPolicy AWSCodeDeployDeployerAccess
 */
export const DEPLOY_CONFIG_ACTIONS = ["codedeploy:GetDeploymentConfig"] as const;

/**
 * Service role, fleets launched from a launch template: CodeDeploy needs to launch instances from
 * the group's template (AWS adds this to `AWSCodeDeployRole` for launch-template groups).
 * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/getting-started-create-service-role.html
 */
export const SERVICE_ROLE_LAUNCH_ACTIONS = ["ec2:RunInstances"] as const;
/**
 * Service role, launch-template fleets: tag the instances and volumes it launches.
 * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/getting-started-create-service-role.html
 */
export const SERVICE_ROLE_TAG_ACTIONS = ["ec2:CreateTags"] as const;
/**
 * Service role, launch-template fleets: hand the template's instance role to EC2.
 * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/getting-started-create-service-role.html
 */
export const SERVICE_ROLE_PASS_ROLE_ACTIONS = ["iam:PassRole"] as const;

/** The EC2 resource types a launch from the fleet's template touches (besides the template and the image). */
export const FLEET_LAUNCH_RESOURCE_TYPES = ["instance", "network-interface", "security-group", "subnet", "volume"] as const;

/** What {@link launchTemplateServiceRoleStatements} scopes to. */
export interface LaunchTemplateScope {
  /** Account, partition and region of the fleet. */
  ctx: CodeDeployArnContext;
  /** ARN of the fleet's launch template. */
  launchTemplateArn: pulumi.Input<string>;
  /** ARN of the instance role the template's instance profile holds. */
  instanceRoleArn: pulumi.Input<string>;
}

/**
 * What the CodeDeploy service role needs for an Auto Scaling group launched from a launch template,
 * scoped to exactly that template: launch from it, tag what the launch creates, and pass exactly the
 * fleet's instance role to EC2.
 */
export function launchTemplateServiceRoleStatements(a: LaunchTemplateScope): PolicyStatement[] {
  const { ctx } = a;
  const ec2 = (resource: string) => interpolate`arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:${resource}`;
  return [
    {
      sid: "LaunchFromFleetTemplate",
      actions: [...SERVICE_ROLE_LAUNCH_ACTIONS],
      resources: [
        a.launchTemplateArn,
        ...FLEET_LAUNCH_RESOURCE_TYPES.map((t) => ec2(`${t}/*`)),
        interpolate`arn:${ctx.partition}:ec2:${ctx.region}::image/*`,
      ],
      conditions: { ArnEquals: { "ec2:LaunchTemplate": a.launchTemplateArn } },
    },
    {
      sid: "TagLaunchedInstances",
      actions: [...SERVICE_ROLE_TAG_ACTIONS],
      resources: [ec2("instance/*"), ec2("volume/*"), ec2("network-interface/*")],
      conditions: { StringEquals: { "ec2:CreateAction": "RunInstances" } },
    },
    {
      sid: "PassFleetInstanceRole",
      actions: [...SERVICE_ROLE_PASS_ROLE_ACTIONS],
      resources: [a.instanceRoleArn],
      conditions: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } },
    },
  ];
}

/** An AWS managed policy attached by the component, with the reason (IAM4 waiver). */
export interface ManagedPolicyUse {
  /** Managed policy name. */
  name: string;
  /** Managed policy path. */
  path: string;
  /** Why the managed policy is attached. */
  reason: string;
}

/**
 * The CodeDeploy service role's policy. AWS documents exactly this policy for EC2/On-premises
 * deployment groups: CodeDeploy finds instances by tag or Auto Scaling group, installs
 * lifecycle hooks on the groups, reads alarms for rollbacks. Its calls (`ec2:Describe*`,
 * `autoscaling:Describe*`, `tag:GetResources`...) mostly support no resource-level permission,
 * and groups it manages hooks on are not known in advance; the managed policy follows the
 * service as AWS changes it.
 */
export const SERVICE_ROLE_MANAGED_POLICY: ManagedPolicyUse = {
  name: "AWSCodeDeployRole",
  path: "service-role/",
  reason:
    "The policy AWS documents for a CodeDeploy EC2/On-premises service role: find instances by tag or Auto Scaling group, manage the groups' lifecycle hooks, read alarms.",
};

/**
 * Attached to the instance role when the SSM association installs the agent: the SSM Agent
 * registers the instance and runs the association's commands (`ssm:UpdateInstanceInformation`,
 * `ssmmessages:*` channels, `ec2messages:*`), calls that mostly support no resource-level
 * permission. AWS documents this policy as the minimum for a managed node.
 */
export const INSTANCE_SSM_MANAGED_POLICY: ManagedPolicyUse = {
  name: "AmazonSSMManagedInstanceCore",
  path: "",
  reason: "The minimum AWS documents for an SSM managed node; the SSM association installs and updates the CodeDeploy agent through it.",
};

/** Partition, region and account (an `AwsContext` fits). */
export interface CodeDeployArnContext {
  /** AWS partition, e.g. `aws`. */
  partition: pulumi.Input<string>;
  /** AWS region. */
  region: pulumi.Input<string>;
  /** AWS account id. */
  accountId: pulumi.Input<string>;
}

/** `arn:<p>:codedeploy:<r>:<a>:<resource>`. */
export function codeDeployArn(ctx: CodeDeployArnContext, resource: pulumi.Input<string>): pulumi.Output<string> {
  return interpolate`arn:${ctx.partition}:codedeploy:${ctx.region}:${ctx.accountId}:${resource}`;
}

/** Arguments of {@link fleetInstanceRoleStatements}. */
export interface FleetInstanceRoleArgs {
  /** Account, partition and region of the instances. */
  ctx: AwsContext;
  /**
   * Bucket the instances download revisions from.
   * @default - no artifact read (revisions cannot be downloaded).
   */
  artifactBucketArn?: pulumi.Input<string>;
  /**
   * Key prefix of the artifacts.
   * @default - the whole bucket.
   */
  artifactKeyPrefix?: string;
  /**
   * Customer key of the artifacts, used only through S3.
   * @default - no key grant.
   */
  artifactKeyArn?: pulumi.Input<string>;
}

/**
 * Inline statements of the fleet's instance role: read the pipeline's artifacts (and decrypt
 * them through S3), download the agent from the regional CodeDeploy bucket.
 */
export function fleetInstanceRoleStatements(a: FleetInstanceRoleArgs): PolicyStatement[] {
  const out: PolicyStatement[] = [];
  if (a.artifactBucketArn !== undefined) {
    out.push({
      sid: "ReadPipelineArtifacts",
      actions: [...INSTANCE_ARTIFACT_READ_ACTIONS],
      resources: [interpolate`${a.artifactBucketArn}/${a.artifactKeyPrefix ?? ""}*`],
    });
  }
  if (a.artifactKeyArn !== undefined) {
    out.push({
      sid: "DecryptPipelineArtifacts",
      actions: [...INSTANCE_ARTIFACT_KEY_ACTIONS],
      resources: [a.artifactKeyArn],
      conditions: { StringEquals: { "kms:ViaService": viaService("s3", a.ctx) } },
    });
  }
  out.push({
    sid: "DownloadCodeDeployAgent",
    actions: [...INSTANCE_AGENT_DOWNLOAD_ACTIONS],
    resources: [interpolate`arn:${a.ctx.partition}:s3:::aws-codedeploy-${a.ctx.region}/*`],
  });
  return out;
}

/** What a deploy action needs to know about its target (returned by `Ec2FleetTarget.deployTarget()`). */
export interface CodeDeployTargetInfo {
  /** Name of the CodeDeploy application. */
  applicationName: pulumi.Input<string>;
  /** Name of the deployment group. */
  deploymentGroupName: pulumi.Input<string>;
  /** `arn:<p>:codedeploy:<r>:<a>:application:<app>`. */
  applicationArn: pulumi.Input<string>;
  /** `arn:<p>:codedeploy:<r>:<a>:deploymentgroup:<app>/<group>`. */
  deploymentGroupArn: pulumi.Input<string>;
  /** `arn:<p>:codedeploy:<r>:<a>:deploymentconfig:<name>`. */
  deploymentConfigArn: pulumi.Input<string>;
}

/** The names of a CodeDeploy target and the ARNs built from them, as every CodeDeploy target publishes them. */
export interface CodeDeployTargetOutputs {
  /** Name of the CodeDeploy application. */
  applicationName: pulumi.Output<string>;
  /** Name of the deployment group. */
  deploymentGroupName: pulumi.Output<string>;
  /** Name of the deployment configuration the group uses. */
  deploymentConfigName: pulumi.Output<string>;
  /** ARN of the application. */
  applicationArn: pulumi.Output<string>;
  /** ARN of the deployment group. */
  deploymentGroupArn: pulumi.Output<string>;
  /** ARN of the deployment configuration. */
  deploymentConfigArn: pulumi.Output<string>;
}

/** The outputs of a target from its application's and group's names and its configuration's name. */
export function codeDeployTargetOutputs(
  ctx: CodeDeployArnContext,
  applicationName: pulumi.Output<string>,
  deploymentGroupName: pulumi.Output<string>,
  configName: pulumi.Input<string>,
): CodeDeployTargetOutputs {
  const deploymentConfigName = pulumi.output(configName);
  return {
    applicationName,
    deploymentGroupName,
    deploymentConfigName,
    applicationArn: codeDeployArn(ctx, interpolate`application:${applicationName}`),
    deploymentGroupArn: codeDeployArn(ctx, interpolate`deploymentgroup:${applicationName}/${deploymentGroupName}`),
    deploymentConfigArn: codeDeployArn(ctx, interpolate`deploymentconfig:${deploymentConfigName}`),
  };
}

/** What a deploy action needs of a target's outputs ({@link CodeDeployTargetInfo}, as Outputs). */
export function deployTargetOf(t: CodeDeployTargetOutputs): { [K in keyof CodeDeployTargetInfo]: pulumi.Output<string> } {
  const { applicationName, deploymentGroupName, applicationArn, deploymentGroupArn, deploymentConfigArn } = t;
  return { applicationName, deploymentGroupName, applicationArn, deploymentGroupArn, deploymentConfigArn };
}

/** The inputs without repeats (equal strings, or the very same Output). */
function distinct<T>(values: T[]): T[] {
  return values.filter((v, i) => values.indexOf(v) === i);
}

/**
 * Statements a pipeline role needs for CodePipeline's `CodeDeploy` action on `targets`: register
 * the revision on the application, start and follow a deployment of the group, read its
 * configuration. Exact ARNs only. The artifact itself is read by the instances, not the role.
 */
export function codeDeployDeployStatements(targets: CodeDeployTargetInfo[]): PolicyStatement[] {
  if (targets.length === 0) throw new Error("`targets` must hold at least one CodeDeploy deployment group.");
  return [
    { sid: "RegisterRevisions", actions: [...DEPLOY_APPLICATION_ACTIONS], resources: distinct(targets.map((t) => t.applicationArn)) },
    { sid: "CreateDeployments", actions: [...DEPLOY_GROUP_ACTIONS], resources: distinct(targets.map((t) => t.deploymentGroupArn)) },
    { sid: "ReadDeploymentConfigs", actions: [...DEPLOY_CONFIG_ACTIONS], resources: distinct(targets.map((t) => t.deploymentConfigArn)) },
  ];
}
