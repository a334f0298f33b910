import * as pulumi from "@pulumi/pulumi";

/** Deterministic identity every test runs as. */
export const ACCOUNT = "123456789012";
export const REGION = "us-east-1";
export const PARTITION = "aws";

/** One resource registered with the mock engine. */
export interface RecordedResource {
  type: string;
  name: string;
  inputs: Record<string, any>;
  /** The state the mock returned (inputs plus computed attributes such as `arn`). */
  state: Record<string, any>;
  id: string;
  urn: string;
  /** URN of the parent, when one was given. */
  parent?: string;
  /** URN of the explicit provider, when one was given. */
  provider?: string;
  /** Resource options the engine received. */
  options: { retainOnDelete: boolean; protect: boolean; ignoreChanges: string[]; dependsOn: string[] };
}

/** One invoke answered by the mock engine. */
export interface RecordedCall {
  token: string;
  inputs: Record<string, any>;
  provider?: string;
}

export const recorded: RecordedResource[] = [];
export const calls: RecordedCall[] = [];

/** Forgets every recorded resource and call (run before each test). */
export function resetRecorded(): void {
  recorded.length = 0;
  calls.length = 0;
}

const arnPrefix = (service: string) => `arn:${PARTITION}:${service}:${REGION}:${ACCOUNT}`;

/** Computed attributes for the types the library creates, derived from inputs only. */
export function computed(type: string, name: string, inputs: Record<string, any>): Record<string, any> {
  // A `namePrefix` (hostile or long component names) gets the provider's 26-character unique suffix.
  const n: string = inputs.name ?? (typeof inputs.namePrefix === "string" ? `${inputs.namePrefix}${"0".repeat(26)}` : name);
  switch (type) {
    case "aws:iam/role:Role":
      return { name: n, arn: `arn:${PARTITION}:iam::${ACCOUNT}:role${inputs.path ?? "/"}${n}`, uniqueId: `AROA${name.toUpperCase()}` };
    case "aws:iam/policy:Policy":
      return { name: n, arn: `arn:${PARTITION}:iam::${ACCOUNT}:policy/${n}` };
    case "aws:iam/instanceProfile:InstanceProfile":
      return { name: n, arn: `arn:${PARTITION}:iam::${ACCOUNT}:instance-profile/${n}` };
    case "aws:kms/key:Key":
      return { keyId: `${name}-id`, arn: `${arnPrefix("kms")}:key/${name}-id` };
    case "aws:kms/alias:Alias":
      return { arn: `${arnPrefix("kms")}:${n}` };
    case "aws:codecommit/repository:Repository": {
      const r = inputs.repositoryName;
      return {
        arn: `${arnPrefix("codecommit")}:${r}`,
        repositoryId: `${r}-id`,
        cloneUrlHttp: `https://git-codecommit.${REGION}.amazonaws.com/v1/repos/${r}`,
        cloneUrlSsh: `ssh://git-codecommit.${REGION}.amazonaws.com/v1/repos/${r}`,
      };
    }
    case "aws:codecommit/approvalRuleTemplate:ApprovalRuleTemplate":
      return { approvalRuleTemplateId: `${name}-id` };
    case "aws:sns/topic:Topic":
      return { name: n, arn: `${arnPrefix("sns")}:${n}` };
    case "aws:codebuild/project:Project":
      return { name: n, arn: `${arnPrefix("codebuild")}:project/${n}`, badgeUrl: "" };
    case "aws:codebuild/reportGroup:ReportGroup":
      return { name: n, arn: `${arnPrefix("codebuild")}:report-group/${n}` };
    case "aws:cloudwatch/logGroup:LogGroup":
      return { name: n, arn: `${arnPrefix("logs")}:log-group:${n}` };
    case "aws:cloudwatch/eventRule:EventRule":
      return { name: n, arn: `${arnPrefix("events")}:rule/${n}` };
    case "aws:cloudwatch/metricAlarm:MetricAlarm":
      return { name: n, arn: `${arnPrefix("cloudwatch")}:alarm:${n}` };
    case "aws:codestarnotifications/notificationRule:NotificationRule":
      return { name: n, arn: `${arnPrefix("codestar-notifications")}:notificationrule/${name}-id` };
    case "aws:lambda/function:Function":
      return { name: n, arn: `${arnPrefix("lambda")}:function:${n}` };
    case "aws:s3/bucket:Bucket":
    case "aws:s3/bucketV2:BucketV2": {
      const b = inputs.bucket ?? name;
      return { bucket: b, arn: `arn:${PARTITION}:s3:::${b}`, bucketRegionalDomainName: `${b}.s3.${REGION}.amazonaws.com` };
    }
    case "aws:codepipeline/pipeline:Pipeline":
      return { name: n, arn: `${arnPrefix("codepipeline")}:${n}` };
    case "aws:codeconnections/connection:Connection":
      return { name: n, arn: `${arnPrefix("codeconnections")}:connection/${name}-id`, connectionStatus: "PENDING" };
    case "aws:elasticbeanstalk/application:Application":
      return { name: n, arn: `${arnPrefix("elasticbeanstalk")}:application/${n}` };
    case "aws:codedeploy/application:Application":
      return { name: n, arn: `${arnPrefix("codedeploy")}:application:${n}`, applicationId: `${name}-id` };
    case "aws:codedeploy/deploymentGroup:DeploymentGroup":
      return {
        arn: `${arnPrefix("codedeploy")}:deploymentgroup:${inputs.appName}/${inputs.deploymentGroupName}`,
        deploymentGroupId: `${name}-id`,
      };
    case "aws:codedeploy/deploymentConfig:DeploymentConfig":
      return { arn: `${arnPrefix("codedeploy")}:deploymentconfig:${inputs.deploymentConfigName}`, deploymentConfigId: `${name}-id` };
    case "aws:ec2/launchTemplate:LaunchTemplate":
      return { arn: `${arnPrefix("ec2")}:launch-template/lt-${name}`, latestVersion: 1, defaultVersion: 1 };
    case "aws:autoscaling/group:Group":
      return { name: n, arn: `${arnPrefix("autoscaling")}:autoScalingGroup:${name}-id:autoScalingGroupName/${n}` };
    case "aws:elasticbeanstalk/environment:Environment":
      return {
        name: n,
        arn: `${arnPrefix("elasticbeanstalk")}:environment/${inputs.application}/${n}`,
        endpointUrl: `${n}.${REGION}.elasticbeanstalk.com`,
        cname: `${n}.${REGION}.elasticbeanstalk.com`,
      };
    default:
      return { arn: `${arnPrefix(type.split(":")[1]?.split("/")[0] ?? "unknown")}:${name}` };
  }
}

