/**
 * The deterministic mock engine `aws-cicd synth` runs programs under: every registration is
 * recorded (type, name, inputs, computed state, parent URN, options) and answered with
 * attributes derived only from the inputs, the account and the region; invokes get fixed answers.
 * Nothing reaches AWS or the Pulumi service.
 */
import type * as pulumi from "@pulumi/pulumi";

/** Who and where the synthesized stack pretends to run. */
export interface EngineIdentity {
  account: string;
  region: string;
  /** @default "aws" */
  partition?: string;
}

/** One resource registered with the engine. */
export interface EngineResource {
  type: string;
  name: string;
  urn: string;
  /** URN of the parent (a component), when one was given. */
  parent?: string;
  id: string;
  custom: boolean;
  inputs: Record<string, any>;
  /** Inputs plus the computed attributes the engine answered. */
  state: Record<string, any>;
  options: { retainOnDelete: boolean; protect: boolean; dependsOn: string[] };
}

/** One invoke the engine answered. */
export interface EngineCall {
  token: string;
  inputs: Record<string, any>;
  /** True when the engine had no specific answer and returned an empty result. */
  unanswered: boolean;
}

/** A recording mock engine: give `mocks` to `pulumi.runtime.setMocks`, then `attach` it. */
export interface SynthEngine {
  identity: Required<EngineIdentity>;
  resources: EngineResource[];
  calls: EngineCall[];
  mocks: pulumi.runtime.Mocks;
  /** Wraps the installed mock monitor so that parents and options reach the records. */
  attach(monitor: { registerResource: (req: any, callback: any) => unknown }): void;
}

