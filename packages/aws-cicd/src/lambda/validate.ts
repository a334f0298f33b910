import { LambdaDeploymentConfig, LambdaHookArgs, LambdaTargetArgs } from "./lambda-target-args";
import { CODEDEPLOY_NAME_PATTERN } from "../codedeploy/validate";
import { checkRollbackAlarms } from "../codedeploy/rollback";
import { arnProblem, checkArnArg, IAM_ROLE_ARN_PATTERN, IAM_ROLE_NAME_PATTERN } from "../internal/arns";
import { checkArgsObject, checkTypes, shown } from "../internal/types";

/** Lambda function names (not ARNs): 1 to 64 letters, digits, hyphens or underscores. */
export const LAMBDA_FUNCTION_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** Lambda alias names: 1 to 128 characters, not only digits (a version number). */
export const LAMBDA_ALIAS_NAME_PATTERN = /^(?!^[0-9]+$)[A-Za-z0-9_-]{1,128}$/;
/** Published function versions: a number (not `$LATEST`). */
export const LAMBDA_VERSION_PATTERN = /^[0-9]{1,10}$/;
/** Unqualified Lambda function ARNs. */
export const LAMBDA_FUNCTION_ARN_PATTERN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}$/;
/** Longest interval of a custom Lambda traffic shift: two days. */
export const LAMBDA_MAX_SHIFT_INTERVAL_MINUTES = 2880;

const FUNCTION_NAME_WHAT = 'a function name (1 to 64 letters, digits, "-" or "_"; not an ARN) such as "orders-api"';
const HOOK_ARN_WHAT = 'an unqualified Lambda function ARN such as "arn:aws:lambda:us-east-1:111122223333:function:pre-traffic"';

/** The problem of a function name given as an Output, checked when it resolves ({@link checkedInput}). */
export const functionNameProblem = (arg: string) => arnProblem(arg, LAMBDA_FUNCTION_NAME_PATTERN, FUNCTION_NAME_WHAT);
/** The problem of a hook function ARN given as an Output, checked when it resolves ({@link checkedInput}). */
export const hookArnProblem = (arg: string) => arnProblem(arg, LAMBDA_FUNCTION_ARN_PATTERN, HOOK_ARN_WHAT);

function checkPlain(arg: string, value: unknown, pattern: RegExp, what: string): void {
  if (typeof value === "string" && !pattern.test(value)) throw new Error(`\`${arg}\` must be ${what}, got ${shown(value)}.`);
}

function checkAlias(args: LambdaTargetArgs): void {
  const { create, existing } = args.alias;
  if ((create === undefined) === (existing === undefined)) {
    throw new Error(
      `\`alias\` takes exactly one of \`create\` (a new alias on a published version) and \`existing\` (an alias you manage), got ${create === undefined ? "neither" : "both"}.`,
    );
  }
  const at = create !== undefined ? "alias.create" : "alias.existing";
  checkPlain(`${at}.functionName`, (create ?? existing)!.functionName, LAMBDA_FUNCTION_NAME_PATTERN, FUNCTION_NAME_WHAT);
  const aliasName = create?.aliasName ?? existing?.aliasName;
  checkPlain(
    `${at}.aliasName`,
    aliasName,
    LAMBDA_ALIAS_NAME_PATTERN,
    'an alias name (1 to 128 letters, digits, "-" or "_", not only digits)',
  );
  if (create !== undefined) {
    checkPlain(
      "alias.create.functionVersion",
      create.functionVersion,
      LAMBDA_VERSION_PATTERN,
      'a published version number such as "3" (not "$LATEST")',
    );
  }
}

