// Issue 9, item 3: a BuildProject shared by many pipelines, each with the artifact store it creates,
// stays under IAM's 10,240 characters of inline policy however many they are: each store's bucket
// and key policies name the project's role, which holds no statement per store. AWS's policy
// evaluation (@cloud-copilot/iam-simulate) shows that the role reaches every store all the same.
import { expect } from "chai";
import { BuildProject } from "../../packages/aws-cicd/src/codebuild";
import { Pipeline } from "../../packages/aws-cicd/src/pipeline";
import { POLICY_SIZE_LIMITS, policySize } from "../../packages/aws-cicd/src/security";
import { findResource, recorded, RecordedResource, resourcesOfType, settle, statementsOf, unwrap } from "../harness";
import { keyThrough, putArtifact, readArtifacts } from "../conformance/simulate/requests";
import { decide, RoleRequest } from "../conformance/simulate/simulate";
import { StackPolicies, withoutStatement } from "../conformance/simulate/stack-policies";
import { source } from "./fixtures";

const VIA_S3 = { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } };

/**
 * `count` pipelines, each creating its bucket and key, all running the one project `fleet`, and a
 * pipeline `other` running another project.
 */
async function fleet(count: number): Promise<{ project: BuildProject; roleArn: string }> {
  const project = new BuildProject("fleet", {});
  const solo = new BuildProject("solo", {});
  const other = new Pipeline("other", {
    stages: [
      { name: "Source", actions: [source()] },
      { name: "Build", actions: [solo.buildAction()] },
    ],
  });
  const pipelines = Array.from(
    { length: count },
    (_, i) =>
      new Pipeline(`svc-${i}`, {
        stages: [
          { name: "Source", actions: [source()] },
          { name: "Build", actions: [project.buildAction(), project.buildAction({ name: "Test", type: "Test" })] },
        ],
      }),
  );
  for (const p of [...pipelines, other]) await unwrap(p.consoleUrl);
  await settle();
  return { project, roleArn: await unwrap(project.roleArn) };
}

const bucketPolicyOf = (i: number) => findResource("aws:s3/bucketPolicy:BucketPolicy", `svc-${i}-artifacts-policy`);
const keyOf = (i: number) => findResource("aws:kms/key:Key", `svc-${i}-key-key`);
const bucketOf = (i: number) => `svc-${i}-artifacts-bucket`;

/** The requests a build makes on store `i`: artifacts read and written under the store's key, the bucket checked, the key through S3. */
function buildRequests(i: number): RoleRequest[] {
  const key = keyOf(i).state.arn as string;
  return [
    ...readArtifacts(bucketOf(i)),
    putArtifact(bucketOf(i), key, `output artifacts of svc-${i} with TLS and its key`),
    ...["s3:GetBucketAcl", "s3:GetBucketLocation"].map((action) => ({
      action,
      resource: `arn:aws:s3:::${bucketOf(i)}`,
      what: `bucket of svc-${i}`,
    })),
    ...keyThrough(key, "s3"),
  ];
}

