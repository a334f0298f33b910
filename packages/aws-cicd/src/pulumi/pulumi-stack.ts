import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { BuildProject } from "../codebuild/build-project";
import { BuildProjectArgs } from "../codebuild/build-project-args";
import { validateBuildProjectArgs } from "../codebuild/validate";
import { CodeBuildActionArgs } from "../pipeline/actions/codebuild";
import { ManualApprovalActionArgs } from "../pipeline/actions/manual-approval";
import { StageArgs } from "../pipeline/stages";
import { asResourceError } from "../internal/errors";
import { CODEBUILD_PROJECT_NAME, stackScopedName, validateComponentName } from "../internal/naming";
import { pulumiPreviewBuildSpec, pulumiUpBuildSpec } from "./buildspecs";
import {
  DEFAULT_PULUMI_SOURCE_ARTIFACT,
  PulumiActionOptions,
  PulumiApprovalOptions,
  PulumiGateStageOptions,
  PulumiBuildSettings,
  PulumiPlanVariable,
  PulumiStackArgs,
} from "./pulumi-stack-args";
import { validatePulumiStackArgs } from "./validate";
import { EnvironmentVariable } from "../codebuild/environment";
import { awsContext } from "../security/iam";
import { PULUMI_DEPLOY_ROLE_VARIABLE } from "./buildspecs";
import { assumeDeployRoleStatements, pulumiStateStatements } from "./policies";
import { createDeployRole, createStateBackend, pulumiDeployRoleArn } from "./state-identity";
import { validateDeployRole, validateStateBackend } from "./validate-state-identity";
import { quietStacks } from "../internal/quiet-stacks";

/** What the component keeps for its action methods (internal state, not class properties: SCHEMA.md). */
interface PulumiStackState {
  planArtifact: string;
  namespace: string;
  preview: BuildProject;
  up: BuildProject;
}
const STATE = new WeakMap<PulumiStack, PulumiStackState>();

/** The BuildProject arguments of one of the two projects. */
export function projectArgs(
  build: PulumiBuildSettings | undefined,
  description: string,
  buildSpec: BuildProjectArgs["buildSpec"],
  environmentVariables: Record<string, EnvironmentVariable> = {},
): BuildProjectArgs {
  return {
    description,
    buildSpec,
    ...(Object.keys(environmentVariables).length > 0 ? { environmentVariables } : {}),
    ...(build?.image !== undefined ? { image: build.image } : {}),
    ...(build?.computeType !== undefined ? { computeType: build.computeType } : {}),
    ...(build?.encryptionKey !== undefined ? { encryptionKey: build.encryptionKey } : {}),
    ...(build?.secretsKeyArns !== undefined ? { secretsKeyArns: build.secretsKeyArns } : {}),
    ...(build?.timeoutInMinutes !== undefined ? { timeoutInMinutes: build.timeoutInMinutes } : {}),
    ...(build?.vpc !== undefined ? { vpc: build.vpc } : {}),
    ...(build?.tags !== undefined ? { tags: build.tags } : {}),
  };
}

