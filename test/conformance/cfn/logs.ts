import { defined, pick, ServiceTranslations } from "./context";

/** CloudWatch Logs: log groups. */
export const logs: ServiceTranslations = {
  "aws:cloudwatch/logGroup:LogGroup": {
    exposes: (r) => [
      [r.state.arn, "Arn"],
      [r.state.name, "Ref"],
    ],
    translate: (r, ctx) => ({
      Type: "AWS::Logs::LogGroup",
      Properties: defined({
        ...pick(r.inputs, { name: "LogGroupName", retentionInDays: "RetentionInDays", logGroupClass: "LogGroupClass" }),
        KmsKeyId: ctx.link(r.inputs.kmsKeyId),
      }),
    }),
  },
};
