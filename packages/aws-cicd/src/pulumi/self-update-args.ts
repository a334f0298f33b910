import { PulumiBuildSettings, PulumiSecretArgs } from "./pulumi-stack-args";
import { PulumiDeployRoleArgs } from "./state-identity-args";

/** Name of the stage {@link PulumiSelfUpdate.selfUpdateStage} returns when `stageName` is not given. */
export const DEFAULT_PULUMI_SELF_UPDATE_STAGE = "SelfUpdate";
/** Name of the self-update action when `name` is not given. */
export const DEFAULT_PULUMI_SELF_UPDATE_ACTION = "UpdatePipeline";
/**
 * Environment variable through which the self-update action passes the build its own pipeline
 * execution (`#{codepipeline.PipelineExecutionId}`, implicitly available in every execution:
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-variables.html).
 */
export const PIPELINE_EXECUTION_ID_VARIABLE = "PIPELINE_EXECUTION_ID";

/**
 * Arguments of {@link PulumiSelfUpdate}: the Pulumi stack that holds the pipeline itself, and the
 * pipeline's physical name.
 */
export interface PulumiSelfUpdateArgs {
  /** The stack that declares the pipeline: `stack`, `project/stack` or `org/project/stack`. */
  stack: string;
  /**
   * Physical name of the pipeline the stack declares: the same string as that `Pipeline`'s
   * `pipelineName`, which must then be set (the pipeline refuses a self-update naming another
   * pipeline). The build may read, start and stop executions of exactly this pipeline.
   */
  pipelineName: string;
  /**
   * Directory of the Pulumi program (`Pulumi.yaml`), relative to the source root.
   * @default "." ({@link DEFAULT_PULUMI_WORK_DIR})
   */
  workDir?: string;
  /**
   * Pulumi Cloud access token (`PULUMI_ACCESS_TOKEN`), from Secrets Manager or Parameter Store.
   * Required unless `backendUrl` names a self-managed backend.
   * @default - none: `backendUrl` must be given.
   */
  accessToken?: PulumiSecretArgs;
  /**
   * Self-managed state backend (`PULUMI_BACKEND_URL`), such as `s3://bucket/prefix`: a URL that
   * holds no credential.
   * @default - Pulumi Cloud (`accessToken` required).
   */
  backendUrl?: string;
  /**
   * Passphrase of a `passphrase` secrets provider (`PULUMI_CONFIG_PASSPHRASE`), from Secrets
   * Manager or Parameter Store; there is no plain-value form.
   * @default - none: the stack uses another secrets provider.
   */
  configPassphrase?: PulumiSecretArgs;
  /**
   * Commands of the `install` phase. The build needs `pulumi` and the AWS CLI (`aws`) on `PATH`
   * (the managed CodeBuild images have `aws`).
   * @default - none: the image provides them.
   */
  installCommands?: string[];
  /**
   * Commands of the `pre_build` phase, run in `workDir`, e.g. `npm ci`.
   * @default - none.
   */
  prepareCommands?: string[];
  /**
   * Settings of the CodeBuild project.
   * @default - BuildProject defaults.
   */
  build?: PulumiBuildSettings;
  /**
   * The role that runs `pulumi up` of the pipeline's stack: `{ roleArn }` (a role you name, whose
   * trust policy lets exactly `role` assume it), or policies for a role the component creates,
   * `<project>-<stack>-<name>-deploy`, trusted by exactly `role`. As for `PulumiStack`:
   * administrator access only with `allowAdministratorAccess`, and an optional permissions
   * boundary. The build role may only assume it; the restart calls keep the build role.
   * @default - none: `pulumi up` runs as `role`, which holds no AWS permission for the stack's resources.
   */
  deployRole?: PulumiDeployRoleArgs;
}

/** Settings of {@link PulumiSelfUpdate.selfUpdateAction}. */
export interface PulumiSelfUpdateActionOptions {
  /**
   * Name of the action.
   * @default "UpdatePipeline"
   */
  name?: string;
  /**
   * Input artifact holding the Pulumi program of the pipeline's stack.
   * @default "SourceOutput" ({@link DEFAULT_PULUMI_SOURCE_ARTIFACT})
   */
  source?: string;
}

/** Settings of {@link PulumiSelfUpdate.selfUpdateStage}. */
export interface PulumiSelfUpdateStageOptions extends PulumiSelfUpdateActionOptions {
  /**
   * Name of the stage.
   * @default "SelfUpdate" ({@link DEFAULT_PULUMI_SELF_UPDATE_STAGE})
   */
  stageName?: string;
}
