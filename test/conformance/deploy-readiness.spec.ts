// Issue 9, item 2: the deploy-time failures a review found, each run through AWS's policy evaluation
// (@cloud-copilot/iam-simulate) with the identity policy and the resource policy the stack holds,
// and the context keys the calling service sends.
import { expect } from "chai";
import { PROD_ACCOUNT } from "../examples/example-config";
import { ACCOUNT, REGION } from "../harness/mocks";
import { allStacks, ConformanceStack } from "./stacks";
import { artifactObject, keyThrough, roleArn, STACK_PREFIX as P } from "./simulate/requests";
import { decide, RoleRequest } from "./simulate/simulate";
import { rehomeProvider, StackPolicies, withoutStatement } from "./simulate/stack-policies";

let stacks: Map<string, StackPolicies>;

async function load(this: Mocha.Context): Promise<void> {
  this.timeout(60000);
  if (stacks) return;
  const all: ConformanceStack[] = await allStacks();
  stacks = new Map(
    all.map((s) => [
      s.name,
      new StackPolicies(s.name, s.name === "examples/cross-account" ? rehomeProvider(s.resources, "prod") : s.resources),
    ]),
  );
}

const ec2 = (rest: string, account = ACCOUNT) => `arn:aws:ec2:${REGION}:${account}:${rest}`;
const EB_BUCKET = `arn:aws:s3:::elasticbeanstalk-${REGION}-${ACCOUNT}`;

