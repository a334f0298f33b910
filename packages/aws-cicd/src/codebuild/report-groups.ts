import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { BucketLocation, DEFAULT_DELETE_REPORTS, DEFAULT_REPORT_EXPORT_PREFIX_FOLDER } from "./build-project-args";
import { BUILDSPEC_COVERAGE_REPORT_FORMATS, BuildSpec, BuildSpecReport } from "./buildspec-types";

/** The report group name CodeBuild resolves for a buildspec report name: `<projectName>-<reportName>`. */
export function reportGroupName(projectName: string, reportName: string): string {
  return `${projectName}-${reportName}`;
}

/** Report group type for a buildspec report: `CODE_COVERAGE` for coverage formats, `TEST` otherwise (JUnit XML by default). */
export function reportGroupType(report: BuildSpecReport): "TEST" | "CODE_COVERAGE" {
  const format = report["file-format"];
  return format !== undefined && (BUILDSPEC_COVERAGE_REPORT_FORMATS as readonly string[]).includes(format) ? "CODE_COVERAGE" : "TEST";
}

/** Default key prefix of report exports. */
export function defaultReportExportPrefix(projectName: string): string {
  return `${DEFAULT_REPORT_EXPORT_PREFIX_FOLDER}/${projectName}`;
}

/** The `exportConfig` of the created report groups. */
export function reportExportConfig(
  projectName: string,
  location: BucketLocation | undefined,
  projectKeyArn: pulumi.Input<string>,
): aws.types.input.codebuild.ReportGroupExportConfig {
  if (location === undefined) return { type: "NO_EXPORT" };
  return {
    type: "S3",
    s3Destination: {
      bucket: location.bucketName,
      path: location.prefix ?? defaultReportExportPrefix(projectName),
      packaging: "NONE",
      encryptionDisabled: false,
      encryptionKey: location.keyArn ?? projectKeyArn,
    },
  };
}

/**
 * The report groups a project creates, by report name, with their type: the bare report names of
 * the inline `buildSpec` (typed from their file format), then the names of `reportGroupNames`
 * (`TEST`) and `coverageReportGroupNames` (`CODE_COVERAGE`) not already there. Report ARNs are skipped.
 */
export function reportGroupsToCreate(
  buildSpec: BuildSpec | undefined,
  reportGroupNames: string[] = [],
  coverageReportGroupNames: string[] = [],
): Record<string, "TEST" | "CODE_COVERAGE"> {
  const out: Record<string, "TEST" | "CODE_COVERAGE"> = {};
  for (const [report, spec] of Object.entries(buildSpec?.reports ?? {})) {
    if (!report.startsWith("arn:")) out[report] = reportGroupType(spec);
  }
  for (const report of reportGroupNames) out[report] ??= "TEST";
  for (const report of coverageReportGroupNames) out[report] ??= "CODE_COVERAGE";
  return out;
}

/** Creates a report group `<projectName>-<report>` for each entry of {@link reportGroupsToCreate}. */
export function createReportGroups(
  name: string,
  projectName: string,
  reports: Record<string, "TEST" | "CODE_COVERAGE">,
  exportConfig: aws.types.input.codebuild.ReportGroupExportConfig,
  tags: pulumi.Input<Record<string, pulumi.Input<string>>> | undefined,
  parent: pulumi.Resource,
): Record<string, aws.codebuild.ReportGroup> {
  const groups: Record<string, aws.codebuild.ReportGroup> = {};
  for (const [report, type] of Object.entries(reports)) {
    groups[report] = new aws.codebuild.ReportGroup(
      `${name}-report-${report}`,
      {
        name: reportGroupName(projectName, report),
        type,
        exportConfig,
        deleteReports: DEFAULT_DELETE_REPORTS,
        tags,
      },
      { parent },
    );
  }
  return groups;
}
