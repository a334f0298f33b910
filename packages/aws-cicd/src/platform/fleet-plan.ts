/**
 * The plan of a {@link ServiceFleet}: the services file read and checked, every service resolved
 * (defaults merged), the arguments of every component it will create built and validated, all
 * before any resource exists.
 */
import * as pulumi from "@pulumi/pulumi";
import { RolePathGrant } from "../security/role-path";
import { validateBeanstalkTargetArgs } from "../beanstalk/validate";
import { BeanstalkTargetArgs } from "../beanstalk/beanstalk-target-args";
import { BuildProjectArgs } from "../codebuild/build-project-args";
import { validateBuildProjectArgs } from "../codebuild/validate";
import { Ec2FleetTargetArgs } from "../codedeploy/ec2-fleet-target-args";
import { validateEc2FleetTargetArgs } from "../codedeploy/validate";
import { LambdaTargetArgs } from "../lambda/lambda-target-args";
import { EcsServiceTargetArgs } from "../ecs/ecs-service-target-args";
import { validateEcsServiceTargetArgs } from "../ecs/validate";
import { DEFAULT_FLEET_ECS_CONTAINER_PORT } from "./services-targets";
import { validateLambdaTargetArgs } from "../lambda/validate";
import { CODEBUILD_PROJECT_NAME, stackScopedName } from "../internal/naming";
import { describeReceived } from "../internal/types";
import { checkSchema, checkServicesFile, formatServicesPath, ServicesFileProblem, ServicesPath } from "./services-check";
import { resolveService, ResolvedEnvironment, ResolvedService } from "./services-merge";
import { readServicesFile } from "./services-parse";
import { Schema, SEMVER_PATTERN, SERVICES_SCHEMA } from "./services-schema";
import { ServicesFile } from "./services-types";
import { DEFAULT_PRESET_NAME, DEFAULT_PRESET_VERSION, FleetTag, PresetDefinition, ServiceFleetArgs } from "./service-fleet-args";

/** One environment, with the arguments of its target. */
export interface PlannedEnvironment extends ResolvedEnvironment {
  /** Index in the service's `environments` (for messages). */
  index: number;
  beanstalk?: BeanstalkTargetArgs;
  ec2Fleet?: Ec2FleetTargetArgs;
  lambda?: LambdaTargetArgs;
  ecs?: EcsServiceTargetArgs;
}

/** One service, with its preset version, tags and component arguments. */
export interface PlannedService extends Omit<ResolvedService, "environments"> {
  presetVersion: string;
  tags: Record<string, string>;
  build: ResolvedService["build"];
  buildArgs: BuildProjectArgs;
  environments: PlannedEnvironment[];
}

/** The whole plan. */
export interface FleetPlan {
  file: ServicesFile;
  preset: { name: string; version: string };
  services: PlannedService[];
}

/** The version of this library (tags say which one stamped a pipeline). */
export const LIBRARY_VERSION: string = (require("../../package.json") as { version: string }).version;

const DEFAULTS_SCHEMA = (SERVICES_SCHEMA.$defs as Record<string, Schema>).defaults;

function checkPresets(presets: unknown): PresetDefinition[] {
  if (presets === undefined) return [];
  if (!Array.isArray(presets))
    throw new Error(`\`presets\` must be a list of { name, version, defaults }, got ${describeReceived(presets)}.`);
  const seen = new Set<string>();
  presets.forEach((p, i) => {
    try {
      checkSchema(
        p,
        {
          type: "object",
          properties: {
            name: { type: "string", minLength: 1 },
            version: { type: "string", pattern: SEMVER_PATTERN, description: "A semantic version." },
            defaults: DEFAULTS_SCHEMA,
          },
          required: ["name", "version", "defaults"],
          additionalProperties: false,
        },
        ["presets", i],
      );
    } catch (e) {
      if (e instanceof ServicesFileProblem) throw new Error(`\`${formatServicesPath(e.path)}\`: ${e.detail}`, { cause: e });
      throw e;
    }
    const key = `${p.name}@${p.version}`;
    if (seen.has(key)) throw new Error(`\`presets[${i}]\` repeats ${key}; give each version once.`);
    seen.add(key);
  });
  return presets as PresetDefinition[];
}

/** The build project's arguments from the merged build settings. */
function buildArgsOf(s: ResolvedService, key: { keyArn: string } | undefined, tags: Record<string, string>): BuildProjectArgs {
  const b = s.build;
  return {
    description: `Build of service ${s.name} (team ${s.team}, aws-cicd ServiceFleet)`,
    ...(b.image !== undefined ? { image: { managed: b.image } } : {}),
    ...(b.computeType !== undefined ? { computeType: b.computeType } : {}),
    ...(b.buildspec !== undefined ? { buildSpecFile: b.buildspec } : {}),
    ...(b.reports !== undefined ? { reportGroupNames: b.reports } : {}),
    ...(b.cache !== undefined ? { cache: { local: b.cache } } : {}),
    ...(b.timeoutInMinutes !== undefined ? { timeoutInMinutes: b.timeoutInMinutes } : {}),
    ...(key ? { encryptionKey: key } : {}),
    tags,
  };
}

