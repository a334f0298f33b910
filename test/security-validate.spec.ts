import { expect } from "chai";
import { validateEncryptionKeyArgs, validateSecureBucketArgs } from "../packages/aws-cicd/src/security";
import { validateSecureTopicArgs } from "../packages/aws-cicd/src/security/secure-topic";
import { validateRolePath, validateRolePathGrants } from "../packages/aws-cicd/src/security/role-path";

// Each argument of the security validators given the wrong type or a value just outside what is
// allowed, with the exact message; and the values just inside, which must pass.

/** The exact message `check` throws, or "passes". */
function outcome(check: () => void): string {
  try {
    check();
  } catch (e) {
    return (e as Error).message;
  }
  return "passes";
}

const KEY = { keyArn: "arn:aws:kms:us-east-1:123456789012:key/x" };
const ROOT = "arn:aws:iam::210987654321:root";
const ROLE = "arn:aws:iam::210987654321:role/a";
const bool = (arg: string, got: string) => `\`${arg}\` must be true or false, got ${got}; pass a boolean, not a string or number.`;
const list = (arg: string, got: string) => `\`${arg}\` must be a list, got ${got}; wrap a single item in [ ].`;
const notRole = (at: string) =>
  `\`${at}\` must be an IAM role ARN such as "arn:aws:iam::111122223333:role/deploy", got "${ROOT}". Name the exact role, not an account.`;
const alias = (got: string) =>
  `\`aliasName\` must start with "alias/" followed by letters, digits, "/", "_" or "-" and must not use the reserved "alias/aws/" prefix, got "${got}".`;
const keyObject = (got: string) =>
  `\`encryptionKey\` must be a key object (an EncryptionKey, or \`{ keyArn }\` for a key you own), got the string "${got}"; to name a key by ARN, pass \`{ keyArn: "${got}" }\`.`;
const keyArn = (got: string) =>
  `\`encryptionKey.keyArn\` must be a KMS key ARN such as "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" (not an alias), got "${got}".`;
const publisher = (got: string) => `\`publisherServices\` must hold AWS service principals such as "events.amazonaws.com", got "${got}".`;
const days = (arg: string, got: number) => `\`${arg}\` must be a whole number of days from 1 to 36500, got ${got}.`;
const prefix = (got: string) =>
  `\`bucketPrefix\` must start with a lowercase letter or digit and hold at most 37 lowercase letters, digits, "." or "-", got "${got}".`;
const reservedPrefix = (got: string) =>
  `\`bucketPrefix\` must not hold two adjacent periods or start with "xn--", "sthree-", "amzn-s3-demo-" (S3 refuses such bucket names), got "${got}".`;
const rolePath = (arg: string, got: string) =>
  `\`${arg}\` must be an IAM role path: "/", or segments of the characters "!" to "~" each ended by "/", starting with "/", at most 512 characters (e.g. "/aws-cicd/platform/"), got ${got}.`;

