import { conditionKeys, statementLabel } from "../policy-documents";
import { documentsRule } from "./documents-rule";

interface Config {
  /** Service principals that send no aws:SourceAccount / aws:SourceArn when they assume a role. */
  servicesWithoutSourceKeys: string[];
}

const SOURCE_KEYS = ["aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid", "aws:sourceorgpaths", "sts:externalid"];

export const iamServiceTrustSource = documentsRule<Config>(
  {
    id: "aws-cicd-iam-service-trust-source",
    service: "iam",
    description:
      "Trust statements for service principals carry aws:SourceAccount / aws:SourceArn (or the external id the service documents), against the confused deputy; services that send no source keys (EC2 instance profiles, CodeDeploy, ECS tasks) are listed in `servicesWithoutSourceKeys`.",
    severity: "medium",
    remediation:
      'Add `Condition: { StringEquals: { "aws:SourceAccount": <account> }, ArnLike: { "aws:SourceArn": <resource ARN> } }` (createServiceRole does).',
    tier: "strict",
    references: {},
    preview:
      "Judges policy documents known in preview. A document that embeds an ARN of a resource created in the same run is unknown: that resource alone is not judged (CrossGuard notes it), and the rule runs again at `pulumi up`.",
    configSchema: {
      properties: {
        // CodeDeploy documents no source keys for its service role, nor ECS for the task execution
        // role (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html);
        // aws-cicd PERMISSIONS.md, "Trust".
        servicesWithoutSourceKeys: {
          type: "array",
          items: { type: "string" },
          default: ["ec2.amazonaws.com", "codedeploy.amazonaws.com", "ecs-tasks.amazonaws.com"],
        },
      },
    },
  },
  ["trust"],
  (doc, report, config) => {
    for (const [i, s] of doc.statements.entries()) {
      // No principal, or the anonymous one: no service to judge.
      if (s.Effect !== "Allow" || typeof s.Principal !== "object") continue;
      const services = (s.Principal.Service ?? []).filter((p) => !config.servicesWithoutSourceKeys.includes(p));
      if (services.length === 0 || conditionKeys(s).some((k) => SOURCE_KEYS.includes(k))) continue;
      report(`Trust policy ${statementLabel(s, i)} trusts ${services.join(", ")} without aws:SourceAccount or aws:SourceArn.`);
    }
  },
);
