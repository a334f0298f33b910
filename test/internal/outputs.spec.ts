// Issue 12: the internal helpers that make fewer Outputs than the SDK's give what the SDK's give:
// the same string, the same secrecy and the same resources to depend on.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { allApply, applyString, interpolate } from "../../packages/aws-cicd/src/internal/interpolate";
import { jsonOnceKnown, jsonString } from "../../packages/aws-cicd/src/security/policy-json";
import { unwrap } from "../harness";

/** What an Output resolves to, whether it is secret, and the URNs of the resources it depends on. */
async function observed(o: pulumi.Output<string>): Promise<{ value: string; secret: boolean; resources: string[] }> {
  const internal = o as unknown as { isSecret: Promise<boolean>; allResources(): Promise<Set<pulumi.Resource>> };
  const resources = await Promise.all([...(await internal.allResources())].map((r) => unwrap(r.urn)));
  return { value: await unwrap(o), secret: await internal.isSecret, resources: resources.sort() };
}

describe("internal Output helpers", () => {
  const bucket = new aws.s3.Bucket("outputs-spec-bucket", {});
  const topic = new aws.sns.Topic("outputs-spec-topic", {});
  const cases: [string, () => [pulumi.Output<string>, pulumi.Output<string>]][] = [
    ["plain values", () => [interpolate`a${1}b${"c"}${undefined}`, pulumi.interpolate`a${1}b${"c"}${undefined}`]],
    ["one Output", () => [interpolate`${bucket.arn}/*`, pulumi.interpolate`${bucket.arn}/*`]],
    ["one Output twice", () => [interpolate`${bucket.id}:${bucket.id}`, pulumi.interpolate`${bucket.id}:${bucket.id}`]],
    ["one Output and plain values", () => [interpolate`${bucket.id}:${"k"}/${2}`, pulumi.interpolate`${bucket.id}:${"k"}/${2}`]],
    ["a secret", () => [interpolate`x-${pulumi.secret("s")}`, pulumi.interpolate`x-${pulumi.secret("s")}`]],
    ["two Outputs", () => [interpolate`${bucket.arn}|${topic.arn}`, pulumi.interpolate`${bucket.arn}|${topic.arn}`]],
    ["a Promise", () => [interpolate`p-${Promise.resolve("v")}`, pulumi.interpolate`p-${Promise.resolve("v")}`]],
    ["an array holding an Output", () => [interpolate`${[bucket.id, "b"]}`, pulumi.interpolate`${[bucket.id, "b"]}`]],
  ];
  for (const [what, make] of cases) {
    it(`interpolate gives what pulumi.interpolate gives with ${what}`, async () => {
      const [ours, sdk] = make();
      expect(await observed(ours)).to.deep.equal(await observed(sdk));
    });
  }

  it("allApply gives the value, secrecy and resources of pulumi.all(...).apply", async () => {
    const render = (values: unknown[]) => values.join("|");
    const inputs = (): [pulumi.Output<unknown>, ...pulumi.Output<unknown>[]] => [bucket.arn, pulumi.secret("s"), topic.arn, bucket.arn];
    const ours = await observed(allApply(inputs(), render));
    expect(ours).to.deep.equal(await observed(pulumi.all(inputs()).apply(render)));
    expect(ours.secret).to.equal(true);
    expect(ours.resources).to.have.length(2);
  });

  it("allApply is unknown, its function not run, when any input is unknown, as pulumi.all(...).apply is", async () => {
    // An unknown Output as the engine gives one during a preview (the SDK's constructor is internal).
    const OutputCtor = pulumi.Output as unknown as new (...a: unknown[]) => pulumi.Output<string>;
    const unknown = () =>
      new OutputCtor(new Set(), Promise.resolve(undefined), Promise.resolve(false), Promise.resolve(false), Promise.resolve(new Set()));
    const known = (o: pulumi.Output<unknown>) => (o as unknown as { isKnown: Promise<boolean> }).isKnown;
    for (const position of [0, 1]) {
      const inputs = (): [pulumi.Output<unknown>, ...pulumi.Output<unknown>[]] =>
        position === 0 ? [unknown(), bucket.arn] : [bucket.arn, unknown()];
      const runs: string[] = [];
      const render = (values: unknown[]) => (runs.push("ran"), values.join("|"));
      expect(await known(allApply(inputs(), render))).to.equal(false);
      expect(await known(pulumi.all(inputs()).apply(render))).to.equal(false);
      expect(runs).to.deep.equal([]);
    }
  });

  it("jsonOnceKnown gives the bytes, secrecy and resources of pulumi.jsonStringify", async () => {
    const doc = () => ({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: ["s3:GetObject"], Resource: [bucket.arn, pulumi.interpolate`${bucket.arn}/*`, "*"] },
        {
          Effect: "Allow",
          Action: ["sns:Publish"],
          Resource: topic.arn,
          Condition: { StringEquals: { k: pulumi.secret("v"), n: undefined } },
        },
        { Effect: "Deny", Action: ["s3:*"], Resource: [Promise.resolve("arn:aws:s3:::x"), undefined] },
      ],
    });
    const ours = await observed(jsonOnceKnown(doc(), (d) => d));
    expect(ours).to.deep.equal(await observed(pulumi.jsonStringify(doc())));
    expect(ours.secret).to.equal(true);
    expect(ours.resources).to.have.length(2);
  });

  it("jsonOnceKnown resolves Outputs that Outputs resolve to, as pulumi.output does", async () => {
    const nested = pulumi.output("k").apply(() => ({ inner: bucket.id }));
    const ours = await observed(jsonOnceKnown({ a: nested }, (d) => d));
    expect(ours).to.deep.equal(await observed(pulumi.jsonStringify({ a: nested })));
  });

  it("jsonString gives the bytes, secrecy and resources of pulumi.jsonStringify for an event pattern", async () => {
    const pattern = () => ({
      source: ["aws.codepipeline"],
      resources: [bucket.arn],
      detail: { state: ["FAILED"], n: undefined, s: pulumi.secret("x") },
    });
    expect(await observed(jsonString(pattern()))).to.deep.equal(await observed(pulumi.jsonStringify(pattern())));
    expect(await unwrap(jsonString({ a: [1, "x"] }))).to.equal(await unwrap(pulumi.jsonStringify({ a: [1, "x"] })));
  });

  it("applyString gives what pulumi.output(value).apply gives, for an Output, a secret, a Promise and a string", async () => {
    const upper = (v: string) => v.toUpperCase();
    for (const make of [() => bucket.arn, () => pulumi.secret("s"), () => Promise.resolve("p"), () => "plain"]) {
      expect(await observed(applyString(make(), upper))).to.deep.equal(await observed(pulumi.output(make()).apply(upper)));
    }
  });

  it("jsonOnceKnown of a plain document is an Output of its JSON, checked when it resolves and not before", async () => {
    const json = jsonOnceKnown({ b: [1, "x"] }, (d) => ({ wrapped: d }));
    expect(pulumi.Output.isInstance(json)).to.equal(true);
    expect(await unwrap(json)).to.equal('{"wrapped":{"b":[1,"x"]}}');
    const seen: string[] = [];
    const checked = jsonOnceKnown(
      { c: null },
      (d) => d,
      (text) => {
        seen.push(text);
        throw new Error(`too big: ${text}`);
      },
    );
    expect(seen).to.deep.equal([]);
    let error: unknown;
    await (checked as unknown as { promise(): Promise<unknown> }).promise().catch((e: unknown) => (error = e));
    expect((error as Error).message).to.equal('too big: {"c":null}');
    expect(seen).to.deep.equal(['{"c":null}']);
  });

  it("jsonOnceKnown keeps nulls beside Outputs, and runs the check on the JSON with the values in place", async () => {
    const seen: string[] = [];
    const json = jsonOnceKnown(
      { a: null, b: [pulumi.output("x"), null], c: Promise.resolve(2) },
      (d) => d,
      (text) => {
        seen.push(text);
        return text;
      },
    );
    expect(await unwrap(json)).to.equal('{"a":null,"b":["x",null],"c":2}');
    expect(seen).to.deep.equal(['{"a":null,"b":["x",null],"c":2}']);
  });
});
