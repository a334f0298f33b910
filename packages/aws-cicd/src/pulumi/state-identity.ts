import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { crossAccountDeployTrustStatements } from "../cross-account/policies";
import { EncryptionKey } from "../security/encryption-key";
import { AwsContext, policyDocument, ROLE_MAX_SESSION_SECONDS } from "../security/iam";
import { NestedSecureBucket } from "../security/secure-bucket-nested";
import { AUTONAMED_IAM_POLICY, autoNameArgs, IAM_ROLE_NAME, stackScopedName } from "../internal/naming";
import { interpolate } from "../internal/interpolate";
import { PulumiStateLocation } from "./policies";
import { PULUMI_STATE_CURRENT_VERSION_DAYS, PULUMI_STATE_NONCURRENT_VERSION_DAYS } from "./state-identity-args";
import { CheckedDeployRole } from "./validate-state-identity";

/** The state backend a {@link PulumiStack} creates. */
export interface PulumiStateBackend {
  key: EncryptionKey;
  bucket: NestedSecureBucket;
  location: PulumiStateLocation;
  /** `s3://<bucket>[/<prefix>]?region=<region>`, the builds' `PULUMI_BACKEND_URL`. */
  backendUrl: pulumi.Output<string>;
  /** `awskms://<alias>?region=<region>`, the secrets provider of `pulumi stack init --secrets-provider`. */
  secretsProvider: pulumi.Output<string>;
}

/**
 * Creates the state key (`<name>-state-key`: rotation on, retained, usable directly for the
 * secrets provider) and the state bucket (`<name>-state`: SSE-KMS with that key, versioned,
 * retained, current versions kept as long as S3 allows, old versions a year).
 */
export function createStateBackend(name: string, root: string, ctx: AwsContext, parent: pulumi.Resource): PulumiStateBackend {
  const key = new EncryptionKey(
    `${name}-state-key`,
    { description: `Pulumi state and secrets of PulumiStack ${name} (aws-cicd)`, allowDirectUse: true },
    { parent },
  );
  const bucket = new NestedSecureBucket(
    `${name}-state`,
    {
      encryptionKey: key,
      retainOnDelete: true,
      lifecycle: {
        expireObjectsAfterDays: PULUMI_STATE_CURRENT_VERSION_DAYS,
        expireNoncurrentVersionsAfterDays: PULUMI_STATE_NONCURRENT_VERSION_DAYS,
      },
    },
    { parent },
  );
  const path = root === "" ? "" : `/${root.slice(0, -1)}`;
  return {
    key,
    bucket,
    location: { bucketArn: bucket.bucketArn, keyArn: key.keyArn, root },
    backendUrl: interpolate`s3://${bucket.bucketName}${path}?region=${ctx.region}`,
    secretsProvider: interpolate`awskms://${key.aliasName}?region=${ctx.region}`,
  };
}

/** Physical name of the deploy role a `PulumiStack` or `PulumiSelfUpdate` named `name` creates: `<project>-<stack>-<name>-deploy`. */
export function pulumiDeployRoleName(name: string): string {
  return stackScopedName(`${name}-deploy`, IAM_ROLE_NAME);
}

/** ARN of that role, known before it exists (the builds name it in their variables). */
export function pulumiDeployRoleArn(name: string, ctx: AwsContext): pulumi.Output<string> {
  return interpolate`arn:${ctx.partition}:iam::${ctx.accountId}:role/${pulumiDeployRoleName(name)}`;
}

/**
 * Creates the deploy role from the user's policies: trusted by exactly the build roles that
 * assume it, with the permissions boundary, the managed policies attached and the inline
 * documents put as they are.
 */
export function createDeployRole(
  name: string,
  d: CheckedDeployRole,
  trustedRoleArns: pulumi.Input<string>[],
  tags: pulumi.Input<Record<string, pulumi.Input<string>>> | undefined,
  parent: pulumi.Resource,
  description = `Deploys the Pulumi stack of PulumiStack ${name}; assumed by its build roles only (aws-cicd).`,
): aws.iam.Role {
  const role = new aws.iam.Role(
    `${name}-deploy`,
    {
      name: pulumiDeployRoleName(name),
      description,
      assumeRolePolicy: policyDocument(crossAccountDeployTrustStatements(trustedRoleArns, undefined, "TrustPulumiBuildRoles")),
      maxSessionDuration: ROLE_MAX_SESSION_SECONDS,
      permissionsBoundary: d.permissionsBoundaryArn,
      tags,
    },
    { parent },
  );
  d.managedPolicyArns.forEach(
    (policyArn, i) => new aws.iam.RolePolicyAttachment(`${name}-deploy-managed-${i}`, { role: role.name, policyArn }, { parent }),
  );
  d.inlinePolicies.forEach((policy, i) => {
    const n = `${name}-deploy-inline-${i}`;
    new aws.iam.RolePolicy(n, { ...autoNameArgs(n, AUTONAMED_IAM_POLICY), role: role.name, policy }, { parent });
  });
  return role;
}
