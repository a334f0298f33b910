import * as pulumi from "@pulumi/pulumi";
import { KeyReference } from "../security/encryption-key";

/**
 * Platform chosen when neither `solutionStackName` nor `solutionStackRegex` is given: the
 * newest Amazon Linux 2023 Node.js 22 solution stack (Node.js 22 is the active LTS line
 * that Elastic Beanstalk supports on AL2023; the regex follows new platform versions).
 */
export const DEFAULT_SOLUTION_STACK_REGEX = "^64bit Amazon Linux 2023 (.*) running Node.js 22$";

/**
 * Instance type when `instanceType` is not given. A Graviton (arm64) burstable type: the
 * cheapest current-generation type with 1 GiB of memory. Every Amazon Linux 2 and 2023
 * platform, including the default Node.js one, runs on arm64; a platform that does not
 * (a custom AMI built for x86_64, or Windows) needs an x86_64 type such as `t3.micro`.
 */
export const DEFAULT_BEANSTALK_INSTANCE_TYPE = "t4g.micro";

/** Environment type when `environmentType` is not given: one instance with an Elastic IP, no load balancer. */
export const DEFAULT_BEANSTALK_ENVIRONMENT_TYPE = "SingleInstance";

/** Auto Scaling group bounds of a `LoadBalanced` environment when `minSize`/`maxSize` are not given. */
export const DEFAULT_BEANSTALK_MIN_SIZE = 1;
/** Largest Auto Scaling group size of a `LoadBalanced` environment when `maxSize` is not given. */
export const DEFAULT_BEANSTALK_MAX_SIZE = 2;
/** The largest Auto Scaling group Elastic Beanstalk accepts. */
export const BEANSTALK_MAX_GROUP_SIZE = 10000;

/** Deployment policies accepted for each environment type. */
export const BEANSTALK_DEPLOYMENT_POLICIES = {
  /** Policies allowed for a single-instance environment. */
  SingleInstance: ["AllAtOnce", "Immutable"],
  /** Policies allowed for a load-balanced environment. */
  LoadBalanced: ["AllAtOnce", "Rolling", "RollingWithAdditionalBatch", "Immutable", "TrafficSplitting"],
} as const;

/**
 * Deployment policy when `deploymentPolicy` is not given: `AllAtOnce` for a single instance
 * (the only instance is replaced in place), `Immutable` for a load-balanced fleet (new
 * instances in a temporary group; a failed deployment leaves the old fleet serving).
 */
export const DEFAULT_BEANSTALK_DEPLOYMENT_POLICY = {
  /** Default for a single-instance environment. */
  SingleInstance: "AllAtOnce",
  /** Default for a load-balanced environment. */
  LoadBalanced: "Immutable",
} as const;

/** Days CloudWatch Logs keeps instance and health logs (CKV_AWS_338 asks for at least 365). */
export const DEFAULT_BEANSTALK_LOG_RETENTION_DAYS = 365;
/** Retention values the `aws:elasticbeanstalk:cloudwatch:logs` namespace accepts. */
export const BEANSTALK_LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1827, 3653] as const;

/** Weekly window (UTC) in which managed platform updates start. Sunday morning UTC is off-peak for most users. */
export const DEFAULT_MANAGED_UPDATE_WINDOW = "Sun:10:00";
/** Managed platform updates apply minor and patch versions (never a new major platform branch). */
export const DEFAULT_UPDATE_LEVEL = "minor";

/** Root volume type: gp3 is cheaper and faster than gp2 at the same size. */
export const DEFAULT_BEANSTALK_ROOT_VOLUME_TYPE = "gp3";

/**
 * Application versions kept by the application's version lifecycle. Elastic Beanstalk
 * refuses new versions past 1,000 per region; every pipeline run creates one, so old
 * versions are deleted (their source bundles in S3 are kept).
 */
export const DEFAULT_MAX_APPLICATION_VERSIONS = 200;

/** Anything naming an Elastic Beanstalk application: an `aws.elasticbeanstalk.Application`, or `{ name }`. */
export interface ApplicationReference {
  /** Name of the Elastic Beanstalk application. */
  readonly name: pulumi.Input<string>;
}

