import { BuildSpec, BuildSpecEnv, BuildSpecPhases } from "../codebuild/buildspec-types";
import {
  DEFAULT_PULUMI_WORK_DIR,
  PULUMI_PLAN_DIRECTORY,
  PULUMI_PLAN_FILE,
  PULUMI_PLAN_VARIABLES,
  PULUMI_PREVIEW_FILE,
  PulumiSecretArgs,
  PulumiStackArgs,
} from "./pulumi-stack-args";
import { PREVIEW_SUMMARY_SCRIPT } from "./summary-script";
import { PULUMI_DEPLOY_PROFILE, PULUMI_DEPLOY_SESSION_NAME } from "./state-identity-args";

/**
 * The buildspecs of the Pulumi action kinds, as plain data (pure: the arguments are validated by
 * `validatePulumiStackArgs` first). Flags, from Pulumi's CLI reference:
 * - `pulumi preview --save-plan <file> --json`: https://www.pulumi.com/docs/iac/cli/commands/pulumi_preview/
 * - `pulumi up --plan <file> --yes`: https://www.pulumi.com/docs/iac/cli/commands/pulumi_up/
 * - `--stack`, `--cwd`, `--non-interactive` (global flags of both commands).
 * Update plans are an experimental feature, enabled by `PULUMI_EXPERIMENTAL=true`:
 * https://www.pulumi.com/docs/concepts/update-plans/ . A `pulumi up --plan` that meets an
 * operation the plan does not hold (the stack or the program moved since the preview) stops with
 * an error instead of performing it (same page).
 */

/** Files of the plan artifact. */
export const PULUMI_PLAN_ARTIFACT_FILES = [PULUMI_PLAN_FILE, PULUMI_PREVIEW_FILE, "summary.md", "summary.json"] as const;

/** Variables both buildspecs set for Pulumi: the stack, the program's directory, no update check, update plans on. */
export function environment(args: PulumiStackArgs): BuildSpecEnv {
  const variables: Record<string, string> = {
    PULUMI_STACK: args.stack,
    PULUMI_WORK_DIR: args.workDir ?? DEFAULT_PULUMI_WORK_DIR,
    PULUMI_EXPERIMENTAL: "true",
    PULUMI_SKIP_UPDATE_CHECK: "true",
  };
  if (args.backendUrl !== undefined) variables.PULUMI_BACKEND_URL = args.backendUrl;
  const secretsManager: Record<string, string> = {};
  const parameterStore: Record<string, string> = {};
  const add = (name: string, s: PulumiSecretArgs | undefined): void => {
    if (s?.secretsManager !== undefined) secretsManager[name] = s.secretsManager;
    if (s?.parameterStore !== undefined) parameterStore[name] = s.parameterStore;
  };
  add("PULUMI_ACCESS_TOKEN", args.accessToken);
  add("PULUMI_CONFIG_PASSPHRASE", args.configPassphrase);
  return {
    shell: "bash",
    variables,
    ...(Object.keys(parameterStore).length > 0 ? { "parameter-store": parameterStore } : {}),
    ...(Object.keys(secretsManager).length > 0 ? { "secrets-manager": secretsManager } : {}),
  };
}

/** The install and pre_build phases: the user's commands, the latter in the program's directory. */
export function preparation(args: PulumiStackArgs): BuildSpecPhases {
  const phases: BuildSpecPhases = {};
  if (args.installCommands !== undefined && args.installCommands.length > 0) phases.install = { commands: [...args.installCommands] };
  if (args.prepareCommands !== undefined && args.prepareCommands.length > 0) {
    phases.pre_build = { commands: ['cd "$CODEBUILD_SRC_DIR/$PULUMI_WORK_DIR"', ...args.prepareCommands] };
  }
  return phases;
}

/**
 * The shell variable CodeBuild sets to the directory of input artifact `artifact` (a secondary
 * source of a pipeline build):
 * https://docs.aws.amazon.com/codebuild/latest/userguide/sample-codepipeline.html#sample-pipeline-multi-input-output
 */
export function inputArtifactDirVariable(artifact: string): string {
  return `CODEBUILD_SRC_DIR_${artifact}`;
}

/**
 * The preview buildspec: `pulumi preview --save-plan --json` into `pulumi-plan/`, the summary
 * script on its output, the summary printed to the log, the counts exported, and the plan
 * directory as the output artifact. A failing `pulumi preview` fails the build there.
 */
