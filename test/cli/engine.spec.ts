import * as aws from "@pulumi/aws";
import { expect } from "chai";
import { createEngine, MockMonitorLike, NAME_PREFIX_SUFFIX } from "../../packages/cli/src/engine";
import { calls, findResource, recorded, settle, unwrap } from "../harness";

/** A registration as the SDK's mock monitor receives it (the getters the engine reads). */
function request(type: string, name: string, extra: Partial<Record<string, unknown>> = {}) {
  const r = { parent: "", retainOnDelete: false, protect: false, ignoreChanges: [] as string[], dependsOn: [] as string[], ...extra };
  return {
    getType: () => type,
    getName: () => name,
    getParent: () => r.parent,
    getRetainondelete: () => r.retainOnDelete,
    getProtect: () => r.protect,
    getIgnorechangesList: () => r.ignoreChanges,
    getDependenciesList: () => r.dependsOn,
  };
}

/** A monitor that answers through the engine's mocks, as the SDK's does. */
function fakeMonitor(engine: ReturnType<typeof createEngine>): MockMonitorLike {
  return {
    newUrn: (parent, type, name) => `urn:pulumi:dev::p::${parent ? `${parent.split("::")[2].split("$").pop()}$` : ""}${type}::${name}`,
    registerResource(req: any) {
      return engine.mocks.newResource({ type: req.getType(), name: req.getName(), inputs: {}, custom: !req.getType().startsWith("my:") });
    },
  };
}

const newResource = (engine: ReturnType<typeof createEngine>, type: string, name: string, inputs: Record<string, any>, provider?: string) =>
  engine.mocks.newResource({ type, name, inputs, provider, custom: true }) as { id: string; state: Record<string, any> };

