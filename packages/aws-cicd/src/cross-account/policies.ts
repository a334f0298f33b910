/**
 * Trust and permission statements of a {@link CrossAccountDeployRole}: the role a pipeline's
 * deploy action runs as in the target account.
 *
 * - STS: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html
 * - S3: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
 * - KMS: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awskeymanagementservice.html
 * - Elastic Beanstalk (through `beanstalkDeployStatementsForTargets`): https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticbeanstalk.html
 */
import * as pulumi from "@pulumi/pulumi";
import { beanstalkDeployStatementsForTargets } from "../beanstalk/deploy-statements";
import { BeanstalkDeployTargetInfo } from "../beanstalk/policies";
import { AwsContext, PolicyConditions, PolicyStatement } from "../security/iam";

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
 * Sids of `beanstalkDeployStatementsForTargets` that the artifact read statement
 * (`ReadPipelineArtifacts`, same actions on the same objects) already covers.
 */
export const BEANSTALK_SIDS_COVERED_BY_ARTIFACT_READ = ["ReadPipelineArtifacts"] as const;

/** The trust policy: only the exact pipeline role, with the external id when one is given. */
export function crossAccountDeployTrustStatements(pipelineRoleArn: pulumi.Input<string>, externalId?: string): PolicyStatement[] {
  const conditions: PolicyConditions = {};
  if (externalId !== undefined) conditions.StringEquals = { "sts:ExternalId": externalId };
  return [{ sid: "TrustPipelineRole", principals: { aws: [pipelineRoleArn] }, actions: [...DEPLOY_ROLE_ASSUME_ACTIONS], conditions }];
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
      resources: [pulumi.interpolate`${a.artifactBucketArn}/*`],
    },
    { sid: "LocatePipelineArtifactBucket", actions: [...DEPLOY_ROLE_ARTIFACT_BUCKET_ACTIONS], resources: [a.artifactBucketArn] },
    {
      sid: "DecryptPipelineArtifacts",
      actions: [...DEPLOY_ROLE_ARTIFACT_KEY_ACTIONS],
      resources: [a.artifactKeyArn],
      conditions: { StringEquals: { "kms:ViaService": pulumi.interpolate`s3.${a.artifactRegion}.${ctx.dnsSuffix}` } },
    },
  ];
}

/** What a kind of deploy target adds to the deploy role's permissions. */
export interface DeployTargetKind<T> {
  /** Statements to deploy to every target of the kind (at least one), in the role's account and region. */
  statements(targets: T[], ctx: AwsContext, artifactBucketArn: pulumi.Input<string>): PolicyStatement[];
}

/**
 * The targets a deploy role may deploy to, by kind: plain data (ARNs and names). Adding a kind
 * (e.g. CodeDeploy deployment groups) is one field here and one entry in {@link DEPLOY_TARGET_KINDS}.
 */
export interface CrossAccountDeployTargets {
  /**
   * Elastic Beanstalk environments in the role's account and region: `target.beanstalkDeployTarget()`
   * of a `BeanstalkTarget` created with the same provider.
   * @default - no Elastic Beanstalk environment.
   */
  beanstalkTargets?: BeanstalkDeployTargetInfo[];
}

/** Every target kind, keyed as in {@link CrossAccountDeployTargets}. */
export const DEPLOY_TARGET_KINDS: {
  [K in keyof CrossAccountDeployTargets]-?: DeployTargetKind<NonNullable<CrossAccountDeployTargets[K]>[number]>;
} = {
  beanstalkTargets: {
    statements(targets, ctx, artifactBucketArn) {
      const covered: readonly string[] = BEANSTALK_SIDS_COVERED_BY_ARTIFACT_READ;
      return beanstalkDeployStatementsForTargets({ targets, ctx, artifactBucketArn }).filter(
        (s) => s.sid === undefined || !covered.includes(s.sid),
      );
    },
  },
};

/** The target kinds, in the order statements and messages list them. */
export const DEPLOY_TARGET_KIND_KEYS = Object.keys(DEPLOY_TARGET_KINDS) as (keyof CrossAccountDeployTargets)[];

/**
 * The deploy role's statements: artifact read and decrypt first, then each kind's deploy
 * statements (with `awsManagedBeanstalk`, the Elastic Beanstalk ones come from AWS's managed policy instead).
 */
export function crossAccountDeployStatements(
  targets: CrossAccountDeployTargets,
  artifacts: PipelineArtifactsInfo,
  ctx: AwsContext,
  awsManagedBeanstalk = false,
): PolicyStatement[] {
  const deploy = DEPLOY_TARGET_KIND_KEYS.filter((k) => !(awsManagedBeanstalk && k === "beanstalkTargets")).flatMap((k) => {
    const list = targets[k] ?? [];
    return list.length === 0 ? [] : DEPLOY_TARGET_KINDS[k].statements(list as never, ctx, artifacts.artifactBucketArn);
  });
  return [...artifactReadStatements(artifacts, ctx), ...deploy];
}
