// The stack-trace window of internal/quiet-stacks.ts (issue 12): what it turns off, what it keeps,
// and that every component restores V8's limit whether its constructor returns or throws.
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { EncryptionKey, SecureBucket, SecureTopic } from "../../packages/aws-cicd/src";
import { KEEP_STACKS_ENV, quietStacks } from "../../packages/aws-cicd/src/internal/quiet-stacks";
import { childrenOf, descendantsOf, findResource, settle, unwrap } from "../harness";
import { twoStages } from "../pipeline/fixtures";
import { Pipeline } from "../../packages/aws-cicd/src/pipeline";

const KEY = { keyArn: "arn:aws:kms:us-east-1:123456789012:key/x" };
const hasFrames = (stack: string | undefined) => /\n\s+at /.test(stack ?? "");

/** Runs `body` with `Error.stackTraceLimit` set to `limit` and the keep-stacks variable as given. */
function withLimit<T>(limit: number, keep: string | undefined, body: () => T): T {
  const [before, env] = [Error.stackTraceLimit, process.env[KEEP_STACKS_ENV]];
  Error.stackTraceLimit = limit;
  if (keep === undefined) delete process.env[KEEP_STACKS_ENV];
  else process.env[KEEP_STACKS_ENV] = keep;
  try {
    return body();
  } finally {
    Error.stackTraceLimit = before;
    if (env === undefined) delete process.env[KEEP_STACKS_ENV];
    else process.env[KEEP_STACKS_ENV] = env;
  }
}

describe("quietStacks", () => {
  it("captures no frame inside the window and restores the limit it found", () => {
    withLimit(23, undefined, () => {
      const stacks = quietStacks();
      expect(Error.stackTraceLimit).to.equal(0);
      expect(new Error("inside").stack).to.equal("Error: inside");
      stacks.close();
      expect(Error.stackTraceLimit).to.equal(23);
      expect(hasFrames(new Error("after").stack)).to.equal(true);
    });
  });

  it("closes once: a second close leaves a limit set since alone", () => {
    withLimit(23, undefined, () => {
      const stacks = quietStacks();
      stacks.close();
      Error.stackTraceLimit = 5;
      stacks.close();
      expect(Error.stackTraceLimit).to.equal(5);
    });
  });

  it("nests: the inner window gives back 0, the outer one the limit before both", () => {
    withLimit(17, undefined, () => {
      const outer = quietStacks();
      const inner = quietStacks();
      inner.close();
      expect(Error.stackTraceLimit).to.equal(0);
      outer.close();
      expect(Error.stackTraceLimit).to.equal(17);
    });
  });

  it("gives an error made inside the window the stack of the place it is rethrown from", () => {
    withLimit(10, undefined, () => {
      const stacks = quietStacks();
      const error = new TypeError("bad `name`");
      function componentConstructor() {
        return stacks.rethrow(error);
      }
      expect(componentConstructor()).to.equal(error);
      expect(Error.stackTraceLimit).to.equal(10);
      expect(error.stack).to.match(/^TypeError: bad `name`\n\s+at componentConstructor /);
    });
  });

  it("gives a stack to an Error whose stack was taken away", () => {
    withLimit(10, undefined, () => {
      const stacks = quietStacks();
      const error = new Error("bare");
      error.stack = undefined;
      function componentConstructor() {
        return stacks.rethrow(error);
      }
      componentConstructor();
      expect(error.stack).to.match(/^Error: bare\n\s+at componentConstructor /);
    });
  });

  it("leaves the stack of an error made before the window, and values that are not errors", () => {
    withLimit(10, undefined, () => {
      const early = new Error("early");
      const stack = early.stack;
      const stacks = quietStacks();
      expect(stacks.rethrow(early)).to.equal(early);
      expect(early.stack).to.equal(stack);
      expect(quietStacks().rethrow("text")).to.equal("text");
      const thrownObject = { message: "not an Error", stack: "no frames" };
      expect(quietStacks().rethrow(thrownObject)).to.deep.equal({ message: "not an Error", stack: "no frames" });
      expect(Error.stackTraceLimit).to.equal(10);
    });
  });

  it(`does nothing while ${KEEP_STACKS_ENV} is set, when the SDK prints the stacks it keeps`, () => {
    withLimit(12, "1", () => {
      const stacks = quietStacks();
      expect(Error.stackTraceLimit).to.equal(12);
      expect(hasFrames(new Error("kept").stack)).to.equal(true);
      const early = new Error("early");
      const stack = early.stack;
      expect(stacks.rethrow(early)).to.equal(early);
      expect(early.stack).to.equal(stack);
      stacks.close();
      expect(Error.stackTraceLimit).to.equal(12);
    });
  });
});

