import { isTrue } from "../rule";
import { containerRule } from "./containers";

export const ecsTaskReadonlyRootFilesystem = containerRule(
  {
    id: "aws-cicd-ecs-task-readonly-root-filesystem",
    description: "ECS containers mount their root filesystem read-only. Advisory: some images must write outside their volumes.",
    severity: "medium",
    remediation: "Set `readonlyRootFilesystem: true` on the container, with volumes for what it writes (EcsServiceTarget does by default).",
  },
  (c, label) => (isTrue(c.readonlyRootFilesystem) ? undefined : `ECS container ${label} has a writable root filesystem.`),
);
