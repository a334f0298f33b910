import { expect } from "chai";
import { RecordedResource } from "../harness/mocks";
import { CDK_NAG_WAIVERS, NagWaiver } from "./cdk-nag-waivers";
import { NagFinding, runNag } from "./cfn/run-nag";
import { translate } from "./cfn/translate";
import { allStacks, EXAMPLES } from "./stacks";

const ACCOUNT_ARN = "arn:aws:iam::123456789012";

function matches(pattern: string | RegExp | undefined, value: string | undefined): boolean {
  if (pattern === undefined) return true;
  if (value === undefined) return false;
  return typeof pattern === "string" ? pattern === value : pattern.test(value);
}

function waives(w: NagWaiver, f: NagFinding): boolean {
  return w.ruleId === f.ruleId && matches(w.resource, f.logicalId) && matches(w.appliesTo, f.detail);
}

const show = (f: NagFinding) => `${f.ruleId}${f.detail ? `[${f.detail}]` : ""} on ${f.logicalId}: ${f.description}`;

/** A recorded resource as the mocks would record it (for the deliberately bad set). */
function fake(type: string, name: string, inputs: Record<string, any>, state: Record<string, any> = {}): RecordedResource {
  return {
    type,
    name,
    inputs,
    state: { ...inputs, ...state },
    id: state.id ?? name,
    custom: true,
    urn: `urn:pulumi:test::bad::${type}::${name}`,
    options: { retainOnDelete: false, protect: false, ignoreChanges: [], dependsOn: [] },
  };
}

/** Resources that break one AwsSolutions rule each, so an empty result cannot mean the rules saw nothing. */
function badResources(): RecordedResource[] {
  return [
    fake("aws:s3/bucket:Bucket", "bad-bucket", {}, { bucket: "bad-bucket", arn: "arn:aws:s3:::bad-bucket" }),
    // Folded into the bucket: S2 only judges a bucket whose block is set, and this one is partial.
    fake("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "bad-bucket-public-access", {
      bucket: "bad-bucket",
      blockPublicAcls: true,
    }),
    fake(
      "aws:iam/role:Role",
      "bad-role",
      {
        assumeRolePolicy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Principal: { Service: "codebuild.amazonaws.com" }, Action: "sts:AssumeRole" }],
        }),
      },
      { name: "bad-role", arn: `${ACCOUNT_ARN}:role/bad-role` },
    ),
    fake("aws:iam/rolePolicy:RolePolicy", "bad-role-policy", {
      role: "bad-role",
      policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }] }),
    }),
    fake(
      "aws:kms/key:Key",
      "bad-key",
      { enableKeyRotation: false },
      { keyId: "bad-key-id", arn: "arn:aws:kms:us-east-1:123456789012:key/bad-key-id" },
    ),
    fake(
      "aws:codebuild/project:Project",
      "bad-project",
      {
        name: "bad-project",
        serviceRole: `${ACCOUNT_ARN}:role/bad-role`,
        artifacts: { type: "NO_ARTIFACTS" },
        environment: {
          computeType: "BUILD_GENERAL1_SMALL",
          image: "example.org/custom:latest",
          type: "LINUX_CONTAINER",
          imagePullCredentialsType: "SERVICE_ROLE",
        },
        source: { type: "NO_SOURCE", buildspec: "version: 0.2" },
      },
      { arn: "arn:aws:codebuild:us-east-1:123456789012:project/bad-project" },
    ),
    fake("aws:elasticbeanstalk/environment:Environment", "bad-env", {
      application: "bad-app",
      name: "bad-env",
      tier: "WebServer",
      settings: [],
    }),
    fake("aws:sns/topic:Topic", "bad-topic", {}, { name: "bad-topic", arn: "arn:aws:sns:us-east-1:123456789012:bad-topic" }),
    fake(
      "aws:ec2/securityGroup:SecurityGroup",
      "bad-sg",
      {
        description: "open",
        vpcId: "vpc-1",
        ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }],
      },
      { id: "sg-bad" },
    ),
  ];
}

describe("cdk-nag AwsSolutions conformance", () => {
  const findings = new Map<string, NagFinding[]>();

  before(async function () {
    this.timeout(180_000);
    for (const stack of await allStacks()) findings.set(stack.name, runNag(stack.name, translate(stack.resources)));
  });

  describe("translation", () => {
    it("lets the rules see the resources: a deliberately bad set gets the expected findings", () => {
      const found = runNag("bad", translate(badResources())).map((f) => `${f.ruleId} ${f.logicalId}${f.detail ? ` ${f.detail}` : ""}`);
      expect(found).to.include.members([
        "AwsSolutions-S1 BadBucket",
        "AwsSolutions-S2 BadBucket",
        "AwsSolutions-S10 BadBucket",
        "AwsSolutions-IAM5 BadRole Action::s3:*",
        "AwsSolutions-IAM5 BadRole Resource::*",
        "AwsSolutions-KMS5 BadKey",
        "AwsSolutions-CB4 BadProject",
        "AwsSolutions-CB5 BadProject",
        "AwsSolutions-EB1 BadEnv",
        "AwsSolutions-EB3 BadEnv",
        "AwsSolutions-EB4 BadEnv",
        "AwsSolutions-SNS3 BadTopic",
        "AwsSolutions-EC23 BadSg",
      ]);
    });

    it("resolves references between resources (no rule failed to evaluate an intrinsic)", () => {
      const errors = [...findings.values()].flat().filter((f) => f.description.startsWith("Rule threw an error"));
      expect(errors.map(show)).to.deep.equal([]);
    });
  });

  describe("stacks", () => {
    for (const name of [...EXAMPLES.map((e) => `examples/${e}`), "component defaults"]) {
      it(`${name} has no finding that is not waived`, () => {
        const all = findings.get(name);
        expect(all, `stack ${name} was not judged`).to.not.equal(undefined);
        const open = (all ?? []).filter((f) => !CDK_NAG_WAIVERS.some((w) => waives(w, f)));
        expect(open.map(show)).to.deep.equal([]);
      });
    }
  });

  describe("waivers", () => {
    it("every waiver still matches a finding (no stale waiver)", () => {
      const all = [...findings.values()].flat();
      const stale = CDK_NAG_WAIVERS.filter((w) => !all.some((f) => waives(w, f)));
      expect(stale.map((w) => `${w.ruleId} ${String(w.resource)} ${String(w.appliesTo ?? "")}`)).to.deep.equal([]);
    });

    it("every IAM4/IAM5 waiver names the exact finding it covers", () => {
      const loose = CDK_NAG_WAIVERS.filter((w) => /-IAM[45]$/.test(w.ruleId) && w.appliesTo === undefined);
      expect(loose).to.deep.equal([]);
    });

    it("every waiver has a one-sentence reason", () => {
      const bad = CDK_NAG_WAIVERS.filter((w) => !/^[A-Z`].*[.)]$/.test(w.reason) || /\.\s+[A-Z]/.test(w.reason));
      expect(bad.map((w) => w.reason)).to.deep.equal([]);
    });
  });
});
