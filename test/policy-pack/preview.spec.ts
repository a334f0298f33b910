import { expect } from "chai";
import { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { policies } from "../../packages/policy-pack/src/policies";
import { resourceArgs, stackArgs } from "./fake-args";

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
