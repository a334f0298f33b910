import { isTrue, resourceRule } from "../rule";
import { containerLabel, containersOf, TASK_DEFINITION_PREVIEW } from "./containers";

export const ecsTaskNotPrivileged = resourceRule(
  {
    id: "aws-cicd-ecs-task-not-privileged",
    service: "ecs",
    description: "ECS containers do not run privileged (root on the host).",
    severity: "high",
    remediation: "Remove `privileged: true` from the container definition.",
    tier: "strict",
    references: {},
    preview: TASK_DEFINITION_PREVIEW,
  },
  ["aws:ecs/taskDefinition:TaskDefinition"],
  (props, report) => {
    containersOf(props).forEach((c, i) => {
      if (isTrue(c.privileged)) report(`ECS container ${containerLabel(c, i)} runs privileged.`);
    });
  },
);
