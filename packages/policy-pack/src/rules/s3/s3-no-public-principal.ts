import { resourceRule } from "../rule";
import { statementsOf } from "../policy-documents";
import { publicAllowProblems } from "../resource-policy-checks";

export const s3NoPublicPrincipal = resourceRule(
  {
    id: "aws-cicd-s3-no-public-principal",
    service: "s3",
    description: 'S3 bucket policies do not allow the "*" principal without conditions.',
    severity: "critical",
    remediation:
      'Name the exact principals (role ARNs, service principals with aws:SourceAccount) instead of "*", or add a condition that limits the statement.',
    tier: "baseline",
    references: { securityHub: ["S3.2", "S3.3"], checkov: ["CKV_AWS_70"] },
    preview:
      "Judges policy documents known in preview. A document that embeds an ARN of a resource created in the same run is unknown: that resource alone is not judged (CrossGuard notes it), and the rule runs again at `pulumi up`.",
  },
  ["aws:s3/bucketPolicy:BucketPolicy"],
  (props, report) => {
    // Stryker disable next-line ArrayDeclaration: a fallback list with an item that is not a statement (no `Effect`) yields no problem either.
    for (const p of publicAllowProblems(statementsOf(props.policy) ?? [])) report(`Bucket policy ${p}.`);
  },
);
