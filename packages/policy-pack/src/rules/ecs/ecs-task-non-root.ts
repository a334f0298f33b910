import { containerRule } from "./containers";

/** Root, by name or id, with or without a group. */
const ROOT = /^(root|0)(:.*)?$/;

export const ecsTaskNonRoot = containerRule(
  {
    id: "aws-cicd-ecs-task-non-root",
    description: "ECS containers name a non-root `user`: an image's default user is often root.",
    severity: "high",
    remediation: 'Set the container\'s `user` to a non-root user such as "1000:1000" (EcsServiceTarget does by default).',
  },
  (c, label) => {
    const named = typeof c.user === "string" && c.user !== "";
    if (named && !ROOT.test(c.user)) return undefined;
    return `ECS container ${label} runs as ${named ? `"${c.user}"` : "the image's default user"}, not a named non-root user.`;
  },
);
