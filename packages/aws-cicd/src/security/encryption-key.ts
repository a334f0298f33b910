import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { checkArgsObject, checkTypes } from "../internal/types";
import { checkedInput, checkedRoleArns, isDeferred, roleArnProblem } from "../internal/arns";
import { stackScopedAlias } from "../internal/naming";
import { accountRootArn, AwsContext, awsContext, policyDocument, PolicyStatement } from "./iam";
import {
  KMS_DEFAULT_VIA_SERVICES,
  KMS_KEY_ADMIN_ACTIONS,
  KMS_KEY_USE_ACTIONS,
  KMS_LOGS_ACTIONS,
  KMS_EBS_VOLUME_ACTIONS,
  KMS_GRANT_ACTIONS,
  KMS_NAMED_ROLE_ACTIONS,
  KMS_SNS_PUBLISHER_ACTIONS,
  KMS_VIA_SERVICE_ACTIONS,
  SNS_PUBLISHER_SERVICES,
} from "./policies";

/** Days KMS waits before it deletes a scheduled key (the maximum AWS allows). */
export const DEFAULT_KEY_DELETION_WINDOW_DAYS = 30;

/** Anything that names a KMS key by ARN: an {@link EncryptionKey}, or `{ keyArn: key.arn }` for a key you own. */
export interface KeyReference {
  /** ARN of the KMS key. */
  readonly keyArn: pulumi.Input<string>;
}

/** Arguments of {@link EncryptionKey}. */
export interface EncryptionKeyArgs {
  /**
   * Description of the key.
   * @default - "Customer managed key for <name> (aws-cicd)".
   */
  description?: pulumi.Input<string>;
  /**
   * Alias name, starting with `alias/`.
   * @default - `alias/<project>/<stack>/<name>`, unique per stack.
   */
  aliasName?: string;
  /**
   * Days between scheduling deletion and deletion, 7 to 30.
   * @default 30
   */
  deletionWindowInDays?: number;
  /**
   * Short service names (`s3`, `codebuild`...) through which principals of this account
   * may use the key (the key policy's `kms:ViaService` condition).
   * @default - {@link KMS_DEFAULT_VIA_SERVICES}: the services the library's components encrypt with.
   */
  viaServices?: string[];
  /**
   * Exact IAM role ARNs, usually in other accounts (a cross-account deploy role), that may
   * use the key through `viaServices` only, e.g. to read pipeline artifacts from S3. Whole
   * accounts (`:root`) are refused: name the roles.
   * @default - none: only principals of this account, through IAM.
   */
  principalArns?: pulumi.Input<string>[];
  /**
   * Let EC2 Auto Scaling (its service-linked role `AWSServiceRoleForAutoScaling` in this
   * account) encrypt the EBS volumes of the instances it launches with this key, as a
   * launch template with a customer key requires.
   * @default false
   */
  allowAutoScalingVolumes?: boolean;
  /**
   * Keep the key when the stack is deleted. A deleted key makes everything encrypted
   * with it (a retained repository, old artifacts) unreadable, so keys are retained.
   * **Warning:** `false` lets `pulumi destroy` schedule the key for deletion.
   * @default true
   */
  retainOnDelete?: boolean;
  /**
   * Tags for the key.
   * @default - no tags.
   */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** Validates {@link EncryptionKeyArgs}; throws a plain `Error` naming the arg. */
export function validateEncryptionKeyArgs(args: EncryptionKeyArgs): void {
  checkArgsObject(args, false);
  checkTypes(args, {
    booleans: ["allowAutoScalingVolumes", "retainOnDelete"],
    numbers: ["deletionWindowInDays"],
    strings: ["aliasName"],
    lists: ["principalArns"],
    stringLists: ["viaServices"],
  });
  const days = args.deletionWindowInDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 7 || days > 30)) {
    throw new Error(`\`deletionWindowInDays\` must be a whole number from 7 to 30, got ${days}.`);
  }
  if (args.aliasName !== undefined) {
    const a = args.aliasName;
    if (!/^alias\/[A-Za-z0-9/_-]{1,250}$/.test(a) || a.startsWith("alias/aws/")) {
      throw new Error(
        `\`aliasName\` must start with "alias/" followed by letters, digits, "/", "_" or "-" and must not use the reserved "alias/aws/" prefix, got "${a}".`,
      );
    }
  }
  (args.principalArns ?? []).forEach((arn, i) => {
    if (!isDeferred(arn)) checkedInput(arn, roleArnProblem(`principalArns[${i}]`));
  });
  for (const svc of args.viaServices ?? []) {
    if (!/^[a-z0-9-]+$/.test(svc)) {
      throw new Error(`\`viaServices\` takes short service names such as "s3" or "codebuild", got "${svc}".`);
    }
  }
}

