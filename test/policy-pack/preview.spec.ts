import { expect } from "chai";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { policies } from "../../packages/policy-pack/src/policies";
import { policyResource as res, resourceArgs, stackArgs } from "./fake-args";
import { ALL_RESOURCE_CASES, ALL_STACK_CASES } from "./rule-cases";

// @pulumi/policy's own proxy, the one its analyzer server wraps every resource's properties in.
const proxy = require("@pulumi/policy/proxy");
const U: string = proxy.unknownStringValue;

const STACK = "urn:pulumi:dev::app";

/** A resource of a new stack as the engine hands it to stack policies in preview. */
function previewResource(type: string, name: string, props: Record<string, unknown>): PolicyResource {
  const wrapped = proxy.unknownCheckingProxy(props);
  return {
    type,
    name,
    urn: `${STACK}::${type}::${name}`,
    props: wrapped,
    opts: {
      protect: false,
      ignoreChanges: [],
      aliases: [],
      customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
      additionalSecretOutputs: [],
    },
    dependencies: [],
    propertyDependencies: {},
    isType: () => false,
    asType: (() => undefined) as PolicyResource["asType"],
  };
}

/** Links `from.field` to `to` by property dependency (the value itself unknown). */
function dependsThrough(from: PolicyResource, field: string, to: PolicyResource): void {
  from.propertyDependencies[field] = [...(from.propertyDependencies[field] ?? []), to];
  from.dependencies.push(to);
}

/** Runs every rule as the analyzer server does: an unknown read becomes a "can't run" note for that call. */
async function preview(resources: PolicyResource[]): Promise<{ findings: string[]; notJudged: string[] }> {
  const findings: string[] = [];
  const notJudged: string[] = [];
  for (const rule of policies) {
    const v = (rule as ResourceValidationPolicy).validateResource;
    for (const r of resources) {
      for (const f of [v ?? []].flat()) {
        try {
          await f(resourceArgs(r.type, r.props, {}, r.name), (m) => findings.push(`${rule.name}: ${r.name}: ${m}`));
        } catch (e) {
          if (!(e instanceof proxy.UnknownValueError)) throw e;
          notJudged.push(`${rule.name}: ${r.name}`);
        }
      }
    }
    const s = (rule as StackValidationPolicy).validateStack;
    if (!s) continue;
    try {
      await s(stackArgs(resources), (m, urn) => findings.push(`${rule.name}: ${urn?.split("::").pop()}: ${m}`));
    } catch (e) {
      if (!(e instanceof proxy.UnknownValueError)) throw e;
      notJudged.push(`${rule.name}: (stack)`);
    }
  }
  return { findings: findings.sort(), notJudged: notJudged.sort() };
}

/** A new bucket named from a prefix, with its companions linked only by dependency; `pab` decides the public access block. */
function newBucket(name: string, pab: boolean): PolicyResource[] {
  const bucket = previewResource("aws:s3/bucket:Bucket", name, { bucketPrefix: `${name}-`, bucket: U, arn: U, id: U });
  const companions = [
    previewResource("aws:s3/bucketOwnershipControls:BucketOwnershipControls", `${name}-own`, {
      bucket: U,
      rule: { objectOwnership: "BucketOwnerEnforced" },
    }),
    previewResource("aws:s3/bucketVersioning:BucketVersioning", `${name}-ver`, {
      bucket: U,
      versioningConfiguration: { status: "Enabled" },
    }),
    ...(pab
      ? [
          previewResource("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", `${name}-pab`, {
            bucket: U,
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
          }),
        ]
      : []),
    // The policy embeds the new bucket's ARN: unknown in preview.
    previewResource("aws:s3/bucketPolicy:BucketPolicy", `${name}-policy`, { bucket: U, policy: U }),
  ];
  for (const c of companions) dependsThrough(c, "bucket", bucket);
  return [bucket, ...companions];
}

