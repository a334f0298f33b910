import { isAwsManagedKeyAlias, isTrue, keyOf, resourceRule } from "../rule";

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
      "Judges the resource's inputs. A key ARN built from another resource's output is unknown in preview and counts as a customer managed key (AWS managed keys are constant `alias/aws/...` names); other unknown inputs leave that resource alone unjudged until `pulumi up`.",
  },
  ["aws:codebuild/reportGroup:ReportGroup"],
  (props, report, config) => {
    if (props.exportConfig?.type !== "S3") return;
    const d = props.exportConfig.s3Destination ?? {};
    if (isTrue(d.encryptionDisabled)) report("Report group export disables encryption.");
    else if (config.requireCustomerManagedKeys) {
      const key = keyOf(() => d.encryptionKey);
      if (!key || isAwsManagedKeyAlias(key)) report("Report group export has no customer managed `encryptionKey`.");
    }
  },
);
