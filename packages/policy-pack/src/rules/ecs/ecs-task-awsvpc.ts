import { resourceRule } from "../rule";

export const ecsTaskAwsvpc = resourceRule(
  {
    id: "aws-cicd-ecs-task-awsvpc",
    service: "ecs",
    description: "ECS task definitions use the `awsvpc` network mode: each task gets its own network interface and security groups.",
    severity: "medium",
    remediation: 'Set `networkMode: "awsvpc"` (Fargate requires it).',
    tier: "strict",
    references: {},
    preview:
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
  },
  ["aws:ecs/taskDefinition:TaskDefinition"],
  (props, report) => {
    if (props.networkMode !== "awsvpc")
      report(`ECS task definition uses the network mode "${props.networkMode ?? "bridge"}", not "awsvpc".`);
  },
);
