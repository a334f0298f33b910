import { isAwsManagedKeyAlias, isTrue, resourceRule } from "../rule";

export const codebuildReportExportEncrypted = resourceRule(
  {
    id: "aws-cicd-codebuild-report-export-encrypted",
    service: "codebuild",
    description: "CodeBuild report groups that export to S3 encrypt the export with a customer managed key.",
    severity: "medium",
    remediation: "Set `exportConfig.s3Destination.encryptionKey` to a customer managed key and leave `encryptionDisabled` false.",
    references: { securityHub: ["CodeBuild.7"] },
  },
  ["aws:codebuild/reportGroup:ReportGroup"],
  (props, report) => {
    if (props.exportConfig?.type !== "S3") return;
    const d = props.exportConfig.s3Destination ?? {};
    if (isTrue(d.encryptionDisabled)) report("Report group export disables encryption.");
    else if (!d.encryptionKey || isAwsManagedKeyAlias(d.encryptionKey))
      report("Report group export has no customer managed `encryptionKey`.");
  },
);
