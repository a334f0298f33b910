import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/**
 * Most CloudWatch alarms a deployment group takes.
 * @see https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_AlarmConfiguration.html
 */
export const CODEDEPLOY_MAX_ALARMS = 10;

/**
 * Throws unless `alarms` (the arg `arg`) names 1 to {@link CODEDEPLOY_MAX_ALARMS} alarms, each a
 * name of 1 to 255 characters or an Output. Shared by every CodeDeploy target.
 */
export function checkRollbackAlarms(arg: string, alarms: pulumi.Input<string>[] | undefined): void {
  if (alarms !== undefined && (alarms.length === 0 || alarms.length > CODEDEPLOY_MAX_ALARMS)) {
    throw new Error(`\`${arg}\` must name 1 to ${CODEDEPLOY_MAX_ALARMS} alarms, got ${alarms.length}.`);
  }
  (alarms ?? []).forEach((a, i) => {
    if (typeof a === "string" ? a.length === 0 || a.length > 255 : !pulumi.Output.isInstance(a) && !(a instanceof Promise)) {
      throw new Error(`\`${arg}[${i}]\` must be an alarm name of 1 to 255 characters, got "${String(a)}".`);
    }
  });
}

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