/** How many application versions the created application keeps: set one of the two. */
export interface ApplicationVersionLifecycle {
  /**
   * Keep at most this many versions, 1 to 1000.
   * @default - no count limit (set `maxAgeInDays` instead).
   */
  maxCount?: number;
  /**
   * Delete versions older than this many days, 1 to 180.
   * @default - no age limit (set `maxCount` instead).
   */
  maxAgeInDays?: number;
}

/** The kinds of Elastic Beanstalk web server environment. */
export const BeanstalkEnvironmentType = {
  /** One instance with an Elastic IP, no load balancer. */
  SingleInstance: "SingleInstance",
  /** An Application Load Balancer in front of an Auto Scaling group. */
  LoadBalanced: "LoadBalanced",
} as const;
/** `"SingleInstance"` or `"LoadBalanced"` ({@link BeanstalkEnvironmentType}). */
export type BeanstalkEnvironmentType = (typeof BeanstalkEnvironmentType)[keyof typeof BeanstalkEnvironmentType];

/** Which platform versions managed updates apply. */
export const BeanstalkUpdateLevel = {
  /** Minor and patch versions. */
  Minor: "minor",
  /** Patch versions only. */
  Patch: "patch",
} as const;
/** `"minor"` or `"patch"` ({@link BeanstalkUpdateLevel}). */
export type BeanstalkUpdateLevel = (typeof BeanstalkUpdateLevel)[keyof typeof BeanstalkUpdateLevel];

/** The VPC an environment runs in (`aws:ec2:vpc`). */
export interface BeanstalkVpc {
  /** Id of the VPC, e.g. `vpc-0abc...`. */
  vpcId: pulumi.Input<string>;
  /** Subnets of the instances. At least one. */
  instanceSubnetIds: pulumi.Input<string>[];
  /**
   * Subnets of the load balancer (`LoadBalanced` only).
   * @default - Elastic Beanstalk uses `instanceSubnetIds`.
   */
  loadBalancerSubnetIds?: pulumi.Input<string>[];
  /**
   * Give instances public IP addresses (needed in public subnets without a NAT gateway).
   * **Warning:** `true` makes instances reachable from the internet (EC2.9).
   * @default - Elastic Beanstalk's default (no public IP for load-balanced instances; a single instance gets an Elastic IP).
   */
  associatePublicIpAddress?: boolean;
}

/**
 * TLS policy of the HTTPS listener: TLS 1.3 and 1.2 only, forward-secret ciphers, the policy
 * Elastic Load Balancing recommends
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html).
 */
export const DEFAULT_BEANSTALK_SSL_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

/** Where the Application Load Balancer of a `LoadBalanced` environment writes its access logs. */
export interface BeanstalkLoadBalancerAccessLogs {
  /**
   * Name of an S3 bucket in the environment's region. Elastic Load Balancing writes to it only if
   * the bucket uses SSE-S3 (it cannot write to an SSE-KMS bucket) and its policy lets Elastic Load
   * Balancing put objects under `<prefix>/AWSLogs/<account>/`
   * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html).
   * A platform's central log bucket is the usual choice.
   */
  bucketName: pulumi.Input<string>;
  /**
   * Key prefix of the log objects (letters, digits and `!-_.*'()/`, without `AWSLogs`, no leading or trailing `/`).
   * @default - the environment name.
   */
  prefix?: string;
}

/**
 * The Application Load Balancer of a `LoadBalanced` environment
 * (https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/configuring-https-elb.html).
 */
export interface BeanstalkLoadBalancer {
  /**
   * ARN of the ACM certificate (or IAM server certificate) for the environment's domain, in the
   * environment's region. Adds an HTTPS listener on port 443 (`aws:elbv2:listener:443`,
   * Security Hub ELB.1).
   * @default - no HTTPS listener: the load balancer serves plain HTTP on port 80.
   */
  certificateArn?: pulumi.Input<string>;
  /**
   * TLS security policy of the HTTPS listener (`ELBSecurityPolicy-...`). Needs `certificateArn`.
   * @default "ELBSecurityPolicy-TLS13-1-2-2021-06" ({@link DEFAULT_BEANSTALK_SSL_POLICY})
   */
  sslPolicy?: string;
  /**
   * Keep the plain HTTP listener on port 80 beside the HTTPS one. **Warning:** `true` serves
   * requests, cookies and credentials unencrypted.
   * @default - `false` with `certificateArn` (the HTTP listener is turned off); without it, the HTTP listener is the only one and stays on.
   */
  keepHttpListener?: boolean;
  /**
   * Deliver the load balancer's access logs to S3 (Security Hub ELB.5).
   * @default - no access logs.
   */
  accessLogs?: BeanstalkLoadBalancerAccessLogs;
}

