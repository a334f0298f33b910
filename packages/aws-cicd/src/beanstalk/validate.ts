import { checkPlaintextValueNow, PlaintextValueCheck } from "../codebuild/plaintext-secrets";
import { checkArgsObject, checkTypes, describeReceived } from "../internal/types";
import {
  BEANSTALK_DEPLOYMENT_POLICIES,
  BeanstalkTargetArgs,
  DEFAULT_BEANSTALK_ENVIRONMENT_TYPE,
  BEANSTALK_LOG_RETENTION_DAYS,
  BEANSTALK_MAX_GROUP_SIZE,
} from "./beanstalk-target-args";
import { validateBeanstalkSettings } from "./settings";
import { validateLoadBalancer } from "./load-balancer";
import { checkKeyArnArg, isDeferred } from "../internal/arns";

/** Environment names: 4 to 40 letters, digits and hyphens, no hyphen at either end. */
export const BEANSTALK_ENVIRONMENT_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{2,38}[A-Za-z0-9]$/;

/** Environment variable names accepted for `environmentVariables` and `secrets`. */
export const BEANSTALK_VARIABLE_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/** Parameter Store parameter ARNs. */
export const BEANSTALK_SSM_PARAMETER_ARN_PATTERN = /^arn:aws[a-z-]*:ssm:[a-z0-9-]+:\d{12}:parameter\/.+$/;

/** Secrets Manager secret ARNs, with an optional `:<jsonKey>` suffix. */
export const BEANSTALK_SECRET_ARN_PATTERN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+(:[^:]+)?$/;

/** Managed update windows: `Day:HH:MM` in UTC. */
export const BEANSTALK_UPDATE_WINDOW_PATTERN = /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat):([01]\d|2[0-3]):[0-5]\d$/;

const isPlain = (v: unknown): v is string => typeof v === "string";

function checkName(args: BeanstalkTargetArgs): void {
  // Stryker disable next-line ConditionalExpression: equivalent, RegExp.test(undefined) tests the text "undefined", which the pattern accepts
  if (args.environmentName !== undefined && !BEANSTALK_ENVIRONMENT_NAME_PATTERN.test(args.environmentName)) {
    throw new Error(
      `\`environmentName\` must be 4 to 40 letters, digits or hyphens, not starting or ending with a hyphen, got "${args.environmentName}".`,
    );
  }
  if (args.application !== undefined) {
    for (const key of ["applicationName", "applicationVersionLifecycle"] as const) {
      if (args[key] !== undefined) {
        throw new Error(`\`${key}\` applies to a created application; remove it or remove \`application\`.`);
      }
    }
  }
  const n = args.applicationName;
  if (n !== undefined && (n.length < 1 || n.length > 100 || n.includes("/"))) {
    throw new Error(`\`applicationName\` must be 1 to 100 characters without "/", got "${n}".`);
  }
  const lc = args.applicationVersionLifecycle;
  if (lc !== undefined) {
    if ((lc.maxCount === undefined) === (lc.maxAgeInDays === undefined)) {
      throw new Error("`applicationVersionLifecycle` takes exactly one of `maxCount` and `maxAgeInDays`.");
    }
    if (lc.maxCount !== undefined && (!Number.isInteger(lc.maxCount) || lc.maxCount < 1 || lc.maxCount > 1000)) {
      throw new Error(`\`applicationVersionLifecycle.maxCount\` must be a whole number from 1 to 1000, got ${lc.maxCount}.`);
    }
    if (lc.maxAgeInDays !== undefined && (!Number.isInteger(lc.maxAgeInDays) || lc.maxAgeInDays < 1 || lc.maxAgeInDays > 180)) {
      throw new Error(`\`applicationVersionLifecycle.maxAgeInDays\` must be a whole number from 1 to 180, got ${lc.maxAgeInDays}.`);
    }
  }
}

function checkPlatform(args: BeanstalkTargetArgs): void {
  if (args.solutionStackName !== undefined && args.solutionStackRegex !== undefined) {
    throw new Error("Give either `solutionStackName` or `solutionStackRegex`, not both.");
  }
  // Stryker disable next-line ConditionalExpression: equivalent, new RegExp(undefined) is a valid expression
  if (args.solutionStackRegex !== undefined) {
    try {
      new RegExp(args.solutionStackRegex);
    } catch {
      throw new Error(`\`solutionStackRegex\` is not a valid regular expression, got "${args.solutionStackRegex}".`);
    }
  }
  if (args.instanceType !== undefined && !/^[a-z][a-z0-9-]*\.[a-z0-9]+$/.test(args.instanceType)) {
    throw new Error(`\`instanceType\` must be an EC2 instance type such as "t4g.micro", got "${args.instanceType}".`);
  }
}

