import { resourceRule } from "../rule";
import { containerLabel, containersOf, TASK_DEFINITION_PREVIEW } from "./containers";

/** Root, by name or id, with or without a group. */
const ROOT = /^(root|0)(:.*)?$/;

export const ecsTaskNonRoot = resourceRule(
  {
    id: "aws-cicd-ecs-task-non-root",
    service: "ecs",
    description: "ECS containers name a non-root `user`: an image's default user is often root.",
    severity: "high",
    remediation: 'Set the container\'s `user` to a non-root user such as "1000:1000" (EcsServiceTarget does by default).',
    tier: "strict",
    references: {},
    preview: TASK_DEFINITION_PREVIEW,
  },
  ["aws:ecs/taskDefinition:TaskDefinition"],
  (props, report) => {
    containersOf(props).forEach((c, i) => {
      if (typeof c.user !== "string" || c.user === "" || ROOT.test(c.user)) {
        report(
          `ECS container ${containerLabel(c, i)} runs as ${typeof c.user === "string" && c.user !== "" ? `"${c.user}"` : "the image's default user"}, not a named non-root user.`,
        );
      }
    });
  },
);