/** A secret environment variable: exactly one of the two ARNs. */
export interface BeanstalkSecret {
  /**
   * ARN of an SSM Parameter Store parameter (`arn:aws:ssm:<region>:<account>:parameter/<name>`).
   * @default - none; give this or `secretsManagerSecretArn`.
   */
  ssmParameterArn?: pulumi.Input<string>;
  /**
   * Full ARN of a Secrets Manager secret, with its 6-character suffix; a `:<jsonKey>`
   * suffix picks one key of a JSON secret (platform versions from January 2026).
   * @default - none; give this or `ssmParameterArn`.
   */
  secretsManagerSecretArn?: pulumi.Input<string>;
}

/** When and how far managed platform updates go. */
export interface BeanstalkManagedUpdates {
  /**
   * Weekly start of the update window, `Day:HH:MM` in UTC (Day: Sun, Mon, Tue, Wed, Thu, Fri, Sat).
   * @default "Sun:10:00"
   */
  preferredStartTime?: string;
  /**
   * `minor` applies minor and patch platform versions, `patch` only patches.
   * @default "minor"
   */
  updateLevel?: BeanstalkUpdateLevel;
}

/** An extra option setting of the environment. */
export interface BeanstalkOptionSetting {
  /** Namespace, e.g. `aws:elasticbeanstalk:environment:process:default`. */
  namespace: string;
  /** Option name, e.g. `HealthCheckPath`. */
  name: string;
  /**
   * Value, always a string (`"true"`, `"80"`). Refused when it looks like a credential (by the
   * option name or the value's shape); an Output is checked when it resolves, and refused when it
   * is a `pulumi.secret` (option settings are shown in plain text).
   */
  value: pulumi.Input<string>;
  /**
   * Accept `value` although it looks like a credential (a false positive). A `pulumi.secret`
   * value is refused all the same.
   * @default false
   */
  allowPlaintext?: boolean;
  /**
   * Resource name, for `aws:autoscaling:scheduledaction` only.
   * @default - none.
   */
  resource?: string;
}

