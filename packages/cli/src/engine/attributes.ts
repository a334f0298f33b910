/**
 * The attributes the mock engine computes for a registered resource, in AWS's formats, derived
 * only from the inputs, the resource's name and the engine's identity (account, region,
 * partition), so that one program always gives one answer.
 */
import type { EngineIdentity } from "./identity";

/** The provider's random suffix after a `namePrefix` is 26 characters long; the engine uses zeros. */
export const NAME_PREFIX_SUFFIX = "0".repeat(26);

/** The physical name: `name` when given, else `namePrefix` plus the provider's suffix, else the resource's name. */
export function physicalName(name: string, inputs: Record<string, any>): string {
  if (typeof inputs.name === "string") return inputs.name;
  if (typeof inputs.namePrefix === "string") return `${inputs.namePrefix}${NAME_PREFIX_SUFFIX}`;
  return name;
}

/** Computed attributes for a resource type (ARNs, ids, URLs); every type the library creates has its own. */
export function computedAttributes(type: string, name: string, inputs: Record<string, any>, who: EngineIdentity): Record<string, any> {
  const { account, region, partition } = who;
  const arn = (service: string, rest: string) => `arn:${partition}:${service}:${region}:${account}:${rest}`;
  const n = physicalName(name, inputs);
  const iamPath: string = typeof inputs.path === "string" ? inputs.path : "/";
  switch (type) {
    case "aws:iam/role:Role":
      return { name: n, arn: `arn:${partition}:iam::${account}:role${iamPath}${n}`, uniqueId: `AROA${name.toUpperCase()}` };
    case "aws:iam/policy:Policy":
      return { name: n, arn: `arn:${partition}:iam::${account}:policy${iamPath}${n}` };
    case "aws:iam/instanceProfile:InstanceProfile":
      return { name: n, arn: `arn:${partition}:iam::${account}:instance-profile${iamPath}${n}` };
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

/** The id the provider would use: names for roles and instance profiles, ARNs for topics and policies, bucket names... */
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
