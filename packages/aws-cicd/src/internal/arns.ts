import * as pulumi from "@pulumi/pulumi";
import { shown } from "./types";

/**
 * An IAM role ARN in any partition, path included (`arn:aws:iam::111122223333:role/ci/deploy`).
 * Account roots (`:root`), users and assumed-role sessions do not match: policies of this
 * library name exact roles (CKV_AWS_61).
 */
export const IAM_ROLE_ARN_PATTERN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

/** The message for a value of `arg` that is not an exact IAM role ARN. */
export function notARoleArnMessage(arg: string, value: unknown): string {
  return `\`${arg}\` must be an IAM role ARN such as "arn:aws:iam::111122223333:role/deploy", got ${shown(value)}. Name the exact role, not an account.`;
}

/** A KMS key ARN (`arn:aws:kms:<region>:<account>:key/<id>`); aliases do not match. */
export const KMS_KEY_ARN_PATTERN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/;

/**
 * An AWS region name (`us-east-1`, `eu-west-1`, `ap-southeast-4`, `us-gov-west-1`, `cn-north-1`):
 * the shape of every region code AWS lists (https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html).
 */
export const AWS_REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d$/;

/** An SNS topic ARN. */
export const SNS_TOPIC_ARN_PATTERN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]{1,256}$/;

/** An S3 bucket name: 3 to 63 lowercase letters, digits, `.` and `-`, starting and ending with a letter or digit. */
export const S3_BUCKET_NAME_PATTERN = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** An Elastic Load Balancing (Application or Network Load Balancer) target group ARN. */
export const TARGET_GROUP_ARN_PATTERN =
  /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\/[A-Za-z0-9-]{1,32}\/[0-9a-f]+$/;
/** An S3 bucket ARN (`arn:aws:s3:::<bucket>`). */
export const S3_BUCKET_ARN_PATTERN = /^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Throws when `value` is a plain string that does not match `pattern` (Outputs are checked by
 * AWS at deployment): "`<arg>` must be <what>, got "<value>"."
 */
export function checkArnArg(arg: string, value: unknown, pattern: RegExp, what: string): void {
  if (typeof value === "string" && !pattern.test(value)) throw new Error(`\`${arg}\` must be ${what}, got "${value}".`);
}

/** Throws unless a given `region` is a region name such as "eu-west-1" (see {@link AWS_REGION_PATTERN}). */
export function checkRegionArg(arg: string, value: unknown): void {
  if (value !== undefined && (typeof value !== "string" || !AWS_REGION_PATTERN.test(value))) {
    throw new Error(`\`${arg}\` must be an AWS region name such as "eu-west-1", got ${shown(value)}.`);
  }
}

/** Checks a key given as `{ keyArn }`: a KMS key ARN, not an alias (policies and grants name keys by ARN). */
export function checkKeyArnArg(arg: string, value: unknown): void {
  checkArnArg(arg, value, KMS_KEY_ARN_PATTERN, KEY_ARN_WHAT);
}

const KEY_ARN_WHAT = 'a KMS key ARN such as "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" (not an alias)';

/** Whether `value` is only known later (an `Output` or a `Promise`), so it is checked when it resolves. */
export function isDeferred(value: unknown): value is pulumi.Output<unknown> | Promise<unknown> {
  return pulumi.Output.isInstance(value) || value instanceof Promise;
}

/**
 * The one check of an argument, whatever form it is given in. `problem` returns the message for a
 * bad value, or `undefined`. A plain value is checked now (throws the message); an `Output` or
 * `Promise` is checked when it resolves, inside `apply`: pass the returned input, not the original,
 * to child resources, so that a bad value rejects their registration and fails the deployment with
 * the same message (`error serializing property "<input>": <message>`). `undefined` passes.
 */
export function checkedInput<T>(value: pulumi.Input<T>, problem: (v: unknown) => string | undefined): pulumi.Input<T>;
export function checkedInput<T>(
  value: pulumi.Input<T> | undefined,
  problem: (v: unknown) => string | undefined,
): pulumi.Input<T> | undefined;
export function checkedInput<T>(
  value: pulumi.Input<T> | undefined,
  problem: (v: unknown) => string | undefined,
): pulumi.Input<T> | undefined {
  if (value === undefined) return undefined;
  if (isDeferred(value)) {
    return pulumi.output(value as pulumi.Input<T>).apply((v) => {
      const message = problem(v);
      if (message !== undefined) throw new Error(message);
      return v;
    }) as pulumi.Output<T>;
  }
  const message = problem(value);
  if (message !== undefined) throw new Error(message);
  return value;
}

/** The {@link notARoleArnMessage} problem of an exact IAM role ARN argument, for {@link checkedInput}. */
export function roleArnProblem(arg: string): (v: unknown) => string | undefined {
  return (v) => (typeof v === "string" && IAM_ROLE_ARN_PATTERN.test(v) ? undefined : notARoleArnMessage(arg, v));
}

/** Each role ARN of `arns` checked as `<arg>[i]` ({@link roleArnProblem}), Outputs when they resolve. */
export function checkedRoleArns(arg: string, arns: pulumi.Input<string>[] | undefined): pulumi.Input<string>[] | undefined {
  return arns?.map((a, i) => checkedInput(a, roleArnProblem(`${arg}[${i}]`)));
}

/** The {@link checkArnArg} problem, for {@link checkedInput}. */
export function arnProblem(arg: string, pattern: RegExp, what: string): (v: unknown) => string | undefined {
  return (v) => (typeof v === "string" && pattern.test(v) ? undefined : `\`${arg}\` must be ${what}, got ${shown(v)}.`);
}

/** The KMS key ARN problem of {@link checkKeyArnArg}, for {@link checkedInput}. */
export function keyArnProblem(arg: string): (v: unknown) => string | undefined {
  return arnProblem(arg, KMS_KEY_ARN_PATTERN, KEY_ARN_WHAT);
}

/** An IAM role name (1 to 64 of `[A-Za-z0-9+=,.@_-]`). */
export const IAM_ROLE_NAME_PATTERN = /^[\w+=,.@-]{1,64}$/;

/** The problem of a role given by name or ARN (to attach a policy to it), for {@link checkedInput}. */
export function roleNameOrArnProblem(arg: string): (v: unknown) => string | undefined {
  return (v) =>
    typeof v === "string" && (IAM_ROLE_NAME_PATTERN.test(v) || IAM_ROLE_ARN_PATTERN.test(v))
      ? undefined
      : `\`${arg}\` must be an aws.iam.Role, a role name or an IAM role ARN such as "arn:aws:iam::111122223333:role/deploy", got ${shown(v)}. Name the exact role, not an account.`;
}

/**
 * A key reference whose `keyArn`, given as an Output, is checked when it resolves (an alias or
 * another service's ARN fails the deployment with {@link checkKeyArnArg}'s message, naming
 * `<arg>.keyArn`). A component resource (an `EncryptionKey`) is returned as is: its ARN is the
 * key's own. Plain strings were checked by the validator.
 */
export function checkedKey<K extends { keyArn: pulumi.Input<string> }>(arg: string, key: K | undefined): K | undefined {
  if (key === undefined || key instanceof pulumi.Resource || !isDeferred(key.keyArn)) return key;
  return { ...key, keyArn: checkedInput(key.keyArn, keyArnProblem(`${arg}.keyArn`)) };
}
