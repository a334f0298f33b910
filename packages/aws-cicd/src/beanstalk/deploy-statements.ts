/**
 * The statements a role needs to deploy to Elastic Beanstalk environments with the CodePipeline
 * `ElasticBeanstalk` deploy action (the pipeline role, or a cross-account deploy role), built from
 * the action lists of ./policies.ts. Every action's source is in PERMISSIONS.md.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ManagedPolicyPart } from "../pipeline/action-types";
import { fromContext, regionalArnOf } from "../internal/aws-context";
import { PolicyStatement } from "../security/iam";
import {
  BeanstalkArnContext,
  beanstalkArn,
  beanstalkBucketArn,
  BeanstalkDeployTargetInfo,
  BEANSTALK_ENVIRONMENT_ID_TAG,
  DEPLOY_ADDRESS_ACTIONS,
  DEPLOY_ALARM_ACTIONS,
  DEPLOY_ARTIFACT_READ_ACTIONS,
  DEPLOY_AUTOSCALING_ACTIONS,
  DEPLOY_BUCKET_ACTIONS,
  DEPLOY_BUCKET_CREATE_ACTIONS,
  DEPLOY_BUCKET_OBJECT_ACTIONS,
  DEPLOY_DESCRIBE_ACTIONS,
  DEPLOY_ENVIRONMENT_ACTIONS,
  DEPLOY_EVENT_ACTIONS,
  DEPLOY_LAUNCH_TEMPLATE_ACTIONS,
  DEPLOY_LAUNCH_TEMPLATE_CREATE_ACTIONS,
  DEPLOY_PASS_ROLE_ACTIONS,
  DEPLOY_PLATFORM_ACTIONS,
  DEPLOY_RUN_INSTANCES_ACTIONS,
  DEPLOY_STACK_ACTIONS,
  DEPLOY_TAG_ON_CREATE_ACTIONS,
  DEPLOY_TARGET_ACTIONS,
  DEPLOY_TERMINATE_ACTIONS,
  DEPLOY_VERSION_ACTIONS,
  RUN_INSTANCES_RESOURCE_TYPES,
} from "./policies";
import { interpolate } from "../internal/interpolate";

/** Arguments of {@link beanstalkDeployStatements}. */
export interface BeanstalkDeployPolicyArgs extends BeanstalkDeployTargetInfo {
  /** Account, partition and region of the environment. */
  ctx: BeanstalkArnContext;
  /** ARN of the pipeline's artifact bucket, from which the source bundle is read. */
  artifactBucketArn: pulumi.Input<string>;
}

/**
 * Statements a pipeline role needs to deploy to one environment with the CodePipeline
 * `ElasticBeanstalk` deploy action: register an application version, call
 * `UpdateEnvironment`, and everything `UpdateEnvironment` then does with the caller's
 * permissions (stage the bundle in the Elastic Beanstalk bucket, update the
 * environment's CloudFormation stacks, Auto Scaling groups, instances, target groups and
 * alarms). Scoped to this application, environment (by name and id), account and region;
 * the remaining broad permissions are listed with their reasons in the component README.
 * The artifact key's `kms:Decrypt` (through S3) is the pipeline's grant, not part of this list.
 */
export function beanstalkDeployStatements(a: BeanstalkDeployPolicyArgs): PolicyStatement[] {
  return beanstalkDeployStatementsForTargets({ targets: [a], ctx: a.ctx, artifactBucketArn: a.artifactBucketArn });
}

/** Arguments of {@link beanstalkDeployStatementsForTargets}. */
export interface BeanstalkMultiDeployPolicyArgs {
  /** The environments deployed to, in one account and region (at least one). */
  targets: BeanstalkDeployTargetInfo[];
  /** Account, partition and region of the environments. */
  ctx: BeanstalkArnContext;
  /** ARN of the pipeline's artifact bucket, from which the source bundles are read. */
  artifactBucketArn: pulumi.Input<string>;
}

/** The inputs without repeats (equal strings, or the very same Output). */
function distinct<T>(values: T[]): T[] {
  return values.filter((v, i) => values.indexOf(v) === i);
}

