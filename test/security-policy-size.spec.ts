import { expect } from "chai";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { BuildProject } from "../packages/aws-cicd/src/codebuild";
import { CodeCommitRepo } from "../packages/aws-cicd/src/codecommit";
import {
  checkPolicySize,
  checkRoleInlinePolicySize,
  EncryptionKey,
  POLICY_SIZE_LIMITS,
  policySize,
  policySizeAtLeast,
  PolicySizeKind,
  policySizeMessage,
  policyDocument,
  roleInlinePoliciesMessage,
  SecureBucket,
  SecureTopic,
  sizeCheckedPolicyDocument,
} from "../packages/aws-cicd/src/security";
import { configureExample } from "./examples/example-config";
import { ACCOUNT, recorded, RecordedResource, resourcesOfType, runProgram, settle, unwrap } from "./harness";

const IAM_PAGE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html";
const roleArn = (i: number) => `arn:aws:iam::${ACCOUNT}:role/deployer-${String(i).padStart(4, "0")}`;

/** The message of the error `fn` throws (fails the test when it throws none). */
function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected an error, got none");
}

/** The message an Output rejects with (fails the test when it resolves). */
async function rejection(output: pulumi.Output<unknown>): Promise<string> {
  try {
    await (output as unknown as { promise(): Promise<unknown> }).promise();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected the Output to reject, it resolved");
}

/** A component to attach errors to, registered with the mocks like any component. */
const owner = (name: string) => new pulumi.ComponentResource("test:index:Owner", name);

describe("Policy size limits", () => {
  describe("sizes as each service counts them", () => {
    it("counts IAM documents without whitespace, and KMS, S3 and SNS documents in bytes as sent", () => {
      const doc = '{ "Version": "2012-10-17",\n  "Statement": [] }';
      expect(policySize("roleInlinePolicies", doc)).to.equal(39);
      expect(policySize("trustPolicy", doc)).to.equal(39);
      expect(policySize("managedPolicy", doc)).to.equal(39);
      expect(policySize("keyPolicy", doc)).to.equal(doc.length);
      expect(policySize("bucketPolicy", doc)).to.equal(doc.length);
      expect(policySize("topicPolicy", doc)).to.equal(doc.length);
    });

    it("knows the documented limits", () => {
      expect(POLICY_SIZE_LIMITS).to.deep.equal({
        roleInlinePolicies: 10240,
        trustPolicy: 2048,
        managedPolicy: 6144,
        keyPolicy: 32768,
        bucketPolicy: 20480,
        topicPolicy: 30720,
      });
    });

    it("bounds a document from below by its known values: Outputs count for nothing, repeats once", () => {
      const statement = { Effect: "Allow", Action: ["s3:GetObject", "s3:GetObject"], Resource: ["arn:aws:s3:::b/*", pulumi.output("x")] };
      const known = '{"Effect":"Allow","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::b/*"]}';
      expect(policySizeAtLeast("roleInlinePolicies", statement)).to.equal(known.length);
      expect(policySizeAtLeast("roleInlinePolicies", { ...statement, Condition: pulumi.output({}) })).to.equal(known.length);
    });
  });

  describe("errors before any child exists, from the values known at construction", () => {
    it("refuses a key policy over 32,768 bytes, naming the key, the size and the limit", () => {
      const principalArns = Array.from({ length: 700 }, (_, i) => roleArn(i));
      expect(thrown(() => new EncryptionKey("big", { principalArns }))).to.equal(
        "The key policy of EncryptionKey `big` is at least 34,485 bytes; AWS KMS allows at most 32,768. " +
          "Name fewer `principalArns` and `writerPrincipalArns` (or `viaServices`), or grant roles by path (`principalRolePaths`). See https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html.",
      );
      expect(recorded.filter((r) => r.type === "aws:kms/key:Key")).to.deep.equal([]);
    });

    it("refuses a bucket policy over 20,480 bytes, naming the bucket, the size and the limit", () => {
      const readerArns = Array.from({ length: 250 }, (_, i) => roleArn(i));
      expect(thrown(() => new SecureBucket("big", { readerArns, writerArns: readerArns.slice(0, 100) }))).to.equal(
        "The bucket policy of SecureBucket `big` is at least 29,492 bytes; Amazon S3 allows at most 20,480. " +
          "Name fewer `readerArns`, `writerArns` and `codeBuildRoleArns` (a role in two of them is named twice), or grant roles by path (`readerRolePaths`). See https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-iam-policies.html.",
      );
      expect(recorded.filter((r) => r.type !== "aws-cicd:index:SecureBucket")).to.deep.equal([]);
    });

    it("refuses a topic policy over 30,720 bytes, naming the topic, the size and the limit", () => {
      const publisherServices = Array.from({ length: 1200 }, (_, i) => `publisher${i}.amazonaws.com`);
      const encryptionKey = { keyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k` };
      expect(thrown(() => new SecureTopic("big", { encryptionKey, publisherServices }))).to.equal(
        "The topic policy of SecureTopic `big` is at least 35,550 bytes; Amazon SNS allows at most 30,720. " +
          "Name fewer `publisherServices`. See https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-language-api-permissions-reference.html.",
      );
      expect(recorded.filter((r) => r.type !== "aws-cicd:index:SecureTopic")).to.deep.equal([]);
    });

    it("refuses a trust policy over 2,048 characters, naming the argument, the size and the (adjustable) limit", () => {
      // The repository's validator measures its cross-account trust first (issue 10, quotas); the size
      // check of trustPolicyDocument stays behind it for principals known only at deployment.
      const principalArns = Array.from({ length: 44 }, (_, i) => roleArn(i));
      expect(thrown(() => new CodeCommitRepo("app", { crossAccountAccess: [{ principalArns, access: "read" }] }))).to.equal(
        "`crossAccountAccess[0].principalArns` names 44 principals, which make a trust policy of 2204 characters; IAM's quota is 2048. " +
          'The quota is adjustable: ask AWS for more through Service Quotas ("Role trust policy length"), or split the principals over several `crossAccountAccess` entries.',
      );
    });

    it("refuses a managed policy over 6,144 characters, naming the policy, the size and the limit", () => {
      // 46 branches keep the approval rule within CodeCommit's 3,000 characters, not this policy.
      const protectedBranches = Array.from(
        { length: 46 },
        (_, i) => `maintenance/release-line-${String(i).padStart(2, "0")}-long-term-support`,
      );
      const branchProtection = { users: ["alice"], denyPullRequestMerges: true };
      expect(thrown(() => new CodeCommitRepo("app", { protectedBranches, branchProtection }))).to.equal(
        "The branch protection policy of CodeCommitRepo `app` is at least 6,211 characters; IAM allows at most 6,144, whitespace not counted. " +
          `Protect fewer \`protectedBranches\` (\`denyPullRequestMerges\` names each twice). See ${IAM_PAGE}.`,
      );
    });

    it("refuses the inline policy that takes a role over 10,240 characters, listing the largest", async () => {
      const project = new BuildProject("busy", {});
      const grant = (i: number) => [
        {
          sid: "ReadReleaseObjects",
          actions: ["s3:GetObject"],
          resources: Array.from({ length: 20 }, (_, j) => `arn:aws:s3:::releases-${i}/team-${j}/*`),
        },
      ];
      for (let i = 0; i < 11; i++) project.addToRolePolicy(`releases-${i}`, grant(i));
      expect(thrown(() => project.addToRolePolicy("releases-11", grant(11)))).to.equal(
        "The inline policies of the role that inline policy `busy-releases-11` is for total at least 10,562 characters " +
          "(`busy-releases-10` 853, `busy-releases-11` 853, `busy-releases-0` 833, `busy-releases-1` 833, `busy-releases-2` 833 and 8 more); " +
          `IAM allows at most 10,240 per role, whitespace not counted. Grant this role fewer resources, or merge its grants into fewer statements. See ${IAM_PAGE}.`,
      );
      await settle();
    });
  });

  describe("known parts, messages and limits exactly", () => {
    it("leaves out of the known part what is not known, and repeats of a string only", () => {
      expect(policySizeAtLeast("keyPolicy", [1, 1, "a", "a", undefined, pulumi.output("x"), Promise.resolve("y"), null, true])).to.equal(
        '[1,1,"a",null,true]'.length,
      );
      expect(policySizeAtLeast("keyPolicy", { a: undefined, b: pulumi.output(1), c: { d: ["x", "x"] }, "e f": "g" })).to.equal(
        '{"c":{"d":["x"]},"e f":"g"}'.length,
      );
      expect(policySizeAtLeast("trustPolicy", { k: "a b" })).to.equal('{"k":"ab"}'.length);
    });

    it("says what a document is, how large (or at least how large), the service's limit, the fix and the page", () => {
      const about = { subject: "The key policy of `k`", fix: "Name fewer." };
      expect(policySizeMessage("keyPolicy", about, 40000, false)).to.equal(
        "The key policy of `k` is 40,000 bytes; AWS KMS allows at most 32,768. Name fewer. See https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html.",
      );
      expect(policySizeMessage("managedPolicy", about, 7000, true)).to.equal(
        `The key policy of \`k\` is at least 7,000 characters; IAM allows at most 6,144, whitespace not counted. Name fewer. See ${IAM_PAGE}.`,
      );
    });

    it("lists the five largest inline policies (ties by name) and how many more", () => {
      const sizes: [string, number][] = [
        ["b", 10],
        ["a", 10],
        ["c", 3000],
        ["d", 1],
        ["e", 7000],
        ["f", 500],
        ["g", 2],
      ];
      expect(roleInlinePoliciesMessage("role `r`", sizes, false)).to.equal(
        "The inline policies of role `r` total 10,523 characters (`e` 7,000, `c` 3,000, `f` 500, `a` 10, `b` 10 and 2 more); " +
          `IAM allows at most 10,240 per role, whitespace not counted. Grant this role fewer resources, or merge its grants into fewer statements. See ${IAM_PAGE}.`,
      );
      expect(roleInlinePoliciesMessage("role `r`", sizes.slice(0, 5), true)).to.match(
        /^The inline policies of role `r` total at least 10,021 characters \(`e` 7,000, `c` 3,000, `a` 10, `b` 10, `d` 1\); IAM/,
      );
    });

    it("lets a document of exactly the limit pass, now and when it resolves", async () => {
      const parent = owner("exact-limit");
      const about = { subject: "The topic policy of `t`", fix: "Shorten it." };
      const exact = "a".repeat(30720 - 2);
      expect(await unwrap(checkPolicySize("topicPolicy", about, exact, pulumi.output(JSON.stringify(exact)), parent))).to.have.length(
        30720,
      );
      expect(thrown(() => checkPolicySize("topicPolicy", about, `${exact}a`, pulumi.output("{}"), parent))).to.equal(
        "The topic policy of `t` is at least 30,721 bytes; Amazon SNS allows at most 30,720. Shorten it. " +
          "See https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-language-api-permissions-reference.html.",
      );
      const inline = checkRoleInlinePolicySize("exact", "exact-role", "a".repeat(10240 - 2), pulumi.output("x".repeat(10240)), parent);
      expect(await unwrap(inline)).to.have.length(10240);
    });

    it("names a role given as an Output by the policy until its name is known", () => {
      const parent = owner("output-role-owner");
      const role = pulumi.output("unnamed");
      checkRoleInlinePolicySize("one", role, { R: "a".repeat(6000) }, pulumi.output("{}"), parent);
      expect(thrown(() => checkRoleInlinePolicySize("two", role, { R: "a".repeat(4300) }, pulumi.output("{}"), parent))).to.match(
        /^The inline policies of the role that inline policy `two` is for total at least 10,3\d\d characters \(`one` 6,008, `two` 4,308\)/,
      );
    });
  });

  describe("one role, however it is given", () => {
    it("counts a role's policies together whether it is given by name or by ARN", () => {
      const parent = owner("named-role-owner");
      const known = (n: number) => ({ Resource: "a".repeat(n) });
      checkRoleInlinePolicySize("by-arn", `arn:aws:iam::${ACCOUNT}:role/ops/approver`, known(6000), pulumi.output("{}"), parent);
      expect(thrown(() => checkRoleInlinePolicySize("by-name", "approver", known(4300), pulumi.output("{}"), parent))).to.equal(
        "The inline policies of role `approver` total at least 10,330 characters (`by-arn` 6,015, `by-name` 4,315); IAM allows at most 10,240 per role, " +
          `whitespace not counted. Grant this role fewer resources, or merge its grants into fewer statements. See ${IAM_PAGE}.`,
      );
    });
  });

  describe("errors at deployment, when the documents resolve", () => {
    it("rejects the document of a trust, managed, key, bucket or topic policy once its resolved size is over the limit", async () => {
      const kinds: Exclude<PolicySizeKind, "roleInlinePolicies">[] = [
        "trustPolicy",
        "managedPolicy",
        "keyPolicy",
        "bucketPolicy",
        "topicPolicy",
      ];
      const messages = await Promise.all(
        kinds.map((kind) => {
          const document = pulumi.output("x").apply(() => `{"Resource":"${"a".repeat(POLICY_SIZE_LIMITS[kind])}"}`);
          return rejection(
            checkPolicySize(kind, { subject: `The ${kind} of \`it\``, fix: "Shorten it." }, {}, document, owner(`late-${kind}`)),
          );
        }),
      );
      expect(messages).to.deep.equal([
        `The trustPolicy of \`it\` is 2,063 characters; IAM allows at most 2,048, whitespace not counted. Shorten it. See ${IAM_PAGE}.`,
        `The managedPolicy of \`it\` is 6,159 characters; IAM allows at most 6,144, whitespace not counted. Shorten it. See ${IAM_PAGE}.`,
        "The keyPolicy of `it` is 32,783 bytes; AWS KMS allows at most 32,768. Shorten it. See https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html.",
        "The bucketPolicy of `it` is 20,495 bytes; Amazon S3 allows at most 20,480. Shorten it. See https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-iam-policies.html.",
        "The topicPolicy of `it` is 30,735 bytes; Amazon SNS allows at most 30,720. Shorten it. " +
          "See https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-language-api-permissions-reference.html.",
      ]);
    });

    it("sums every inline policy of one role and rejects the one that takes the sum over 10,240 characters", async () => {
      const role = pulumi.output("late-role");
      const big = (n: number) => pulumi.output("x").apply(() => `{"Resource":"${"a".repeat(n)}"}`);
      const parent = owner("late-role-owner");
      const first = checkRoleInlinePolicySize("first", role, {}, big(6000), parent);
      expect(await unwrap(first)).to.have.length(6015);
      const second = checkRoleInlinePolicySize("second", role, {}, big(4300), parent);
      expect(await rejection(second)).to.equal(
        "The inline policies of role `late-role` total 10,330 characters (`first` 6,015, `second` 4,315); IAM allows at most 10,240 per role, " +
          `whitespace not counted. Grant this role fewer resources, or merge its grants into fewer statements. See ${IAM_PAGE}.`,
      );
      const other = checkRoleInlinePolicySize("second", pulumi.output("other-role"), {}, big(4300), parent);
      expect(await unwrap(other)).to.have.length(4315);
    });

    it("rejects a document built from statements whose Outputs resolve over the limit, as checkPolicySize does", async () => {
      const about = { subject: "The trustPolicy of `it`", fix: "Shorten it." };
      const statements = () => [
        { actions: ["sts:AssumeRole"], resources: [pulumi.output("x").apply(() => `arn:aws:s3:::${"a".repeat(2100)}`)] },
      ];
      const folded = await rejection(sizeCheckedPolicyDocument("trustPolicy", about, statements(), owner("late-statements")));
      const separate = await rejection(checkPolicySize("trustPolicy", about, {}, policyDocument(statements()), owner("late-document")));
      expect(folded).to.equal(separate);
      expect(folded).to.match(
        /^The trustPolicy of `it` is 2,\d{3} characters; IAM allows at most 2,048, whitespace not counted\. Shorten it\./,
      );
    });
  });

  describe("a typical setup is far below every limit (under half of each)", () => {
    const examples = [
      "beanstalk-pipeline",
      "codedeploy-ec2",
      "cross-account",
      "github-source",
      "lambda-canary",
      "repo-and-build",
      "cross-region",
    ];
    const runs: RecordedResource[][] = [];
    let resources: RecordedResource[] = [];
    before(async () => {
      for (const example of examples) {
        configureExample(example);
        runs.push((await runProgram(path.join(__dirname, `../examples/${example}/index.ts`))).resources);
      }
      resources = runs.flat();
    });

    /** The largest size of the documents of `kind`, and how many there are. */
    function largest(kind: PolicySizeKind, documents: string[]): { count: number; max: number } {
      return { count: documents.length, max: Math.max(...documents.map((d) => policySize(kind, d))) };
    }
    const ofType = (type: string) => resources.filter((r) => r.type === type);

    // The Beanstalk deploy set (about 7,700 characters with one environment) is in customer managed
    // policies, on the pipeline role and on the cross-account deploy role alike.
    it("keeps every role's inline policies together under 5,120 characters, half of IAM's 10,240", () => {
      const byRole = new Map<string, number>();
      runs.forEach((run, i) => {
        for (const p of run.filter((r) => r.type === "aws:iam/rolePolicy:RolePolicy")) {
          const role = `${examples[i]}/${p.inputs.role}`;
          byRole.set(role, (byRole.get(role) ?? 0) + policySize("roleInlinePolicies", p.inputs.policy));
        }
      });
      expect(byRole.size).to.be.greaterThan(10);
      expect(Math.max(...byRole.values())).to.be.lessThan(POLICY_SIZE_LIMITS.roleInlinePolicies);
      const overHalf = [...byRole].filter(([, size]) => size >= POLICY_SIZE_LIMITS.roleInlinePolicies / 2).map(([role]) => role);
      expect(overHalf).to.deep.equal([]);
    });

    it("keeps every trust policy under 1,024 characters", () => {
      const r = largest(
        "trustPolicy",
        ofType("aws:iam/role:Role").map((x) => x.inputs.assumeRolePolicy),
      );
      expect(r.count).to.be.greaterThan(10);
      expect(r.max).to.be.lessThan(POLICY_SIZE_LIMITS.trustPolicy / 2);
    });

    it("keeps every key policy under 16,384 bytes", () => {
      const r = largest(
        "keyPolicy",
        ofType("aws:kms/key:Key").map((x) => x.inputs.policy),
      );
      expect(r.count).to.be.greaterThan(2);
      expect(r.max).to.be.lessThan(POLICY_SIZE_LIMITS.keyPolicy / 2);
    });

    it("keeps every bucket policy under 10,240 bytes", () => {
      const r = largest(
        "bucketPolicy",
        ofType("aws:s3/bucketPolicy:BucketPolicy").map((x) => x.inputs.policy),
      );
      expect(r.count).to.be.greaterThan(2);
      expect(r.max).to.be.lessThan(POLICY_SIZE_LIMITS.bucketPolicy / 2);
    });

    it("keeps every topic policy under 15,360 bytes", () => {
      const r = largest(
        "topicPolicy",
        ofType("aws:sns/topicPolicy:TopicPolicy").map((x) => x.inputs.policy),
      );
      expect(r.count).to.be.greaterThan(2);
      expect(r.max).to.be.lessThan(POLICY_SIZE_LIMITS.topicPolicy / 2);
    });

    it("keeps a branch protection policy for the usual branches under 3,072 characters", async () => {
      const repo = new CodeCommitRepo("guarded", { protectedBranches: ["main", "release"], branchProtection: { groups: ["developers"] } });
      await unwrap(repo.repositoryArn);
      await settle();
      const r = largest(
        "managedPolicy",
        resourcesOfType("aws:iam/policy:Policy").map((x) => x.inputs.policy),
      );
      expect(r.count).to.equal(1);
      expect(r.max).to.be.lessThan(POLICY_SIZE_LIMITS.managedPolicy / 2);
    });
  });
});
