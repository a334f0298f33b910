import * as pulumi from "@pulumi/pulumi";
import { EncryptionKey, KeyReference } from "../security/encryption-key";
import { AwsContext, PolicyStatement } from "../security/iam";
import { NestedSecureBucket } from "../security/secure-bucket-nested";
import { ArtifactStoreInfo, PlannedAction } from "./action-types";
import { ArtifactBucketOptions, ArtifactBucketReference, PipelineArgs, RegionalArtifactStoreArgs } from "./pipeline-args";
import { StoreRoles, storeRoles } from "./store-roles";
import { actionRegion, actionRegions } from "./regions";
import { PIPELINE_ARTIFACT_BUCKET_ACTIONS, PIPELINE_ARTIFACT_OBJECT_ACTIONS } from "./policies";
import { keyUseThroughServices } from "../security/encryption-key";
import { interpolate } from "../internal/interpolate";
import { arnProblem, checkedInput, keyArnProblem, S3_BUCKET_ARN_PATTERN } from "../internal/arns";
import { S3_BUCKET_ARN_WHAT } from "./validate";

/** Artifact buckets already checked, so that pipelines sharing one keep sharing its exact Outputs (one grant per store). */
const checkedArtifactBuckets = new WeakMap<ArtifactBucketReference, ArtifactBucketReference>();

/** The artifact bucket with its key and bucket ARNs checked, Outputs when they resolve; the same object for the same bucket. */
export function checkedArtifactBucket(given: ArtifactBucketReference, arg = "artifactBucket"): ArtifactBucketReference {
  let checked = checkedArtifactBuckets.get(given);
  if (checked === undefined) {
    checked = {
      ...given,
      keyArn: checkedInput(given.keyArn, keyArnProblem(`${arg}.keyArn`)),
      bucketArn: checkedInput<string>(given.bucketArn, arnProblem(`${arg}.bucketArn`, S3_BUCKET_ARN_PATTERN, S3_BUCKET_ARN_WHAT)),
    };
    checkedArtifactBuckets.set(given, checked);
  }
  return checked;
}

/** The artifact store of a pipeline: the bucket it created, if any, and what actions see. */
export interface ArtifactStore {
  /** Bucket and key of the store, as actions see them. */
  info: ArtifactStoreInfo;
  /** Present when the pipeline created the bucket. */
  bucket?: NestedSecureBucket;
}

/**
 * Returns the given bucket and key, or creates a {@link SecureBucket} `<name>-artifacts` under
 * `key`. Roles that actions run with (`roleArn`) may read objects of a created bucket, and the
 * service roles of CodeBuild projects (`codeBuildRoleArns`) may read objects and check the bucket;
 * only the roles of actions that produce artifacts (`writerRoleArns`) may also write.
 */
export function artifactStoreOf(
  name: string,
  given: ArtifactBucketReference | undefined,
  options: (ArtifactBucketOptions & { region?: string }) | undefined,
  key: KeyReference,
  actionRoleArns: pulumi.Input<string>[],
  writerRoleArns: pulumi.Input<string>[],
  codeBuildRoleArns: pulumi.Input<string>[],
  ctx: AwsContext,
  tags: pulumi.Input<Record<string, pulumi.Input<string>>> | undefined,
  parent: pulumi.Resource,
): ArtifactStore {
  if (given !== undefined) {
    return {
      info: {
        bucketName: given.bucketName,
        bucketArn: given.bucketArn ?? interpolate`arn:${ctx.partition}:s3:::${given.bucketName}`,
        keyArn: given.keyArn,
      },
    };
  }
  const bucket = new NestedSecureBucket(
    `${name}-artifacts`,
    {
      ...options,
      encryptionKey: key,
      readerArns: actionRoleArns.length > 0 ? actionRoleArns : undefined,
      writerArns: writerRoleArns.length > 0 ? writerRoleArns : undefined,
      codeBuildRoleArns: codeBuildRoleArns.length > 0 ? codeBuildRoleArns : undefined,
      tags,
    },
    { parent },
  );
  return {
    bucket,
    info: { bucketName: bucket.bucketName, bucketArn: bucket.bucketArn, keyArn: key.keyArn, bucketNamesArtifactRoles: true },
  };
}

