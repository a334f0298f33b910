import { expect } from "chai";
import { BuildProject } from "../../packages/aws-cicd/src/codebuild";
import { Pipeline } from "../../packages/aws-cicd/src/pipeline";
import { POLICY_SIZE_LIMITS, policySize, SecureBucket } from "../../packages/aws-cicd/src/security";
import { ACCOUNT, findResource, resourcesOfType, settle, statementsOf, unwrap } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { BUCKET_ARN, loadedPipeline, source } from "./fixtures";

const VIA_S3 = { StringEquals: { "kms:ViaService": ["s3.us-east-1.amazonaws.com"] } };

/** The inline policies recorded on `role`. */
const inlinePoliciesOf = (role: string) => resourcesOfType("aws:iam/rolePolicy:RolePolicy").filter((p) => p.inputs.role === role);
const projectAccessOf = (role: string) => inlinePoliciesOf(role).filter((p) => p.name.endsWith("-project-access"));
const GIVEN_KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/given`;
/** A store of its own for pipeline `i`, passed as `artifactBucket` (not created by the pipeline). */
const ownStore = (i: number) => ({ bucketName: `store-${i}`, keyArn: `${GIVEN_KEY}-${i}` });

/** The statements of pipeline `app`'s created bucket and key policies that name roles: sid, principals, actions, resources. */
function storeGrants(): { bucket: unknown[][]; key: unknown[][] } {
  const named = (policy: string) =>
    statementsOf(policy)
      .filter((s) => s.Effect === "Allow" && s.Principal?.AWS !== undefined && !String(s.Principal.AWS).endsWith(":root"))
      .map((s) => [s.Sid, s.Principal.AWS, s.Action, s.Resource]);
  const key = resourcesOfType("aws:kms/key:Key").find((k) => k.name === "app-key-key");
  return {
    bucket: named(findResource("aws:s3/bucketPolicy:BucketPolicy", "app-artifacts-policy").inputs.policy),
    key: key === undefined ? [] : named(key.inputs.policy),
  };
}

describe("Pipeline: a BuildProject shared by actions and pipelines", () => {
  it("attaches one policy to a project's role for all its actions in a pipeline, each statement once; the store it creates grants the artifacts", async () => {
    const project = new BuildProject("shared", {});
    await loadedPipeline({
      stages: [
        { name: "Source", actions: [source()] },
        {
          name: "Build",
          actions: [
            project.buildAction(),
            project.buildAction({ name: "Test", type: "Test", environmentVariables: { DB: { parameter: "/app/db" } } }),
          ],
        },
        {
          name: "Package",
          actions: [
            project.buildAction({
              name: "Package",
              inputs: ["BuildOutput"],
              environmentVariables: { DB: { parameter: "/app/db" }, TOKEN: { secret: "ci/token" } },
            }),
          ],
        },
      ],
    });
    const grants = projectAccessOf("shared-role");
    expect(grants.map((g) => g.name)).to.deep.equal(["app-Build-Build-project-access"]);
    expect(statementsOf(grants[0].inputs.policy)).to.deep.equal([
      {
        Sid: "ReadParameters",
        Effect: "Allow",
        Action: ["ssm:GetParameters"],
        Resource: [`arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/app/db`],
      },
      {
        Sid: "ReadSecrets",
        Effect: "Allow",
        Action: ["secretsmanager:GetSecretValue"],
        Resource: [`arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:ci/token-??????`],
      },
    ]);
    const role = `arn:aws:iam::${ACCOUNT}:role/shared-role`;
    expect(storeGrants()).to.deep.equal({
      bucket: [
        ["CodeBuildRolesGetObjects", [role], ["s3:GetObject", "s3:GetObjectVersion"], [`${BUCKET_ARN}/*`]],
        ["CodeBuildRolesCheckBucket", [role], ["s3:GetBucketAcl", "s3:GetBucketLocation"], [BUCKET_ARN]],
        ["WritersPutObjects", [role], ["s3:PutObject"], [`${BUCKET_ARN}/*`]],
      ],
      key: [["NamedRolesEncryptThroughS3", [role], ["kms:Decrypt", "kms:GenerateDataKey"], ["*"]]],
    });
    expect(findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline").options.dependsOn).to.include(grants[0].urn);
    expect(await checkRecordedPolicies()).to.deep.equal([]);
  });

  it("grants only reads when none of the project's actions writes an artifact, and attaches no policy when nothing else is needed", async () => {
    const project = new BuildProject("checker", {});
    await loadedPipeline({
      stages: [
        { name: "Source", actions: [source()] },
        {
          name: "Check",
          actions: [project.buildAction({ name: "Lint", type: "Test" }), project.buildAction({ name: "Audit", type: "Test" })],
        },
      ],
    });
    expect(projectAccessOf("checker-role")).to.deep.equal([]);
    const role = `arn:aws:iam::${ACCOUNT}:role/checker-role`;
    expect(storeGrants()).to.deep.equal({
      bucket: [
        ["CodeBuildRolesGetObjects", [role], ["s3:GetObject", "s3:GetObjectVersion"], [`${BUCKET_ARN}/*`]],
        ["CodeBuildRolesCheckBucket", [role], ["s3:GetBucketAcl", "s3:GetBucketLocation"], [BUCKET_ARN]],
      ],
      key: [["NamedRolesDecryptThroughS3", [role], ["kms:Decrypt"], ["*"]]],
    });
  });

  it("grants the key through the role's policy when the pipeline creates its bucket under a key you pass", async () => {
    const project = new BuildProject("keyed", {});
    await loadedPipeline({
      encryptionKey: { keyArn: GIVEN_KEY },
      stages: [
        { name: "Source", actions: [source()] },
        { name: "Build", actions: [project.buildAction()] },
      ],
    });
    const grants = projectAccessOf("keyed-role");
    expect(grants.map((g) => g.name)).to.deep.equal(["app-Build-Build-project-access"]);
    expect(statementsOf(grants[0].inputs.policy)).to.deep.equal([
      { Sid: "UseArtifactKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: [GIVEN_KEY], Condition: VIA_S3 },
    ]);
    expect(storeGrants().bucket.map(([sid]) => sid)).to.deep.equal([
      "CodeBuildRolesGetObjects",
      "CodeBuildRolesCheckBucket",
      "WritersPutObjects",
    ]);
  });

  it("grants a store you pass through the role's policy: objects, bucket and key", async () => {
    const project = new BuildProject("brought", {});
    await loadedPipeline({
      artifactBucket: { bucketName: "team-artifacts", keyArn: GIVEN_KEY },
      stages: [
        { name: "Source", actions: [source()] },
        { name: "Build", actions: [project.buildAction(), project.buildAction({ name: "Test", type: "Test" })] },
      ],
    });
    const grants = projectAccessOf("brought-role");
    expect(grants.map((g) => g.name)).to.deep.equal(["app-Build-Build-project-access"]);
    expect(statementsOf(grants[0].inputs.policy)).to.deep.equal([
      {
        Sid: "ReadWriteArtifacts",
        Effect: "Allow",
        Action: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"],
        Resource: ["arn:aws:s3:::team-artifacts/*"],
      },
      {
        Sid: "LocateArtifactBucket",
        Effect: "Allow",
        Action: ["s3:GetBucketAcl", "s3:GetBucketLocation"],
        Resource: ["arn:aws:s3:::team-artifacts"],
      },
      { Sid: "UseArtifactKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: [GIVEN_KEY], Condition: VIA_S3 },
    ]);
  });

  it("attaches one policy per project role when a pipeline with a store you pass runs two projects", async () => {
    const build = new BuildProject("compile", {});
    const test = new BuildProject("verify", {});
    await loadedPipeline({
      artifactBucket: { bucketName: "team-artifacts", keyArn: GIVEN_KEY },
      stages: [
        { name: "Source", actions: [source()] },
        {
          name: "Build",
          actions: [build.buildAction(), test.buildAction({ name: "Test", type: "Test" }), build.buildAction({ name: "Docs" })],
        },
      ],
    });
    expect(projectAccessOf("compile-role").map((g) => g.name)).to.deep.equal(["app-Build-Build-project-access"]);
    expect(projectAccessOf("verify-role").map((g) => g.name)).to.deep.equal(["app-Build-Test-project-access"]);
  });

  it("25 pipelines sharing one BuildProject and one artifact store attach one policy: the role stays under 10,240 characters", async function () {
    this.timeout(180_000);
    const project = new BuildProject("fleet", {});
    const store = new SecureBucket("fleet-artifacts", {});
    const artifactBucket = { bucketName: store.bucketName, bucketArn: store.bucketArn, keyArn: store.keyArn };
    const pipelines = Array.from(
      { length: 25 },
      (_, i) =>
        new Pipeline(`service-${i}`, {
          artifactBucket,
          stages: [
            { name: "Source", actions: [source()] },
            { name: "Build", actions: [project.buildAction(), project.buildAction({ name: "Test", type: "Test" })] },
          ],
        }),
    );
    for (const p of pipelines) await unwrap(p.consoleUrl);
    await settle();
    const grants = projectAccessOf("fleet-role");
    expect(grants.map((g) => g.name)).to.deep.equal(["service-0-Build-Build-project-access"]);
    for (let i = 0; i < 25; i++) {
      expect(findResource("aws:codepipeline/pipeline:Pipeline", `service-${i}-pipeline`).options.dependsOn).to.include(grants[0].urn);
    }
    const total = inlinePoliciesOf("fleet-role").reduce((sum, p) => sum + policySize("roleInlinePolicies", p.inputs.policy), 0);
    // The project's own policy and the one shared grant: about 1,200 characters, whatever the number of pipelines.
    expect(total).to.be.lessThan(POLICY_SIZE_LIMITS.roleInlinePolicies / 4);
  });

  it("gives each pipeline with its own store you pass one policy of about 600 characters on the shared role", async function () {
    this.timeout(120_000);
    const project = new BuildProject("team", {});
    const pipelines = Array.from(
      { length: 12 },
      (_, i) =>
        new Pipeline(`team-${i}`, {
          artifactBucket: ownStore(i),
          stages: [
            { name: "Source", actions: [source()] },
            { name: "Build", actions: [project.buildAction(), project.buildAction({ name: "Test", type: "Test" })] },
          ],
        }),
    );
    for (const p of pipelines) await unwrap(p.consoleUrl);
    await settle();
    const grants = projectAccessOf("team-role");
    expect(grants.map((g) => g.name)).to.deep.equal(Array.from({ length: 12 }, (_, i) => `team-${i}-Build-Build-project-access`));
    const sizes = grants.map((g) => policySize("roleInlinePolicies", g.inputs.policy));
    expect(Math.max(...sizes)).to.be.lessThan(620);
    const total = inlinePoliciesOf("team-role").reduce((sum, p) => sum + policySize("roleInlinePolicies", p.inputs.policy), 0);
    expect(total).to.be.lessThan(POLICY_SIZE_LIMITS.roleInlinePolicies);
  });

  it("refuses, before deployment, a pipeline whose store you pass would take the shared role over 10,240 characters", function () {
    this.timeout(180_000);
    const project = new BuildProject("crowd", {});
    const stages = [
      { name: "Source", actions: [source()] },
      { name: "Build", actions: [project.buildAction()] },
    ];
    let error: Error | undefined;
    for (let i = 0; i < 30 && error === undefined; i++) {
      try {
        new Pipeline(`crowd-${i}`, { stages, artifactBucket: ownStore(i) });
      } catch (e) {
        error = e as Error;
      }
    }
    const m =
      /^The inline policies of the role that inline policy `crowd-(\d+)-Build-Build-project-access` is for total at least ([\d,]+) characters \((.*) and (\d+) more\); IAM allows at most 10,240 per role, whitespace not counted\. Grant this role fewer resources, or merge its grants into fewer statements\. See https:\/\/docs\.aws\.amazon\.com\/IAM\/latest\/UserGuide\/reference_iam-quotas\.html\.$/.exec(
        error?.message ?? "",
      );
    expect(m, error?.message).to.not.equal(null);
    const [, failing, total, largest, more] = m!;
    // Known now: the project's own policy is 526 characters, each pipeline's grant 477 or 478 (its store's
    // bucket and key given as plain strings).
    expect(largest).to.equal(
      ["`crowd-policy` 526", ...[10, 11, 12, 13].map((i) => `\`crowd-${i}-Build-Build-project-access\` 478`)].join(", "),
    );
    expect(Number(more)).to.equal(Number(failing) + 2 - 5);
    expect(Number(total.replace(",", ""))).to.be.greaterThan(POLICY_SIZE_LIMITS.roleInlinePolicies);
  });
});
