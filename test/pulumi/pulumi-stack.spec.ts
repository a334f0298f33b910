import { expect } from "chai";
import * as YAML from "yaml";
import {
  CodeCommitRepo,
  Pipeline,
  PulumiStack,
  PulumiStackArgs,
  pulumiPreviewBuildSpec,
  pulumiUpBuildSpec,
} from "../../packages/aws-cicd/src";
import { PREVIEW_SUMMARY_SCRIPT, PULUMI_PLAN_VARIABLES } from "../../packages/aws-cicd/src/pulumi";
import { ACCOUNT, findResource, policyStatementsOf, recorded, settle, unwrap } from "../harness";

const R = `us-east-1:${ACCOUNT}`;
const TOKEN = { secretsManager: "pulumi-token" };
const ARGS: PulumiStackArgs = { stack: "acme/shop/prod", accessToken: TOKEN };

/** The base64 script command of a preview buildspec, decoded. */
function embeddedScript(commands: string[]): string {
  const m = /echo '([A-Za-z0-9+/=]+)' \| base64 -d/.exec(commands.join("\n"));
  return Buffer.from(m![1], "base64").toString("utf8");
}

/** Waits for both projects, then returns the recorded projects' parsed buildspecs. */
async function deployed(s: PulumiStack, name: string): Promise<{ preview: any; up: any }> {
  await unwrap(s.previewProjectName);
  await unwrap(s.upProjectName);
  await settle();
  const spec = (n: string) => YAML.parse(findResource("aws:codebuild/project:Project", `${n}-project`).inputs.source.buildspec);
  return { preview: spec(`${name}-preview`), up: spec(`${name}-up`) };
}

