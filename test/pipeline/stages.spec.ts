import { expect } from "chai";
import {
  ActionArgs,
  findApprovalActions,
  MAX_ACTIONS_PER_STAGE,
  MAX_STAGES_PER_PIPELINE,
  planStages,
  StageArgs,
} from "../../packages/aws-cicd/src/pipeline";
import { ACCOUNT } from "../harness";
import { approve, build, source, test } from "./fixtures";

const S = source();
const B = build();
/** A Beanstalk deploy action: exactly one input artifact, no output. */
const deploy = (extra: object = {}): ActionArgs =>
  ({
    beanstalkDeploy: {
      applicationName: "shop",
      environmentName: "shop-prod",
      applicationArn: `arn:aws:elasticbeanstalk:us-east-1:${ACCOUNT}:application/shop`,
      environmentArn: `arn:aws:elasticbeanstalk:us-east-1:${ACCOUNT}:environment/shop/shop-prod`,
      environmentId: "e-prod1234",
      instanceRoleArn: `arn:aws:iam::${ACCOUNT}:role/shop-prod-instance`,
      ...extra,
    },
  }) as ActionArgs;
/** A custom source action that produces no artifact. */
const silentSource: ActionArgs = { custom: { category: "Source", provider: "Webhook", configuration: {}, statements: [] } } as never;
const builds = (n: number) => Array.from({ length: n }, (_, i) => build({ name: `Build${i}` }));
const stagesOf = (n: number): StageArgs[] => [
  { name: "Source", actions: [S] },
  ...Array.from({ length: n - 1 }, (_, i) => ({ name: `Stage${i}`, actions: [build({ name: `Build${i}` })] })),
];
const plan = (...later: ActionArgs[][]) =>
  planStages([{ name: "Source", actions: [S] }, ...later.map((actions, i) => ({ name: `Stage${i + 1}`, actions }))]);

