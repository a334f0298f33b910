import { isTrue, resourceRule } from "../rule";

export const ecsServiceNoPublicIp = resourceRule(
  {
    id: "aws-cicd-ecs-service-no-public-ip",
    service: "ecs",
    description: "ECS services do not assign public IP addresses to their tasks.",
    severity: "high",
    remediation: "Set `networkConfiguration.assignPublicIp: false` and run the tasks in private subnets.",
    tier: "strict",
    references: {},
    preview:
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
  },
  ["aws:ecs/service:Service"],
  (props, report) => {
    if (isTrue(props.networkConfiguration?.assignPublicIp)) report("ECS service assigns public IP addresses to its tasks.");
  },
);