/** Computed attributes for a resource type, derived from its inputs (AWS's ARN formats). */
export function computedAttributes(
  type: string,
  name: string,
  inputs: Record<string, any>,
  who: Required<EngineIdentity>,
): Record<string, any> {
  const { account, region, partition } = who;
  const arn = (service: string, rest: string) => `arn:${partition}:${service}:${region}:${account}:${rest}`;
  const n: string = inputs.name ?? name;
  switch (type) {
    case "aws:iam/role:Role":
      return { name: n, arn: `arn:${partition}:iam::${account}:role${inputs.path ?? "/"}${n}`, uniqueId: `AROA${name.toUpperCase()}` };
    case "aws:iam/policy:Policy":
      return { name: n, arn: `arn:${partition}:iam::${account}:policy${inputs.path ?? "/"}${n}` };
    case "aws:iam/instanceProfile:InstanceProfile":
      return { name: n, arn: `arn:${partition}:iam::${account}:instance-profile/${n}` };
    case "aws:kms/key:Key":
      return { keyId: `${name}-id`, arn: arn("kms", `key/${name}-id`) };
    case "aws:kms/alias:Alias":
      return { arn: arn("kms", n) };
    case "aws:codecommit/repository:Repository": {
      const r = inputs.repositoryName;
      return {
        arn: arn("codecommit", r),
        repositoryId: `${r}-id`,
        cloneUrlHttp: `https://git-codecommit.${region}.amazonaws.com/v1/repos/${r}`,
        cloneUrlSsh: `ssh://git-codecommit.${region}.amazonaws.com/v1/repos/${r}`,
      };
    }
    case "aws:codecommit/approvalRuleTemplate:ApprovalRuleTemplate":
      return { approvalRuleTemplateId: `${name}-id` };
    case "aws:sns/topic:Topic":
      return { name: n, arn: arn("sns", n) };
    case "aws:codebuild/project:Project":
      return { name: n, arn: arn("codebuild", `project/${n}`), badgeUrl: "" };
    case "aws:codebuild/reportGroup:ReportGroup":
      return { name: n, arn: arn("codebuild", `report-group/${n}`) };
    case "aws:cloudwatch/logGroup:LogGroup":
      return { name: n, arn: arn("logs", `log-group:${n}`) };
    case "aws:cloudwatch/eventRule:EventRule":
      return { name: n, arn: arn("events", `rule/${n}`) };
    case "aws:cloudwatch/metricAlarm:MetricAlarm":
      return { name: n, arn: arn("cloudwatch", `alarm:${n}`) };
    case "aws:codestarnotifications/notificationRule:NotificationRule":
      return { name: n, arn: arn("codestar-notifications", `notificationrule/${name}-id`) };
    case "aws:lambda/function:Function":
      return { name: n, arn: arn("lambda", `function:${n}`) };
    case "aws:s3/bucket:Bucket":
    case "aws:s3/bucketV2:BucketV2": {
      const b = inputs.bucket ?? name;
      return { bucket: b, arn: `arn:${partition}:s3:::${b}`, bucketRegionalDomainName: `${b}.s3.${region}.amazonaws.com` };
    }
    case "aws:codepipeline/pipeline:Pipeline":
      return { name: n, arn: arn("codepipeline", n) };
    case "aws:codeconnections/connection:Connection":
      return { name: n, arn: arn("codeconnections", `connection/${name}-id`), connectionStatus: "PENDING" };
    case "aws:elasticbeanstalk/application:Application":
      return { name: n, arn: arn("elasticbeanstalk", `application/${n}`) };
    case "aws:elasticbeanstalk/environment:Environment":
      return {
        name: n,
        arn: arn("elasticbeanstalk", `environment/${inputs.application}/${n}`),
        endpointUrl: `${n}.${region}.elasticbeanstalk.com`,
        cname: `${n}.${region}.elasticbeanstalk.com`,
      };
    case "aws:codedeploy/application:Application":
      return { name: n, arn: arn("codedeploy", `application:${n}`), applicationId: `${name}-id` };
    case "aws:codedeploy/deploymentGroup:DeploymentGroup":
      return { arn: arn("codedeploy", `deploymentgroup:${inputs.appName}/${inputs.deploymentGroupName}`), deploymentGroupId: `${name}-id` };
    case "aws:codedeploy/deploymentConfig:DeploymentConfig":
      return { arn: arn("codedeploy", `deploymentconfig:${inputs.deploymentConfigName}`), deploymentConfigId: `${name}-id` };
    case "aws:ec2/launchTemplate:LaunchTemplate":
      return { arn: arn("ec2", `launch-template/lt-${name}`), latestVersion: 1, defaultVersion: 1 };
    case "aws:autoscaling/group:Group":
      return { name: n, arn: arn("autoscaling", `autoScalingGroup:${name}-id:autoScalingGroupName/${n}`) };
    default: {
      const service = type.split(":")[1]?.split("/")[0] ?? "unknown";
      return { arn: arn(service, name) };
    }
  }
}

/** The id the provider would use (names for roles and instance profiles, ARNs for topics and policies...). */
export function resourceId(type: string, name: string, state: Record<string, any>): string {
  switch (type) {
    case "aws:iam/role:Role":
    case "aws:iam/instanceProfile:InstanceProfile":
      return state.name;
    case "aws:sns/topic:Topic":
    case "aws:iam/policy:Policy":
      return state.arn;
    case "aws:codecommit/repository:Repository":
      return state.repositoryName;
    case "aws:s3/bucket:Bucket":
    case "aws:s3/bucketV2:BucketV2":
      return state.bucket;
    case "aws:kms/key:Key":
      return state.keyId;
    default:
      return `${name}-id`;
  }
}

