// The ARN, e-mail, error, console and YAML-position helpers of packages/aws-cicd/src/internal:
// exact messages, patterns at their edges, and Outputs checked when they resolve.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import * as YAML from "yaml";
import {
  arnProblem,
  checkArnArg,
  checkedInput,
  checkedKey,
  checkedRoleArns,
  checkKeyArnArg,
  IAM_ROLE_ARN_PATTERN,
  IAM_ROLE_NAME_PATTERN,
  isDeferred,
  keyArnProblem,
  KMS_KEY_ARN_PATTERN,
  notARoleArnMessage,
  roleArnProblem,
  roleNameOrArnProblem,
  S3_BUCKET_ARN_PATTERN,
  S3_BUCKET_NAME_PATTERN,
  SNS_TOPIC_ARN_PATTERN,
} from "../../packages/aws-cicd/src/internal/arns";
import { consoleOrigin, pipelineConsoleUrl, pipelineConsoleUrlOutput } from "../../packages/aws-cicd/src/internal/console";
import { checkEmails, EMAIL_PATTERN } from "../../packages/aws-cicd/src/internal/emails";
import { asResourceError } from "../../packages/aws-cicd/src/internal/errors";
import { keyText, offsetOf } from "../../packages/aws-cicd/src/internal/yaml-positions";
import { unwrap } from "../harness";

const ROLE = "arn:aws:iam::111122223333:role/deploy";
const KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const KEY_WHAT = 'a KMS key ARN such as "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" (not an alias)';

