import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { ServiceFleet } from "../../packages/aws-cicd/src";
import { fleetReaderRolePaths, fleetRolePath, planFleet } from "../../packages/aws-cicd/src/platform/fleet-plan";
import {
  encryptionKeyPolicy,
  KMS_DEFAULT_VIA_SERVICES,
  policyDocument,
  POLICY_SIZE_LIMITS,
  policySize,
  PolicySizeKind,
  PolicyStatement,
  secureBucketPolicy,
  secureTopicPolicy,
  SNS_PUBLISHER_SERVICES,
} from "../../packages/aws-cicd/src/security";
import { roleArnAtPath } from "../../packages/aws-cicd/src/security/role-path";
import { recorded, resetRecorded, settle, unwrap } from "../harness";
import { generatedServicesFile, prodAccountId, TOOLS_ACCOUNT } from "./generated-fleet";

/*
 * The limits asserted (POLICY_SIZE_LIMITS), as AWS documents them:
 * - S3 bucket policy, 20 KB: https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-iam-policies.html
 * - KMS key policy, 32 KB: https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html
 * - SNS topic policy, 30 KB: https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-language-api-permissions-reference.html
 * - IAM: a role's inline policies together 10,240 characters, a managed policy 6,144, a trust policy
 *   2,048 (whitespace not counted): https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 */

const BUCKET_ARN = "arn:aws:s3:::platform-artifacts-bucket-0123456789abcdef";
const KEY_ARN = `arn:aws:kms:us-east-1:${TOOLS_ACCOUNT}:key/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9`;
const CTX = {
  accountId: pulumi.output(TOOLS_ACCOUNT),
  partition: pulumi.output("aws"),
  region: pulumi.output("us-east-1"),
  dnsSuffix: pulumi.output("amazonaws.com"),
};

const sizeOf = async (kind: PolicySizeKind, statements: PolicyStatement[]) => policySize(kind, await unwrap(policyDocument(statements)));

/** The shared documents of a fleet of `services` services over `prodAccounts` prod accounts, from the builders ServiceFleet uses. */
async function sharedSizes(services: number, prodAccounts: number) {
  const plan = planFleet("platform", { services: generatedServicesFile(services, prodAccounts) }, "us-east-1");
  const readers = fleetReaderRolePaths("platform", plan);
  return {
    readers,
    bucket: await sizeOf("bucketPolicy", secureBucketPolicy(BUCKET_ARN, KEY_ARN, [], [], [], readers)),
    key: await sizeOf("keyPolicy", encryptionKeyPolicy(CTX, KMS_DEFAULT_VIA_SERVICES, { readerRolePaths: readers })),
    topic: await sizeOf(
      "topicPolicy",
      secureTopicPolicy(
        `arn:aws:sns:us-east-1:${TOOLS_ACCOUNT}:platform-payments-topic-0123456`,
        `arn:aws:iam::${TOOLS_ACCOUNT}:root`,
        TOOLS_ACCOUNT,
        [...SNS_PUBLISHER_SERVICES],
      ),
    ),
  };
}

describe("ServiceFleet policy sizes", () => {
  it("keeps the shared bucket, key and team topic policies the same size from 3 to 200 services, under their limits", async () => {
    const small = await sharedSizes(3, 2);
    const large = await sharedSizes(200, 2);
    // One grant per prod account, however many services deploy there.
    const path = fleetRolePath("platform");
    expect(large.readers).to.deep.equal([
      { accountId: prodAccountId(0), path },
      { accountId: prodAccountId(1), path },
    ]);
    expect([large.bucket, large.key, large.topic]).to.deep.equal([small.bucket, small.key, small.topic]);
    expect(large.bucket).to.be.below(POLICY_SIZE_LIMITS.bucketPolicy);
    expect(large.key).to.be.below(POLICY_SIZE_LIMITS.keyPolicy);
    expect(large.topic).to.be.below(POLICY_SIZE_LIMITS.topicPolicy);
    // Each further prod account adds one principal and one pattern: 20 accounts still fit.
    const many = await sharedSizes(200, 20);
    expect([many.bucket < POLICY_SIZE_LIMITS.bucketPolicy, many.key < POLICY_SIZE_LIMITS.keyPolicy]).to.deep.equal([true, true]);
  });

  it("would put the bucket policy over S3's 20 KB with every reader named by ARN (the design it replaces)", async () => {
    const plan = planFleet("platform", { services: generatedServicesFile(200, 2) }, "us-east-1");
    const arns = plan.services.flatMap((s) =>
      s.environments
        .filter((e) => e.account.bootstrapRoleArn !== undefined)
        .flatMap((e) => {
          const role = (suffix: string) =>
            roleArnAtPath("aws", e.account.id, "/", `aws-cicd-test-test-platform-${s.name}-${e.name}-${suffix}`);
          return e.ec2Fleet ? [role("deploy"), role("instance-role")] : [role("deploy")];
        }),
    );
    // 134 services deploy prod to another account; the 67 EC2 fleets among them add their instance roles.
    expect(arns).to.have.length(201);
    expect(await sizeOf("bucketPolicy", secureBucketPolicy(BUCKET_ARN, KEY_ARN, arns))).to.be.above(POLICY_SIZE_LIMITS.bucketPolicy);
  });

  describe("the documents of one service (they grow with its environments, not with the fleet)", () => {
    let graph: typeof recorded = [];
    before(async function () {
      this.timeout(120_000);
      resetRecorded();
      new ServiceFleet("platform", { services: generatedServicesFile(3, 1) });
      await settle();
      graph = [...recorded]; // the harness empties the record before each test
    });

    const docs = (type: string) => graph.filter((r) => r.type === type);

    it("keeps every role's inline policies, every managed policy and every trust policy under IAM's limits", () => {
      const inline = new Map<string, number>();
      for (const p of docs("aws:iam/rolePolicy:RolePolicy"))
        inline.set(p.inputs.role, (inline.get(p.inputs.role) ?? 0) + policySize("roleInlinePolicies", p.inputs.policy));
      expect(inline.size).to.be.greaterThan(10);
      const largest = (m: number[]) => Math.max(...m);
      expect(largest([...inline.values()])).to.be.below(POLICY_SIZE_LIMITS.roleInlinePolicies);
      const managed = docs("aws:iam/policy:Policy").map((p) => policySize("managedPolicy", p.inputs.policy));
      expect(managed.length).to.be.greaterThan(0);
      expect(largest(managed)).to.be.below(POLICY_SIZE_LIMITS.managedPolicy);
      const trust = docs("aws:iam/role:Role").map((r) => policySize("trustPolicy", r.inputs.assumeRolePolicy));
      expect(largest(trust)).to.be.below(POLICY_SIZE_LIMITS.trustPolicy);
    });

    it("synthesizes the shared documents the builders computed: one path grant for the prod account", () => {
      const bucket = docs("aws:s3/bucketPolicy:BucketPolicy").find((p) => p.name === "platform-artifacts-policy")!;
      const patterns = JSON.parse(bucket.inputs.policy)
        .Statement.filter((s: any) => s.Condition?.ArnLike)
        .map((s: any) => s.Condition.ArnLike["aws:PrincipalArn"]);
      const pattern = [`arn:aws:iam::${prodAccountId(0)}:role${fleetRolePath("platform")}*`];
      expect(patterns).to.deep.equal([pattern, pattern]);
    });
  });
});
