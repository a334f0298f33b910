// Argument types, boundaries and accepted values of validateCodeCommitRepoArgs (the pure
// validator), next to the rejection table in validate.spec.ts.
import { expect } from "chai";
import { approvalRuleContentObject, validateCodeCommitRepoArgs } from "../../packages/aws-cicd/src/codecommit/validate";
import { CodeCommitRepoArgs } from "../../packages/aws-cicd/src/codecommit/codecommit-repo-args";

const TARGET = { snsTopicArn: "arn:aws:sns:us-east-1:123456789012:alerts" };
const ROLE = "arn:aws:iam::111122223333:role/ci";
const BOOLEAN = (arg: string) => `\`${arg}\` must be true or false, got the string "yes"; pass a boolean, not a string or number.`;
const STRING = (arg: string) => `\`${arg}\` must be a string, got the number 1.`;
const LIST = (arg: string, got: string) => `\`${arg}\` must be a list, got the string "${got}"; wrap a single item in [ ].`;
const TARGETS = (arg: string) => `\`${arg}[0]\` must be an object with a \`target\`, got the string "x".`;
const PRINCIPALS =
  '`crossAccountAccess[0].principalArns` must hold IAM role or user ARNs ("arn:aws:iam::<account>:role/<name>" or "arn:aws:iam::<account>:user/<name>"), got';
const access = (extra: object): CodeCommitRepoArgs =>
  ({ crossAccountAccess: [{ access: "pull", principalArns: [ROLE], ...extra }] }) as CodeCommitRepoArgs;
const times = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

/** JavaScript callers: each arg given a value of the wrong type, and the message that names it. */
const WRONG_TYPES: [string, unknown, string][] = [
  [
    "branchProtection",
    { branchProtection: "x" },
    '`branchProtection` must be an object with `roles`, `users` or `groups`, got the string "x"; pass the fields or leave `branchProtection` out.',
  ],
  [
    "notifications",
    { notifications: "x" },
    '`notifications` must be an object with notification settings, got the string "x"; pass the fields or leave `notifications` out.',
  ],
  [
    "encryptionKey",
    { encryptionKey: "k" },
    '`encryptionKey` must be a key object (an EncryptionKey, or `{ keyArn }` for a key you own), got the string "k"; to name a key by ARN, pass `{ keyArn: "k" }`.',
  ],
  [
    "encryptionKey.keyArn",
    { encryptionKey: { keyArn: "alias/x" } },
    '`encryptionKey.keyArn` must be a KMS key ARN such as "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" (not an alias), got "alias/x".',
  ],
  ["retainOnDelete", { retainOnDelete: "yes" }, BOOLEAN("retainOnDelete")],
  ["requirePullRequestApprovals", { requirePullRequestApprovals: "yes" }, BOOLEAN("requirePullRequestApprovals")],
  [
    "branchProtection.denyPullRequestMerges",
    { branchProtection: { roles: ["r"], denyPullRequestMerges: "yes" } },
    BOOLEAN("branchProtection.denyPullRequestMerges"),
  ],
  [
    "requiredApprovals",
    { requiredApprovals: "2" },
    '`requiredApprovals` must be a number, got the string "2"; pass a number, not a string.',
  ],
  ["repositoryName", { repositoryName: 1 }, STRING("repositoryName")],
  ["defaultBranch", { defaultBranch: 1 }, STRING("defaultBranch")],
  ["approvalRuleTemplateName", { approvalRuleTemplateName: 1 }, STRING("approvalRuleTemplateName")],
  ["crossAccountAccess", { crossAccountAccess: "x" }, LIST("crossAccountAccess", "x")],
  ["branchProtection.roles", { branchProtection: { roles: "r" } }, LIST("branchProtection.roles", "r")],
  ["branchProtection.users", { branchProtection: { users: "u" } }, LIST("branchProtection.users", "u")],
  ["branchProtection.groups", { branchProtection: { groups: "g" } }, LIST("branchProtection.groups", "g")],
  ["triggers[0]", { triggers: ["x"] }, TARGETS("triggers")],
  ["pullRequestEvents[0]", { pullRequestEvents: ["x"] }, TARGETS("pullRequestEvents")],
  ["commitEvents[0]", { commitEvents: ["x"] }, TARGETS("commitEvents")],
  ["protectedBranches[0]", { protectedBranches: [1] }, STRING("protectedBranches[0]")],
  ["approvalPoolMembers[0]", { approvalPoolMembers: [1] }, STRING("approvalPoolMembers[0]")],
  ["notifications.emailSubscriptions[0]", { notifications: { emailSubscriptions: [1] } }, STRING("notifications.emailSubscriptions[0]")],
  ["notifications.eventTypeIds[0]", { notifications: { eventTypeIds: [1] } }, STRING("notifications.eventTypeIds[0]")],
  [
    "crossAccountAccess[0]",
    { crossAccountAccess: ["x"] },
    '`crossAccountAccess[0]` must be an object with `access` and `principalArns`, got the string "x"; pass the fields or leave `crossAccountAccess[0]` out.',
  ],
  [
    "crossAccountAccess[0] null",
    { crossAccountAccess: [null] },
    "`crossAccountAccess[0]` must be an object with `access` and `principalArns`, got null; pass the fields or leave `crossAccountAccess[0]` out.",
  ],
  ["crossAccountAccess[0].requireMfa", access({ requireMfa: "yes" }), BOOLEAN("crossAccountAccess[0].requireMfa")],
  ["crossAccountAccess[0].externalId", access({ externalId: 1 }), STRING("crossAccountAccess[0].externalId")],
  ["crossAccountAccess[0].principalArns", access({ principalArns: ROLE }), LIST("crossAccountAccess[0].principalArns", ROLE)],
  ["crossAccountAccess[0].principalArns[0]", access({ principalArns: [5] }), `${PRINCIPALS} the number 5.`],
];

