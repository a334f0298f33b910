import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { BuildProject } from "../codebuild/build-project";
import { PulumiSelfUpdateActionArgs } from "../pipeline/actions/pulumi-self-update";
import { PIPELINE_SELF_UPDATE_ACTIONS } from "../pipeline/policies";
import { StageArgs } from "../pipeline/stages";
import { asResourceError } from "../internal/errors";
import { interpolate } from "../internal/interpolate";
import { CODEBUILD_PROJECT_NAME, stackScopedName, validateComponentName } from "../internal/naming";
import { checkObject, describeReceived } from "../internal/types";
import { awsContext } from "../security/iam";
import { projectArgs, validateProject } from "./pulumi-stack";
import { DEFAULT_PULUMI_SOURCE_ARTIFACT } from "./pulumi-stack-args";
import {
  DEFAULT_PULUMI_SELF_UPDATE_ACTION,
  DEFAULT_PULUMI_SELF_UPDATE_STAGE,
  PIPELINE_EXECUTION_ID_VARIABLE,
  PulumiSelfUpdateActionOptions,
  PulumiSelfUpdateArgs,
  PulumiSelfUpdateStageOptions,
} from "./self-update-args";
import { pulumiSelfUpdateBuildSpec } from "./self-update-buildspec";
import { validatePulumiStackArgs } from "./validate";

/** Pipeline names CodePipeline accepts. */
const PIPELINE_NAME = /^[A-Za-z0-9.@_-]{1,100}$/;

/** Validates the arguments of a `PulumiSelfUpdate` (pure). */
export function validatePulumiSelfUpdateArgs(args: PulumiSelfUpdateArgs): void {
  checkObject("args", args ?? null, "`stack` and `pipelineName`");
  validatePulumiStackArgs(args);
  if (typeof args.pipelineName !== "string" || !PIPELINE_NAME.test(args.pipelineName)) {
    throw new Error(
      `\`pipelineName\` must be the physical name of the pipeline that the stack declares (1 to 100 letters, digits, ".", "@", "-" or "_"), got ${describeReceived(args.pipelineName)}. Set the same \`pipelineName\` on that Pipeline.`,
    );
  }
}

/** What the component keeps for its action methods (internal state, not class properties). */
const STATE = new WeakMap<PulumiSelfUpdate, { build: BuildProject; pipelineName: string }>();

/**
 * A pipeline that updates itself (type token `aws-cicd:index:PulumiSelfUpdate`): one
 * {@link BuildProject} that runs `pulumi up` of the stack declaring the pipeline, in the stage
 * right after Source, before any application stage:
 *
 * ```ts
 * const self = new PulumiSelfUpdate("self", { stack: "acme/delivery/prod", pipelineName: "delivery", accessToken: { secretsManager: "pulumi-token" } });
 * new Pipeline("delivery", {
 *   pipelineName: "delivery",
 *   stages: [{ name: "Source", actions: [repo.sourceAction()] }, self.selfUpdateStage(), ...applicationStages],
 * });
 * ```
 *
 * When the update changed the pipeline's definition, the running execution must not go on with
 * the old one. CodePipeline marks an execution whose pipeline was updated before it completed
 * `Cancelled` and starts none; so the build starts a new execution (latest source revision, new
 * definition) and stops its own in "stop and wait" mode (see the self-update buildspec in the component README).
 * The role may do exactly that: `codepipeline:GetPipeline`, `GetPipelineExecution`,
 * `StartPipelineExecution` and `StopPipelineExecution` on exactly this pipeline's ARN.
 *
 * With `executionMode`:
 * - `SUPERSEDED` (default): the new execution waits before the self-update stage until the old
 *   one leaves it (stopped), then runs every stage with the new definition;
 * - `QUEUED`: the new execution is queued behind the old one, which stops after the update;
 * - `PARALLEL`: refused by the Pipeline, since two executions could update the stack at once and
 *   an older commit could restore an older definition.
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/concepts-how-it-works.html
 *
 * The AWS permissions that updating the pipeline's stack needs are yours to grant to `role`
 * (e.g. with an `aws.iam.RolePolicy`); without them the update fails and the pipeline stops there.
 */
export class PulumiSelfUpdate extends pulumi.ComponentResource {
  /** Name of the CodeBuild project that runs the self-update. */
  readonly projectName: pulumi.Output<string>;
  /** Service role of the self-update builds: grant it what updating the pipeline's stack needs. */
  readonly role: aws.iam.Role;
  /** ARN of the pipeline the builds may read, start and stop. */
  readonly pipelineArn: pulumi.Output<string>;

  constructor(name: string, args: PulumiSelfUpdateArgs, opts?: pulumi.ComponentResourceOptions) {
    super("aws-cicd:index:PulumiSelfUpdate", name, {}, opts);
    const project = asResourceError(this, () => {
      validateComponentName(name);
      validatePulumiSelfUpdateArgs(args);
      const p = projectArgs(
        args.build,
        `Pulumi self-update of stack ${args.stack}, pipeline ${args.pipelineName} (aws-cicd)`,
        pulumiSelfUpdateBuildSpec(args),
      );
      validateProject(p, stackScopedName(`${name}-update`, CODEBUILD_PROJECT_NAME));
      return p;
    });
    const ctx = awsContext(this);
    const build = new BuildProject(`${name}-update`, project, { parent: this });
    this.pipelineArn = interpolate`arn:${ctx.partition}:codepipeline:${ctx.region}:${ctx.accountId}:${args.pipelineName}`;
    build.addToRolePolicy("pipeline", [
      { sid: "RestartOwnPipeline", actions: [...PIPELINE_SELF_UPDATE_ACTIONS], resources: [this.pipelineArn] },
    ]);
    STATE.set(this, { build, pipelineName: args.pipelineName });
    this.projectName = build.projectName;
    this.role = build.role;
    this.registerOutputs({ projectName: this.projectName, pipelineArn: this.pipelineArn });
  }

  /**
   * The self-update action: reads the program from `source` and passes the build its pipeline
   * execution (`#{codepipeline.PipelineExecutionId}`). It produces no artifact.
   */
  selfUpdateAction(options: PulumiSelfUpdateActionOptions = {}): {
    /** The self-update action. */
    pulumiSelfUpdate: PulumiSelfUpdateActionArgs;
  } {
    const { build, pipelineName } = STATE.get(this)!;
    const { codeBuild } = build.buildAction({
      name: options.name ?? DEFAULT_PULUMI_SELF_UPDATE_ACTION,
      inputs: [options.source ?? DEFAULT_PULUMI_SOURCE_ARTIFACT],
      outputs: [],
      environmentVariables: { [PIPELINE_EXECUTION_ID_VARIABLE]: { value: "#{codepipeline.PipelineExecutionId}" } },
    });
    return { pulumiSelfUpdate: { ...codeBuild, pipelineName } };
  }

  /** The stage to put right after the source stage (`stages[1]`), holding only the self-update action. */
  selfUpdateStage(options: PulumiSelfUpdateStageOptions = {}): StageArgs {
    const { stageName, ...action } = options;
    return { name: stageName ?? DEFAULT_PULUMI_SELF_UPDATE_STAGE, actions: [this.selfUpdateAction(action)] };
  }
}
