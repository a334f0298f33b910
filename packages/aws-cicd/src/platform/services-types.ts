/**
 * The services file (`services.yml`): what a platform team's fleet of pipelines is made of, in
 * plain data. `services.schema.json` (shipped in the package) describes the same shape for
 * editors; `parseServicesFile` reads the YAML and `checkServicesFile` the same shape as an object.
 */
import { BeanstalkEnvironmentType } from "../beanstalk/beanstalk-target-args";
import { Ec2DeploymentStrategy } from "../codedeploy/ec2-fleet-target-args";
import { ComputeType } from "../codebuild/environment";
import { LocalCacheMode } from "../codebuild/build-project-args";
import { ExecutionMode } from "../pipeline/pipeline-args";

/** Version of the services file format this library reads. */
export const SERVICES_FILE_VERSION = 1;

/** The target kinds a service environment may use. */
export const ServiceTargetKind = {
  /** An Elastic Beanstalk environment (`BeanstalkTarget`). */
  Beanstalk: "beanstalk",
  /** An EC2 Auto Scaling fleet deployed by CodeDeploy (`Ec2FleetTarget`). */
  Ec2Fleet: "ec2Fleet",
} as const;
/** One of {@link ServiceTargetKind}. */
export type ServiceTargetKind = (typeof ServiceTargetKind)[keyof typeof ServiceTargetKind];

/** Name and version of the template (the preset) the fleet is stamped from; tags and the inventory show them. */
export interface PresetSpec {
  /** The preset's name, e.g. the npm package that publishes it. */
  name: string;
  /** Its version (semantic versioning). */
  version: string;
}

/** An AWS account the services deploy to. */
export interface AccountSpec {
  /** The 12-digit account id. */
  id: string;
  /** Region of its environments unless an environment names another. */
  region: string;
  /**
   * A role in that account that the program's provider assumes to create the targets there
   * (needed when the account is not the stack's own).
   * @default - the stack's own credentials (the account must be the stack's).
   */
  bootstrapRoleArn?: string;
  /** The account's network, used by every target in it. */
  network?: NetworkSpec;
}

/** A VPC with private subnets (instances) and public ones (load balancers). */
export interface NetworkSpec {
  vpcId: string;
  privateSubnetIds: string[];
  /** @default - none: targets get no internet-facing load balancer. */
  publicSubnetIds?: string[];
}

/** A team: who receives its pipelines' notifications, and its defaults. */
export interface TeamSpec {
  /** E-mail addresses subscribed to the team's notification topic. */
  emails: string[];
  /** @default - none: the fleet's defaults apply. */
  defaults?: ServiceDefaults;
}

/** Where a service's code comes from: exactly one kind. */
export interface SourceSpec {
  /** A CodeCommit repository the fleet creates (named after the service unless `repositoryName`). */
  codecommit?: { repositoryName?: string; branch?: string };
  /** A GitHub, GitLab or Bitbucket repository through a CodeConnections connection. */
  connection?: { connectionArn: string; repository: string; branch?: string; includePaths?: string[]; excludePaths?: string[] };
}

/** How a service builds. */
export interface BuildSpecSettings {
  /** `x86_64`, `arm64` or a managed image id (`aws/codebuild/...`). */
  image?: string;
  computeType?: ComputeType;
  /** Path of the buildspec in the source. */
  buildspec?: string;
  /** Report names of the buildspec (`reports:`), each given a report group. */
  reports?: string[];
  /** Local cache modes. */
  cache?: LocalCacheMode[];
  timeoutInMinutes?: number;
}

/** Settings of an Elastic Beanstalk target. */
export interface BeanstalkSpec {
  environmentType?: BeanstalkEnvironmentType;
  instanceType?: string;
  solutionStackRegex?: string;
  minSize?: number;
  maxSize?: number;
  /** ACM certificate of the load balancer's HTTPS listener. */
  certificateArn?: string;
}

/** Settings of an EC2 fleet target. */
export interface Ec2FleetSpec {
  instanceType?: string;
  minSize?: number;
  maxSize?: number;
  deploymentStrategy?: Ec2DeploymentStrategy;
}

/** The target of an environment: exactly one kind. */
export interface TargetSpec {
  beanstalk?: BeanstalkSpec;
  ec2Fleet?: Ec2FleetSpec;
}

/** A manual approval before an environment deploys. */
export interface ApprovalSpec {
  /** Who is asked (e-mail), besides the team. */
  emails?: string[];
  /** Hours the approval waits. */
  timeoutInHours?: number;
}

/** One environment (a tier, such as dev or prod) of a service. */
export interface EnvironmentSpec {
  /** Stage name: letters, digits, `-` and `_`. */
  name: string;
  /** An account of `accounts`. */
  account?: string;
  /** @default - the account's region. */
  region?: string;
  /** @default - none: the environment deploys without an approval. */
  approval?: ApprovalSpec;
  target?: TargetSpec;
}

/** Defaults every environment of this name gets (fleet or team level). */
export interface EnvironmentDefaults {
  account?: string;
  region?: string;
  approval?: ApprovalSpec;
}

/** Settings of the pipeline itself. */
export interface PipelineSettings {
  executionMode?: ExecutionMode;
}

/** What a fleet or team sets for all its services, and a service may override. */
export interface ServiceDefaults {
  build?: BuildSpecSettings;
  pipeline?: PipelineSettings;
  /** Extra notification e-mails (besides the team's). */
  notifications?: { emails?: string[] };
  /** Defaults of each target kind. */
  targets?: TargetSpec;
  /** Defaults by environment name (`prod: { approval: ... }`). */
  environments?: Record<string, EnvironmentDefaults>;
}

/** One service: what it is, who owns it, where its code is, and where it deploys. */
export interface ServiceSpec extends Omit<ServiceDefaults, "environments" | "targets"> {
  /** Lowercase letters, digits and `-`, starting with a letter, at most 24. */
  name: string;
  /** A team of `teams`. */
  team: string;
  source: SourceSpec;
  /** In delivery order; each becomes a stage (after an approval stage when it has one). */
  environments: EnvironmentSpec[];
}

/** The whole services file. */
export interface ServicesFile {
  /** Format version: 1 ({@link SERVICES_FILE_VERSION}). */
  version: number;
  preset?: PresetSpec;
  defaults?: ServiceDefaults;
  accounts: Record<string, AccountSpec>;
  teams: Record<string, TeamSpec>;
  services: ServiceSpec[];
}
