import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { runCommand } from "../../packages/cli/src/buildspec";
import { renderBuildSpec } from "../../packages/aws-cicd/src/codebuild/buildspec";
import { PulumiStackArgs, pulumiPreviewBuildSpec, pulumiUpBuildSpec } from "../../packages/aws-cicd/src/pulumi";
import { collectingIo, tempSource } from "../cli/buildspec-helpers";
import { fakePulumi } from "./fake-pulumi";

/**
 * The buildspecs of a `PulumiStack` with `deployRole`, run with `aws-cicd buildspec run` and the
 * fake `pulumi` (fake-pulumi.ts), behind a wrapper that records the AWS config file the build wrote
 * for it. No Pulumi CLI, AWS SDK or STS call runs here: the test shows what the SDKs would be given.
 */

const FIXTURES = path.join(__dirname, "fixtures");
const ROLE = "arn:aws:iam::444455556666:role/shop-deployer";
const ARGS: PulumiStackArgs = {
  stack: "acme/shop/prod",
  workDir: "infra",
  accessToken: { secretsManager: "pulumi-token" },
  deployRole: { roleArn: ROLE },
};
const PROFILE = `[profile aws-cicd-deploy]\nrole_arn = ${ROLE}\ncredential_source = EcsContainer\nrole_session_name = aws-cicd-pulumi\n`;

async function run(yaml: string, env: (dir: string) => Record<string, string>, files: Record<string, string> = {}) {
  const fake = fakePulumi();
  const wrapperDir = fs.mkdtempSync(path.join(path.dirname(fake.binDir), "wrapper-"));
  const configLog = path.join(wrapperDir, "aws-config.log");
  fs.writeFileSync(
    path.join(wrapperDir, "pulumi"),
    `#!/bin/sh\ncat "$AWS_CONFIG_FILE" > "${configLog}"\nexec "${path.join(fake.binDir, "pulumi")}" "$@"\n`,
    { mode: 0o755 },
  );
  const dir = tempSource({
    "buildspec.yml": yaml,
    "infra/Pulumi.yaml": "name: shop\nruntime: nodejs\n",
    "secrets.json": '{"pulumi-token":"pul-local-test"}',
    ...files,
  });
  const all = { FAKE_PULUMI_LOG: fake.log, FAKE_PULUMI_FAIL: "", PULUMI_DEPLOY_ROLE_ARN: ROLE, ...env(dir) };
  const io = collectingIo(dir, all);
  io.env.PATH = `${wrapperDir}${path.delimiter}${process.env.PATH}`;
  const pass = Object.keys(all).flatMap((n) => ["--pass-env", n]);
  const code = await runCommand(["buildspec.yml", "--out", "out", "--secrets", "secrets.json", ...pass], io);
  const calls = fs.readFileSync(fake.log, "utf8").split("\n").filter(Boolean);
  const config = fs.existsSync(configLog) ? fs.readFileSync(configLog, "utf8") : undefined;
  return { code, out: io.out + io.err, dir, calls, config };
}

describe("Pulumi buildspecs with a deploy role, run locally (fake pulumi)", function () {
  this.timeout(60000);

  it("preview: writes the deploy profile and runs pulumi preview with aws:profile, printing no credential", async () => {
    const r = await run(renderBuildSpec(pulumiPreviewBuildSpec(ARGS)), () => ({
      FAKE_PULUMI_PREVIEW_JSON: path.join(FIXTURES, "preview-iam.json"),
    }));
    expect(r.code, r.out).to.equal(0);
    expect(r.config).to.equal(PROFILE);
    expect(r.calls).to.deep.equal([
      `pulumi preview --stack acme/shop/prod --cwd ${r.dir}/infra --config aws:profile=aws-cicd-deploy --save-plan ${r.dir}/pulumi-plan/plan.json --json --non-interactive`,
    ]);
    expect(r.out).to.not.match(/AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN|aws_secret_access_key/);
  });

  it("up: writes the same profile and applies the plan with aws:profile", async () => {
    const yaml = renderBuildSpec(pulumiUpBuildSpec(ARGS, "prodPlan"));
    const plan = { "plan/plan.json": '{"resourcePlans":{}}\n' };
    const r = await run(yaml, (dir) => ({ CODEBUILD_SRC_DIR_prodPlan: path.join(dir, "plan") }), plan);
    expect(r.code, r.out).to.equal(0);
    expect(r.config).to.equal(PROFILE);
    expect(r.calls).to.deep.equal([
      `pulumi up --stack acme/shop/prod --cwd ${r.dir}/infra --config aws:profile=aws-cicd-deploy --plan ${r.dir}/plan/plan.json --yes --non-interactive`,
    ]);
  });

  it("up: stops before writing the profile when the plan artifact is not an input", async () => {
    const r = await run(renderBuildSpec(pulumiUpBuildSpec(ARGS, "prodPlan")), () => ({}));
    expect(r.code).to.equal(1);
    expect([r.config, r.calls]).to.deep.equal([undefined, []]);
  });
});
