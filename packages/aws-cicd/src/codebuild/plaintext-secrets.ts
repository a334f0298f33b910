import * as pulumi from "@pulumi/pulumi";
import { isDeferred } from "../internal/arns";

/**
 * Detection of credentials written as plain environment variable values and in inline buildspec
 * commands. Used by `BuildProject` (project environment variables, inline buildspec), the
 * pipeline's CodeBuild action (variable overrides), `BeanstalkTarget` (environment variables and
 * option settings), the buildspec validator (`env.variables`) and the policy pack: such values
 * belong in SSM Parameter Store or Secrets Manager.
 */

/** Variable names that announce a secret. */
export const SECRET_NAME_PATTERN = /(SECRET|PASSWORD|PASSWD|TOKEN|PRIVATE_?KEY|API_?KEY|CREDENTIAL)/i;

/** Values that are AWS access key ids (long-term `AKIA`, temporary `ASIA`). */
export const ACCESS_KEY_ID_PATTERN = /\b(AKIA|ASIA)[A-Z0-9]{16}\b/;

/** Values shaped like an AWS secret access key (40 base64 characters). */
export const SECRET_ACCESS_KEY_PATTERN = /^[A-Za-z0-9/+=]{40}$/;

/** A credential recognised by its shape, and how a message names it. */
export interface CredentialShape {
  /** What it is, e.g. "a GitHub token". */
  noun: string;
  /** The shape. */
  pattern: RegExp;
}

/**
 * Credentials recognised by shape, wherever they appear in a value or command (the providers'
 * documented token prefixes). Checked in this order; the first match names the reason.
 */
export const CREDENTIAL_SHAPES: readonly CredentialShape[] = [
  { noun: "an AWS access key id", pattern: ACCESS_KEY_ID_PATTERN },
  { noun: "a private key", pattern: /-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----/ },
  { noun: "a URL with a password", pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/?#]+:[^\s@/?#]+@[^\s@]/i },
  { noun: "a GitHub token", pattern: /\b(gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{22,255})\b/ },
  { noun: "a GitLab token", pattern: /\bgl(pat|dt|rt|ptt|cbt|oas)-[A-Za-z0-9_-]{20,}/ },
  { noun: "an npm token", pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  // The webhook's last part needs one character only: the patterns are searched for, never anchored at the end.
  { noun: "a Slack token", pattern: /\bxox[abposre]-[A-Za-z0-9-]{10,}|hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]/ },
  { noun: "a Stripe secret key", pattern: /\b(sk|rk)_(live|test)_[A-Za-z0-9]{16,}\b/ },
  { noun: "a JSON Web Token", pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/ },
];

/** The first credential shape found in `text`, or `undefined`. */
export function credentialShapeIn(text: string): CredentialShape | undefined {
  return CREDENTIAL_SHAPES.find((s) => s.pattern.test(text));
}

/** Shortest value {@link looksRandom} considers. */
export const HIGH_ENTROPY_MIN_LENGTH = 24;
/** Shannon entropy (bits per character) from which a value counts as random. */
export const HIGH_ENTROPY_MIN_BITS = 4.2;

/** Shannon entropy of `value`, in bits per character. */
export function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / value.length) * Math.log2(n / value.length);
  return bits;
}

/**
 * Whether a whole value looks like a random secret: one token of at least 24 base64 or base64url
 * characters mixing upper case, lower case and digits, with at least 4.2 bits of entropy per
 * character. Hex digests, UUIDs, ARNs, paths and words do not qualify.
 */
export function looksRandom(value: string): boolean {
  return (
    value.length >= HIGH_ENTROPY_MIN_LENGTH &&
    /^[A-Za-z0-9+/=_-]+$/.test(value) &&
    /[0-9]/.test(value) &&
    /[A-Z]/.test(value) &&
    /[a-z]/.test(value) &&
    // Stryker disable next-line EqualityOperator: `>` differs from `>=` only at exactly 4.2 bits, which no value of 24 to 40 characters reaches (every distribution of character counts was computed).
    shannonEntropy(value) >= HIGH_ENTROPY_MIN_BITS
  );
}

/** Why a value is a credential by its shape ("its value is a GitHub token"), or `undefined`. */
export function credentialShapeReason(value: string): string | undefined {
  const shape = credentialShapeIn(value);
  if (shape === undefined) return undefined;
  return shape.noun === "a private key" ? "its value holds a private key" : `its value is ${shape.noun}`;
}