describe("validateEncryptionKeyArgs", () => {
  const cases: [string, unknown, string][] = [
    [
      "args that are not an object",
      "x",
      '`args` must be an object, got the string "x"; pass `{ ... }` as the second constructor argument.',
    ],
    ["empty args", {}, "passes"],
    ...["allowAutoScalingVolumes", "allowDirectUse", "allowEcrRepositories", "retainOnDelete"].map(
      (arg) => [`a string for \`${arg}\``, { [arg]: "true" }, bool(arg, 'the string "true"')] as [string, unknown, string],
    ),
    [
      "a string window",
      { deletionWindowInDays: "7" },
      '`deletionWindowInDays` must be a number, got the string "7"; pass a number, not a string.',
    ],
    ["a fractional window", { deletionWindowInDays: 7.5 }, "`deletionWindowInDays` must be a whole number from 7 to 30, got 7.5."],
    ["a window of 7 days", { deletionWindowInDays: 7 }, "passes"],
    ["a window of 30 days", { deletionWindowInDays: 30 }, "passes"],
    ["a number as alias", { aliasName: 5 }, "`aliasName` must be a string, got the number 5."],
    ["an alias of one character", { aliasName: "alias/a" }, "passes"],
    ["an alias of 250 characters after the prefix", { aliasName: "alias/" + "a".repeat(250) }, "passes"],
    ["an alias of 251 characters after the prefix", { aliasName: "alias/" + "a".repeat(251) }, alias("alias/" + "a".repeat(251))],
    ["an alias with nothing after the prefix", { aliasName: "alias/" }, alias("alias/")],
    ["an alias with a space", { aliasName: "alias/a b" }, alias("alias/a b")],
    ["an alias with text before the prefix", { aliasName: "xalias/a" }, alias("xalias/a")],
    ["an alias with a trailing newline", { aliasName: "alias/a\n" }, alias("alias/a\n")],
    ["a number as region", { region: 5 }, "`region` must be a string, got the number 5."],
    ["a region that is not one", { region: "useast" }, '`region` must be an AWS region name such as "eu-west-1", got "useast".'],
    ["a string as principals", { principalArns: "arn" }, list("principalArns", 'the string "arn"')],
    ["an account root as writer", { writerPrincipalArns: [ROLE, ROOT] }, notRole("writerPrincipalArns[1]")],
    ["a string as services", { viaServices: "s3" }, list("viaServices", 'the string "s3"')],
    ["a number as service", { viaServices: [5] }, "`viaServices[0]` must be a string, got the number 5."],
    ["an upper-case service", { viaServices: ["S3"] }, '`viaServices` takes short service names such as "s3" or "codebuild", got "S3".'],
    [
      "a service with a space",
      { viaServices: ["s3 x"] },
      '`viaServices` takes short service names such as "s3" or "codebuild", got "s3 x".',
    ],
    [
      "every role of an account by path",
      { principalRolePaths: [{ accountId: "210987654321", path: "/" }] },
      '`principalRolePaths[0].path` is "/", which would grant every role of account 210987654321; give the path of the roles to grant (e.g. "/aws-cicd/platform/"), or name them by ARN.',
    ],
  ];
  for (const [what, args, message] of cases) {
    it(`${message === "passes" ? "accepts" : "throws for"} ${what}`, () =>
      expect(outcome(() => validateEncryptionKeyArgs(args as never))).to.equal(message));
  }
});

describe("validateSecureTopicArgs", () => {
  const cases: [string, unknown, string][] = [
    ["no args", undefined, "`args` must be an object, got nothing; pass `{ ... }` as the second constructor argument."],
    ["no key", {}, "`encryptionKey` is required, got nothing."],
    ["a key given as a string", { encryptionKey: "arn" }, keyObject("arn")],
    ["a key ARN of another service", { encryptionKey: { keyArn: "arn:aws:s3:::b" } }, keyArn("arn:aws:s3:::b")],
    [
      "a string as publishers",
      { encryptionKey: KEY, publisherServices: "events.amazonaws.com" },
      list("publisherServices", 'the string "events.amazonaws.com"'),
    ],
    ["a string as subscriptions", { encryptionKey: KEY, emailSubscriptions: "a@b.c" }, list("emailSubscriptions", 'the string "a@b.c"')],
    ["a publisher without domain", { encryptionKey: KEY, publisherServices: ["events"] }, publisher("events")],
    ["an upper-case publisher", { encryptionKey: KEY, publisherServices: ["Events.amazonaws.com"] }, publisher("Events.amazonaws.com")],
    [
      "a publisher with text after the domain",
      { encryptionKey: KEY, publisherServices: ["events.amazonaws.com.evil"] },
      publisher("events.amazonaws.com.evil"),
    ],
    ["a publisher with an empty label", { encryptionKey: KEY, publisherServices: ["a..amazonaws.com"] }, publisher("a..amazonaws.com")],
    [
      "a publisher whose domain dot is another character",
      { encryptionKey: KEY, publisherServices: ["a.amazonawsXcom"] },
      publisher("a.amazonawsXcom"),
    ],
    [
      "publishers of one and two labels",
      { encryptionKey: KEY, publisherServices: ["codestar-notifications.amazonaws.com", "a.bc.amazonaws.com"] },
      "passes",
    ],
  ];
  for (const [what, args, message] of cases) {
    it(`${message === "passes" ? "accepts" : "throws for"} ${what}`, () =>
      expect(outcome(() => validateSecureTopicArgs(args as never))).to.equal(message));
  }
});

