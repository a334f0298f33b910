/**
 * Statements of the {@link PulumiStack} build roles for the state backend it creates, and for the
 * deploy role they assume.
 *
 * What the Pulumi S3 ("DIY") backend calls: its bucket wrapper reads (`ReadAll`), writes
 * (`WriteAll`), tests (`Exists`), copies (`Copy`, for backups and history), deletes (`Delete`, e.g.
 * its lock file) and lists by prefix (`List`) through gocloud.dev's blob package, always under
 * `<prefix>/.pulumi/` (https://github.com/pulumi/pulumi/blob/master/pkg/backend/diy/bucket.go,
 * https://github.com/pulumi/pulumi/blob/master/pkg/backend/diy/lock.go). On S3 those are
 * GetObject, PutObject, HeadObject, CopyObject, DeleteObject and ListObjectsV2, authorized as:
 * - GetObject and HeadObject: `s3:GetObject`; HeadObject answers 403 instead of 404 for a missing
 *   key without `s3:ListBucket` (https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html);
 * - PutObject: `s3:PutObject` (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html);
 * - CopyObject: `s3:GetObject` on the source and `s3:PutObject` on the target
 *   (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html);
 * - DeleteObject: `s3:DeleteObject` (https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObject.html);
 * - ListObjectsV2: `s3:ListBucket`, scoped with the `s3:prefix` condition
 *   (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html,
 *   https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html).
 * A preview takes no lock and saves no checkpoint (`diyBackend.Preview` in backend.go), so the
 * preview role only reads.
 * SSE-KMS objects: reading needs `kms:Decrypt`, writing `kms:GenerateDataKey`
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html). The `awskms://`
 * secrets provider decrypts the stack's data key (`encryptedkey` in `Pulumi.<stack>.yaml`) with
 * `kms:Decrypt` at every run; it encrypts one only when a stack is created or changes provider
 * (https://www.pulumi.com/docs/iac/concepts/projects/stack-settings-file/), which the builds never do.
 */
import * as pulumi from "@pulumi/pulumi";
import { DEPLOY_ROLE_ASSUME_ACTIONS } from "../cross-account/policies";
import { viaService } from "../security/encryption-key";
import { AwsContext, PolicyStatement } from "../security/iam";
import { interpolate } from "../internal/interpolate";

/**
 * Read state objects (GetObject), and test them (HeadObject, which S3 authorizes as `s3:GetObject`):
 * the reads of Pulumi's S3 backend (https://github.com/pulumi/pulumi/blob/master/pkg/backend/diy/bucket.go).
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html
 */
export const PULUMI_STATE_READ_ACTIONS = ["s3:GetObject"] as const;
/**
 * Read, write, copy and delete state objects (checkpoints, backups, history, the update's lock file:
 * https://github.com/pulumi/pulumi/blob/master/pkg/backend/diy/lock.go).
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObject.html
 */
export const PULUMI_STATE_WRITE_ACTIONS = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"] as const;
/**
 * List the state keys (stacks, locks, history), under the `.pulumi/` prefix only (`s3:prefix` condition).
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
 */
export const PULUMI_STATE_LIST_ACTIONS = ["s3:ListBucket"] as const;
/**
 * Decrypt state objects (through S3) and the stack's data key (directly: the `awskms://` secrets
 * provider decrypts the `encryptedkey` of `Pulumi.<stack>.yaml`,
 * https://www.pulumi.com/docs/iac/concepts/projects/stack-settings-file/).
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html
 */
export const PULUMI_STATE_KEY_READ_ACTIONS = ["kms:Decrypt"] as const;
/**
 * Encrypt state objects the update writes, only through S3 (`kms:ViaService`).
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
 */
export const PULUMI_STATE_KEY_WRITE_ACTIONS = ["kms:GenerateDataKey"] as const;

/** Where the component keeps a stack's state. */
export interface PulumiStateLocation {
  /** ARN of the state bucket. */
  bucketArn: pulumi.Input<string>;
  /** ARN of the key of the bucket and secrets provider. */
  keyArn: pulumi.Input<string>;
  /** Key prefix of the `.pulumi/` directory, `""` or ending in `/`. */
  root: string;
}

/** A build role's state statements: read only (`write` false, the preview) or read and write (the update). */
export function pulumiStateStatements(state: PulumiStateLocation, write: boolean, ctx: AwsContext): PolicyStatement[] {
  const objects = interpolate`${state.bucketArn}/${state.root}.pulumi/*`;
  const list: PolicyStatement = {
    sid: "ListPulumiState",
    actions: [...PULUMI_STATE_LIST_ACTIONS],
    resources: [state.bucketArn],
    conditions: { StringLike: { "s3:prefix": [`${state.root}.pulumi/*`] } },
  };
  const decrypt: PolicyStatement = { sid: "DecryptPulumiState", actions: [...PULUMI_STATE_KEY_READ_ACTIONS], resources: [state.keyArn] };
  if (!write) return [{ sid: "ReadPulumiState", actions: [...PULUMI_STATE_READ_ACTIONS], resources: [objects] }, list, decrypt];
  return [
    { sid: "ReadWritePulumiState", actions: [...PULUMI_STATE_WRITE_ACTIONS], resources: [objects] },
    list,
    decrypt,
    {
      sid: "EncryptPulumiStateObjects",
      actions: [...PULUMI_STATE_KEY_WRITE_ACTIONS],
      resources: [state.keyArn],
      conditions: { StringEquals: { "kms:ViaService": viaService("s3", ctx) } },
    },
  ];
}

/**
 * The build role's only deploy permission: assume exactly the deploy (or preview) role
 * (`DEPLOY_ROLE_ASSUME_ACTIONS`: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_permissions-to-switch.html).
 */
export function assumeDeployRoleStatements(roleArn: pulumi.Input<string>): PolicyStatement[] {
  return [{ sid: "AssumePulumiDeployRole", actions: [...DEPLOY_ROLE_ASSUME_ACTIONS], resources: [roleArn] }];
}
