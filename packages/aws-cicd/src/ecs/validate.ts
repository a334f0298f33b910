import { CODEDEPLOY_NAME_PATTERN } from "../codedeploy/validate";
import { checkRollbackAlarms } from "../codedeploy/rollback";
import { checkArnArg, checkKeyArnArg, IAM_ROLE_ARN_PATTERN, TARGET_GROUP_ARN_PATTERN } from "../internal/arns";

export { TARGET_GROUP_ARN_PATTERN };
import { checkArgsObject, checkTypes, shown } from "../internal/types";
import { keyAllowsEcrRepositories } from "../security/encryption-key";
import { ECS_NAME_PATTERN } from "../pipeline/actions/ecs-deploy";
import { BUILD_LOG_RETENTION_DAYS } from "../codebuild/build-project-args";
import {
  ECS_LIFECYCLE_EVENTS,
  ECS_MAX_TERMINATION_WAIT_MINUTES,
  EcsBlueGreenArgs,
  EcsLifecycleHooksArgs,
  EcsServiceTargetArgs,
  EcsTrafficConfig,
} from "./ecs-service-target-args";
import { checkHookArgs } from "../lambda/validate";
import { ECS_FARGATE_DEFAULTS, EcsFargateServiceArgs, FARGATE_TASK_SIZES } from "./fargate-service-args";

/** An Application Load Balancer listener ARN. */
export const ALB_LISTENER_ARN_PATTERN =
  /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:listener\/app\/[A-Za-z0-9-]{1,32}\/[0-9a-f]+\/[0-9a-f]+$/;
/** An ECS task definition family: 1 to 255 letters, digits, hyphens and underscores. */
export const TASK_DEFINITION_FAMILY_PATTERN = /^[A-Za-z0-9_-]{1,255}$/;

const ROLE = 'an IAM role ARN such as "arn:aws:iam::111122223333:role/app-task"';

function checkExistingService(args: EcsServiceTargetArgs): void {
  const s = args.existingService;
  if (s === undefined) return;
  const names = "1 to 255 letters, digits, hyphens or underscores";
  for (const key of ["clusterName", "serviceName", "taskDefinitionFamily"] as const) {
    // Stryker disable next-line all: equivalent while both patterns are 1 to 255 letters, digits, "-" or "_"
    const pattern = key === "taskDefinitionFamily" ? TASK_DEFINITION_FAMILY_PATTERN : ECS_NAME_PATTERN;
    if (!pattern.test(s[key])) throw new Error(`\`existingService.${key}\` must be ${names}, got ${shown(s[key])}.`);
  }
  checkArnArg("existingService.taskRoleArn", s.taskRoleArn, IAM_ROLE_ARN_PATTERN, ROLE);
  checkArnArg("existingService.executionRoleArn", s.executionRoleArn, IAM_ROLE_ARN_PATTERN, ROLE);
}

// Stryker disable next-line ConditionalExpression: equivalent, Number.isInteger is false for anything but a number, so the typeof test only documents the intent
const whole = (v: unknown, min: number, max: number) => typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;
/** Root, by name or id, with or without a group. */
const ROOT_USER = /^(root|0)(:.*)?$/;

