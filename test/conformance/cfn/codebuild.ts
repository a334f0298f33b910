import { defined, pascalKeys, ServiceTranslations } from "./context";

/** Pulumi keys of aws.codebuild.Project whose CloudFormation name differs by more than the first letter. */
const PROJECT_RENAMES: Record<string, string> = {
  buildTimeout: "TimeoutInMinutes",
  queuedTimeout: "QueuedTimeoutInMinutes",
  buildspec: "BuildSpec",
  cloudwatchLogs: "CloudWatchLogs",
  s3Logs: "S3Logs",
};

/** CodeBuild: projects and report groups. */
export const codebuild: ServiceTranslations = {
  "aws:codebuild/project:Project": {
    exposes: (r) => [
      [r.state.arn, "Arn"],
      [r.state.name, "Ref"],
    ],
    translate: (r, ctx) => {
      const { tags: _tags, projectVisibility, ...inputs } = r.inputs;
      return {
        Type: "AWS::CodeBuild::Project",
        Properties: ctx.link(
          defined({ ...(pascalKeys(inputs, PROJECT_RENAMES) as Record<string, unknown>), Visibility: projectVisibility }),
          ctx.logicalId(r),
        ) as Record<string, unknown>,
      };
    },
  },
  "aws:codebuild/reportGroup:ReportGroup": {
    exposes: (r) => [[r.state.arn, "Arn"]],
    translate: (r, ctx) => {
      const exportConfig = r.inputs.exportConfig ?? {};
      return {
        Type: "AWS::CodeBuild::ReportGroup",
        Properties: defined({
          Name: r.inputs.name,
          Type: r.inputs.type,
          DeleteReports: r.inputs.deleteReports,
          ExportConfig: {
            ExportConfigType: exportConfig.type,
            S3Destination: exportConfig.s3Destination && ctx.link(pascalKeys(exportConfig.s3Destination)),
          },
        }),
      };
    },
  },
};