describe("Deploy readiness (issue 9): requests AWS makes with our roles, both sides evaluated", () => {
  before(load);

  describe("Elastic Beanstalk deploys (examples/beanstalk-pipeline)", () => {
    const stack = () => stacks.get("examples/beanstalk-pipeline")!;
    const tagged = (envId: string) => ({ "ec2:ResourceTag/elasticbeanstalk:environment-id": envId });
    const requests: [RoleRequest, string][] = [
      [{ action: "s3:CreateBucket", resource: EB_BUCKET, what: "the region's Beanstalk bucket" }, "Allowed"],
      [{ action: "s3:PutBucketPolicy", resource: EB_BUCKET, what: "the Beanstalk bucket's policy" }, "Allowed"],
      [{ action: "s3:PutBucketPublicAccessBlock", resource: EB_BUCKET, what: "the Beanstalk bucket's access block" }, "Allowed"],
      [{ action: "s3:CreateBucket", resource: "arn:aws:s3:::someone-elses-bucket", what: "another bucket" }, "ImplicitlyDenied"],
      [{ action: "s3:PutObject", resource: `${EB_BUCKET}/${P}-dev/bundle.zip`, what: "a bundle under the application" }, "Allowed"],
      [
        {
          action: "s3:PutObject",
          resource: `${EB_BUCKET}/resources/environments/dev-environment-id/_runtime/v.zip`,
          what: "the dev runtime",
        },
        "Allowed",
      ],
      [
        {
          action: "s3:PutObject",
          resource: `${EB_BUCKET}/resources/environments/e-another/_runtime/v.zip`,
          what: "another environment's runtime",
        },
        "ImplicitlyDenied",
      ],
      [
        {
          action: "ec2:RunInstances",
          resource: ec2("launch-template/lt-0abc"),
          context: tagged("dev-environment-id"),
          what: "dev's template",
        },
        "Allowed",
      ],
      [
        {
          action: "ec2:RunInstances",
          resource: ec2("launch-template/lt-0abc"),
          context: tagged("e-another"),
          what: "another environment's template",
        },
        "ImplicitlyDenied",
      ],
      [
        {
          action: "ec2:CreateLaunchTemplate",
          resource: ec2("launch-template/*"),
          context: {
            "aws:RequestTag/elasticbeanstalk:environment-id": "prod-environment-id",
            "aws:TagKeys": ["elasticbeanstalk:environment-id"],
          },
          what: "a template tagged for prod",
        },
        "Allowed",
      ],
      [
        {
          action: "ec2:DeleteLaunchTemplate",
          resource: ec2("launch-template/lt-0abc"),
          context: tagged("e-another"),
          what: "another environment's template",
        },
        "ImplicitlyDenied",
      ],
      [
        {
          action: "ec2:AssociateAddress",
          resource: ec2("elastic-ip/eipalloc-1"),
          context: tagged("dev-environment-id"),
          what: "dev's address",
        },
        "Allowed",
      ],
      [
        { action: "ec2:AssociateAddress", resource: ec2("elastic-ip/eipalloc-1"), context: tagged("e-another"), what: "another address" },
        "ImplicitlyDenied",
      ],
      [
        {
          action: "elasticloadbalancing:RegisterTargets",
          resource: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/awseb-AWSEB-1/abc`,
          context: { "aws:ResourceTag/elasticbeanstalk:environment-id": "prod-environment-id" },
          what: "prod's target group",
        },
        "Allowed",
      ],
      [
        {
          action: "elasticloadbalancing:RegisterTargets",
          resource: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/awseb-AWSEB-2/def`,
          context: { "aws:ResourceTag/elasticbeanstalk:environment-id": "e-another" },
          what: "another environment's target group",
        },
        "ImplicitlyDenied",
      ],
    ];
    for (const [request, expected] of requests) {
      it(`pipeline role: ${request.action} on ${request.what} is ${expected}`, async () => {
        expect(await decide(stack(), "app-role", request)).to.equal(expected);
      });
    }

    it("instance role: publishes logs under its own environment's log prefix only", async () => {
      const put = (envId: string): RoleRequest => ({
        action: "s3:PutObject",
        resource: `${EB_BUCKET}/resources/environments/logs/publish/${envId}/i-0abc/var/log/web.log.gz`,
        what: "a rotated log",
      });
      expect(await decide(stack(), "dev-instance-role", put("dev-environment-id"))).to.equal("Allowed");
      expect(await decide(stack(), "dev-instance-role", put("prod-environment-id"))).to.equal("ImplicitlyDenied");
    });

    it("build role: creates and writes report groups of its own project only (a buildspec file's reports)", async () => {
      const group = (project: string): RoleRequest => ({
        action: "codebuild:CreateReportGroup",
        resource: `arn:aws:codebuild:${REGION}:${ACCOUNT}:report-group/${project}-unit`,
        what: `report group of ${project}`,
      });
      expect(await decide(stack(), "test-role", group(`${P}-test`))).to.equal("Allowed");
      expect(await decide(stack(), "test-role", group("other-project"))).to.equal("ImplicitlyDenied");
    });
  });

  describe("connection sources (examples/github-source)", () => {
    const stack = () => stacks.get("examples/github-source")!;
    const bucket = "web-artifacts-bucket";

    it("pipeline role: sets the uploaded artifact's ACL, allowed by its policy and not denied by the bucket policy", async () => {
      const acl: RoleRequest = {
        action: "s3:PutObjectAcl",
        resource: artifactObject(bucket),
        context: { "s3:x-amz-acl": "bucket-owner-full-control" },
        what: "a source artifact",
      };
      expect(await decide(stack(), "web-role", acl)).to.equal("Allowed");
      const identity = stack()
        .identityPolicies(stack().role("web-role"))
        .map((p) => ({
          name: p.name,
          policy: p.policy.Statement.some((s) => s.Sid === "SetSourceArtifactAcl")
            ? withoutStatement(p.policy, "SetSourceArtifactAcl")
            : p.policy,
        }));
      expect(await decide(stack(), "web-role", acl, { identity })).to.equal("ImplicitlyDenied");
    });

    it("pipeline role: reads the artifact bucket's ACL", async () => {
      expect(
        await decide(stack(), "web-role", { action: "s3:GetBucketAcl", resource: `arn:aws:s3:::${bucket}`, what: "the artifact bucket" }),
      ).to.equal("Allowed");
    });
  });

  describe("EC2 Auto Scaling and the fleet key (examples/codedeploy-ec2)", () => {
    const stack = () => stacks.get("examples/codedeploy-ec2")!;
    const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/cicd-key-id`;
    const slr = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;

    it("lets exactly the Auto Scaling service-linked role use the key, from the key policy alone", async () => {
      const use: RoleRequest = { action: "kms:GenerateDataKeyWithoutPlaintext", resource: KEY, what: "the fleet key" };
      expect(await decide(stack(), undefined, use, { principal: slr, identity: [] })).to.equal("Allowed");
      expect(await decide(stack(), undefined, use, { principal: roleArn("someone"), identity: [] })).to.equal("ImplicitlyDenied");
    });

    it("lets the service-linked role create grants for AWS resources only", async () => {
      const grant = (forAws: string): RoleRequest => ({
        action: "kms:CreateGrant",
        resource: KEY,
        context: { "kms:GrantIsForAWSResource": forAws },
        what: "the fleet key",
      });
      expect(await decide(stack(), undefined, grant("true"), { principal: slr, identity: [] })).to.equal("Allowed");
      expect(await decide(stack(), undefined, grant("false"), { principal: slr, identity: [] })).to.equal("ImplicitlyDenied");
    });

    it("CodeDeploy service role: launches from the fleet's template only, and passes only the fleet's instance role to EC2", async () => {
      const template = ec2("launch-template/lt-web-launch-template");
      const launch = (lt: string): RoleRequest => ({
        action: "ec2:RunInstances",
        resource: ec2("instance/*"),
        context: { "ec2:LaunchTemplate": lt },
        what: "an instance",
      });
      expect(await decide(stack(), "web-service-role", launch(template))).to.equal("Allowed");
      expect(await decide(stack(), "web-service-role", launch(ec2("launch-template/lt-other")))).to.equal("ImplicitlyDenied");
      const pass = (role: string): RoleRequest => ({
        action: "iam:PassRole",
        resource: role,
        context: { "iam:PassedToService": "ec2.amazonaws.com" },
        what: role,
      });
      expect(await decide(stack(), "web-service-role", pass(roleArn("web-instance-role")))).to.equal("Allowed");
      expect(await decide(stack(), "web-service-role", pass(roleArn("admin")))).to.equal("ImplicitlyDenied");
    });
  });

  describe("the ECR repository under the stack's key (examples/ecs-bluegreen)", () => {
    const stack = () => stacks.get("examples/ecs-bluegreen")!;
    const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/cicd-key-id`;
    // Whoever runs `pulumi up` holds, as ECR's encryption-at-rest page asks, these actions on the key.
    const deployer = {
      principal: roleArn("deployer"),
      identity: [
        {
          name: "deploy",
          policy: {
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Action: ["kms:CreateGrant", "kms:RetireGrant", "kms:DescribeKey"], Resource: KEY }],
          },
        },
      ],
    };
    const request = (action: string, service?: string): RoleRequest => ({
      action,
      resource: KEY,
      ...(service ? { context: { "kms:ViaService": `${service}.${REGION}.amazonaws.com` } } : {}),
      what: "the stack's key",
    });

    it("lets the deployer's ECR calls create and retire the repository's grants and describe the key", async () => {
      for (const action of ["kms:CreateGrant", "kms:RetireGrant", "kms:DescribeKey"]) {
        expect(await decide(stack(), undefined, request(action, "ecr"), deployer), action).to.equal("Allowed");
      }
    });

    it("refuses those grants outside ECR, and to a principal whose own policy does not allow them", async () => {
      expect(await decide(stack(), undefined, request("kms:CreateGrant"), deployer)).to.equal("ImplicitlyDenied");
      expect(await decide(stack(), undefined, request("kms:CreateGrant", "ec2"), deployer)).to.equal("ImplicitlyDenied");
      expect(await decide(stack(), undefined, request("kms:CreateGrant", "ecr"), { principal: roleArn("someone"), identity: [] })).to.equal(
        "ImplicitlyDenied",
      );
    });
  });

  describe("cross-account deploys (examples/cross-account)", () => {
    const stack = () => stacks.get("examples/cross-account")!;
    const DEPLOY = "prod-deploy-role";
    const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/cicd-key-id`;
    const locate: RoleRequest = {
      action: "s3:GetBucketLocation",
      resource: "arn:aws:s3:::app-artifacts-bucket",
      what: "the artifact bucket",
      resourceAccount: ACCOUNT,
    };

    it("deploy role: locates the artifact bucket, with the permission on both sides", async () => {
      expect(await decide(stack(), DEPLOY, locate)).to.equal("Allowed");
      const identity = stack()
        .identityPolicies(stack().role(DEPLOY))
        .map((p) => ({
          name: p.name,
          policy: p.policy.Statement.some((s) => s.Sid === "LocatePipelineArtifactBucket")
            ? withoutStatement(p.policy, "LocatePipelineArtifactBucket")
            : p.policy,
        }));
      expect(await decide(stack(), DEPLOY, locate, { identity })).to.equal("ImplicitlyDenied");
    });

    it("deploy role: decrypts artifacts through S3, and nothing else with the key", async () => {
      const [decrypt] = keyThrough(KEY, "s3", ["kms:Decrypt"]);
      expect(await decide(stack(), DEPLOY, decrypt)).to.equal("Allowed");
      const [generate] = keyThrough(KEY, "s3", ["kms:GenerateDataKey"]);
      expect(await decide(stack(), DEPLOY, generate)).to.equal("ImplicitlyDenied");
      const [viaBuild] = keyThrough(KEY, "codebuild", ["kms:Decrypt"]);
      expect(await decide(stack(), DEPLOY, viaBuild)).to.equal("ImplicitlyDenied");
    });

    it("puts the deploy role in the prod account", () => {
      expect(stack().role(DEPLOY).state.arn).to.equal(roleArn(`${P}-prod-deploy`, PROD_ACCOUNT));
    });
  });
  describe("Pulumi delivery (examples/pulumi-delivery)", () => {
    const stack = () => stacks.get("examples/pulumi-delivery")!;
    const pipeline = (name: string) => `arn:aws:codepipeline:${REGION}:${ACCOUNT}:${name}`;
    const queue = (stage: string) => `arn:aws:sqs:${REGION}:${ACCOUNT}:shop-${stage}-orders`;

    const assume = (role: string): RoleRequest => ({
      action: "sts:AssumeRole",
      resource: roleArn(`${P}-${role}-deploy`),
      what: `the ${role} deploy role`,
    });
    const ALLOW_ANY_ASSUME = [
      { name: "any", policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }] } },
    ];

    it("self-update: the build role restarts exactly its own pipeline and cannot update it itself", async () => {
      for (const action of ["codepipeline:StartPipelineExecution", "codepipeline:StopPipelineExecution"]) {
        expect(await decide(stack(), "self-update-role", { action, resource: pipeline(P), what: "its pipeline" }), action).to.equal(
          "Allowed",
        );
        expect(
          await decide(stack(), "self-update-role", { action, resource: pipeline("other"), what: "another pipeline" }),
          action,
        ).to.equal("ImplicitlyDenied");
      }
      const update = { action: "codepipeline:UpdatePipeline", resource: pipeline(P), what: "its pipeline" };
      expect(await decide(stack(), "self-update-role", update)).to.equal("ImplicitlyDenied");
    });

    it("self-update: the build role assumes exactly its deploy role, which trusts exactly it", async () => {
      expect(await decide(stack(), "self-update-role", assume("self"))).to.equal("Allowed");
      expect(await decide(stack(), "self-update-role", assume("prod"))).to.equal("ImplicitlyDenied");
      const as = (role: string) => ({ principal: roleArn(role), identity: ALLOW_ANY_ASSUME });
      expect(await decide(stack(), undefined, assume("self"), as("self-update-role"))).to.equal("Allowed");
      expect(await decide(stack(), undefined, assume("self"), as("dev-up-role"))).to.equal("ImplicitlyDenied");
    });

    it("self-update: the deploy role updates exactly its own pipeline and passes the pipeline role to CodePipeline only", async () => {
      const update = (name: string): RoleRequest => ({ action: "codepipeline:UpdatePipeline", resource: pipeline(name), what: name });
      expect(await decide(stack(), "self-deploy", update(P))).to.equal("Allowed");
      expect(await decide(stack(), "self-deploy", update("other"))).to.equal("ImplicitlyDenied");
      const pass = (service: string, role = `${P}-delivery-pipeline`): RoleRequest => ({
        action: "iam:PassRole",
        resource: roleArn(role),
        context: { "iam:PassedToService": service },
        what: `the pipeline role to ${service}`,
      });
      expect(await decide(stack(), "self-deploy", pass("codepipeline.amazonaws.com"))).to.equal("Allowed");
      expect(await decide(stack(), "self-deploy", pass("ec2.amazonaws.com"))).to.equal("ImplicitlyDenied");
      expect(await decide(stack(), "self-deploy", pass("codepipeline.amazonaws.com", "admin"))).to.equal("ImplicitlyDenied");
      expect(await decide(stack(), "self-deploy", pass("codepipeline.amazonaws.com", `${P}-self-deploy`))).to.equal("ImplicitlyDenied");
    });

    it("update roles: each stage's deploy role creates its own queue only; the build roles none directly", async () => {
      const create = (stage: string): RoleRequest => ({ action: "sqs:CreateQueue", resource: queue(stage), what: `the ${stage} queue` });
      expect(await decide(stack(), "dev-deploy", create("dev"))).to.equal("Allowed");
      expect(await decide(stack(), "dev-deploy", create("prod"))).to.equal("ImplicitlyDenied");
      expect(await decide(stack(), "prod-deploy", create("prod"))).to.equal("Allowed");
      expect(await decide(stack(), "prod-deploy", create("dev"))).to.equal("ImplicitlyDenied");
      for (const role of ["dev-up-role", "dev-preview-role", "prod-up-role", "prod-preview-role", "self-deploy"]) {
        expect(await decide(stack(), role, create("prod")), role).to.equal("ImplicitlyDenied");
      }
    });

    it("update roles: the build roles assume exactly their stage's deploy role, which trusts exactly them", async () => {
      for (const stage of ["dev", "prod"]) {
        const other = stage === "dev" ? "prod" : "dev";
        for (const b of ["up", "preview"]) {
          const role = `${stage}-${b}-role`;
          expect(await decide(stack(), role, assume(stage)), role).to.equal("Allowed");
          expect(await decide(stack(), role, assume(other)), role).to.equal("ImplicitlyDenied");
          expect(await decide(stack(), role, assume("self")), role).to.equal("ImplicitlyDenied");
          // The trust side alone: even a role allowed to assume anything is not trusted by another stage's role.
          const any = { principal: roleArn(role), identity: ALLOW_ANY_ASSUME };
          expect(await decide(stack(), undefined, assume(stage), any), role).to.equal("Allowed");
          expect(await decide(stack(), undefined, assume(other), any), role).to.equal("ImplicitlyDenied");
        }
      }
    });
  });
});
