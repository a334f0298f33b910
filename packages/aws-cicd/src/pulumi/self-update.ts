import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { BuildProject } from "../codebuild/build-project";
import { EnvironmentVariable } from "../codebuild/environment";
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
import { PULUMI_DEPLOY_ROLE_VARIABLE } from "./buildspecs";
import { assumeDeployRoleStatements } from "./policies";
import { createDeployRole, pulumiDeployRoleArn } from "./state-identity";
import { CheckedDeployRole, validateDeployRole } from "./validate-state-identity";
import { quietStacks } from "../internal/quiet-stacks";

/** Pipeline names CodePipeline accepts. */
const PIPELINE_NAME = /^[A-Za-z0-9.@_-]{1,100}$/;

/** Validates the arguments of a `PulumiSelfUpdate` (pure but for Outputs); returns the checked `deployRole`. */
export function validatePulumiSelfUpdateArgs(args: PulumiSelfUpdateArgs): CheckedDeployRole | undefined {
  checkObject("args", args ?? null, "`stack` and `pipelineName`");
  if ((args as { stateBackend?: unknown }).stateBackend !== undefined) {
    throw new Error(
      "`stateBackend` is not an argument of PulumiSelfUpdate, got one: the pipeline's stack cannot keep its state in a bucket that it creates itself (its first `pulumi up` needs the backend before the bucket exists). Keep that stack in Pulumi Cloud (`accessToken`) or in a bucket you own (`backendUrl`).",
    );
  }
  validatePulumiStackArgs(args);
  if (typeof args.pipelineName !== "string" || !PIPELINE_NAME.test(args.pipelineName)) {
    throw new Error(
      `\`pipelineName\` must be the physical name of the pipeline that the stack declares (1 to 100 letters, digits, ".", "@", "-" or "_"), got ${describeReceived(args.pipelineName)}. Set the same \`pipelineName\` on that Pipeline.`,
    );
  }
  return validateDeployRole(args.deployRole, undefined);
}

/** What the component keeps for its action methods (internal state, not class properties). */
const STATE = new WeakMap<PulumiSelfUpdate, { build: BuildProject; pipelineName: string }>();

/**
 * A pipeline that updates itself (type token `aws-cicd:index:PulumiSelfUpdate`): one
 * `BuildProject` that runs `pulumi up` of the stack declaring the pipeline, in the stage
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
 * The AWS permissions that updating the pipeline's stack needs are never granted by default: name
 * or create the role that runs `pulumi up` with `deployRole` (as for `PulumiStack`: exact-role
 * trust of `role`, administrator access only when asked, an optional permissions boundary), or
 * grant them to `role` yourself; without them the update fails and the pipeline stops there.
 * `stateBackend` is refused: the pipeline's stack cannot keep its state in a bucket it creates.
 */
export class PulumiSelfUpdate extends pulumi.ComponentResource {
  /** Name of the CodeBuild project that runs the self-update. */
  readonly projectName: pulumi.Output<string>;
  /** Service role of the self-update builds; with `deployRole` it assumes that role for `pulumi up`, else grant it what the update needs. */
  readonly role: aws.iam.Role;
  /** ARN of the pipeline the builds may read, start and stop. */
  readonly pipelineArn: pulumi.Output<string>;
  /** With `deployRole`: ARN of the role that runs `pulumi up` of the pipeline's stack (yours, or the one created). */
  readonly deployRoleArn?: pulumi.Output<string>;

  constructor(name: string, args: PulumiSelfUpdateArgs, opts?: pulumi.ComponentResourceOptions) {
    super("aws-cicd:index:PulumiSelfUpdate", name, {}, opts);
    const stacks = quietStacks();
    try {
      const description = `Pulumi self-update of stack ${args.stack}, pipeline ${args.pipelineName} (aws-cicd)`;
      const deploy = asResourceError(this, () => {
        validateComponentName(name);
        const checked = validatePulumiSelfUpdateArgs(args);
        validateProject(
          projectArgs(args.build, description, pulumiSelfUpdateBuildSpec(args)),
          stackScopedName(`${name}-update`, CODEBUILD_PROJECT_NAME),
        );
        return checked;
      });
      const ctx = awsContext(this);
      const deployArn = deploy === undefined ? undefined : (deploy.roleArn ?? pulumiDeployRoleArn(name, ctx));
      const variables: Record<string, EnvironmentVariable> =
        deployArn === undefined ? {} : { [PULUMI_DEPLOY_ROLE_VARIABLE]: { value: deployArn } };
      const project = projectArgs(args.build, description, pulumiSelfUpdateBuildSpec(args), variables);
      const build = new BuildProject(`${name}-update`, project, { parent: this });
      this.pipelineArn = interpolate`arn:${ctx.partition}:codepipeline:${ctx.region}:${ctx.accountId}:${args.pipelineName}`;
      build.addToRolePolicy("pipeline", [
        { sid: "RestartOwnPipeline", actions: [...PIPELINE_SELF_UPDATE_ACTIONS], resources: [this.pipelineArn] },
      ]);
      if (deploy !== undefined && deployArn !== undefined) {
        build.addToRolePolicy("pulumi-deploy", assumeDeployRoleStatements(deployArn));
        this.deployRoleArn =
          deploy.roleArn === undefined
            ? createDeployRole(
                name,
                deploy,
                [build.roleArn],
                args.build?.tags,
                this,
                `Updates the Pulumi stack of PulumiSelfUpdate ${name} (pipeline ${args.pipelineName}); assumed by its build role only (aws-cicd).`,
              ).arn
            : pulumi.output(deploy.roleArn);
      }
      STATE.set(this, { build, pipelineName: args.pipelineName });
      this.projectName = build.projectName;
      this.role = build.role;
      this.registerOutputs({ projectName: this.projectName, pipelineArn: this.pipelineArn, deployRoleArn: this.deployRoleArn });
    } catch (e) {
      throw stacks.rethrow(e);
    } finally {
      stacks.close();
    }
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
