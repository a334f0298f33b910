import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { runCommand } from "../../packages/cli/src/buildspec";
import { renderBuildSpec } from "../../packages/aws-cicd/src/codebuild/buildspec";
import { PulumiSelfUpdateArgs, pulumiSelfUpdateBuildSpec } from "../../packages/aws-cicd/src/pulumi";
import { collectingIo, tempSource } from "../cli/buildspec-helpers";
import { fakePulumi } from "./fake-pulumi";

/**
 * The rendered self-update buildspec, run with `aws-cicd buildspec run` (the local CodeBuild
 * runner), a fake `pulumi` and a fake `aws` first on PATH. The fake `aws` answers the four
 * CodePipeline calls from variables (the versions, the execution status, which call fails) and
 * logs each call to the same file as the fake `pulumi`, so the order of calls is asserted. With
 * `deployRole`, a wrapper records the AWS config file `pulumi` is given. No Pulumi CLI, AWS CLI,
 * STS call or AWS account is involved.
 */

const FAKE_AWS = `#!/bin/sh
echo "aws $*" >> "$FAKE_PULUMI_LOG"
if [ -n "\${AWS_PROFILE:-}" ]; then echo "aws: called with AWS_PROFILE=$AWS_PROFILE" >> "$FAKE_PULUMI_LOG"; fi
case "$2" in
  get-pipeline-execution)
    case "$*" in
      *pipelineExecution.status*) echo "$FAKE_AWS_STATUS" ;;
      *) echo "$FAKE_AWS_RUNNING_VERSION" ;;
    esac ;;
  get-pipeline) echo "$FAKE_AWS_CURRENT_VERSION" ;;
  start-pipeline-execution)
    if [ "$FAKE_AWS_FAIL" = "start" ]; then echo "An error occurred (AccessDeniedException) when calling the StartPipelineExecution operation" >&2; exit 254; fi
    echo "22222222-2222-4222-8222-222222222222" ;;
  stop-pipeline-execution)
    if [ "$FAKE_AWS_FAIL" = "stop" ]; then echo "An error occurred (PipelineExecutionNotStoppableException) when calling the StopPipelineExecution operation" >&2; exit 254; fi
    echo '{"pipelineExecutionId": "11111111-1111-4111-8111-111111111111"}' ;;
  *) echo "fake aws: unexpected call $*" >&2; exit 2 ;;
esac
`;

const ID = "11111111-1111-4111-8111-111111111111";
const EXECUTION = `--pipeline-name delivery --pipeline-execution-id ${ID}`;
// The install phase puts the fakes first on PATH again: a shell started on this host may prepend
// directories (e.g. pyenv shims) that hold a real `aws`.
const ARGS: PulumiSelfUpdateArgs = {
  stack: "acme/delivery/prod",
  pipelineName: "delivery",
  workDir: "infra",
  accessToken: { secretsManager: "pulumi-token" },
  installCommands: ['export PATH="$FAKE_BIN:$PATH"'],
};
const VARIABLES = [
  "FAKE_BIN",
  "FAKE_PULUMI_LOG",
  "FAKE_PULUMI_FAIL",
  "FAKE_AWS_RUNNING_VERSION",
  "FAKE_AWS_CURRENT_VERSION",
  "FAKE_AWS_STATUS",
  "FAKE_AWS_FAIL",
];

