/**
 * The JSON Schema of the services file (services-types.ts). It is the one description of the
 * format: `checkServicesFile` validates against it, and `services.schema.json` (written from it
 * by `npm run schema`, shipped in the package) gives editors completion:
 * `# yaml-language-server: $schema=./node_modules/aws-cicd/services.schema.json`.
 */
import { BeanstalkEnvironmentType } from "../beanstalk/beanstalk-target-args";
import { LOCAL_CACHE_MODES } from "../codebuild/build-project-args";
import { COMPUTE_TYPES } from "../codebuild/environment";
import { Ec2DeploymentStrategy } from "../codedeploy/ec2-fleet-target-args";
import { ExecutionMode } from "../pipeline/pipeline-args";
import { LambdaDeploymentConfig } from "../lambda/lambda-target-args";
import { SERVICES_FILE_VERSION, ServiceTargetKind } from "./services-types";

/** The subset of JSON Schema the services schema uses (and `checkServicesFile` implements). */
export interface Schema {
  description?: string;
  type?: "object" | "array" | "string" | "integer" | "boolean";
  properties?: Record<string, Schema>;
  required?: string[];
  /** `false`: no other key; a schema: every other key's value (a map). */
  additionalProperties?: boolean | Schema;
  /** Names of the keys of a map. */
  propertyNames?: Schema;
  minProperties?: number;
  maxProperties?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  enum?: readonly (string | number)[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  $ref?: string;
}

const s = (description: string, extra: Schema = {}): Schema => ({ description, type: "string", ...extra });
const int = (description: string, minimum: number, maximum: number): Schema => ({ description, type: "integer", minimum, maximum });
const obj = (description: string, properties: Record<string, Schema>, required: string[] = [], extra: Schema = {}): Schema => ({
  description,
  type: "object",
  properties,
  ...(required.length ? { required } : {}),
  additionalProperties: false,
  ...extra,
});
const list = (description: string, items: Schema, extra: Schema = {}): Schema => ({ description, type: "array", items, ...extra });
const ref = (name: string): Schema => ({ $ref: `#/$defs/${name}` });

/** Service names: what stack-scoped resource names can carry (pipeline `<project>-<stack>-<service>`). */
export const SERVICE_NAME_PATTERN = "^[a-z][a-z0-9-]{0,23}$";
/** Names of teams, accounts and environments. */
export const KEY_NAME_PATTERN = "^[A-Za-z][A-Za-z0-9_-]{0,31}$";
/** A semantic version. */
export const SEMVER_PATTERN = "^\\d+\\.\\d+\\.\\d+([-+][0-9A-Za-z.-]+)?$";
const EMAIL = s("An e-mail address.", { pattern: "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$" });
const EMAILS = list("E-mail addresses.", EMAIL, { uniqueItems: true, maxItems: 20 });
const REGION = s("An AWS region, such as us-east-1.", { pattern: "^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d$" });
const ARN = (service: string, what: string) => s(`${what} ARN.`, { pattern: `^arn:aws[a-z-]*:${service}:` });

const DEFS: Record<string, Schema> = {
  build: obj("How the service builds (a BuildProject).", {
    image: s("`x86_64`, `arm64`, or a managed image id (`aws/codebuild/...`).", {
      pattern: "^(x86_64|arm64|aws/codebuild/[A-Za-z0-9._:/-]+)$",
    }),
    computeType: s("CodeBuild compute type.", { enum: COMPUTE_TYPES }),
    buildspec: s("Path of the buildspec in the source.", { pattern: "^[A-Za-z0-9._/-]+\\.ya?ml$", maxLength: 255 }),
    reports: list("Report names the buildspec declares.", s("A report name.", { pattern: "^[A-Za-z0-9_-]{1,64}$" }), {
      uniqueItems: true,
      maxItems: 10,
    }),
    cache: list("Local cache modes.", s("A local cache mode.", { enum: LOCAL_CACHE_MODES }), { uniqueItems: true }),
    timeoutInMinutes: int("Minutes after which a build stops.", 5, 2160),
  }),
  pipeline: obj("Settings of the pipeline.", {
    executionMode: s("How executions queue.", { enum: Object.values(ExecutionMode) }),
  }),
  notifications: obj("Notifications besides the team's.", { emails: EMAILS }),
  approval: obj("A manual approval before the environment deploys.", { emails: EMAILS }),
  beanstalk: obj("An Elastic Beanstalk environment.", {
    environmentType: s("Single instance or load balanced.", { enum: Object.values(BeanstalkEnvironmentType) }),
    instanceType: s("EC2 instance type.", { pattern: "^[a-z0-9-]+\\.[a-z0-9]+$" }),
    solutionStackRegex: s("Regular expression of the platform (solution stack) name.", { minLength: 1, maxLength: 200 }),
    minSize: int("Fewest instances.", 1, 100),
    maxSize: int("Most instances.", 1, 100),
    certificateArn: ARN("acm", "An ACM certificate"),
  }),
  ec2Fleet: obj("An EC2 Auto Scaling fleet deployed by CodeDeploy.", {
    instanceType: s("EC2 instance type.", { pattern: "^[a-z0-9-]+\\.[a-z0-9]+$" }),
    minSize: int("Fewest instances.", 1, 100),
    maxSize: int("Most instances.", 1, 100),
    deploymentStrategy: s("How many instances deploy at a time.", { enum: Object.values(Ec2DeploymentStrategy) }),
  }),
  lambda: obj("A Lambda function's alias shifted by CodeDeploy (in the stack's own account).", {
    functionName: s("The function's name.", { pattern: "^[A-Za-z0-9_-]{1,64}$" }),
    aliasName: s("The alias.", { pattern: "^[A-Za-z0-9_-]{1,128}$" }),
    deploymentConfig: s("Predefined traffic shift.", { enum: Object.values(LambdaDeploymentConfig) }),
    rollbackAlarmNames: list("Alarms that roll back.", s("An alarm name.", { minLength: 1, maxLength: 255 }), {
      minItems: 1,
      maxItems: 10,
    }),
  }),
  ecs: obj("A Fargate service deployed rolling by CodePipeline's ECS action (in the stack's own account).", {
    containerPort: int("Port the container listens on.", 1, 65535),
    cpu: int("Task CPU units (256, 512, 1024, 2048 or 4096).", 256, 4096),
    memory: int("Task memory, MiB (a size Fargate allows for `cpu`).", 512, 30720),
    desiredCount: int("Tasks kept running.", 1, 100),
  }),
  target: obj(
    `The target: exactly one of ${Object.values(ServiceTargetKind).join(", ")}.`,
    { beanstalk: ref("beanstalk"), ec2Fleet: ref("ec2Fleet"), lambda: ref("lambda"), ecs: ref("ecs") },
    [],
    { minProperties: 1, maxProperties: 1 },
  ),
  targetDefaults: obj("Defaults of each target kind.", {
    beanstalk: ref("beanstalk"),
    ec2Fleet: ref("ec2Fleet"),
    lambda: ref("lambda"),
    ecs: ref("ecs"),
  }),
  environmentDefaults: obj("Defaults of every environment of this name.", {
    account: s("An account of `accounts`.", { pattern: KEY_NAME_PATTERN }),
    region: REGION,
    approval: ref("approval"),
  }),
  defaults: obj("Settings every service gets unless it sets its own.", {
    build: ref("build"),
    pipeline: ref("pipeline"),
    notifications: ref("notifications"),
    targets: ref("targetDefaults"),
    environments: {
      description: "Defaults by environment name.",
      type: "object",
      propertyNames: s("An environment name.", { pattern: KEY_NAME_PATTERN }),
      additionalProperties: ref("environmentDefaults"),
    },
  }),
  source: obj(
    "Where the code comes from: exactly one of codecommit, connection.",
    {
      codecommit: obj("A CodeCommit repository the fleet creates.", {
        repositoryName: s("Repository name.", { pattern: "^[A-Za-z0-9._-]{1,100}$" }),
        branch: s("Branch that starts the pipeline.", { minLength: 1, maxLength: 255 }),
      }),
      connection: obj(
        "A GitHub, GitLab or Bitbucket repository through a CodeConnections connection.",
        {
          connectionArn: s("The connection's ARN.", { pattern: "^arn:aws[a-z-]*:(codestar-connections|codeconnections):" }),
          repository: s("`owner/name`.", { pattern: "^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+$" }),
          branch: s("Branch that starts the pipeline.", { minLength: 1, maxLength: 255 }),
          includePaths: list("Only changes to these paths (globs) start the pipeline.", s("A glob.", { minLength: 1 }), { maxItems: 8 }),
          excludePaths: list("Changes only to these paths (globs) do not start the pipeline.", s("A glob.", { minLength: 1 }), {
            maxItems: 8,
          }),
        },
        ["connectionArn", "repository"],
      ),
    },
    [],
    { minProperties: 1, maxProperties: 1 },
  ),
  environment: obj(
    "One environment (stage) of a service.",
    {
      name: s("Stage name.", { pattern: KEY_NAME_PATTERN }),
      account: s("An account of `accounts`.", { pattern: KEY_NAME_PATTERN }),
      region: REGION,
      approval: ref("approval"),
      target: ref("target"),
    },
    ["name", "target"],
  ),
};

/** The JSON Schema of the services file. */
export const SERVICES_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://www.npmjs.com/package/aws-cicd/services.schema.json",
  title: "aws-cicd services file",
  ...obj(
    "A platform team's fleet of service pipelines (aws-cicd ServiceFleet).",
    {
      version: { description: `Format version: ${SERVICES_FILE_VERSION}.`, type: "integer", enum: [SERVICES_FILE_VERSION] },
      preset: obj(
        "The template the fleet is stamped from; tags and the inventory show it.",
        {
          name: s("The preset's name.", { pattern: "^[@A-Za-z0-9._/-]{1,100}$" }),
          version: s("Its version.", { pattern: SEMVER_PATTERN }),
        },
        ["name", "version"],
      ),
      defaults: ref("defaults"),
      accounts: {
        description: "The accounts services deploy to, by name.",
        type: "object",
        propertyNames: s("An account name.", { pattern: KEY_NAME_PATTERN }),
        minProperties: 1,
        additionalProperties: obj(
          "An AWS account.",
          {
            id: s("The 12-digit account id.", { pattern: "^\\d{12}$" }),
            region: REGION,
            bootstrapRoleArn: ARN("iam", "An IAM role"),
            logBucket: s("An S3 bucket (SSE-S3) receiving access logs.", { pattern: "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$" }),
            certificateArn: ARN("acm", "An ACM certificate"),
            network: obj(
              "The account's network.",
              {
                vpcId: s("VPC id.", { pattern: "^vpc-[0-9a-f]{8,17}$" }),
                privateSubnetIds: list("Private subnets (instances).", s("Subnet id.", { pattern: "^subnet-[0-9a-f]{8,17}$" }), {
                  minItems: 1,
                }),
                publicSubnetIds: list("Public subnets (load balancers).", s("Subnet id.", { pattern: "^subnet-[0-9a-f]{8,17}$" }), {
                  minItems: 1,
                }),
              },
              ["vpcId", "privateSubnetIds"],
            ),
          },
          ["id", "region"],
        ),
      },
      teams: {
        description: "The teams that own services, by name.",
        type: "object",
        propertyNames: s("A team name.", { pattern: KEY_NAME_PATTERN }),
        minProperties: 1,
        additionalProperties: obj(
          "A team.",
          {
            emails: EMAILS,
            presetVersion: s("The preset version the team stays on while it upgrades.", { pattern: SEMVER_PATTERN }),
            defaults: ref("defaults"),
          },
          ["emails"],
        ),
      },
      services: list(
        "The services, each stamped into one pipeline.",
        obj(
          "One service.",
          {
            name: s("Service name.", { pattern: SERVICE_NAME_PATTERN }),
            team: s("A team of `teams`.", { pattern: KEY_NAME_PATTERN }),
            source: ref("source"),
            build: ref("build"),
            pipeline: ref("pipeline"),
            notifications: ref("notifications"),
            environments: list("Environments in delivery order.", ref("environment"), { minItems: 1, maxItems: 10 }),
          },
          ["name", "team", "source", "environments"],
        ),
        { minItems: 1, maxItems: 500 },
      ),
    },
    ["version", "accounts", "teams", "services"],
  ),
  $defs: DEFS,
} as const;
