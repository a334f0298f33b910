/**
 * An IAM role ARN in any partition, path included (`arn:aws:iam::111122223333:role/ci/deploy`).
 * Account roots (`:root`), users and assumed-role sessions do not match: policies of this
 * library name exact roles (CKV_AWS_61).
 */
export const IAM_ROLE_ARN_PATTERN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

/** The message for a value of `arg` that is not an exact IAM role ARN. */
export function notARoleArnMessage(arg: string, value: string): string {
  return `\`${arg}\` must be an IAM role ARN such as "arn:aws:iam::111122223333:role/deploy", got "${value}". Name the exact role, not an account.`;
}

/** A KMS key ARN (`arn:aws:kms:<region>:<account>:key/<id>`); aliases do not match. */
export const KMS_KEY_ARN_PATTERN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/;

/** An SNS topic ARN. */
export const SNS_TOPIC_ARN_PATTERN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]{1,256}$/;

/** An S3 bucket ARN (`arn:aws:s3:::<bucket>`). */
export const S3_BUCKET_ARN_PATTERN = /^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Throws when `value` is a plain string that does not match `pattern` (Outputs are checked by
 * AWS at deployment): "`<arg>` must be <what>, got "<value>"."
 */
export function checkArnArg(arg: string, value: unknown, pattern: RegExp, what: string): void {
  if (typeof value === "string" && !pattern.test(value)) throw new Error(`\`${arg}\` must be ${what}, got "${value}".`);
}

/** Checks a key given as `{ keyArn }`: a KMS key ARN, not an alias (policies and grants name keys by ARN). */
export function checkKeyArnArg(arg: string, value: unknown): void {
  checkArnArg(
    arg,
    value,
    KMS_KEY_ARN_PATTERN,
    'a KMS key ARN such as "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" (not an alias)',
  );
}
