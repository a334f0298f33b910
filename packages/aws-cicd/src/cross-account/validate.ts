import { validateRolePath } from "../security/role-path";
import * as pulumi from "@pulumi/pulumi";
import {
  AWS_REGION_PATTERN,
  checkedInput,
  IAM_ROLE_ARN_PATTERN,
  isDeferred,
  KMS_KEY_ARN_PATTERN,
  S3_BUCKET_ARN_PATTERN,
} from "../internal/arns";
import {
  BEANSTALK_AWS_MANAGED_DEPLOY_POLICY,
  checkDeployPermissions,
  DEPLOY_PERMISSIONS_AWS_MANAGED,
} from "../beanstalk/deploy-permissions";
import { CrossAccountDeployRoleArgs } from "./cross-account-deploy-role-args";
import { DEPLOY_TARGET_KIND_KEYS, DEPLOY_TARGET_KINDS } from "./policies";
import { checkArgsObject, checkTypes, isRecord, shown } from "../internal/types";

const ROOT_ARN = /^arn:aws[a-z-]*:iam::\d{12}:root$/;
const ACCOUNT_ID = /^\d{12}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
/** The problem of a `pipelineRoleArn` value that is not an exact role ARN, or `undefined`. */
export function pipelineRoleArnProblem(value: unknown): string | undefined {
  if (typeof value === "string" && IAM_ROLE_ARN_PATTERN.test(value)) return undefined;
  const v = String(value);
  const why = ROOT_ARN.test(v)
    ? " An account root trusts every principal that account's administrators allow; name the pipeline's role."
    : ACCOUNT_ID.test(v)
      ? " A bare account id trusts the whole account; name the pipeline's role."
      : "";
  return `\`pipelineRoleArn\` must be the exact ARN of the pipeline's role ("arn:aws:iam::<account>:role/<name>"), got ${shown(value)}.${why}`;
}

/** The problem of an `artifactBucketArn` value, or `undefined`. */
export function artifactBucketArnProblem(value: unknown): string | undefined {
  if (typeof value === "string" && S3_BUCKET_ARN_PATTERN.test(value)) return undefined;
  return `\`artifactBucketArn\` must be an S3 bucket ARN such as "arn:aws:s3:::my-artifacts", got ${shown(value)}.`;
}

/** The problem of an `artifactKeyArn` value, or `undefined`. */
export function artifactKeyArnProblem(value: unknown): string | undefined {
  if (typeof value === "string" && KMS_KEY_ARN_PATTERN.test(value)) return undefined;
  return `\`artifactKeyArn\` must be a KMS key ARN such as "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", got ${shown(value)}. Aliases are not accepted: IAM policies name keys.`;
}

/** Throws unless a known `pipelineRoleArn` is an exact role ARN (an Output is checked when it resolves). */
export function validatePipelineRoleArn(value: pulumi.Input<string> | undefined): void {
  if (value === undefined || value === null) {
    throw new Error(
      "`pipelineRoleArn` is required: pass `pipeline.roleArn` or `pipelineRoleArn({ accountId, name })` of the tools account's pipeline.",
    );
  }
  // Stryker disable next-line ConditionalExpression: equivalent, checkedInput of an Output returns a checked Output that is discarded here; the component checks the Output it uses
  if (!isDeferred(value)) checkedInput(value, pipelineRoleArnProblem);
}

/** Validates every argument of {@link CrossAccountDeployRole}; throws a plain `Error` naming the argument. */
export function validateCrossAccountDeployRoleArgs(args: CrossAccountDeployRoleArgs): void {
  checkArgsObject(args, true);
  checkTypes(args, { strings: ["roleName", "externalId"], lists: [...DEPLOY_TARGET_KIND_KEYS] });
  validatePipelineRoleArn(args.pipelineRoleArn);
  const bucket = args.artifactBucketArn;
  if (bucket === undefined || bucket === null) throw new Error("`artifactBucketArn` is required: pass the pipeline's artifact bucket ARN.");
  // Stryker disable next-line ConditionalExpression: equivalent, checkedInput of an Output returns a checked Output that is discarded here; the component checks the Output it uses
  if (!isDeferred(bucket)) checkedInput(bucket, artifactBucketArnProblem);
  const key = args.artifactKeyArn;
  if (key === undefined || key === null)
    throw new Error("`artifactKeyArn` is required: pass the ARN of the key the pipeline encrypts artifacts with.");
  // Stryker disable next-line ConditionalExpression: equivalent, checkedInput of an Output returns a checked Output that is discarded here; the component checks the Output it uses
  if (!isDeferred(key)) checkedInput(key, artifactKeyArnProblem);
  if (typeof args.artifactRegion === "string" && !AWS_REGION_PATTERN.test(args.artifactRegion)) {
    throw new Error(`\`artifactRegion\` must be an AWS region such as "us-east-1", got "${args.artifactRegion}".`);
  }
  checkDeployPermissions("permissions", args.permissions);
  validateRolePath("rolePath", args.rolePath);
  // Stryker disable next-line ConditionalExpression: equivalent, RegExp.test(undefined) tests the text "undefined", which the pattern accepts
  if (args.roleName !== undefined && !ROLE_NAME.test(args.roleName)) {
    throw new Error(`\`roleName\` must hold 1 to 64 letters, digits or any of + = , . @ _ -, got "${args.roleName}".`);
  }
  // Stryker disable next-line ConditionalExpression: equivalent, RegExp.test(undefined) tests the text "undefined", which the pattern accepts
  if (args.externalId !== undefined && !EXTERNAL_ID.test(args.externalId)) {
    throw new Error(`\`externalId\` must be 2 to 1,224 letters, digits or any of + = , . @ : / - _, got "${args.externalId}".`);
  }
  // Stryker disable next-line ArithmeticOperator: equivalent, a sum of list lengths is 0 exactly when their difference from 0 is
  const total = DEPLOY_TARGET_KIND_KEYS.reduce((n, k) => n + (args[k]?.length ?? 0), 0);
  if (total === 0) {
    throw new Error(
      `${DEPLOY_TARGET_KIND_KEYS.map((k) => `\`${k}\``).join(" or ")} must name at least one target to deploy to, got ${DEPLOY_TARGET_KIND_KEYS.map((k) => JSON.stringify(args[k] ?? [])).join(" and ")}; e.g. \`[target.beanstalkDeployTarget()]\`.`,
    );
  }
  if (args.permissions === DEPLOY_PERMISSIONS_AWS_MANAGED && (args.beanstalkTargets?.length ?? 0) === 0) {
    throw new Error(
      `\`permissions: "aws-managed"\` replaces the Elastic Beanstalk deploy statements with AWS's ${BEANSTALK_AWS_MANAGED_DEPLOY_POLICY.name}, but \`beanstalkTargets\` is empty. Remove \`permissions\` (the other targets always get scoped statements), or add the Beanstalk targets it is meant for.`,
    );
  }
  for (const [k, kind] of DEPLOY_TARGET_KINDS) {
    const targets: unknown[] = args[k] ?? [];
    targets.forEach((t, i) => {
      for (const field of kind.requiredFields) {
        const value: unknown = isRecord(t) ? t[field] : undefined;
        if (value === undefined || value === null) throw new Error(`\`${k}[${i}].${field}\` is required; pass ${kind.source}.`);
      }
    });
  }
}
