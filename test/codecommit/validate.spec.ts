import { expect } from "chai";
import {
  CodeCommitRepoArgs,
  validateCodeCommitRepoArgs,
  validateRepositoryBranchName,
  validateTrustedPrincipalArn,
} from "../../packages/aws-cicd/src/codecommit";

const NAME_RULE = '`repositoryName` must be 1 to 100 letters, digits, ".", "_" or "-" and must not end in ".git"';
const SNS = "arn:aws:sns:us-east-1:123456789012:alerts";
const LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:on-push";
const ROLE = "arn:aws:iam::111122223333:role/ci";

/** Validates `args` for a component named "app". */
const check =
  (args: CodeCommitRepoArgs, name = "app") =>
  () =>
    validateCodeCommitRepoArgs(name, args);

describe("CodeCommitRepo", () => {
  describe("validation", () => {
    it("accepts the defaults and a fully loaded configuration", () => {
      expect(check({})).to.not.throw();
      expect(
        check({
          repositoryName: "my.repo_name-1",
          defaultBranch: "trunk",
          protectedBranches: ["trunk", "release/v1"],
          requiredApprovals: 3,
          approvalPoolMembers: [
            "arn:aws:sts::123456789012:assumed-role/Reviewers/*",
            "arn:aws:iam::123456789012:user/alice",
            "arn:aws:iam::123456789012:role/path/Lead",
            "CodeCommitApprovers:123456789012:bob",
          ],
          approvalRuleTemplateName: "Two reviewers.v2",
          branchProtection: { users: ["dev"] },
          notifications: {
            topicArn: SNS,
            emailSubscriptions: ["team@example.com"],
            eventTypeIds: ["codecommit-repository-pull-request-merged"],
          },
          triggers: [
            { target: { snsTopicArn: SNS }, events: ["all"] },
            { target: { lambdaFunctionArn: `${LAMBDA}:live` }, name: "deploy" },
          ],
          pullRequestEvents: [{ target: { snsTopicArn: SNS }, events: ["pullRequestCreated"], destinationBranches: ["trunk"] }],
          commitEvents: [{ target: { lambdaFunctionArn: LAMBDA }, branches: ["trunk"] }],
          crossAccountAccess: [
            { principalArns: [ROLE, "arn:aws-us-gov:iam::111122223333:user/ops/carol"], access: "push", externalId: "ci-123" },
          ],
        }),
      ).to.not.throw();
    });

    describe("repository name", () => {
      const long = "a".repeat(101);
      const cases: [string, string, string][] = [
        ["a name over 100 characters", long, `${NAME_RULE}, got "${long}".`],
        ["a name with a space", "my repo", `${NAME_RULE}, got "my repo".`],
        ["a name with a slash", "team/app", `${NAME_RULE}, got "team/app".`],
        ["a name ending in .git", "app.git", `${NAME_RULE}, got "app.git".`],
        ["a name ending in .GIT", "app.GIT", `${NAME_RULE}, got "app.GIT".`],
        ["an empty name", "", `${NAME_RULE}, got "".`],
      ];
      for (const [what, value, message] of cases) {
        it(`throws for ${what}`, () => expect(check({ repositoryName: value })).to.throw(message));
      }
      it("says so when the invalid name came from the component name", () => {
        expect(check({}, "my app")).to.throw(
          `${NAME_RULE}, got "my app". The name defaults to the component name; pass \`repositoryName\` to choose another.`,
        );
      });
      it("accepts exactly 100 characters", () => expect(check({ repositoryName: "a".repeat(100) })).to.not.throw());
      it("throws for a description over 1,000 characters", () =>
        expect(check({ description: "d".repeat(1001) })).to.throw("`description` must be at most 1,000 characters, got 1001."));
    });

    describe("branch names", () => {
      const cases: [string, string, string][] = [
        ["two dots", "feature..x", 'must not contain "..", "//" or "@{"'],
        ["a space", "my branch", "must not contain spaces, control characters or any of ? ^ * [ \\ ~ :"],
        ["a colon", "a:b", "must not contain spaces, control characters or any of ? ^ * [ \\ ~ :"],
        ["a wildcard", "release/*", "must not contain spaces, control characters or any of ? ^ * [ \\ ~ :"],
        ["a leading slash", "/main", 'must not begin or end with "/" or "."'],
        ["a trailing dot", "main.", 'must not begin or end with "/" or "."'],
        ["the single character @", "@", 'must not be "@"'],
        ["a commit id", "0123456789abcdef0123456789abcdef01234567", "must not be 40 hexadecimal characters (that is a commit id)"],
        ["a .lock suffix", "main.lock", 'must not end in ".lock" or have a path part starting with "."'],
        ["over 256 characters", "b".repeat(257), "must be 1 to 256 characters long"],
        ["an empty name", "", "must be 1 to 256 characters long"],
      ];
      for (const [what, value, problem] of cases) {
        it(`throws for a branch with ${what}`, () =>
          expect(() => validateRepositoryBranchName("defaultBranch", value)).to.throw(
            `\`defaultBranch\` must hold Git branch names (without "refs/heads/"); "${value}" ${problem}.`,
          ));
      }
      it("names the argument and position in the message", () => {
        expect(check({ protectedBranches: ["main", "feature..x"] })).to.throw(
          '`protectedBranches[1]` must hold Git branch names (without "refs/heads/"); "feature..x" must not contain "..", "//" or "@{".',
        );
        expect(check({ defaultBranch: "my branch" })).to.throw(
          '`defaultBranch` must hold Git branch names (without "refs/heads/"); "my branch"',
        );
      });
      it("throws for an empty list of protected branches", () =>
        expect(check({ protectedBranches: [] })).to.throw(
          "`protectedBranches` must name at least one branch, got an empty list. Omit it to use the default.",
        ));
      it("throws for more than 100 protected branches", () =>
        expect(check({ protectedBranches: Array.from({ length: 101 }, (_, i) => `b${i}`) })).to.throw(
          "`protectedBranches` may hold at most 100 branches, got 101.",
        ));
    });

    describe("approvals", () => {
      const cases: [string, CodeCommitRepoArgs, string][] = [
        ["0 approvals", { requiredApprovals: 0 }, "`requiredApprovals` must be a whole number from 1 to 200, got 0."],
        ["a fraction", { requiredApprovals: 1.5 }, "`requiredApprovals` must be a whole number from 1 to 200, got 1.5."],
        ["201 approvals", { requiredApprovals: 201 }, "`requiredApprovals` must be a whole number from 1 to 200, got 201."],
        [
          "an empty pool",
          { approvalPoolMembers: [] },
          "`approvalPoolMembers` must hold 1 to 50 members, got 0. Omit it to let anyone with access approve.",
        ],
        [
          "a pool over 50",
          { approvalPoolMembers: Array.from({ length: 51 }, (_, i) => `CodeCommitApprovers:123456789012:u${i}`) },
          "`approvalPoolMembers` must hold 1 to 50 members, got 51. Omit it to let anyone with access approve.",
        ],
        [
          "a pool member that is a bare name",
          { approvalPoolMembers: ["alice"] },
          '`approvalPoolMembers` entries must be IAM user or role ARNs ("arn:aws:iam::<account>:user/<name>"), assumed-role ARNs ("arn:aws:sts::<account>:assumed-role/<role>/*") or "CodeCommitApprovers:<account>:<name>", got "alice".',
        ],
        [
          "a pool member with a bad account",
          { approvalPoolMembers: ["arn:aws:iam::1234:user/alice"] },
          'or "CodeCommitApprovers:<account>:<name>", got "arn:aws:iam::1234:user/alice".',
        ],
        [
          "a template name with a slash",
          { approvalRuleTemplateName: "a/b" },
          '`approvalRuleTemplateName` must be 1 to 100 letters, digits, spaces, ".", "_" or "-" and must not end in ".git", got "a/b".',
        ],
        [
          "approvals set while approvals are off",
          { requirePullRequestApprovals: false, requiredApprovals: 3 },
          "`requiredApprovals` has no effect when `requirePullRequestApprovals` is false; remove one of them.",
        ],
        [
          "a pool set while approvals are off",
          { requirePullRequestApprovals: false, approvalPoolMembers: ["CodeCommitApprovers:123456789012:bob"] },
          "`approvalPoolMembers` has no effect when `requirePullRequestApprovals` is false; remove one of them.",
        ],
      ];
      for (const [what, args, message] of cases) {
        it(`throws for ${what}`, () => expect(check(args)).to.throw(message));
      }
      it("throws when the rendered rule is longer than CodeCommit allows", () => {
        const branches = Array.from({ length: 90 }, (_, i) => `release/version-${i}-long-name`);
        expect(check({ protectedBranches: branches })).to.throw(
          /^The approval rule for `protectedBranches` and `approvalPoolMembers` is \d+ characters long; CodeCommit allows 3000\. Name fewer branches or pool members\.$/,
        );
      });
    });

    describe("branch protection and notifications", () => {
      const cases: [string, CodeCommitRepoArgs, string][] = [
        [
          "branch protection naming nobody",
          { branchProtection: { roles: [], denyPullRequestMerges: true } },
          "`branchProtection` must name at least one of `roles`, `users` or `groups`, got none. Omit it to create no policy.",
        ],
        [
          "a topic that is not an SNS ARN",
          { notifications: { topicArn: "alerts" } },
          '`notifications.topicArn` must be an SNS topic ARN ("arn:aws:sns:<region>:<account>:<name>"), got "alerts".',
        ],
        [
          "a bad email",
          { notifications: { emailSubscriptions: ["lead"] } },
          '`notifications.emailSubscriptions` must hold email addresses, got "lead".',
        ],
        [
          "an unknown event type",
          { notifications: { eventTypeIds: ["codecommit-repository-pushed" as never] } },
          '`notifications.eventTypeIds` must hold CodeCommit event type ids such as "codecommit-repository-pull-request-created" (see CodeCommitNotificationEventTypeId), got "codecommit-repository-pushed".',
        ],
        [
          "no event types",
          { notifications: { eventTypeIds: [] } },
          "`notifications.eventTypeIds` must name at least one event type, got an empty list. Omit it to use the default.",
        ],
        [
          "a repeated event type",
          { notifications: { eventTypeIds: ["codecommit-repository-pull-request-merged", "codecommit-repository-pull-request-merged"] } },
          "`notifications.eventTypeIds` must not repeat an event type.",
        ],
      ];
      for (const [what, args, message] of cases) {
        it(`throws for ${what}`, () => expect(check(args)).to.throw(message));
      }
    });

    describe("triggers and event rules", () => {
      const sns = { snsTopicArn: SNS };
      const cases: [string, CodeCommitRepoArgs, string][] = [
        [
          "a trigger without target",
          { triggers: [{ target: {} }] },
          "`triggers[0].target` must set one of `snsTopicArn` or `lambdaFunctionArn`, got neither.",
        ],
        [
          "a trigger with both targets",
          { triggers: [{ target: { snsTopicArn: SNS, lambdaFunctionArn: LAMBDA } }] },
          "`triggers[0].target` must set only one of `snsTopicArn` or `lambdaFunctionArn`, got both. Add a second entry for the other target.",
        ],
        [
          "a trigger with a bad topic ARN",
          { triggers: [{ target: { snsTopicArn: "arn:aws:sqs:us-east-1:123456789012:q" } }] },
          '`triggers[0].target.snsTopicArn` must be an SNS topic ARN ("arn:aws:sns:<region>:<account>:<name>"), got "arn:aws:sqs:us-east-1:123456789012:q".',
        ],
        [
          "a trigger with a bad function ARN",
          { triggers: [{ target: { lambdaFunctionArn: "on-push" } }] },
          '`triggers[0].target.lambdaFunctionArn` must be a Lambda function ARN ("arn:aws:lambda:<region>:<account>:function:<name>"), got "on-push".',
        ],
        [
          "an unknown trigger event",
          { triggers: [{ target: sns, events: ["push" as never] }] },
          '`triggers[0].events` must hold events from "all", "updateReference", "createReference", "deleteReference", got "push".',
        ],
        [
          "all with other events",
          { triggers: [{ target: sns, events: ["all", "createReference"] }] },
          '`triggers[0].events` must be ["all"] alone or a list without "all", got ["all","createReference"].',
        ],
        [
          "no trigger events",
          { triggers: [{ target: sns, events: [] }] },
          "`triggers[0].events` must name at least one event, got an empty list. Omit it to use the default.",
        ],
        [
          "a trigger on a bad branch",
          { triggers: [{ target: sns, branches: ["a b"] }] },
          '`triggers[0].branches[0]` must hold Git branch names (without "refs/heads/"); "a b" must not contain spaces',
        ],
        [
          "two triggers with one name",
          {
            triggers: [
              { target: sns, name: "t" },
              { target: sns, name: "t" },
            ],
          },
          '`triggers[1].name` must be unique among the triggers, got "t" twice.',
        ],
        [
          "an empty trigger name",
          { triggers: [{ target: sns, name: " " }] },
          '`triggers[0].name` must not be empty, got " ". Omit it to use the default.',
        ],
        [
          "custom data over 1,000 characters",
          { triggers: [{ target: sns, customData: "x".repeat(1001) }] },
          "`triggers[0].customData` must be at most 1,000 characters, got 1001.",
        ],
        [
          "more than 10 triggers",
          { triggers: Array.from({ length: 11 }, () => ({ target: sns })) },
          "`triggers` may hold at most 10 triggers (CodeCommit quota), got 11.",
        ],
        [
          "a pull request rule without target",
          { pullRequestEvents: [{ target: {} }] },
          "`pullRequestEvents[0].target` must set one of `snsTopicArn` or `lambdaFunctionArn`, got neither.",
        ],
        [
          "an unknown pull request event",
          { pullRequestEvents: [{ target: sns, events: ["pullRequestMerged" as never] }] },
          '`pullRequestEvents[0].events` must hold events from "pullRequestCreated", "pullRequestSourceBranchUpdated", "pullRequestStatusChanged", "pullRequestMergeStatusUpdated", got "pullRequestMerged".',
        ],
        [
          "a commit rule with both targets",
          { commitEvents: [{ target: { snsTopicArn: SNS, lambdaFunctionArn: LAMBDA } }] },
          "`commitEvents[0].target` must set only one of `snsTopicArn` or `lambdaFunctionArn`, got both. Add a second entry for the other target.",
        ],
        [
          "a commit rule on no branch",
          { commitEvents: [{ target: sns, branches: [] }] },
          "`commitEvents[0].branches` must name at least one branch, got an empty list. Omit it to use the default.",
        ],
      ];
      for (const [what, args, message] of cases) {
        it(`throws for ${what}`, () => expect(check(args)).to.throw(message));
      }
    });

    describe("cross-account principals", () => {
      const rule =
        '`crossAccountAccess[0].principalArns` must hold IAM role or user ARNs ("arn:aws:iam::<account>:role/<name>" or "arn:aws:iam::<account>:user/<name>")';
      const cases: [string, string, string][] = [
        [
          "an account root",
          "arn:aws:iam::111122223333:root",
          `${rule}, got "arn:aws:iam::111122223333:root". An account root trusts every principal that account's administrators allow; name the exact roles or users.`,
        ],
        [
          "a bare account id",
          "111122223333",
          `${rule}, got "111122223333". A bare account id trusts the whole account; name the exact roles or users.`,
        ],
        ["a wildcard", "arn:aws:iam::111122223333:role/*", `${rule}, got "arn:aws:iam::111122223333:role/*".`],
        [
          "an assumed-role session",
          "arn:aws:sts::111122223333:assumed-role/ci/s",
          `${rule}, got "arn:aws:sts::111122223333:assumed-role/ci/s".`,
        ],
        ["the any principal", "*", `${rule}, got "*".`],
      ];
      for (const [what, value, message] of cases) {
        it(`throws for ${what}`, () =>
          expect(check({ crossAccountAccess: [{ principalArns: [value], access: "pull" }] })).to.throw(message));
      }
      it("validates a single ARN with the argument name given", () =>
        expect(() => validateTrustedPrincipalArn("principalArns", "arn:aws:iam::111122223333:root")).to.throw(
          '`principalArns` must hold IAM role or user ARNs ("arn:aws:iam::<account>:role/<name>" or "arn:aws:iam::<account>:user/<name>"), got "arn:aws:iam::111122223333:root".',
        ));
      it("throws for no principals", () =>
        expect(check({ crossAccountAccess: [{ principalArns: [], access: "pull" }] })).to.throw(
          "`crossAccountAccess[0].principalArns` must name at least one IAM role or user ARN, got none.",
        ));
      it("throws for an unknown access level", () =>
        expect(check({ crossAccountAccess: [{ principalArns: [ROLE], access: "admin" as never }] })).to.throw(
          '`crossAccountAccess[0].access` must be "pull", "read" or "push", got "admin".',
        ));
      it("throws for an external id with spaces", () =>
        expect(check({ crossAccountAccess: [{ principalArns: [ROLE], access: "pull", externalId: "a b" }] })).to.throw(
          '`crossAccountAccess[0].externalId` must be 2 to 1,224 letters, digits or any of + = , . @ : / - _, got "a b".',
        ));
    });
  });
});
