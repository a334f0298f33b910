import { stackRule } from "../rule";
import { statementsOf } from "../policy-documents";
import { relatedResources } from "../relations";
import { hasTlsDeny } from "../resource-policy-checks";
import { computedInput, forEachContained } from "../unknowns";

export const snsTlsOnly = stackRule(
  {
    id: "aws-cicd-sns-tls-only",
    service: "sns",
    description: "SNS topic policies deny publishing without TLS.",
    severity: "medium",
    remediation:
      'Add a topic policy statement that denies `sns:Publish` to Principal "*" when `aws:SecureTransport` is false (SecureTopic does).',
    tier: "strict",
    references: { cdkNag: ["SNS3"] },
    preview:
      "Finds the topic policy by property dependency on `arn`. A topic with no policy is reported; a policy document that embeds the new topic's ARN is unknown, so that topic alone is not judged and the rule runs again at `pulumi up`.",
  },
  async (resources, report) => {
    await forEachContained(
      resources.filter((r) => r.type === "aws:sns/topic:Topic"),
      (topic) => {
        // A topic is named by its ARN, which relatedResources always reads: no other name field.
        // Stryker disable next-line ArrayDeclaration: a topic has no field "Stryker was here", so an extra name field names nothing.
        const policies = relatedResources(resources, topic, "aws:sns/topicPolicy:TopicPolicy", "arn", []);
        const own = computedInput(topic, "policy");
        // A policy set from outputs is read (and, unknown, stops this topic only); AWS's default policy has no TLS deny.
        const docs = [
          ...(own.state === "known"
            ? [own.value]
            : own.state === "given"
              ? [topic.props.policy]
              : // Stryker disable next-line ArrayDeclaration: a string that is no policy document has no statement, as no document.
                []),
          ...policies.map((p) => p.props.policy),
        ];
        const ok = docs.some((d) => {
          // Stryker disable next-line ArrayDeclaration: a string is no statement, so it denies nothing, as no statement.
          const statements = statementsOf(d) ?? [];
          return hasTlsDeny(statements, ["sns:Publish"], []);
        });
        if (!ok) report(`SNS topic "${topic.name}" has no policy denying publishing without TLS.`, topic.urn);
      },
    );
  },
);
