/**
 * Trust and permission statements of a {@link CrossAccountDeployRole}: the role a pipeline's
 * deploy action runs as in the target account.
 *
 * - STS: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html
 * - S3: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
 * - KMS: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awskeymanagementservice.html
 * - the deploy statements of each target kind: the `crossAccount` declaration of its deploy action
 *   kind (`pipeline/actions/beanstalk-deploy.ts`, `pipeline/actions/codedeploy-deploy.ts`)
 */
import * as pulumi from "@pulumi/pulumi";
import { BeanstalkDeployTargetInfo } from "../beanstalk/policies";
import { CodeDeployTargetInfo } from "../codedeploy/policies";
import { EcsBlueGreenDeployTargetInfo, EcsServiceDeployTargetInfo } from "../ecs/policies";
import type { CrossAccountDeployTargetKind, ManagedPolicyPart } from "../pipeline/action-types";
import { ACTION_KIND_NAMES, ACTION_KINDS } from "../pipeline/actions";
import { AwsContext, PolicyConditions, PolicyStatement } from "../security/iam";
import { interpolate } from "../internal/interpolate";

/**
 * What the pipeline role may do with the deploy role: assume it (STS).
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-create-cross-account.html
 */
export const DEPLOY_ROLE_ASSUME_ACTIONS = ["sts:AssumeRole"] as const;
/**
 * What the deploy role may do on the pipeline's artifact objects: read them (S3).
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-create-cross-account.html
 */
export const DEPLOY_ROLE_ARTIFACT_READ_ACTIONS = ["s3:GetObject", "s3:GetObjectVersion"] as const;
/**
 * What the deploy role may do on the artifact bucket: find its region. Cross-account access needs
 * the permission on both sides; the bucket policy grants it to the role, and so must the role's own policy.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-walkthroughs-managing-access-example2.html
 */
export const DEPLOY_ROLE_ARTIFACT_BUCKET_ACTIONS = ["s3:GetBucketLocation"] as const;
/**
 * What the deploy role may do with the artifact key, through S3 only: decrypt artifacts (KMS).
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-create-cross-account.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
 */
export const DEPLOY_ROLE_ARTIFACT_KEY_ACTIONS = ["kms:Decrypt"] as const;

/**
 * The trust policy: only the exact role(s) named (the pipeline role, or the build roles of a
 * `PulumiStack`), with the external id when one is given.
 */
export function crossAccountDeployTrustStatements(
  trustedRoleArns: pulumi.Input<string> | pulumi.Input<string>[],
  externalId?: string,
  sid = "TrustPipelineRole",
): PolicyStatement[] {
  const conditions: PolicyConditions = {};
  if (externalId !== undefined) conditions.StringEquals = { "sts:ExternalId": externalId };
  const aws = Array.isArray(trustedRoleArns) ? trustedRoleArns : [trustedRoleArns];
  return [{ sid, principals: { aws }, actions: [...DEPLOY_ROLE_ASSUME_ACTIONS], conditions }];
}

/** Where the pipeline keeps its artifacts (in the pipeline's account and region). */
export interface PipelineArtifactsInfo {
  /** ARN of the artifact bucket, `arn:<partition>:s3:::<name>`. */
  artifactBucketArn: pulumi.Input<string>;
  /** ARN of the customer managed key the artifacts are encrypted with. */
  artifactKeyArn: pulumi.Input<string>;
  /** Region of the pipeline (and of its bucket and key). */
  artifactRegion: pulumi.Input<string>;
}

/**
 * Read the pipeline's artifact objects, and decrypt them with the artifact key only when S3
 * calls KMS for them (`kms:ViaService` = `s3.<pipeline region>.<dns suffix>`).
 */
export function artifactReadStatements(a: PipelineArtifactsInfo, ctx: Pick<AwsContext, "dnsSuffix">): PolicyStatement[] {
  return [
    {
      sid: "ReadPipelineArtifacts",
      actions: [...DEPLOY_ROLE_ARTIFACT_READ_ACTIONS],
      resources: [interpolate`${a.artifactBucketArn}/*`],
    },
    { sid: "LocatePipelineArtifactBucket", actions: [...DEPLOY_ROLE_ARTIFACT_BUCKET_ACTIONS], resources: [a.artifactBucketArn] },
    {
      sid: "DecryptPipelineArtifacts",
      actions: [...DEPLOY_ROLE_ARTIFACT_KEY_ACTIONS],
      resources: [a.artifactKeyArn],
      conditions: { StringEquals: { "kms:ViaService": interpolate`s3.${a.artifactRegion}.${ctx.dnsSuffix}` } },
    },
  ];
}