describe("validateSecureBucketArgs", () => {
  const lifecycle = ["expireObjectsAfterDays", "expireNoncurrentVersionsAfterDays", "abortIncompleteUploadsAfterDays"];
  const cases: [string, unknown, string][] = [
    ["args that are not an object", 5, "`args` must be an object, got the number 5; pass `{ ... }` as the second constructor argument."],
    [
      "a number as lifecycle",
      { lifecycle: 5 },
      "`lifecycle` must be an object with expiration days, got the number 5; pass the fields or leave `lifecycle` out.",
    ],
    [
      "a string as access logs",
      { accessLogs: "b" },
      '`accessLogs` must be an object with `bucketName`, got the string "b"; pass the fields or leave `accessLogs` out.',
    ],
    [
      "access logs without bucket",
      { accessLogs: {} },
      "`accessLogs.bucketName` is required when `accessLogs` is given, got nothing; add it or leave `accessLogs` out.",
    ],
    [
      "a bucket ARN for access logs",
      { accessLogs: { bucketName: "arn:aws:s3:::logs" } },
      '`accessLogs.bucketName` must be an S3 bucket name (not an ARN), got "arn:aws:s3:::logs".',
    ],
    ["a key given as a string", { encryptionKey: "k" }, keyObject("k")],
    ["a key ARN that is not one", { encryptionKey: { keyArn: "k" } }, keyArn("k")],
    ...["eventBridgeNotifications", "retainOnDelete", "forceDestroy"].map(
      (arg) => [`a number for \`${arg}\``, { [arg]: 1 }, bool(arg, "the number 1")] as [string, unknown, string],
    ),
    ...lifecycle.map(
      (arg) =>
        [
          `a string for \`lifecycle.${arg}\``,
          { lifecycle: { [arg]: "1" } },
          `\`lifecycle.${arg}\` must be a number, got the string "1"; pass a number, not a string.`,
        ] as [string, unknown, string],
    ),
    ...lifecycle.map(
      (arg) => [`0 days for \`lifecycle.${arg}\``, { lifecycle: { [arg]: 0 } }, days(`lifecycle.${arg}`, 0)] as [string, unknown, string],
    ),
    ["36501 days", { lifecycle: { expireObjectsAfterDays: 36501 } }, days("lifecycle.expireObjectsAfterDays", 36501)],
    ["a fractional number of days", { lifecycle: { expireObjectsAfterDays: 1.5 } }, days("lifecycle.expireObjectsAfterDays", 1.5)],
    ["1 and 36500 days", { lifecycle: { expireObjectsAfterDays: 1, abortIncompleteUploadsAfterDays: 36500 } }, "passes"],
    ["a number as prefix", { bucketPrefix: 1 }, "`bucketPrefix` must be a string, got the number 1."],
    ["a number as region", { region: 1 }, "`region` must be a string, got the number 1."],
    ["a region that is not one", { region: "x" }, '`region` must be an AWS region name such as "eu-west-1", got "x".'],
    ["a prefix of 37 characters", { bucketPrefix: "a".repeat(37) }, "passes"],
    ["a prefix of 38 characters", { bucketPrefix: "a".repeat(38) }, prefix("a".repeat(38))],
    ["a prefix starting with a hyphen", { bucketPrefix: "-ab" }, prefix("-ab")],
    ["a prefix with a trailing newline", { bucketPrefix: "ab\n" }, prefix("ab\n")],
    ["a prefix with two adjacent periods", { bucketPrefix: "a..b" }, reservedPrefix("a..b")],
    ["a prefix with a reserved start", { bucketPrefix: "xn--a" }, reservedPrefix("xn--a")],
    ...["readerArns", "writerArns", "codeBuildRoleArns"].map(
      (arg) => [`a string for \`${arg}\``, { [arg]: "arn" }, list(arg, 'the string "arn"')] as [string, unknown, string],
    ),
    ...["readerArns", "writerArns", "codeBuildRoleArns"].map(
      (arg) => [`an account root in \`${arg}\``, { [arg]: [ROLE, ROOT] }, notRole(`${arg}[1]`)] as [string, unknown, string],
    ),
    ["a string as role paths", { readerRolePaths: "x" }, '`readerRolePaths` must be a list of { accountId, path }, got "x".'],
  ];
  for (const [what, args, message] of cases) {
    it(`${message === "passes" ? "accepts" : "throws for"} ${what}`, () =>
      expect(outcome(() => validateSecureBucketArgs(args as never))).to.equal(message));
  }
});

