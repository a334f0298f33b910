import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** The rollback settings of a deployment group: what it takes from the args, and what it sets. */
export interface RollbackSettings {
  /** Rollback on failure, and on the alarms when there are any. */
  autoRollbackConfiguration: aws.types.input.codedeploy.DeploymentGroupAutoRollbackConfiguration;
  /**
   * The alarms that stop a deployment (a failed alarm poll stops it too).
   * @default - absent without alarms.
   */
  alarmConfiguration?: aws.types.input.codedeploy.DeploymentGroupAlarmConfiguration;
}

/**
 * Automatic rollback of a CodeDeploy deployment group, whatever its platform: on deployment
 * failure always, and on the alarms (`DEPLOYMENT_STOP_ON_ALARM`) when any are named; an alarm
 * that cannot be read stops the deployment (`ignorePollAlarmFailure: false`).
 * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/deployments-rollback-and-redeploy.html
 */
export function rollbackSettings(alarms: pulumi.Input<string>[] | undefined): RollbackSettings {
  const withAlarms = alarms !== undefined && alarms.length > 0;
  return {
    autoRollbackConfiguration: {
      enabled: true,
      events: withAlarms ? ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"] : ["DEPLOYMENT_FAILURE"],
    },
    ...(withAlarms ? { alarmConfiguration: { enabled: true, alarms, ignorePollAlarmFailure: false } } : {}),
  };
}
