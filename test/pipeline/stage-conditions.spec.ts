import { expect } from "chai";
import { PulumiStack } from "../../packages/aws-cicd/src";
import { planStages, StageArgs, StageEntryConditionArgs, validatePipelineArgs } from "../../packages/aws-cicd/src/pipeline";
import { findResource } from "../harness";
import { approve, build, loadedPipeline, source } from "./fixtures";

/** Source, a build exporting under namespace `B`, then a gated approval stage with `beforeEntry`. */
const gated = (beforeEntry: unknown): StageArgs[] => [
  { name: "Source", actions: [source()] },
  { name: "Build", actions: [build({ namespace: "B" })] },
  { name: "Gate", actions: [approve()], beforeEntry: beforeEntry as StageEntryConditionArgs },
];
const CHECK = { variable: "#{B.PLAN_IAM_BROADENED}", value: "true" };
const B = "stages[2].beforeEntry";
const LISTS = "`variableChecks`, `cloudWatchAlarms`, `deploymentWindows` and `lambdaInvokes`";

describe("Pipeline stage entry conditions", () => {
  it("renders a VariableCheck condition with its result, names and default operator", async () => {
    await loadedPipeline({
      stages: gated({
        result: "SKIP",
        variableChecks: [CHECK, { ...CHECK, name: "NotDev", operator: "NE", variable: "#{variables.env}", value: "dev" }],
      }),
      variables: [{ name: "env", defaultValue: "prod" }],
    });
    const stages = findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline").inputs.stages;
    expect(stages[2].beforeEntry).to.deep.equal({
      condition: {
        result: "SKIP",
        rules: [
          {
            name: "VariableCheck1",
            ruleTypeId: { category: "Rule", owner: "AWS", provider: "VariableCheck", version: "1" },
            configuration: { Variable: "#{B.PLAN_IAM_BROADENED}", Value: "true", Operator: "EQ" },
          },
          {
            name: "NotDev",
            ruleTypeId: { category: "Rule", owner: "AWS", provider: "VariableCheck", version: "1" },
            configuration: { Variable: "#{variables.env}", Value: "dev", Operator: "NE" },
          },
        ],
      },
    });
    expect(stages[1]).to.not.have.property("beforeEntry");
  });

  const rows: [string, unknown, string, string?][] = [
    ["a V1 pipeline", { result: "FAIL", variableChecks: [CHECK] }, `\`${B}\` needs \`pipelineType: "V2"\`, got "V1".`, "V1"],
    [
      "an unknown result",
      { result: "ROLLBACK", variableChecks: [CHECK] },
      `\`${B}.result\` must be "FAIL" or "SKIP", got the string "ROLLBACK".`,
    ],
    ["no rule", { result: "FAIL", variableChecks: [] }, `\`${B}\` must hold 1 to 5 rules in ${LISTS} together, got 0.`],
    [
      "six rules",
      {
        result: "FAIL",
        variableChecks: Array(6)
          .fill(CHECK)
          .map((c, i) => ({ ...c, name: `C${i}` })),
      },
      `\`${B}\` must hold 1 to 5 rules in ${LISTS} together, got 6.`,
    ],
    [
      "text around the variable",
      { result: "FAIL", variableChecks: [{ ...CHECK, variable: "IAM: #{B.X}" }] },
      `\`${B}.variableChecks[0].variable\` must be one variable reference such as "#{Preview.PLAN_IAM_BROADENED}", got the string "IAM: #{B.X}".`,
    ],
    [
      "a namespace no earlier stage sets",
      { result: "FAIL", variableChecks: [{ ...CHECK, variable: "#{Later.X}" }] },
      `\`${B}.variableChecks[0].variable\` reads namespace "Later", which no action of an earlier stage sets. Available: variables, B.`,
    ],
    [
      "an unknown operator",
      { result: "FAIL", variableChecks: [{ ...CHECK, operator: "GT" }] },
      `\`${B}.variableChecks[0].operator\` must be one of EQ, NE, CONTAINS, MATCHES, got the string "GT".`,
    ],
    [
      "an empty value",
      { result: "FAIL", variableChecks: [{ ...CHECK, value: "" }] },
      `\`${B}.variableChecks[0].value\` must be a string of 1 to 10000 characters, got the string "".`,
    ],
    [
      "a bad rule name",
      { result: "FAIL", variableChecks: [{ ...CHECK, name: "a b" }] },
      `\`${B}.variableChecks[0].name\` must hold 1 to 100 letters, digits, ".", "@", "-" or "_", got the string "a b".`,
    ],
  ];
  for (const [what, condition, message, type] of rows) {
    it(`refuses ${what} before anything is created`, () => {
      expect(() => validatePipelineArgs({ stages: gated(condition), ...(type ? { pipelineType: "V1" } : {}) } as never)).to.throw(message);
    });
  }

  it("keeps the condition in the planned stage", () => {
    expect(planStages(gated({ result: "FAIL", variableChecks: [CHECK] }))[2].beforeEntry).to.deep.equal({
      result: "FAIL",
      variableChecks: [CHECK],
    });
  });

  describe("PulumiStack.permissionGateStage", () => {
    it("is an approval stage entered only when the preview reports broadened permissions, skipped otherwise", async () => {
      const s = new PulumiStack("prod", { stack: "acme/shop/prod", accessToken: { secretsManager: "pulumi-token" } });
      const gate = s.permissionGateStage({ notifyEmails: ["security@example.com"] });
      expect(gate).to.deep.equal({
        name: "prodPlan-PermissionGate",
        actions: [
          {
            manualApproval: {
              name: "ApprovePermissions",
              notifyEmails: ["security@example.com"],
              message:
                "The Pulumi plan changes permissions (IAM resources, key or bucket policies); approve only if intended. #{prodPlan.PLAN_SUMMARY}",
              reviewUrl: "#{prodPlan.PLAN_SUMMARY_URL}",
            },
          },
        ],
        beforeEntry: {
          result: "SKIP",
          variableChecks: [{ name: "PermissionsBroadened", variable: "#{prodPlan.PLAN_IAM_BROADENED}", operator: "EQ", value: "true" }],
        },
      });
      expect(s.permissionGateStage({ stageName: "SecurityReview" }).name).to.equal("SecurityReview");
      await loadedPipeline({
        stages: [
          { name: "Source", actions: [source()] },
          { name: "Preview", actions: [s.previewAction()] },
          gate,
          { name: "Up", actions: [s.upAction()] },
        ],
      });
      const stages = findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline").inputs.stages;
      expect(stages.map((x: { name: string }) => x.name)).to.deep.equal(["Source", "Preview", "prodPlan-PermissionGate", "Up"]);
      expect(stages[2].beforeEntry.condition.result).to.equal("SKIP");
      expect(stages[2].actions[0].configuration.ExternalEntityLink).to.equal("#{prodPlan.PLAN_SUMMARY_URL}");
    });
  });
});
