import { isTrue, resourceRule } from "../rule";
import { containerLabel, containersOf, TASK_DEFINITION_PREVIEW } from "./containers";

export const ecsTaskReadonlyRootFilesystem = resourceRule(
  {
    id: "aws-cicd-ecs-task-readonly-root-filesystem",
    service: "ecs",
    description: "ECS containers mount their root filesystem read-only. Advisory: some images must write outside their volumes.",
    severity: "medium",
    remediation: "Set `readonlyRootFilesystem: true` on the container, with volumes for what it writes (EcsServiceTarget does by default).",
    tier: "strict",
    references: {},
    preview: TASK_DEFINITION_PREVIEW,
  },
  ["aws:ecs/taskDefinition:TaskDefinition"],
  (props, report) => {
    containersOf(props).forEach((c, i) => {
      if (!isTrue(c.readonlyRootFilesystem)) report(`ECS container ${containerLabel(c, i)} has a writable root filesystem.`);
    });
  },
);
