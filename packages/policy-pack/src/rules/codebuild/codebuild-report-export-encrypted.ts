import { isAwsManagedKeyAlias, isTrue, resourceRule } from "../rule";

interface Config {
  requireCustomerManagedKeys: boolean;
}

export const codebuildReportExportEncrypted = resourceRule<Config>(
  {
    id: "aws-cicd-codebuild-report-export-encrypted",
    service: "codebuild",
    description:
      "CodeBuild report groups that export to S3 keep the export encrypted; with `requireCustomerManagedKeys`, with a customer managed key.",
    severity: "medium",
    remediation: "Set `exportConfig.s3Destination.encryptionKey` to a customer managed key and leave `encryptionDisabled` false.",
    tier: "baseline",
    configSchema: { properties: { requireCustomerManagedKeys: { type: "boolean", default: false } } },
    strictConfig: { requireCustomerManagedKeys: true },
    references: { securityHub: ["CodeBuild.7"] },
    preview:
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
  },
  ["aws:codebuild/reportGroup:ReportGroup"],
  (props, report, config) => {
    if (props.exportConfig?.type !== "S3") return;
    const d = props.exportConfig.s3Destination ?? {};
    if (isTrue(d.encryptionDisabled)) report("Report group export disables encryption.");
    else if (config.requireCustomerManagedKeys && (!d.encryptionKey || isAwsManagedKeyAlias(d.encryptionKey)))
      report("Report group export has no customer managed `encryptionKey`.");
  },
);