async function run(
  env: Record<string, string>,
  withExecutionId = true,
  args: PulumiSelfUpdateArgs = ARGS,
): Promise<{ code: number; out: string; calls: string[]; dir: string; config?: string }> {
  const fake = fakePulumi();
  fs.writeFileSync(path.join(fake.binDir, "aws"), FAKE_AWS, { mode: 0o755 });
  // A wrapper records the AWS config file that pulumi is given, then runs the fake pulumi.
  const configLog = path.join(path.dirname(fake.binDir), "aws-config.log");
  fs.renameSync(path.join(fake.binDir, "pulumi"), path.join(fake.binDir, "pulumi-fake"));
  fs.writeFileSync(
    path.join(fake.binDir, "pulumi"),
    `#!/bin/sh\n[ -z "\${AWS_CONFIG_FILE:-}" ] || cat "$AWS_CONFIG_FILE" > "${configLog}"\nexec "${path.join(fake.binDir, "pulumi-fake")}" "$@"\n`,
    { mode: 0o755 },
  );
  const dir = tempSource({
    "buildspec.yml": renderBuildSpec(pulumiSelfUpdateBuildSpec(args)),
    "infra/Pulumi.yaml": "name: delivery\nruntime: nodejs\n",
    "secrets.json": '{"pulumi-token":"pul-local-test"}',
  });
  const io = collectingIo(dir, {
    FAKE_BIN: fake.binDir,
    FAKE_PULUMI_LOG: fake.log,
    FAKE_PULUMI_FAIL: "",
    FAKE_AWS_RUNNING_VERSION: "3",
    FAKE_AWS_CURRENT_VERSION: "3",
    FAKE_AWS_STATUS: "InProgress",
    FAKE_AWS_FAIL: "",
    ...(withExecutionId ? { PIPELINE_EXECUTION_ID: ID } : {}),
    ...env,
  });
  io.env.PATH = `${fake.binDir}${path.delimiter}${process.env.PATH}`;
  const pass = [...VARIABLES, ...Object.keys(env), ...(withExecutionId ? ["PIPELINE_EXECUTION_ID"] : [])].flatMap((n) => ["--pass-env", n]);
  const code = await runCommand(["buildspec.yml", "--secrets", "secrets.json", ...pass], io);
  const calls = fs.readFileSync(fake.log, "utf8").split("\n").filter(Boolean);
  const config = fs.existsSync(configLog) ? fs.readFileSync(configLog, "utf8") : undefined;
  return { code, out: io.out + io.err, calls, dir, config };
}

const READ_RUNNING = `aws codepipeline get-pipeline-execution ${EXECUTION} --query pipelineExecution.pipelineVersion --output text`;
const READ_CURRENT = "aws codepipeline get-pipeline --name delivery --query pipeline.version --output text";
const START = "aws codepipeline start-pipeline-execution --name delivery --query pipelineExecutionId --output text";
const STOP = `aws codepipeline stop-pipeline-execution ${EXECUTION} --reason Pipeline updated to version 4; execution 22222222-2222-4222-8222-222222222222 runs it.`;
const READ_STATUS = `aws codepipeline get-pipeline-execution ${EXECUTION} --query pipelineExecution.status --output text`;
const up = (dir: string) => `pulumi up --stack acme/delivery/prod --cwd ${dir}/infra --yes --non-interactive`;