const ok = (args: CodeCommitRepoArgs): void => {
  expect(() => validateCodeCommitRepoArgs("app", args)).not.to.throw();
};
const fails = (args: CodeCommitRepoArgs, message: string): void => {
  expect(() => validateCodeCommitRepoArgs("app", args)).to.throw(message);
};

describe("CodeCommitRepo", () => {
  describe("validateCodeCommitRepoArgs types", () => {
    for (const [arg, args, message] of WRONG_TYPES) {
      it(`throws when \`${arg}\` has the wrong type`, () => {
        expect(() => validateCodeCommitRepoArgs("app", args as CodeCommitRepoArgs)).to.throw(message);
      });
    }
  });

  describe("validateCodeCommitRepoArgs boundaries", () => {
    it("accepts a description of 1,000 characters, and throws at 1,001", () => {
      ok({ description: "d".repeat(1000) });
      fails({ description: "d".repeat(1001) }, "`description` must be at most 1,000 characters, got 1001.");
    });

    it("accepts 1 and 200 required approvals, and throws at 201", () => {
      ok({ requirePullRequestApprovals: true, requiredApprovals: 1 });
      ok({ requirePullRequestApprovals: true, requiredApprovals: 200 });
      fails(
        { requirePullRequestApprovals: true, requiredApprovals: 201 },
        "`requiredApprovals` must be a whole number from 1 to 200, got 201.",
      );
    });

    it("accepts an approval pool of 50 members", () => {
      ok({ requirePullRequestApprovals: true, approvalPoolMembers: times(50, (i) => `arn:aws:iam::111122223333:role/r${i}`) });
    });

    it("accepts 100 protected branches, and throws at 101", () => {
      ok({ protectedBranches: times(100, (i) => `b${i}`) });
      fails({ protectedBranches: times(101, (i) => `b${i}`) }, "`protectedBranches` may hold at most 100 branches, got 101.");
    });

    it("accepts 10 triggers and custom data of 1,000 characters, and throws one past each", () => {
      ok({ triggers: times(10, (i) => ({ name: `t${i}`, target: TARGET })) });
      fails(
        { triggers: times(11, (i) => ({ name: `t${i}`, target: TARGET })) },
        "`triggers` may hold at most 10 triggers (CodeCommit quota), got 11.",
      );
      ok({ triggers: [{ name: "t", target: TARGET, customData: "c".repeat(1000) }] });
      fails(
        { triggers: [{ name: "t", target: TARGET, customData: "c".repeat(1001) }] },
        "`triggers[0].customData` must be at most 1,000 characters, got 1001.",
      );
    });

    it('accepts names with ".git" or ".lock" inside, not at the end', () => {
      ok({ repositoryName: "a.gitx", defaultBranch: "a.lockx" });
      ok({ requirePullRequestApprovals: true, approvalRuleTemplateName: "a.gitx" });
      fails(
        { requirePullRequestApprovals: true, approvalRuleTemplateName: "x.git" },
        '`approvalRuleTemplateName` must be 1 to 100 letters, digits, spaces, ".", "_" or "-" and must not end in ".git", got "x.git".',
      );
    });

    it("accepts branch names of 256 characters and 40 hex digits with more around them", () => {
      ok({ defaultBranch: "b".repeat(256) });
      ok({ defaultBranch: `x${"a".repeat(40)}` });
      ok({ defaultBranch: `${"a".repeat(40)}x` });
      fails(
        { defaultBranch: "b".repeat(257) },
        `\`defaultBranch\` must hold Git branch names (without "refs/heads/"); "${"b".repeat(257)}" must be 1 to 256 characters long.`,
      );
    });

    it("checks pull request event filters", () => {
      fails(
        { pullRequestEvents: [{ target: TARGET, events: [] }] },
        "`pullRequestEvents[0].events` must name at least one event, got an empty list. Omit it to use the default.",
      );
      fails(
        { pullRequestEvents: [{ target: TARGET, destinationBranches: ["/bad"] }] },
        '`pullRequestEvents[0].destinationBranches[0]` must hold Git branch names (without "refs/heads/"); "/bad" must not begin or end with "/" or ".".',
      );
    });

    it("accepts branch protection that names a role and a user", () => {
      ok({ branchProtection: { roles: ["a"], users: ["b"], groups: [] } });
    });

    it("accepts each access level", () => {
      for (const a of ["pull", "push", "read"]) ok(access({ access: a }));
    });

    it("names a bare account id only when the value is exactly 12 digits", () => {
      fails(access({ principalArns: ["x111122223333"] }), `${PRINCIPALS} "x111122223333".`);
      fails(access({ principalArns: ["1111222233334"] }), `${PRINCIPALS} "1111222233334".`);
      fails(
        access({ principalArns: ["111122223333"] }),
        `${PRINCIPALS} "111122223333". A bare account id trusts the whole account; name the exact roles or users.`,
      );
    });

    it("throws when the principals make a trust policy longer than IAM's quota", () => {
      const principalArns = times(40, (i) => `arn:aws:iam::111122223333:role/some-long-role-name-${i}`);
      ok(access({ principalArns: principalArns.slice(0, 30) }));
      fails(
        access({ principalArns }),
        '`crossAccountAccess[0].principalArns` names 40 principals, which make a trust policy of 2366 characters; IAM\'s quota is 2048. The quota is adjustable: ask AWS for more through Service Quotas ("Role trust policy length"), or split the principals over several `crossAccountAccess` entries.',
      );
    });
  });

  describe("approvalRuleContentObject", () => {
    it("writes the approvers statement, with the pool only when given", () => {
      expect(approvalRuleContentObject(["main"], 2, [ROLE])).to.deep.equal({
        Version: "2018-11-08",
        DestinationReferences: ["refs/heads/main"],
        Statements: [{ Type: "Approvers", NumberOfApprovalsNeeded: 2, ApprovalPoolMembers: [ROLE] }],
      });
      expect(approvalRuleContentObject(["main"], 2)).to.deep.equal({
        Version: "2018-11-08",
        DestinationReferences: ["refs/heads/main"],
        Statements: [{ Type: "Approvers", NumberOfApprovalsNeeded: 2 }],
      });
    });
  });
});
