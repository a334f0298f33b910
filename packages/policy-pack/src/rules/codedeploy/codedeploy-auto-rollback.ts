import { isTrue, resourceRule } from "../rule";

export const codedeployAutoRollback = resourceRule(
  {
    id: "aws-cicd-codedeploy-auto-rollback",
    service: "codedeploy",
    description: "CodeDeploy deployment groups roll back automatically on failure, and on alarms when alarms are configured.",
    severity: "medium",
    remediation:
      'Set `autoRollbackConfiguration: { enabled: true, events: ["DEPLOYMENT_FAILURE"] }` (add DEPLOYMENT_STOP_ON_ALARM with alarms).',
    tier: "strict",
    references: {},
    preview:
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
  },
  ["aws:codedeploy/deploymentGroup:DeploymentGroup"],
  (props, report) => {
    const r = props.autoRollbackConfiguration;
    const events: string[] = Array.isArray(r?.events) ? r.events : [];
    if (!isTrue(r?.enabled) || !events.includes("DEPLOYMENT_FAILURE")) {
      report("Deployment group does not roll back automatically on DEPLOYMENT_FAILURE.");
      return;
    }
    const alarms = props.alarmConfiguration;
    if (isTrue(alarms?.enabled ?? alarms?.alarms?.length > 0) && !events.includes("DEPLOYMENT_STOP_ON_ALARM")) {
      report("Deployment group has alarms but does not roll back on DEPLOYMENT_STOP_ON_ALARM.");
    }
  },
);