/** Arguments of {@link BeanstalkTarget}. */
export interface BeanstalkTargetArgs {
  /**
   * An existing application to add this environment to (dev and prod can share one):
   * another target's `application`, an `aws.elasticbeanstalk.Application` or `{ name }`.
   * @default - a new application with a version lifecycle is created.
   */
  application?: ApplicationReference;
  /**
   * Name of the created application (1 to 100 characters, no `/`). Not allowed with `application`.
   * @default - `<project>-<stack>-<name>`.
   */
  applicationName?: string;
  /**
   * Version lifecycle of the created application. Not allowed with `application`.
   * @default - `{ maxCount: DEFAULT_MAX_APPLICATION_VERSIONS }` (200), source bundles kept in S3.
   */
  applicationVersionLifecycle?: ApplicationVersionLifecycle;
  /**
   * Name of the environment: 4 to 40 letters, digits and hyphens, not starting or ending with a hyphen.
   * @default - `<project>-<stack>-<name>`, cut to 40 characters.
   */
  environmentName?: string;
  /**
   * Exact solution stack name, e.g. `64bit Amazon Linux 2023 v6.6.0 running Node.js 22`.
   * @default - the newest stack matching `solutionStackRegex`.
   */
  solutionStackName?: pulumi.Input<string>;
  /**
   * Regex for the solution stack; the most recent match is used. Not allowed with `solutionStackName`.
   * @default - {@link DEFAULT_SOLUTION_STACK_REGEX}, the newest Amazon Linux 2023 Node.js 22 stack.
   */
  solutionStackRegex?: string;
  /**
   * EC2 instance type. Must match the platform's architecture.
   * @default "t4g.micro" ({@link DEFAULT_BEANSTALK_INSTANCE_TYPE}, arm64)
   */
  instanceType?: string;
  /**
   * `SingleInstance` (one instance, Elastic IP) or `LoadBalanced` (Application Load Balancer and Auto Scaling group).
   * @default "SingleInstance"
   */
  environmentType?: BeanstalkEnvironmentType;
  /**
   * Minimum instances, `LoadBalanced` only (1 to 10000).
   * @default 1
   */
  minSize?: number;
  /**
   * Maximum instances, `LoadBalanced` only (1 to 10000, at least `minSize`).
   * @default 2
   */
  maxSize?: number;
  /**
   * How new versions roll out. `SingleInstance`: `AllAtOnce` or `Immutable`.
   * `LoadBalanced`: also `Rolling`, `RollingWithAdditionalBatch`, `TrafficSplitting`.
   * @default - `AllAtOnce` for `SingleInstance`, `Immutable` for `LoadBalanced`.
   */
  deploymentPolicy?: string;
  /**
   * VPC and subnets. Security Hub / cdk-nag EB1 ask for an explicit VPC.
   * @default - Elastic Beanstalk uses the region's default VPC and its public subnets
   * (waiver for EB1: the default VPC works without any network set-up; give `vpc` for
   * production networks with private subnets).
   */
  vpc?: BeanstalkVpc;
  /**
   * HTTPS and access logs of the Application Load Balancer, `LoadBalanced` only.
   * @default - HTTP on port 80 and no access logs (Security Hub ELB.1 and ELB.5 fail; the pack's
   * strict tier reports both).
   */
  loadBalancer?: BeanstalkLoadBalancer;
  /**
   * Plain environment variables, shown in plain text in the environment's configuration. Values
   * that look like credentials (non-empty values of names such as `*_PASSWORD`, `*_TOKEN`, or
   * values shaped like AWS keys, private keys, URLs with a password, GitHub, GitLab, npm, Slack or
   * Stripe tokens, JWTs or random strings) are refused: put them in `secrets`. `pulumi.Output`
   * values are checked when they resolve, and a `pulumi.secret` is refused.
   * @default - none.
   */
  environmentVariables?: Record<string, pulumi.Input<string>>;
  /**
   * Names of `environmentVariables` whose values are accepted although they look like
   * credentials (false positives, such as a public identifier that looks random). A
   * `pulumi.secret` value is refused all the same.
   * @default - none: every variable is checked.
   */
  allowPlaintextVariables?: string[];
  /**
   * Environment variables read at instance start from SSM Parameter Store or Secrets
   * Manager (`aws:elasticbeanstalk:application:environmentsecrets`, platform versions
   * from March 26, 2025). The instance role may read exactly these parameters and secrets.
   * @default - none.
   */
  secrets?: Record<string, BeanstalkSecret>;
  /**
   * Customer managed key that encrypts the parameters and secrets in `secrets`; the
   * instance role may decrypt with it only through SSM and Secrets Manager. Without
   * `secrets` it grants nothing, so a stack can pass its one key to every component.
   * @default - the secrets use AWS managed keys (`aws/ssm`, `aws/secretsmanager`), which need no grant.
   */
  encryptionKey?: KeyReference;
  /**
   * Days CloudWatch Logs keeps instance and health logs.
   * @default 365
   */
  logRetentionInDays?: number;
  /**
   * Managed platform update window (`Day:HH:MM`, UTC) and level (`minor` or `patch`).
   * @default - `{ preferredStartTime: "Sun:10:00", updateLevel: "minor" }`.
   */
  managedUpdates?: BeanstalkManagedUpdates;
  /**
   * Other option settings. Namespaces must look like `aws:<service>:...`; settings this
   * component manages through other args are refused, as are overrides of its security settings.
   * @default - none.
   */
  settings?: BeanstalkOptionSetting[];
  /**
   * Let `settings` replace the security settings (IMDSv2, enhanced health, managed
   * updates, log streaming and publication, instance profile, service roles).
   * **Warning:** lets `settings` turn off protections required by Security Hub and cdk-nag.
   * @default false
   */
  allowInsecureSettingOverrides?: boolean;
  /**
   * Turn on EBS encryption by default for the whole account and region
   * (`aws.ebs.EncryptionByDefault`, retained on delete). Elastic Beanstalk has no option
   * to encrypt an environment's root volumes; account-level default encryption is the only
   * way to get encrypted volumes (EC26, EC2.3). Off by default because it changes every
   * new volume of the account and region, not only this environment's.
   * @default false
   */
  enableEbsEncryptionByDefault?: boolean;
  /**
   * Tags for the application, environment and roles.
   * @default - no tags.
   */
  tags?: Record<string, string>;
}
