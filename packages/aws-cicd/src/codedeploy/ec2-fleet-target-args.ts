import type { DEFAULT_ROLE_PATH } from "../security/role-path";
import * as pulumi from "@pulumi/pulumi";
import { KeyReference } from "../security/encryption-key";

/**
 * Tag put on the instances of the deployment group when no targeting arg is given: instances
 * tagged `CodeDeployGroup = <deployment group name>` receive deployments (and the agent).
 */
export const DEFAULT_TARGET_TAG_KEY = "CodeDeployGroup";

/** Built-in deployment configurations of the EC2/On-premises platform, by `deploymentStrategy`. */
export const CODEDEPLOY_BUILT_IN_CONFIGS = {
  /** One instance at a time. */
  OneAtATime: "CodeDeployDefault.OneAtATime",
  /** Up to half of the instances at a time. */
  HalfAtATime: "CodeDeployDefault.HalfAtATime",
  /** All instances at once. */
  AllAtOnce: "CodeDeployDefault.AllAtOnce",
} as const;

/** Strategy when neither `deploymentStrategy` nor `minimumHealthyHosts` is given: one instance at a time (the safest). */
export const DEFAULT_DEPLOYMENT_STRATEGY = "OneAtATime";

/** Most tag groups an `ec2TagSet` takes. */
export const CODEDEPLOY_MAX_TAG_GROUPS = 3;

/**
 * How often the SSM association re-runs `AWS-ConfigureAWSPackage` (install or update the
 * CodeDeploy agent). It also runs when an instance matching the targets appears.
 */
export const DEFAULT_AGENT_UPDATE_SCHEDULE = "rate(14 days)";
/** SSM document and package that install the CodeDeploy agent. */
export const CODEDEPLOY_AGENT_DOCUMENT = "AWS-ConfigureAWSPackage";
/** Distributor package of the CodeDeploy agent installed by `CODEDEPLOY_AGENT_DOCUMENT`. */
export const CODEDEPLOY_AGENT_PACKAGE = "AWSCodeDeployAgent";

/** Public SSM parameter of the newest Amazon Linux 2023 x86_64 AMI (the created fleet's default image). */
export const DEFAULT_FLEET_AMI_PARAMETER = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";
/** Auto Scaling group bounds of the created fleet. */
export const DEFAULT_FLEET_MIN_SIZE = 1;
/** Largest size of the created fleet when `maxSize` is not given (raised to `minSize` when that is larger). */
export const DEFAULT_FLEET_MAX_SIZE = 2;
/** Root volume of the created fleet: gp3, this many GiB (the AL2023 AMI's snapshot size). */
export const DEFAULT_FLEET_ROOT_VOLUME_GIB = 8;
/** Root device of Amazon Linux AMIs. */
export const DEFAULT_FLEET_ROOT_DEVICE = "/dev/xvda";

/** One EC2 tag filter: instances with this tag key (and value, when given). */
export interface Ec2TagFilter {
  /** Tag key. */
  key: string;
  /**
   * Tag value.
   * @default - any value (`KEY_ONLY`).
   */
  value?: string;
}

/** Minimum healthy hosts of a custom deployment configuration: set exactly one. */
export interface MinimumHealthyHosts {
  /**
   * Instances that must stay healthy during a deployment (`HOST_COUNT`), 0 or more.
   * @default - not this kind (give `fleetPercent`).
   */
  hostCount?: number;
  /**
   * Percentage of the fleet that must stay healthy (`FLEET_PERCENT`), 0 to 99.
   * @default - not this kind (give `hostCount`).
   */
  fleetPercent?: number;
}

/** An Auto Scaling group of instances the component creates and deploys to. */
export interface Ec2FleetArgs {
  /** Instance type, e.g. `t3.micro`. Must match the AMI's architecture (the default AMI is x86_64). */
  instanceType: string;
  /**
   * AMI id.
   * @default - the newest Amazon Linux 2023 x86_64 AMI (SSM parameter {@link DEFAULT_FLEET_AMI_PARAMETER}).
   */
  amiId?: pulumi.Input<string>;
  /** Private subnets of the instances (at least one). They need a route to S3, CodeDeploy and SSM (NAT or VPC endpoints). */
  subnetIds: pulumi.Input<string>[];
  /** VPC of the subnets (for the security group). */
  vpcId: pulumi.Input<string>;
  /**
   * Minimum instances, 0 or more.
   * @default 1
   */
  minSize?: number;
  /**
   * Maximum instances, at least 1 and `minSize`.
   * @default 2 (or `minSize` when larger)
   */
  maxSize?: number;
  /**
   * Desired instances, between `minSize` and `maxSize`.
   * @default - `minSize`.
   */
  desiredCapacity?: number;
  /**
   * Root volume size in GiB, 8 to 16384.
   * @default 8
   */
  rootVolumeSizeGiB?: number;
  /**
   * SNS topic told when the group launches or terminates an instance, or fails to (AwsSolutions-AS3).
   * Its key must let EC2 Auto Scaling use it (an `EncryptionKey` with `allowAutoScalingVolumes`).
   * @default - a `SecureTopic` `<name>-fleet-events` encrypted with the fleet's key.
   */
  notificationTopicArn?: pulumi.Input<string>;
  /**
   * Email addresses subscribed to the created topic (not with `notificationTopicArn`).
   * @default - no subscriptions.
   */
  notificationEmails?: string[];
}

