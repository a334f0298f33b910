import * as pulumi from "@pulumi/pulumi";
import { codeDeployDeployStatements, CodeDeployTargetInfo } from "../../codedeploy/policies";
import { CODEDEPLOY_NAME_PATTERN } from "../../codedeploy/validate";
import { ActionCommonArgs, RegionalActionArgs, ActionKind, ConsumingActionArgs, CrossAccountDeployTargetKind } from "../action-types";
import { DEPLOY_ACTION_SHAPE, checkArn, checkName, checkTargetFields } from "./shared";

/** Name of a `codeDeploy` action when none is given. */
export const DEFAULT_CODEDEPLOY_ACTION_NAME = "Deploy";

/**
 * A CodeDeploy deploy to an EC2/On-premises deployment group: the input artifact (a ZIP with an
 * `appspec.yml` at its root) becomes a revision of the application and is deployed to the group.
 * `Ec2FleetTarget.deployAction()` fills the target fields; `Ec2FleetTarget.deployTarget()`
 * returns them as plain data.
 *
 * The pipeline role gets `codeDeployDeployStatements`: `RegisterApplicationRevision`,
 * `GetApplication`, `GetApplicationRevision` on the application, `CreateDeployment` and
 * `GetDeployment` on the deployment group, `GetDeploymentConfig` on its configuration. The
 * instances download the revision from the artifact bucket with their own role.
 */
export interface CodeDeployActionArgs extends CodeDeployTargetInfo, ActionCommonArgs, RegionalActionArgs, ConsumingActionArgs {
  /**
   * ARN of the deployment group's instance role, when the action runs with `roleArn` in another
   * account: its instances download the revision from the pipeline's artifact bucket with this
   * role, so the bucket and the key the pipeline creates let it read the artifacts (decrypt
   * through S3 only). The role itself needs the matching identity statements: create the
   * `Ec2FleetTarget` with the pipeline's `artifactBucketArn` and `artifactKeyArn`.
   * `Ec2FleetTarget.deployAction({ roleArn })` sets it. Only with `roleArn`: in the pipeline's own
   * account the instance role's identity policy is enough.
   * @default - no instance role is named by the artifact store's policies.
   */
  instanceRoleArn?: pulumi.Input<string>;
}

const REQUIRED = ["applicationName", "deploymentGroupName", "applicationArn", "deploymentGroupArn", "deploymentConfigArn"] as const;

/**
 * CodeDeploy deployment groups as targets of a `CrossAccountDeployRole` (`codeDeployTargets`):
 * register revisions, create and follow deployments, read the configurations, on exactly these
 * groups (the role's artifact read covers what CodeDeploy reads of the revision).
 */
export const CODEDEPLOY_CROSS_ACCOUNT_TARGETS: CrossAccountDeployTargetKind<CodeDeployTargetInfo> = {
  targetsArg: "codeDeployTargets",
  requiredFields: REQUIRED,
  source: "`target.deployTarget()` of an Ec2FleetTarget",
  statements: (targets) => codeDeployDeployStatements(targets),
};

/** The `codeDeploy` action kind. */
export const codeDeployKind: ActionKind<CodeDeployActionArgs> = {
  crossRegion: true,
  defaultName: () => DEFAULT_CODEDEPLOY_ACTION_NAME,
  ...DEPLOY_ACTION_SHAPE,
  validate(a, path) {
    checkTargetFields(path, a, REQUIRED, "`target.deployAction()` or spread `target.deployTarget()` of an Ec2FleetTarget");
    const names = "a CodeDeploy name (1 to 100 letters, digits or ._+=,@- characters)";
    checkName(path, "applicationName", a.applicationName, CODEDEPLOY_NAME_PATTERN, names);
    checkName(path, "deploymentGroupName", a.deploymentGroupName, CODEDEPLOY_NAME_PATTERN, names);
    checkName(
      path,
      "applicationArn",
      a.applicationArn,
      /^arn:aws[a-z-]*:codedeploy:[a-z0-9-]+:\d{12}:application:.+$/,
      'an application ARN ("arn:aws:codedeploy:<region>:<account>:application:<name>")',
    );
    checkName(
      path,
      "deploymentGroupArn",
      a.deploymentGroupArn,
      /^arn:aws[a-z-]*:codedeploy:[a-z0-9-]+:\d{12}:deploymentgroup:[^/]+\/.+$/,
      'a deployment group ARN ("arn:aws:codedeploy:<region>:<account>:deploymentgroup:<application>/<group>")',
    );
    checkName(
      path,
      "deploymentConfigArn",
      a.deploymentConfigArn,
      /^arn:aws[a-z-]*:codedeploy:[a-z0-9-]+:\d{12}:deploymentconfig:.+$/,
      'a deployment configuration ARN ("arn:aws:codedeploy:<region>:<account>:deploymentconfig:<name>")',
    );
    checkArn(path, "roleArn", a.roleArn, "iam");
    checkArn(path, "instanceRoleArn", a.instanceRoleArn, "iam");
    if (a.instanceRoleArn !== undefined && a.roleArn === undefined) {
      throw new Error(
        `\`${path}.instanceRoleArn\` only applies with \`roleArn\` (a deploy from another account); in the pipeline's account the instance role's own policy reaches the artifacts, so remove it.`,
      );
    }
  },
  bind(a) {
    const configuration: Record<string, pulumi.Input<string>> = {
      ApplicationName: a.applicationName,
      DeploymentGroupName: a.deploymentGroupName,
    };
    return {
      declaration: { category: "Deploy", owner: "AWS", provider: "CodeDeploy", version: "1", configuration },
      statements: codeDeployDeployStatements([a]),
    };
  },
  artifactReaderRoles: (a) => (a.roleArn === undefined || a.instanceRoleArn === undefined ? [] : [a.instanceRoleArn]),
  crossAccount: CODEDEPLOY_CROSS_ACCOUNT_TARGETS,
  // Deploys to several groups (dev, prod...) share one statement list naming every group.
  combineStatements: (actions) => codeDeployDeployStatements(actions.map((x) => x.args)),
};

/** A `codeDeploy` action for a pipeline stage. */
export function codeDeployAction(args: CodeDeployActionArgs): {
  /** The action's arguments. */
  codeDeploy: CodeDeployActionArgs;
} {
  return { codeDeploy: args };
}