describe("policy pack: rules in a `pulumi preview` of a new stack (@pulumi/policy's unknown-checking proxy)", () => {
  it("reports a new bucket without a public access block although names and ARNs are unknown, and judges the others", async () => {
    const { findings } = await preview([...newBucket("open", false), ...newBucket("closed", true)]);
    expect(findings.filter((f) => f.startsWith("aws-cicd-s3-public-access-block"))).to.deep.equal([
      'aws-cicd-s3-public-access-block: open: Bucket "open" has no public access block.',
    ]);
    expect(findings.filter((f) => f.startsWith("aws-cicd-s3-acls-disabled") || f.startsWith("aws-cicd-s3-versioning"))).to.deep.equal([]);
  });

  it("contains the unknown bucket policy to its bucket: the TLS rule notes it once and still judges a bucket without policy", async () => {
    const bare = previewResource("aws:s3/bucket:Bucket", "bare", { bucketPrefix: "bare-", bucket: U, arn: U });
    const { findings, notJudged } = await preview([...newBucket("closed", true), bare]);
    expect(findings.filter((f) => f.startsWith("aws-cicd-s3-tls-only"))).to.deep.equal([
      'aws-cicd-s3-tls-only: bare: Bucket "bare" has no bucket policy denying requests without TLS on the bucket and its objects.',
    ]);
    expect(notJudged.filter((n) => n.startsWith("aws-cicd-s3-tls-only"))).to.deep.equal(["aws-cicd-s3-tls-only: (stack)"]);
  });

  it("relates a key policy by dependency and tells a policy set from outputs from AWS's default one", async () => {
    const given = previewResource("aws:kms/key:Key", "given", { enableKeyRotation: true, policy: U, arn: U, keyId: U });
    given.propertyDependencies.policy = [];
    const role = previewResource("aws:iam/role:Role", "role", { arn: U, assumeRolePolicy: U });
    given.propertyDependencies.policy = [role];
    const bare = previewResource("aws:kms/key:Key", "bare", { enableKeyRotation: true, policy: U, arn: U, keyId: U });
    const separate = previewResource("aws:kms/key:Key", "separate", { enableKeyRotation: true, policy: U, arn: U, keyId: U });
    const kp = previewResource("aws:kms/keyPolicy:KeyPolicy", "separate-policy", { keyId: U, policy: U });
    dependsThrough(kp, "keyId", separate);
    const { findings } = await preview([given, role, bare, separate, kp]);
    expect(findings.filter((f) => f.startsWith("aws-cicd-kms-key-policy-defined"))).to.deep.equal([
      'aws-cicd-kms-key-policy-defined: bare: KMS key "bare" has no key policy.',
    ]);
  });

  it("reports a new topic without a TLS-only policy, and accepts one whose policy is related by dependency", async () => {
    const bare = previewResource("aws:sns/topic:Topic", "bare", { arn: U, kmsMasterKeyId: "alias/aws/sns" });
    const guarded = previewResource("aws:sns/topic:Topic", "guarded", { arn: U, kmsMasterKeyId: "alias/aws/sns" });
    const tp = previewResource("aws:sns/topicPolicy:TopicPolicy", "guarded-policy", {
      arn: U,
      policy: {
        Statement: [
          { Effect: "Deny", Principal: "*", Action: "sns:Publish", Resource: U, Condition: { Bool: { "aws:SecureTransport": "false" } } },
        ],
      },
    });
    dependsThrough(tp, "arn", guarded);
    const { findings, notJudged } = await preview([bare, guarded, tp]);
    expect(findings.filter((f) => f.startsWith("aws-cicd-sns-tls-only"))).to.deep.equal([
      'aws-cicd-sns-tls-only: bare: SNS topic "bare" has no policy denying publishing without TLS.',
    ]);
    expect(notJudged.filter((n) => n.startsWith("aws-cicd-sns"))).to.deep.equal([]);
  });

  it("reads a topic's own policy: known it is judged, set from outputs it leaves that topic alone unjudged, left to AWS it is none", async () => {
    const tlsDeny = {
      Effect: "Deny",
      Principal: "*",
      Action: "sns:Publish",
      Resource: "*",
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    };
    const known = previewResource("aws:sns/topic:Topic", "known", { arn: U, policy: JSON.stringify({ Statement: [tlsDeny] }) });
    const knownOpen = previewResource("aws:sns/topic:Topic", "known-open", {
      arn: U,
      policy: { Statement: [{ ...tlsDeny, Effect: "Allow" }] },
    });
    const given = previewResource("aws:sns/topic:Topic", "given", { arn: U, policy: U });
    const role = previewResource("aws:iam/role:Role", "role", { arn: U, assumeRolePolicy: U });
    given.propertyDependencies.policy = [role];
    const left = previewResource("aws:sns/topic:Topic", "left", { arn: U, policy: U });
    const { findings, notJudged } = await preview([known, knownOpen, given, left]);
    expect(findings.filter((f) => f.startsWith("aws-cicd-sns-tls-only"))).to.deep.equal([
      'aws-cicd-sns-tls-only: known-open: SNS topic "known-open" has no policy denying publishing without TLS.',
      'aws-cicd-sns-tls-only: left: SNS topic "left" has no policy denying publishing without TLS.',
    ]);
    expect(notJudged.filter((n) => n.startsWith("aws-cicd-sns-tls-only"))).to.deep.equal(["aws-cicd-sns-tls-only: (stack)"]);
  });

  it("runs every rule over a new stack of every judged type without an error other than an unknown read", async () => {
    const shapes = [
      ...newBucket("b", true),
      previewResource("aws:kms/key:Key", "k", { enableKeyRotation: true, arn: U, keyId: U, policy: U }),
      previewResource("aws:codebuild/project:Project", "p", {
        arn: U,
        serviceRole: U,
        encryptionKey: U,
        environment: { image: "aws/codebuild/standard:7.0" },
      }),
      previewResource("aws:codepipeline/pipeline:Pipeline", "pl", {
        roleArn: U,
        artifactStores: [{ location: U, encryptionKey: { id: U, type: "KMS" } }],
        stages: [],
      }),
      previewResource("aws:iam/role:Role", "r", { arn: U, assumeRolePolicy: U }),
      previewResource("aws:iam/rolePolicy:RolePolicy", "rp", { role: U, policy: U }),
      previewResource("aws:cloudwatch/logGroup:LogGroup", "lg", { arn: U, retentionInDays: 365, kmsKeyId: U }),
      previewResource("aws:elasticbeanstalk/environment:Environment", "env", { application: U, settings: U }),
      previewResource("aws:ec2/launchTemplate:LaunchTemplate", "lt", { metadataOptions: { httpTokens: "required" }, userData: U }),
      previewResource("aws:codecommit/repository:Repository", "repo", { repositoryName: "app", kmsKeyId: U, arn: U }),
    ];
    const { notJudged } = await preview(shapes);
    // Unknown reads stay per resource: no rule is skipped for a resource it could judge from known values.
    expect(notJudged).to.not.include("aws-cicd-s3-public-access-block: (stack)");
    expect(notJudged).to.not.include("aws-cicd-codecommit-approval-rule: (stack)");
    for (const n of notJudged) expect(n, n).to.match(/: (b-policy|k|p|pl|r|rp|lg|env|lt|repo|\(stack\))$/);
  });
});

