// Account, partition and region lookups (internal/aws-context.ts, issue 12): one lookup per provider
// for the components a program creates together, through invokes that carry the parent's provider.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { awsContext, fromContext, fromContextAnd, regionalArn, regionalArnOf } from "../../packages/aws-cicd/src/internal/aws-context";
import { ACCOUNT, calls, unwrap } from "../harness";

const parentOf = (name: string, opts?: pulumi.ComponentResourceOptions) =>
  new pulumi.ComponentResource("test:index:Parent", name, {}, opts);
const identityCalls = () => calls.filter((c) => c.token === "aws:index/getCallerIdentity:getCallerIdentity");
const nextTick = () => new Promise((resolve) => setImmediate(resolve));

describe("AWS context lookups", () => {
  it("answers the account, partition, region and DNS suffix of the provider", async () => {
    const ctx = awsContext(parentOf("ctx-values"));
    expect(await unwrap(pulumi.all([ctx.accountId, ctx.partition, ctx.region, ctx.dnsSuffix]))).to.deep.equal([
      ACCOUNT,
      "aws",
      "us-east-1",
      "amazonaws.com",
    ]);
  });

  it("shares one lookup among components created together with the default provider", async () => {
    await nextTick();
    const before = identityCalls().length;
    const a = awsContext(parentOf("together-a"));
    const b = awsContext(parentOf("together-b"));
    expect(b).to.equal(a);
    await unwrap(a.accountId);
    expect(identityCalls().length - before).to.equal(1);
  });

  it("looks up afresh once the code that created them has yielded", async () => {
    const first = awsContext(parentOf("yield-a"));
    await nextTick();
    const second = awsContext(parentOf("yield-b"));
    expect(second).to.not.equal(first);
    expect(awsContext(parentOf("yield-c"))).to.equal(second);
  });

  it("ends a batch after a single microtask, not only at the next macrotask", async () => {
    const first = awsContext(parentOf("batch-a"));
    await Promise.resolve();
    const second = awsContext(parentOf("batch-b"));
    expect(second).to.not.equal(first);
    expect(awsContext(parentOf("batch-c"))).to.equal(second);
  });

  it("looks up once per explicit provider, through invokes that carry it", async () => {
    await nextTick();
    const prod = new aws.Provider("ctx-prod", { region: "eu-west-1" });
    const other = new aws.Provider("ctx-other", { region: "eu-west-1" });
    const before = calls.length;
    const a = awsContext(parentOf("prod-a", { provider: prod }));
    const b = awsContext(parentOf("prod-b", { providers: [prod] }));
    const c = awsContext(parentOf("other-a", { provider: other }));
    const d = awsContext(parentOf("default-a"));
    expect(b).to.equal(a);
    expect(c).to.not.equal(a);
    expect(d).to.not.equal(a);
    expect(d).to.not.equal(c);
    await unwrap(pulumi.all([a.accountId, a.region, a.partition, c.accountId, d.accountId]));
    const refs = await Promise.all([prod, other].map(async (p) => `${await unwrap(p.urn)}::${await unwrap(p.id)}`));
    const made = calls.slice(before);
    expect(made.map((m) => `${m.token} ${m.provider || "default"}`).sort()).to.deep.equal(
      [
        ...refs.flatMap((r) => [
          `aws:index/getCallerIdentity:getCallerIdentity ${r}`,
          `aws:index/getPartition:getPartition ${r}`,
          `aws:index/getRegion:getRegion ${r}`,
        ]),
        "aws:index/getCallerIdentity:getCallerIdentity default",
        "aws:index/getPartition:getPartition default",
        "aws:index/getRegion:getRegion default",
      ].sort(),
    );
  });

  it("renders strings from a context's values, alone or with another value", async () => {
    const ctx = { partition: pulumi.output("aws-cn"), region: "cn-north-1", accountId: pulumi.output("111122223333") };
    expect(await unwrap(fromContext(ctx, "<partition>|<region>|<account>", (c) => `${c.partition}|${c.region}|${c.accountId}`))).to.equal(
      "aws-cn|cn-north-1|111122223333",
    );
    expect(await unwrap(fromContextAnd(ctx, pulumi.output("app"), (c, v) => `arn:${c.partition}:s3:::${v}-${c.accountId}`))).to.equal(
      "arn:aws-cn:s3:::app-111122223333",
    );
  });

  it("makes a string of a context once per context and key, however many callers name it", async () => {
    const ctx = { partition: pulumi.output("aws-cn"), region: "cn-north-1", accountId: pulumi.output("111122223333") };
    const other = { ...ctx, region: "cn-northwest-1" };
    const arn = regionalArn(ctx, "ec2", "instance/*");
    expect(regionalArn(ctx, "ec2", "instance/*")).to.equal(arn);
    expect(regionalArn(ctx, "ec2", "image/*")).to.not.equal(arn);
    expect(regionalArn(other, "ec2", "instance/*")).to.not.equal(arn);
    expect(await unwrap(arn)).to.equal("arn:aws-cn:ec2:cn-north-1:111122223333:instance/*");
    expect(await unwrap(regionalArn(other, "ec2", "instance/*"))).to.equal("arn:aws-cn:ec2:cn-northwest-1:111122223333:instance/*");
  });

  it("makes the regional ARN of a plain name once per context, and of an Output name from the context and the Output", async () => {
    const ctx = { partition: pulumi.output("aws-us-gov"), region: "us-gov-west-1", accountId: pulumi.output("111122223333") };
    const app = (v: string) => `application/${v}`;
    const plain = regionalArnOf(ctx, "elasticbeanstalk", "shop", app);
    expect(plain).to.equal(regionalArn(ctx, "elasticbeanstalk", "application/shop"));
    expect(await unwrap(plain)).to.equal("arn:aws-us-gov:elasticbeanstalk:us-gov-west-1:111122223333:application/shop");
    expect(await unwrap(regionalArnOf(ctx, "sns", "alerts"))).to.equal("arn:aws-us-gov:sns:us-gov-west-1:111122223333:alerts");
    const fromOutput = regionalArnOf(ctx, "elasticbeanstalk", pulumi.output("web"), app);
    expect(await unwrap(fromOutput)).to.equal("arn:aws-us-gov:elasticbeanstalk:us-gov-west-1:111122223333:application/web");
    expect(await unwrap(regionalArnOf(ctx, "sns", pulumi.output("topic")))).to.equal("arn:aws-us-gov:sns:us-gov-west-1:111122223333:topic");
  });
});
