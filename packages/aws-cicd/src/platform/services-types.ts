/**
 * The services file (`services.yml`): what a platform team's fleet of pipelines is made of, in
 * plain data. `services.schema.json` (shipped in the package) describes the same shape for
 * editors; `parseServicesFile` reads the YAML and `checkServicesFile` the same shape as an object.
 */
import { ComputeType } from "../codebuild/environment";
import { LocalCacheMode } from "../codebuild/build-project-args";
import { ExecutionMode } from "../pipeline/pipeline-args";
import { TargetSpec } from "./services-targets";

export * from "./services-targets";

/** Version of the services file format this library reads. */
export const SERVICES_FILE_VERSION = 1;

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
  /**
   * The account's network, used by every target in it (required by the targets).
   * @default - none.
   */
  network?: NetworkSpec;
  /**
   * An S3 bucket (SSE-S3) of this account and region that receives access logs: the load
   * balancers' of the Beanstalk targets here, and, for the stack's own account, the artifact
   * bucket's (Security Hub S3.9, ELB.5).
   * @default - no access logs (the policy pack reports it).
   */
  logBucket?: string;
  /**
   * ACM certificate (this account and region) of the HTTPS listener of load-balanced Beanstalk
   * targets here, unless a target names its own `certificateArn`.
   * @default - none: load balancers listen on HTTP only (the policy pack reports it).
   */
  certificateArn?: string;
}

/** A VPC with private subnets (instances) and public ones (load balancers). */
export interface NetworkSpec {
  /** VPC id. */
  vpcId: string;
  /** Private subnets (with a NAT gateway) of the instances. */
  privateSubnetIds: string[];
  /**
   * Public subnets of load balancers.
   * @default - none: targets get no internet-facing load balancer.
   */
  publicSubnetIds?: string[];
}

/** A team: who receives its pipelines' notifications, and its defaults. */
export interface TeamSpec {
  /** E-mail addresses subscribed to the team's notification topic. */
  emails: string[];
  /**
   * The preset version the team's services stay on while it upgrades (an older one of the
   * `presets` the program gives); `synth --inventory` flags them.
   * @default - the file's `preset.version`.
   */
  presetVersion?: string;
  /**
   * What the team's services get unless they set their own (over the fleet's defaults).
   * @default - none: the fleet's defaults apply.
   */
  defaults?: ServiceDefaults;
}

/** A CodeCommit repository the fleet creates for the service. */
export interface CodeCommitSourceSpec {
  /**
   * Repository name.
   * @default - the service name.
   */
  repositoryName?: string;
  /**
   * Branch that starts the pipeline.
   * @default "main"
   */
  branch?: string;
}

/** A GitHub, GitLab or Bitbucket repository through an existing CodeConnections connection. */
export interface ConnectionSourceSpec {
  /** The connection's ARN. */
  connectionArn: string;
  /** `owner/name`. */
  repository: string;
  /**
   * Branch that starts the pipeline.
   * @default "main"
   */
  branch?: string;
  /**
   * Only pushes that change these paths (globs) start the pipeline.
   * @default - any path.
   */
  includePaths?: string[];
  /**
   * Pushes that change only these paths (globs) do not start the pipeline.
   * @default - none.
   */
  excludePaths?: string[];
}

/** Where a service's code comes from: exactly one kind. */
export interface SourceSpec {
  /**
   * A CodeCommit repository the fleet creates.
   * @default - not this kind.
   */
  codecommit?: CodeCommitSourceSpec;
  /**
   * A repository through a CodeConnections connection.
   * @default - not this kind.
   */
  connection?: ConnectionSourceSpec;
}

/** How a service builds. */
export interface BuildSpecSettings {
  /**
   * `x86_64`, `arm64` or a managed image id (`aws/codebuild/...`).
   * @default - the BuildProject default (`x86_64`).
   */
  image?: string;
  /**
   * Compute type of the build host.
   * @default "BUILD_GENERAL1_SMALL"
   */
  computeType?: ComputeType;
  /**
   * Path of the buildspec in the source.
   * @default "buildspec.yml"
   */
  buildspec?: string;
  /**
   * Report names of the buildspec (`reports:`), each given a report group.
   * @default - none.
   */
  reports?: string[];
  /**
   * Local cache modes.
   * @default - no cache.
   */
  cache?: LocalCacheMode[];
  /**
   * Minutes after which a build stops, 5 to 2160.
   * @default 60
   */
  timeoutInMinutes?: number;
}

