import * as pulumi from "@pulumi/pulumi";
import { interpolate } from "../internal/interpolate";
import { AwsContext, accountRootArn, PolicyStatement } from "./iam";
import { KMS_EBS_VOLUME_ACTIONS, KMS_ECR_REPOSITORY_GRANT_ACTIONS, KMS_GRANT_ACTIONS } from "./policies";

// Key policy statements that let one AWS service use an EncryptionKey on behalf of this account,
// each turned on by an EncryptionKey arg (`allowAutoScalingVolumes`, `allowEcrRepositories`).

/** ARN of EC2 Auto Scaling's service-linked role in the context's account. */
export function autoScalingServiceLinkedRoleArn(ctx: AwsContext): pulumi.Output<string> {
  return interpolate`arn:${ctx.partition}:iam::${ctx.accountId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
}

/**
 * The key policy statements that let EC2 Auto Scaling launch instances with volumes under the key
 * (the two statements AWS documents:
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/key-policy-requirements-EBS-encryption.html).
 *
 * The service-linked role `AWSServiceRoleForAutoScaling` is created by AWS with an account's
 * first Auto Scaling group, so in a fresh account it does not exist yet when the key is created,
 * and KMS refuses a key policy naming a principal that does not exist
 * (https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html). The account
 * principal with an `aws:PrincipalArn` condition does not work either: it only delegates to IAM
 * policies, and the role's AWS managed policy (`AutoScalingServiceRolePolicy`) holds no KMS
 * permission. So the statements name any principal (`*`) and admit exactly that role's ARN
 * (`aws:PrincipalArn`), which KMS accepts whether or not the role exists yet, and which no other
 * principal can satisfy.
 */
export function autoScalingVolumeStatements(ctx: AwsContext): PolicyStatement[] {
  const onlyTheRole = { ArnEquals: { "aws:PrincipalArn": autoScalingServiceLinkedRoleArn(ctx) } };
  return [
    {
      sid: "AutoScalingUsesKeyForVolumes",
      principals: { any: true },
      actions: [...KMS_EBS_VOLUME_ACTIONS],
      resources: ["*"],
      conditions: onlyTheRole,
    },
    {
      sid: "AutoScalingGrantsKeyToEbs",
      principals: { any: true },
      actions: [...KMS_GRANT_ACTIONS],
      resources: ["*"],
      conditions: { ...onlyTheRole, Bool: { "kms:GrantIsForAWSResource": "true" } },
    },
  ];
}

/**
 * The key policy statement that lets principals of this account create ECR repositories encrypted
 * with the key, and delete them: when a repository is created, ECR calls `kms:CreateGrant` for the
 * creating principal to give itself the grants it encrypts and decrypts images with, and calls
 * `kms:RetireGrant` when the repository is deleted
 * (https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html). The account
 * principal delegates to IAM (the creating principal's own policy must also allow these actions
 * and `kms:DescribeKey`, which the key policy already delegates), only through ECR
 * (`kms:ViaService`) and only for this account's callers (`kms:CallerAccount`). No push or pull
 * permission is needed: ECR uses its grants, whose grantee is ECR, not the caller.
 */
export function ecrRepositoryKeyStatements(ctx: AwsContext): PolicyStatement[] {
  return [
    {
      sid: "AccountEncryptsEcrRepositories",
      principals: { aws: [accountRootArn(ctx)] },
      actions: [...KMS_ECR_REPOSITORY_GRANT_ACTIONS],
      resources: ["*"],
      conditions: {
        StringEquals: {
          "kms:CallerAccount": ctx.accountId,
          "kms:ViaService": interpolate`ecr.${ctx.region}.${ctx.dnsSuffix}`,
        },
      },
    },
  ];
}
