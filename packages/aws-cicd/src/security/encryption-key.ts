import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { checkedRoleArns } from "../internal/arns";
import { ownerSegment, stackScopedAlias, validateComponentName } from "../internal/naming";
import { accountRootArn, AwsContext, awsContext, PolicyStatement, sizeCheckedPolicyDocument } from "./iam";
import {
  KMS_DEFAULT_VIA_SERVICES,
  KMS_KEY_ADMIN_ACTIONS,
  KMS_KEY_USE_ACTIONS,
  KMS_LOGS_ACTIONS,
  KMS_NAMED_READER_ACTIONS,
  KMS_NAMED_WRITER_ACTIONS,
  KMS_SNS_PUBLISHER_ACTIONS,
  KMS_VIA_SERVICE_ACTIONS,
  KMS_DIRECT_USE_ACTIONS,
  SNS_PUBLISHER_SERVICES,
} from "./policies";
import { asResourceError } from "../internal/errors";
import { autoScalingVolumeStatements, ecrRepositoryKeyStatements } from "./key-policy-services";
import { interpolate } from "../internal/interpolate";
import { RolePathGrant, rolePathGrantParts } from "./role-path";
import { validateEncryptionKeyArgs } from "./encryption-key-validate";
import { quietStacks } from "../internal/quiet-stacks";

export { validateEncryptionKeyArgs };

/** The {@link EncryptionKey}s created with `allowEcrRepositories`. */
const ECR_KEYS = new WeakSet<object>();

/**
 * Whether a key lets ECR repositories be encrypted with it: `true` or `false` for an
 * {@link EncryptionKey} (its `allowEcrRepositories`), `undefined` for a key named by ARN only,
 * whose policy this library cannot see.
 */
