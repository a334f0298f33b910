// NestedSecureBucket and NestedSecureTopic (security/*-nested.ts, issue 12): a bucket or topic that
// another component creates and exposes only as its bucket or topic sends the engine the very same
// registrations as the public component, field by field, while the settings nothing can reach are
// hidden children (internal/hidden-child.ts).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { HiddenChild } from "../../packages/aws-cicd/src/internal/hidden-child";
import { EncryptionKey } from "../../packages/aws-cicd/src/security/encryption-key";
import { SecureBucket } from "../../packages/aws-cicd/src/security/secure-bucket";
import { NestedSecureBucket } from "../../packages/aws-cicd/src/security/secure-bucket-nested";
import { SecureTopic } from "../../packages/aws-cicd/src/security/secure-topic";
import { NestedSecureTopic } from "../../packages/aws-cicd/src/security/secure-topic-nested";
import { SecureBucketArgs } from "../../packages/aws-cicd/src/security/secure-bucket-args";
import { ACCOUNT, recorded, unwrap } from "../harness";
import { RegisterRequest, SentRequests, sentRequests } from "../harness/requests";

class OwnerA extends pulumi.ComponentResource {
  constructor(name: string) {
    super("test:index:NestedOwnerA", name, {});
  }
}
class OwnerB extends pulumi.ComponentResource {
  constructor(name: string) {
    super("test:index:NestedOwnerB", name, {});
  }
}

/**
 * What must be equal: everything but the caller's frames of the stack trace and the column of the
 * creating line (each child is created on one line either way), with the owner's type made one.
 */
function comparable(req: RegisterRequest): unknown {
  const { sourceposition, stacktrace: _frames, ...rest } = req;
  const text = JSON.stringify({ ...rest, sourceposition: { ...sourceposition, column: "creating line" } });
  return JSON.parse(text.replace(/NestedOwner[AB]/g, "NestedOwner"));
}

const everything = (sent: SentRequests) => ({
  registrations: Object.fromEntries([...sent.registrations].map(([name, req]) => [name, comparable(req)])),
  outputs: Object.fromEntries([...sent.outputs].map(([urn, req]) => [urn.replace(/NestedOwner[AB]/g, "NestedOwner"), comparable(req)])),
});

/**
 * Runs `body` with V8's stack trace limit at `limit`, and checks that `body` left it there (the
 * components close their stack-trace window, internal/quiet-stacks.ts), then restores it.
 */
function withLimit<T>(limit: number, body: () => T): T {
  const before = Error.stackTraceLimit;
  Error.stackTraceLimit = limit;
  try {
    return body();
  } finally {
    const after = Error.stackTraceLimit;
    Error.stackTraceLimit = before;
    expect(after, "the stack trace limit after the constructor").to.equal(limit);
  }
}

/** Makes the public component under one owner and the nested one under another, each on the same line. */
async function both<P extends pulumi.Resource, N extends pulumi.Resource>(
  make: (nested: boolean, parent: pulumi.Resource) => P | N,
): Promise<{ pub: P; nested: N; sentPublic: SentRequests; sentNested: SentRequests }> {
  let pub: P | undefined;
  let nested: N | undefined;
  const sentPublic = await sentRequests(() => (pub = make(false, new OwnerA("owner")) as P));
  const sentNested = await sentRequests(() => (nested = withLimit(17, () => make(true, new OwnerB("owner")) as N)));
  return { pub: pub!, nested: nested!, sentPublic, sentNested };
}

const childrenOf = (component: pulumi.Resource): pulumi.Resource[] => [
  ...((component as unknown as { __childResources?: Set<pulumi.Resource> }).__childResources ?? []),
];
const nameOf = (r: pulumi.Resource) => (r as unknown as { __name: string }).__name;
const outputKeys = (r: object) => Object.keys(r).filter((k) => pulumi.Output.isInstance((r as Record<string, unknown>)[k]));

/** A hidden child keeps an Output for each input it was given, and for `id` and `urn`: nothing more. */
function expectOnlyInputOutputs(component: pulumi.Resource, sent: SentRequests): void {
  const hidden = childrenOf(component).filter((c) => c instanceof HiddenChild);
  expect(hidden).to.not.deep.equal([]);
  for (const child of hidden) {
    const given = sent.registrations.get(nameOf(child))!.object.fieldsMap.map(([k]: [string, unknown]) => k);
    expect(outputKeys(child).sort(), nameOf(child)).to.deep.equal([...given, "id", "urn"].sort());
  }
}

/** The children of a component object, by constructor: the class's name or `HiddenChild`. */
function childKinds(component: pulumi.Resource): Record<string, string> {
  return Object.fromEntries(childrenOf(component).map((c) => [nameOf(c), c instanceof HiddenChild ? "HiddenChild" : c.constructor.name]));
}