function environmentOf(env: ResolvedEnvironment, index: number, tags: Record<string, string>, at: ServicesPath): PlannedEnvironment {
  const t = env.target as Record<string, any>;
  if (env.kind === "lambda") {
    if (t.functionName === undefined)
      throw new ServicesFileProblem([...at, "target"], "a lambda target needs `functionName` (the function the service's team created).");
    const args: LambdaTargetArgs = {
      alias: { existing: { functionName: t.functionName, aliasName: t.aliasName ?? "live" } },
      ...(t.deploymentConfig !== undefined ? { deploymentConfig: t.deploymentConfig } : {}),
      ...(t.rollbackAlarmNames !== undefined ? { rollbackAlarmNames: t.rollbackAlarmNames } : {}),
      tags,
    };
    return { ...env, index, lambda: args };
  }
  const network = env.account.network;
  if (network === undefined)
    throw new ServicesFileProblem(
      at,
      `account "${env.accountName}" has no \`network\`; ${env.kind} targets run in its VPC's private subnets, so give \`accounts.${env.accountName}.network\`.`,
    );
  if (env.kind === "ecs") {
    const args: EcsServiceTargetArgs = {
      fargateService: {
        vpcId: network.vpcId,
        subnetIds: network.privateSubnetIds,
        containerPort: t.containerPort ?? DEFAULT_FLEET_ECS_CONTAINER_PORT,
        ...(t.cpu !== undefined ? { cpu: t.cpu } : {}),
        ...(t.memory !== undefined ? { memory: t.memory } : {}),
        ...(t.desiredCount !== undefined ? { desiredCount: t.desiredCount } : {}),
      },
      tags,
    };
    return { ...env, index, ecs: args };
  }
  if (env.kind === "beanstalk") {
    const loadBalanced = (t.environmentType ?? "SingleInstance") === "LoadBalanced";
    if (!loadBalanced && t.certificateArn !== undefined)
      throw new ServicesFileProblem(
        [...at, "target"],
        '`certificateArn` needs `environmentType: "LoadBalanced"` (a single instance has no load balancer).',
      );
    const args: BeanstalkTargetArgs = {
      ...(t.environmentType !== undefined ? { environmentType: t.environmentType } : {}),
      ...(t.instanceType !== undefined ? { instanceType: t.instanceType } : {}),
      ...(t.solutionStackRegex !== undefined ? { solutionStackRegex: t.solutionStackRegex } : {}),
      ...(t.minSize !== undefined ? { minSize: t.minSize } : {}),
      ...(t.maxSize !== undefined ? { maxSize: t.maxSize } : {}),
      vpc: {
        vpcId: network.vpcId,
        instanceSubnetIds: network.privateSubnetIds,
        ...(loadBalanced && network.publicSubnetIds ? { loadBalancerSubnetIds: network.publicSubnetIds } : {}),
      },
      ...(loadBalanced ? loadBalancerOf(t.certificateArn ?? env.account.certificateArn, env.account.logBucket) : {}),
      tags,
    };
    return { ...env, index, beanstalk: args };
  }
  const args: Ec2FleetTargetArgs = {
    fleet: {
      instanceType: t.instanceType ?? "t3.small",
      vpcId: network.vpcId,
      subnetIds: network.privateSubnetIds,
      ...(t.minSize !== undefined ? { minSize: t.minSize } : {}),
      ...(t.maxSize !== undefined ? { maxSize: t.maxSize } : {}),
    },
    ...(t.deploymentStrategy !== undefined ? { deploymentStrategy: t.deploymentStrategy } : {}),
    tags,
  };
  return { ...env, index, ec2Fleet: args };
}

/** A load-balanced Beanstalk target's listener certificate and access logs, from the target or its account. */
function loadBalancerOf(certificateArn: string | undefined, logBucket: string | undefined): Pick<BeanstalkTargetArgs, "loadBalancer"> {
  if (certificateArn === undefined && logBucket === undefined) return {};
  return {
    loadBalancer: {
      ...(certificateArn !== undefined ? { certificateArn } : {}),
      ...(logBucket !== undefined ? { accessLogs: { bucketName: logBucket } } : {}),
    },
  };
}