/** Fields by which resources name each other; in a new stack they are computed, so unknown in preview. */
const IDENTITY_FIELDS = ["bucket", "arn", "id", "keyId"];

/**
 * The same resources as a new stack in preview: every reference to another resource's name, ARN or
 * id becomes unknown and is carried by a property dependency instead; every identity is unknown.
 */
function asNewStack(resources: PolicyResource[]): PolicyResource[] {
  const identityOf = new Map<string, PolicyResource>();
  for (const r of resources) {
    for (const f of IDENTITY_FIELDS) {
      const v = r.props[f];
      // The first resource holding a value owns it (targets come before the resources that name them).
      if (typeof v === "string" && !identityOf.has(v) && (f !== "bucket" || r.type.startsWith("aws:s3/bucket:"))) identityOf.set(v, r);
    }
  }
  const out = resources.map((r) => {
    const props: Record<string, unknown> = { ...r.props };
    const deps: Record<string, PolicyResource[]> = {};
    for (const [field, v] of Object.entries(r.props)) {
      const target = typeof v === "string" ? identityOf.get(v) : undefined;
      if (target && target !== r) {
        props[field] = U;
        deps[field] = [target];
      }
    }
    for (const f of IDENTITY_FIELDS) if (identityOf.get(r.props[f]) === r) props[f] = U;
    return { resource: previewResource(r.type, r.name, props), deps };
  });
  const previewOf = new Map(out.map((o, i) => [resources[i], o.resource]));
  for (const o of out) {
    for (const [field, targets] of Object.entries(o.deps)) {
      for (const t of targets) dependsThrough(o.resource, field, previewOf.get(t)!);
    }
  }
  return out.map((o) => o.resource);
}

