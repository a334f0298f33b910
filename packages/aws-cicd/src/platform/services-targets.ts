/** The deploy targets of a services file's environments (services-types.ts holds the rest of the format). */
import { BeanstalkEnvironmentType } from "../beanstalk/beanstalk-target-args";
import { Ec2DeploymentStrategy } from "../codedeploy/ec2-fleet-target-args";
import { LambdaDeploymentConfig } from "../lambda/lambda-target-args";

/** The target kinds a service environment may use. */
export const ServiceTargetKind = {
  /** An Elastic Beanstalk environment (`BeanstalkTarget`). */
  Beanstalk: "beanstalk",
  /** An EC2 Auto Scaling fleet deployed by CodeDeploy (`Ec2FleetTarget`). */
  Ec2Fleet: "ec2Fleet",
  /** A Lambda function's alias, shifted by CodeDeploy (`LambdaTarget`). */
  Lambda: "lambda",
  /** A Fargate service the fleet creates, deployed rolling by CodePipeline's ECS action (`EcsServiceTarget`). */
  Ecs: "ecs",
} as const;
/** One of {@link ServiceTargetKind}. */
export type ServiceTargetKind = (typeof ServiceTargetKind)[keyof typeof ServiceTargetKind];

/** Settings of an Elastic Beanstalk target. */
export interface BeanstalkSpec {
  /**
   * One instance, or a load-balanced group.
   * @default "SingleInstance"
   */
  environmentType?: BeanstalkEnvironmentType;
  /**
   * EC2 instance type.
   * @default - the BeanstalkTarget default.
   */
  instanceType?: string;
  /**
   * Regular expression of the platform (solution stack) name.
   * @default - the BeanstalkTarget default (the newest Node.js platform).
   */
  solutionStackRegex?: string;
  /**
   * Fewest instances (LoadBalanced).
   * @default - the BeanstalkTarget default.
   */
  minSize?: number;
  /**
   * Most instances (LoadBalanced).
   * @default - the BeanstalkTarget default.
   */
  maxSize?: number;
  /**
   * ACM certificate of the load balancer's HTTPS listener.
   * @default - no HTTPS listener.
   */
  certificateArn?: string;
}

/** Settings of an EC2 fleet target. */
export interface Ec2FleetSpec {
  /**
   * EC2 instance type.
   * @default "t3.small"
   */
  instanceType?: string;
  /**
   * Fewest instances.
   * @default - the Ec2FleetTarget default.
   */
  minSize?: number;
  /**
   * Most instances.
   * @default - the Ec2FleetTarget default.
   */
  maxSize?: number;
  /**
   * How many instances deploy at a time.
   * @default - the Ec2FleetTarget default.
   */
  deploymentStrategy?: Ec2DeploymentStrategy;
}

/** Settings of a Lambda target: an existing function and alias that CodeDeploy shifts. */
export interface LambdaSpec {
  /**
   * The function's name (the team's application creates the function; the fleet deploys new versions to it).
   * @default - none; required in an environment (a default may set it for every environment of a kind, rarely useful).
   */
  functionName?: string;
  /**
   * The alias CodeDeploy shifts.
   * @default "live"
   */
  aliasName?: string;
  /**
   * Predefined traffic shift.
   * @default "Canary10Percent5Minutes"
   */
  deploymentConfig?: LambdaDeploymentConfig;
  /**
   * CloudWatch alarms that stop and roll back a deployment.
   * @default - none: rollback on failure only.
   */
  rollbackAlarmNames?: string[];
}

/** The port a fleet's ECS service's container listens on, unless the file says otherwise. */
export const DEFAULT_FLEET_ECS_CONTAINER_PORT = 8080;

/**
 * Settings of an ECS target: a hardened Fargate service the fleet creates in the account's private
 * subnets (`EcsServiceTarget` with `fargateService`: its own ECR repository, which the service's
 * build may push to), deployed rolling from the build's `imagedefinitions.json`.
 */
export interface EcsSpec {
  /**
   * Port the container listens on.
   * @default 8080
   */
  containerPort?: number;
  /**
   * Task CPU units.
   * @default 256 (the EcsServiceTarget default)
   */
  cpu?: number;
  /**
   * Task memory, MiB (a size Fargate allows for `cpu`).
   * @default 512 (the EcsServiceTarget default)
   */
  memory?: number;
  /**
   * Tasks kept running.
   * @default 2 (the EcsServiceTarget default)
   */
  desiredCount?: number;
}

/** The target of an environment: exactly one kind. */
export interface TargetSpec {
  /**
   * An Elastic Beanstalk environment.
   * @default - not this kind.
   */
  beanstalk?: BeanstalkSpec;
  /**
   * An EC2 fleet deployed by CodeDeploy.
   * @default - not this kind.
   */
  ec2Fleet?: Ec2FleetSpec;
  /**
   * A Lambda alias shifted by CodeDeploy (in the stack's own account).
   * @default - not this kind.
   */
  lambda?: LambdaSpec;
  /**
   * A Fargate service deployed rolling (in the stack's own account).
   * @default - not this kind.
   */
  ecs?: EcsSpec;
}