describe("Pulumi self-update buildspec runs locally (fake pulumi, fake aws)", function () {
  this.timeout(60000);

  it("updates the stack and lets the execution go on when the pipeline's version did not move", async () => {
    const r = await run({});
    expect(r.code, r.out).to.equal(0);
    expect(r.calls).to.deep.equal([READ_RUNNING, up(r.dir), READ_CURRENT]);
    expect(r.out).to.contain("Pipeline delivery is unchanged (version 3): this execution goes on.");
  });

  it("starts a new execution, then stops its own, when the update changed the pipeline's definition", async () => {
    const r = await run({ FAKE_AWS_CURRENT_VERSION: "4" });
    expect(r.code, r.out).to.equal(0);
    expect(r.calls).to.deep.equal([READ_RUNNING, up(r.dir), READ_CURRENT, START, STOP]);
    expect(r.out).to.contain("Pipeline delivery changed from version 3 to 4: restarting it with the new definition.");
    expect(r.out).to.contain("Started execution 22222222-2222-4222-8222-222222222222, which runs version 4.");
  });

  it("succeeds when CodePipeline has already cancelled the old execution and refuses the stop", async () => {
    const r = await run({ FAKE_AWS_CURRENT_VERSION: "4", FAKE_AWS_FAIL: "stop", FAKE_AWS_STATUS: "Cancelled" });
    expect(r.code, r.out).to.equal(0);
    expect(r.calls).to.deep.equal([READ_RUNNING, up(r.dir), READ_CURRENT, START, STOP, READ_STATUS]);
    expect(r.out).to.contain(`Execution ${ID} is Cancelled.`);
  });

  it("fails when the stop is refused and the old execution is still in progress, so it goes no further", async () => {
    const r = await run({ FAKE_AWS_CURRENT_VERSION: "4", FAKE_AWS_FAIL: "stop", FAKE_AWS_STATUS: "InProgress" });
    expect(r.code).to.equal(1);
    expect(r.calls).to.deep.equal([READ_RUNNING, up(r.dir), READ_CURRENT, START, STOP, READ_STATUS]);
    expect(r.out).to.contain(`Execution ${ID} is InProgress.`);
  });

  it("fails without stopping anything when the new execution cannot start", async () => {
    const r = await run({ FAKE_AWS_CURRENT_VERSION: "4", FAKE_AWS_FAIL: "start" });
    expect(r.code).to.equal(1);
    expect(r.calls).to.deep.equal([READ_RUNNING, up(r.dir), READ_CURRENT, START]);
    expect(r.out).to.contain("AccessDeniedException");
  });

  it("fails, reading no version and restarting nothing, when pulumi up fails", async () => {
    const r = await run({ FAKE_PULUMI_FAIL: "up", FAKE_AWS_CURRENT_VERSION: "4" });
    expect(r.code).to.equal(1);
    expect(r.calls).to.deep.equal([READ_RUNNING, up(r.dir)]);
  });

  it("fails before any call when it does not run through the pipeline's action (no execution id)", async () => {
    const r = await run({}, false);
    expect(r.code).to.equal(1);
    expect(r.calls).to.deep.equal([]);
    expect(r.out).to.contain(
      "PIPELINE_EXECUTION_ID is unset: run this project through the self-update action of pipeline delivery, which passes #{codepipeline.PipelineExecutionId}.",
    );
  });

  describe("with deployRole", () => {
    const ROLE = "arn:aws:iam::111122223333:role/delivery-self-deployer";
    const WITH_ROLE: PulumiSelfUpdateArgs = { ...ARGS, deployRole: { roleArn: ROLE } };
    const PROFILE = `[profile aws-cicd-deploy]\nrole_arn = ${ROLE}\ncredential_source = EcsContainer\nrole_session_name = aws-cicd-pulumi\n`;
    const upAsDeployRole = (dir: string) =>
      `pulumi up --stack acme/delivery/prod --cwd ${dir}/infra --config aws:profile=aws-cicd-deploy --yes --non-interactive`;

    it("runs pulumi up through the deploy profile, and the restart calls as the build role (no profile)", async () => {
      const r = await run({ FAKE_AWS_CURRENT_VERSION: "4", PULUMI_DEPLOY_ROLE_ARN: ROLE }, true, WITH_ROLE);
      expect(r.code, r.out).to.equal(0);
      expect(r.config).to.equal(PROFILE);
      expect(r.calls).to.deep.equal([READ_RUNNING, upAsDeployRole(r.dir), READ_CURRENT, START, STOP]);
      expect(r.out).to.not.match(/AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN|aws_secret_access_key/);
    });

    it("writes no profile and runs no update when the build did not come from the pipeline", async () => {
      const r = await run({ PULUMI_DEPLOY_ROLE_ARN: ROLE }, false, WITH_ROLE);
      expect(r.code).to.equal(1);
      expect([r.config, r.calls]).to.deep.equal([undefined, []]);
    });

    it("fails, restarting nothing, when the update as the deploy role fails", async () => {
      const r = await run({ FAKE_PULUMI_FAIL: "up", FAKE_AWS_CURRENT_VERSION: "4", PULUMI_DEPLOY_ROLE_ARN: ROLE }, true, WITH_ROLE);
      expect(r.code).to.equal(1);
      expect(r.config).to.equal(PROFILE);
      expect(r.calls).to.deep.equal([READ_RUNNING, upAsDeployRole(r.dir)]);
    });
  });
});