/** CodeDeploy's built-in deployment configurations for EC2 (`CodeDeployDefault.<name>`). */
export const Ec2DeploymentStrategy = {
  /** One instance at a time. */
  OneAtATime: "OneAtATime",
  /** Half of the instances at a time. */
  HalfAtATime: "HalfAtATime",
  /** Every instance at once. */
  AllAtOnce: "AllAtOnce",
} as const;
/** `"OneAtATime"`, `"HalfAtATime"` or `"AllAtOnce"` ({@link Ec2DeploymentStrategy}). */
export type Ec2DeploymentStrategy = (typeof Ec2DeploymentStrategy)[keyof typeof Ec2DeploymentStrategy];

/** How the CodeDeploy agent gets onto the instances. */
export const CodeDeployAgentInstallation = {
  /** An SSM association installs and updates it. */
  Ssm: "ssm",
  /** The created fleet's user data installs it at boot. */
  UserData: "userData",
} as const;
/** `"ssm"` or `"userData"` ({@link CodeDeployAgentInstallation}). */
export type CodeDeployAgentInstallation = (typeof CodeDeployAgentInstallation)[keyof typeof CodeDeployAgentInstallation];

/** Defaults of {@link Ec2BlueGreenArgs}, named by the docs. */
export const EC2_BLUE_GREEN_DEFAULTS = {
  /**
   * Minutes the blue (original) instances keep running after traffic moved to the green ones: a
   * rollback alarm that fires in this window still moves traffic back to them. They cost their
   * instance hours meanwhile.
   */
  terminationWaitMinutes: 5,
  /** Longest wait CodeDeploy takes for the blue instances' termination, and the longest reroute wait this library takes (2 days). */
  maxWaitMinutes: 2880,
} as const;

/**
 * Blue/green deployments of the created fleet through CodeDeploy: each deployment copies the
 * fleet's Auto Scaling group (same launch template, sizes and subnets) into a green group named
 * `CodeDeploy_<deployment group>_d-<id>`, installs the revision there, registers the green
 * instances in the target group and deregisters the blue ones, then deletes the blue group after
 * `terminationWaitMinutes`. It rolls back (traffic stays on, or returns to, the blue instances) on
 * failure and on the rollback alarms.
 *
 * After the first deployment the running group is CodeDeploy's copy, which the stack does not
 * track: the group the stack created is gone (see the component README, "Blue/green").
 * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-groups-create-blue-green.html
 * @see https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_BlueGreenDeploymentConfiguration.html
 */
export interface Ec2BlueGreenArgs {
  /**
   * ARN of the load balancer's target group (Application or Network Load Balancer) that serves the
   * fleet: `arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>`. CodeDeploy
   * registers the green instances in it and deregisters the blue ones; the service role may do so
   * in this target group only.
   */
  targetGroupArn: pulumi.Input<string>;
  /**
   * Wait for you to start rerouting (`aws deploy continue-deployment`) once the green instances are
   * ready, 1 to 2880 minutes; the deployment stops when the wait ends without it (`STOP_DEPLOYMENT`).
   * @default - traffic is rerouted as soon as the green instances are ready (`CONTINUE_DEPLOYMENT`).
   */
  manualRerouteWaitMinutes?: number;
  /**
   * Minutes the blue instances keep running after traffic moved, 0 to 2880.
   * @default 5 ({@link EC2_BLUE_GREEN_DEFAULTS}.terminationWaitMinutes)
   */
  terminationWaitMinutes?: number;
}