async function stackFindings(resources: PolicyResource[], ruleName: string, config: object = {}) {
  const rule = policies.find((p) => p.name === ruleName)!;
  const out: string[] = [];
  await (rule as StackValidationPolicy).validateStack(stackArgs(resources, config), (m, urn) =>
    out.push(`${urn?.split("::").pop()}: ${m}`),
  );
  return out;
}

async function resourceFindings(ruleName: string, type: string, props: Record<string, unknown>, config: object = {}) {
  const rule = policies.find((p) => p.name === ruleName)!;
  const out: string[] = [];
  for (const f of [(rule as ResourceValidationPolicy).validateResource ?? []].flat())
    await f(resourceArgs(type, proxy.unknownCheckingProxy(props), config), (m) => out.push(m));
  return out;
}

/** Rules whose every resource is a finding, tested directly in new-rules.spec. */
const WITHOUT_COMPLIANT_CASE = ["aws-cicd-iam-no-long-lived-credentials"];

// The case tables the rule specs describe, driven again through the proxy. They come from the data
// modules (test/policy-pack/rule-cases), not the specs, so no rule spec's test runs here too.
describe("policy pack: every rule's cases, driven through the unknown-checking proxy as a new stack", () => {
  it("has a compliant and a non-compliant case for every rule", () => {
    const covered = new Set([...ALL_RESOURCE_CASES, ...ALL_STACK_CASES].map((c) => c.rule.name));
    expect(policies.map((p) => p.name).filter((n) => !covered.has(n) && !WITHOUT_COMPLIANT_CASE.includes(n))).to.deep.equal([]);
  });

  it("drives every case table that a data module in rule-cases exports", () => {
    const all = new Set<object>([...ALL_RESOURCE_CASES, ...ALL_STACK_CASES]);
    const dir = join(__dirname, "rule-cases");
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "index.ts")) {
      for (const [name, value] of Object.entries(require(join(dir, file)) as Record<string, unknown>)) {
        if (Array.isArray(value)) for (const c of value) expect(all.has(c), `${file}: ${name}`).to.equal(true);
      }
    }
  });

  it("turns names and ARNs into unknowns related by property dependency", () => {
    const bucket = res("aws:s3/bucket:Bucket", "b", { bucket: "b1", arn: "arn:aws:s3:::b1" });
    const pab = res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "pab", { bucket: "b1", blockPublicAcls: true });
    const [b, p] = asNewStack([bucket, pab]);
    expect(() => b.props.arn).to.throw("can't be known during preview");
    expect(() => p.props.bucket).to.throw("can't be known during preview");
    expect(p.props.blockPublicAcls).to.equal(true);
    expect(p.propertyDependencies.bucket).to.deep.equal([b]);
  });

  for (const c of ALL_STACK_CASES) {
    it(`${c.rule.name}: same findings with unknown names and ARNs, companions related by dependency`, async () => {
      expect(await stackFindings(asNewStack(c.compliant), c.rule.name, c.config)).to.deep.equal([]);
      expect(await stackFindings(asNewStack(c.noncompliant), c.rule.name, c.config)).to.deep.equal(c.messages);
    });
  }
  for (const c of ALL_RESOURCE_CASES) {
    it(`${c.rule.name} (${c.type}): same findings through the proxy`, async () => {
      expect(await resourceFindings(c.rule.name, c.type, c.compliant, c.config)).to.deep.equal([]);
      expect(await resourceFindings(c.rule.name, c.type, c.noncompliant, c.config)).to.deep.equal(c.messages);
    });
  }
  it("aws-cicd-iam-no-long-lived-credentials: judged through the proxy", async () => {
    expect(await resourceFindings("aws-cicd-iam-no-long-lived-credentials", "aws:iam/user:User", { name: "ci", arn: U })).to.deep.equal([
      "IAM user: CI/CD needs roles, not users with long-lived credentials.",
    ]);
  });
});

