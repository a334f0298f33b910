import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { checkedKey } from "../internal/arns";
import { interpolate } from "../internal/interpolate";
import { HiddenChild } from "../internal/hidden-child";
import { stackScopedName } from "../internal/naming";
import { keyOrNew } from "../security/encryption-key";
import { attachStatements, AwsContext, createServiceRole } from "../security/iam";
import { ECS_FARGATE_DEFAULTS, ECS_RESOURCE_NAME, EcsFargateServiceArgs } from "./fargate-service-args";
import { ecsExecutionRoleStatements, ECS_TASKS_SERVICE } from "./policies";

/** ECR repository names: lowercase, up to 256 characters. https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html */
const ECR_REPOSITORY_NAME = {
  ...ECS_RESOURCE_NAME,
  kind: "ECR repository name",
  maxLength: 256,
  doc: "https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html",
};
/**
 * What the created repository's lifecycle policy keeps: untagged images (layers of interrupted or
 * replaced pushes) expire after `untaggedExpiryDays`, and only the newest `imagesKept` images are
 * kept, enough to roll back to any recent deploy.
 * https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html
 */
export const ECR_LIFECYCLE = { untaggedExpiryDays: 14, imagesKept: 100 } as const;

/** The lifecycle policy document of {@link ECR_LIFECYCLE} (a rule on `any` tag status must come last). */
export function ecrLifecyclePolicy(): string {
  return JSON.stringify({
    rules: [
      {
        rulePriority: 1,
        description: `Expire untagged images after ${ECR_LIFECYCLE.untaggedExpiryDays} days`,
        selection: {
          tagStatus: "untagged",
          countType: "sinceImagePushed",
          countUnit: "days",
          countNumber: ECR_LIFECYCLE.untaggedExpiryDays,
        },
        action: { type: "expire" },
      },
      {
        rulePriority: 2,
        description: `Keep the newest ${ECR_LIFECYCLE.imagesKept} images`,
        selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: ECR_LIFECYCLE.imagesKept },
        action: { type: "expire" },
      },
    ],
  });
}

/** The only egress of the tasks' security group: HTTPS (ECR, CloudWatch Logs, AWS APIs). */
export const FARGATE_EGRESS_PORT = 443;

/** What {@link createFargateService} needs. */
export interface FargateInputs {
  /** Component name. */
  name: string;
  /** The service's settings. */
  fargate: EcsFargateServiceArgs;
  /** Partition, region and account. */
  ctx: AwsContext;
  /** The blue target group, when the service deploys blue/green (its deployment controller is then CodeDeploy). */
  blueTargetGroupArn?: pulumi.Input<string>;
  /**
   * Tags of what is created.
   * @default - no tags.
   */
  tags?: Record<string, string>;
  /** The component. */
  parent: pulumi.Resource;
}

/** What {@link createFargateService} creates. */
export interface FargateService {
  repository: aws.ecr.Repository;
  repositoryUrl: pulumi.Output<string>;
  repositoryArn: pulumi.Output<string>;
  logGroup: aws.cloudwatch.LogGroup;
  cluster?: aws.ecs.Cluster;
  clusterName: pulumi.Output<string>;
  executionRole: aws.iam.Role;
  taskRole: aws.iam.Role;
  securityGroup: aws.ec2.SecurityGroup;
  taskDefinition: aws.ecs.TaskDefinition;
  family: string;
  service: aws.ecs.Service;
}

/** The container of the task definition: non-root, read-only root filesystem by default, logs to the encrypted group. */
export function containerDefinitions(
  f: EcsFargateServiceArgs,
  image: pulumi.Input<string>,
  logGroupName: pulumi.Input<string>,
  region: pulumi.Input<string>,
): pulumi.Output<string> {
  const d = ECS_FARGATE_DEFAULTS;
  return pulumi.all([image, logGroupName, region]).apply(([img, group, r]) =>
    JSON.stringify([
      {
        name: f.containerName ?? d.containerName,
        image: img,
        essential: true,
        user: f.user ?? d.user,
        readonlyRootFilesystem: f.readonlyRootFilesystem ?? d.readonlyRootFilesystem,
        privileged: false,
        portMappings: [{ containerPort: f.containerPort, protocol: "tcp" }],
        logConfiguration: {
          logDriver: "awslogs",
          options: { "awslogs-group": group, "awslogs-region": r, "awslogs-stream-prefix": "ecs" },
        },
      },
    ]),
  );
}

