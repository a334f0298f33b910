import { MAX_PIPELINE_VARIABLES, NOTIFIABLE_EXECUTION_STATES, PipelineArgs } from "./pipeline-args";
import { PlannedStage, planStages } from "./stages";
import { checkTriggersNeedV2 } from "./triggers";
import { checkStageConditions } from "./stage-conditions";
import { checkSelfUpdate } from "./self-update-check";
import { checkRegions } from "./regions";
import { validateSecureBucketArgs } from "../security/secure-bucket";
import { checkArnArg, checkKeyArnArg, S3_BUCKET_ARN_PATTERN, SNS_TOPIC_ARN_PATTERN } from "../internal/arns";
import { checkArgsObject, checkTypes } from "../internal/types";
import { checkEmails } from "../internal/emails";

/** How messages describe a bucket ARN. */
export const S3_BUCKET_ARN_WHAT = 'an S3 bucket ARN such as "arn:aws:s3:::my-artifacts"';

const EXECUTION_MODES = ["QUEUED", "SUPERSEDED", "PARALLEL"];
const PIPELINE_NAME = /^[A-Za-z0-9.@_-]{1,100}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const VARIABLE_NAME = /^[A-Za-z0-9@_-]{1,128}$/;

function validateVariables(args: PipelineArgs, type: string): void {
  const vars = args.variables ?? [];
  if (vars.length > 0 && type !== "V2") {
    throw new Error(`\`variables\` need \`pipelineType: "V2"\`, got "${type}".`);
  }
  if (vars.length > MAX_PIPELINE_VARIABLES) {
    throw new Error(`\`variables\` must hold at most ${MAX_PIPELINE_VARIABLES} variables, got ${vars.length}.`);
  }
  const seen = new Set<string>();
  vars.forEach((v, i) => {
    // Stryker disable next-line OptionalChaining: checkTypes (objectLists) has refused a variable that is not an object
    if (typeof v?.name !== "string" || !VARIABLE_NAME.test(v.name)) {
      // Stryker disable next-line OptionalChaining: checkTypes (objectLists) has refused a variable that is not an object
      throw new Error(`\`variables[${i}].name\` must hold 1 to 128 letters, digits, "@", "-" or "_", got "${v?.name}".`);
    }
    if (seen.has(v.name)) throw new Error(`\`variables[${i}].name\` "${v.name}" is declared twice; variable names must be unique.`);
    seen.add(v.name);
  });
}

function validateNotifications(args: PipelineArgs): void {
  const n = args.notifications ?? {};
  if (n.emailSubscriptions !== undefined && n.topicArn !== undefined) {
    throw new Error(
      "`notifications.emailSubscriptions` only applies to the created topic; subscribe them to `notifications.topicArn` yourself, or remove `notifications.topicArn`.",
    );
  }
  checkEmails("notifications.emailSubscriptions", n.emailSubscriptions);
  for (const state of n.executionStates ?? []) {
    if (state === ("FAILED" as never)) {
      throw new Error("`notifications.executionStates` must not list FAILED: the execution-failed rule always notifies failures.");
    }
    if (!NOTIFIABLE_EXECUTION_STATES.includes(state)) {
      throw new Error(`\`notifications.executionStates\` must hold states from ${NOTIFIABLE_EXECUTION_STATES.join(", ")}, got "${state}".`);
    }
  }
}

/**
 * Validates every argument of a Pipeline and returns the planned stages (names, orders and
 * artifacts resolved). Pure: throws a plain `Error` naming the argument on the first problem.
 */
export function validatePipelineArgs(args: PipelineArgs): PlannedStage[] {
  checkArgsObject(args, true);
  checkTypes(args, {
    objects: {
      artifactBucket: "`bucketName` and `keyArn`",
      artifactBucketOptions: "bucket settings",
      notifications: "notification settings",
    },
    required: ["artifactBucket.bucketName", "artifactBucket.keyArn"],
    keys: ["encryptionKey"],
    booleans: ["notifications.enabled", "notifications.approvalNeeded"],
    strings: ["pipelineName", "roleName", "pipelineType", "executionMode"],
    objectLists: { variables: "`name`", regionalArtifactStores: "`region`" },
    stringLists: ["notifications.emailSubscriptions", "notifications.executionStates"],
  });
  checkKeyArnArg("encryptionKey.keyArn", args.encryptionKey?.keyArn);
  checkKeyArnArg("artifactBucket.keyArn", args.artifactBucket?.keyArn);
  checkArnArg("artifactBucket.bucketArn", args.artifactBucket?.bucketArn, S3_BUCKET_ARN_PATTERN, S3_BUCKET_ARN_WHAT);
  checkArnArg("notifications.topicArn", args.notifications?.topicArn, SNS_TOPIC_ARN_PATTERN, "an SNS topic ARN");
  // Stryker disable next-line ConditionalExpression: equivalent, RegExp.test(undefined) tests the text "undefined", which the pattern accepts
  if (args.pipelineName !== undefined && !PIPELINE_NAME.test(args.pipelineName)) {
    throw new Error(`\`pipelineName\` must hold 1 to 100 letters, digits, ".", "@", "-" or "_", got "${args.pipelineName}".`);
  }
  // Stryker disable next-line ConditionalExpression: equivalent, RegExp.test(undefined) tests the text "undefined", which the pattern accepts
  if (args.roleName !== undefined && !ROLE_NAME.test(args.roleName)) {
    throw new Error(`\`roleName\` must hold 1 to 64 letters, digits or "+=,.@_-", got "${args.roleName}".`);
  }
  const type = args.pipelineType ?? "V2";
  if (type !== "V1" && type !== "V2") throw new Error(`\`pipelineType\` must be "V1" or "V2", got "${type}".`);
  const mode = args.executionMode;
  if (mode !== undefined && !EXECUTION_MODES.includes(mode)) {
    throw new Error(`\`executionMode\` must be one of ${EXECUTION_MODES.join(", ")}, got "${mode}".`);
  }
  if (mode !== undefined && mode !== "SUPERSEDED" && type !== "V2") {
    throw new Error(`\`executionMode\` "${mode}" needs \`pipelineType: "V2"\`, got "${type}".`);
  }
  validateVariables(args, type);
  if (args.artifactBucket !== undefined && args.artifactBucketOptions !== undefined) {
    throw new Error("`artifactBucketOptions` only applies to the created bucket; remove it, or remove `artifactBucket`.");
  }
  try {
    validateSecureBucketArgs(args.artifactBucketOptions ?? {});
  } catch (e) {
    // Stryker disable next-line Regex: equivalent, every message of validateSecureBucketArgs starts with the argument in backticks
    throw new Error((e as Error).message.replace(/^`/, "`artifactBucketOptions."), { cause: e });
  }
  validateNotifications(args);
  const planned = planStages(args.stages);
  checkTriggersNeedV2(planned, type);
  checkStageConditions(planned, type);
  checkSelfUpdate(planned, args);
  checkRegions(planned, args);
  return planned;
}
