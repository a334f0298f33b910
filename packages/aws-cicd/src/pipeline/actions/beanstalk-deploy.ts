import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
  awsManagedPolicyArn,
  BEANSTALK_AWS_MANAGED_DEPLOY_POLICY,
  checkDeployPermissions,
  DEFAULT_DEPLOY_PERMISSIONS,
  DEPLOY_PERMISSIONS_AWS_MANAGED,
} from "../../beanstalk/deploy-permissions";
import { beanstalkDeployPolicyParts, beanstalkDeployStatementsForTargets } from "../../beanstalk/deploy-statements";
import { BeanstalkDeployTargetInfo } from "../../beanstalk/policies";
import { PolicyStatement } from "../../security/iam";
import { BEANSTALK_ENVIRONMENT_NAME_PATTERN } from "../../beanstalk/validate";
import {
  ActionCommonArgs,
  RegionalActionArgs,
  ActionKind,
  BindContext,
  ConsumingActionArgs,
  CrossAccountDeployTargetKind,
} from "../action-types";
import { DEPLOY_ACTION_SHAPE, checkArn, checkName, checkTargetFields } from "./shared";

/** Name of a `beanstalkDeploy` action when none is given. */
export const DEFAULT_BEANSTALK_DEPLOY_ACTION_NAME = "Deploy";

/**
 * Statements of `beanstalkDeployStatements` that the pipeline role already holds through its
 * artifact store grant (`ReadWriteArtifacts`: `s3:GetObject`, `s3:GetObjectVersion` on the
 * artifact objects), and a `CrossAccountDeployRole` through its artifact read
 * (`ReadPipelineArtifacts`, the same actions on the same objects), so that neither gets them twice.
 */
export const BEANSTALK_DEPLOY_SIDS_GRANTED_BY_ARTIFACT_STORE = ["ReadPipelineArtifacts"] as const;

/**
 * An Elastic Beanstalk deploy: registers the input artifact (a ZIP source bundle) as a new
 * application version and updates the environment to it. `BeanstalkTarget.deployAction()`
 * fills the target fields; `BeanstalkTarget.beanstalkDeployTarget()` returns them as plain data.
 *
 * The pipeline role gets `beanstalkDeployStatements` for exactly this application and
 * environment (see the beanstalk README for what stays broad and why); the deploy actions of
 * one pipeline share one list of those statements, each naming every environment's resources.
 * The role already reads the artifact objects and decrypts them with the artifact key through
 * S3 (its artifact store grant), which is all Elastic Beanstalk needs to copy the bundle.
 */
export interface BeanstalkDeployActionArgs extends BeanstalkDeployTargetInfo, ActionCommonArgs, RegionalActionArgs, ConsumingActionArgs {
  /**
   * `"scoped"`: the pipeline role gets `beanstalkDeployStatements`, scoped to this environment.
   * `"aws-managed"`: the pipeline role gets AWS's `AdministratorAccess-AWSElasticBeanstalk` instead,
   * an escape hatch when AWS calls something the scoped set does not allow. It costs privilege: the
   * role can then act on every Elastic Beanstalk environment of the account and pass any role to
   * EC2 (PERMISSIONS.md lists both sets). Not with `roleArn`: that role's permissions are its own
   * (`CrossAccountDeployRole` has the same choice).
   * @default "scoped" ({@link DEFAULT_DEPLOY_PERMISSIONS})
   */
  permissions?: string;
}

/** Managed policy attachments already made, per pipeline (one per pipeline role, however many actions ask). */
const managedAttachments = new WeakMap<pulumi.Resource, aws.iam.RolePolicyAttachment>();

const awsManaged = (a: BeanstalkDeployActionArgs) => (a.permissions ?? DEFAULT_DEPLOY_PERMISSIONS) === DEPLOY_PERMISSIONS_AWS_MANAGED;

/** The attachment of AWS's managed deploy policy to the pipeline role, created once per pipeline. */
function managedPolicyAttachment(ctx: BindContext): aws.iam.RolePolicyAttachment {
  let attachment = managedAttachments.get(ctx.parent);
  if (attachment === undefined) {
    pulumi.log.warn(
      `Pipeline ${ctx.pipelineName}: a Beanstalk deploy action uses \`permissions: "aws-managed"\`; the pipeline role gets ${BEANSTALK_AWS_MANAGED_DEPLOY_POLICY.name}, which reaches every Elastic Beanstalk environment of the account.`,
      ctx.parent,
    );
    attachment = new aws.iam.RolePolicyAttachment(
      `${pulumi.resourceName(ctx.parent)}-role-${BEANSTALK_AWS_MANAGED_DEPLOY_POLICY.name}`,
      { role: ctx.roleName, policyArn: awsManagedPolicyArn(ctx.aws, BEANSTALK_AWS_MANAGED_DEPLOY_POLICY) },
      { parent: ctx.parent },
    );
    managedAttachments.set(ctx.parent, attachment);
  }
  return attachment;
}

const APPLICATION_NAME = /^[^/]{1,100}$/;
const ENVIRONMENT_ID = /^e-[a-z0-9]+$/;
const REQUIRED = ["applicationName", "environmentName", "applicationArn", "environmentArn", "environmentId", "instanceRoleArn"] as const;