/** Runs a component's own validator, naming the services-file path in its message. */
function validated(at: ServicesPath, check: () => void): void {
  try {
    check();
  } catch (e) {
    if (e instanceof ServicesFileProblem) throw e;
    throw new ServicesFileProblem(at, (e as Error).message.replace(/\.$/, "") + ".");
  }
}

/**
 * Reads, checks and resolves the fleet. Throws an error naming the file, line and column (or the
 * `services` argument) before anything is created.
 */
export function planFleet(name: string, args: ServiceFleetArgs, stackRegion: string | undefined): FleetPlan {
  if (typeof args !== "object" || args === null)
    throw new Error(`The arguments must be an object with \`servicesFile\` or \`services\`, got ${describeReceived(args)}.`);
  if ((args.servicesFile === undefined) === (args.services === undefined))
    throw new Error(
      `Give exactly one of \`servicesFile\` (a path to the YAML file) and \`services\` (the same content as an object), got ${args.services === undefined ? "neither" : "both"}.`,
    );
  if (args.servicesFile !== undefined && (typeof args.servicesFile !== "string" || args.servicesFile === ""))
    throw new Error(`\`servicesFile\` must be the path of a YAML file, got ${describeReceived(args.servicesFile)}.`);
  const presets = checkPresets(args.presets);
  let services: PlannedService[] = [];
  let preset = { name: DEFAULT_PRESET_NAME, version: DEFAULT_PRESET_VERSION };
  const more = (file: ServicesFile) => {
    preset = file.preset ?? preset;
    services = file.services.map((spec, i) => {
      const team = file.teams[spec.team];
      const presetVersion = team.presetVersion ?? preset.version;
      const presetDefaults = presets.find((p) => p.name === preset.name && p.version === presetVersion)?.defaults;
      const resolved = resolveService(file, spec, presetDefaults);
      const tags: Record<string, string> = {
        ...(args.tags ?? {}),
        [FleetTag.Preset]: preset.name,
        [FleetTag.PresetVersion]: presetVersion,
        [FleetTag.LibraryVersion]: LIBRARY_VERSION,
        [FleetTag.Team]: spec.team,
        [FleetTag.Service]: spec.name,
      };
      const buildArgs = buildArgsOf(resolved, undefined, tags);
      validated(["services", i, "build"], () =>
        validateBuildProjectArgs(buildArgs, stackScopedName(`${name}-${spec.name}-build`, CODEBUILD_PROJECT_NAME)),
      );
      const environments = resolved.environments.map((env, j) => {
        const at: ServicesPath = ["services", i, "environments", j];
        if (stackRegion !== undefined && env.region !== stackRegion)
          throw new ServicesFileProblem(
            at,
            `environment "${env.name}" is in ${env.region}, but the pipelines run in ${stackRegion}; cross-region environments are not supported yet, so deploy from a stack in ${env.region}.`,
          );
        const planned = environmentOf(env, j, tags, at);
        validated([...at, "target"], () => {
          if (planned.beanstalk) validateBeanstalkTargetArgs(planned.beanstalk);
          else if (planned.lambda) validateLambdaTargetArgs(planned.lambda);
          else if (planned.ecs) validateEcsServiceTargetArgs(planned.ecs);
          else validateEc2FleetTargetArgs(planned.ec2Fleet!);
        });
        return planned;
      });
      return { ...resolved, presetVersion, tags, buildArgs, environments };
    });
  };
  if (args.servicesFile !== undefined) {
    const file = readServicesFile(args.servicesFile, more, presets);
    return { file, preset, services };
  }
  try {
    const file = checkServicesFile(args.services, presets);
    more(file);
    return { file, preset, services };
  } catch (e) {
    if (e instanceof ServicesFileProblem) throw new Error(`\`services\`: ${e.message}`, { cause: e });
    throw e;
  }
}

/**
 * The IAM path of the roles a fleet creates in other accounts to read its artifacts (the
 * cross-account deploy roles and the EC2 instance roles): `/aws-cicd/<project>/<stack>/<fleet>/`,
 * so that no other program's roles share it.
 */
export function fleetRolePath(name: string): string {
  return `/aws-cicd/${pulumi.getProject()}/${pulumi.getStack()}/${name}/`;
}

/**
 * What the shared artifact bucket and key grant: the roles at {@link fleetRolePath} in each other
 * account the fleet deploys to. One grant per account, however many services deploy there, so
 * their policies stay the same size from 1 to 200 services.
 */
export function fleetReaderRolePaths(name: string, plan: FleetPlan): RolePathGrant[] {
  const ids = new Set<string>();
  for (const s of plan.services) for (const e of s.environments) if (e.account.bootstrapRoleArn !== undefined) ids.add(e.account.id);
  return [...ids].sort().map((accountId) => ({ accountId, path: fleetRolePath(name) }));
}
