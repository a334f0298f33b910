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

/**
 * The rollback settings of a deployment group: always roll back on failure; with alarms, also
 * stop and roll back when one fires, and never ignore a failure to read them.
 * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/deployments-rollback-and-redeploy.html
 */
export function rollbackSettings(alarms: pulumi.Input<string>[] | undefined): {
  autoRollbackConfiguration: { enabled: boolean; events: string[] };
  alarmConfiguration?: { enabled: boolean; alarms: pulumi.Input<string>[]; ignorePollAlarmFailure: boolean };
} {
  return {
    autoRollbackConfiguration: {
      enabled: true,
      events: alarms ? ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"] : ["DEPLOYMENT_FAILURE"],
    },
    ...(alarms ? { alarmConfiguration: { enabled: true, alarms, ignorePollAlarmFailure: false } } : {}),
  };
}
