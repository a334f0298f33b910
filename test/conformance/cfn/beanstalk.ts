import { defined, pick, ServiceTranslations } from "./context";

/** Pulumi `appversionLifecycle` as `ResourceLifecycleConfig` (one rule: by count or by age). */
function lifecycle(l: any): Record<string, unknown> | undefined {
  if (l === undefined) return undefined;
  const rule = { Enabled: true, DeleteSourceFromS3: l.deleteSourceFromS3 ?? false };
  return {
    ServiceRole: l.serviceRole,
    VersionLifecycleConfig:
      l.maxAgeInDays !== undefined
        ? { MaxAgeRule: { ...rule, MaxAgeInDays: l.maxAgeInDays } }
        : { MaxCountRule: { ...rule, MaxCount: l.maxCount } },
  };
}

/** Elastic Beanstalk: applications and environments (settings as `OptionSettings`). */
export const beanstalk: ServiceTranslations = {
  "aws:elasticbeanstalk/application:Application": {
    exposes: (r) => [[r.state.name, "Ref"]],
    translate: (r, ctx) => ({
      Type: "AWS::ElasticBeanstalk::Application",
      Properties: defined({
        ApplicationName: r.inputs.name,
        Description: r.inputs.description,
        ResourceLifecycleConfig: ctx.link(lifecycle(r.inputs.appversionLifecycle)),
      }),
    }),
  },
  "aws:elasticbeanstalk/environment:Environment": {
    exposes: (r) => [
      [r.state.name, "Ref"],
      [r.state.endpointUrl, "EndpointURL"],
    ],
    translate: (r, ctx) => ({
      Type: "AWS::ElasticBeanstalk::Environment",
      Properties: defined({
        ApplicationName: ctx.link(r.inputs.application),
        EnvironmentName: r.inputs.name,
        ...pick(r.inputs, {
          description: "Description",
          solutionStackName: "SolutionStackName",
          platformArn: "PlatformArn",
          cnamePrefix: "CNAMEPrefix",
          templateName: "TemplateName",
          version: "VersionLabel",
        }),
        Tier: r.inputs.tier && { Name: r.inputs.tier, Type: r.inputs.tier === "Worker" ? "SQS/HTTP" : "Standard" },
        OptionSettings: (r.inputs.settings ?? []).map((s: any) =>
          defined({
            Namespace: s.namespace,
            OptionName: s.name,
            ResourceName: s.resource,
            Value: ctx.link(String(s.value)),
          }),
        ),
      }),
    }),
  },
};
