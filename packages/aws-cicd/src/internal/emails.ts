/** Email addresses for SNS email subscriptions: a shape check only (SNS sends the confirmation). */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Throws when an entry of the list argument `arg` is not an email address. */
export function checkEmails(arg: string, emails: readonly string[] | undefined): void {
  for (const email of emails ?? []) {
    if (!EMAIL_PATTERN.test(email)) throw new Error(`\`${arg}\` must hold email addresses, got "${email}".`);
  }
}