function checkFleet(args: BeanstalkTargetArgs): void {
  const type = args.environmentType ?? DEFAULT_BEANSTALK_ENVIRONMENT_TYPE;
  if (type !== "SingleInstance" && type !== "LoadBalanced") {
    throw new Error(`\`environmentType\` must be "SingleInstance" or "LoadBalanced", got "${type}".`);
  }
  if (type === "SingleInstance") {
    for (const key of ["minSize", "maxSize"] as const) {
      if (args[key] !== undefined) throw new Error(`\`${key}\` applies to \`environmentType: "LoadBalanced"\` only.`);
    }
    if (args.vpc?.loadBalancerSubnetIds !== undefined) {
      throw new Error('`vpc.loadBalancerSubnetIds` applies to `environmentType: "LoadBalanced"` only.');
    }
  }
  for (const key of ["minSize", "maxSize"] as const) {
    const v = args[key];
    if (v !== undefined && (!Number.isInteger(v) || v < 1 || v > BEANSTALK_MAX_GROUP_SIZE)) {
      throw new Error(`\`${key}\` must be a whole number from 1 to ${BEANSTALK_MAX_GROUP_SIZE}, got ${v}.`);
    }
  }
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, a comparison with undefined is false
  if (args.minSize !== undefined && args.maxSize !== undefined && args.minSize > args.maxSize) {
    throw new Error(`\`minSize\` (${args.minSize}) must not be greater than \`maxSize\` (${args.maxSize}).`);
  }
  const policy = args.deploymentPolicy;
  const allowed: readonly string[] = BEANSTALK_DEPLOYMENT_POLICIES[type];
  if (policy !== undefined && !allowed.includes(policy)) {
    throw new Error(`\`deploymentPolicy\` for a ${type} environment must be one of ${allowed.join(", ")}, got "${policy}".`);
  }
  if (args.vpc !== undefined && args.vpc.instanceSubnetIds.length === 0) {
    throw new Error("`vpc.instanceSubnetIds` must list at least one subnet, got [].");
  }
  if (args.vpc?.loadBalancerSubnetIds !== undefined && args.vpc.loadBalancerSubnetIds.length === 0) {
    throw new Error("`vpc.loadBalancerSubnetIds` must list at least one subnet when given.");
  }
}

function checkVariables(args: BeanstalkTargetArgs): void {
  for (const [name, value] of Object.entries(args.environmentVariables ?? {})) {
    if (!BEANSTALK_VARIABLE_NAME_PATTERN.test(name)) {
      throw new Error(
        `\`environmentVariables\` names must be letters, digits and "_", not starting with a digit, up to 128 characters, got "${name}".`,
      );
    }
    if (!isPlain(value) && !isDeferred(value)) {
      throw new Error(`\`environmentVariables.${name}\` must be a string, got ${typeof value}.`);
    }
    // An Output is checked when it resolves (beanstalkVariableCheck in the component): here only its name.
    checkPlaintextValueNow(value, beanstalkVariableCheck(args, name));
  }
  for (const [name, secret] of Object.entries(args.secrets ?? {})) {
    if (!BEANSTALK_VARIABLE_NAME_PATTERN.test(name)) {
      throw new Error(`\`secrets\` names must be letters, digits and "_", not starting with a digit, up to 128 characters, got "${name}".`);
    }
    if (args.environmentVariables && name in args.environmentVariables) {
      throw new Error(`\`${name}\` is in both \`environmentVariables\` and \`secrets\`; keep it in one.`);
    }
    const { ssmParameterArn: ssm, secretsManagerSecretArn: sm } = secret;
    if ((ssm === undefined) === (sm === undefined)) {
      throw new Error(`\`secrets.${name}\` takes exactly one of \`ssmParameterArn\` and \`secretsManagerSecretArn\`.`);
    }
    if (isPlain(ssm) && !BEANSTALK_SSM_PARAMETER_ARN_PATTERN.test(ssm)) {
      throw new Error(
        `\`secrets.${name}.ssmParameterArn\` must be a parameter ARN (arn:aws:ssm:<region>:<account>:parameter/<name>), got "${ssm}".`,
      );
    }
    if (isPlain(sm) && !BEANSTALK_SECRET_ARN_PATTERN.test(sm)) {
      throw new Error(
        `\`secrets.${name}.secretsManagerSecretArn\` must be a secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>), got "${sm}".`,
      );
    }
  }
}

