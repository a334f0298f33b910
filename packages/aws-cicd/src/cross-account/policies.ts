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
import { beanstalkDeployPolicyParts, beanstalkDeployStatementsForTargets } from "../beanstalk/deploy-statements";
import { BeanstalkDeployTargetInfo } from "../beanstalk/policies";
import type { ManagedPolicyPart } from "../pipeline/action-types";
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
  /**
   * Places the kind's statements in customer managed policies attached to the role (6,144
   * characters each) instead of its inline policy (10,240 characters for all inline policies
   * together): for kinds whose statement list is large, such as Elastic Beanstalk deploys.
   * @default - the statements go to the role's inline policy.
   */
  managedPolicyParts?(statements: PolicyStatement[]): ManagedPolicyPart[];
}

/**
 * The targets a deploy role may deploy to, by kind: plain data (ARNs and names). Adding a kind
 * (e.g. CodeDeploy deployment groups) is one field here and one entry in `DEPLOY_TARGET_KINDS`.
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
    managedPolicyParts: beanstalkDeployPolicyParts,
  },
};

/** The target kinds, in the order statements and messages list them. */
export const DEPLOY_TARGET_KIND_KEYS = Object.keys(DEPLOY_TARGET_KINDS) as (keyof CrossAccountDeployTargets)[];

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
  for (const k of DEPLOY_TARGET_KIND_KEYS) {
    const list = targets[k] ?? [];
    if (list.length === 0 || (awsManagedBeanstalk && k === "beanstalkTargets")) continue;
    const kind: DeployTargetKind<unknown> = DEPLOY_TARGET_KINDS[k];
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
