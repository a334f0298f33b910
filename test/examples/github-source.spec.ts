import { expect } from "chai";
import * as path from "path";
import {
  ACCOUNT,
  childrenOf,
  findResource,
  policyStatementsOf,
  ProgramRun,
  recorded,
  resourcesOfType,
  runProgram,
  useProgramResources,
} from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";

const CONNECTION_ARN = `arn:aws:codeconnections:us-east-1:${ACCOUNT}:connection/web-Source-GitHub-connection-id`;

describe("examples/github-source", () => {
  let run: ProgramRun;
  before(async () => {
    run = await runProgram(path.join(__dirname, "../../examples/github-source/index.ts"));
  });
  beforeEach(() => useProgramResources(run));

  it("exports the pipeline and where to complete the connection", () => {
    expect(run.outputs).to.deep.equal({
      pipelineName: "aws-cicd-test-test-web",
      pipelineUrl: "https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/aws-cicd-test-test-web/view?region=us-east-1",
      connectionsUrl: "https://us-east-1.console.aws.amazon.com/codesuite/settings/connections?region=us-east-1",
    });
  });

  it("creates one GitHub connection under the pipeline", () => {
    const connections = resourcesOfType("aws:codeconnections/connection:Connection");
    expect(connections.map((c) => [c.name, c.inputs])).to.deep.equal([
      ["web-Source-GitHub-connection", { name: "aws-cicd-test-test-web-So-6dbaef", providerType: "GitHub" }],
    ]);
    expect(childrenOf(findResource("aws-cicd:index:Pipeline", "web"))).to.deep.include(connections[0]);
  });

  it("runs GitHub, then Test, Approve and Package, in that order", () => {
    const stages = findResource("aws:codepipeline/pipeline:Pipeline", "web-pipeline").inputs.stages;
    expect(stages.map((s: any) => `${s.name}: ${s.actions.map((a: any) => `${a.name} (${a.provider})`).join(", ")}`)).to.deep.equal([
      "Source: GitHub (CodeStarSourceConnection)",
      "Test: Test (CodeBuild)",
      "Approve: Approve (Manual)",
      "Package: Package (CodeBuild)",
    ]);
    expect(stages[0].actions[0].configuration).to.deep.equal({
      ConnectionArn: CONNECTION_ARN,
      FullRepositoryId: "octo-org/web-app",
      BranchName: "main",
      OutputArtifactFormat: "CODE_ZIP",
      DetectChanges: "true",
    });
    expect(stages[3].actions[0].inputArtifacts).to.deep.equal(["GitHubOutput"]);
  });

  it("starts on pushes to main, on v* tags and on pull requests into main", () => {
    expect(findResource("aws:codepipeline/pipeline:Pipeline", "web-pipeline").inputs.triggers).to.deep.equal([
      {
        providerType: "CodeStarSourceConnection",
        gitConfiguration: {
          sourceActionName: "GitHub",
          pushes: [{ branches: { includes: ["main"] } }, { tags: { includes: ["v*"] } }],
          pullRequests: [{ events: ["OPEN", "UPDATED"], branches: { includes: ["main"] } }],
        },
      },
    ]);
    expect(resourcesOfType("aws:cloudwatch/eventRule:EventRule").map((r) => r.name)).to.have.members([
      "web-execution-failed",
      "web-execution-state",
      "web-approval-needed",
    ]);
  });

  it("lets the pipeline role use exactly the created connection", () => {
    const use = policyStatementsOf("web-role").filter((s) => s.Action.some((a) => a.endsWith(":UseConnection")));
    expect(use).to.deep.equal([
      { Sid: "UseSourceConnection", Effect: "Allow", Action: ["codeconnections:UseConnection"], Resource: [CONNECTION_ARN] },
    ]);
  });

  it("passes the IAM catalog check", async () => {
    expect(recorded.length).to.be.greaterThan(30);
    expect(await checkRecordedPolicies()).to.deep.equal([]);
  });
});