describe("policy pack: source ARNs of resources created in the same run (unknown in preview) count as set", () => {
  it("aws-cicd-lambda-permission-source: a service principal limited to a new rule's ARN is judged, no finding", async () => {
    const props = { action: "lambda:InvokeFunction", function: U, principal: "events.amazonaws.com", sourceArn: U };
    expect(await resourceFindings("aws-cicd-lambda-permission-source", "aws:lambda/permission:Permission", props)).to.deep.equal([]);
  });

  it("aws-cicd-ecr-customer-key: encryption configurations built from outputs leave the repository unjudged, no finding", async () => {
    const props = { name: "app", encryptionConfigurations: U };
    expect(await resourceFindings("aws-cicd-ecr-customer-key", "aws:ecr/repository:Repository", props)).to.deep.equal([]);
  });
});

describe("policy pack: keys created in the same run (unknown ARNs) count as customer managed keys in preview", () => {
  const cases: [string, string, Record<string, unknown>, object?][] = [
    ["aws-cicd-codebuild-customer-key", "aws:codebuild/project:Project", { encryptionKey: U }],
    ["aws-cicd-logs-kms", "aws:cloudwatch/logGroup:LogGroup", { kmsKeyId: U }],
    ["aws-cicd-codecommit-kms-key", "aws:codecommit/repository:Repository", { kmsKeyId: U }],
    [
      "aws-cicd-codepipeline-artifact-store-key",
      "aws:codepipeline/pipeline:Pipeline",
      { artifactStores: [{ encryptionKey: { id: U, type: "KMS" } }] },
    ],
    ["aws-cicd-sns-kms", "aws:sns/topic:Topic", { kmsMasterKeyId: U }, { requireCustomerManagedKeys: true }],
    ["aws-cicd-ecr-customer-key", "aws:ecr/repository:Repository", { encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: U }] }],
    [
      "aws-cicd-codebuild-report-export-encrypted",
      "aws:codebuild/reportGroup:ReportGroup",
      { exportConfig: { type: "S3", s3Destination: { encryptionKey: U } } },
      { requireCustomerManagedKeys: true },
    ],
  ];
  for (const [name, type, props, config] of cases) {
    it(`${name}: judged, no finding`, async () => {
      expect(await resourceFindings(name, type, props, config)).to.deep.equal([]);
    });
  }
  it("aws-cicd-s3-encryption-customer-key: a new bucket encrypted with a new key", async () => {
    const bucket = previewResource("aws:s3/bucket:Bucket", "b", { bucket: U, arn: U });
    const sse = previewResource("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "sse", {
      bucket: U,
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: U } }],
    });
    dependsThrough(sse, "bucket", bucket);
    expect(await stackFindings([bucket, sse], "aws-cicd-s3-encryption-customer-key")).to.deep.equal([]);
    expect(await stackFindings([bucket], "aws-cicd-s3-encryption-customer-key")).to.deep.equal([
      'b: Bucket "b" has no default encryption with a customer managed KMS key.',
    ]);
  });
});
