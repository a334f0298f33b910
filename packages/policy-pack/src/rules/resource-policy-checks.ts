import { actionMatches, conditionValues, isPublicPrincipal, NormalizedStatement, statementLabel } from "./policy-documents";

/** True for a public Deny that holds only without TLS: `Bool`/`BoolIfExists` `aws:SecureTransport` (any case) = false. */
export function deniesWithoutTls(s: NormalizedStatement): boolean {
  if (s.Effect !== "Deny" || !isPublicPrincipal(s) || !s.Condition) return false;
  return ["Bool", "BoolIfExists"].some((op) =>
    (conditionValues(s, op, "aws:SecureTransport") ?? []).some((x) => x.toLowerCase() === "false"),
  );
}

const covers = (patterns: string[], value: string) => patterns.some((p) => actionMatches(p, value));

/**
 * True when the TLS denies of `statements`, together, deny `actions` on every one of `resources`:
 * one statement for the bucket and one for its objects count as much as a single statement. With no
 * `resources` (a topic policy, which applies to its topic only), a deny of `actions` is enough.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit
 */
export function hasTlsDeny(statements: NormalizedStatement[], actions: string[], resources: string[]): boolean {
  const denies = statements.filter(deniesWithoutTls);
  if (resources.length === 0) return denies.some((s) => actions.every((a) => covers(s.Action, a)));
  return resources.every((r) => denies.some((s) => actions.every((a) => covers(s.Action, a)) && covers(s.Resource, r)));
}

/**
 * Condition keys that limit who can call, so that a `*` principal with one of them (positively
 * matched to values without wildcards) is not public, after the definition S3 Block Public Access
 * and IAM Access Analyzer use. Keys such as `aws:SecureTransport` limit how, not who: they do not count.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
 */
const CALLER_LIMITING_KEYS = [
  "aws:sourceaccount",
  "aws:sourcearn",
  "aws:sourceowner",
  "aws:sourceorgid",
  "aws:sourceorgpaths",
  "aws:sourcevpc",
  "aws:sourcevpce",
  "aws:principalaccount",
  "aws:principalarn",
  "aws:principalorgid",
  "aws:principalorgpaths",
  "aws:userid",
  "kms:calleraccount",
];
const POSITIVE_OPERATORS = /^(ForAnyValue:|ForAllValues:)?(StringEquals|StringEqualsIgnoreCase|StringLike|ArnEquals|ArnLike)$/;

/** True when a condition of the statement limits the caller to named accounts, organizations, networks or resources. */
export function limitsCaller(s: NormalizedStatement): boolean {
  return Object.entries(s.Condition ?? {}).some(
    ([op, block]) =>
      POSITIVE_OPERATORS.test(op) &&
      // A string block has only index keys, which limit nothing; null has no entries.
      !!block &&
      Object.entries(block as Record<string, unknown>).some(([k, v]) => {
        const values = [v].flat().map(String);
        return CALLER_LIMITING_KEYS.includes(k.toLowerCase()) && values.length > 0 && values.every((x) => x.length > 0 && !/^\*+$/.test(x));
      }),
  );
}

/** Messages for Allow statements open to everyone (`*`, `{ AWS: "*" }` or `NotPrincipal`) that no condition limits to named callers. */
export function publicAllowProblems(statements: NormalizedStatement[]): string[] {
  return statements.flatMap((s, i) => {
    if (s.Effect !== "Allow" || !isPublicPrincipal(s) || limitsCaller(s)) return [];
    const who = s.NotPrincipal !== undefined ? "everyone but the `NotPrincipal` list" : 'the "*" principal';
    const how = s.Condition ? "with conditions that do not limit the caller (account, organization, source)" : "without conditions";
    return [`${statementLabel(s, i)} allows ${who} ${how}`];
  });
}