/** A manual approval before an environment deploys. */
export interface ApprovalSpec {
  /**
   * Who is asked (e-mail).
   * @default - the service's notification e-mails (its team's and its own).
   */
  emails?: string[];
}

/** One environment (a tier, such as dev or prod) of a service. */
export interface EnvironmentSpec {
  /** Stage name: letters, digits, `-` and `_`. */
  name: string;
  /**
   * An account of `accounts`.
   * @default - `defaults.environments.<name>.account` (team, then fleet).
   */
  account?: string;
  /**
   * Region of the target.
   * @default - the account's region.
   */
  region?: string;
  /**
   * A manual approval before the deploy.
   * @default - none: the environment deploys without an approval.
   */
  approval?: ApprovalSpec;
  /**
   * The target (exactly one kind); required in a file.
   * @default - none.
   */
  target?: TargetSpec;
}

/** Defaults every environment of this name gets (fleet or team level). */
export interface EnvironmentDefaults {
  /**
   * An account of `accounts`.
   * @default - none.
   */
  account?: string;
  /**
   * Region of the target.
   * @default - the account's region.
   */
  region?: string;
  /**
   * A manual approval before the deploy.
   * @default - none.
   */
  approval?: ApprovalSpec;
}

/** Notifications of a service's pipeline besides its team's. */
export interface NotificationSpec {
  /**
   * More e-mail addresses; the pipeline then gets its own topic.
   * @default - none: the team's topic.
   */
  emails?: string[];
}

/** Settings of the pipeline itself. */
export interface PipelineSettings {
  /**
   * How executions queue.
   * @default "SUPERSEDED"
   */
  executionMode?: ExecutionMode;
}

/** What a fleet or team sets for all its services, and a service may override. */
export interface ServiceDefaults {
  /**
   * How services build.
   * @default - BuildProject defaults.
   */
  build?: BuildSpecSettings;
  /**
   * Settings of the pipelines.
   * @default - Pipeline defaults.
   */
  pipeline?: PipelineSettings;
  /**
   * Extra notification e-mails (besides the team's).
   * @default - none.
   */
  notifications?: NotificationSpec;
  /**
   * Defaults of each target kind.
   * @default - none.
   */
  targets?: TargetSpec;
  /**
   * Defaults by environment name (`prod: { approval: ... }`).
   * @default - none.
   */
  environments?: Record<string, EnvironmentDefaults>;
}

/** One service: what it is, who owns it, where its code is, and where it deploys. */
export interface ServiceSpec {
  /**
   * How the service builds, over its team's and the fleet's defaults.
   * @default - the team's and fleet's.
   */
  build?: BuildSpecSettings;
  /**
   * Settings of its pipeline.
   * @default - the team's and fleet's.
   */
  pipeline?: PipelineSettings;
  /**
   * Notifications besides the team's.
   * @default - the team's topic only.
   */
  notifications?: NotificationSpec;
  /** Lowercase letters, digits and `-`, starting with a letter, at most 24. */
  name: string;
  /** A team of `teams`. */
  team: string;
  /** Where its code comes from. */
  source: SourceSpec;
  /** In delivery order; each becomes a stage (after an approval stage when it has one). */
  environments: EnvironmentSpec[];
}

/** The whole services file. */
export interface ServicesFile {
  /** Format version: 1. */
  version: number;
  /**
   * The template the fleet is stamped from.
   * @default - `aws-cicd-default` 0.0.0, a label only.
   */
  preset?: PresetSpec;
  /**
   * What every service gets unless its team or itself sets its own.
   * @default - none.
   */
  defaults?: ServiceDefaults;
  /** The accounts services deploy to, by name. */
  accounts: Record<string, AccountSpec>;
  /** The teams that own services, by name. */
  teams: Record<string, TeamSpec>;
  /** The services, each stamped into one pipeline. */
  services: ServiceSpec[];
}
