import { stackRule } from "../rule";
import { statementsOf } from "../policy-documents";
import { relatedResources } from "../relations";
import { hasTlsDeny } from "../resource-policy-checks";

export const snsTlsOnly = stackRule(
  {
    id: "aws-cicd-sns-tls-only",
    service: "sns",
    description: "SNS topic policies deny publishing without TLS.",
    severity: "medium",
    remediation:
      'Add a topic policy statement that denies `sns:Publish` to Principal "*" when `aws:SecureTransport` is false (SecureTopic does).',
    references: { cdkNag: ["SNS3"] },
  },
  (resources, report) => {
    for (const topic of resources.filter((r) => r.type === "aws:sns/topic:Topic")) {
      const docs = [
        topic.props.policy,
        ...relatedResources(resources, topic, "aws:sns/topicPolicy:TopicPolicy", "arn", ["arn"]).map((p) => p.props.policy),
      ];
      const ok = docs.some((d) => hasTlsDeny(statementsOf(d) ?? [], "sns", ["sns:Publish"], []));
      if (!ok) report(`SNS topic "${topic.name}" has no policy denying publishing without TLS.`, topic.urn);
    }
  },
);
