import { containerRule } from "./containers";

export const ecsTaskLogging = containerRule(
  {
    id: "aws-cicd-ecs-task-logging",
    description: "ECS containers send their output to a log driver (`logConfiguration.logDriver`), such as `awslogs` to CloudWatch Logs.",
    severity: "high",
    remediation:
      'Give each container a `logConfiguration` with a `logDriver` (`"awslogs"` with a log group encrypted under your key; EcsServiceTarget does so by default).',
    tier: "baseline",
    references: { securityHub: ["ECS.9"] },
  },
  (c, label) => {
    const driver = c.logConfiguration?.logDriver;
    return typeof driver === "string" && driver !== "" ? undefined : `ECS container ${label} has no log configuration: its output is lost.`;
  },
);