/** Runs the BuildProject validator on one project's arguments, naming `build.<arg>` in its message. */
export function validateProject(args: BuildProjectArgs, projectName: string): void {
  try {
    validateBuildProjectArgs(args, projectName);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new Error(message.replace(/^`(?!buildSpec)([^`]+)`/, "`build.$1`"), { cause: e });
  }
}

/**
 * Delivery of one Pulumi stack by a pipeline (type token `aws-cicd:index:PulumiStack`): two
 * `BuildProject`s, one that previews the stack and saves the update plan with a summary,
 * one that applies exactly that plan, and the actions that put them in a `Pipeline`:
 *
 * ```ts
 * const prod = new PulumiStack("prod", { stack: "acme/shop/prod", accessToken: { secretsManager: "pulumi-token" } });
 * new Pipeline("delivery", {
 *   stages: [
 *     { name: "Source", actions: [repo.sourceAction()] },
 *     { name: "PreviewProd", actions: [prod.previewAction()] },
 *     { name: "ApproveProd", actions: [prod.approvalAction({ notifyEmails: ["ops@example.com"] })] },
 *     { name: "UpProd", actions: [prod.upAction()] },
 *   ],
 * });
 * ```
 *
 * The build roles get what every BuildProject gets (logs, artifacts through the pipeline, the
 * token and passphrase secrets), the state objects and key of a `stateBackend` the component
 * creates, and `sts:AssumeRole` on exactly the `deployRole` (named, or created from your policies):
 * the AWS permissions that the stack's resources need are never granted by default.
 */
export class PulumiStack extends pulumi.ComponentResource {
  /** Name of the CodeBuild project that runs `pulumi preview --save-plan`. */
  readonly previewProjectName: pulumi.Output<string>;
  /** Name of the CodeBuild project that runs `pulumi up --plan`. */
  readonly upProjectName: pulumi.Output<string>;
  /** Service role of the preview builds; with `deployRole` it assumes that role (or `previewRoleArn`) to run the program. */
  readonly previewRole: aws.iam.Role;
  /** Service role of the update builds; with `deployRole` it assumes that role, which holds what deploying the stack needs. */
  readonly upRole: aws.iam.Role;
  /** With `stateBackend`: the state bucket's `PULUMI_BACKEND_URL`, `s3://<bucket>[/<prefix>]?region=<region>`. */
  readonly stateBackendUrl?: pulumi.Output<string>;
  /** With `stateBackend`: the secrets provider to create the stack with, `awskms://<alias>?region=<region>`. */
  readonly secretsProvider?: pulumi.Output<string>;
  /** With `deployRole`: ARN of the role that deploys the stack (yours, or the one created). */
  readonly deployRoleArn?: pulumi.Output<string>;

  constructor(name: string, args: PulumiStackArgs, opts?: pulumi.ComponentResourceOptions) {
    super("aws-cicd:index:PulumiStack", name, {}, opts);
    const stacks = quietStacks();
    try {
      const plan = asResourceError(this, () => {
        validateComponentName(name);
        const checked = validatePulumiStackArgs(args);
        const stateRoot = validateStateBackend(args);
        const deploy = validateDeployRole(args.deployRole, args.previewRoleArn);
        const preview = projectArgs(args.build, `Pulumi preview of stack ${args.stack} (aws-cicd)`, pulumiPreviewBuildSpec(args));
        const up = projectArgs(
          args.build,
          `Pulumi update of stack ${args.stack} (aws-cicd)`,
          pulumiUpBuildSpec(args, checked.planArtifact),
        );
        validateProject(preview, stackScopedName(`${name}-preview`, CODEBUILD_PROJECT_NAME));
        validateProject(up, stackScopedName(`${name}-up`, CODEBUILD_PROJECT_NAME));
        return { ...checked, stateRoot, deploy };
      });
      const ctx = awsContext(this);
      const state = plan.stateRoot === undefined ? undefined : createStateBackend(name, plan.stateRoot, ctx, this);
      const deployArn = plan.deploy === undefined ? undefined : (plan.deploy.roleArn ?? pulumiDeployRoleArn(name, ctx));
      const previewArn = plan.deploy?.previewRoleArn ?? deployArn;
      const env = (roleArn: pulumi.Input<string> | undefined): Record<string, EnvironmentVariable> => ({
        ...(state !== undefined ? { PULUMI_BACKEND_URL: { value: state.backendUrl } } : {}),
        ...(roleArn !== undefined ? { [PULUMI_DEPLOY_ROLE_VARIABLE]: { value: roleArn } } : {}),
      });
      const previewArgs = projectArgs(
        args.build,
        `Pulumi preview of stack ${args.stack} (aws-cicd)`,
        pulumiPreviewBuildSpec(args),
        env(previewArn),
      );
      const upArgs = projectArgs(
        args.build,
        `Pulumi update of stack ${args.stack} (aws-cicd)`,
        pulumiUpBuildSpec(args, plan.planArtifact),
        env(deployArn),
      );
      const preview = new BuildProject(`${name}-preview`, previewArgs, { parent: this });
      const up = new BuildProject(`${name}-up`, upArgs, { parent: this });
      if (state !== undefined) {
        preview.addToRolePolicy("pulumi-state", pulumiStateStatements(state.location, false, ctx));
        up.addToRolePolicy("pulumi-state", pulumiStateStatements(state.location, true, ctx));
        this.stateBackendUrl = state.backendUrl;
        this.secretsProvider = state.secretsProvider;
      }
      if (plan.deploy !== undefined && deployArn !== undefined && previewArn !== undefined) {
        preview.addToRolePolicy("pulumi-deploy", assumeDeployRoleStatements(previewArn));
        up.addToRolePolicy("pulumi-deploy", assumeDeployRoleStatements(deployArn));
        if (plan.deploy.roleArn === undefined) {
          const trusted = plan.deploy.previewRoleArn === undefined ? [up.roleArn, preview.roleArn] : [up.roleArn];
          const role = createDeployRole(name, plan.deploy, trusted, args.build?.tags, this);
          this.deployRoleArn = role.arn;
        } else {
          this.deployRoleArn = pulumi.output(plan.deploy.roleArn);
        }
      }
      STATE.set(this, { planArtifact: plan.planArtifact, namespace: plan.namespace, preview, up });
      this.previewProjectName = preview.projectName;
      this.upProjectName = up.projectName;
      this.previewRole = preview.role;
      this.upRole = up.role;
      this.registerOutputs({
        previewProjectName: this.previewProjectName,
        upProjectName: this.upProjectName,
        stateBackendUrl: this.stateBackendUrl,
        secretsProvider: this.secretsProvider,
        deployRoleArn: this.deployRoleArn,
      });
    } catch (e) {
      throw stacks.rethrow(e);
    } finally {
      stacks.close();
    }
  }

  /**
   * The preview action: reads the program from `source`, writes the plan artifact (`planArtifact`)
   * and exports {@link PulumiPlanVariable} under `namespace`.
   */
  previewAction(options: PulumiActionOptions = {}): {
    /** The CodeBuild action. */
    codeBuild: CodeBuildActionArgs;
  } {
    const s = STATE.get(this)!;
    return s.preview.buildAction({
      name: options.name ?? "Preview",
      ...(options.runOrder !== undefined ? { runOrder: options.runOrder } : {}),
      inputs: [options.source ?? DEFAULT_PULUMI_SOURCE_ARTIFACT],
      outputs: [s.planArtifact],
      namespace: s.namespace,
    });
  }

  /**
   * The update action: reads the program from `source` (the primary input) and the saved plan
   * from the plan artifact, and runs `pulumi up --plan`. Place it after the preview (and its approval).
   */
  upAction(options: PulumiActionOptions = {}): {
    /** The CodeBuild action. */
    codeBuild: CodeBuildActionArgs;
  } {
    const s = STATE.get(this)!;
    const source = options.source ?? DEFAULT_PULUMI_SOURCE_ARTIFACT;
    return s.up.buildAction({
      name: options.name ?? "Up",
      ...(options.runOrder !== undefined ? { runOrder: options.runOrder } : {}),
      inputs: [source, s.planArtifact],
      primarySource: source,
      outputs: [],
    });
  }

  /**
   * A manual approval that shows reviewers the plan: the message (`CustomData`) holds the
   * preview's one-line summary, and the link (`ExternalEntityLink`) opens the preview build,
   * whose log holds the whole summary. Both are pipeline variables of the preview's namespace,
   * resolved by CodePipeline when the approval starts.
   */
  approvalAction(options: PulumiApprovalOptions = {}): {
    /** The manual approval action. */
    manualApproval: ManualApprovalActionArgs;
  } {
    const s = STATE.get(this)!;
    return {
      manualApproval: {
        name: "Approve",
        ...options,
        message: pulumiPlanMessage(s.namespace),
        reviewUrl: `#{${s.namespace}.${PulumiPlanVariable.SummaryUrl}}`,
      },
    };
  }

  /**
   * A stage that requires an approval only when the plan changes permissions, for pipelines that
   * otherwise apply unattended (V2 pipelines): a manual approval showing the plan, behind an entry
   * condition whose `VariableCheck` rule passes when `PLAN_IAM_BROADENED` is `"true"`, with result
   * `SKIP`, so that CodePipeline skips the stage when the plan changes no permission. A `SKIP`
   * condition cannot be overridden when an execution starts
   * (https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-conditions.html). Place it
   * between the preview and the update.
   */
  permissionGateStage(options: PulumiGateStageOptions = {}): StageArgs {
    const s = STATE.get(this)!;
    const { stageName, ...approval } = options;
    return {
      name: stageName ?? `${s.namespace}-PermissionGate`,
      actions: [
        {
          manualApproval: {
            name: "ApprovePermissions",
            ...approval,
            message: pulumiGateMessage(s.namespace),
            reviewUrl: `#{${s.namespace}.${PulumiPlanVariable.SummaryUrl}}`,
          },
        },
      ],
      beforeEntry: {
        result: "SKIP",
        variableChecks: [
          { name: "PermissionsBroadened", variable: `#{${s.namespace}.${PulumiPlanVariable.IamBroadened}}`, operator: "EQ", value: "true" },
        ],
      },
    };
  }
}

/** The approval message of the permission gate: why it stops, then the plan's summary line. */
export function pulumiGateMessage(namespace: string): string {
  return `The Pulumi plan changes permissions (IAM resources, key or bucket policies); approve only if intended. #{${namespace}.${PulumiPlanVariable.Summary}}`;
}

/** The approval message of a plan: its summary line, read from the preview's namespace. */
export function pulumiPlanMessage(namespace: string): string {
  return `Review the Pulumi plan before approving. #{${namespace}.${PulumiPlanVariable.Summary}} IAM broadened: #{${namespace}.${PulumiPlanVariable.IamBroadened}}.`;
}
