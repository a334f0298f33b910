// `aws-cicd/checks`: the checks the components apply, for tools that judge what other programs
// declare (the aws-cicd-policies CrossGuard pack). One copy of each check, shared by the library
// and the pack, so a preview is judged by the very rules the components enforce. Pinned by
// test/package/exports.spec.ts like the root entry point.
import { INSTANCE_SSM_MANAGED_POLICY, SERVICE_ROLE_MANAGED_POLICY } from "./codedeploy/policies";
import { SERVICE_ROLE_MANAGED_POLICIES } from "./beanstalk/policies";

export { ACCESS_KEY_ID_PATTERN, plaintextSecretReason } from "./codebuild/plaintext-secrets";
export { IAM_ROLE_ARN_PATTERN } from "./internal/arns";
export { PLAINTEXT_FORBIDDEN_VARIABLES } from "./pipeline/actions/codebuild";

/** An AWS managed policy the components attach, with the reason they give for it. */
export interface AttachedManagedPolicy {
  /** Managed policy name, e.g. `AWSCodeDeployRole`. */
  readonly name: string;
  /** Managed policy path, e.g. `service-role/` (empty for the root path). */
  readonly path: string;
  /** Why the component attaches it. */
  readonly reason: string;
}

/**
 * Every AWS managed policy a component attaches by default: the Elastic Beanstalk service role's,
 * the CodeDeploy service role's and the EC2 fleet instance role's (when SSM installs the agent).
 * The `permissions: "aws-managed"` escape hatch is not among them: it is the user's choice.
 */
export const ATTACHED_MANAGED_POLICIES: readonly AttachedManagedPolicy[] = [
  ...SERVICE_ROLE_MANAGED_POLICIES,
  SERVICE_ROLE_MANAGED_POLICY,
  INSTANCE_SSM_MANAGED_POLICY,
];
