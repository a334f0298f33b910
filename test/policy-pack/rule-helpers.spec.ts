// The helpers the rules share: reading policy documents, values unknown in preview, relating
// resources, and the TLS and public-principal checks of resource policies.
import { expect } from "chai";
import {
  actionMatches,
  conditionKeys,
  conditionValues,
  documentsOf,
  isPublicPrincipal,
  NormalizedStatement,
  statementsOf,
  UNKNOWN_RESOURCE,
} from "../../packages/policy-pack/src/rules/policy-documents";
import { bucketConfigs, relatedResources } from "../../packages/policy-pack/src/rules/relations";
import {
  deniesWithoutTls,
  hasTlsDeny,
  limitsCaller,
  publicAllowProblems,
} from "../../packages/policy-pack/src/rules/resource-policy-checks";
import { computedInput, forEachContained, knownString, tryRead, UNKNOWN } from "../../packages/policy-pack/src/rules/unknowns";
import { policyResource as res } from "./fake-args";

const { UnknownValueError } = require("@pulumi/policy/proxy") as { UnknownValueError: { prototype: Error } };
/** The error CrossGuard's proxy throws for a value unknown in preview (its constructor wants the proxy's sentinels). */
const unknownError = (): Error => Object.create(UnknownValueError.prototype) as Error;
const unknown = (): never => {
  throw unknownError();
};
/** Props whose `field` is unknown in preview, as CrossGuard's proxy reads it. */
const unknownAt = (field: string, rest: Record<string, unknown> = {}) =>
  Object.defineProperty({ ...rest }, field, { get: unknown, enumerable: true }) as Record<string, unknown>;
const stmt = (s: Partial<NormalizedStatement>): NormalizedStatement => ({
  Effect: "Allow",
  Action: [],
  NotAction: [],
  Resource: [],
  NotResource: [],
  ...s,
});

