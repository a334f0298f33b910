import * as pulumi from "@pulumi/pulumi";

/**
 * Days a state object's previous versions are kept in a state bucket the component creates
 * (`pulumi stack export` history and recovery after a bad write).
 */
export const PULUMI_STATE_NONCURRENT_VERSION_DAYS = 365;
/**
 * Days after which S3 would expire the current version of a state object: the longest
 * `SecureBucket` allows, so that a stack's state never expires while the stack lives.
 */
export const PULUMI_STATE_CURRENT_VERSION_DAYS = 36500;
/** Name of the AWS profile the builds write for the deploy role, passed as `aws:profile`. */
export const PULUMI_DEPLOY_PROFILE = "aws-cicd-deploy";
/** Session name of the deploy role's sessions (CloudTrail shows it). */
export const PULUMI_DEPLOY_SESSION_NAME = "aws-cicd-pulumi";

/**
 * A self-managed S3 state backend that {@link PulumiStack} creates: an encrypted, versioned,
 * retained `SecureBucket` and a customer managed `EncryptionKey` (rotation on) that also serves
 * as the stacks' `awskms://` secrets provider. The alternative is `backendUrl`, a backend you own.
 */
export interface PulumiStateBackendArgs {
  /** Create the bucket and key. Must be `true` (the other choice is `backendUrl`). */
  create: boolean;
  /**
   * Key prefix under which Pulumi keeps its `.pulumi/` directory (`s3://<bucket>/<prefix>`), so
   * that several programs may share the bucket: letters, digits, `-`, `_`, `.` and `/` between segments.
   * @default - the bucket root.
   */
  prefix?: string;
}

/**
 * The identity that deploys the stack: exactly one of an existing role (`roleArn`) or a role
 * the component creates from policies you pass (`managedPolicyArns` and/or `inlinePolicies`).
 * The build roles may only assume it (`sts:AssumeRole` on exactly its ARN).
 */
export interface PulumiDeployRoleArgs {
  /**
   * Exact ARN of an existing role, in this or another account. Its trust policy must let the
   * build roles (`previewRole`, `upRole`) assume it; IAM checks nothing else here.
   * @default - unset: the component creates the role from the policies.
   */
  roleArn?: pulumi.Input<string>;
  /**
   * Managed policy ARNs to attach to the created role (yours, or AWS managed ones).
   * `arn:aws:iam::aws:policy/AdministratorAccess` is refused unless `allowAdministratorAccess`.
   * @default - none.
   */
  managedPolicyArns?: pulumi.Input<string>[];
  /**
   * IAM policy documents (JSON) to put inline on the created role. A document allowing `"*"`
   * on `"*"` is refused unless `allowAdministratorAccess`.
   * @default - none.
   */
  inlinePolicies?: pulumi.Input<string>[];
  /**
   * Permissions boundary of the created role: the most it may ever do, whatever its policies say.
   * @default - none.
   */
  permissionsBoundaryArn?: pulumi.Input<string>;
  /**
   * Accept administrator access (`AdministratorAccess`, or an inline `"*"` on `"*"`) for the
   * created role: the explicit choice to let the pipeline deploy anything in the account.
   * @default false
   */
  allowAdministratorAccess?: boolean;
}
