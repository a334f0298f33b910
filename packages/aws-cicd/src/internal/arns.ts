/**
 * An IAM role ARN in any partition, path included (`arn:aws:iam::111122223333:role/ci/deploy`).
 * Account roots (`:root`), users and assumed-role sessions do not match: policies of this
 * library name exact roles (CKV_AWS_61).
 */
export const IAM_ROLE_ARN_PATTERN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@\/-]{1,512}$/;

/** The message for a value of `arg` that is not an exact IAM role ARN. */
export function notARoleArnMessage(arg: string, value: string): string {
  return `\`${arg}\` must be an IAM role ARN such as "arn:aws:iam::111122223333:role/deploy", got "${value}". Name the exact role, not an account.`;
}