/**
 * Elastic Beanstalk environments as targets of a `CrossAccountDeployRole` (`beanstalkTargets`):
 * the deploy statements for exactly these environments, without the artifact read the role holds
 * already, in two customer managed policies.
 */
export const BEANSTALK_CROSS_ACCOUNT_TARGETS: CrossAccountDeployTargetKind<BeanstalkDeployTargetInfo> = {
  targetsArg: "beanstalkTargets",
  requiredFields: REQUIRED,
  source: "`target.beanstalkDeployTarget()` of a BeanstalkTarget",
  statements(targets, ctx, artifactBucketArn) {
    const covered: readonly string[] = BEANSTALK_DEPLOY_SIDS_GRANTED_BY_ARTIFACT_STORE;
    return beanstalkDeployStatementsForTargets({ targets, ctx, artifactBucketArn }).filter(
      (s) => s.sid === undefined || !covered.includes(s.sid),
    );
  },
  managedPolicyParts: beanstalkDeployPolicyParts,
};

/** The `beanstalkDeploy` action kind. */
export const beanstalkDeployKind: ActionKind<BeanstalkDeployActionArgs> = {
  crossRegion: true,
  defaultName: () => DEFAULT_BEANSTALK_DEPLOY_ACTION_NAME,
  ...DEPLOY_ACTION_SHAPE,
  validate(a, path) {
    checkTargetFields(path, a, REQUIRED, "`target.deployAction()` or spread `target.beanstalkDeployTarget()` of a BeanstalkTarget");
    checkName(
      path,
      "applicationName",
      a.applicationName,
      APPLICATION_NAME,
      'an Elastic Beanstalk application name (1 to 100 characters without "/")',
    );
    checkName(
      path,
      "environmentName",
      a.environmentName,
      BEANSTALK_ENVIRONMENT_NAME_PATTERN,
      "an Elastic Beanstalk environment name (4 to 40 letters, digits or hyphens, not starting or ending with a hyphen)",
    );
    checkName(path, "environmentId", a.environmentId, ENVIRONMENT_ID, 'an Elastic Beanstalk environment id such as "e-abcd1234ef"');
    checkArn(path, "applicationArn", a.applicationArn, "elasticbeanstalk");
    checkArn(path, "environmentArn", a.environmentArn, "elasticbeanstalk");
    checkArn(path, "instanceRoleArn", a.instanceRoleArn, "iam");
    checkArn(path, "roleArn", a.roleArn, "iam");
    checkDeployPermissions(`${path}.permissions`, a.permissions);
    if (awsManaged(a) && a.roleArn !== undefined) {
      throw new Error(
        `\`${path}.permissions\` "aws-managed" applies to the pipeline role, but the action runs with \`roleArn\`; set \`permissions\` on that role's CrossAccountDeployRole instead.`,
      );
    }
  },
  bind(a, ctx) {
    const configuration: Record<string, pulumi.Input<string>> = { ApplicationName: a.applicationName, EnvironmentName: a.environmentName };
    const declaration = { category: "Deploy" as const, owner: "AWS" as const, provider: "ElasticBeanstalk", version: "1", configuration };
    if (awsManaged(a) && a.roleArn === undefined) return { declaration, statements: [], resources: [managedPolicyAttachment(ctx)] };
    return { declaration, statements: deployStatements([a], ctx) };
  },
  // Several environments (dev, prod...) share one statement list: a list per environment would
  // exceed IAM's 10,240 characters of inline policy per role with the second environment.
  // The deploy list (about 6,500 characters for two environments) goes to two customer managed
  // policies, so that the role's inline policies keep room for the other actions.
  managedPolicyParts: beanstalkDeployPolicyParts,
  crossAccount: BEANSTALK_CROSS_ACCOUNT_TARGETS,
  combineStatements: (actions) => {
    const scoped = actions.filter((x) => !awsManaged(x.args));
    return scoped.length === 0
      ? []
      : deployStatements(
          scoped.map((x) => x.args),
          scoped[0].ctx,
        );
  },
};

/** The pipeline role's statements for deploying to `targets`, without what its artifact store grant already holds. */
function deployStatements(targets: BeanstalkDeployTargetInfo[], ctx: BindContext): PolicyStatement[] {
  const granted: readonly string[] = BEANSTALK_DEPLOY_SIDS_GRANTED_BY_ARTIFACT_STORE;
  return beanstalkDeployStatementsForTargets({
    targets: targets.map((t) => ({
      applicationName: t.applicationName,
      environmentName: t.environmentName,
      applicationArn: t.applicationArn,
      environmentArn: t.environmentArn,
      environmentId: t.environmentId,
      instanceRoleArn: t.instanceRoleArn,
    })),
    ctx: ctx.aws,
    artifactBucketArn: ctx.artifactStore.bucketArn,
  }).filter((s) => s.sid === undefined || !granted.includes(s.sid));
}

/** A `beanstalkDeploy` action for a pipeline stage. */
export function beanstalkDeployAction(args: BeanstalkDeployActionArgs): {
  /** The action's arguments. */
  beanstalkDeploy: BeanstalkDeployActionArgs;
} {
  return { beanstalkDeploy: args };
}