/**
 * The statements of {@link beanstalkDeployStatements} for several environments at once (e.g.
 * dev and prod of one pipeline): the same statements, each listing every environment's
 * resources, so that the role's policy grows by a few ARNs per environment instead of a whole
 * statement list (IAM limits a role's inline policies to 10,240 characters). With one target
 * the result equals `beanstalkDeployStatements`.
 */
export function beanstalkDeployStatementsForTargets(a: BeanstalkMultiDeployPolicyArgs): PolicyStatement[] {
  const { ctx, targets } = a;
  if (targets.length === 0) throw new Error("`targets` must hold at least one Elastic Beanstalk environment.");
  // One Output of the context for every ARN below (an interpolate per ARN made most of this policy's Outputs).
  const regional = (service: string, value: pulumi.Input<string>, resource?: (v: string) => string) =>
    regionalArnOf(ctx, service, value, resource);
  const applications = distinct(targets.map((t) => t.applicationName)).map((name) => ({
    arn: targets.find((t) => t.applicationName === name)!.applicationArn,
    versions: beanstalkArn(ctx, name, (n) => `applicationversion/${n}/*`),
  }));
  const appArns = distinct(applications.map((x) => x.arn));
  const versions = applications.map((x) => x.versions);
  const environments = distinct(targets.map((t) => t.environmentArn));
  const ids = distinct(targets.map((t) => t.environmentId));
  const stacks = ids.map((id) => regional("cloudformation", id, (i) => `stack/awseb-${i}-*`));
  const bucket = beanstalkBucketArn(ctx);
  const envIdTag = (scope: "aws:RequestTag" | "ec2:ResourceTag" | "aws:ResourceTag") => ({
    StringEquals: { [`${scope}/${BEANSTALK_ENVIRONMENT_ID_TAG}`]: ids.length === 1 ? ids[0] : ids },
  });
  const template = regional("ec2", "launch-template/*");
  return [
    // Events are followed on the application, its versions and the environments: the two statements
    // naming those resources carry the events action rather than a third statement repeating them.
    {
      sid: "RegisterApplicationVersions",
      actions: [...DEPLOY_VERSION_ACTIONS, ...DEPLOY_EVENT_ACTIONS],
      resources: [...appArns, ...versions],
    },
    { sid: "UpdateEnvironment", actions: [...DEPLOY_ENVIRONMENT_ACTIONS, ...DEPLOY_EVENT_ACTIONS], resources: environments },
    {
      sid: "ReadPlatformVersions",
      actions: [...DEPLOY_PLATFORM_ACTIONS],
      resources: [
        fromContext(
          ctx,
          "arn:<partition>:elasticbeanstalk:<region>::platform/*",
          (c) => `arn:${c.partition}:elasticbeanstalk:${c.region}::platform/*`,
        ),
      ],
    },
    { sid: "ReadPipelineArtifacts", actions: [...DEPLOY_ARTIFACT_READ_ACTIONS], resources: [interpolate`${a.artifactBucketArn}/*`] },
    {
      sid: "StageBundleInBeanstalkBucket",
      actions: [...DEPLOY_BUCKET_OBJECT_ACTIONS],
      resources: [
        ...distinct(targets.map((t) => t.applicationName)).map((app) => interpolate`${bucket}/${app}/*`),
        ...ids.map((id) => interpolate`${bucket}/resources/environments/${id}/*`),
      ],
    },
    { sid: "ReadBeanstalkBucket", actions: [...DEPLOY_BUCKET_ACTIONS], resources: [bucket] },
    { sid: "CreateBeanstalkBucketOnFirstUse", actions: [...DEPLOY_BUCKET_CREATE_ACTIONS], resources: [bucket] },
    { sid: "UpdateEnvironmentStacks", actions: [...DEPLOY_STACK_ACTIONS], resources: stacks.map((s) => interpolate`${s}/*`) },
    {
      sid: "ScaleEnvironmentGroups",
      actions: [...DEPLOY_AUTOSCALING_ACTIONS],
      resources: ids.map((id) => regional("autoscaling", id, (i) => `autoScalingGroup:*:autoScalingGroupName/awseb-${i}-*`)),
    },
    { sid: "DescribeEnvironmentResources", actions: [...DEPLOY_DESCRIBE_ACTIONS], resources: ["*"] },
    {
      sid: "CreateEnvironmentLaunchTemplates",
      actions: [...DEPLOY_LAUNCH_TEMPLATE_CREATE_ACTIONS],
      resources: [template],
      conditions: envIdTag("aws:RequestTag"),
    },
    // One statement for everything scoped by the environment id tag: each action applies only to its
    // own resource types (templates; the address and the instance), so sharing the list grants nothing more.
    {
      sid: "ActOnEnvironmentTaggedResources",
      actions: [...DEPLOY_LAUNCH_TEMPLATE_ACTIONS, ...DEPLOY_RUN_INSTANCES_ACTIONS, ...DEPLOY_ADDRESS_ACTIONS],
      resources: [template, regional("ec2", "elastic-ip/*"), regional("ec2", "instance/*")],
      conditions: envIdTag("ec2:ResourceTag"),
    },
    {
      sid: "LaunchInstancesFromTemplates",
      actions: [...DEPLOY_RUN_INSTANCES_ACTIONS],
      resources: [
        ...RUN_INSTANCES_RESOURCE_TYPES.map((type) => regional("ec2", `${type}/*`)),
        fromContext(ctx, "arn:<partition>:ec2:<region>::image/*", (c) => `arn:${c.partition}:ec2:${c.region}::image/*`),
      ],
      conditions: { ArnLike: { "ec2:LaunchTemplate": template } },
    },
    {
      sid: "TagOnCreate",
      actions: [...DEPLOY_TAG_ON_CREATE_ACTIONS],
      resources: [regional("ec2", "*")],
      conditions: { StringEquals: { "ec2:CreateAction": ["CreateLaunchTemplate", "RunInstances"] } },
    },
    {
      sid: "TerminateEnvironmentInstances",
      actions: [...DEPLOY_TERMINATE_ACTIONS],
      resources: [regional("ec2", "instance/*")],
      conditions: { StringLike: { "ec2:ResourceTag/aws:cloudformation:stack-id": stacks.length === 1 ? stacks[0] : stacks } },
    },
    {
      sid: "RegisterTargets",
      actions: [...DEPLOY_TARGET_ACTIONS],
      resources: [regional("elasticloadbalancing", "targetgroup/awseb-*")],
      conditions: envIdTag("aws:ResourceTag"),
    },
    {
      sid: "UpdateScalingAlarms",
      actions: [...DEPLOY_ALARM_ACTIONS],
      resources: ids.map((id) => regional("cloudwatch", id, (i) => `alarm:awseb-${i}-*`)),
    },
    {
      sid: "PassInstanceRoleToEc2",
      actions: [...DEPLOY_PASS_ROLE_ACTIONS],
      resources: distinct(targets.map((t) => t.instanceRoleArn)),
      conditions: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } },
    },
  ];
}

/** Services of the statements about an environment's instances, groups, load balancers and alarms. */
const INSTANCE_SERVICES = ["autoscaling", "cloudwatch", "ec2", "elasticloadbalancing"];

/** Whether every action of the statement is of {@link INSTANCE_SERVICES}. */
function isInstanceStatement(s: PolicyStatement): boolean {
  return s.actions.every((a) => INSTANCE_SERVICES.includes(a.split(":")[0]));
}

/**
 * The deploy statements in two customer managed policies (6,144 characters each), so that the
 * role's inline policies (10,240 characters together) keep room for its other grants: the
 * environments' own resources (Elastic Beanstalk, CloudFormation, S3, IAM), and their instances,
 * groups, load balancers and alarms. Used by the pipeline role and the cross-account deploy role.
 */
export function beanstalkDeployPolicyParts(statements: PolicyStatement[]): ManagedPolicyPart[] {
  return [
    { name: "beanstalk-deploy-environments", statements: statements.filter((s) => !isInstanceStatement(s)) },
    { name: "beanstalk-deploy-instances", statements: statements.filter(isInstanceStatement) },
  ];
}
