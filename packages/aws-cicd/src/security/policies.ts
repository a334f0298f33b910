/**
 * KMS and SNS action lists used by the shared security building blocks.
 *
 * KMS: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awskeymanagementservice.html
 * SNS: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsns.html
 */

/**
 * What account administrators (through IAM policies) may do to manage a key; no data-plane use.
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html
 */
export const KMS_KEY_ADMIN_ACTIONS = [
  "kms:CancelKeyDeletion",
  "kms:CreateAlias",
  "kms:DeleteAlias",
  "kms:DescribeKey",
  "kms:DisableKey",
  "kms:DisableKeyRotation",
  "kms:EnableKey",
  "kms:EnableKeyRotation",
  "kms:GetKeyPolicy",
  "kms:GetKeyRotationStatus",
  "kms:ListGrants",
  "kms:ListKeyRotations",
  "kms:ListResourceTags",
  "kms:PutKeyPolicy",
  "kms:RevokeGrant",
  "kms:RotateKeyOnDemand",
  "kms:ScheduleKeyDeletion",
  "kms:TagResource",
  "kms:UntagResource",
  "kms:UpdateAlias",
  "kms:UpdateKeyDescription",
] as const;

/**
 * Data-plane use of a symmetric key by principals of the account, always through an AWS service.
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service
 */
export const KMS_KEY_USE_ACTIONS = [
  "kms:Decrypt",
  "kms:DescribeKey",
  "kms:Encrypt",
  "kms:GenerateDataKey",
  "kms:GenerateDataKeyWithoutPlaintext",
  "kms:ReEncryptFrom",
  "kms:ReEncryptTo",
] as const;

/**
 * What CloudWatch Logs needs to encrypt a log group with the key.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
 */
export const KMS_LOGS_ACTIONS = [
  "kms:Decrypt",
  "kms:DescribeKey",
  "kms:Encrypt",
  "kms:GenerateDataKey",
  "kms:ReEncryptFrom",
  "kms:ReEncryptTo",
] as const;

/**
 * What a service publishing to an encrypted SNS topic needs on the topic's key.
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html
 */
export const KMS_SNS_PUBLISHER_ACTIONS = ["kms:Decrypt", "kms:GenerateDataKey"] as const;

/**
 * Decrypt and encrypt data keys, granted to roles with a `kms:ViaService` condition.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service
 */
export const KMS_VIA_SERVICE_ACTIONS = ["kms:Decrypt", "kms:GenerateDataKey"] as const;

/**
 * What principals of the account may do with a key that allows direct use (an `EncryptionKey`
 * with `allowDirectUse`), as their IAM policies allow: a client-side encryptor such as Pulumi's
 * `awskms://` secrets provider encrypts a stack's data key once (`kms:Encrypt`) and decrypts it
 * at every run (`kms:Decrypt`), calling KMS itself (https://www.pulumi.com/docs/iac/concepts/secrets/).
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html
 */
export const KMS_DIRECT_USE_ACTIONS = ["kms:Decrypt", "kms:Encrypt"] as const;

/**
 * What named reader roles (often in other accounts) may do with a key: decrypt objects they read,
 * only when S3 calls KMS for them. Reading an SSE-KMS object needs `kms:Decrypt` alone.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
 */
export const KMS_NAMED_READER_ACTIONS = ["kms:Decrypt"] as const;
/**
 * What named writer roles may also do, only through S3: uploading an SSE-KMS object needs
 * `kms:GenerateDataKey` (and `kms:Decrypt` for multipart uploads, which readers already hold).
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
 */
export const KMS_NAMED_WRITER_ACTIONS = ["kms:Decrypt", "kms:GenerateDataKey"] as const;

/**
 * What EC2 Auto Scaling's service-linked role needs on a key that encrypts launched volumes.
 * @see https://docs.aws.amazon.com/autoscaling/ec2/userguide/key-policy-requirements-EBS-encryption.html
 */
export const KMS_EBS_VOLUME_ACTIONS = [
  "kms:Decrypt",
  "kms:DescribeKey",
  "kms:Encrypt",
  "kms:GenerateDataKey",
  "kms:GenerateDataKeyWithoutPlaintext",
  "kms:ReEncryptFrom",
  "kms:ReEncryptTo",
] as const;

/**
 * Creating a grant for EBS, only for AWS resources (`kms:GrantIsForAWSResource`).
 * @see https://docs.aws.amazon.com/autoscaling/ec2/userguide/key-policy-requirements-EBS-encryption.html
 */
export const KMS_GRANT_ACTIONS = ["kms:CreateGrant"] as const;

/**
 * What ECR calls for the principal that creates an ECR repository encrypted with a customer key
 * (`kms:CreateGrant`: ECR's grants to encrypt and decrypt images) and for the one that deletes it
 * (`kms:RetireGrant`), through ECR only.
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html
 */
export const KMS_ECR_REPOSITORY_GRANT_ACTIONS = ["kms:CreateGrant", "kms:RetireGrant"] as const;

/**
 * Services whose calls may use a key created by {@link EncryptionKey} on behalf of
 * principals in the account (the `kms:ViaService` condition of the key policy).
 */
export const KMS_DEFAULT_VIA_SERVICES = [
  "codebuild",
  "codecommit",
  "codepipeline",
  "elasticbeanstalk",
  "s3",
  "secretsmanager",
  "sns",
  "ssm",
] as const;

/**
 * Service principals that publish to the library's SNS topics (notification rules,
 * EventBridge rules, CloudWatch alarms, CodeCommit triggers). They get
 * `kms:Decrypt` and `kms:GenerateDataKey` on the key, limited to this account.
 */
export const SNS_PUBLISHER_SERVICES = [
  "cloudwatch.amazonaws.com",
  "codecommit.amazonaws.com",
  "codestar-notifications.amazonaws.com",
  "events.amazonaws.com",
] as const;

/**
 * What the account owner (through IAM policies) may do on a topic of this library.
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html
 */
export const SNS_OWNER_ACTIONS = [
  "sns:GetTopicAttributes",
  "sns:ListSubscriptionsByTopic",
  "sns:Publish",
  "sns:SetTopicAttributes",
  "sns:Subscribe",
] as const;

/**
 * What a publishing service may do on a topic.
 * @see https://docs.aws.amazon.com/codestar-notifications/latest/userguide/set-up-sns.html
 */
export const SNS_PUBLISH_ACTIONS = ["sns:Publish"] as const;

/**
 * SNS actions a TLS-only guard denies without `aws:SecureTransport`: everything the topic
 * policy allows anyone ({@link SNS_OWNER_ACTIONS} includes `sns:Publish`).
 */
export const SNS_TLS_GUARDED_ACTIONS = SNS_OWNER_ACTIONS;