describe("PulumiStack", () => {
  describe("preview buildspec", () => {
    it("previews the stack with --save-plan and --json, summarizes, exports and zips the plan directory", () => {
      const spec = pulumiPreviewBuildSpec(ARGS);
      const commands = spec.phases!.build!.commands!;
      expect(embeddedScript(commands)).to.equal(PREVIEW_SUMMARY_SCRIPT);
      expect({
        ...spec,
        phases: { build: { commands: commands.map((c) => c.replace(/'[A-Za-z0-9+/=]{100,}'/, "'<script>'")) } },
      }).to.deep.equal({
        version: "0.2",
        env: {
          shell: "bash",
          variables: {
            PULUMI_STACK: "acme/shop/prod",
            PULUMI_WORK_DIR: ".",
            PULUMI_EXPERIMENTAL: "true",
            PULUMI_SKIP_UPDATE_CHECK: "true",
          },
          "secrets-manager": { PULUMI_ACCESS_TOKEN: "pulumi-token" },
          "exported-variables": [
            "PLAN_CREATES",
            "PLAN_UPDATES",
            "PLAN_REPLACES",
            "PLAN_DELETES",
            "PLAN_IAM_CHANGES",
            "PLAN_IAM_BROADENED",
            "PLAN_SUMMARY",
            "PLAN_SUMMARY_URL",
          ],
        },
        phases: {
          build: {
            commands: [
              'PLAN_DIR="$CODEBUILD_SRC_DIR/pulumi-plan" && rm -rf "$PLAN_DIR" && mkdir -p "$PLAN_DIR"',
              'pulumi preview --stack "$PULUMI_STACK" --cwd "$CODEBUILD_SRC_DIR/$PULUMI_WORK_DIR" --save-plan "$PLAN_DIR/plan.json" --json --non-interactive > "$PLAN_DIR/preview.json"',
              'test -s "$PLAN_DIR/plan.json" || { echo "pulumi preview saved no plan at $PLAN_DIR/plan.json." >&2; exit 1; }',
              `SUMMARIZE="$(mktemp -d)" && echo '<script>' | base64 -d > "$SUMMARIZE/summarize.cjs"`,
              'node "$SUMMARIZE/summarize.cjs" "$PLAN_DIR/preview.json" "$PLAN_DIR" "$PULUMI_STACK" > "$SUMMARIZE/variables.sh"',
              'set -a && . "$SUMMARIZE/variables.sh" && set +a',
              'cat "$PLAN_DIR/summary.md"',
            ],
          },
        },
        artifacts: { "base-directory": "pulumi-plan", files: ["plan.json", "preview.json", "summary.md", "summary.json"] },
      });
      expect(PULUMI_PLAN_VARIABLES).to.deep.equal(spec.env!["exported-variables"]);
    });

    it("takes workDir, the backend, the passphrase, install and prepare commands", () => {
      const spec = pulumiPreviewBuildSpec({
        stack: "dev",
        workDir: "infra/app",
        backendUrl: "s3://state-bucket/shop",
        configPassphrase: { parameterStore: "/pulumi/passphrase" },
        installCommands: ["npm install -g pulumi@3.200.0"],
        prepareCommands: ["npm ci"],
      });
      expect(spec.env).to.deep.include({
        variables: {
          PULUMI_STACK: "dev",
          PULUMI_WORK_DIR: "infra/app",
          PULUMI_EXPERIMENTAL: "true",
          PULUMI_SKIP_UPDATE_CHECK: "true",
          PULUMI_BACKEND_URL: "s3://state-bucket/shop",
        },
        "parameter-store": { PULUMI_CONFIG_PASSPHRASE: "/pulumi/passphrase" },
      });
      expect(spec.env).to.not.have.property("secrets-manager");
      expect(spec.phases!.install).to.deep.equal({ commands: ["npm install -g pulumi@3.200.0"] });
      expect(spec.phases!.pre_build).to.deep.equal({ commands: ['cd "$CODEBUILD_SRC_DIR/$PULUMI_WORK_DIR"', "npm ci"] });
    });
  });

  describe("up buildspec", () => {
    it("checks the plan input and file, then runs pulumi up --plan --yes", () => {
      expect(pulumiUpBuildSpec({ ...ARGS, configPassphrase: { secretsManager: "pulumi/passphrase:value" } }, "prodPlan")).to.deep.equal({
        version: "0.2",
        env: {
          shell: "bash",
          variables: {
            PULUMI_STACK: "acme/shop/prod",
            PULUMI_WORK_DIR: ".",
            PULUMI_EXPERIMENTAL: "true",
            PULUMI_SKIP_UPDATE_CHECK: "true",
          },
          "secrets-manager": { PULUMI_ACCESS_TOKEN: "pulumi-token", PULUMI_CONFIG_PASSPHRASE: "pulumi/passphrase:value" },
        },
        phases: {
          build: {
            commands: [
              'test -n "${CODEBUILD_SRC_DIR_prodPlan:-}" || { echo "The plan artifact prodPlan is not an input of this build (CODEBUILD_SRC_DIR_prodPlan is unset); run the preview first and pass its output." >&2; exit 1; }',
              'PLAN_FILE="$CODEBUILD_SRC_DIR_prodPlan/plan.json"',
              'test -s "$PLAN_FILE" || { echo "No saved plan at $PLAN_FILE; refusing to run pulumi up without the reviewed plan." >&2; exit 1; }',
              'pulumi up --stack "$PULUMI_STACK" --cwd "$CODEBUILD_SRC_DIR/$PULUMI_WORK_DIR" --plan "$PLAN_FILE" --yes --non-interactive',
            ],
          },
        },
      });
    });
  });

  describe("component", () => {
    it("creates a preview and an up BuildProject under itself, with the rendered buildspecs", async () => {
      const s = new PulumiStack("prod", ARGS);
      const { preview, up } = await deployed(s, "prod");
      // renderBuildSpec writes `version: 0.2`, which YAML reads back as a number.
      expect(preview).to.deep.equal({ ...pulumiPreviewBuildSpec(ARGS), version: 0.2 });
      expect(up).to.deep.equal({ ...pulumiUpBuildSpec(ARGS, "prodPlan"), version: 0.2 });
      const self = findResource("aws-cicd:index:PulumiStack", "prod");
      expect(recorded.filter((r) => r.parent === self.urn).map((r) => `${r.type}/${r.name}`)).to.deep.equal([
        "aws-cicd:index:BuildProject/prod-preview",
        "aws-cicd:index:BuildProject/prod-up",
      ]);
      expect([await unwrap(s.previewProjectName), await unwrap(s.upProjectName)]).to.deep.equal([
        "aws-cicd-test-test-prod-preview",
        "aws-cicd-test-test-prod-up",
      ]);
      expect(await unwrap(s.previewRole.urn)).to.equal(findResource("aws:iam/role:Role", "prod-preview-role").urn);
      expect(await unwrap(s.upRole.urn)).to.equal(findResource("aws:iam/role:Role", "prod-up-role").urn);
      expect(findResource("aws:codebuild/project:Project", "prod-preview-project").inputs.description).to.equal(
        "Pulumi preview of stack acme/shop/prod (aws-cicd)",
      );
    });

    it("lets each role read exactly the token secret and the passphrase parameter", async () => {
      const s = new PulumiStack("prod", { ...ARGS, configPassphrase: { parameterStore: "/pulumi/passphrase" } });
      await deployed(s, "prod");
      for (const role of ["prod-preview-role", "prod-up-role"]) {
        const statements = policyStatementsOf(role);
        expect(
          statements.find((x) => x.Sid === "ReadSecrets"),
          role,
        ).to.deep.equal({
          Sid: "ReadSecrets",
          Effect: "Allow",
          Action: ["secretsmanager:GetSecretValue"],
          Resource: [`arn:aws:secretsmanager:${R}:secret:pulumi-token-??????`],
        });
        expect(
          statements.find((x) => x.Sid === "ReadParameters"),
          role,
        ).to.deep.equal({
          Sid: "ReadParameters",
          Effect: "Allow",
          Action: ["ssm:GetParameters"],
          Resource: [`arn:aws:ssm:${R}:parameter/pulumi/passphrase`],
        });
        expect(statements.map((x) => x.Sid)).to.deep.equal(["WriteBuildLogs", "UseKeysThroughS3", "ReadParameters", "ReadSecrets"]);
      }
    });

    it("passes the build settings to both projects", async () => {
      const s = new PulumiStack("dev", {
        stack: "dev",
        backendUrl: "s3://state/shop",
        build: { computeType: "BUILD_GENERAL1_MEDIUM", timeoutInMinutes: 30, tags: { team: "platform" } },
      });
      await deployed(s, "dev");
      for (const name of ["dev-preview-project", "dev-up-project"]) {
        const p = findResource("aws:codebuild/project:Project", name).inputs;
        expect([p.environment.computeType, p.buildTimeout, p.tags], name).to.deep.equal([
          "BUILD_GENERAL1_MEDIUM",
          30,
          { team: "platform" },
        ]);
      }
    });

    it("names the plan artifact and namespace after planArtifact and namespace", async () => {
      const s = new PulumiStack("prod", { ...ARGS, planArtifact: "ProdPlan_v2", namespace: "PlanProd" });
      const { up } = await deployed(s, "prod");
      expect(up.phases.build.commands[1]).to.equal('PLAN_FILE="$CODEBUILD_SRC_DIR_ProdPlan_v2/plan.json"');
      expect(s.previewAction().codeBuild).to.deep.include({ outputs: ["ProdPlan_v2"], namespace: "PlanProd" });
      expect(s.approvalAction().manualApproval.reviewUrl).to.equal("#{PlanProd.PLAN_SUMMARY_URL}");
    });
  });

  describe("actions", () => {
    it("previewAction reads the source and writes the plan artifact under the namespace", async () => {
      const s = new PulumiStack("prod", ARGS);
      const a = s.previewAction({ name: "PreviewProd", runOrder: 2, source: "Code" }).codeBuild;
      expect(await unwrap(a.projectName)).to.equal("aws-cicd-test-test-prod-preview");
      expect({ ...a, projectName: undefined, projectArn: undefined, projectRoleName: undefined, projectRoleArn: undefined }).to.deep.equal({
        projectName: undefined,
        projectArn: undefined,
        projectRoleName: undefined,
        projectRoleArn: undefined,
        name: "PreviewProd",
        runOrder: 2,
        inputs: ["Code"],
        outputs: ["prodPlan"],
        namespace: "prodPlan",
      });
    });

    it("upAction takes the source as primary input and the plan as second, producing nothing", async () => {
      const s = new PulumiStack("prod", ARGS);
      const a = s.upAction().codeBuild;
      expect(await unwrap(a.projectName)).to.equal("aws-cicd-test-test-prod-up");
      expect([a.name, a.inputs, a.primarySource, a.outputs, a.runOrder]).to.deep.equal([
        "Up",
        ["SourceOutput", "prodPlan"],
        "SourceOutput",
        [],
        undefined,
      ]);
    });

    it("approvalAction shows the plan summary and links the preview build, keeping the other settings", () => {
      const s = new PulumiStack("prod", ARGS);
      expect(s.approvalAction({ name: "ApprovePlan", notifyEmails: ["ops@example.com"] })).to.deep.equal({
        manualApproval: {
          name: "ApprovePlan",
          notifyEmails: ["ops@example.com"],
          message: "Review the Pulumi plan before approving. #{prodPlan.PLAN_SUMMARY} IAM broadened: #{prodPlan.PLAN_IAM_BROADENED}.",
          reviewUrl: "#{prodPlan.PLAN_SUMMARY_URL}",
        },
      });
    });

    it("wires preview, approval and up in a pipeline: plan artifact, variables in the approval, source as primary", async () => {
      const repo = new CodeCommitRepo("shop");
      const s = new PulumiStack("prod", ARGS);
      const p = new Pipeline("delivery", {
        stages: [
          { name: "Source", actions: [repo.sourceAction()] },
          { name: "Preview", actions: [s.previewAction()] },
          { name: "Approve", actions: [s.approvalAction()] },
          { name: "Up", actions: [s.upAction()] },
        ],
      });
      await unwrap(p.pipelineArn);
      await settle();
      const stages = findResource("aws:codepipeline/pipeline:Pipeline", "delivery-pipeline").inputs.stages;
      expect(stages[1].actions[0]).to.deep.include({
        name: "Preview",
        inputArtifacts: ["SourceOutput"],
        outputArtifacts: ["prodPlan"],
        namespace: "prodPlan",
      });
      expect(stages[2].actions[0].configuration).to.deep.include({
        CustomData: "Review the Pulumi plan before approving. #{prodPlan.PLAN_SUMMARY} IAM broadened: #{prodPlan.PLAN_IAM_BROADENED}.",
        ExternalEntityLink: "#{prodPlan.PLAN_SUMMARY_URL}",
      });
      expect(stages[3].actions[0]).to.deep.include({ name: "Up", inputArtifacts: ["SourceOutput", "prodPlan"] });
      expect(stages[3].actions[0].configuration).to.deep.include({ PrimarySource: "SourceOutput" });
      expect(stages[3].actions[0]).to.not.have.property("outputArtifacts");
    });
  });
});