/** Arguments of {@link Ec2FleetTarget}. */
export interface Ec2FleetTargetArgs {
  /**
   * Name of the CodeDeploy application (1 to 100 characters).
   * @default - `<project>-<stack>-<name>`.
   */
  applicationName?: string;
  /**
   * Name of the deployment group (1 to 100 characters).
   * @default - `<project>-<stack>-<name>`.
   */
  deploymentGroupName?: string;
  /**
   * Deploy to instances matching any of these tags. Only one of `ec2TagFilters`, `ec2TagSet`,
   * `autoscalingGroups` and `fleet`.
   * @default - `[{ key: "CodeDeployGroup", value: <deployment group name> }]` when no other targeting arg is given.
   */
  ec2TagFilters?: Ec2TagFilter[];
  /**
   * Deploy to instances matching at least one filter of every group (1 to 3 groups).
   * @default - not used.
   */
  ec2TagSet?: Ec2TagFilter[][];
  /**
   * Names of existing Auto Scaling groups to deploy to (new instances get the last revision).
   * @default - not used.
   */
  autoscalingGroups?: pulumi.Input<string>[];
  /**
   * Create the fleet: a launch template (IMDSv2 only, encrypted gp3 root volume, no public IP,
   * detailed monitoring), a security group without ingress and an Auto Scaling group.
   * @default - no fleet is created; the deployment group targets your instances.
   */
  fleet?: Ec2FleetArgs;
  /**
   * Deploy blue/green instead of in place: needs `fleet` (CodeDeploy copies its Auto Scaling group)
   * and `agentInstallation: "userData"` (the copies run the same launch template, so they get the
   * agent too). The service role then holds exact statements in place of `AWSCodeDeployRole`.
   * @default - in-place deployments without a load balancer (`IN_PLACE`, `WITHOUT_TRAFFIC_CONTROL`).
   */
  blueGreen?: Ec2BlueGreenArgs;
  /**
   * Built-in deployment configuration: `OneAtATime`, `HalfAtATime` or `AllAtOnce`.
   * Not with `minimumHealthyHosts`.
   * @default "OneAtATime"
   */
  deploymentStrategy?: Ec2DeploymentStrategy;
  /**
   * Create a deployment configuration keeping this many (or this share of) instances healthy.
   * Not with `deploymentStrategy`.
   * @default - the built-in `CodeDeployDefault.OneAtATime`.
   */
  minimumHealthyHosts?: MinimumHealthyHosts;
  /**
   * Names of CloudWatch alarms (up to 10) that stop the deployment and roll it back when they fire.
   * A deployment always rolls back on failure.
   * @default - none: roll back on failure only.
   */
  rollbackAlarmNames?: pulumi.Input<string>[];
  /**
   * How the CodeDeploy agent gets onto the instances. `ssm`: an SSM association installs and
   * updates it (the instance role gets `AmazonSSMManagedInstanceCore`). `userData`: the created
   * fleet's user data installs it at boot (needs `fleet`; no SSM permissions).
   * @default "ssm"
   */
  agentInstallation?: CodeDeployAgentInstallation;
  /**
   * ARN of the pipeline's artifact bucket. The instance role may read its objects (under
   * `artifactKeyPrefix`) and nothing else of it.
   * @default - no artifact access: instances cannot download revisions until it is given.
   */
  artifactBucketArn?: pulumi.Input<string>;
  /**
   * Object key prefix of this pipeline's artifacts in the bucket, e.g. the pipeline's folder.
   * @default - every object of `artifactBucketArn` (a bucket of one pipeline).
   */
  artifactKeyPrefix?: string;
  /**
   * ARN of the key the artifacts are encrypted with; the instance role may decrypt with it through S3 only.
   * @default - no key grant (artifacts encrypted with a customer key cannot be read).
   */
  artifactKeyArn?: pulumi.Input<string>;
  /**
   * IAM path of the instance role, e.g. `/aws-cicd/platform/`: a shared artifact bucket and key in
   * another account can then grant the instances by path (`readerRolePaths`) instead of by ARN.
   * @default "/" ({@link DEFAULT_ROLE_PATH})
   */
  instanceRolePath?: string;
  /**
   * Customer managed key for the created fleet's root volumes. Its key policy must let the
   * Auto Scaling service-linked role (`AWSServiceRoleForAutoScaling`) use it and create grants:
   * create it with `new EncryptionKey(name, { allowAutoScalingVolumes: true })`.
   * @default - with `fleet`, a new {@link EncryptionKey} `<name>-key` that allows Auto Scaling; without `fleet`, none.
   */
  encryptionKey?: KeyReference;
  /**
   * Tags of every resource created.
   * @default - no tags.
   */
  tags?: Record<string, string>;
}
