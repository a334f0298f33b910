import { defined, pick, ServiceTranslations } from "./context";

/** Lambda: functions (AwsSolutions-L1 reads the runtime). Aliases have no AwsSolutions rule (NOT_TRANSLATED). */
export const lambda: ServiceTranslations = {
  "aws:lambda/function:Function": {
    exposes: (r) => [
      [r.state.arn, "Arn"],
      [r.state.name, "Ref"],
    ],
    translate: (r, ctx) => ({
      Type: "AWS::Lambda::Function",
      Properties: ctx.link(
        defined({
          ...pick(r.inputs, {
            name: "FunctionName",
            runtime: "Runtime",
            handler: "Handler",
            reservedConcurrentExecutions: "ReservedConcurrentExecutions",
          }),
          Role: r.inputs.role,
          TracingConfig: r.inputs.tracingConfig && { Mode: r.inputs.tracingConfig.mode },
          KmsKeyArn: r.inputs.kmsKeyArn,
          // The package is an asset Pulumi uploads; its contents are not judged by AwsSolutions.
          Code: { ZipFile: "exports.handler = async () => ({});" },
        }),
      ) as Record<string, unknown>,
    }),
  },
};