for (const count of [25, 40]) {
  describe(`Pipeline: one BuildProject shared by ${count} pipelines, each with its own artifact store`, function () {
    this.timeout(600_000);
    let roleArn: string;
    let resources: RecordedResource[];
    before(async function () {
      recorded.length = 0;
      roleArn = (await fleet(count)).roleArn;
      resources = [...recorded];
    });
    // The harness forgets recorded resources before each test: give every test this fleet's.
    beforeEach(() => recorded.push(...resources));

    it("leaves the project's role with its own inline policy only, far under 10,240 characters", () => {
      const inline = resourcesOfType("aws:iam/rolePolicy:RolePolicy").filter((p) => p.inputs.role === "fleet-role");
      expect(inline.map((p) => p.name)).to.deep.equal(["fleet-policy"]);
      const attached = resourcesOfType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").filter((a) => a.inputs.role === "fleet-role");
      expect(attached).to.deep.equal([]);
      expect(policySize("roleInlinePolicies", inline[0].inputs.policy)).to.be.lessThan(POLICY_SIZE_LIMITS.roleInlinePolicies / 10);
    });

    it("names the project's role in each store's bucket policy: objects read and written, the bucket checked", () => {
      for (let i = 0; i < count; i++) {
        const bucket = `arn:aws:s3:::${bucketOf(i)}`;
        const granted = statementsOf(bucketPolicyOf(i).inputs.policy).filter((s) => s.Effect === "Allow");
        expect(granted, `svc-${i}`).to.deep.equal([
          {
            Sid: "CodeBuildRolesGetObjects",
            Effect: "Allow",
            Principal: { AWS: [roleArn] },
            Action: ["s3:GetObject", "s3:GetObjectVersion"],
            Resource: [`${bucket}/*`],
          },
          {
            Sid: "CodeBuildRolesCheckBucket",
            Effect: "Allow",
            Principal: { AWS: [roleArn] },
            Action: ["s3:GetBucketAcl", "s3:GetBucketLocation"],
            Resource: [bucket],
          },
          { Sid: "WritersPutObjects", Effect: "Allow", Principal: { AWS: [roleArn] }, Action: ["s3:PutObject"], Resource: [`${bucket}/*`] },
        ]);
        expect(policySize("bucketPolicy", bucketPolicyOf(i).inputs.policy)).to.be.lessThan(POLICY_SIZE_LIMITS.bucketPolicy / 5);
      }
    });

    it("names the project's role in each store's key policy: decrypt and encrypt through S3 only", () => {
      for (let i = 0; i < count; i++) {
        const statements = statementsOf(keyOf(i).inputs.policy);
        expect(
          statements.filter((s) => s.Sid?.startsWith("NamedRoles")),
          `svc-${i}`,
        ).to.deep.equal([
          {
            Sid: "NamedRolesEncryptThroughS3",
            Effect: "Allow",
            Principal: { AWS: [roleArn] },
            Action: ["kms:Decrypt", "kms:GenerateDataKey"],
            Resource: ["*"],
            Condition: VIA_S3,
          },
        ]);
        expect(policySize("keyPolicy", keyOf(i).inputs.policy)).to.be.lessThan(POLICY_SIZE_LIMITS.keyPolicy / 5);
      }
    });

    it("lets the project's role read and write the artifacts of every store, and use every key through S3 (simulated)", async () => {
      const stack = new StackPolicies(`${count} pipelines`, resources);
      const denied: string[] = [];
      for (let i = 0; i < count; i++) {
        for (const r of buildRequests(i)) {
          const decision = await decide(stack, "fleet-role", r);
          if (decision !== "Allowed") denied.push(`${r.action} on ${r.resource}: ${decision}`);
        }
      }
      expect(denied).to.deep.equal([]);
    });

    it("grants through the store's policies alone: without their statements the role is denied (simulated)", async () => {
      const stack = new StackPolicies(`${count} pipelines`, resources);
      const last = count - 1;
      const [get, , put] = buildRequests(last);
      const bucketDoc = JSON.parse(bucketPolicyOf(last).inputs.policy);
      const keyDoc = JSON.parse(keyOf(last).inputs.policy);
      const [decrypt, generate] = keyThrough(keyOf(last).state.arn, "s3");
      expect(await decide(stack, "fleet-role", get, { resourcePolicy: withoutStatement(bucketDoc, "CodeBuildRolesGetObjects") })).to.equal(
        "ImplicitlyDenied",
      );
      expect(await decide(stack, "fleet-role", put, { resourcePolicy: withoutStatement(bucketDoc, "WritersPutObjects") })).to.equal(
        "ImplicitlyDenied",
      );
      const noNamedRole = withoutStatement(keyDoc, "NamedRolesEncryptThroughS3");
      expect(await decide(stack, "fleet-role", decrypt, { resourcePolicy: noNamedRole })).to.equal("ImplicitlyDenied");
      expect(await decide(stack, "fleet-role", generate, { resourcePolicy: noNamedRole })).to.equal("ImplicitlyDenied");
    });

    it("denies a key used other than through S3, and the store of a pipeline that does not run the project (simulated)", async () => {
      const stack = new StackPolicies(`${count} pipelines`, resources);
      const [direct] = keyThrough(keyOf(0).state.arn, "codebuild", ["kms:Decrypt"]);
      expect(await decide(stack, "fleet-role", direct)).to.equal("ImplicitlyDenied");
      const otherKey = findResource("aws:kms/key:Key", "other-key-key").state.arn as string;
      const elsewhere = [
        ...readArtifacts("other-artifacts-bucket"),
        putArtifact("other-artifacts-bucket", otherKey),
        ...keyThrough(otherKey, "s3"),
      ];
      for (const r of elsewhere) expect(await decide(stack, "fleet-role", r), `${r.action} on ${r.resource}`).to.equal("ImplicitlyDenied");
      expect(await decide(stack, "solo-role", elsewhere[0])).to.equal("Allowed");
    });
  });
}