/** Validates {@link EcsFargateServiceArgs}; throws a plain `Error` naming the arg. */
export function checkFargateService(f: EcsFargateServiceArgs, blueGreen: boolean): void {
  const at = (k: string) => `\`fargateService.${k}\``;
  if (f.subnetIds.length === 0) throw new Error(`${at("subnetIds")} must list at least one private subnet, got [].`);
  if (!whole(f.containerPort, 1, 65535))
    throw new Error(`${at("containerPort")} must be a port from 1 to 65535, got ${String(f.containerPort)}.`);
  const cpu = f.cpu ?? ECS_FARGATE_DEFAULTS.cpu;
  const sizes = FARGATE_TASK_SIZES[cpu];
  if (sizes === undefined)
    throw new Error(`${at("cpu")} must be one of ${Object.keys(FARGATE_TASK_SIZES).join(", ")}, got ${String(f.cpu)}.`);
  const memory = f.memory ?? ECS_FARGATE_DEFAULTS.memory;
  if (!sizes.includes(memory)) {
    throw new Error(
      `${at("memory")} must be one of the sizes Fargate allows with ${cpu} CPU units (${sizes[0]} to ${sizes[sizes.length - 1]} MiB: ${sizes.join(", ")}), got ${String(f.memory ?? memory)}.`,
    );
  }
  if (f.desiredCount !== undefined && !whole(f.desiredCount, 0, 5000)) {
    throw new Error(`${at("desiredCount")} must be a whole number from 0 to 5000, got ${String(f.desiredCount)}.`);
  }
  if (f.user !== undefined && (f.user.length === 0 || ROOT_USER.test(f.user))) {
    throw new Error(
      `${at("user")} must name a non-root user (such as "1000:1000"), got ${shown(f.user)}. Build the image to run as another user.`,
    );
  }
  for (const key of ["containerName", "clusterName"] as const) {
    const v = f[key];
    // Stryker disable next-line ConditionalExpression: equivalent, RegExp.test(undefined) tests the text "undefined", which the pattern accepts
    if (v !== undefined && !ECS_NAME_PATTERN.test(v))
      throw new Error(`${at(key)} must be 1 to 255 letters, digits, hyphens or underscores, got ${shown(v)}.`);
  }
  const days: readonly number[] = BUILD_LOG_RETENTION_DAYS;
  if (f.logRetentionInDays !== undefined && !days.includes(f.logRetentionInDays)) {
    throw new Error(`${at("logRetentionInDays")} must be one of ${days.join(", ")}, got ${String(f.logRetentionInDays)}.`);
  }
  checkKeyArnArg("fargateService.encryptionKey.keyArn", f.encryptionKey?.keyArn);
  // Stryker disable next-line ConditionalExpression: equivalent, keyAllowsEcrRepositories(undefined) is undefined, never false
  if (f.encryptionKey !== undefined && keyAllowsEcrRepositories(f.encryptionKey) === false) {
    throw new Error(
      "`fargateService.encryptionKey` also encrypts the service's ECR repository, so its key policy must let ECR create grants, got an EncryptionKey without `allowEcrRepositories`; create it with `new EncryptionKey(name, { allowEcrRepositories: true })`.",
    );
  }
  const tg = 'a target group ARN ("arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>")';
  checkArnArg("fargateService.targetGroupArn", f.targetGroupArn, TARGET_GROUP_ARN_PATTERN, tg);
  if (blueGreen && f.targetGroupArn !== undefined) {
    throw new Error(
      "`fargateService.targetGroupArn` applies to rolling services; with `blueGreen` the service starts on `blueGreen.targetGroupArns[0]`, so remove it.",
    );
  }
}

function checkLifecycleHooks(hooks: EcsLifecycleHooksArgs | undefined): void {
  if (hooks === undefined) return;
  const events = Object.keys(ECS_LIFECYCLE_EVENTS);
  if (hooks === null || typeof hooks !== "object" || Array.isArray(hooks)) {
    throw new Error(`\`blueGreen.lifecycleHooks\` must be an object with hooks for ${events.join(", ")}, got ${shown(hooks)}.`);
  }
  for (const [key, h] of Object.entries(hooks)) {
    if (!events.includes(key)) {
      throw new Error(
        `\`blueGreen.lifecycleHooks.${key}\` is not a lifecycle event of an ECS deployment; use one of ${events.join(", ")}.`,
      );
    }
    if (h === undefined) continue;
    if (h === null || typeof h !== "object" || Array.isArray(h)) {
      throw new Error(`\`blueGreen.lifecycleHooks.${key}\` must be \`{ functionArn, roleName? }\`, got ${shown(h)}.`);
    }
    checkHookArgs(`blueGreen.lifecycleHooks.${key}`, h);
  }
}

