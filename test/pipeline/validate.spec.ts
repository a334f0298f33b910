import { expect } from "chai";
import { ActionArgs, findApprovalActions, planStages, StageArgs, validatePipelineArgs } from "../../packages/aws-cicd/src/pipeline";
import { approve, build, source, test, twoStages } from "./fixtures";

const wiring = (stages: StageArgs[]) =>
  planStages(stages).map((s) => s.actions.map((a) => `${s.name}/${a.name}#${a.runOrder}: ${a.inputs.join("+") || "-"} -> ${a.outputs.join("+") || "-"}`));

describe("Pipeline validation (pure)", () => {
  describe("artifact wiring", () => {
    it("names outputs after their action and feeds each consumer the latest artifact", () => {
      expect(wiring([...twoStages(), { name: "Test", actions: [test()] }])).to.deep.equal([
        ["Source/Source#1: - -> SourceOutput"],
        ["Build/Build#1: SourceOutput -> BuildOutput"],
        ["Test/Test#1: BuildOutput -> -"],
      ]);
    });

    it("runs same-runOrder actions in parallel on the same input, and later ones on their outputs", () => {
      const stages: StageArgs[] = [
        { name: "Source", actions: [source()] },
        {
          name: "Build",
          actions: [
            build({ name: "Compile" }),
            test({ name: "Lint" }),
            build({ name: "Package", runOrder: 2 }),
          ],
        },
      ];
      expect(wiring(stages)).to.deep.equal([
        ["Source/Source#1: - -> SourceOutput"],
        ["Build/Compile#1: SourceOutput -> CompileOutput", "Build/Lint#1: SourceOutput -> -", "Build/Package#2: CompileOutput -> PackageOutput"],
      ]);
    });

    it("honours explicit inputs and outputs, and several of each", () => {
      const stages: StageArgs[] = [
        { name: "Source", actions: [source({ output: "App" }), source({ name: "Infra", repositoryName: "infra", output: "Infra" })] },
        { name: "Build", actions: [build({ inputs: ["App", "Infra"], primarySource: "App", outputs: ["Web", "Api"] })] },
        { name: "Test", actions: [test({ inputs: ["Api"] }), build({ name: "Bundle", inputs: ["Web"], outputs: [] })] },
      ];
      expect(wiring(stages)).to.deep.equal([
        ["Source/Source#1: - -> App", "Source/Infra#1: - -> Infra"],
        ["Build/Build#1: App+Infra -> Web+Api"],
        ["Test/Test#1: Api -> -", "Test/Bundle#1: Web -> -"],
      ]);
    });

    it("prefixes a default output with the stage when the plain name is taken", () => {
      const stages: StageArgs[] = [...twoStages(), { name: "Release", actions: [build()] }];
      expect(wiring(stages)[2]).to.deep.equal(["Release/Build#1: BuildOutput -> Release_BuildOutput"]);
    });
  });

  describe("errors", () => {
    const S = source();
    const B = build();
    const cases: [string, StageArgs[], string][] = [
      ["a single stage", [{ name: "Source", actions: [S] }], "`stages` must hold at least two stages (sources first, then what they feed), got 1."],
      ["duplicate stage names", [{ name: "Source", actions: [S] }, { name: "Source", actions: [B] }], '`stages[1].name` "Source" is already the name of `stages[0]`; stage names must be unique.'],
      ["a bad stage name", [{ name: "Source", actions: [S] }, { name: "Build stage", actions: [B] }], '`stages[1].name` must hold 1 to 100 letters, digits, ".", "@", "-" or "_", got "Build stage".'],
      ["an empty stage", [{ name: "Source", actions: [S] }, { name: "Build", actions: [] }], "`stages[1].actions` must hold at least one action, got []."],
      ["an action without kind", [{ name: "Source", actions: [S] }, { name: "Build", actions: [{} as ActionArgs] }], "`stages[1].actions[0]` must set exactly one action kind, got none. Kinds: codeCommitSource, s3Source, connectionSource, codeBuild, manualApproval, beanstalkDeploy, codeDeploy, ecsDeploy, codeDeployToEcs, custom, pulumiSelfUpdate."],
      ["an action with two kinds", [{ name: "Source", actions: [S] }, { name: "Build", actions: [{ ...B, manualApproval: {} }] }], "`stages[1].actions[0]` must set exactly one action kind, got codeBuild and manualApproval. Kinds: codeCommitSource, s3Source, connectionSource, codeBuild, manualApproval, beanstalkDeploy, codeDeploy, ecsDeploy, codeDeployToEcs, custom, pulumiSelfUpdate."],
      ["a build in the first stage", [{ name: "Source", actions: [S, B] }, { name: "Build", actions: [B] }], "`stages[0].actions[1]` is a codeBuild action; the first stage must hold only source actions (codeCommitSource, s3Source, connectionSource)."],
      ["an approval in the first stage", [{ name: "Source", actions: [approve()] }, { name: "Build", actions: [B] }], "`stages[0].actions[0]` is a manualApproval action; the first stage holds only source actions, so approvals go in a later stage."],
      ["a source in a later stage", [{ name: "Source", actions: [S] }, { name: "Build", actions: [S] }], "`stages[1].actions[0]` is a codeCommitSource action; source actions belong in the first stage only."],
      ["duplicate action names", [{ name: "Source", actions: [S] }, { name: "Build", actions: [B, build({ runOrder: 2 })] }], '`stages[1].actions[1].name` "Build" is already used by `stages[1].actions[0]`; action names must be unique within a stage (set `name`).'],
      ["a bad action name", [{ name: "Source", actions: [S] }, { name: "Build", actions: [build({ name: "my build" })] }], '`stages[1].actions[0].name` must hold 1 to 100 letters, digits, ".", "@", "-" or "_", got "my build".'],
      ["a runOrder of 0", [{ name: "Source", actions: [S] }, { name: "Build", actions: [build({ runOrder: 0 })] }], "`stages[1].actions[0].runOrder` must be a whole number from 1 to 999, got 0."],
      ["a runOrder of 1000", [{ name: "Source", actions: [S] }, { name: "Build", actions: [build({ runOrder: 1000 })] }], "`stages[1].actions[0].runOrder` must be a whole number from 1 to 999, got 1000."],
      ["an unknown input", [{ name: "Source", actions: [S] }, { name: "Build", actions: [build({ inputs: ["Nope"] })] }], '`stages[1].actions[0].inputs` names "Nope", which no earlier action produces (an artifact of the same stage needs a lower `runOrder`). Available at this point: SourceOutput.'],
      [
        "an input from a parallel action",
        [{ name: "Source", actions: [S] }, { name: "Build", actions: [B, test({ inputs: ["BuildOutput"] })] }],
        '`stages[1].actions[1].inputs` names "BuildOutput", which no earlier action produces (an artifact of the same stage needs a lower `runOrder`). Available at this point: SourceOutput.',
      ],
      ["an artifact produced twice", [{ name: "Source", actions: [S] }, { name: "Build", actions: [build({ output: "SourceOutput" })] }], '`stages[1].actions[0].output` "SourceOutput" is already produced by `stages[0].actions[0]`; artifact names must be unique in a pipeline.'],
      ["a bad artifact name", [{ name: "Source", actions: [source({ output: "my output" })] }, { name: "Build", actions: [B] }], '`stages[0].actions[0].output` must hold 1 to 100 letters, digits, "-" or "_", got "my output".'],
      ["an empty inputs list", [{ name: "Source", actions: [S] }, { name: "Build", actions: [build({ inputs: [] })] }], "`stages[1].actions[0].inputs` must name 1 to 5 input artifacts for a codeBuild action, got 0."],
      ["inputs on an approval", [{ name: "Source", actions: [S] }, { name: "Approve", actions: [{ manualApproval: { inputs: ["SourceOutput"] } as never }] }], "`stages[1].actions[0].inputs` must name no input artifacts for a manualApproval action, got 1."],
      ["a duplicate namespace", [{ name: "Source", actions: [source({ namespace: "Vars" })] }, { name: "Build", actions: [build({ namespace: "Vars" })] }], '`stages[1].actions[0].namespace` "Vars" is already used by `stages[0].actions[0]`; namespaces must be unique in a pipeline.'],
      ["a bad branch", [{ name: "Source", actions: [source({ branch: "feature..x" })] }, { name: "Build", actions: [B] }], '`stages[0].actions[0].branch` must be a Git branch name such as "main" or "release/1.2", got "feature..x".'],
      ["a repository ARN of another service", [{ name: "Source", actions: [source({ repositoryArn: "arn:aws:s3:::app" })] }, { name: "Build", actions: [B] }], '`stages[0].actions[0].repositoryArn` must be an ARN of the codecommit service ("arn:aws:codecommit:..."), got "arn:aws:s3:::app".'],
      ["output and outputs together", [{ name: "Source", actions: [S] }, { name: "Build", actions: [build({ output: "A", outputs: ["B"] })] }], "`stages[1].actions[0]` sets both `output` and `outputs`; use `outputs` alone for several artifacts."],
      ["a primary source not among the inputs", [{ name: "Source", actions: [S] }, { name: "Build", actions: [build({ primarySource: "SourceOutput" })] }], '`stages[1].actions[0].primarySource` must be one of the action\'s `inputs` (none given), got "SourceOutput".'],
      ["a plain-text AWS secret key", [{ name: "Source", actions: [S] }, { name: "Build", actions: [build({ environmentVariables: { AWS_SECRET_ACCESS_KEY: { value: "x" } } })] }], "`stages[1].actions[0].environmentVariables.AWS_SECRET_ACCESS_KEY` must not be a plain `value`: AWS credentials belong in `secret` or, better, the project's role."],
      ["a variable with two sources", [{ name: "Source", actions: [S] }, { name: "Build", actions: [build({ environmentVariables: { STAGE: { value: "x", parameter: "/p" } } })] }], "`stages[1].actions[0].environmentVariables.STAGE` must set exactly one of `value`, `parameter` or `secret`, got value, parameter."],
      [
        "a reserved variable name",
        [{ name: "Source", actions: [S] }, { name: "Build", actions: [build({ environmentVariables: { CODEBUILD_BUILD_ID: { value: "x" } } })] }],
        '`stages[1].actions[0].environmentVariables` names must be letters, digits and "_", not starting with a digit nor with the reserved "CODEBUILD_" prefix, got "CODEBUILD_BUILD_ID".',
      ],
      [
        "a password as a plain value",
        [{ name: "Source", actions: [S] }, { name: "Build", actions: [build({ environmentVariables: { DB_PASSWORD: { value: "hunter2" } } })] }],
        "`stages[1].actions[0].environmentVariables.DB_PASSWORD` looks like a credential (its name says it holds a secret); store it in SSM Parameter Store or Secrets Manager and pass `{ parameter: ... }` or `{ secret: ... }`.",
      ],
      [
        "an access key id as a plain value",
        [{ name: "Source", actions: [S] }, { name: "Build", actions: [build({ environmentVariables: { KEY_ID: { value: "AKIAIOSFODNN7EXAMPLE" } } })] }],
        "`stages[1].actions[0].environmentVariables.KEY_ID` looks like a credential (its value is an AWS access key id); store it in SSM Parameter Store or Secrets Manager and pass `{ parameter: ... }` or `{ secret: ... }`.",
      ],
      [
        "a malformed parameter name",
        [{ name: "Source", actions: [S] }, { name: "Build", actions: [build({ environmentVariables: { DB_URL: { parameter: "app db" } } })] }],
        '`stages[1].actions[0].environmentVariables.DB_URL.parameter` must be a Parameter Store parameter name such as "/app/db-url" or "db-url": letters, digits, "_", "." and "-", with levels separated by "/" and a leading "/" when there is more than one level, got "app db".',
      ],
      [
        "a secret reference with too many parts",
        [{ name: "Source", actions: [S] }, { name: "Build", actions: [build({ environmentVariables: { TOKEN: { secret: "s:k:AWSCURRENT:id:extra" } } })] }],
        '`stages[1].actions[0].environmentVariables.TOKEN.secret` has too many ":"-separated parts; use secret-id[:json-key[:version-stage[:version-id]]], got "s:k:AWSCURRENT:id:extra".',
      ],
      [
        "an action role that is a whole account",
        [{ name: "Source", actions: [S] }, { name: "Build", actions: [build({ roleArn: "arn:aws:iam::210987654321:root" })] }],
        '`stages[1].actions[0].roleArn` must be an IAM role ARN such as "arn:aws:iam::111122223333:role/deploy", got "arn:aws:iam::210987654321:root". Name the exact role, not an account.',
      ],
      ["a non-email approver", [{ name: "Source", actions: [S] }, { name: "Approve", actions: [approve({ notifyEmails: ["lead"] })] }], '`stages[1].actions[0].notifyEmails` must hold email addresses, got "lead".'],
      ["emails with a given topic", [{ name: "Source", actions: [S] }, { name: "Approve", actions: [approve({ topicArn: "arn:aws:sns:us-east-1:123456789012:t", notifyEmails: ["a@b.co"] })] }], "`stages[1].actions[0].notifyEmails` only applies to the created topic; subscribe them to `topicArn` yourself, or remove `topicArn`."],
      ["an http review URL", [{ name: "Source", actions: [S] }, { name: "Approve", actions: [approve({ reviewUrl: "http://x" })] }], '`stages[1].actions[0].reviewUrl` must be an https:// URL or one pipeline variable such as "#{Preview.PLAN_SUMMARY_URL}", got "http://x".'],
      ["a too long approval message", [{ name: "Source", actions: [S] }, { name: "Approve", actions: [approve({ message: "x".repeat(501) })] }], "`stages[1].actions[0].message` must be at most 500 characters, got 501."],
      ["an S3 source with an absolute key", [{ name: "Source", actions: [{ s3Source: { bucketName: "src-bucket", objectKey: "/app.zip" } }] }, { name: "Build", actions: [B] }], '`stages[0].actions[0].objectKey` must be an object key of 1 to 1024 characters not starting with "/", got "/app.zip".'],
    ];
    for (const [what, stages, message] of cases) {
      it(`throws for ${what}`, () => expect(() => planStages(stages)).to.throw(message));
    }

    it("accepts parameter ARNs, secret ARNs and plain values that do not look like credentials", () => {
      const vars = {
        STAGE: { value: "prod" },
        COMMIT: { value: "#{SourceVariables.CommitId}" },
        DB_URL: { parameter: "arn:aws:ssm:us-east-1:123456789012:parameter/app/db-url" },
        TOKEN: { secret: "arn:aws:secretsmanager:us-east-1:123456789012:secret:ci/token-AbCdEf:token" },
      };
      expect(() => planStages([{ name: "Source", actions: [S] }, { name: "Build", actions: [build({ environmentVariables: vars })] }])).to.not.throw();
    });
  });

  describe("pipeline arguments", () => {
    const cases: [string, object, string][] = [
      ["a bad pipeline name", { pipelineName: "my pipeline" }, '`pipelineName` must hold 1 to 100 letters, digits, ".", "@", "-" or "_", got "my pipeline".'],
      ["a too long role name", { roleName: "r".repeat(65) }, `\`roleName\` must hold 1 to 64 letters, digits or "+=,.@_-", got "${"r".repeat(65)}".`],
      ["an unknown execution mode", { executionMode: "FAST" }, '`executionMode` must be one of QUEUED, SUPERSEDED, PARALLEL, got "FAST".'],
      ["QUEUED on a V1 pipeline", { executionMode: "QUEUED", pipelineType: "V1" }, '`executionMode` "QUEUED" needs `pipelineType: "V2"`, got "V1".'],
      ["variables on a V1 pipeline", { variables: [{ name: "x" }], pipelineType: "V1" }, '`variables` need `pipelineType: "V2"`, got "V1".'],
      ["a bad variable name", { variables: [{ name: "my var" }] }, '`variables[0].name` must hold 1 to 128 letters, digits, "@", "-" or "_", got "my var".'],
      ["a duplicate variable", { variables: [{ name: "x" }, { name: "x" }] }, '`variables[1].name` "x" is declared twice; variable names must be unique.'],
      ["51 variables", { variables: Array.from({ length: 51 }, (_, i) => ({ name: `v${i}` })) }, "`variables` must hold at most 50 variables, got 51."],
      ["FAILED among the notified states", { notifications: { executionStates: ["FAILED"] } }, "`notifications.executionStates` must not list FAILED: the execution-failed rule always notifies failures."],
      ["an unknown notified state", { notifications: { executionStates: ["DONE"] } }, '`notifications.executionStates` must hold states from CANCELED, RESUMED, STARTED, STOPPED, STOPPING, SUCCEEDED, SUPERSEDED, got "DONE".'],
      ["emails with a given notification topic", { notifications: { topicArn: "arn:aws:sns:us-east-1:123456789012:t", emailSubscriptions: ["a@b.co"] } }, "`notifications.emailSubscriptions` only applies to the created topic; subscribe them to `notifications.topicArn` yourself, or remove `notifications.topicArn`."],
      ["bucket options with a given bucket", { artifactBucket: { bucketName: "b", keyArn: "arn:aws:kms:us-east-1:123456789012:key/k" }, artifactBucketOptions: {} }, "`artifactBucketOptions` only applies to the created bucket; remove it, or remove `artifactBucket`."],
      ["bad lifecycle days for the created bucket", { artifactBucketOptions: { lifecycle: { expireObjectsAfterDays: 0 } } }, "`artifactBucketOptions.lifecycle.expireObjectsAfterDays` must be a whole number of days from 1 to 36500, got 0."],
    ];
    for (const [what, args, message] of cases) {
      it(`throws for ${what}`, () => expect(() => validatePipelineArgs({ stages: twoStages(), ...args } as never)).to.throw(message));
    }
  });

  describe("approval look-up", () => {
    const stages = () => planStages([...twoStages(), { name: "Gate", actions: [approve(), approve({ name: "Security" })] }]);
    it("finds one approval or all of a stage", () => {
      expect(findApprovalActions(stages(), "Gate").map((a) => a.name)).to.deep.equal(["Approve", "Security"]);
      expect(findApprovalActions(stages(), "Gate", "Security").map((a) => a.name)).to.deep.equal(["Security"]);
    });
    it("lists what exists when the stage or action is missing", () => {
      expect(() => findApprovalActions(stages(), "Prod")).to.throw('The pipeline has no stage named "Prod". Available stages: Source, Build, Gate.');
      expect(() => findApprovalActions(stages(), "Build")).to.throw('Stage "Build" has no manual approval action. Stages with approvals: Gate.');
      expect(() => findApprovalActions(stages(), "Gate", "Legal")).to.throw('Stage "Gate" has no manual approval action named "Legal". Approval actions: Approve, Security.');
    });
  });
});