/**
 * Throws when a command of an inline buildspec (`phases.<phase>.commands` or `finally`) contains a
 * credential by its shape ({@link CREDENTIAL_SHAPES}): commands are stored and shown in plain text.
 * `spec` has already passed `validateBuildSpec`.
 */
export function checkBuildSpecCommands(spec: unknown, root = "buildSpec"): void {
  const phases = (spec as { phases?: Record<string, Record<string, unknown> | undefined> }).phases ?? {};
  for (const [phase, body] of Object.entries(phases)) {
    for (const list of ["commands", "finally"] as const) {
      const commands = body?.[list];
      if (!Array.isArray(commands)) continue;
      commands.forEach((command: unknown, i) => {
        const shape = typeof command === "string" ? credentialShapeIn(command) : undefined;
        if (shape !== undefined) {
          throw new Error(
            `\`${root}.phases.${phase}.${list}[${i}]\` contains a plaintext credential (${shape.noun}); store it in Parameter Store or Secrets Manager, reference it from \`env.parameter-store\` or \`env.secrets-manager\` and use the variable in the command.`,
          );
        }
      });
    }
  }
}

/**
 * Why a plain variable looks like a credential, or `undefined` when it does not: a credential
 * shape ({@link CREDENTIAL_SHAPES}), an AWS secret access key's shape, a random-looking value
 * ({@link looksRandom}), or a secret-sounding name. A secret-sounding name with an empty value is
 * allowed (nothing is leaked).
 */
export function plaintextSecretReason(name: string, value: string): string | undefined {
  const shape = credentialShapeReason(value);
  if (shape !== undefined) return shape;
  if (SECRET_ACCESS_KEY_PATTERN.test(value) && /[0-9]/.test(value) && /[A-Z]/.test(value) && /[a-z]/.test(value)) {
    return "its value looks like an AWS secret access key";
  }
  if (looksRandom(value)) return "its value looks like a random secret";
  if (SECRET_NAME_PATTERN.test(name) && value.length > 0) return "its name says it holds a secret";
  return undefined;
}

/** How a refused plain value is described and fixed in messages. */
export interface PlaintextValueCheck {
  /** The argument as the user writes it, e.g. `environmentVariables.DB_URL`. */
  arg: string;
  /** The variable's name, for the name check. */
  name: string;
  /** How to fix it, the end of the message: "store it in ... and pass ...". */
  fix: string;
  /**
   * The user's documented opt-out: skip the credential checks (never the secret check).
   * @default false
   */
  allowPlaintext?: boolean;
}

/** The message for a credential given as a plain value. */
export function credentialMessage(c: PlaintextValueCheck, reason: string): string {
  return `\`${c.arg}\` looks like a credential (${reason}); ${c.fix}`;
}

/** The message for a `pulumi.secret` given as a plain value. */
export function secretAsPlaintextMessage(c: PlaintextValueCheck): string {
  return `\`${c.arg}\` is a secret (\`pulumi.secret\`), but this value is stored and shown in plain text; ${c.fix}`;
}

/**
 * The checks of a plain variable value that can run now: a plain string is checked whole; of an
 * Output only the name (its value and secretness are checked by {@link checkedPlaintextValue}).
 * Throws the credential message, unless `allowPlaintext`.
 */
export function checkPlaintextValueNow(value: pulumi.Input<string> | undefined, c: PlaintextValueCheck): void {
  if (value === undefined || c.allowPlaintext === true) return;
  const reason = isDeferred(value) ? plaintextSecretReason(c.name, "(computed)") : plaintextSecretReason(c.name, value);
  if (reason !== undefined) throw new Error(credentialMessage(c, reason));
}

/**
 * A plain variable value, checked: a plain string now (throws the credential message unless
 * `allowPlaintext`); an Output when it resolves, refused when it is a secret (`pulumi.secret`)
 * or, unless `allowPlaintext`, a credential. Pass the returned input to the child resource, so a
 * refused Output fails its registration and the deployment with the same message.
 */
export function checkedPlaintextValue(value: pulumi.Input<string>, c: PlaintextValueCheck): pulumi.Input<string> {
  checkPlaintextValueNow(value, c);
  if (!isDeferred(value)) return value;
  const output = pulumi.output(value);
  // Inside `apply`, so the result keeps the value's dependencies; secretness is known by then.
  return output.apply(async (v) => {
    if (await pulumi.isSecret(output)) throw new Error(secretAsPlaintextMessage(c));
    const reason = c.allowPlaintext === true || typeof v !== "string" ? undefined : plaintextSecretReason(c.name, v);
    if (reason !== undefined) throw new Error(credentialMessage(c, reason));
    return v;
  });
}
