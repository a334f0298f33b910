/**
 * Detection of credentials written as plain environment variable values. Used by
 * `BuildProject` (project environment variables) and the buildspec validator
 * (`env.variables`): such values belong in SSM Parameter Store or Secrets Manager.
 */

/** Variable names that announce a secret. */
export const SECRET_NAME_PATTERN = /(SECRET|PASSWORD|PASSWD|TOKEN|PRIVATE_?KEY|API_?KEY|CREDENTIAL)/i;

/** Values that are AWS access key ids (long-term `AKIA`, temporary `ASIA`). */
export const ACCESS_KEY_ID_PATTERN = /\b(AKIA|ASIA)[A-Z0-9]{16}\b/;

/** Values shaped like an AWS secret access key (40 base64 characters). */
export const SECRET_ACCESS_KEY_PATTERN = /^[A-Za-z0-9/+=]{40}$/;

/**
 * Why a plain variable looks like a credential, or `undefined` when it does not.
 * A secret-sounding name with an empty value is allowed (nothing is leaked).
 */
export function plaintextSecretReason(name: string, value: string): string | undefined {
  if (ACCESS_KEY_ID_PATTERN.test(value)) return "its value is an AWS access key id";
  if (SECRET_ACCESS_KEY_PATTERN.test(value) && /[0-9]/.test(value) && /[A-Z]/.test(value) && /[a-z]/.test(value)) {
    return "its value looks like an AWS secret access key";
  }
  if (SECRET_NAME_PATTERN.test(name) && value.length > 0) return "its name says it holds a secret";
  return undefined;
}
