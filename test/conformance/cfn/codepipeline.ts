import { defined, pascalKeys, pick, ServiceTranslations } from "./context";

/** A Pulumi artifact store (`{ location, type, encryptionKey, region? }`) as a CloudFormation `ArtifactStore`. */
function artifactStore(store: any): Record<string, unknown> {
  return defined({
    Location: store.location,
    Type: store.type,
    EncryptionKey: store.encryptionKey && { Id: store.encryptionKey.id, Type: store.encryptionKey.type },
  });
}

/** A Pulumi pipeline action (flat category/owner/provider/version) as a CloudFormation action declaration. */
function action(a: any): Record<string, unknown> {
  return defined({
    Name: a.name,
    ActionTypeId: { Category: a.category, Owner: a.owner, Provider: a.provider, Version: a.version },
    Configuration: a.configuration,
    InputArtifacts: a.inputArtifacts?.map((name: string) => ({ Name: name })),
    OutputArtifacts: a.outputArtifacts?.map((name: string) => ({ Name: name })),
    ...pick(a, {
      namespace: "Namespace",
      region: "Region",
      roleArn: "RoleArn",
      runOrder: "RunOrder",
      timeoutInMinutes: "TimeoutInMinutes",
    }),
  });
}

/** CodePipeline: the pipeline (one store as `ArtifactStore`, regional stores as `ArtifactStores`). */
export const codepipeline: ServiceTranslations = {
  "aws:codepipeline/pipeline:Pipeline": {
    exposes: (r) => [
      [r.state.arn, "Arn"],
      [r.state.name, "Ref"],
    ],
    translate: (r, ctx) => {
      const stores: any[] = r.inputs.artifactStores ?? [];
      const regional = stores.some((s) => s.region !== undefined);
      return {
        Type: "AWS::CodePipeline::Pipeline",
        Properties: ctx.link(
          defined({
            ...pick(r.inputs, { name: "Name", roleArn: "RoleArn", pipelineType: "PipelineType", executionMode: "ExecutionMode" }),
            ArtifactStore: regional ? undefined : stores[0] && artifactStore(stores[0]),
            ArtifactStores: regional ? stores.map((s) => ({ Region: s.region, ArtifactStore: artifactStore(s) })) : undefined,
            Stages: (r.inputs.stages as any[]).map((s) => ({ Name: s.name, Actions: (s.actions as any[]).map(action) })),
            Variables: r.inputs.variables && pascalKeys(r.inputs.variables),
            Triggers: r.inputs.triggers && pascalKeys(r.inputs.triggers, { pushes: "Push", pullRequests: "PullRequest" }),
          }),
          ctx.logicalId(r),
        ) as Record<string, unknown>,
      };
    },
  },
};
