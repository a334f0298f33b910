import { resourceRule } from "../rule";
import { conditionValues, NormalizedStatement, statementLabel, statementsOf } from "../policy-documents";

/** An account root (`arn:aws:iam::111122223333:root`) or a bare account id. */
const WHOLE_ACCOUNT = /^(?:(\d{12})|arn:aws[a-z-]*:iam::(\d{12}):root)$/;

/**
 * A role ARN pattern of one account under a path of at least one fixed segment
 * (`arn:aws:iam::111122223333:role/aws-cicd/platform/*`): a grant to the roles at that path, not to
 * the whole account.
 */
const ROLE_PATH_PATTERN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/[^*?/]+\//;

/**
 * The accounts whose principals the statement narrows to roles at a path of theirs
 * (`aws:PrincipalArn` `ArnLike`/`ArnEquals`, every value such a pattern): a principal of another
 * account matches none of the values, so an account root is then no whole-account grant.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn
 */
function narrowedAccounts(s: NormalizedStatement): Set<string> {
  const values = [
    ...(conditionValues(s, "ArnLike", "aws:PrincipalArn") ?? []),
    ...(conditionValues(s, "ArnEquals", "aws:PrincipalArn") ?? []),
  ];
  const accounts = values.map((v) => ROLE_PATH_PATTERN.exec(v)?.[1]);
  // No value: `accounts` is empty, so is the set.
  // Stryker disable next-line ArrayDeclaration: "Stryker was here" is no 12-digit account, so it narrows no account either way.
  return new Set(accounts.every((a) => a !== undefined) ? (accounts as string[]) : []);
}

/** The resource's own account, when the document or the key ARN tells it (kms:CallerAccount, aws:SourceAccount...). */
function ownAccount(statements: NormalizedStatement[], keyId: unknown): string | undefined {
  // Stryker disable next-line ConditionalExpression: exec turns a non-string into a string ("undefined", "5") that no key ARN matches.
  const fromKey = typeof keyId === "string" ? /^arn:aws[a-z-]*:kms:[^:]*:(\d{12}):/.exec(keyId)?.[1] : undefined;
  if (fromKey) return fromKey;
  for (const s of statements) {
    for (const key of ["kms:CallerAccount", "aws:SourceAccount", "aws:PrincipalAccount"]) {
      const v = conditionValues(s, "StringEquals", key);
      if (v && v.length === 1 && /^\d{12}$/.test(v[0])) return v[0];
    }
  }
  return undefined;
}

export const policyNoForeignAccount = resourceRule(
  {
    id: "aws-cicd-policy-no-whole-account",
    service: "kms",
    description:
      "KMS key policies and S3 bucket policies allow no whole account (`:root` or an account id) other than the key's own account, whatever produced the ARN (an Output resolved to another account's root included); Deny statements are not judged. An account narrowed by `aws:PrincipalArn` to roles at a path of its own (`arn:aws:iam::<account>:role/<path>/*`) is a grant to those roles, not to the account.",
    severity: "high",
    remediation:
      "Name the roles that need the key or bucket (aws-cicd's components refuse account roots), not `arn:aws:iam::<account>:root`, or narrow the account to a role path (`readerRolePaths`, `principalRolePaths`).",
    tier: "strict",
    references: {},
    preview:
      "Judges documents known in preview; a document that embeds an output of the same run (a role ARN given as an Output) is unknown, so that resource is judged at `pulumi up`, once the Output has resolved.",
  },
  ["aws:kms/key:Key", "aws:kms/keyPolicy:KeyPolicy", "aws:s3/bucketPolicy:BucketPolicy"],
  (props, report, _c, args) => {
    // Stryker disable next-line ArrayDeclaration: a string is no statement (no Effect "Allow"), so it is skipped as no statement.
    const statements = statementsOf(props.policy) ?? [];
    const bucket = args.type === "aws:s3/bucketPolicy:BucketPolicy";
    // A key policy delegates to its own account's IAM with the account root; a bucket policy never needs it.
    const own = bucket ? undefined : ownAccount(statements, props.keyId);
    for (const [i, s] of statements.entries()) {
      if (s.Effect !== "Allow" || !s.Principal) continue;
      // Stryker disable next-line ConditionalExpression,StringLiteral: "*" has no `AWS` list, so it names no account either way.
      if (s.Principal === "*") continue;
      const narrowed = narrowedAccounts(s);
      // Stryker disable next-line ArrayDeclaration: "Stryker was here" is no whole account, so it is skipped as no principal.
      for (const p of s.Principal.AWS ?? []) {
        const m = WHOLE_ACCOUNT.exec(p);
        const account = m?.[1] ?? m?.[2];
        if (!account || account === own || narrowed.has(account)) continue;
        const whose = own ? `, another account than the key's (${own})` : "";
        report(`${bucket ? "Bucket" : "Key"} policy ${statementLabel(s, i)} allows the whole account "${p}"${whose}; name the roles.`);
      }
    }
  },
);
