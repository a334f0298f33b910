import * as pulumi from "@pulumi/pulumi";
import { KeyReference } from "../security/encryption-key";
import { AwsContext, PolicyStatement } from "../security/iam";
import { SecureBucket } from "../security/secure-bucket";
import { ArtifactStoreInfo } from "./action-types";
import { ArtifactBucketOptions, ArtifactBucketReference } from "./pipeline-args";
import { PIPELINE_ARTIFACT_BUCKET_ACTIONS, PIPELINE_ARTIFACT_OBJECT_ACTIONS } from "./policies";
import { keyUseThroughServices } from "../security/encryption-key";
import { interpolate } from "../internal/interpolate";

/** The artifact store of a pipeline: the bucket it created, if any, and what actions see. */
export interface ArtifactStore {
  /** Bucket and key of the store, as actions see them. */
  info: ArtifactStoreInfo;
  /** Present when the pipeline created the bucket. */
  bucket?: SecureBucket;
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
  options: ArtifactBucketOptions | undefined,
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
  const bucket = new SecureBucket(
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

/** What the pipeline role needs on its artifact store: objects, bucket metadata, and the key through S3. */
export function artifactStoreStatements(info: ArtifactStoreInfo, ctx: AwsContext): PolicyStatement[] {
  return [
    { sid: "ReadWriteArtifacts", actions: [...PIPELINE_ARTIFACT_OBJECT_ACTIONS], resources: [interpolate`${info.bucketArn}/*`] },
    { sid: "InspectArtifactBucket", actions: [...PIPELINE_ARTIFACT_BUCKET_ACTIONS], resources: [info.bucketArn] },
    keyUseThroughServices(info.keyArn, ["s3"], ctx, "UseArtifactKey"),
  ];
}