/** The `kms:ViaService` value of a service in the context's region. */
export function viaService(service: string, ctx: AwsContext): pulumi.Output<string> {
  return pulumi.interpolate`${service}.${ctx.region}.${ctx.dnsSuffix}`;
}

/** Decrypt and GenerateDataKey on `keyArn`, only when called through the given services. */
export function keyUseThroughServices(
  keyArn: pulumi.Input<string>,
  services: string[],
  ctx: AwsContext,
  sid = "UseKeyThroughServices",
): PolicyStatement {
  return {
    sid,
    actions: [...KMS_VIA_SERVICE_ACTIONS],
    resources: [keyArn],
    conditions: { StringEquals: { "kms:ViaService": services.map((s) => viaService(s, ctx)) } },
  };
}

/** The key policy statements of an {@link EncryptionKey}. Exported for tests and reviews. */
export function encryptionKeyPolicy(
  ctx: AwsContext,
  viaServices: readonly string[],
  principalArns: pulumi.Input<string>[] = [],
  allowAutoScalingVolumes = false,
): PolicyStatement[] {
  const root = accountRootArn(ctx);
  const via = viaServices.map((s) => viaService(s, ctx));
  const external: PolicyStatement[] =
    principalArns.length === 0
      ? []
      : [
          {
            sid: "NamedRolesUseKeyThroughServices",
            principals: { aws: principalArns },
            actions: [...KMS_NAMED_ROLE_ACTIONS],
            resources: ["*"],
            conditions: { StringEquals: { "kms:ViaService": via } },
          },
        ];
  return [
    {
      sid: "AccountAdministersKeyThroughIam",
      principals: { aws: [root] },
      actions: [...KMS_KEY_ADMIN_ACTIONS],
      resources: ["*"],
    },
    {
      sid: "AccountUsesKeyThroughServices",
      principals: { aws: [root] },
      actions: [...KMS_KEY_USE_ACTIONS],
      resources: ["*"],
      conditions: {
        StringEquals: {
          "kms:CallerAccount": ctx.accountId,
          "kms:ViaService": via,
        },
      },
    },
    {
      sid: "CloudWatchLogsEncryptsLogGroups",
      principals: { service: [pulumi.interpolate`logs.${ctx.region}.${ctx.dnsSuffix}`] },
      actions: [...KMS_LOGS_ACTIONS],
      resources: ["*"],
      conditions: {
        ArnLike: {
          "kms:EncryptionContext:aws:logs:arn": pulumi.interpolate`arn:${ctx.partition}:logs:${ctx.region}:${ctx.accountId}:log-group:*`,
        },
      },
    },
    {
      sid: "ServicesPublishToEncryptedTopics",
      principals: { service: [...SNS_PUBLISHER_SERVICES] },
      actions: [...KMS_SNS_PUBLISHER_ACTIONS],
      resources: ["*"],
      conditions: { StringEquals: { "aws:SourceAccount": ctx.accountId } },
    },
    ...external,
    ...(allowAutoScalingVolumes ? autoScalingVolumeStatements(ctx) : []),
  ];
}