/**
 * The targets a deploy role may deploy to, by kind: plain data (ARNs and names). Each field
 * belongs to one deploy action kind, which declares it as its `crossAccount.targetsArg`
 * (`DEPLOY_TARGET_KINDS` is derived from those declarations).
 */
export interface CrossAccountDeployTargets {
  /**
   * Elastic Beanstalk environments in the role's account and region: `target.beanstalkDeployTarget()`
   * of a `BeanstalkTarget` created with the same provider.
   * @default - no Elastic Beanstalk environment.
   */
  beanstalkTargets?: BeanstalkDeployTargetInfo[];
  /**
   * CodeDeploy EC2 deployment groups in the role's account and region: `target.deployTarget()` of
   * an `Ec2FleetTarget` created with the same provider (and with the pipeline's
   * `artifactBucketArn` and `artifactKeyArn`, so that its instances may read the revisions).
   * @default - no CodeDeploy deployment group.
   */
  codeDeployTargets?: CodeDeployTargetInfo[];
  /**
   * ECS services in the role's account and region, deployed rolling: `target.ecsDeployTarget()` of
   * an `EcsServiceTarget` created with the same provider.
   * @default - no ECS service.
   */
  ecsServiceTargets?: EcsServiceDeployTargetInfo[];
  /**
   * ECS blue/green deployment groups in the role's account and region:
   * `target.blueGreenDeployTarget()` of an `EcsServiceTarget` with `blueGreen`, created with the same provider.
   * @default - no ECS blue/green deployment group.
   */
  ecsBlueGreenTargets?: EcsBlueGreenDeployTargetInfo[];
}

/** The target kind of every deploy action kind, keyed by its `CrossAccountDeployRoleArgs` field, in the order of the action kinds. */
export const DEPLOY_TARGET_KINDS: ReadonlyMap<keyof CrossAccountDeployTargets, CrossAccountDeployTargetKind<unknown>> = new Map(
  ACTION_KIND_NAMES.flatMap((name) => {
    const target: CrossAccountDeployTargetKind<unknown> | undefined = ACTION_KINDS[name].crossAccount;
    return target === undefined ? [] : [[target.targetsArg, target] as const];
  }),
);

/** The target kinds' fields, in the order statements and messages list them. */
export const DEPLOY_TARGET_KIND_KEYS = [...DEPLOY_TARGET_KINDS.keys()];

/** The deploy role's policies: its inline statements, and the customer managed policies of the target kinds that use them. */
export interface CrossAccountDeployPolicies {
  /** Artifact read and decrypt, then the statements of kinds without managed policies. */
  inline: PolicyStatement[];
  /** Customer managed policies (e.g. `beanstalk-deploy-environments`, `beanstalk-deploy-instances`), empty parts left out. */
  managed: ManagedPolicyPart[];
}

/**
 * The deploy role's policies: artifact read and decrypt inline, then each kind's deploy statements,
 * inline or in the kind's managed policies (with `awsManagedBeanstalk`, the Elastic Beanstalk ones
 * come from AWS's managed policy instead).
 */
export function crossAccountDeployPolicies(
  targets: CrossAccountDeployTargets,
  artifacts: PipelineArtifactsInfo,
  ctx: AwsContext,
  awsManagedBeanstalk = false,
): CrossAccountDeployPolicies {
  const out: CrossAccountDeployPolicies = { inline: artifactReadStatements(artifacts, ctx), managed: [] };
  for (const [k, kind] of DEPLOY_TARGET_KINDS) {
    const list: unknown[] = targets[k] ?? [];
    if (list.length === 0 || (awsManagedBeanstalk && k === "beanstalkTargets")) continue;
    const statements = kind.statements(list, ctx, artifacts.artifactBucketArn);
    if (kind.managedPolicyParts === undefined) out.inline.push(...statements);
    else out.managed.push(...kind.managedPolicyParts(statements).filter((part) => part.statements.length > 0));
  }
  return out;
}

/** Every statement of {@link crossAccountDeployPolicies}, inline ones first, as one list (for reviews). */
export function crossAccountDeployStatements(
  targets: CrossAccountDeployTargets,
  artifacts: PipelineArtifactsInfo,
  ctx: AwsContext,
  awsManagedBeanstalk = false,
): PolicyStatement[] {
  const { inline, managed } = crossAccountDeployPolicies(targets, artifacts, ctx, awsManagedBeanstalk);
  return [...inline, ...managed.flatMap((part) => part.statements)];
}
