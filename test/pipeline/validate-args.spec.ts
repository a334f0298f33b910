import { expect } from "chai";
import { PipelineArgs, validatePipelineArgs } from "../../packages/aws-cicd/src/pipeline";
import { BUCKET_ARN, KEY_ARN, twoStages } from "./fixtures";

const KEY_WHAT = 'a KMS key ARN such as "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" (not an alias)';
const TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:pipeline-events";

/** Validates a Source + Build pipeline with `args` on top. */
const validate = (args: object) => validatePipelineArgs({ stages: twoStages(), ...args } as PipelineArgs);
const variables = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `v${i}` }));

describe("Pipeline validation (pure): each argument", () => {
  describe("refuses", () => {
    const cases: [string, object, string][] = [
      [
        "an alias as `encryptionKey.keyArn`",
        { encryptionKey: { keyArn: "alias/pipeline" } },
        `\`encryptionKey.keyArn\` must be ${KEY_WHAT}, got "alias/pipeline".`,
      ],
      [
        "an alias as `artifactBucket.keyArn`",
        { artifactBucket: { bucketName: "app-artifacts-bucket", keyArn: "arn:aws:kms:us-east-1:123456789012:alias/app" } },
        `\`artifactBucket.keyArn\` must be ${KEY_WHAT}, got "arn:aws:kms:us-east-1:123456789012:alias/app".`,
      ],
      [
        "an object ARN as `artifactBucket.bucketArn`",
        { artifactBucket: { bucketName: "app-artifacts-bucket", keyArn: KEY_ARN, bucketArn: "arn:aws:s3:::app-artifacts-bucket/*" } },
        '`artifactBucket.bucketArn` must be an S3 bucket ARN such as "arn:aws:s3:::my-artifacts", got "arn:aws:s3:::app-artifacts-bucket/*".',
      ],
      [
        "a topic name as `notifications.topicArn`",
        { notifications: { topicArn: "pipeline-events" } },
        '`notifications.topicArn` must be an SNS topic ARN, got "pipeline-events".',
      ],
      [
        "a malformed notification email",
        { notifications: { emailSubscriptions: ["ops@example.com", "ops at example.com"] } },
        '`notifications.emailSubscriptions` must hold email addresses, got "ops at example.com".',
      ],
      [
        "a pipeline name of 101 characters",
        { pipelineName: "p".repeat(101) },
        `\`pipelineName\` must hold 1 to 100 letters, digits, ".", "@", "-" or "_", got "${"p".repeat(101)}".`,
      ],
      ["an empty pipeline name", { pipelineName: "" }, '`pipelineName` must hold 1 to 100 letters, digits, ".", "@", "-" or "_", got "".'],
      [
        "a pipeline name with a slash",
        { pipelineName: "team/app" },
        '`pipelineName` must hold 1 to 100 letters, digits, ".", "@", "-" or "_", got "team/app".',
      ],
      [
        "a role name with a slash",
        { roleName: "service-role/app" },
        '`roleName` must hold 1 to 64 letters, digits or "+=,.@_-", got "service-role/app".',
      ],
      ["an empty role name", { roleName: "" }, '`roleName` must hold 1 to 64 letters, digits or "+=,.@_-", got "".'],
      ["an unknown pipeline type", { pipelineType: "V3" }, '`pipelineType` must be "V1" or "V2", got "V3".'],
      [
        "PARALLEL on a V1 pipeline",
        { executionMode: "PARALLEL", pipelineType: "V1" },
        '`executionMode` "PARALLEL" needs `pipelineType: "V2"`, got "V1".',
      ],
      [
        "a variable name of 129 characters",
        { variables: [{ name: "v".repeat(129) }] },
        `\`variables[0].name\` must hold 1 to 128 letters, digits, "@", "-" or "_", got "${"v".repeat(129)}".`,
      ],
      [
        "a variable name with a dot",
        { variables: [{ name: "ok" }, { name: "app.version" }] },
        '`variables[1].name` must hold 1 to 128 letters, digits, "@", "-" or "_", got "app.version".',
      ],
      [
        "an empty variable name",
        { variables: [{ name: "" }] },
        '`variables[0].name` must hold 1 to 128 letters, digits, "@", "-" or "_", got "".',
      ],
      [
        "a variable without a name",
        { variables: [{ defaultValue: "x" }] },
        '`variables[0].name` must hold 1 to 128 letters, digits, "@", "-" or "_", got "undefined".',
      ],
      [
        "a number as a variable name",
        { variables: [{ name: 7 }] },
        '`variables[0].name` must hold 1 to 128 letters, digits, "@", "-" or "_", got "7".',
      ],
      ["a variable that is not an object", { variables: ["v"] }, '`variables[0]` must be an object with `name`, got the string "v".'],
      [
        "a string for `notifications.enabled`",
        { notifications: { enabled: "no" } },
        '`notifications.enabled` must be true or false, got the string "no"; pass a boolean, not a string or number.',
      ],
      [
        "a string for `notifications.approvalNeeded`",
        { notifications: { approvalNeeded: "yes" } },
        '`notifications.approvalNeeded` must be true or false, got the string "yes"; pass a boolean, not a string or number.',
      ],
      ["a number for `pipelineName`", { pipelineName: 7 }, "`pipelineName` must be a string, got the number 7."],
      ["a number for `roleName`", { roleName: 7 }, "`roleName` must be a string, got the number 7."],
      ["a number for `pipelineType`", { pipelineType: 2 }, "`pipelineType` must be a string, got the number 2."],
      ["a number for `executionMode`", { executionMode: 1 }, "`executionMode` must be a string, got the number 1."],
      [
        "a string for `notifications.emailSubscriptions`",
        { notifications: { emailSubscriptions: "ops@example.com" } },
        '`notifications.emailSubscriptions` must be a list, got the string "ops@example.com"; wrap a single item in [ ].',
      ],
      [
        "a number among `notifications.executionStates`",
        { notifications: { executionStates: [1] } },
        "`notifications.executionStates[0]` must be a string, got the number 1.",
      ],
      [
        "a string for `notifications`",
        { notifications: "on" },
        '`notifications` must be an object with notification settings, got the string "on"; pass the fields or leave `notifications` out.',
      ],
      [
        "a string for `artifactBucket`",
        { artifactBucket: "app-artifacts-bucket" },
        '`artifactBucket` must be an object with `bucketName` and `keyArn`, got the string "app-artifacts-bucket"; pass the fields or leave `artifactBucket` out.',
      ],
      [
        "a string for `artifactBucketOptions`",
        { artifactBucketOptions: "versioned" },
        '`artifactBucketOptions` must be an object with bucket settings, got the string "versioned"; pass the fields or leave `artifactBucketOptions` out.',
      ],
    ];
    for (const [what, args, message] of cases) {
      it(`throws for ${what}`, () => expect(() => validate(args)).to.throw(message));
    }

    it("refuses missing arguments before reading the stages", () => {
      expect(() => validatePipelineArgs(undefined as never)).to.throw(
        "`args` must be an object, got nothing; pass `{ ... }` as the second constructor argument.",
      );
    });

    it("names the missing `bucketName` and `keyArn` of a given artifact bucket", () => {
      expect(() => validate({ artifactBucket: { keyArn: KEY_ARN } })).to.throw(/^`artifactBucket\.bucketName` /);
      expect(() => validate({ artifactBucket: { bucketName: "app-artifacts-bucket" } })).to.throw(/^`artifactBucket\.keyArn` /);
    });

    it("names `encryptionKey` when it is not a key", () => {
      expect(() => validate({ encryptionKey: "alias/pipeline" })).to.throw(/^`encryptionKey` must be a key object/);
    });

    it("keeps the cause of a refused `artifactBucketOptions` and names only the leading argument", () => {
      let error: Error | undefined;
      try {
        validate({ artifactBucketOptions: { lifecycle: { expireObjectsAfterDays: 0 } } });
      } catch (e) {
        error = e as Error;
      }
      expect(error?.message).to.equal(
        "`artifactBucketOptions.lifecycle.expireObjectsAfterDays` must be a whole number of days from 1 to 36500, got 0.",
      );
      expect((error?.cause as Error).message).to.equal(
        "`lifecycle.expireObjectsAfterDays` must be a whole number of days from 1 to 36500, got 0.",
      );
    });
  });

  describe("accepts", () => {
    it("exactly 50 variables (the quota)", () => {
      expect(validate({ variables: variables(50) }).map((s) => s.name)).to.deep.equal(["Source", "Build"]);
    });

    it("names at the length limits and with every allowed character", () => {
      expect(() =>
        validate({
          pipelineName: "p".repeat(100),
          roleName: "r".repeat(64),
          variables: [{ name: "v".repeat(128) }, { name: "A-z_0@9" }],
        }),
      ).to.not.throw();
      expect(() => validate({ pipelineName: "team.app@prod_1-a", roleName: "svc+role=a,b.c@d_e-f" })).to.not.throw();
    });

    it("an empty variables list on a V1 pipeline, and SUPERSEDED there", () => {
      expect(() => validate({ pipelineType: "V1", variables: [], executionMode: "SUPERSEDED" })).to.not.throw();
    });

    it("every execution mode on a V2 pipeline", () => {
      for (const executionMode of ["QUEUED", "SUPERSEDED", "PARALLEL"]) {
        expect(() => validate({ executionMode }), executionMode).to.not.throw();
      }
    });

    it("well-formed ARNs, emails and states", () => {
      expect(() =>
        validate({
          encryptionKey: { keyArn: KEY_ARN },
          notifications: { emailSubscriptions: ["ops@example.com"], executionStates: ["STARTED", "SUCCEEDED"] },
        }),
      ).to.not.throw();
      expect(() =>
        validate({
          artifactBucket: { bucketName: "app-artifacts-bucket", keyArn: KEY_ARN, bucketArn: BUCKET_ARN },
          notifications: { topicArn: TOPIC_ARN },
        }),
      ).to.not.throw();
    });
  });
});
