import { expect } from "chai";
import { EncryptionKey, SecureBucket, secureBucketPolicy, validateSecureBucketArgs } from "../packages/aws-cicd/src/security";
import { ACCOUNT, childrenOf, findResource, recorded, settle, statementsOf, unwrap } from "./harness";
import { checkRecordedPolicies } from "./harness/iam-check";

const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/k-key-id`;

async function loaded(name: string, args: ConstructorParameters<typeof SecureBucket>[1] = {}): Promise<SecureBucket> {
  const bucket = new SecureBucket(name, { encryptionKey: new EncryptionKey("k"), ...args });
  await unwrap(bucket.bucketArn);
  await settle();
  return bucket;
}

describe("SecureBucket", () => {
  describe("defaults", () => {
    it("creates the bucket and exactly its settings, all retained", async () => {
      const bucket = await loaded("data");
      expect(await unwrap(bucket.bucketName)).to.equal("data-bucket");
      expect(await unwrap(bucket.bucketArn)).to.equal("arn:aws:s3:::data-bucket");
      expect(await unwrap(bucket.keyArn)).to.equal(KEY_ARN);
      const component = findResource("aws-cicd:index:SecureBucket", "data");
      const children = childrenOf(component);
      expect(children.map((c) => `${c.type} ${c.name}`).sort()).to.deep.equal([
        "aws:s3/bucket:Bucket data-bucket",
        "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration data-lifecycle",
        "aws:s3/bucketOwnershipControls:BucketOwnershipControls data-ownership",
        "aws:s3/bucketPolicy:BucketPolicy data-policy",
        "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock data-public-access-block",
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration data-encryption",
        "aws:s3/bucketVersioning:BucketVersioning data-versioning",
      ]);
      for (const c of children) expect(c.options.retainOnDelete, c.name).to.equal(true);
      expect(findResource("aws:s3/bucket:Bucket", "data-bucket").inputs).to.deep.equal({ bucketPrefix: "data-", forceDestroy: false });
    });

    it("encrypts with the customer key and an S3 Bucket Key", async () => {
      await loaded("data");
      expect(
        findResource("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "data-encryption").inputs,
      ).to.deep.equal({
        bucket: "data-bucket",
        rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN }, bucketKeyEnabled: true }],
      });
    });

    it("blocks all public access, disables ACLs and enables versioning", async () => {
      await loaded("data");
      expect(findResource("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "data-public-access-block").inputs).to.deep.equal({
        bucket: "data-bucket",
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      });
      expect(findResource("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "data-ownership").inputs).to.deep.equal({
        bucket: "data-bucket",
        rule: { objectOwnership: "BucketOwnerEnforced" },
      });
      expect(findResource("aws:s3/bucketVersioning:BucketVersioning", "data-versioning").inputs).to.deep.equal({
        bucket: "data-bucket",
        versioningConfiguration: { status: "Enabled" },
      });
    });

    it("expires objects after 90 days, noncurrent versions after 30 and aborts uploads after 7", async () => {
      await loaded("data");
      const lifecycle = findResource("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "data-lifecycle");
      expect(lifecycle.inputs.rules).to.deep.equal([
        { id: "expire-objects", status: "Enabled", filter: { prefix: "" }, expiration: { days: 90 } },
        {
          id: "expire-noncurrent-versions",
          status: "Enabled",
          filter: { prefix: "" },
          noncurrentVersionExpiration: { noncurrentDays: 30 },
        },
        {
          id: "abort-incomplete-uploads",
          status: "Enabled",
          filter: { prefix: "" },
          abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
        },
      ]);
      expect(lifecycle.options.dependsOn).to.include(findResource("aws:s3/bucketVersioning:BucketVersioning", "data-versioning").urn);
    });

    it("writes a policy that refuses plain HTTP and uploads under another encryption or key", async () => {
      await loaded("data");
      const policy = findResource("aws:s3/bucketPolicy:BucketPolicy", "data-policy");
      expect(policy.options.dependsOn).to.include(
        findResource("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "data-public-access-block").urn,
      );
      const arn = "arn:aws:s3:::data-bucket";
      expect(statementsOf(policy.inputs.policy)).to.deep.equal([
        {
          Sid: "DenyInsecureTransport",
          Effect: "Deny",
          Principal: "*",
          Action: ["s3:*"],
          Resource: [arn, `${arn}/*`],
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
        {
          Sid: "DenyUploadsWithOtherEncryption",
          Effect: "Deny",
          Principal: "*",
          Action: ["s3:PutObject"],
          Resource: [`${arn}/*`],
          Condition: {
            StringNotEquals: { "s3:x-amz-server-side-encryption": "aws:kms" },
            Null: { "s3:x-amz-server-side-encryption": "false" },
          },
        },
        {
          Sid: "DenyUploadsWithAwsManagedKey",
          Effect: "Deny",
          Principal: "*",
          Action: ["s3:PutObject"],
          Resource: [`${arn}/*`],
          Condition: {
            StringEquals: { "s3:x-amz-server-side-encryption": "aws:kms" },
            Null: { "s3:x-amz-server-side-encryption-aws-kms-key-id": "true" },
          },
        },
        {
          Sid: "DenyUploadsWithOtherKeys",
          Effect: "Deny",
          Principal: "*",
          Action: ["s3:PutObject"],
          Resource: [`${arn}/*`],
          Condition: {
            StringNotEquals: { "s3:x-amz-server-side-encryption-aws-kms-key-id": [KEY_ARN, "k-key-id"] },
            Null: { "s3:x-amz-server-side-encryption-aws-kms-key-id": "false" },
          },
        },
      ]);
    });

    it("passes the IAM check (s3:* appears only in the TLS deny)", async () => {
      await loaded("data");
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("creates its own key when none is given", async () => {
      const bucket = new SecureBucket("solo");
      expect(await unwrap(bucket.keyArn)).to.equal(`arn:aws:kms:us-east-1:${ACCOUNT}:key/solo-key-key-id`);
      await settle();
      expect(childrenOf(findResource("aws-cicd:index:SecureBucket", "solo")).map((c) => c.name)).to.include("solo-key");
    });
  });

  describe("options", () => {
    it("grants exact readers and writers, and nothing else", async () => {
      const reader = "arn:aws:iam::210987654321:role/deployer";
      const writer = "arn:aws:iam::210987654321:role/builder";
      await loaded("data", { readerArns: [reader], writerArns: [writer] });
      const statements = statementsOf(findResource("aws:s3/bucketPolicy:BucketPolicy", "data-policy").inputs.policy).slice(4);
      expect(statements).to.deep.equal([
        {
          Sid: "ReadersGetObjects",
          Effect: "Allow",
          Principal: { AWS: [reader] },
          Action: ["s3:GetObject", "s3:GetObjectVersion"],
          Resource: ["arn:aws:s3:::data-bucket/*"],
        },
        {
          Sid: "ReadersLocateBucket",
          Effect: "Allow",
          Principal: { AWS: [reader] },
          Action: ["s3:GetBucketLocation"],
          Resource: ["arn:aws:s3:::data-bucket"],
        },
        {
          Sid: "WritersPutObjects",
          Effect: "Allow",
          Principal: { AWS: [writer] },
          Action: ["s3:PutObject"],
          Resource: ["arn:aws:s3:::data-bucket/*"],
        },
      ]);
    });

    it("logs access, sends events to EventBridge and takes custom lifecycle days", async () => {
      await loaded("data", {
        accessLogs: { bucketName: "logs" },
        eventBridgeNotifications: true,
        lifecycle: { expireObjectsAfterDays: 30, expireNoncurrentVersionsAfterDays: 5, abortIncompleteUploadsAfterDays: 1 },
        bucketPrefix: "my-data-",
      });
      expect(findResource("aws:s3/bucketLogging:BucketLogging", "data-logging").inputs).to.deep.equal({
        bucket: "data-bucket",
        targetBucket: "logs",
        targetPrefix: "data/",
      });
      expect(findResource("aws:s3/bucketNotification:BucketNotification", "data-notification").inputs).to.deep.equal({
        bucket: "data-bucket",
        eventbridge: true,
      });
      const rules = findResource("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "data-lifecycle").inputs.rules;
      expect(
        rules.map(
          (r: any) =>
            r.expiration?.days ?? r.noncurrentVersionExpiration?.noncurrentDays ?? r.abortIncompleteMultipartUpload?.daysAfterInitiation,
        ),
      ).to.deep.equal([30, 5, 1]);
      expect(findResource("aws:s3/bucket:Bucket", "data-bucket").inputs.bucketPrefix).to.equal("my-data-");
    });

    it("lets the user opt out of retention and allow force-destroy", async () => {
      await loaded("tmp", { retainOnDelete: false, forceDestroy: true });
      const component = findResource("aws-cicd:index:SecureBucket", "tmp");
      for (const c of childrenOf(component).filter((c) => c.type.startsWith("aws:s3")))
        expect(c.options.retainOnDelete, c.name).to.equal(false);
      expect(findResource("aws:s3/bucket:Bucket", "tmp-bucket").inputs.forceDestroy).to.equal(true);
    });

    it("derives a lowercase bucket prefix from the name", async () => {
      await loaded("My_Artifacts");
      expect(findResource("aws:s3/bucket:Bucket", "My_Artifacts-bucket").inputs.bucketPrefix).to.equal("my-artifacts-");
    });
  });

  describe("validation", () => {
    const cases: [string, object, string][] = [
      [
        "an uppercase prefix",
        { bucketPrefix: "Data" },
        '`bucketPrefix` must start with a lowercase letter or digit and hold at most 37 lowercase letters, digits, "." or "-", got "Data".',
      ],
      [
        "zero expiration days",
        { lifecycle: { expireObjectsAfterDays: 0 } },
        "`lifecycle.expireObjectsAfterDays` must be a whole number of days from 1 to 36500, got 0.",
      ],
      [
        "fractional noncurrent days",
        { lifecycle: { expireNoncurrentVersionsAfterDays: 1.5 } },
        "`lifecycle.expireNoncurrentVersionsAfterDays` must be a whole number of days from 1 to 36500, got 1.5.",
      ],
      [
        "a wildcard reader",
        { readerArns: ["*"] },
        '`readerArns[0]` must be an IAM role ARN such as "arn:aws:iam::111122223333:role/deploy", got "*". Name the exact role, not an account.',
      ],
      [
        "a service as writer",
        { writerArns: ["codebuild.amazonaws.com"] },
        '`writerArns[0]` must be an IAM role ARN such as "arn:aws:iam::111122223333:role/deploy", got "codebuild.amazonaws.com". Name the exact role, not an account.',
      ],
      [
        "an account root as reader",
        { readerArns: ["arn:aws:iam::210987654321:role/deployer", "arn:aws:iam::210987654321:root"] },
        '`readerArns[1]` must be an IAM role ARN such as "arn:aws:iam::111122223333:role/deploy", got "arn:aws:iam::210987654321:root". Name the exact role, not an account.',
      ],
      [
        "an account root as writer",
        { writerArns: ["arn:aws:iam::210987654321:root"] },
        '`writerArns[0]` must be an IAM role ARN such as "arn:aws:iam::111122223333:role/deploy", got "arn:aws:iam::210987654321:root". Name the exact role, not an account.',
      ],
      [
        "a user as reader",
        { readerArns: ["arn:aws:iam::210987654321:user/ci"] },
        '`readerArns[0]` must be an IAM role ARN such as "arn:aws:iam::111122223333:role/deploy", got "arn:aws:iam::210987654321:user/ci". Name the exact role, not an account.',
      ],
    ];
    for (const [what, args, message] of cases) {
      it(`throws for ${what}`, () => expect(() => validateSecureBucketArgs(args)).to.throw(message));
    }

    it("throws before creating any child", async () => {
      expect(() => new SecureBucket("bad", { bucketPrefix: "BAD" })).to.throw("`bucketPrefix` must start");
      await settle();
      expect(recorded.map((r) => r.type)).to.deep.equal(["aws-cicd:index:SecureBucket"]);
    });
  });

  it("exports its policy builder for reviews", async () => {
    const statements = secureBucketPolicy("arn:aws:s3:::b", KEY_ARN);
    expect(statements.map((s) => s.sid)).to.deep.equal([
      "DenyInsecureTransport",
      "DenyUploadsWithOtherEncryption",
      "DenyUploadsWithAwsManagedKey",
      "DenyUploadsWithOtherKeys",
    ]);
  });
});