export function keyAllowsEcrRepositories(key: KeyReference): boolean | undefined {
  return key instanceof EncryptionKey ? ECR_KEYS.has(key) : undefined;
}

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
   * Region of the key and its alias, when not the provider's: the same provider (credentials,
   * account) manages them there through the AWS provider's per-resource `region`
   * (https://www.pulumi.com/registry/packages/aws/how-to-guides/aws-enhanced-region-support/), and
   * the key policy's `kms:ViaService` conditions name that region's service endpoints.
   * @default - the provider's region.
   */
  region?: string;
  /**
   * Alias name, starting with `alias/`.
   * @default - `alias/<project>/<stack>/<name>`, unique per stack (sanitized and ended with a short
   * hash when that is not a valid alias). A key a component creates for itself is
   * `alias/<project>/<stack>/<component kind>/<name>-key`, e.g. `.../build-project/app-key`.
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
   * decrypt with the key only when S3 calls KMS for them (`kms:Decrypt`, `kms:ViaService` =
   * S3): enough to read objects of a bucket encrypted with the key, nothing more. Whole
   * accounts (`:root`) are refused: name the roles.
   * @default - none: only principals of this account, through IAM.
   */
  principalArns?: pulumi.Input<string>[];
  /**
   * Exact IAM role ARNs that may also encrypt with the key through S3 (`kms:GenerateDataKey`),
   * e.g. a build role in another account that uploads artifacts. Refused like `principalArns`.
   * @default - none.
   */
  writerPrincipalArns?: pulumi.Input<string>[];
  /**
   * Roles of other accounts that may decrypt through S3 like `principalArns`, granted by IAM path
   * (see `SecureBucketArgs.readerRolePaths`): the policy keeps its size however many roles read.
   * **Warning:** anyone who may create roles at that path in that account can decrypt through S3.
   * @default - none.
   */
  principalRolePaths?: RolePathGrant[];
  /**
   * Let EC2 Auto Scaling (its service-linked role `AWSServiceRoleForAutoScaling` in this
   * account) encrypt the EBS volumes of the instances it launches with this key, as a
   * launch template with a customer key requires.
   * @default false
   */
  allowAutoScalingVolumes?: boolean;
  /**
   * Let principals of this account create ECR repositories encrypted with this key: ECR, called by
   * the principal that creates (or deletes) a repository, creates (or retires) the grants it
   * encrypts and decrypts images with (`kms:CreateGrant`, `kms:RetireGrant`, only through ECR and
   * only for this account's callers). The creating principal's IAM policy must allow those actions
   * and `kms:DescribeKey` on the key (https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html).
   * Pushing and pulling need no KMS permission: ECR uses its grants.
   * @default false
   */
  allowEcrRepositories?: boolean;
  /**
   * Let principals of this account use the key directly, not only through AWS services:
   * `kms:Encrypt` and `kms:Decrypt` (of this account's callers only), as their IAM policies allow.
   * A client-side encryptor needs it, such as Pulumi's `awskms://` secrets provider, which calls
   * KMS itself (https://www.pulumi.com/docs/iac/concepts/secrets/).
   * **Warning:** any principal of the account whose IAM policy grants these actions on this key (or
   * on `*`) may then use it outside the listed services.
   * @default false
   */
  allowDirectUse?: boolean;
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

/** The {@link viaService} Outputs made so far, per context and service (one Output each, however many policies name it). */
const viaServiceOutputs = new WeakMap<AwsContext, Map<string, pulumi.Output<string>>>();

/** The `kms:ViaService` value of a service in the context's region. */
export function viaService(service: string, ctx: AwsContext): pulumi.Output<string> {
  let byService = viaServiceOutputs.get(ctx);
  if (byService === undefined) viaServiceOutputs.set(ctx, (byService = new Map()));
  let value = byService.get(service);
  if (value === undefined) byService.set(service, (value = interpolate`${service}.${ctx.region}.${ctx.dnsSuffix}`));
  return value;
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

/** Exact roles named in a key policy: readers decrypt through S3, writers also encrypt through S3. */
export interface KeyPolicyRoles {
  /**
   * Roles that read objects encrypted with the key.
   * @default - none.
   */
  readers?: pulumi.Input<string>[];
  /**
   * Roles that also write objects encrypted with the key.
   * @default - none.
   */
  writers?: pulumi.Input<string>[];
  /**
   * Roles that read objects encrypted with the key, granted by IAM path.
   * @default - none.
   */
  readerRolePaths?: readonly RolePathGrant[];
}

/** The key policy statements of an {@link EncryptionKey}. Exported for tests and reviews. */
export function encryptionKeyPolicy(
  ctx: AwsContext,
  viaServices: readonly string[],
  roles: KeyPolicyRoles = {},
  allowAutoScalingVolumes = false,
  allowDirectUse = false,
  allowEcrRepositories = false,
): PolicyStatement[] {
  const root = accountRootArn(ctx);
  const via = viaServices.map((s) => viaService(s, ctx));
  const throughS3 = { StringEquals: { "kms:ViaService": viaService("s3", ctx) } };
  const named: PolicyStatement[] = [];
  if ((roles.readers ?? []).length > 0) {
    named.push({
      sid: "NamedRolesDecryptThroughS3",
      principals: { aws: roles.readers },
      actions: [...KMS_NAMED_READER_ACTIONS],
      resources: ["*"],
      conditions: throughS3,
    });
  }
  if ((roles.readerRolePaths ?? []).length > 0) {
    const { principals, conditions } = rolePathGrantParts(roles.readerRolePaths!, ctx.partition);
    const actions = [...KMS_NAMED_READER_ACTIONS];
    named.push({
      sid: "RolePathReadersDecryptThroughS3",
      principals,
      actions,
      resources: ["*"],
      conditions: { ...throughS3, ...conditions },
    });
  }
  if ((roles.writers ?? []).length > 0) {
    named.push({
      sid: "NamedRolesEncryptThroughS3",
      principals: { aws: roles.writers },
      actions: [...KMS_NAMED_WRITER_ACTIONS],
      resources: ["*"],
      conditions: throughS3,
    });
  }
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
      principals: { service: [interpolate`logs.${ctx.region}.${ctx.dnsSuffix}`] },
      actions: [...KMS_LOGS_ACTIONS],
      resources: ["*"],
      conditions: {
        ArnLike: {
          "kms:EncryptionContext:aws:logs:arn": interpolate`arn:${ctx.partition}:logs:${ctx.region}:${ctx.accountId}:log-group:*`,
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
    ...(allowDirectUse
      ? [
          {
            sid: "AccountUsesKeyDirectly",
            principals: { aws: [root] },
            actions: [...KMS_DIRECT_USE_ACTIONS],
            resources: ["*"],
            conditions: { StringEquals: { "kms:CallerAccount": ctx.accountId } },
          },
        ]
      : []),
    ...named,
    ...(allowAutoScalingVolumes ? autoScalingVolumeStatements(ctx) : []),
    ...(allowEcrRepositories ? ecrRepositoryKeyStatements(ctx) : []),
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
    const stacks = quietStacks();
    try {
      asResourceError(this, () => {
        validateComponentName(name);
        validateEncryptionKeyArgs(args);
      });
      const provided = awsContext(this);
      const ctx = args.region === undefined ? provided : { ...provided, region: pulumi.output(args.region) };
      const r = args.region === undefined ? {} : { region: args.region };
      const viaServices = args.viaServices ?? [...KMS_DEFAULT_VIA_SERVICES];
      const policy = sizeCheckedPolicyDocument(
        "keyPolicy",
        {
          subject: `The key policy of EncryptionKey \`${name}\``,
          fix: "Name fewer `principalArns` and `writerPrincipalArns` (or `viaServices`), or grant roles by path (`principalRolePaths`).",
        },
        encryptionKeyPolicy(
          ctx,
          viaServices,
          // Role ARNs given as Outputs are checked when they resolve (a `:root` fails the deployment).
          {
            readers: checkedRoleArns("principalArns", args.principalArns),
            writers: checkedRoleArns("writerPrincipalArns", args.writerPrincipalArns),
            readerRolePaths: args.principalRolePaths,
          },
          args.allowAutoScalingVolumes ?? false,
          args.allowDirectUse ?? false,
          args.allowEcrRepositories ?? false,
        ),
        this,
      );
      this.key = new aws.kms.Key(
        `${name}-key`,
        {
          ...r,
          description: args.description ?? `Customer managed key for ${name} (aws-cicd)`,
          keyUsage: "ENCRYPT_DECRYPT",
          customerMasterKeySpec: "SYMMETRIC_DEFAULT",
          enableKeyRotation: true,
          deletionWindowInDays: args.deletionWindowInDays ?? DEFAULT_KEY_DELETION_WINDOW_DAYS,
          policy,
          tags: args.tags,
        },
        { parent: this, retainOnDelete: args.retainOnDelete ?? true },
      );
      const aliasName = args.aliasName ?? stackScopedAlias(name);
      this.alias = new aws.kms.Alias(`${name}-alias`, { ...r, name: aliasName, targetKeyId: this.key.keyId }, { parent: this });
      if (args.allowEcrRepositories === true) ECR_KEYS.add(this);
      this.keyArn = this.key.arn;
      this.keyId = this.key.keyId;
      this.aliasName = this.alias.name;
      this.registerOutputs({ keyArn: this.keyArn, keyId: this.keyId, aliasName: this.aliasName });
    } catch (e) {
      throw stacks.rethrow(e);
    } finally {
      stacks.close();
    }
  }
}

/**
 * Returns the given key, or creates an {@link EncryptionKey} named `<name>-key` under
 * `parent` (with `args`, e.g. the `principalArns` of cross-account roles), whose alias names the
 * parent's kind: `alias/<project>/<stack>/<kind>/<name>-key`, `kind` being e.g. `build-project`.
 */
export function keyOrNew(name: string, key: KeyReference | undefined, parent: pulumi.Resource, args: EncryptionKeyArgs = {}): KeyReference {
  if (key) return key;
  // Components of different kinds may share a name: the kind keeps their keys' aliases apart.
  const owner = ownerSegment(String((parent as unknown as { __pulumiType?: string }).__pulumiType ?? "component"));
  return new EncryptionKey(`${name}-key`, { aliasName: stackScopedAlias(`${name}-key`, owner), ...args }, { parent });
}
