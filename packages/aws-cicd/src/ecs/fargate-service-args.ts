import * as pulumi from "@pulumi/pulumi";
import { NameRule } from "../internal/naming";
import { KeyReference } from "../security/encryption-key";

/** Defaults of a created Fargate service (`fargateService`), named by the docs. */
export const ECS_FARGATE_DEFAULTS = {
  /** Name of the service's one container. */
  containerName: "app",
  /** Task CPU units (0.25 vCPU). */
  cpu: 256,
  /** Task memory, MiB. */
  memory: 512,
  /** Tasks kept running: two, so that one can fail or be replaced without an outage. */
  desiredCount: 2,
  /** The container runs as this user and group: not root. */
  user: "1000:1000",
  /** The container's root filesystem is read-only. */
  readonlyRootFilesystem: true,
  /** Days the container logs are kept. */
  logRetentionInDays: 365,
  /** Tag of the created repository's image the service starts with, when `image` is not given. */
  initialImageTag: "initial",
} as const;

/** Fargate task sizes: memory (MiB) allowed for each CPU value. https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size */
export const FARGATE_TASK_SIZES: Readonly<Record<number, readonly number[]>> = {
  256: [512, 1024, 2048],
  512: [1024, 2048, 3072, 4096],
  1024: Array.from({ length: 7 }, (_, i) => 2048 + i * 1024),
  2048: Array.from({ length: 13 }, (_, i) => 4096 + i * 1024),
  4096: Array.from({ length: 23 }, (_, i) => 8192 + i * 1024),
};

/** ECS names (cluster, service, family, container): up to 255 letters, digits, `-` and `_`. */
export const ECS_RESOURCE_NAME: NameRule = {
  kind: "ECS name",
  maxLength: 255,
  doc: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html",
};

/**
 * A hardened Fargate service the component creates: tasks in private subnets without public IP,
 * one container running as a non-root user with a read-only root filesystem, logs encrypted under
 * the component's key, an ECR repository (immutable tags, scan on push, encrypted under the same
 * customer key, a lifecycle policy) to push
 * images to, and a task role and an execution role, each with only what it needs.
 */
export interface EcsFargateServiceArgs {
  /** The VPC of `subnetIds`. */
  vpcId: pulumi.Input<string>;
  /** Private subnets of the tasks (they get no public IP: reach ECR and CloudWatch Logs through a NAT gateway or VPC endpoints). */
  subnetIds: pulumi.Input<string>[];
  /** Port the container listens on. */
  containerPort: number;
  /**
   * Image the service starts with; each deploy then replaces it.
   * @default - `<created repository URL>:initial` (push it before the tasks can start).
   */
  image?: pulumi.Input<string>;
  /**
   * Name of the container (the `name` of `imagedefinitions.json`).
   * @default "app" (`ECS_FARGATE_DEFAULTS.containerName`)
   */
  containerName?: string;
  /**
   * Task CPU units: 256, 512, 1024, 2048 or 4096.
   * @default 256 (`ECS_FARGATE_DEFAULTS.cpu`)
   */
  cpu?: number;
  /**
   * Task memory, MiB, one of the sizes Fargate allows for `cpu` (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size).
   * @default 512 (`ECS_FARGATE_DEFAULTS.memory`)
   */
  memory?: number;
  /**
   * Tasks kept running.
   * @default 2 (`ECS_FARGATE_DEFAULTS.desiredCount`)
   */
  desiredCount?: number;
  /**
   * User (and group) the container runs as; root (`root`, `0`, `0:<group>`) is refused.
   * @default "1000:1000" (`ECS_FARGATE_DEFAULTS.user`)
   */
  user?: string;
  /**
   * Mount the container's root filesystem read-only. Set `false` only for an image that must write
   * outside its volumes (logged as a warning).
   * @default true (`ECS_FARGATE_DEFAULTS.readonlyRootFilesystem`)
   */
  readonlyRootFilesystem?: boolean;
  /**
   * Security groups (e.g. the load balancer's) allowed to reach `containerPort`.
   * @default - no ingress.
   */
  ingressSecurityGroupIds?: pulumi.Input<string>[];
  /**
   * Cluster to run in.
   * @default - a new cluster with Container Insights.
   */
  clusterName?: string;
  /**
   * Days the container logs are kept (a value CloudWatch Logs accepts).
   * @default 365 (`ECS_FARGATE_DEFAULTS.logRetentionInDays`)
   */
  logRetentionInDays?: number;
  /**
   * Customer managed key encrypting the container logs and the ECR repository. ECR creates grants
   * on it with the repository, so an `EncryptionKey` given here needs `allowEcrRepositories: true`
   * (refused otherwise); a key named by ARN only needs the same in its key policy, and whoever runs
   * `pulumi up` needs `kms:CreateGrant`, `kms:RetireGrant` and `kms:DescribeKey` on it
   * (https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html).
   * @default - a new `EncryptionKey` `<name>-key` with `allowEcrRepositories`.
   */
  encryptionKey?: KeyReference;
  /**
   * Target group the service registers its tasks in, for a rolling service behind a load balancer.
   * With `blueGreen`, the blue target group is used: leave this out.
   * @default - no load balancer (with `blueGreen`: the blue target group).
   */
  targetGroupArn?: pulumi.Input<string>;
}