/** The key policy statements that let EC2 Auto Scaling launch instances with volumes under the key. */
export function autoScalingVolumeStatements(ctx: AwsContext): PolicyStatement[] {
  const role = pulumi.interpolate`arn:${ctx.partition}:iam::${ctx.accountId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
  return [
    { sid: "AutoScalingUsesKeyForVolumes", principals: { aws: [role] }, actions: [...KMS_EBS_VOLUME_ACTIONS], resources: ["*"] },
    {
      sid: "AutoScalingGrantsKeyToEbs",
      principals: { aws: [role] },
      actions: [...KMS_GRANT_ACTIONS],
      resources: ["*"],
      conditions: { Bool: { "kms:GrantIsForAWSResource": "true" } },
    },
  ];
}

/**
 * A customer managed, symmetric KMS key with yearly rotation, a 30-day deletion window,
 * an explicit key policy and an alias. One key can serve a whole stack: pass it as
 * `encryptionKey` to every component (each key costs about $1 a month, and keys are
 * retained when the stack is deleted unless `retainOnDelete: false`).
 *
 * The key policy lets the account's IAM policies administer the key, lets principals of
 * the account use it only through the listed services (`kms:ViaService`,
 * `kms:CallerAccount`), lets CloudWatch Logs encrypt this account's log groups, and lets
 * notification services of this account publish to encrypted topics. No statement has
 * an unconditioned `*` principal.
 */
export class EncryptionKey extends pulumi.ComponentResource implements KeyReference {
  /** The KMS key. */
  readonly key: aws.kms.Key;
  /** Alias of the key. */
  readonly alias: aws.kms.Alias;
  /** ARN of the key. */
  readonly keyArn: pulumi.Output<string>;
  /** Id of the key. */
  readonly keyId: pulumi.Output<string>;
  /** Alias name, `alias/...`. */
  readonly aliasName: pulumi.Output<string>;

  constructor(name: string, args: EncryptionKeyArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super("aws-cicd:index:EncryptionKey", name, {}, opts);
    try {
      validateEncryptionKeyArgs(args);
    } catch (e) {
      throw new pulumi.ResourceError((e as Error).message, this);
    }
    const ctx = awsContext(this);
    const viaServices = args.viaServices ?? [...KMS_DEFAULT_VIA_SERVICES];
    this.key = new aws.kms.Key(
      `${name}-key`,
      {
        description: args.description ?? `Customer managed key for ${name} (aws-cicd)`,
        keyUsage: "ENCRYPT_DECRYPT",
        customerMasterKeySpec: "SYMMETRIC_DEFAULT",
        enableKeyRotation: true,
        deletionWindowInDays: args.deletionWindowInDays ?? DEFAULT_KEY_DELETION_WINDOW_DAYS,
        // Role ARNs given as Outputs are checked when they resolve (a `:root` fails the deployment).
        policy: policyDocument(
          encryptionKeyPolicy(
            ctx,
            viaServices,
            checkedRoleArns("principalArns", args.principalArns),
            args.allowAutoScalingVolumes ?? false,
          ),
        ),
        tags: args.tags,
      },
      { parent: this, retainOnDelete: args.retainOnDelete ?? true },
    );
    const aliasName = args.aliasName ?? stackScopedAlias(name);
    this.alias = new aws.kms.Alias(`${name}-alias`, { name: aliasName, targetKeyId: this.key.keyId }, { parent: this });
    this.keyArn = this.key.arn;
    this.keyId = this.key.keyId;
    this.aliasName = this.alias.name;
    this.registerOutputs({ keyArn: this.keyArn, keyId: this.keyId, aliasName: this.aliasName });
  }
}

/**
 * Returns the given key, or creates an {@link EncryptionKey} named `<name>-key` under
 * `parent` (with `args`, e.g. the `principalArns` of cross-account roles).
 */
export function keyOrNew(name: string, key: KeyReference | undefined, parent: pulumi.Resource, args: EncryptionKeyArgs = {}): KeyReference {
  return key ?? new EncryptionKey(`${name}-key`, args, { parent });
}
