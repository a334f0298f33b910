import * as pulumi from "@pulumi/pulumi";
import { beanstalkDeployStatementsForTargets, BeanstalkDeployTargetInfo } from "../../beanstalk/policies";
import { PolicyStatement } from "../../security/iam";
import { BEANSTALK_ENVIRONMENT_NAME_PATTERN } from "../../beanstalk/validate";
import { ActionCommonArgs, ActionDefinition, BindContext, ConsumingActionArgs } from "../action-types";
import { DEPLOY_ACTION_SHAPE, checkArn, checkName, checkTargetFields } from "./shared";

/** Name of a `beanstalkDeploy` action when none is given. */
export const DEFAULT_BEANSTALK_DEPLOY_ACTION_NAME = "Deploy";

/**
 * Statements of `beanstalkDeployStatements` that the pipeline role already holds through its
 * artifact store grant (`ReadWriteArtifacts`: `s3:GetObject`, `s3:GetObjectVersion` on the
 * artifact objects), so the deploy action does not grant them a second time.
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
export interface BeanstalkDeployActionArgs extends BeanstalkDeployTargetInfo, ActionCommonArgs, ConsumingActionArgs {}

const APPLICATION_NAME = /^[^/]{1,100}$/;
const ENVIRONMENT_ID = /^e-[a-z0-9]+$/;
const REQUIRED = ["applicationName", "environmentName", "applicationArn", "environmentArn", "environmentId", "instanceRoleArn"] as const;

/** The `beanstalkDeploy` action kind. */
export const beanstalkDeployAction: ActionDefinition<BeanstalkDeployActionArgs> = {
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
  },
  bind(a, ctx) {
    const configuration: Record<string, pulumi.Input<string>> = { ApplicationName: a.applicationName, EnvironmentName: a.environmentName };
    return {
      declaration: { category: "Deploy", owner: "AWS", provider: "ElasticBeanstalk", version: "1", configuration },
      statements: deployStatements([a], ctx),
    };
  },
  // Several environments (dev, prod...) share one statement list: a list per environment would
  // exceed IAM's 10,240 characters of inline policy per role with the second environment.
  combineStatements: (actions) =>
    deployStatements(
      actions.map((x) => x.args),
      actions[0].ctx,
    ),
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
export function beanstalkDeploy(args: BeanstalkDeployActionArgs): {
  /** The action's arguments. */
  beanstalkDeploy: BeanstalkDeployActionArgs;
} {
  return { beanstalkDeploy: args };
}