function checkOperations(args: BeanstalkTargetArgs): void {
  const days = args.logRetentionInDays;
  if (days !== undefined && !(BEANSTALK_LOG_RETENTION_DAYS as readonly number[]).includes(days)) {
    throw new Error(`\`logRetentionInDays\` must be one of ${BEANSTALK_LOG_RETENTION_DAYS.join(", ")}, got ${days}.`);
  }
  const m = args.managedUpdates;
  if (m?.preferredStartTime !== undefined && !BEANSTALK_UPDATE_WINDOW_PATTERN.test(m.preferredStartTime)) {
    throw new Error(
      `\`managedUpdates.preferredStartTime\` must be "Day:HH:MM" in UTC with Day one of Sun, Mon, Tue, Wed, Thu, Fri, Sat, got "${m.preferredStartTime}".`,
    );
  }
  if (m?.updateLevel !== undefined && m.updateLevel !== "minor" && m.updateLevel !== "patch") {
    throw new Error(`\`managedUpdates.updateLevel\` must be "minor" or "patch", got "${m.updateLevel}".`);
  }
}

/** The end of a message refusing a plain Beanstalk variable. */
export const BEANSTALK_VARIABLE_FIX = "store it in SSM Parameter Store or Secrets Manager and pass it in `secrets`.";

/** How the plain variable `name` of `environmentVariables` is checked (`allowPlaintextVariables` opts out). */
export function beanstalkVariableCheck(args: BeanstalkTargetArgs, name: string): PlaintextValueCheck {
  return {
    arg: `environmentVariables.${name}`,
    name,
    fix: BEANSTALK_VARIABLE_FIX,
    allowPlaintext: Array.isArray(args.allowPlaintextVariables) && args.allowPlaintextVariables.includes(name),
  };
}

function checkAllowPlaintext(args: BeanstalkTargetArgs): void {
  const allowed = args.allowPlaintextVariables;
  if (allowed === undefined) return;
  // Stryker disable all: unreachable, checkTypes (lists) has refused an `allowPlaintextVariables` that is not a list
  if (!Array.isArray(allowed)) {
    throw new Error(`\`allowPlaintextVariables\` must be a list of variable names, got ${describeReceived(allowed)}.`);
  }
  // Stryker restore all
  for (const name of allowed) {
    if (typeof name !== "string" || args.environmentVariables?.[name] === undefined) {
      throw new Error(
        `\`allowPlaintextVariables\` must name variables of \`environmentVariables\`, got ${typeof name === "string" ? `"${name}"` : describeReceived(name)}.`,
      );
    }
  }
}

/** Validates {@link BeanstalkTargetArgs}; throws a plain `Error` naming the arg. */
export function validateBeanstalkTargetArgs(args: BeanstalkTargetArgs): void {
  // Stryker disable next-line BooleanLiteral: equivalent for callers, BeanstalkTarget defaults `args` to {} so this never receives undefined
  checkArgsObject(args, false);
  checkTypes(args, {
    objects: {
      application: "`name`",
      applicationVersionLifecycle: "`maxCount` or `maxAgeInDays`",
      vpc: "`vpcId` and `instanceSubnetIds`",
      loadBalancer: "`certificateArn`, `sslPolicy`, `keepHttpListener` or `accessLogs`",
      "loadBalancer.accessLogs": "`bucketName`",
      environmentVariables: "variables by name",
      secrets: "secrets by variable name",
      managedUpdates: "`preferredStartTime` or `updateLevel`",
    },
    required: ["vpc.vpcId", "vpc.instanceSubnetIds", "loadBalancer.accessLogs.bucketName"],
    keys: ["encryptionKey"],
    booleans: [
      "allowInsecureSettingOverrides",
      "enableEbsEncryptionByDefault",
      "vpc.associatePublicIpAddress",
      "loadBalancer.keepHttpListener",
    ],
    numbers: [
      "minSize",
      "maxSize",
      "logRetentionInDays",
      "applicationVersionLifecycle.maxCount",
      "applicationVersionLifecycle.maxAgeInDays",
    ],
    strings: [
      "applicationName",
      "environmentName",
      "solutionStackRegex",
      "instanceType",
      "environmentType",
      "deploymentPolicy",
      "loadBalancer.sslPolicy",
      "loadBalancer.accessLogs.prefix",
    ],
    lists: ["allowPlaintextVariables", "vpc.instanceSubnetIds", "vpc.loadBalancerSubnetIds"],
    objectLists: { settings: "`namespace`, `name` and `value`" },
  });
  checkKeyArnArg("encryptionKey.keyArn", args.encryptionKey?.keyArn);
  checkName(args);
  checkPlatform(args);
  checkFleet(args);
  validateLoadBalancer(args.loadBalancer, args.environmentType ?? DEFAULT_BEANSTALK_ENVIRONMENT_TYPE);
  checkAllowPlaintext(args);
  checkVariables(args);
  checkOperations(args);
  validateBeanstalkSettings(args.settings ?? [], args.allowInsecureSettingOverrides ?? false);
}