const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/given`;

describe("NestedSecureBucket", () => {
  const full: SecureBucketArgs = {
    encryptionKey: { keyArn: KEY_ARN },
    readerArns: [`arn:aws:iam::${ACCOUNT}:role/reader`, pulumi.output(`arn:aws:iam::${ACCOUNT}:role/late-reader`)],
    writerArns: [`arn:aws:iam::${ACCOUNT}:role/writer`],
    codeBuildRoleArns: [`arn:aws:iam::${ACCOUNT}:role/build`],
    readerRolePaths: [{ accountId: "210987654321", path: "/ci/" }],
    accessLogs: { bucketName: "logs", prefix: "artifacts/" },
    eventBridgeNotifications: true,
    lifecycle: { expireObjectsAfterDays: 30, expireNoncurrentVersionsAfterDays: 7, abortIncompleteUploadsAfterDays: 2 },
    region: "eu-west-1",
    bucketPrefix: "team-artifacts-",
    forceDestroy: true,
    retainOnDelete: false,
    tags: { team: "a" },
  };

  it("sends the registrations and outputs of a SecureBucket with every option, the settings hidden", async () => {
    // prettier-ignore
    const { pub, nested, sentPublic, sentNested } = await both<SecureBucket, NestedSecureBucket>((n, parent) => n ? new NestedSecureBucket("b", full, { parent }) : new SecureBucket("b", full, { parent }));
    // The order in which requests reach the engine follows how soon each one's inputs resolve, which is
    // not part of the graph (a child with fewer Outputs may be sent a turn earlier); the set is the same.
    expect([...sentNested.registrations.keys()]).to.have.members([...sentPublic.registrations.keys()]);
    expect([...sentNested.registrations.keys()]).to.have.members([
      "owner",
      "b",
      "b-bucket",
      "b-encryption",
      "b-public-access-block",
      "b-ownership",
      "b-versioning",
      "b-lifecycle",
      "b-policy",
      "b-logging",
      "b-notification",
    ]);
    expect(everything(sentNested)).to.deep.equal(everything(sentPublic));
    expect(childKinds(nested)).to.deep.equal({
      "b-bucket": "Bucket",
      "b-encryption": "BucketServerSideEncryptionConfiguration",
      "b-public-access-block": "HiddenChild",
      "b-ownership": "HiddenChild",
      "b-versioning": "BucketVersioning",
      "b-lifecycle": "BucketLifecycleConfiguration",
      "b-policy": "HiddenChild",
      "b-logging": "BucketLogging",
      "b-notification": "HiddenChild",
    });
    expectOnlyInputOutputs(nested, sentNested);
    expect(Object.values(childKinds(pub))).to.not.include("HiddenChild");
    expect(pub.policy).to.be.instanceOf(aws.s3.BucketPolicy);
    expect(pub.publicAccessBlock).to.be.instanceOf(aws.s3.BucketPublicAccessBlock);
    expect(pub.ownershipControls).to.be.instanceOf(aws.s3.BucketOwnershipControls);
    expect(pub.notification).to.be.instanceOf(aws.s3.BucketNotification);
    expect(pub.logging).to.be.instanceOf(aws.s3.BucketLogging);
    expect(nested.bucket).to.be.instanceOf(aws.s3.Bucket);
    expect(await unwrap(nested.bucketArn)).to.equal(await unwrap(nested.bucket.arn));
    expect(await unwrap(nested.bucketName)).to.equal(await unwrap(nested.bucket.bucket));
    expect(await unwrap(nested.keyArn)).to.equal(KEY_ARN);
  });

  it("sends the registrations of a SecureBucket with the defaults and its own key", async () => {
    // prettier-ignore
    const { nested, sentPublic, sentNested } = await both<SecureBucket, NestedSecureBucket>((n, parent) => n ? new NestedSecureBucket("d", {}, { parent }) : new SecureBucket("d", {}, { parent }));
    expect(everything(sentNested)).to.deep.equal(everything(sentPublic));
    expect([...sentNested.registrations.keys()]).to.have.members([...sentPublic.registrations.keys()]);
    expect([...sentNested.registrations.keys()]).to.include.members(["d-key", "d-policy"]);
    expect(Object.keys(childKinds(nested))).to.not.include.members(["d-logging", "d-notification"]);
    expect(await unwrap(nested.keyArn)).to.match(/^arn:aws:kms:us-east-1:123456789012:key\//);
  });

  it("checks its arguments as SecureBucket does, before any child exists", () => {
    const parent = new OwnerB("refused");
    const before = recorded.length;
    const args: SecureBucketArgs = { encryptionKey: new EncryptionKey("refused-key"), readerArns: [`arn:aws:iam::${ACCOUNT}:root`] };
    let publicError = "";
    try {
      new SecureBucket("refused-public", args, { parent });
    } catch (e) {
      publicError = String(e).replace("refused-public", "refused");
    }
    expect(publicError).to.include("readerArns");
    withLimit(17, () => expect(() => new NestedSecureBucket("refused", args, { parent })).to.throw(publicError.replace(/^Error: /, "")));
    expect(recorded.slice(before).filter((r) => /^refused-/.test(r.name) && !r.name.startsWith("refused-key"))).to.deep.equal([]);
  });
});

describe("NestedSecureTopic", () => {
  it("sends the registrations and outputs of a SecureTopic, its policy and subscriptions hidden", async () => {
    const args = {
      encryptionKey: { keyArn: KEY_ARN },
      publisherServices: ["events.amazonaws.com"],
      emailSubscriptions: ["lead@example.com", "ops@example.com"],
      displayName: "Alerts",
      tags: { team: "a" },
    };
    // prettier-ignore
    const { pub, nested, sentPublic, sentNested } = await both<SecureTopic, NestedSecureTopic>((n, parent) => n ? new NestedSecureTopic("t", args, { parent }) : new SecureTopic("t", args, { parent }));
    expect([...sentNested.registrations.keys()]).to.have.members([...sentPublic.registrations.keys()]);
    expect([...sentNested.registrations.keys()]).to.have.members(["owner", "t", "t-topic", "t-policy", "t-email-0", "t-email-1"]);
    expect(everything(sentNested)).to.deep.equal(everything(sentPublic));
    expect(childKinds(nested)).to.deep.equal({
      "t-topic": "Topic",
      "t-policy": "HiddenChild",
      "t-email-0": "HiddenChild",
      "t-email-1": "HiddenChild",
    });
    expectOnlyInputOutputs(nested, sentNested);
    expect(pub.policy).to.be.instanceOf(aws.sns.TopicPolicy);
    expect(pub.subscriptions.map((s) => s instanceof aws.sns.TopicSubscription)).to.deep.equal([true, true]);
    expect(nested.topic).to.be.instanceOf(aws.sns.Topic);
    expect(await unwrap(nested.topicArn)).to.equal(await unwrap(nested.topic.arn));
  });

  it("with hideTopic, sends the registrations and outputs of a SecureTopic, the topic hidden too", async () => {
    const args = { encryptionKey: { keyArn: KEY_ARN }, emailSubscriptions: ["lead@example.com"], displayName: "Approval needed" };
    // prettier-ignore
    const { pub, nested, sentPublic, sentNested } = await both<SecureTopic, NestedSecureTopic<true>>((n, parent) => n ? new NestedSecureTopic("t", args, { parent }, true) : new SecureTopic("t", args, { parent }));
    expect([...sentNested.registrations.keys()]).to.have.members(["owner", "t", "t-topic", "t-policy", "t-email-0"]);
    expect(everything(sentNested)).to.deep.equal(everything(sentPublic));
    expect(childKinds(nested)).to.deep.equal({ "t-topic": "HiddenChild", "t-policy": "HiddenChild", "t-email-0": "HiddenChild" });
    // The topic keeps an Output for each input it was given (sent or undefined) and for its ARN, nothing more.
    const sent = sentNested.registrations.get("t-topic")!.object.fieldsMap.map(([k]: [string, unknown]) => k);
    expect(sent.sort()).to.deep.equal(["displayName", "kmsMasterKeyId"]);
    expect(outputKeys(nested.topic).sort()).to.deep.equal(["arn", "displayName", "id", "kmsMasterKeyId", "tags", "urn"]);
    expect(await unwrap(nested.topicArn)).to.equal(await unwrap(pub.topicArn));
    expect(await unwrap(nested.topicArn)).to.match(/^arn:aws:sns:/);
    expect(nested.topicArn).to.equal(nested.topic.output("arn"));
  });

  it("checks its arguments as SecureTopic does", () => {
    const args = { encryptionKey: { keyArn: KEY_ARN }, emailSubscriptions: ["lead"] };
    const parent = new OwnerB("refused-topic");
    withLimit(17, () =>
      expect(() => new NestedSecureTopic("t", args, { parent })).to.throw('`emailSubscriptions` must hold email addresses, got "lead".'),
    );
    withLimit(17, () =>
      expect(() => new NestedSecureTopic("t2", args, { parent }, true)).to.throw(
        '`emailSubscriptions` must hold email addresses, got "lead".',
      ),
    );
  });
});