/** How a value given twice is shown: the string itself, or "the same Output" (its value is not known yet). */
const sameTwice = (v: unknown) => (typeof v === "string" ? `"${v}"` : "the same Output");

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
  // The same string, or the same Output object (`[tg.arn, tg.arn]`), given twice.
  if (groups[0] === groups[1]) {
    throw new Error(`\`blueGreen.targetGroupArns\` must name two different target groups, got ${sameTwice(groups[0])} twice.`);
  }
  const listener =
    'an Application Load Balancer listener ARN ("arn:aws:elasticloadbalancing:<region>:<account>:listener/app/<lb>/<id>/<id>")';
  checkArnArg("blueGreen.productionListenerArn", b.productionListenerArn, ALB_LISTENER_ARN_PATTERN, listener);
  checkArnArg("blueGreen.testListenerArn", b.testListenerArn, ALB_LISTENER_ARN_PATTERN, listener);
  if (b.testListenerArn === b.productionListenerArn) {
    throw new Error(
      `\`blueGreen.testListenerArn\` must differ from \`blueGreen.productionListenerArn\`, got ${sameTwice(b.testListenerArn)} for both: test traffic reaches the green task set on its own port before production traffic moves.`,
    );
  }
  const allowed = Object.values(EcsTrafficConfig) as string[];
  if (b.trafficConfig !== undefined && !allowed.includes(b.trafficConfig)) {
    throw new Error(`\`blueGreen.trafficConfig\` must be one of ${allowed.join(", ")}, got ${shown(b.trafficConfig)}.`);
  }
  checkLifecycleHooks(b.lifecycleHooks);
  const w = b.terminationWaitMinutes;
  if (w !== undefined && !(Number.isInteger(w) && w >= 0 && w <= ECS_MAX_TERMINATION_WAIT_MINUTES)) {
    throw new Error(`\`blueGreen.terminationWaitMinutes\` must be a whole number from 0 to ${ECS_MAX_TERMINATION_WAIT_MINUTES}, got ${w}.`);
  }
  checkRollbackAlarms("blueGreen.rollbackAlarmNames", b.rollbackAlarmNames);
  for (const key of ["applicationName", "deploymentGroupName"] as const) {
    const v = b[key];
    // Stryker disable next-line ConditionalExpression: equivalent, RegExp.test(undefined) tests the text "undefined", which the pattern accepts
    if (v !== undefined && !CODEDEPLOY_NAME_PATTERN.test(v)) {
      throw new Error(`\`blueGreen.${key}\` must be 1 to 100 letters, digits or ._+=,@- characters, got "${v}".`);
    }
  }
}

/** Validates {@link EcsServiceTargetArgs}; throws a plain `Error` naming the arg. */
export function validateEcsServiceTargetArgs(args: EcsServiceTargetArgs): void {
  checkArgsObject(args, true);
  const given = (["existingService", "fargateService"] as const).filter((k) => args[k] !== undefined);
  if (given.length !== 1) {
    throw new Error(
      `Set exactly one of \`existingService\` (deploy to a service you have) and \`fargateService\` (create one), got ${given.length === 0 ? "neither" : "both"}.`,
    );
  }
  checkTypes(args, {
    objects: {
      existingService: "`clusterName`, `serviceName` and `taskDefinitionFamily`",
      fargateService: "`vpcId`, `subnetIds` and `containerPort`",
      blueGreen: "`targetGroupArns`, `productionListenerArn` and `testListenerArn`",
    },
    required: [
      "existingService.clusterName",
      "fargateService.vpcId",
      "fargateService.subnetIds",
      "fargateService.containerPort",
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
      "fargateService.containerName",
      "fargateService.clusterName",
      "fargateService.user",
    ],
    numbers: [
      "blueGreen.terminationWaitMinutes",
      "fargateService.containerPort",
      "fargateService.cpu",
      "fargateService.memory",
      "fargateService.desiredCount",
      "fargateService.logRetentionInDays",
    ],
    booleans: ["fargateService.readonlyRootFilesystem"],
    keys: ["fargateService.encryptionKey"],
    inputLists: [
      "blueGreen.targetGroupArns",
      "blueGreen.rollbackAlarmNames",
      "fargateService.subnetIds",
      "fargateService.ingressSecurityGroupIds",
    ],
  });
  checkExistingService(args);
  if (args.fargateService !== undefined) checkFargateService(args.fargateService, args.blueGreen !== undefined);
  if (args.blueGreen !== undefined) checkBlueGreen(args.blueGreen);
}
