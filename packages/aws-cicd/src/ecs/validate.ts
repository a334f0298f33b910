import { checkRollbackAlarmNames, CODEDEPLOY_NAME_PATTERN } from "../codedeploy/validate";
import { checkArnArg, IAM_ROLE_ARN_PATTERN } from "../internal/arns";
import { checkArgsObject, checkTypes, shown } from "../internal/types";
import { ECS_NAME_PATTERN } from "../pipeline/actions/ecs-deploy";
import { ECS_MAX_TERMINATION_WAIT_MINUTES, EcsBlueGreenArgs, EcsServiceTargetArgs, EcsTrafficConfig } from "./ecs-service-target-args";

/** An Application Load Balancer target group ARN. */
export const TARGET_GROUP_ARN_PATTERN =
  /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\/[A-Za-z0-9-]{1,32}\/[0-9a-f]+$/;
/** An Application Load Balancer listener ARN. */
export const ALB_LISTENER_ARN_PATTERN =
  /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:listener\/app\/[A-Za-z0-9-]{1,32}\/[0-9a-f]+\/[0-9a-f]+$/;
/** An ECS task definition family: 1 to 255 letters, digits, hyphens and underscores. */
export const TASK_DEFINITION_FAMILY_PATTERN = /^[A-Za-z0-9_-]{1,255}$/;

const ROLE = 'an IAM role ARN such as "arn:aws:iam::111122223333:role/app-task"';

function checkExistingService(args: EcsServiceTargetArgs): void {
  const s = args.existingService;
  const names = "1 to 255 letters, digits, hyphens or underscores";
  for (const key of ["clusterName", "serviceName", "taskDefinitionFamily"] as const) {
    const pattern = key === "taskDefinitionFamily" ? TASK_DEFINITION_FAMILY_PATTERN : ECS_NAME_PATTERN;
    if (!pattern.test(s[key])) throw new Error(`\`existingService.${key}\` must be ${names}, got ${shown(s[key])}.`);
  }
  checkArnArg("existingService.taskRoleArn", s.taskRoleArn, IAM_ROLE_ARN_PATTERN, ROLE);
  checkArnArg("existingService.executionRoleArn", s.executionRoleArn, IAM_ROLE_ARN_PATTERN, ROLE);
}

/** Validates {@link EcsBlueGreenArgs}; throws a plain `Error` naming the arg. */
export function checkBlueGreen(b: EcsBlueGreenArgs): void {
  const groups = b.targetGroupArns;
  if (groups.length !== 2) {
    throw new Error(
      `\`blueGreen.targetGroupArns\` must name exactly 2 target groups (blue, the one serving now, then green), got ${groups.length}.`,
    );
  }
  groups.forEach((g, i) =>
    checkArnArg(
      `blueGreen.targetGroupArns[${i}]`,
      g,
      TARGET_GROUP_ARN_PATTERN,
      'a target group ARN ("arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>")',
    ),
  );
  if (typeof groups[0] === "string" && groups[0] === groups[1]) {
    throw new Error(`\`blueGreen.targetGroupArns\` must name two different target groups, got "${groups[0]}" twice.`);
  }
  const listener =
    'an Application Load Balancer listener ARN ("arn:aws:elasticloadbalancing:<region>:<account>:listener/app/<lb>/<id>/<id>")';
  checkArnArg("blueGreen.productionListenerArn", b.productionListenerArn, ALB_LISTENER_ARN_PATTERN, listener);
  checkArnArg("blueGreen.testListenerArn", b.testListenerArn, ALB_LISTENER_ARN_PATTERN, listener);
  if (typeof b.testListenerArn === "string" && b.testListenerArn === b.productionListenerArn) {
    throw new Error(
      "`blueGreen.testListenerArn` must differ from `blueGreen.productionListenerArn`: test traffic reaches the green task set on its own port before production traffic moves.",
    );
  }
  const allowed = Object.values(EcsTrafficConfig) as string[];
  if (b.trafficConfig !== undefined && !allowed.includes(b.trafficConfig)) {
    throw new Error(`\`blueGreen.trafficConfig\` must be one of ${allowed.join(", ")}, got ${shown(b.trafficConfig)}.`);
  }
  const w = b.terminationWaitMinutes;
  if (w !== undefined && !(Number.isInteger(w) && w >= 0 && w <= ECS_MAX_TERMINATION_WAIT_MINUTES)) {
    throw new Error(`\`blueGreen.terminationWaitMinutes\` must be a whole number from 0 to ${ECS_MAX_TERMINATION_WAIT_MINUTES}, got ${w}.`);
  }
  checkRollbackAlarmNames("blueGreen.rollbackAlarmNames", b.rollbackAlarmNames);
  for (const key of ["applicationName", "deploymentGroupName"] as const) {
    const v = b[key];
    if (v !== undefined && !CODEDEPLOY_NAME_PATTERN.test(v)) {
      throw new Error(`\`blueGreen.${key}\` must be 1 to 100 letters, digits or ._+=,@- characters, got "${v}".`);
    }
  }
}

/** Validates {@link EcsServiceTargetArgs}; throws a plain `Error` naming the arg. */
export function validateEcsServiceTargetArgs(args: EcsServiceTargetArgs): void {
  checkArgsObject(args, true);
  checkTypes(args, {
    objects: {
      existingService: "`clusterName`, `serviceName` and `taskDefinitionFamily`",
      blueGreen: "`targetGroupArns`, `productionListenerArn` and `testListenerArn`",
    },
    required: [
      "existingService",
      "existingService.clusterName",
      "existingService.serviceName",
      "existingService.taskDefinitionFamily",
      "blueGreen.targetGroupArns",
      "blueGreen.productionListenerArn",
      "blueGreen.testListenerArn",
    ],
    strings: [
      "existingService.clusterName",
      "existingService.serviceName",
      "existingService.taskDefinitionFamily",
      "blueGreen.trafficConfig",
      "blueGreen.applicationName",
      "blueGreen.deploymentGroupName",
    ],
    numbers: ["blueGreen.terminationWaitMinutes"],
    inputLists: ["blueGreen.targetGroupArns", "blueGreen.rollbackAlarmNames"],
  });
  checkExistingService(args);
  if (args.blueGreen !== undefined) checkBlueGreen(args.blueGreen);
}