/** Fixed answers to the invokes programs commonly make; `undefined` when the engine has none. */
export function invokeAnswer(token: string, inputs: Record<string, any>, who: Required<EngineIdentity>): Record<string, any> | undefined {
  const { account, region, partition } = who;
  switch (token) {
    case "aws:index/getCallerIdentity:getCallerIdentity":
      return { accountId: account, arn: `arn:${partition}:iam::${account}:user/synth`, userId: "AIDASYNTH", id: account };
    case "aws:index/getRegion:getRegion":
      return { name: region, region, endpoint: `ec2.${region}.amazonaws.com`, description: region, id: region };
    case "aws:index/getPartition:getPartition":
      return { partition, dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws", id: partition };
    case "aws:ssm/getParameter:getParameter":
      return {
        name: inputs.name,
        arn: `arn:${partition}:ssm:${region}:${account}:parameter${inputs.name}`,
        type: "String",
        value: "ami-0123456789abcdef0",
        insecureValue: "ami-0123456789abcdef0",
        version: 1,
        id: inputs.name,
      };
    case "aws:elasticbeanstalk/getSolutionStack:getSolutionStack":
      return { name: "64bit Amazon Linux 2023 v6.6.0 running Node.js 22", nameRegex: inputs.nameRegex, mostRecent: true, id: "stack" };
    default:
      return undefined;
  }
}

/**
 * A URN as the Pulumi engine forms it: the type qualified by every ancestor's type
 * (`urn:pulumi:<stack>::<project>::<parent types>$<type>::<name>`). `urn` is the unparented URN.
 */
export function qualifiedUrn(urn: string, parent: string | undefined): string {
  if (!parent) return urn;
  const parts = urn.split("::");
  const parentType = parent.split("::")[2];
  if (parts.length < 4 || !parentType || parentType === "pulumi:pulumi:Stack") return urn;
  parts[2] = `${parentType}$${parts[2]}`;
  return parts.join("::");
}

/**
 * The first URN registered twice, with what the engine would say about it; `undefined` when every
 * URN is unique. `pulumi preview` refuses such a program ("Duplicate resource URN").
 */
export function duplicateUrnMessage(resources: readonly EngineResource[]): string | undefined {
  const seen = new Set<string>();
  for (const r of resources) {
    if (seen.has(r.urn)) {
      return (
        `Duplicate resource URN "${r.urn}": the program creates two ${r.type} resources named "${r.name}"` +
        (r.parent ? " under the same parent type" : "") +
        ", which `pulumi preview` refuses. Give each a distinct name."
      );
    }
    seen.add(r.urn);
  }
  return undefined;
}

/** Creates an engine that records into fresh arrays. */
export function createEngine(identity: EngineIdentity): SynthEngine {
  const who: Required<EngineIdentity> = { partition: "aws", ...identity };
  const resources: EngineResource[] = [];
  const calls: EngineCall[] = [];
  // The mock API does not pass parents and options to `newResource`: `attach` captures them just before.
  let current: Pick<EngineResource, "urn" | "parent" | "options"> | undefined;
  const mocks: pulumi.runtime.Mocks = {
    newResource(args) {
      const state = { ...args.inputs, ...computedAttributes(args.type, args.name, args.inputs, who) };
      const id = args.id || resourceId(args.type, args.name, state);
      resources.push({
        type: args.type,
        name: args.name,
        urn: current?.urn ?? `${args.type}::${args.name}`,
        parent: current?.parent,
        id,
        custom: args.custom ?? true,
        inputs: args.inputs,
        state,
        options: current?.options ?? { retainOnDelete: false, protect: false, dependsOn: [] },
      });
      current = undefined;
      return { id, state };
    },
    call(args) {
      const answer = invokeAnswer(args.token, args.inputs, who);
      calls.push({ token: args.token, inputs: args.inputs, unanswered: answer === undefined });
      return answer ?? {};
    },
  };
  const attach: SynthEngine["attach"] = (monitor) => {
    const original = monitor.registerResource.bind(monitor);
    const self = monitor as any;
    if (typeof self.newUrn === "function") {
      // The mock monitor qualifies a child's type with its parent's last type only; the engine uses the whole chain.
      const plainUrn = self.newUrn.bind(monitor);
      self.newUrn = (parent: string | undefined, type: string, name: string): string =>
        qualifiedUrn(plainUrn(undefined, type, name), parent);
    }
    monitor.registerResource = (req: any, callback: any) => {
      const parent: string = req.getParent();
      current = {
        parent: parent || undefined,
        urn: typeof self.newUrn === "function" ? self.newUrn(parent, req.getType(), req.getName()) : `${req.getType()}::${req.getName()}`,
        options: { retainOnDelete: !!req.getRetainondelete(), protect: !!req.getProtect(), dependsOn: req.getDependenciesList() },
      };
      return original(req, callback);
    };
  };
  return { identity: who, resources, calls, mocks, attach };
}