/**
 * What the pipeline role needs on an artifact store: objects, bucket metadata, and the key through
 * S3 in the store's region (`ctx.region`). The same for the store of another region: CodePipeline
 * copies artifacts between the stores with the pipeline role, reading from one bucket and writing
 * to the other (https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-create-cross-region.html,
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/security-iam.html#how-to-custom-role).
 * `sidSuffix` tells the statements of a regional store apart (`ReadWriteArtifactsEuWest1`).
 */
export function artifactStoreStatements(info: ArtifactStoreInfo, ctx: AwsContext, sidSuffix = ""): PolicyStatement[] {
  return [
    {
      sid: `ReadWriteArtifacts${sidSuffix}`,
      actions: [...PIPELINE_ARTIFACT_OBJECT_ACTIONS],
      resources: [interpolate`${info.bucketArn}/*`],
    },
    { sid: `InspectArtifactBucket${sidSuffix}`, actions: [...PIPELINE_ARTIFACT_BUCKET_ACTIONS], resources: [info.bucketArn] },
    keyUseThroughServices(info.keyArn, ["s3"], ctx, `UseArtifactKey${sidSuffix}`),
  ];
}

/** `eu-west-1` as `EuWest1`: a region in a statement id. */
export function regionSid(region: string): string {
  return region
    .split("-")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

/** The artifact store of a region where actions run besides the pipeline's. */
export interface RegionalArtifactStore extends ArtifactStore {
  /** The region. */
  region: string;
  /** The pipeline's account and partition, in that region: what the region's actions bind with. */
  ctx: AwsContext;
  /**
   * The key the pipeline created for the store.
   * @default - none: the store was given.
   */
  key?: EncryptionKey;
}

/**
 * The store of `region`: the given bucket and key, or an {@link EncryptionKey} `<name>-<region>-key`
 * and a {@link SecureBucket} `<name>-<region>-artifacts` created there through the pipeline's
 * provider (the AWS provider's per-resource `region`), whose policies let in exactly the roles of
 * the region's actions (`roles`), as the pipeline's own store does for its actions.
 */
export function regionalArtifactStoreOf(
  name: string,
  region: string,
  store: RegionalArtifactStoreArgs | undefined,
  storeArg: string,
  roles: StoreRoles,
  ctx: AwsContext,
  tags: pulumi.Input<Record<string, pulumi.Input<string>>> | undefined,
  parent: pulumi.Resource,
): RegionalArtifactStore {
  const regional: AwsContext = { ...ctx, region: pulumi.output(region) };
  const prefix = `${name}-${region}`;
  const given = store?.artifactBucket;
  if (given !== undefined) {
    const checked = checkedArtifactBucket(given, `${storeArg}.artifactBucket`);
    const info = artifactStoreOf(prefix, checked, undefined, { keyArn: checked.keyArn }, [], [], [], regional, tags, parent).info;
    return { region, ctx: regional, info };
  }
  const key = new EncryptionKey(
    `${prefix}-key`,
    {
      region,
      description: `Artifact key of pipeline ${name} in ${region} (aws-cicd)`,
      // Only artifacts use it, and only through S3 (the pipeline role, the region's build roles and action roles).
      viaServices: ["s3"],
      ...(roles.readers.length > 0 ? { principalArns: roles.readers } : {}),
      ...(roles.writers.length > 0 ? { writerPrincipalArns: roles.writers } : {}),
      tags,
    },
    { parent },
  );
  const created = artifactStoreOf(
    prefix,
    undefined,
    { ...store?.artifactBucketOptions, region },
    key,
    roles.actionRoles,
    roles.writers,
    roles.codeBuildRoles,
    regional,
    tags,
    parent,
  );
  return { region, ctx: regional, key, ...created, info: { ...created.info, keyNamesArtifactRoles: true } };
}

/**
 * The store of every region an action names besides the pipeline's, by region, in execution
 * order: each given in `regionalArtifactStores` or created, and letting in the roles of exactly
 * the actions of its region.
 */
export function regionalStoresOf(
  name: string,
  actions: PlannedAction[],
  args: PipelineArgs,
  ctx: AwsContext,
  parent: pulumi.Resource,
): Map<string, RegionalArtifactStore> {
  const listed = args.regionalArtifactStores ?? [];
  return new Map(
    actionRegions(actions).map((region) => {
      const i = listed.findIndex((s) => s.region === region);
      const roles = storeRoles(actions.filter((a) => actionRegion(a) === region));
      const store = regionalArtifactStoreOf(name, region, listed[i], `regionalArtifactStores[${i}]`, roles, ctx, args.tags, parent);
      return [region, store];
    }),
  );
}
