import { RecordedResource } from "../../harness/mocks";
import { defined, pick, policyJson, ServiceTranslations, TranslateContext } from "./context";

const TARGET = "aws:cloudwatch/eventTarget:EventTarget";

function rule(r: RecordedResource, ctx: TranslateContext) {
  const targets = ctx.claim(TARGET, "rule", r.state.name).map((t) =>
    defined({
      Id: t.inputs.targetId ?? t.name,
      ...pick(t.inputs, { arn: "Arn", roleArn: "RoleArn", input: "Input", inputPath: "InputPath" }),
    }),
  );
  return {
    Type: "AWS::Events::Rule",
    Properties: ctx.link(
      defined({
        ...pick(r.inputs, {
          name: "Name",
          description: "Description",
          scheduleExpression: "ScheduleExpression",
          state: "State",
          eventBusName: "EventBusName",
          roleArn: "RoleArn",
        }),
        EventPattern: r.inputs.eventPattern === undefined ? undefined : policyJson(r.inputs.eventPattern),
        Targets: targets.length ? targets : undefined,
      }),
      ctx.logicalId(r),
    ) as Record<string, unknown>,
  };
}

/** EventBridge rules (targets folded in) and CloudWatch alarms. */
export const events: ServiceTranslations = {
  "aws:cloudwatch/eventRule:EventRule": {
    exposes: (r) => [
      [r.state.arn, "Arn"],
      [r.state.name, "Ref"],
    ],
    translate: rule,
  },
  [TARGET]: { translate: "folded" },
  "aws:cloudwatch/metricAlarm:MetricAlarm": {
    exposes: (r) => [
      [r.state.arn, "Arn"],
      [r.state.name, "Ref"],
    ],
    translate: (r, ctx) => ({
      Type: "AWS::CloudWatch::Alarm",
      Properties: ctx.link(
        defined({
          ...pick(r.inputs, {
            name: "AlarmName",
            alarmDescription: "AlarmDescription",
            comparisonOperator: "ComparisonOperator",
            evaluationPeriods: "EvaluationPeriods",
            datapointsToAlarm: "DatapointsToAlarm",
            metricName: "MetricName",
            namespace: "Namespace",
            period: "Period",
            statistic: "Statistic",
            threshold: "Threshold",
            treatMissingData: "TreatMissingData",
            alarmActions: "AlarmActions",
            okActions: "OKActions",
            insufficientDataActions: "InsufficientDataActions",
            actionsEnabled: "ActionsEnabled",
          }),
          Dimensions: r.inputs.dimensions && Object.entries(r.inputs.dimensions).map(([Name, Value]) => ({ Name, Value })),
        }),
        ctx.logicalId(r),
      ) as Record<string, unknown>,
    }),
  },
};