export function pulumiPreviewBuildSpec(args: PulumiStackArgs): BuildSpec {
  const script = Buffer.from(PREVIEW_SUMMARY_SCRIPT, "utf8").toString("base64");
  return {
    version: "0.2",
    env: { ...environment(args), "exported-variables": [...PULUMI_PLAN_VARIABLES] },
    phases: {
      ...preparation(args),
      build: {
        commands: [
          `PLAN_DIR="$CODEBUILD_SRC_DIR/${PULUMI_PLAN_DIRECTORY}" && rm -rf "$PLAN_DIR" && mkdir -p "$PLAN_DIR"`,
          ...deployProfileCommands(args),
          `pulumi preview --stack "$PULUMI_STACK" --cwd "$CODEBUILD_SRC_DIR/$PULUMI_WORK_DIR"${deployProfileFlag(args)} --save-plan "$PLAN_DIR/${PULUMI_PLAN_FILE}" --json --non-interactive > "$PLAN_DIR/${PULUMI_PREVIEW_FILE}"`,
          `test -s "$PLAN_DIR/${PULUMI_PLAN_FILE}" || { echo "pulumi preview saved no plan at $PLAN_DIR/${PULUMI_PLAN_FILE}." >&2; exit 1; }`,
          `SUMMARIZE="$(mktemp -d)" && echo '${script}' | base64 -d > "$SUMMARIZE/summarize.cjs"`,
          `node "$SUMMARIZE/summarize.cjs" "$PLAN_DIR/${PULUMI_PREVIEW_FILE}" "$PLAN_DIR" "$PULUMI_STACK" > "$SUMMARIZE/variables.sh"`,
          `set -a && . "$SUMMARIZE/variables.sh" && set +a`,
          `cat "$PLAN_DIR/summary.md"`,
        ],
      },
    },
    artifacts: { "base-directory": PULUMI_PLAN_DIRECTORY, files: [...PULUMI_PLAN_ARTIFACT_FILES] },
  };
}

/**
 * The update buildspec: `pulumi up --plan <saved plan> --yes` on the plan artifact `planArtifact`
 * (a second input, found through `CODEBUILD_SRC_DIR_<planArtifact>`). Fails before running Pulumi
 * when that input or its plan file is missing; Pulumi itself stops when the update departs from the plan.
 */
export function pulumiUpBuildSpec(args: PulumiStackArgs, planArtifact: string): BuildSpec {
  const dir = inputArtifactDirVariable(planArtifact);
  return {
    version: "0.2",
    env: environment(args),
    phases: {
      ...preparation(args),
      build: {
        commands: [
          `test -n "\${${dir}:-}" || { echo "The plan artifact ${planArtifact} is not an input of this build (${dir} is unset); run the preview first and pass its output." >&2; exit 1; }`,
          `PLAN_FILE="$${dir}/${PULUMI_PLAN_FILE}"`,
          `test -s "$PLAN_FILE" || { echo "No saved plan at $PLAN_FILE; refusing to run pulumi up without the reviewed plan." >&2; exit 1; }`,
          ...deployProfileCommands(args),
          `pulumi up --stack "$PULUMI_STACK" --cwd "$CODEBUILD_SRC_DIR/$PULUMI_WORK_DIR"${deployProfileFlag(args)} --plan "$PLAN_FILE" --yes --non-interactive`,
        ],
      },
    },
  };
}

/** The project variable holding the ARN of the role the build's AWS provider assumes (deploy or preview role). */
export const PULUMI_DEPLOY_ROLE_VARIABLE = "PULUMI_DEPLOY_ROLE_ARN";

/**
 * With `deployRole`: an AWS config file holding one profile, {@link PULUMI_DEPLOY_PROFILE}, that
 * assumes the role in `$PULUMI_DEPLOY_ROLE_ARN` with the build's own credentials
 * (`credential_source = EcsContainer`: CodeBuild serves them like ECS). The AWS SDKs then assume
 * and refresh the role themselves: no credential passes through the shell, the environment or
 * the log. The file holds no default profile, so the Pulumi CLI itself (state backend, secrets
 * provider) keeps the build role's credentials.
 * https://docs.aws.amazon.com/sdkref/latest/guide/feature-assume-role-credentials.html
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-role.html
 */
export function deployProfileCommands(args: Pick<PulumiStackArgs, "deployRole">): string[] {
  if (args.deployRole === undefined) return [];
  return [
    `export AWS_CONFIG_FILE="$(mktemp -d)/config" && printf '[profile %s]\\nrole_arn = %s\\ncredential_source = EcsContainer\\nrole_session_name = %s\\n' ${PULUMI_DEPLOY_PROFILE} "$${PULUMI_DEPLOY_ROLE_VARIABLE}" ${PULUMI_DEPLOY_SESSION_NAME} > "$AWS_CONFIG_FILE"`,
  ];
}

/**
 * With `deployRole`: ` --config aws:profile=<profile>`, so that the program's default AWS provider
 * deploys as that role (`--config` sets a value for this run and the build's copy of the stack
 * settings file: https://www.pulumi.com/docs/iac/cli/commands/pulumi_preview/,
 * https://www.pulumi.com/docs/iac/cli/commands/pulumi_up/; `aws:profile` is the AWS provider's
 * profile setting: https://www.pulumi.com/registry/packages/aws/installation-configuration/). Explicit providers of
 * the program take `profile: "aws-cicd-deploy"` (or their own `assumeRoles`) themselves.
 */
export function deployProfileFlag(args: Pick<PulumiStackArgs, "deployRole">): string {
  return args.deployRole === undefined ? "" : ` --config "aws:profile=${PULUMI_DEPLOY_PROFILE}"`;
}