describe("policy pack helpers: policy documents", () => {
  it("normalizes a statement's fields to lists and keeps a non-empty condition", () => {
    expect(
      statementsOf({
        Statement: {
          Sid: "A",
          Action: "s3:GetObject",
          Resource: ["arn:aws:s3:::b/*"],
          Principal: { AWS: "111122223333", Service: ["x"] },
          Condition: { Bool: { a: "true" } },
        },
      }),
    ).to.deep.equal([
      {
        Sid: "A",
        Effect: "Allow",
        Action: ["s3:GetObject"],
        NotAction: [],
        Resource: ["arn:aws:s3:::b/*"],
        NotResource: [],
        Principal: { AWS: ["111122223333"], Service: ["x"] },
        NotPrincipal: undefined,
        Condition: { Bool: { a: "true" } },
      },
    ]);
  });

  it('drops an empty or non-object condition, keeps "*" principals and a null principal as none', () => {
    const [a, b, c] = statementsOf(
      JSON.stringify({
        Statement: [
          { Effect: "Deny", Principal: "*", NotResource: "x", Condition: {} },
          { NotPrincipal: { AWS: "*" }, Condition: "x" },
          { Principal: null, Resource: null },
        ],
      }),
    )!;
    expect([a.Effect, a.Principal, a.NotResource, a.Condition]).to.deep.equal(["Deny", "*", ["x"], undefined]);
    expect([b.NotPrincipal, b.Condition]).to.deep.equal([{ AWS: ["*"] }, undefined]);
    expect([c.Principal, c.Resource]).to.deep.equal([undefined, []]);
    expect(statementsOf({ Statement: [{ Principal: "111122223333" }] })![0].Principal).to.equal(undefined);
  });

  it("is not a policy: invalid JSON, a string, null or a number", () => {
    expect([statementsOf("{"), statementsOf(JSON.stringify("x")), statementsOf(null), statementsOf(5)]).to.deep.equal([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(statementsOf({})).to.deep.equal([]);
  });

  it("marks resources unknown in preview", () => {
    const s = { Effect: "Allow", Action: "s3:*" };
    Object.defineProperty(s, "Resource", { get: unknown, enumerable: true });
    Object.defineProperty(s, "NotResource", { get: unknown, enumerable: true });
    const [n] = statementsOf({ Statement: [s] })!;
    expect([n.Resource, n.NotResource]).to.deep.equal([[UNKNOWN_RESOURCE], [UNKNOWN_RESOURCE]]);
  });

  it("knows public principals", () => {
    expect(isPublicPrincipal(stmt({ Principal: "*" }))).to.equal(true);
    expect(isPublicPrincipal(stmt({ Principal: { AWS: ["111122223333", "*"] } }))).to.equal(true);
    expect(isPublicPrincipal(stmt({ NotPrincipal: { AWS: ["111122223333"] } }))).to.equal(true);
    expect(isPublicPrincipal(stmt({ Principal: { Service: ["*"] } }))).to.equal(false);
    expect(isPublicPrincipal(stmt({}))).to.equal(false);
  });

  it("reads condition keys and values in any case", () => {
    const s = stmt({ Condition: { StringEquals: { "AWS:SourceAccount": "1", "aws:SourceArn": ["a", "b"] }, Bool: null, Null: "x" } });
    expect(conditionKeys(s)).to.deep.equal(["aws:sourceaccount", "aws:sourcearn"]);
    expect(conditionValues(s, "StringEquals", "aws:sourcearn")).to.deep.equal(["a", "b"]);
    expect(conditionValues(s, "StringEquals", "aws:userid")).to.equal(undefined);
    expect(conditionValues(s, "Bool", "x")).to.equal(undefined);
    expect(conditionValues(s, "Null", "x")).to.equal(undefined);
    expect(conditionValues(s, "ArnLike", "x")).to.equal(undefined);
    expect(conditionKeys(stmt({}))).to.deep.equal([]);
  });

  it("matches IAM action patterns as IAM does", () => {
    const cases: [string, string, boolean][] = [
      ["s3:*", "s3:GetObject", true],
      ["S3:get*", "s3:GetObject", true],
      ["s3:Get?bject", "s3:GetObject", true],
      ["s3:Get?bject", "s3:GetObbject", false],
      ["s3:GetObject", "s3:GetObjectAcl", false],
      ["s3:Get.bject", "s3:GetObject", false],
      ["s3:(Get)Object", "s3:GetObject", false],
      ["*", "kms:Decrypt", true],
    ];
    for (const [pattern, action, expected] of cases) expect(actionMatches(pattern, action), `${pattern} ~ ${action}`).to.equal(expected);
  });

  it("finds every document of a role, and only the kinds each type holds", () => {
    const policy = JSON.stringify({ Statement: [] });
    expect(
      documentsOf("aws:iam/role:Role", { assumeRolePolicy: policy, inlinePolicies: [{ policy }, null, { name: "x" }], policy }).map((d) => [
        d.kind,
        d.field,
      ]),
    ).to.deep.equal([
      ["trust", "assumeRolePolicy"],
      ["identity", "inlinePolicies[0].policy"],
    ]);
    expect(documentsOf("aws:iam/role:Role", { inlinePolicies: "x" })).to.deep.equal([]);
    expect(
      documentsOf("aws:s3/bucketPolicy:BucketPolicy", { policy, assumeRolePolicy: policy }).map((d) => [d.kind, d.field]),
    ).to.deep.equal([["resource", "policy"]]);
    expect(documentsOf("aws:iam/policy:Policy", { policy }).map((d) => [d.kind, d.field])).to.deep.equal([["identity", "policy"]]);
    expect(documentsOf("aws:s3/bucket:Bucket", { policy })).to.deep.equal([]);
  });
});

describe("policy pack helpers: values unknown in preview", () => {
  it("reads a value, marks an unknown one, and lets other errors through", () => {
    expect(tryRead(() => 1)).to.equal(1);
    expect(tryRead(unknown)).to.equal(UNKNOWN);
    expect(() =>
      tryRead(() => {
        throw new TypeError("boom");
      }),
    ).to.throw(TypeError, "boom");
  });

  it("reads a known non-empty string only", () => {
    expect([
      knownString({ a: "x" }, "a"),
      knownString({ a: "" }, "a"),
      knownString({ a: 5 }, "a"),
      knownString(undefined, "a"),
    ]).to.deep.equal(["x", undefined, undefined, undefined]);
    expect(knownString(unknownAt("a"), "a")).to.equal(undefined);
  });

  it("runs every check before rethrowing the first unknown, and rethrows other errors at once", async () => {
    const seen: number[] = [];
    const first = unknownError();
    let thrown: unknown;
    await forEachContained([1, 2, 3], (i) => {
      seen.push(i);
      if (i === 1) throw first;
      if (i === 2) throw unknownError();
    }).catch((e) => (thrown = e));
    expect(seen).to.deep.equal([1, 2, 3]);
    expect(thrown).to.equal(first);
    let other: unknown;
    await forEachContained([1, 2], (i) => {
      seen.push(i);
      throw new RangeError("x");
    }).catch((e) => (other = e));
    expect(other).to.be.instanceOf(RangeError);
    expect(seen).to.deep.equal([1, 2, 3, 1]);
    await forEachContained([1], () => undefined);
  });

  it("tells a known, a given-but-unknown and an absent input apart", () => {
    const r = (props: Record<string, unknown>, deps: Record<string, unknown[]> = {}) =>
      ({ ...res("t", "n", props), propertyDependencies: deps }) as never;
    expect(computedInput(r({ policy: "p" }), "policy")).to.deep.equal({ state: "known", value: "p" });
    expect(computedInput(r({ policy: "" }), "policy")).to.deep.equal({ state: "absent" });
    expect(computedInput(r({ policy: null }), "policy")).to.deep.equal({ state: "absent" });
    expect(computedInput(r({}), "policy")).to.deep.equal({ state: "absent" });
    expect(computedInput(r(unknownAt("policy"), { policy: [res("x", "y", {})] }), "policy")).to.deep.equal({ state: "given" });
    expect(computedInput(r(unknownAt("policy"), { policy: [] }), "policy")).to.deep.equal({ state: "absent" });
    expect(computedInput({ ...res("t", "n", unknownAt("policy")), propertyDependencies: undefined } as never, "policy")).to.deep.equal({
      state: "absent",
    });
  });
});

describe("policy pack helpers: relations", () => {
  const bucket = res("aws:s3/bucket:Bucket", "b", { bucket: "b1", id: "b1-id", arn: "arn:aws:s3:::b1" });
  const T = "aws:s3/bucketVersioning:BucketVersioning";

  it("relates by property dependency, by name, id or ARN, and by dependency when the field is unknown", () => {
    const byDep = { ...res(T, "dep", { bucket: "other" }), propertyDependencies: { bucket: [bucket] } };
    const byName = res(T, "name", { bucket: "b1" });
    const byId = res(T, "id", { bucket: "b1-id" });
    const byArn = res(T, "arn", { bucket: "arn:aws:s3:::b1" });
    const unknownDep = { ...res(T, "unknown", unknownAt("bucket"), [res("x", "x", {}), bucket]), propertyDependencies: undefined } as never;
    const unknownOther = { ...res(T, "unknown-other", unknownAt("bucket"), [res("x", "x", {})]), propertyDependencies: undefined } as never;
    const unknownWithDeps = { ...res(T, "unknown-deps", unknownAt("bucket"), [bucket]), propertyDependencies: { bucket: [] } } as never;
    const otherType = res("aws:s3/bucketPolicy:BucketPolicy", "p", { bucket: "b1" });
    const notString = res(T, "n", { bucket: 5 });
    const names = relatedResources(
      [byDep, byName, byId, byArn, unknownDep, unknownOther, unknownWithDeps, otherType, notString],
      bucket,
      T,
      "bucket",
      ["bucket"],
    ).map((r) => r.name);
    expect(names).to.deep.equal(["dep", "name", "id", "arn", "unknown"]);
  });

  it("finds a bucket's configuration of the V2 type too", () => {
    const v1 = res(T, "v1", { bucket: "b1" });
    const v2 = res("aws:s3/bucketVersioningV2:BucketVersioningV2", "v2", { bucket: "b1" });
    expect(bucketConfigs([v1, v2], bucket, T).map((r) => r.name)).to.deep.equal(["v1", "v2"]);
  });
});

describe("policy pack helpers: resource policy checks", () => {
  const tlsDeny = (s: Partial<NormalizedStatement> = {}) =>
    stmt({
      Effect: "Deny",
      Principal: "*",
      Action: ["s3:*"],
      Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
      ...s,
    });

  it("knows a Deny of requests without TLS", () => {
    expect(deniesWithoutTls(tlsDeny())).to.equal(true);
    expect(deniesWithoutTls(tlsDeny({ Condition: { BoolIfExists: { "aws:securetransport": ["FALSE"] } } }))).to.equal(true);
    expect(deniesWithoutTls(tlsDeny({ Condition: { Bool: { "aws:SecureTransport": "true" } } }))).to.equal(false);
    expect(deniesWithoutTls(tlsDeny({ Condition: { Bool: { "aws:SecureTransport": ["true", "false"] } } }))).to.equal(true);
    expect(deniesWithoutTls(tlsDeny({ Effect: "Allow" }))).to.equal(false);
    expect(deniesWithoutTls(tlsDeny({ Principal: { AWS: ["111122223333"] } }))).to.equal(false);
    expect(deniesWithoutTls(tlsDeny({ Condition: undefined }))).to.equal(false);
  });

  it("needs every action denied on every resource", () => {
    expect(hasTlsDeny([tlsDeny()], ["s3:GetObject", "s3:PutObject"], ["arn:aws:s3:::b", "arn:aws:s3:::b/*"])).to.equal(true);
    expect(hasTlsDeny([tlsDeny({ Action: ["s3:GetObject"] })], ["s3:GetObject", "s3:PutObject"], [])).to.equal(false);
    expect(hasTlsDeny([tlsDeny({ Action: ["s3:GetObject"] }), tlsDeny()], ["s3:GetObject", "s3:PutObject"], [])).to.equal(true);
    expect(hasTlsDeny([tlsDeny({ Resource: ["arn:aws:s3:::b"] })], ["s3:*"], ["arn:aws:s3:::b", "arn:aws:s3:::b/*"])).to.equal(false);
    expect(hasTlsDeny([tlsDeny({ Action: ["s3:GetObject"] })], ["s3:GetObject", "s3:PutObject"], ["arn:aws:s3:::b"])).to.equal(false);
    expect(hasTlsDeny([tlsDeny({ Effect: "Allow" })], ["s3:*"], [])).to.equal(false);
  });

  it("knows conditions that limit the caller to an account, an organization or a source", () => {
    const limited = (Condition: Record<string, unknown>) => limitsCaller(stmt({ Condition }));
    expect(limited({ StringEquals: { "AWS:SourceAccount": "111122223333" } })).to.equal(true);
    expect(limited({ "ForAnyValue:StringLike": { "aws:PrincipalOrgPaths": ["o-1/*"] } })).to.equal(true);
    expect(limited({ StringNotEquals: { "aws:SourceAccount": "111122223333" } })).to.equal(false);
    expect(limited({ StringEquals: { "aws:SourceAccount": ["111122223333", "*"] } })).to.equal(false);
    expect(limited({ StringEquals: { "aws:SourceAccount": "**" } })).to.equal(false);
    expect(limited({ StringEquals: { "aws:SourceAccount": "" } })).to.equal(false);
    expect(limited({ StringEquals: { "aws:SourceAccount": [] } })).to.equal(false);
    expect(limited({ StringLike: { "aws:SourceArn": "arn:aws:*" } })).to.equal(true);
    expect(limited({ StringLike: { "aws:SourceArn": "*abc" } })).to.equal(true);
    expect(limited({ StringEquals: { "aws:RequestedRegion": "us-east-1", "aws:SourceAccount": "111122223333" } })).to.equal(true);
    expect(limited({ StringEquals: { "aws:RequestedRegion": "us-east-1" } })).to.equal(false);
    expect(limited({ StringEquals: null })).to.equal(false);
    expect(limited({ StringEquals: "aws:SourceAccount" })).to.equal(false);
    expect(limitsCaller(stmt({}))).to.equal(false);
  });

  it("names the public Allow statements", () => {
    expect(
      publicAllowProblems([
        stmt({ Principal: "*" }),
        stmt({ Sid: "Org", Principal: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-1" } } }),
        stmt({ Sid: "Region", Principal: "*", Condition: { StringEquals: { "aws:RequestedRegion": "us-east-1" } } }),
        stmt({ NotPrincipal: { AWS: ["111122223333"] } }),
        stmt({ Effect: "Deny", Principal: "*" }),
        stmt({ Principal: { AWS: ["111122223333"] } }),
      ]),
    ).to.deep.equal([
      'statement 1 allows the "*" principal without conditions',
      'statement "Region" allows the "*" principal with conditions that do not limit the caller (account, organization, source)',
      "statement 4 allows everyone but the `NotPrincipal` list without conditions",
    ]);
  });
});
