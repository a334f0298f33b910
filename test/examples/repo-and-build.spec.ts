import { expect } from "chai";
import * as path from "path";
import {
  ACCOUNT,
  findResource,
  policyStatementsOf,
  ProgramRun,
  recorded,
  resourcesOfType,
  runProgram,
  useProgramResources,
} from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";

const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/cicd-key-id`;

describe("examples/repo-and-build", () => {
  let run: ProgramRun;
  before(async () => {
    run = await runProgram(path.join(__dirname, "../../examples/repo-and-build/index.ts"));
  });
  beforeEach(() => useProgramResources(run));

  it("exports the clone URLs, project and log group", () => {
    expect(run.outputs).to.deep.equal({
      cloneUrlGrc: "codecommit::us-east-1://app",
      cloneUrlHttp: "https://git-codecommit.us-east-1.amazonaws.com/v1/repos/app",
      repositoryArn: `arn:aws:codecommit:us-east-1:${ACCOUNT}:app`,
      projectName: "aws-cicd-test-test-tests",
      logGroupName: "/aws/codebuild/aws-cicd-test-test-tests",
      keyAlias: "alias/aws-cicd-test/test/cicd",
    });
  });

  it("creates exactly one key and encrypts the repository, project, logs and topics with it", () => {
    expect(resourcesOfType("aws:kms/key:Key").map((k) => k.name)).to.deep.equal(["cicd-key"]);
    const repo = findResource("aws:codecommit/repository:Repository", "app-repository");
    expect(repo.inputs.kmsKeyId).to.equal(KEY_ARN);
    expect(repo.options.retainOnDelete).to.equal(true);
    expect(findResource("aws:codebuild/project:Project", "tests-project").inputs.encryptionKey).to.equal(KEY_ARN);
    expect(findResource("aws:cloudwatch/logGroup:LogGroup", "tests-logs").inputs.kmsKeyId).to.equal(KEY_ARN);
    for (const topic of resourcesOfType("aws:sns/topic:Topic")) expect(topic.inputs.kmsMasterKeyId).to.equal(KEY_ARN);
    expect(resourcesOfType("aws:sns/topic:Topic")).to.have.length(2);
  });

  it("builds the repository's main branch with the inline buildspec", () => {
    const project = findResource("aws:codebuild/project:Project", "tests-project").inputs;
    expect(project.source.type).to.equal("CODECOMMIT");
    expect(project.source.location).to.equal("https://git-codecommit.us-east-1.amazonaws.com/v1/repos/app");
    expect(project.sourceVersion).to.equal("refs/heads/main");
    expect(project.source.buildspec).to.contain('grep -Fq "Congratulations" index.html');
  });

  it("lets the build role pull only this repository and write only its log group", () => {
    const role = resourcesOfType("aws:iam/role:Role").find((r) => r.name === "tests-role")!;
    const statements = policyStatementsOf(role);
    const pull = statements.filter((s) => s.Action.includes("codecommit:GitPull"));
    expect(pull).to.have.length(1);
    expect(pull[0].Resource).to.deep.equal([`arn:aws:codecommit:us-east-1:${ACCOUNT}:app`]);
    const logs = statements.filter((s) => s.Action.includes("logs:PutLogEvents"));
    expect(logs[0].Resource).to.deep.equal([
      `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/codebuild/aws-cicd-test-test-tests`,
      `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/codebuild/aws-cicd-test-test-tests:log-stream:*`,
    ]);
  });

  it("requires two approvals on main and alarms on failed builds", () => {
    const template = findResource("aws:codecommit/approvalRuleTemplate:ApprovalRuleTemplate", "app-approvals");
    const content = JSON.parse(template.inputs.content);
    expect(content.Statements[0].NumberOfApprovalsNeeded).to.equal(2);
    expect(content.DestinationReferences).to.deep.equal(["refs/heads/main"]);
    expect(resourcesOfType("aws:cloudwatch/metricAlarm:MetricAlarm")[0].inputs.metricName).to.equal("FailedBuilds");
  });

  it("passes the IAM catalog check", async () => {
    expect(recorded.length).to.be.greaterThan(10);
    expect(await checkRecordedPolicies()).to.deep.equal([]);
  });
});
