import { statementLabel } from "../policy-documents";
import { documentsRule } from "./documents-rule";

interface Config {
  /** Service principals that send no aws:SourceAccount / aws:SourceArn when they assume a role. */
  servicesWithoutSourceKeys: string[];
}

const SOURCE_KEYS = ["aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid", "aws:sourceorgpaths", "sts:externalid"];

function conditionKeys(c: Record<string, unknown> | undefined): string[] {
  return Object.values(c ?? {}).flatMap((v) => (v && typeof v === "object" ? Object.keys(v).map((k) => k.toLowerCase()) : []));
}

export const iamServiceTrustSource = documentsRule<Config>(
  {
    id: "aws-cicd-iam-service-trust-source",
    service: "iam",
    description:
      "Trust statements for service principals carry aws:SourceAccount / aws:SourceArn (or the external id the service documents), against the confused deputy; services that send no source keys (EC2 instance profiles, CodeDeploy) are listed in `servicesWithoutSourceKeys`.",
    severity: "medium",
    remediation:
      'Add `Condition: { StringEquals: { "aws:SourceAccount": <account> }, ArnLike: { "aws:SourceArn": <resource ARN> } }` (createServiceRole does).',
    references: {},
    configSchema: {
      properties: {
        // CodeDeploy documents no source keys for its service role (aws-cicd PERMISSIONS.md, "Trust").
        servicesWithoutSourceKeys: { type: "array", items: { type: "string" }, default: ["ec2.amazonaws.com", "codedeploy.amazonaws.com"] },
      },
    },
  },
  ["trust"],
  (doc, report, config) => {
    for (const [i, s] of doc.statements.entries()) {
      if (s.Effect !== "Allow" || !s.Principal || s.Principal === "*") continue;
      const services = (s.Principal.Service ?? []).filter((p) => !config.servicesWithoutSourceKeys.includes(p));
      if (services.length === 0 || conditionKeys(s.Condition).some((k) => SOURCE_KEYS.includes(k))) continue;
      report(`Trust policy ${statementLabel(s, i)} trusts ${services.join(", ")} without aws:SourceAccount or aws:SourceArn.`);
    }
  },
);
