import { expect } from "chai";
import { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { policies, strictPolicyConfig } from "../../packages/policy-pack/src/policies";
import { policyResource as res, resourceArgs, stackArgs } from "./fake-args";
import { ALL_RESOURCE_CASES, ALL_STACK_CASES } from "./rule-cases";

type Tier = "default" | "strict";

/** Findings `rule: resource: message` at the level the engine would give them in `tier`, as CrossGuard applies config. */
async function findings(resources: PolicyResource[], tier: Tier, level: "mandatory" | "advisory"): Promise<string[]> {
  const config = tier === "strict" ? strictPolicyConfig() : {};
  const out: string[] = [];
  for (const rule of policies) {
    const { enforcementLevel, ...ruleConfig } = (config[rule.name] ?? {}) as Record<string, unknown>;
    const effective = (enforcementLevel as string | undefined) ?? rule.enforcementLevel;
    if (effective !== level) continue;
    const v = (rule as ResourceValidationPolicy).validateResource;
    for (const r of resources)
      for (const f of [v ?? []].flat())
        await f(resourceArgs(r.type, r.props, ruleConfig, r.name), (m) => out.push(`${rule.name}: ${r.name}: ${m}`));
    const s = (rule as StackValidationPolicy).validateStack;
    if (s) await s(stackArgs(resources, ruleConfig), (m, urn) => out.push(`${rule.name}: ${urn?.split("::").pop()}: ${m}`));
  }
  return out.sort();
}

const ARN = "arn:aws:s3:::careful";
const tls = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: ARN, Condition: { Bool: { "aws:SecureTransport": "false" } } },
    {
      Effect: "Deny",
      Principal: { AWS: "*" },
      Action: "s3:*",
      Resource: `${ARN}/*`,
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
  ],
});
const bucket = res("aws:s3/bucket:Bucket", "bucket", { bucket: "careful", arn: ARN });
const sub = (type: string, name: string, props: Record<string, unknown>) => res(type, name, { bucket: "careful", ...props });

/** Plain resources a careful user writes, at AWS's baseline. */
const CAREFUL: PolicyResource[] = [
  res("aws:kms/key:Key", "key", { enableKeyRotation: true }),
  bucket,
  sub("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "sse", {
    rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
  }),
  sub("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "pab", {
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  }),
  sub("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "own", { rule: { objectOwnership: "BucketOwnerEnforced" } }),
  sub("aws:s3/bucketVersioning:BucketVersioning", "ver", { versioningConfiguration: { status: "Enabled" } }),
  sub("aws:s3/bucketPolicy:BucketPolicy", "tls", { policy: tls }),
  res("aws:cloudwatch/logGroup:LogGroup", "logs", { retentionInDays: 90 }),
  res("aws:codebuild/project:Project", "build", {
    environment: { image: "aws/codebuild/standard:7.0", computeType: "BUILD_GENERAL1_SMALL", type: "LINUX_CONTAINER" },
    logsConfig: { cloudwatchLogs: { groupName: "logs" } },
  }),
];

const STRICT_FINDINGS = [
  "aws-cicd-codebuild-customer-key: build: CodeBuild project has no `encryptionKey`; it falls back to the AWS managed key alias/aws/s3.",
  'aws-cicd-kms-key-policy-defined: key: KMS key "key" has no key policy.',
  "aws-cicd-logs-kms: logs: Log group has no `kmsKeyId`.",
  "aws-cicd-logs-retention: logs: Log group `retentionInDays` is 90, below the minimum of 365.",
  'aws-cicd-s3-access-logging: bucket: Bucket "bucket" has no server access logging.',
  'aws-cicd-s3-encryption-customer-key: bucket: Bucket "bucket" has no default encryption with a customer managed KMS key.',
  'aws-cicd-s3-lifecycle: bucket: Bucket "bucket" has no enabled lifecycle rule.',
];

