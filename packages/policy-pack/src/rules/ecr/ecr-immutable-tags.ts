import { resourceRule } from "../rule";

export const ecrImmutableTags = resourceRule(
  {
    id: "aws-cicd-ecr-immutable-tags",
    service: "ecr",
    description: "ECR repositories keep image tags immutable, so that a deployed tag always names the image that was tested.",
    severity: "medium",
    remediation: 'Set `imageTagMutability: "IMMUTABLE"` (EcsServiceTarget does).',
    tier: "strict",
    references: {},
    preview:
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
  },
  ["aws:ecr/repository:Repository"],
  (props, report) => {
    if (props.imageTagMutability !== "IMMUTABLE") report(`ECR repository tags are mutable ("${props.imageTagMutability ?? "MUTABLE"}").`);
  },
);