describe("Pipeline stages (pure)", () => {
  describe("quotas", () => {
    it(`accepts ${MAX_STAGES_PER_PIPELINE} stages and refuses one more`, () => {
      expect(planStages(stagesOf(50))).to.have.length(50);
      expect(() => planStages(stagesOf(51))).to.throw(
        "`stages` must hold at most 50 stages, CodePipeline's quota per pipeline, got 51. The quota is adjustable: ask AWS for more through Service Quotas, or split the pipeline.",
      );
    });

    it(`accepts ${MAX_ACTIONS_PER_STAGE} actions in a stage and refuses one more`, () => {
      expect(plan(builds(50))[1].actions).to.have.length(50);
      expect(() => plan(builds(51))).to.throw(
        "`stages[1].actions` must hold at most 50 actions, CodePipeline's quota per stage, got 51. The quota is adjustable: ask AWS for more through Service Quotas, or spread the actions over more stages.",
      );
    });

    it("accepts five inputs for a build", () => {
      const sources = ["A", "B", "C", "D", "E"].map((n) => source({ name: n, repositoryName: n.toLowerCase(), output: n }));
      const [, stage] = planStages([
        { name: "Source", actions: sources },
        { name: "Build", actions: [build({ inputs: ["A", "B", "C", "D", "E"], primarySource: "A" })] },
      ]);
      expect(stage.actions[0].inputs).to.deep.equal(["A", "B", "C", "D", "E"]);
    });

    it("accepts a runOrder of 999", () => {
      expect(plan([build({ runOrder: 999 })])[1].actions[0].runOrder).to.equal(999);
    });
  });

  describe("refuses", () => {
    const cases: [string, unknown, string][] = [
      ["stages that are not a list", "Source,Build", '`stages` must be a list, got the string "Source,Build"; wrap a single item in [ ].'],
      [
        "a stage that is null",
        [{ name: "Source", actions: [S] }, null],
        "`stages[1]` must be an object with `name` and `actions`, got null; pass the fields or leave `stages[1]` out.",
      ],
      [
        "actions that are not a list",
        [
          { name: "Source", actions: [S] },
          { name: "Build", actions: B },
        ],
        "`stages[1].actions` must be a list, got an object; wrap a single item in [ ].",
      ],
      [
        "a stage name that is a number",
        [
          { name: "Source", actions: [S] },
          { name: 2, actions: [B] },
        ],
        '`stages[1].name` must hold 1 to 100 letters, digits, ".", "@", "-" or "_", got "2".',
      ],
      [
        "an action that is null",
        [
          { name: "Source", actions: [S] },
          { name: "Build", actions: [null] },
        ],
        "`stages[1].actions[0]` must set exactly one action kind, got none.",
      ],
      [
        "a kind that is a string",
        [
          { name: "Source", actions: [S] },
          { name: "Build", actions: [{ codeBuild: "build" }] },
        ],
        '`stages[1].actions[0].codeBuild` must be an object with the action\'s fields, got the string "build"; pass the fields or leave `stages[1].actions[0].codeBuild` out.',
      ],
      [
        "a kind that is null",
        [
          { name: "Source", actions: [S] },
          { name: "Build", actions: [{ codeBuild: null }] },
        ],
        "`stages[1].actions[0].codeBuild` must be an object with the action's fields, got null; pass the fields or leave `stages[1].actions[0].codeBuild` out.",
      ],
      [
        "an input named twice",
        [
          { name: "Source", actions: [S] },
          { name: "Build", actions: [build({ inputs: ["SourceOutput", "SourceOutput"] })] },
        ],
        '`stages[1].actions[0].inputs` names "SourceOutput" twice.',
      ],
      [
        "six inputs for a build",
        [
          { name: "Source", actions: [S] },
          { name: "Build", actions: [build({ inputs: ["A", "B", "C", "D", "E", "F"] })] },
        ],
        "`stages[1].actions[0].inputs` must name 1 to 5 input artifacts for a codeBuild action, got 6.",
      ],
      [
        "inputs that are not a list",
        [
          { name: "Source", actions: [S] },
          { name: "Build", actions: [build({ inputs: "SourceOutput" as never })] },
        ],
        '`stages[1].actions[0].inputs` must be a list, got the string "SourceOutput"; wrap a single item in [ ].',
      ],
      [
        "no input for a deploy",
        [
          { name: "Source", actions: [S] },
          { name: "Deploy", actions: [deploy({ inputs: [] })] },
        ],
        "`stages[1].actions[0].inputs` must name exactly 1 input artifact for a beanstalkDeploy action, got 0.",
      ],
      [
        "two inputs for a deploy",
        [
          { name: "Source", actions: [S, source({ name: "Infra", repositoryName: "infra" })] },
          { name: "Deploy", actions: [deploy({ inputs: ["SourceOutput", "InfraOutput"] })] },
        ],
        "`stages[1].actions[0].inputs` must name exactly 1 input artifact for a beanstalkDeploy action, got 2.",
      ],
      [
        "a build without any artifact before it",
        [
          { name: "Source", actions: [silentSource] },
          { name: "Build", actions: [B] },
        ],
        "`stages[1].actions[0]` needs an input artifact, but no earlier action produces one. Available at this point: none.",
      ],
      [
        "six outputs for a build",
        [
          { name: "Source", actions: [S] },
          { name: "Build", actions: [build({ outputs: ["A", "B", "C", "D", "E", "F"] })] },
        ],
        "`stages[1].actions[0].outputs` must name 0 to 5 output artifacts for a codeBuild action, got 6.",
      ],
      [
        "an output named twice by one action",
        [
          { name: "Source", actions: [S] },
          { name: "Build", actions: [build({ outputs: ["Web", "Web"] })] },
        ],
        '`stages[1].actions[0].outputs` "Web" is already produced by `stages[1].actions[0]`; artifact names must be unique in a pipeline.',
      ],
      [
        "a bad name among `outputs`",
        [
          { name: "Source", actions: [S] },
          { name: "Build", actions: [build({ outputs: ["Web", "my output"] })] },
        ],
        '`stages[1].actions[0].outputs` must hold 1 to 100 letters, digits, "-" or "_", got "my output".',
      ],
      [
        "a bad `output` of a build",
        [
          { name: "Source", actions: [S] },
          { name: "Build", actions: [build({ output: "my.output" })] },
        ],
        '`stages[1].actions[0].output` must hold 1 to 100 letters, digits, "-" or "_", got "my.output".',
      ],
    ];
    for (const [what, stages, message] of cases) {
      it(`throws for ${what}`, () => expect(() => planStages(stages as StageArgs[])).to.throw(message));
    }
  });

  describe("plans", () => {
    it("runs actions by numeric runOrder, whatever order they are listed in", () => {
      const [, stage] = plan([
        build({ name: "Package", runOrder: 10, inputs: ["CompileOutput"] }),
        build({ name: "Compile", runOrder: 9 }),
        test({ name: "Check", runOrder: 2 }),
      ]);
      expect(stage.actions.map((a) => `${a.name}#${a.runOrder}: ${a.inputs.join("+")} -> ${a.outputs.join("+") || "-"}`)).to.deep.equal([
        "Package#10: CompileOutput -> PackageOutput",
        "Compile#9: SourceOutput -> CompileOutput",
        "Check#2: SourceOutput -> -",
      ]);
    });

    it("derives default outputs from action and stage names, replacing characters artifacts cannot hold", () => {
      const stages = planStages([
        { name: "Source", actions: [S] },
        { name: "Build", actions: [build({ name: "app.build" })] },
        { name: "Re.lease", actions: [build({ name: "app.build" })] },
      ]);
      expect(stages.map((s) => s.actions[0].outputs)).to.deep.equal([["SourceOutput"], ["app_buildOutput"], ["Re_lease_app_buildOutput"]]);
    });

    it("cuts a default output to 100 characters, and prefixes the stage when the cut name is taken", () => {
      const name = "b".repeat(100);
      const [, first, second] = plan([build({ name })], [build({ name })]);
      expect(first.actions[0].outputs).to.deep.equal(["b".repeat(100)]);
      expect(second.actions[0].outputs).to.deep.equal([`Stage2_${"b".repeat(93)}`]);
    });

    it("gives a deploy the latest artifact and no output", () => {
      const [, , stage] = plan([B], [deploy()]);
      expect(stage.actions[0].inputs).to.deep.equal(["BuildOutput"]);
      expect(stage.actions[0].outputs).to.deep.equal([]);
    });

    it("keeps an action's arguments as given when it names no role", () => {
      const [, stage] = plan([build({ name: "Compile" })]);
      expect(stage.actions[0].args).to.deep.equal({ projectName: "build", projectArn: build().codeBuild!.projectArn, name: "Compile" });
    });

    it("keeps a stage's conditions only when given", () => {
      const beforeEntry = { result: "FAIL", conditions: [] };
      const onSuccess = { result: "ROLLBACK", conditions: [] };
      const onFailure = { result: "ROLLBACK" };
      const [, bare] = plan([B]);
      expect(Object.keys(bare)).to.deep.equal(["name", "actions"]);
      const [, withConditions] = planStages([
        { name: "Source", actions: [S] },
        { name: "Build", actions: [B], beforeEntry, onSuccess, onFailure } as StageArgs,
      ]);
      expect(withConditions).to.deep.include({ beforeEntry, onSuccess, onFailure });
      expect(Object.keys(withConditions)).to.deep.equal(["name", "actions", "beforeEntry", "onSuccess", "onFailure"]);
    });
  });

  describe("approval look-up", () => {
    it("lists the stages holding an approval among other actions", () => {
      const stages = plan([B], [approve(), test({ name: "Smoke" })]);
      expect(() => findApprovalActions(stages, "Stage1")).to.throw(
        'Stage "Stage1" has no manual approval action. Stages with approvals: Stage2.',
      );
    });

    it('says "none" when no stage holds an approval', () => {
      expect(() => findApprovalActions(plan([B]), "Stage1")).to.throw(
        'Stage "Stage1" has no manual approval action. Stages with approvals: none.',
      );
    });
  });
});