describe("policy pack: default and strict tiers", () => {
  it("gives the careful user's plain resources no mandatory finding in the default tier", async () => {
    expect(await findings(CAREFUL, "default", "mandatory")).to.deep.equal([]);
  });
  it("reports the stricter findings as advisory in the default tier", async () => {
    expect(await findings(CAREFUL, "default", "advisory")).to.deep.equal(STRICT_FINDINGS);
  });
  it("makes them mandatory in the strict tier", async () => {
    expect(await findings(CAREFUL, "strict", "mandatory")).to.deep.equal(STRICT_FINDINGS);
    expect(await findings(CAREFUL, "strict", "advisory")).to.deep.equal([]);
  });

  it("accepts AWS's recommended key-administration statement in the default tier, not in the strict one", async () => {
    const key = res("aws:kms/key:Key", "admin", {
      enableKeyRotation: true,
      policy: JSON.stringify({
        Statement: [
          { Sid: "Admin", Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" },
        ],
      }),
    });
    expect(await findings([key], "default", "mandatory")).to.deep.equal([]);
    expect(await findings([key], "strict", "mandatory")).to.deep.equal([
      'aws-cicd-iam-exact-actions: admin: `policy` statement "Admin" allows the wildcard action "kms:*".',
      'aws-cicd-policy-no-whole-account: admin: Key policy statement "Admin" allows the whole account "arn:aws:iam::111122223333:root"; name the roles.',
    ]);
  });

  it("opens ports 80 and 443 to the world in the default tier only (allowedIngressPorts)", async () => {
    const sg = res("aws:ec2/securityGroup:SecurityGroup", "lb", {
      ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }],
    });
    const ssh = res("aws:ec2/securityGroup:SecurityGroup", "ssh", {
      ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }],
    });
    expect(await findings([sg, ssh], "default", "mandatory")).to.deep.equal([
      "aws-cicd-ec2-no-open-ingress: ssh: Security group allows ingress from 0.0.0.0/0 on ports 22-22.",
    ]);
    expect(await findings([sg], "strict", "mandatory")).to.deep.equal([
      "aws-cicd-ec2-no-open-ingress: lb: Security group allows ingress from 0.0.0.0/0 on ports 443-443.",
    ]);
  });

  it("requires customer managed keys on report exports and topics in the strict tier only", async () => {
    const rg = res("aws:codebuild/reportGroup:ReportGroup", "rg", { exportConfig: { type: "S3", s3Destination: { bucket: "b" } } });
    const topic = res("aws:sns/topic:Topic", "t", { kmsMasterKeyId: "alias/aws/sns" });
    expect((await findings([rg, topic], "default", "mandatory")).concat(await findings([rg, topic], "default", "advisory"))).to.deep.equal([
      'aws-cicd-sns-tls-only: t: SNS topic "t" has no policy denying publishing without TLS.',
    ]);
    expect(await findings([rg, topic], "strict", "mandatory")).to.deep.equal([
      "aws-cicd-codebuild-report-export-encrypted: rg: Report group export has no customer managed `encryptionKey`.",
      "aws-cicd-sns-kms: t: SNS topic uses the AWS managed key alias/aws/sns; use a customer managed key.",
      'aws-cicd-sns-tls-only: t: SNS topic "t" has no policy denying publishing without TLS.',
    ]);
  });
});

// Every rule the rule specs' case tables cover, at the level each tier gives it. The tables come from
// the data modules (test/policy-pack/rule-cases), not the specs, so no rule spec's test runs here too.
describe("policy pack: each rule's level in the default and the strict tier", () => {
  const expected = { baseline: ["mandatory", "mandatory"], strict: ["advisory", "mandatory"], review: ["advisory", "advisory"] } as const;
  const strict = strictPolicyConfig();
  const seen = new Set<string>();
  for (const c of [...ALL_RESOURCE_CASES, ...ALL_STACK_CASES]) {
    if (seen.has(c.rule.name)) continue;
    seen.add(c.rule.name);
    const [byDefault, inStrict] = expected[c.rule.metadata.tier];
    it(`${c.rule.name} (${c.rule.metadata.tier}): ${byDefault} by default, ${inStrict} in the strict tier`, () => {
      expect(c.rule.enforcementLevel).to.equal(byDefault);
      expect(strict[c.rule.name]?.enforcementLevel ?? c.rule.enforcementLevel).to.equal(inStrict);
    });
  }
});
