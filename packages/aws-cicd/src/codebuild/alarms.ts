import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { KeyReference } from "../security/encryption-key";
import { NestedSecureTopic } from "../security/secure-topic-nested";
import { NOTIFICATION_RULE_NAME, stackScopedName } from "../internal/naming";
import { BuildMonitoringArgs } from "./build-project-args";
import { interpolate } from "../internal/interpolate";

/** Period of the failed-builds alarm, in seconds. */
export const FAILED_BUILDS_ALARM_PERIOD_SECONDS = 300;

/** What {@link createMonitoring} created. */
export interface BuildMonitoring {
  /** The alert topic, when created (no `topicArn` given). */
  topic?: NestedSecureTopic;
  /** ARN of the topic alerts go to (created or given). */
  topicArn?: pulumi.Output<string>;
  /** The failed-builds alarm, when enabled. */
  alarm?: aws.cloudwatch.MetricAlarm;
  /** The CodeStar notification rule of `notificationEvents`, when any. */
  notificationRule?: aws.codestarnotifications.NotificationRule;
}

/** The inputs of the failed-builds alarm of a project. Exported for tests and reviews. */
export function failedBuildsAlarmArgs(
  projectName: pulumi.Input<string>,
  topicArn: pulumi.Input<string>,
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>,
): aws.cloudwatch.MetricAlarmArgs {
  return {
    alarmDescription: interpolate`A build of CodeBuild project ${projectName} failed.`,
    namespace: "AWS/CodeBuild",
    metricName: "FailedBuilds",
    dimensions: { ProjectName: projectName },
    statistic: "Sum",
    period: FAILED_BUILDS_ALARM_PERIOD_SECONDS,
    evaluationPeriods: 1,
    threshold: 1,
    comparisonOperator: "GreaterThanOrEqualToThreshold",
    treatMissingData: "notBreaching",
    alarmActions: [topicArn],
    tags,
  };
}

/** Creates the topic (when needed and not given), the failed-builds alarm and the notification rule. */
export function createMonitoring(
  name: string,
  projectName: pulumi.Input<string>,
  projectArn: pulumi.Input<string>,
  key: KeyReference,
  args: BuildMonitoringArgs,
  tags: pulumi.Input<Record<string, pulumi.Input<string>>> | undefined,
  parent: pulumi.Resource,
): BuildMonitoring {
  const alarmOn = args.failedBuildsAlarm ?? true;
  const events = args.notificationEvents ?? [];
  // Nothing publishes: no topic (validation refuses `emailSubscriptions` here, which would be lost).
  if (!alarmOn && events.length === 0) return {};
  const out: BuildMonitoring = {};
  if (args.topicArn !== undefined) {
    out.topicArn = pulumi.output(args.topicArn);
  } else {
    out.topic = new NestedSecureTopic(
      `${name}-alerts`,
      { encryptionKey: key, emailSubscriptions: args.emailSubscriptions, tags },
      { parent },
    );
    out.topicArn = out.topic.topicArn;
  }
  if (alarmOn) {
    out.alarm = new aws.cloudwatch.MetricAlarm(`${name}-failed-builds`, failedBuildsAlarmArgs(projectName, out.topicArn, tags), { parent });
  }
  if (events.length > 0) {
    out.notificationRule = new aws.codestarnotifications.NotificationRule(
      `${name}-notifications`,
      {
        name: stackScopedName(`${name}-builds`, NOTIFICATION_RULE_NAME),
        resource: projectArn,
        detailType: "BASIC",
        eventTypeIds: [...events],
        targets: [{ address: out.topicArn, type: "SNS" }],
        tags,
      },
      { parent },
    );
  }
  return out;
}