describe("mock engine (packages/cli/src/engine)", () => {
  describe("invokes", () => {
    it("throws in strict mode on an invoke it cannot answer, naming the token and the way out", () => {
      const engine = createEngine({ strict: true });
      expect(() =>
        engine.mocks.call({ token: "aws:lambda/getFunction:getFunction", inputs: { functionName: "f" }, provider: "" }),
      ).to.throw(
        "The mock engine has no answer for invoke aws:lambda/getFunction:getFunction (strict mode, as in tests). Add an answer in packages/cli/src/engine/invokes.ts, or create the engine with `strict: false` to give the program an empty result.",
      );
      expect(engine.calls).to.deep.equal([
        { token: "aws:lambda/getFunction:getFunction", inputs: { functionName: "f" }, provider: "", unanswered: true },
      ]);
    });

    it("returns an empty result when lenient (synth) and marks the call unanswered", () => {
      const engine = createEngine();
      expect(engine.strict).to.equal(false);
      expect(engine.mocks.call({ token: "aws:lambda/getFunction:getFunction", inputs: {} })).to.deep.equal({});
      expect(engine.calls.map((c) => c.unanswered)).to.deep.equal([true]);
    });

    it("answers the caller identity, region and partition from its identity", () => {
      const engine = createEngine({ account: "210987654321", region: "cn-north-1", partition: "aws-cn", strict: true });
      expect(engine.mocks.call({ token: "aws:index/getCallerIdentity:getCallerIdentity", inputs: {} })).to.deep.equal({
        accountId: "210987654321",
        arn: "arn:aws-cn:iam::210987654321:user/synth",
        userId: "AIDASYNTH",
        id: "210987654321",
      });
      expect(engine.mocks.call({ token: "aws:index/getRegion:getRegion", inputs: {} })).to.include({
        name: "cn-north-1",
        region: "cn-north-1",
      });
      expect(engine.mocks.call({ token: "aws:index/getPartition:getPartition", inputs: {} })).to.include({ partition: "aws-cn" });
      expect(engine.calls.map((c) => c.unanswered)).to.deep.equal([false, false, false]);
    });

    it("records the provider of an invoke", () => {
      const engine = createEngine({ strict: true });
      engine.mocks.call({
        token: "aws:index/getRegion:getRegion",
        inputs: {},
        provider: "urn:pulumi:dev::p::pulumi:providers:aws::prod::prod-id",
      });
      expect(engine.calls[0].provider).to.equal("urn:pulumi:dev::p::pulumi:providers:aws::prod::prod-id");
    });
  });

  describe("computed attributes", () => {
    it("gives IAM policies, roles and instance profiles their path in the ARN", () => {
      const engine = createEngine();
      expect(newResource(engine, "aws:iam/policy:Policy", "p", { name: "deploy", path: "/service-role/" })).to.deep.equal({
        id: "arn:aws:iam::123456789012:policy/service-role/deploy",
        state: { name: "deploy", path: "/service-role/", arn: "arn:aws:iam::123456789012:policy/service-role/deploy" },
      });
      expect(newResource(engine, "aws:iam/role:Role", "r", { name: "build", path: "/ci/" }).state.arn).to.equal(
        "arn:aws:iam::123456789012:role/ci/build",
      );
      expect(newResource(engine, "aws:iam/instanceProfile:InstanceProfile", "i", { name: "web" }).state.arn).to.equal(
        "arn:aws:iam::123456789012:instance-profile/web",
      );
      expect(newResource(engine, "aws:iam/policy:Policy", "q", { name: "plain" }).state.arn).to.equal(
        "arn:aws:iam::123456789012:policy/plain",
      );
    });

    it("names a resource given a namePrefix with the provider's 26-character suffix", () => {
      const engine = createEngine();
      const { state } = newResource(engine, "aws:iam/role:Role", "long", { namePrefix: "very-long-name-" });
      expect(NAME_PREFIX_SUFFIX).to.have.length(26);
      expect(state.name).to.equal(`very-long-name-${"0".repeat(26)}`);
      expect(state.arn).to.equal(`arn:aws:iam::123456789012:role/very-long-name-${"0".repeat(26)}`);
    });

    it("uses the provider's ids: ARNs for topics, names for buckets, key ids for keys, `<name>-id` otherwise", () => {
      const engine = createEngine({ region: "eu-west-1" });
      expect(newResource(engine, "aws:sns/topic:Topic", "t", { name: "alerts" }).id).to.equal("arn:aws:sns:eu-west-1:123456789012:alerts");
      expect(newResource(engine, "aws:s3/bucketV2:BucketV2", "b", { bucket: "artifacts" }).id).to.equal("artifacts");
      expect(newResource(engine, "aws:kms/key:Key", "k", {}).id).to.equal("k-id");
      expect(newResource(engine, "aws:codebuild/project:Project", "build", {}).state.arn).to.equal(
        "arn:aws:codebuild:eu-west-1:123456789012:project/build",
      );
      expect(newResource(engine, "aws:ec2/securityGroup:SecurityGroup", "sg", {})).to.deep.equal({
        id: "sg-id",
        state: { arn: "arn:aws:ec2:eu-west-1:123456789012:sg" },
      });
    });
  });

  describe("records", () => {
    it("records parent, qualified URN, options and provider of each registration once attached", () => {
      const engine = createEngine();
      const monitor = fakeMonitor(engine);
      engine.attach(monitor);
      monitor.registerResource(request("my:index:Outer", "outer"), undefined);
      monitor.registerResource(request("my:index:Inner", "inner", { parent: "urn:pulumi:dev::p::my:index:Outer::outer" }), undefined);
      monitor.registerResource(
        request("aws:iam/role:Role", "role", {
          parent: "urn:pulumi:dev::p::my:index:Outer$my:index:Inner::inner",
          retainOnDelete: true,
          protect: true,
          ignoreChanges: ["tags"],
          dependsOn: ["urn:pulumi:dev::p::my:index:Outer::outer"],
        }),
        undefined,
      );
      expect(engine.resources.map((r) => [r.urn, r.parent, r.custom])).to.deep.equal([
        ["urn:pulumi:dev::p::my:index:Outer::outer", undefined, false],
        ["urn:pulumi:dev::p::my:index:Outer$my:index:Inner::inner", "urn:pulumi:dev::p::my:index:Outer::outer", false],
        [
          "urn:pulumi:dev::p::my:index:Outer$my:index:Inner$aws:iam/role:Role::role",
          "urn:pulumi:dev::p::my:index:Outer$my:index:Inner::inner",
          true,
        ],
      ]);
      expect(engine.resources[2].options).to.deep.equal({
        retainOnDelete: true,
        protect: true,
        ignoreChanges: ["tags"],
        dependsOn: ["urn:pulumi:dev::p::my:index:Outer::outer"],
      });
    });

    it("records a registration made without `attach` under `<type>::<name>` with default options", () => {
      const engine = createEngine();
      newResource(engine, "aws:sns/topic:Topic", "t", {}, "urn:pulumi:dev::p::pulumi:providers:aws::prod::prod-id");
      expect(engine.resources).to.deep.equal([
        {
          type: "aws:sns/topic:Topic",
          name: "t",
          urn: "aws:sns/topic:Topic::t",
          parent: undefined,
          provider: "urn:pulumi:dev::p::pulumi:providers:aws::prod::prod-id",
          id: "arn:aws:sns:us-east-1:123456789012:t",
          custom: true,
          inputs: {},
          state: { name: "t", arn: "arn:aws:sns:us-east-1:123456789012:t" },
          options: { retainOnDelete: false, protect: false, ignoreChanges: [], dependsOn: [] },
        },
      ]);
      engine.reset();
      expect([engine.resources.length, engine.calls.length]).to.deep.equal([0, 0]);
    });
  });

  describe("as the test harness installs it (strict, attached to the SDK's monitor)", () => {
    it("records the explicit provider and ignoreChanges of a real registration", async () => {
      const prod = new aws.Provider("prod", { region: "us-east-1" });
      const topic = new aws.sns.Topic("t", { name: "alerts" }, { provider: prod, ignoreChanges: ["tags"], retainOnDelete: true });
      await unwrap(topic.arn);
      await settle();
      const ref = `${await unwrap(prod.urn)}::${await unwrap(prod.id)}`;
      const t = findResource("aws:sns/topic:Topic", "t");
      expect(t.provider).to.equal(ref);
      expect(t.options).to.deep.equal({ retainOnDelete: true, protect: false, ignoreChanges: ["tags"], dependsOn: [] });
      expect(recorded.map((r) => r.type)).to.deep.equal(["pulumi:providers:aws", "aws:sns/topic:Topic"]);
    });

    it("fails an invoke it cannot answer", async () => {
      const error = await aws.lambda.getFunction({ functionName: "nope" }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((error as Error).message).to.equal(
        "The mock engine has no answer for invoke aws:lambda/getFunction:getFunction (strict mode, as in tests). Add an answer in packages/cli/src/engine/invokes.ts, or create the engine with `strict: false` to give the program an empty result.",
      );
      expect(calls.map((c) => [c.token, c.unanswered])).to.deep.equal([["aws:lambda/getFunction:getFunction", true]]);
    });
  });
});