describe("a component's stack-trace window", () => {
  type Call = { limit: number; position?: string };
  /** Every `Resource.stackTrace` call (the SDK's source position of each resource) while `body` runs. */
  function sourcePositions<T>(body: () => T): { value: T; calls: Call[] } {
    const resource = pulumi.Resource as unknown as { stackTrace: (skip: number) => { uri: string; line: number }[] };
    const original = resource.stackTrace;
    const calls: Call[] = [];
    resource.stackTrace = function (skip: number) {
      const limit = Error.stackTraceLimit;
      const trace = original.call(this, skip);
      calls.push({ limit, position: trace[0] && `${trace[0].uri.replace(/^.*\//, "")}:${trace[0].line}` });
      return trace;
    };
    try {
      return { value: body(), calls };
    } finally {
      resource.stackTrace = original;
    }
  }

  it("creates each child with no stack frames captured, keeps every source position, and restores the limit", async () => {
    const quiet = withLimit(23, undefined, () => {
      const run = sourcePositions(() => new SecureTopic("quiet-window", { encryptionKey: KEY }));
      return { ...run, after: Error.stackTraceLimit };
    });
    const loud = withLimit(23, "1", () => sourcePositions(() => new SecureTopic("loud-window", { encryptionKey: KEY })));
    await unwrap(quiet.value.topicArn);
    await unwrap(loud.value.topicArn);
    await settle();
    expect(quiet.after).to.equal(23);
    const children = childrenOf(findResource("aws-cicd:index:SecureTopic", "quiet-window"));
    expect(children.map((c) => c.type).sort()).to.deep.equal(["aws:sns/topic:Topic", "aws:sns/topicPolicy:TopicPolicy"]);
    // The component registers itself before the window opens, then one call per child inside it.
    expect(quiet.calls.map((c) => c.limit)).to.deep.equal([23, 0, 0]);
    expect(loud.calls.map((c) => c.limit)).to.deep.equal([23, 23, 23]);
    expect(quiet.calls.map((c) => c.position)).to.deep.equal(loud.calls.map((c) => c.position));
    // For a child, the SDK's position is the `@pulumi/aws` class that registered it (`topic.ts:<line>`).
    expect(quiet.calls[1].position).to.match(/^topic\.ts:\d+$/);
  });

  for (const [kind, build] of [
    ["EncryptionKey", () => new EncryptionKey("limit-key")],
    ["SecureBucket", () => new SecureBucket("limit-bucket", { encryptionKey: KEY })],
    ["SecureTopic", () => new SecureTopic("limit-topic", { encryptionKey: KEY })],
  ] as const) {
    it(`gives back the caller's limit once the component (${kind}) is built`, async () => {
      const after = withLimit(31, undefined, () => {
        build();
        return Error.stackTraceLimit;
      });
      await settle();
      expect(after).to.equal(31);
    });
  }

  it("restores the limit and gives the error the caller's frames when the constructor throws", () => {
    const thrown = withLimit(23, undefined, () => {
      try {
        new SecureTopic("bad-window", { encryptionKey: { keyArn: "not-an-arn" } });
      } catch (e) {
        return { error: e as Error, after: Error.stackTraceLimit };
      }
      throw new Error("SecureTopic accepted a bad key ARN");
    });
    expect(thrown.after).to.equal(23);
    expect(thrown.error).to.be.instanceOf(pulumi.ResourceError);
    expect(thrown.error.stack).to.match(/\n\s+at new SecureTopic /);
    expect(thrown.error.stack).to.include("quiet-stacks.spec.ts");
  });

  it("covers nested components: of a pipeline's registrations only its own runs with the caller's limit", async () => {
    const run = withLimit(23, undefined, () => sourcePositions(() => new Pipeline("quiet-pipeline", { stages: twoStages() })));
    await unwrap(run.value.consoleUrl);
    await settle();
    const descendants = descendantsOf(findResource("aws-cicd:index:Pipeline", "quiet-pipeline"));
    expect(descendants.map((d) => d.type)).to.include.members(["aws-cicd:index:SecureBucket", "aws:codepipeline/pipeline:Pipeline"]);
    expect(run.calls.map((c) => c.limit)).to.deep.equal([23, ...descendants.map(() => 0)]);
  });
});