/**
 * A Fargate service: an ECR repository (immutable tags, scan on push, encrypted under the
 * component's customer key, a lifecycle policy), an encrypted log group,
 * a cluster unless one is named, an execution role pulling from exactly that repository and writing
 * to exactly that log group, a task role with no permission, a security group (HTTPS egress,
 * ingress on the container port from the given groups only), the task definition and the service
 * in private subnets without public IP.
 */
export function createFargateService(i: FargateInputs): FargateService {
  const { name, fargate: f, ctx, tags, parent } = i;
  const d = ECS_FARGATE_DEFAULTS;
  const opts = { parent };
  if (f.readonlyRootFilesystem === false) {
    pulumi.log.warn(
      `EcsServiceTarget ${name}: the container's root filesystem is writable (\`fargateService.readonlyRootFilesystem: false\`).`,
      parent,
    );
  }
  const key = keyOrNew(name, checkedKey("fargateService.encryptionKey", f.encryptionKey), parent, { allowEcrRepositories: true });
  const repositoryName = stackScopedName(name, ECR_REPOSITORY_NAME).toLowerCase();
  const repository = new aws.ecr.Repository(
    `${name}-repository`,
    {
      name: repositoryName,
      imageTagMutability: "IMMUTABLE",
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: key.keyArn }],
      tags,
    },
    opts,
  );
  // The lifecycle policy and the security group's rules are not exposed: hidden children.
  new HiddenChild(
    aws.ecr.LifecyclePolicy,
    `${name}-repository-lifecycle`,
    { repository: repository.name, policy: ecrLifecyclePolicy() },
    [],
    opts,
  );
  // ARNs and URL from the names, as AWS forms them, so that they are known before the resources exist.
  const repositoryArn = interpolate`arn:${ctx.partition}:ecr:${ctx.region}:${ctx.accountId}:repository/${repository.name}`;
  const repositoryUrl = pulumi.interpolate`${ctx.accountId}.dkr.ecr.${ctx.region}.${ctx.dnsSuffix}/${repository.name}`;
  const logGroupName = `/aws/ecs/${stackScopedName(name, ECS_RESOURCE_NAME)}`;
  const logGroup = new aws.cloudwatch.LogGroup(
    `${name}-logs`,
    {
      name: logGroupName,
      retentionInDays: f.logRetentionInDays ?? d.logRetentionInDays,
      kmsKeyId: key.keyArn,
      tags,
    },
    opts,
  );
  const cluster =
    f.clusterName === undefined
      ? new aws.ecs.Cluster(
          `${name}-cluster`,
          { name: stackScopedName(name, ECS_RESOURCE_NAME), settings: [{ name: "containerInsights", value: "enabled" }], tags },
          opts,
        )
      : undefined;
  const clusterName: pulumi.Output<string> = cluster?.name ?? pulumi.output(f.clusterName!);
  const role = (suffix: string, description: string) =>
    // ecs-tasks sends no documented source keys for these roles; who may hand them to tasks is
    // controlled by iam:PassRole, which the pipeline and CodeDeploy roles hold on exactly these roles.
    createServiceRole(`${name}-${suffix}`, { service: ECS_TASKS_SERVICE, description, tags }, parent);
  const executionRole = role("execution-role", `ECS execution role of ${name}: pulls its images, writes its logs (aws-cicd)`);
  const executionPolicy = attachStatements(
    `${name}-execution-policy`,
    executionRole.name,
    ecsExecutionRoleStatements(
      repositoryArn,
      interpolate`arn:${ctx.partition}:logs:${ctx.region}:${ctx.accountId}:log-group:${logGroup.name}`,
    ),
    parent,
  );
  const taskRole = role("task-role", `ECS task role of ${name}: what its containers may call, nothing by default (aws-cicd)`);

  const securityGroup = new aws.ec2.SecurityGroup(
    `${name}-sg`,
    {
      description: `Tasks of ${name} (aws-cicd): ingress on the container port from named groups, HTTPS egress`,
      vpcId: f.vpcId,
      revokeRulesOnDelete: true,
      tags,
    },
    opts,
  );
  new HiddenChild(
    aws.vpc.SecurityGroupEgressRule,
    `${name}-sg-egress-https`,
    {
      securityGroupId: securityGroup.id,
      description: "HTTPS to ECR, CloudWatch Logs and AWS APIs",
      ipProtocol: "tcp",
      fromPort: FARGATE_EGRESS_PORT,
      toPort: FARGATE_EGRESS_PORT,
      cidrIpv4: "0.0.0.0/0",
    },
    [],
    opts,
  );
  (f.ingressSecurityGroupIds ?? []).forEach(
    (sg, n) =>
      new HiddenChild(
        aws.vpc.SecurityGroupIngressRule,
        `${name}-sg-ingress-${n}`,
        {
          securityGroupId: securityGroup.id,
          description: "The container port, from a named group",
          ipProtocol: "tcp",
          fromPort: f.containerPort,
          toPort: f.containerPort,
          referencedSecurityGroupId: sg,
        },
        [],
        opts,
      ),
  );

  const family = stackScopedName(name, ECS_RESOURCE_NAME);
  const image = f.image ?? interpolate`${repositoryUrl}:${d.initialImageTag}`;
  const taskDefinition = new aws.ecs.TaskDefinition(
    `${name}-task`,
    {
      family,
      requiresCompatibilities: ["FARGATE"],
      networkMode: "awsvpc",
      cpu: String(f.cpu ?? d.cpu),
      memory: String(f.memory ?? d.memory),
      executionRoleArn: executionRole.arn,
      taskRoleArn: taskRole.arn,
      containerDefinitions: containerDefinitions(f, image, logGroup.name, ctx.region),
      tags,
    },
    { parent, dependsOn: [executionPolicy] },
  );
  const targetGroupArn = i.blueTargetGroupArn ?? f.targetGroupArn;
  const service = new aws.ecs.Service(
    `${name}-service`,
    {
      name: stackScopedName(name, ECS_RESOURCE_NAME),
      cluster: clusterName,
      taskDefinition: taskDefinition.arn,
      desiredCount: f.desiredCount ?? d.desiredCount,
      launchType: "FARGATE",
      networkConfiguration: { subnets: f.subnetIds, securityGroups: [securityGroup.id], assignPublicIp: false },
      deploymentController: { type: i.blueTargetGroupArn !== undefined ? "CODE_DEPLOY" : "ECS" },
      ...(i.blueTargetGroupArn === undefined ? { deploymentCircuitBreaker: { enable: true, rollback: true } } : {}),
      ...(targetGroupArn !== undefined
        ? { loadBalancers: [{ targetGroupArn, containerName: f.containerName ?? d.containerName, containerPort: f.containerPort }] }
        : {}),
      enableEcsManagedTags: true,
      propagateTags: "SERVICE",
      tags,
    },
    // The pipeline registers new revisions and moves the service to them (and CodeDeploy swaps
    // target groups): the program keeps its first revision and does not undo deploys.
    { parent, ignoreChanges: i.blueTargetGroupArn !== undefined ? ["taskDefinition", "loadBalancers"] : ["taskDefinition"] },
  );
  return {
    repository,
    repositoryUrl,
    repositoryArn,
    logGroup,
    cluster,
    clusterName,
    executionRole,
    taskRole,
    securityGroup,
    taskDefinition,
    family,
    service,
  };
}
