import { resourceRule } from "../rule";
import { statementsOf } from "../policy-documents";
import { publicAllowProblems } from "../resource-policy-checks";

export const snsNotPublic = resourceRule(
  {
    id: "aws-cicd-sns-not-public",
    service: "sns",
    description: 'SNS topic policies do not allow the "*" principal without conditions.',
    severity: "critical",
    remediation: 'Name the publishing service principals (with aws:SourceAccount) or accounts instead of "*".',
    tier: "baseline",
    references: { securityHub: ["SNS.4"] },
    preview:
      "Judges policy documents known in preview. A document that embeds an ARN of a resource created in the same run is unknown: that resource alone is not judged (CrossGuard notes it), and the rule runs again at `pulumi up`.",
  },
  ["aws:sns/topicPolicy:TopicPolicy", "aws:sns/topic:Topic"],
  (props, report) => {
    // Stryker disable next-line ArrayDeclaration: a fallback list with an item that is not a statement (no `Effect`) yields no problem either.
    for (const p of publicAllowProblems(statementsOf(props.policy) ?? [])) report(`Topic policy ${p}.`);
  },
);