/** Ids that match what the provider uses as `id` (role and policy names, bucket names...). */
export function idOf(type: string, name: string, state: Record<string, any>): string {
  switch (type) {
    case "aws:iam/role:Role":
    case "aws:iam/instanceProfile:InstanceProfile":
    case "aws:sns/topic:Topic":
    case "aws:iam/policy:Policy":
      return type === "aws:sns/topic:Topic" || type === "aws:iam/policy:Policy" ? state.arn : state.name;
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

/** Answers to the invokes the library uses. */
export function answer(token: string, inputs: Record<string, any>): Record<string, any> {
  switch (token) {
    case "aws:index/getCallerIdentity:getCallerIdentity":
      return { accountId: ACCOUNT, arn: `arn:${PARTITION}:iam::${ACCOUNT}:user/test`, userId: "AIDATEST", id: ACCOUNT };
    case "aws:index/getRegion:getRegion":
      return { name: REGION, region: REGION, endpoint: `ec2.${REGION}.amazonaws.com`, description: "US East (N. Virginia)", id: REGION };
    case "aws:index/getPartition:getPartition":
      return { partition: PARTITION, dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws", id: PARTITION };
    case "aws:ssm/getParameter:getParameter":
      return {
        name: inputs.name,
        arn: `${arnPrefix("ssm")}:parameter${inputs.name}`,
        type: "String",
        value: "ami-0123456789abcdef0",
        version: 1,
        insecureValue: "ami-0123456789abcdef0",
        id: inputs.name,
      };
    case "aws:elasticbeanstalk/getSolutionStack:getSolutionStack":
      return { name: "64bit Amazon Linux 2023 v6.6.0 running Node.js 22", nameRegex: inputs.nameRegex, mostRecent: true, id: "stack" };
    default:
      throw new Error(`The test harness has no answer for invoke ${token}; add one in test/harness/mocks.ts.`);
  }
}

let installed = false;
/** Parent and URN of the registration being answered (the mock API does not pass them). */
let current: { parent?: string; urn?: string; options?: RecordedResource["options"] } = {};

/** Wraps the mock monitor so each registration's parent and URN reach `newResource`. */
function captureParents(): void {
  const { MockMonitor } = require("@pulumi/pulumi/runtime/mocks");
  const original = MockMonitor.prototype.registerResource;
  MockMonitor.prototype.registerResource = function (this: any, req: any, callback: any) {
    const parent: string = req.getParent();
    current = {
      parent: parent || undefined,
      urn: this.newUrn(parent, req.getType(), req.getName()),
      options: {
        retainOnDelete: req.getRetainondelete(),
        protect: req.getProtect(),
        ignoreChanges: req.getIgnorechangesList(),
        dependsOn: req.getDependenciesList(),
      },
    };
    return original.call(this, req, callback);
  };
}

/** Installs the recording mock engine (once per process). */
export function installMocks(project = "aws-cicd-test", stack = "test"): void {
  if (installed) return;
  installed = true;
  captureParents();
  pulumi.runtime.setMocks(
    {
      newResource(args: pulumi.runtime.MockResourceArgs) {
        const state = { ...args.inputs, ...computed(args.type, args.name, args.inputs) };
        const id = idOf(args.type, args.name, state);
        recorded.push({
          type: args.type,
          name: args.name,
          inputs: args.inputs,
          state,
          id,
          urn: current.urn ?? `${args.type}::${args.name}`,
          parent: current.parent,
          provider: args.provider,
          options: current.options ?? { retainOnDelete: false, protect: false, ignoreChanges: [], dependsOn: [] },
        });
        return { id, state };
      },
      call(args: pulumi.runtime.MockCallArgs) {
        calls.push({ token: args.token, inputs: args.inputs, provider: args.provider });
        return answer(args.token, args.inputs);
      },
    },
    project,
    stack,
    false,
  );
}