/** The rejection message of an Output, or `undefined` when it resolves (the Output's own promise, which rejects). */
async function rejection(value: pulumi.Input<unknown> | undefined): Promise<string | undefined> {
  try {
    await (pulumi.output(value) as unknown as { promise(): Promise<unknown> }).promise();
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

function thrown(f: () => unknown): string | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

describe("internal ARN checks", () => {
  describe("patterns", () => {
    const cases: [string, RegExp, string[], string[]][] = [
      [
        "IAM role ARN",
        IAM_ROLE_ARN_PATTERN,
        [
          ROLE,
          "arn:aws-us-gov:iam::111122223333:role/ci/deploy",
          `arn:aws:iam::111122223333:role/${"r".repeat(512)}`,
          "arn:aws:iam::111122223333:role/a+=,.@_-",
        ],
        [
          "arn:aws:iam::111122223333:root",
          "arn:aws:iam::111122223333:user/deploy",
          "arn:aws:iam::11112222333:role/deploy",
          `arn:aws:iam::111122223333:role/${"r".repeat(513)}`,
          `x${ROLE}`,
          `${ROLE} `,
          "arn:aws:iam::111122223333:role/",
          "arn:aws:sts::111122223333:assumed-role/deploy/s",
        ],
      ],
      ["IAM role name", IAM_ROLE_NAME_PATTERN, ["deploy", "a+=,.@_-", "r".repeat(64)], ["", "r".repeat(65), "a/b", " a", "a b"]],
      [
        "KMS key ARN",
        KMS_KEY_ARN_PATTERN,
        [KEY, "arn:aws-cn:kms:cn-north-1:111122223333:key/mrk-1"],
        [
          "arn:aws:kms:us-east-1:111122223333:alias/app",
          "arn:aws:kms:us-east-1:11112222333:key/1",
          "arn:aws:kms::111122223333:key/1",
          "arn:aws:kms:us-east-1:111122223333:key/",
          `x${KEY}`,
          `${KEY}/`,
        ],
      ],
      [
        "SNS topic ARN",
        SNS_TOPIC_ARN_PATTERN,
        ["arn:aws:sns:us-east-1:111122223333:alerts", `arn:aws:sns:us-east-1:111122223333:${"t".repeat(256)}`],
        [
          "arn:aws:sns:us-east-1:111122223333:",
          `arn:aws:sns:us-east-1:111122223333:${"t".repeat(257)}`,
          "arn:aws:sns:us-east-1:111122223333:a.b",
          "arn:aws:sns::111122223333:alerts",
          "x arn:aws:sns:us-east-1:111122223333:alerts",
          "arn:aws:sns:us-east-1:111122223333:alerts ",
        ],
      ],
      [
        "S3 bucket name",
        S3_BUCKET_NAME_PATTERN,
        ["abc", "a.b-c", "b".repeat(63)],
        ["ab", "b".repeat(64), "-abc", "abc-", "Abc", "arn:aws:s3:::abc", " abc", "abc "],
      ],
      [
        "S3 bucket ARN",
        S3_BUCKET_ARN_PATTERN,
        ["arn:aws:s3:::abc", "arn:aws-cn:s3:::a.b-c"],
        [
          "arn:aws:s3:::ab",
          "arn:aws:s3:::abc/key",
          "abc",
          "arn:aws:s3:us-east-1::abc",
          "x arn:aws:s3:::abc",
          `arn:aws:s3:::${"b".repeat(64)}`,
        ],
      ],
    ];
    for (const [what, pattern, good, bad] of cases) {
      it(`${what}: matches ${good.length} good values and none of ${bad.length} bad ones`, () => {
        expect(
          good.filter((v) => !pattern.test(v)),
          "refused",
        ).to.deep.equal([]);
        expect(
          bad.filter((v) => pattern.test(v)),
          "accepted",
        ).to.deep.equal([]);
      });
    }
  });

  describe("plain-value checks", () => {
    it("checkArnArg throws for a plain string that does not match, and lets anything else pass", () => {
      expect(thrown(() => checkArnArg("topicArn", "topic", SNS_TOPIC_ARN_PATTERN, "an SNS topic ARN"))).to.equal(
        '`topicArn` must be an SNS topic ARN, got "topic".',
      );
      expect(thrown(() => checkArnArg("topicArn", "arn:aws:sns:us-east-1:111122223333:t", SNS_TOPIC_ARN_PATTERN, "x"))).to.equal(undefined);
      expect(thrown(() => checkArnArg("topicArn", pulumi.output("topic"), SNS_TOPIC_ARN_PATTERN, "x"))).to.equal(undefined);
      expect(thrown(() => checkArnArg("topicArn", undefined, SNS_TOPIC_ARN_PATTERN, "x"))).to.equal(undefined);
    });

    it("checkKeyArnArg refuses an alias with the key example", () => {
      expect(thrown(() => checkKeyArnArg("encryptionKey.keyArn", "alias/app"))).to.equal(
        `\`encryptionKey.keyArn\` must be ${KEY_WHAT}, got "alias/app".`,
      );
      expect(thrown(() => checkKeyArnArg("encryptionKey.keyArn", KEY))).to.equal(undefined);
    });

    it("notARoleArnMessage names the argument, the value and the fix", () => {
      expect(notARoleArnMessage("principalArns[0]", "arn:aws:iam::111122223333:root")).to.equal(
        '`principalArns[0]` must be an IAM role ARN such as "arn:aws:iam::111122223333:role/deploy", got "arn:aws:iam::111122223333:root". Name the exact role, not an account.',
      );
      expect(notARoleArnMessage("a", 3)).to.contain("got the number 3.");
    });

    it("the problems: undefined for a good value, the message otherwise", () => {
      expect(roleArnProblem("r")(ROLE)).to.equal(undefined);
      expect(roleArnProblem("r")(5)).to.equal(notARoleArnMessage("r", 5));
      // A list holding one ARN reads as that ARN when made a string: still not a string.
      expect(roleArnProblem("r")([ROLE])).to.equal(notARoleArnMessage("r", [ROLE]));
      expect(arnProblem("k", KMS_KEY_ARN_PATTERN, "a key ARN")([KEY])).to.equal("`k` must be a key ARN, got a list.");
      expect(arnProblem("t", SNS_TOPIC_ARN_PATTERN, "an SNS topic ARN")(1)).to.equal("`t` must be an SNS topic ARN, got the number 1.");
      expect(arnProblem("t", SNS_TOPIC_ARN_PATTERN, "an SNS topic ARN")("x")).to.equal('`t` must be an SNS topic ARN, got "x".');
      expect(arnProblem("t", SNS_TOPIC_ARN_PATTERN, "x")("arn:aws:sns:us-east-1:111122223333:t")).to.equal(undefined);
      expect(keyArnProblem("k")(KEY)).to.equal(undefined);
      expect(keyArnProblem("k")("alias/x")).to.equal(`\`k\` must be ${KEY_WHAT}, got "alias/x".`);
      const nameOrArn = roleNameOrArnProblem("role");
      expect([nameOrArn("deploy"), nameOrArn(ROLE)]).to.deep.equal([undefined, undefined]);
      expect(nameOrArn("arn:aws:iam::111122223333:root")).to.equal(
        '`role` must be an aws.iam.Role, a role name or an IAM role ARN such as "arn:aws:iam::111122223333:role/deploy", got "arn:aws:iam::111122223333:root". Name the exact role, not an account.',
      );
      expect(nameOrArn(7)).to.match(/got the number 7\. Name the exact role, not an account\.$/);
    });

    it("isDeferred holds for Outputs and Promises only", () => {
      expect([pulumi.output("a"), Promise.resolve("a")].map(isDeferred)).to.deep.equal([true, true]);
      expect(["a", undefined, { then: 1 }].map(isDeferred)).to.deep.equal([false, false, false]);
    });
  });

  describe("checkedInput", () => {
    const problem = (v: unknown) => (v === "bad" ? `got ${String(v)}` : undefined);

    it("passes undefined and a good plain value through as they are", () => {
      expect(checkedInput(undefined, () => "never asked")).to.equal(undefined);
      expect(checkedInput("good", problem)).to.equal("good");
    });

    it("throws the message for a bad plain value at once", () => {
      expect(thrown(() => checkedInput("bad", problem))).to.equal("got bad");
    });

    it("checks an Output or a Promise when it resolves", async () => {
      expect(await unwrap(checkedInput(pulumi.output("good"), problem))).to.equal("good");
      expect(await rejection(checkedInput(pulumi.output("bad"), problem))).to.equal("got bad");
      expect(await rejection(checkedInput(Promise.resolve("bad"), problem))).to.equal("got bad");
      expect(await unwrap(checkedInput(Promise.resolve("good"), problem))).to.equal("good");
    });

    it("checkedRoleArns checks each item as <arg>[i], Outputs when they resolve", async () => {
      expect(checkedRoleArns("readerArns", undefined)).to.equal(undefined);
      expect(thrown(() => checkedRoleArns("readerArns", [ROLE, "arn:aws:iam::111122223333:root"]))).to.equal(
        notARoleArnMessage("readerArns[1]", "arn:aws:iam::111122223333:root"),
      );
      const [plain, later] = checkedRoleArns("readerArns", [ROLE, pulumi.output("arn:aws:iam::111122223333:root")])!;
      expect(plain).to.equal(ROLE);
      expect(await rejection(later)).to.equal(notARoleArnMessage("readerArns[1]", "arn:aws:iam::111122223333:root"));
    });

    it("checkedKey checks a keyArn Output when it resolves, and returns other keys as they are", async () => {
      expect(checkedKey("encryptionKey", undefined)).to.equal(undefined);
      const plain = { keyArn: "alias/x" };
      expect(checkedKey("encryptionKey", plain)).to.equal(plain);
      const later = checkedKey("encryptionKey", { keyArn: pulumi.output("alias/x"), extra: 1 })!;
      expect(later.extra).to.equal(1);
      expect(await rejection(later.keyArn)).to.equal(`\`encryptionKey.keyArn\` must be ${KEY_WHAT}, got "alias/x".`);
      const good = checkedKey("encryptionKey", { keyArn: pulumi.output(KEY) })!;
      expect(await unwrap(good.keyArn)).to.equal(KEY);
    });
  });
});

describe("internal e-mail, error, console and YAML helpers", () => {
  it("checkEmails refuses the first entry that is not an address", () => {
    expect(thrown(() => checkEmails("emails", ["ops@example.com", "ops@example", "x"]))).to.equal(
      '`emails` must hold email addresses, got "ops@example".',
    );
    expect(thrown(() => checkEmails("emails", ["ops@example.com", "a.b@c.d.e"]))).to.equal(undefined);
    expect(thrown(() => checkEmails("emails", undefined))).to.equal(undefined);
    expect(
      ["a b@c.de", "a@b c.de", "@c.de", "a@.de", "a@c.", "x a@c.de", "a@c.de y", "a@@c.de"].filter((e) => EMAIL_PATTERN.test(e)),
    ).to.deep.equal([]);
  });

  it("asResourceError returns the check's value, or rethrows its message as a ResourceError of the resource", () => {
    const resource = new aws.s3.Bucket("errors-spec-bucket", {});
    expect(asResourceError(resource, () => 42)).to.equal(42);
    let error: unknown;
    try {
      asResourceError(resource, () => {
        throw new Error("`x` is wrong.");
      });
    } catch (e) {
      error = e;
    }
    expect(pulumi.ResourceError.isInstance(error)).to.equal(true);
    expect((error as pulumi.ResourceError).message).to.equal("`x` is wrong.");
    expect((error as { resource?: pulumi.Resource }).resource).to.equal(resource);
  });

  it("console URLs: the region's console in the commercial and isolated partitions, the partition's elsewhere", async () => {
    expect(consoleOrigin("aws", "eu-west-1")).to.equal("https://eu-west-1.console.aws.amazon.com");
    expect(consoleOrigin("aws-cn", "cn-north-1")).to.equal("https://console.amazonaws.cn");
    expect(consoleOrigin("aws-iso-b", "us-isob-east-1")).to.equal("https://us-isob-east-1.console.aws.amazon.com");
    expect(pipelineConsoleUrl("aws-us-gov", "us-gov-west-1", "release", "history")).to.equal(
      "https://console.amazonaws-us-gov.com/codesuite/codepipeline/pipelines/release/history?region=us-gov-west-1",
    );
    expect(
      await unwrap(
        pipelineConsoleUrlOutput(
          { partition: pulumi.output("aws"), region: "us-east-1", accountId: "111122223333" },
          pulumi.output("app"),
          "view",
        ),
      ),
    ).to.equal("https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/app/view?region=us-east-1");
  });

  describe("YAML positions", () => {
    const text = "version: 0.2\nphases:\n  build:\n    commands:\n      - echo a\n      - echo b\nalias: &a\n  x: 1\nref: *a\n";
    const doc = YAML.parseDocument(text);
    const at = (segments: (string | number)[]) => offsetOf(doc, segments);

    it("points at a key of a mapping entry, and at a list item", () => {
      expect(at([])).to.equal(0);
      expect(at(["phases"])).to.equal(text.indexOf("phases"));
      expect(at(["phases", "build", "commands"])).to.equal(text.indexOf("commands"));
      expect(at(["phases", "build", "commands", 1])).to.equal(text.indexOf("echo b"));
    });

    it("stops at the deepest node that exists", () => {
      expect(at(["phases", "install", "commands"])).to.equal(text.indexOf("phases"));
      expect(at(["phases", "build", "commands", 5])).to.equal(text.indexOf("commands"));
      expect(at(["phases", "build", "commands", "0"])).to.equal(text.indexOf("commands"));
      expect(at(["version", "x"])).to.equal(text.indexOf("version"));
    });

    it("follows an alias", () => {
      expect(at(["ref", "x"])).to.equal(text.indexOf("x: 1"));
    });

    it("stays at 0 in a document built in code, whose nodes have no position", () => {
      expect(offsetOf(new YAML.Document({ a: { b: [1] } }), ["a", "b", 0])).to.equal(0);
    });

    it("starts at the document's contents, and at 0 for an empty document", () => {
      expect(offsetOf(YAML.parseDocument("# c\nkey: 1\n"), [])).to.equal(4);
      expect(offsetOf(YAML.parseDocument(""), ["a"])).to.equal(0);
    });

    it("keyText gives a scalar key as its object key, and nothing for another node", () => {
      const map = YAML.parseDocument("1: a\n[x]: b\n").contents as YAML.YAMLMap;
      expect(map.items.map((p) => keyText(p.key))).to.deep.equal(["1", undefined]);
    });
  });
});
