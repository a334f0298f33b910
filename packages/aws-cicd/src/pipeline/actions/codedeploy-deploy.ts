import * as pulumi from "@pulumi/pulumi";
import { codeDeployDeployStatements, CodeDeployTargetInfo } from "../../codedeploy/policies";
import { CODEDEPLOY_NAME_PATTERN } from "../../codedeploy/validate";
import { ActionCommonArgs, ActionKind, ConsumingActionArgs } from "../action-types";
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
export interface CodeDeployActionArgs extends CodeDeployTargetInfo, ActionCommonArgs, ConsumingActionArgs {}

const REQUIRED = ["applicationName", "deploymentGroupName", "applicationArn", "deploymentGroupArn", "deploymentConfigArn"] as const;

/** The `codeDeploy` action kind. */
export const codeDeployKind: ActionKind<CodeDeployActionArgs> = {
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