function checkDeployment(args: LambdaTargetArgs): void {
  for (const key of ["applicationName", "deploymentGroupName"] as const) {
    checkPlain(key, args[key], CODEDEPLOY_NAME_PATTERN, "1 to 100 letters, digits or ._+=,@- characters");
  }
  const c = args.deploymentConfig;
  if (c !== undefined && !Object.values(LambdaDeploymentConfig).includes(c)) {
    throw new Error(`\`deploymentConfig\` must be one of ${Object.values(LambdaDeploymentConfig).join(", ")}, got ${shown(c)}.`);
  }
  const t = args.trafficShift;
  if (t !== undefined) {
    if (c !== undefined) throw new Error("Give either `deploymentConfig` or `trafficShift`, not both.");
    if ((t.canary === undefined) === (t.linear === undefined)) {
      throw new Error(
        `\`trafficShift\` takes exactly one of \`canary\` and \`linear\`, got ${t.canary === undefined ? "neither" : "both"}.`,
      );
    }
    const at = t.canary !== undefined ? "trafficShift.canary" : "trafficShift.linear";
    const step = (t.canary ?? t.linear)!;
    if (!Number.isInteger(step.percentage) || step.percentage < 1 || step.percentage > 99) {
      throw new Error(`\`${at}.percentage\` must be a whole number from 1 to 99, got ${step.percentage}.`);
    }
    if (!Number.isInteger(step.intervalMinutes) || step.intervalMinutes < 1 || step.intervalMinutes > LAMBDA_MAX_SHIFT_INTERVAL_MINUTES) {
      throw new Error(
        `\`${at}.intervalMinutes\` must be a whole number from 1 to ${LAMBDA_MAX_SHIFT_INTERVAL_MINUTES}, got ${step.intervalMinutes}.`,
      );
    }
  }
  checkRollbackAlarms("rollbackAlarmNames", args.rollbackAlarmNames);
  const file = args.packageFile;
  // Stryker disable next-line ConditionalExpression: equivalent, RegExp.test(undefined) tests the text "undefined", which the pattern accepts
  if (file !== undefined && !/^[\w.-][\w./-]{0,254}$/.test(file)) {
    throw new Error(`\`packageFile\` must be a relative path of letters, digits and ._/- such as "dist/function.zip", got ${shown(file)}.`);
  }
}

/**
 * Validates one CodeDeploy hook (a LambdaTarget traffic hook or an EcsServiceTarget lifecycle hook),
 * `path` as the user writes it (`preTrafficHook`, `blueGreen.lifecycleHooks.afterAllowTestTraffic`).
 */
export function checkHookArgs(path: string, h: LambdaHookArgs): void {
  checkArnArg(`${path}.functionArn`, h.functionArn, LAMBDA_FUNCTION_ARN_PATTERN, HOOK_ARN_WHAT);
  const role = h.roleName;
  if (typeof role === "string" && !IAM_ROLE_NAME_PATTERN.test(role) && !IAM_ROLE_ARN_PATTERN.test(role)) {
    throw new Error(`\`${path}.roleName\` must be the hook function's role name or ARN, got ${shown(role)}.`);
  }
}

function checkHooks(args: LambdaTargetArgs): void {
  for (const key of ["preTrafficHook", "postTrafficHook"] as const) {
    const h = args[key];
    if (h !== undefined) checkHookArgs(key, h);
  }
  const pre = args.preTrafficHook?.functionArn;
  if (typeof pre === "string" && pre === args.postTrafficHook?.functionArn) {
    throw new Error(`\`preTrafficHook\` and \`postTrafficHook\` name the same function "${pre}"; give each hook its own function.`);
  }
}

/** Validates {@link LambdaTargetArgs}; throws a plain `Error` naming the arg. */
export function validateLambdaTargetArgs(args: LambdaTargetArgs): void {
  checkArgsObject(args, true);
  checkTypes(args, {
    objects: {
      alias: "`create` or `existing`",
      "alias.create": "`functionName` and `functionVersion`",
      "alias.existing": "`functionName` and `aliasName`",
      trafficShift: "`canary` or `linear`",
      "trafficShift.canary": "`percentage` and `intervalMinutes`",
      "trafficShift.linear": "`percentage` and `intervalMinutes`",
      preTrafficHook: "`functionArn`",
      postTrafficHook: "`functionArn`",
    },
    required: [
      "alias",
      "alias.create.functionName",
      "alias.create.functionVersion",
      "alias.existing.functionName",
      "alias.existing.aliasName",
      "trafficShift.canary.percentage",
      "trafficShift.canary.intervalMinutes",
      "trafficShift.linear.percentage",
      "trafficShift.linear.intervalMinutes",
      "preTrafficHook.functionArn",
      "postTrafficHook.functionArn",
    ],
    numbers: [
      "trafficShift.canary.percentage",
      "trafficShift.canary.intervalMinutes",
      "trafficShift.linear.percentage",
      "trafficShift.linear.intervalMinutes",
    ],
    strings: ["applicationName", "deploymentGroupName", "deploymentConfig", "alias.create.aliasName", "packageFile"],
    keys: ["encryptionKey"],
    inputLists: ["rollbackAlarmNames"],
  });
  checkAlias(args);
  checkDeployment(args);
  checkHooks(args);
}