describe("validateRolePath", () => {
  const cases: [string, unknown, string][] = [
    ["no path", undefined, "passes"],
    ["a path of two segments", "/a/b-c/", "passes"],
    ["a path of 512 characters", "/" + "a".repeat(510) + "/", "passes"],
    ["a path of 513 characters", "/" + "a".repeat(511) + "/", rolePath("rolePath", JSON.stringify("/" + "a".repeat(511) + "/"))],
    ["a number", 5, rolePath("rolePath", "5")],
    ["a path inside a list", ["/a/"], rolePath("rolePath", '["/a/"]')],
    ["a path without the leading slash", "a/", rolePath("rolePath", '"a/"')],
    ["a path without the trailing slash", "/a", rolePath("rolePath", '"/a"')],
    ["an empty segment", "//", rolePath("rolePath", '"//"')],
    ["a space", "/a b/", rolePath("rolePath", '"/a b/"')],
  ];
  for (const [what, path, message] of cases) {
    it(`${message === "passes" ? "accepts" : "throws for"} ${what}`, () =>
      expect(outcome(() => validateRolePath("rolePath", path))).to.equal(message));
  }
});

describe("validateRolePathGrants", () => {
  const cases: [string, unknown, string][] = [
    ["no grants", undefined, "passes"],
    ["a grant of one path", [{ accountId: "210987654321", path: "/a/" }], "passes"],
    [
      "a grant that is not in a list",
      { accountId: "1", path: "/" },
      '`g` must be a list of { accountId, path }, got {"accountId":"1","path":"/"}.',
    ],
    ["null", [null], "`g[0]` must be an object { accountId, path }, got null."],
    ["a string", ["x"], '`g[0]` must be an object { accountId, path }, got "x".'],
    [
      "a number as account",
      [{ accountId: 210987654321, path: "/a/" }],
      "`g[0].accountId` must be a 12-digit AWS account id, got 210987654321.",
    ],
    [
      "an account of 11 digits",
      [{ accountId: "21098765432", path: "/a/" }],
      '`g[0].accountId` must be a 12-digit AWS account id, got "21098765432".',
    ],
    [
      "an account of 13 digits",
      [{ accountId: "2109876543210", path: "/a/" }],
      '`g[0].accountId` must be a 12-digit AWS account id, got "2109876543210".',
    ],
    [
      "a path that is not one",
      [
        { accountId: "210987654321", path: "/a/" },
        { accountId: "210987654321", path: "a" },
      ],
      rolePath("g[1].path", '"a"'),
    ],
  ];
  for (const [what, grants, message] of cases) {
    it(`${message === "passes" ? "accepts" : "throws for"} ${what}`, () =>
      expect(outcome(() => validateRolePathGrants("g", grants))).to.equal(message));
  }
});
