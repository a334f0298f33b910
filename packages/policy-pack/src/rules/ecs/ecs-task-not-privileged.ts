import { isTrue } from "../rule";
import { containerRule } from "./containers";

export const ecsTaskNotPrivileged = containerRule(
  {
    id: "aws-cicd-ecs-task-not-privileged",
    description: "ECS containers do not run privileged (root on the host).",
    severity: "high",
    remediation: "Remove `privileged: true` from the container definition.",
  },
  (c, label) => (isTrue(c.privileged) ? `ECS container ${label} runs privileged.` : undefined),
);
