import * as pulumi from "@pulumi/pulumi";
import type { DEFAULT_DEPLOY_PERMISSIONS } from "../beanstalk/deploy-permissions";
import type { DEFAULT_ROLE_PATH } from "../security/role-path";
import { CrossAccountDeployTargets } from "./policies";

/** Longest session of the deploy role (seconds): a deploy action's calls fit in one hour; CodePipeline assumes the role again for the next action. */
export const CROSS_ACCOUNT_DEPLOY_MAX_SESSION_SECONDS = 3600;

/** Arguments of {@link CrossAccountDeployRole}. */
export interface CrossAccountDeployRoleArgs extends CrossAccountDeployTargets {
  /**
   * Exact ARN of the pipeline's role in the tools account, the only principal the role trusts:
   * `pipeline.roleArn`, or `pipelineRoleArn({ accountId, name })`. Account roots (`:root`) and
   * bare account ids are refused. IAM checks that the role exists when this role is created.
   */
  pipelineRoleArn: pulumi.Input<string>;
  /** ARN of the pipeline's artifact bucket (`arn:<partition>:s3:::<name>`), read by the deploy action. */
  artifactBucketArn: pulumi.Input<string>;
  /** ARN of the customer managed key the pipeline encrypts its artifacts with (a key ARN, not an alias). */
  artifactKeyArn: pulumi.Input<string>;
  /**
   * Region of the pipeline, its bucket and key: the role may decrypt only through
   * `s3.<artifactRegion>.<dns suffix>`.
   * @default - the region in `artifactKeyArn`.
   */
  artifactRegion?: pulumi.Input<string>;
  /**
   * Value the caller must pass as `ExternalId` (`sts:ExternalId` condition), 2 to 1,224 characters.
   * **Warning:** CodePipeline passes no external id when it assumes an action's role, so a role
   * with `externalId` cannot run pipeline actions; set it only when your own tooling assumes the
   * role. The exact-role trust already rules out the confused deputy an external id guards against.
   * @default - no external id condition.
   */
  externalId?: string;
  /**
   * Physical role name, 1 to 64 of `[A-Za-z0-9+=,.@_-]`. Fixed, so the tools side can name the
   * role before it exists (`crossAccountDeployRoleArn(...)`); IAM names are global to the account.
   * @default - `<project>-<stack>-<name>` cut to 64 characters.
   */
  roleName?: string;
  /**
   * IAM path of the role, e.g. `/aws-cicd/platform/` (its ARN is then
   * `arn:<partition>:iam::<account>:role/aws-cicd/platform/<name>`): a shared artifact bucket and key
   * can grant every deploy role at the path at once (`readerRolePaths`, `principalRolePaths`).
   * @default "/" ({@link DEFAULT_ROLE_PATH})
   */
  rolePath?: string;
  /**
   * Description of the role.
   * @default - "Role the pipeline role <pipelineRoleArn> assumes to deploy (aws-cicd)."
   */
  description?: pulumi.Input<string>;
  /**
   * `"scoped"`: the deploy statements scoped to exactly the given targets. `"aws-managed"`: AWS's
   * `AdministratorAccess-AWSElasticBeanstalk` instead of the Elastic Beanstalk statements (an escape
   * hatch when AWS calls something the scoped set does not allow; it reaches every Beanstalk
   * environment of the account, see PERMISSIONS.md). The artifact read and decrypt statements stay.
   * `"aws-managed"` needs at least one of `beanstalkTargets`; other target kinds always get scoped statements.
   * @default "scoped" ({@link DEFAULT_DEPLOY_PERMISSIONS})
   */
  permissions?: string;
  /**
   * Permissions boundary of the role.
   * @default - none.
   */
  permissionsBoundary?: pulumi.Input<string>;
  /**
   * Tags of the role.
   * @default - no tags.
   */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}
