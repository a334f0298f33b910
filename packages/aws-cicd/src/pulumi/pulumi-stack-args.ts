import * as pulumi from "@pulumi/pulumi";
import { BuildImage, ComputeType } from "../codebuild/environment";
import { BuildVpcArgs } from "../codebuild/build-project-args";
import { KeyReference } from "../security/encryption-key";
import { ManualApprovalActionArgs } from "../pipeline/actions/manual-approval";
import { PulumiDeployRoleArgs, PulumiStateBackendArgs } from "./state-identity-args";

/** Directory, under the source root, where the preview writes the plan and summary (the artifact's root). */
export const PULUMI_PLAN_DIRECTORY = "pulumi-plan";
/** File name of the saved update plan (`pulumi preview --save-plan`) in the plan artifact. */
export const PULUMI_PLAN_FILE = "plan.json";
/** File name of the raw `pulumi preview --json` output in the plan artifact. */
export const PULUMI_PREVIEW_FILE = "preview.json";
/** Working directory of the Pulumi program when `workDir` is not given: the source root. */
export const DEFAULT_PULUMI_WORK_DIR = ".";
/** Input artifact holding the Pulumi program when an action's `source` is not given (what a stage's `Source` action produces). */
export const DEFAULT_PULUMI_SOURCE_ARTIFACT = "SourceOutput";

/**
 * The variables the preview action exports (CodeBuild `exported-variables`), read downstream as
 * `#{<namespace>.<NAME>}`.
 */
export const PulumiPlanVariable = {
  /** Resources to create. */
  Creates: "PLAN_CREATES",
  /** Resources to update. */
  Updates: "PLAN_UPDATES",
  /** Resources to replace. */
  Replaces: "PLAN_REPLACES",
  /** Resources to delete. */
  Deletes: "PLAN_DELETES",
  /** Changed IAM resources, key policies and bucket policies. */
  IamChanges: "PLAN_IAM_CHANGES",
  /** `"true"` when any of them changes (treated as broadening), else `"false"`. */
  IamBroadened: "PLAN_IAM_BROADENED",
  /** One line: the counts and whether permissions change. */
  Summary: "PLAN_SUMMARY",
  /** Link to the preview build (`CODEBUILD_BUILD_URL`), whose log holds the whole summary. */
  SummaryUrl: "PLAN_SUMMARY_URL",
} as const;
/** One of {@link PulumiPlanVariable}. */
export type PulumiPlanVariable = (typeof PulumiPlanVariable)[keyof typeof PulumiPlanVariable];
/** Every exported variable, in the order the buildspec lists them. */
export const PULUMI_PLAN_VARIABLES: readonly PulumiPlanVariable[] = Object.values(PulumiPlanVariable);

/**
 * A secret the build reads at start, never a plain value: exactly one of a Secrets Manager
 * reference or a Parameter Store parameter (a SecureString). The project's role may read exactly it.
 */
export interface PulumiSecretArgs {
  /**
   * Secrets Manager reference: the secret's name or complete ARN, then optional `:json-key`,
   * `:version-stage`, `:version-id`.
   * @default - unset; set exactly one of the two.
   */
  secretsManager?: string;
  /**
   * Parameter Store parameter name (`/pulumi/token`) or ARN.
   * @default - unset; set exactly one of the two.
   */
  parameterStore?: string;
}

/** Settings of the two CodeBuild projects (preview and up). */
export interface PulumiBuildSettings {
  /**
   * Build image; it must provide `pulumi`, `node` and `base64` on `PATH`, or `installCommands` must install them.
   * @default - the BuildProject default, `{ managed: "x86_64" }`.
   */
  image?: BuildImage;
  /**
   * Compute type of the build host.
   * @default "BUILD_GENERAL1_SMALL"
   */
  computeType?: ComputeType;
  /**
   * Customer key of the projects' logs and alert topic.
   * @default - each BuildProject creates its own key.
   */
  encryptionKey?: KeyReference;
  /**
   * Customer keys that encrypt `accessToken` and `configPassphrase`, which the roles may then use through SSM and Secrets Manager.
   * @default - none (the AWS managed keys need no grant).
   */
  secretsKeyArns?: pulumi.Input<string>[];
  /**
   * Minutes after which a build is stopped, 5 to 2160.
   * @default 60
   */
  timeoutInMinutes?: number;
  /**
   * Run the builds in a VPC.
   * @default - outside any VPC of yours, with internet access.
   */
  vpc?: BuildVpcArgs;
  /**
   * Tags of every resource created.
   * @default - no tags.
   */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** Arguments of {@link PulumiStack}. */
export interface PulumiStackArgs {
  /** The stack to preview and update: `stack`, `project/stack` or `org/project/stack`. */
  stack: string;
  /**
   * Directory of the Pulumi program (`Pulumi.yaml`), relative to the source root.
   * @default "." ({@link DEFAULT_PULUMI_WORK_DIR})
   */
  workDir?: string;
  /**
   * Pulumi Cloud access token (`PULUMI_ACCESS_TOKEN`), from Secrets Manager or Parameter Store.
   * Required unless `backendUrl` or `stateBackend` gives a self-managed backend.
   * @default - none: `backendUrl` or `stateBackend` must be given.
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
   * Commands of the `install` phase, e.g. installing a pinned Pulumi CLI. The build needs
   * `pulumi`, `node` (18 or later) and `base64` on `PATH`.
   * @default - none: the image provides them.
   */
  installCommands?: string[];
  /**
   * Commands of the `pre_build` phase, run in `workDir`, e.g. `npm ci`.
   * @default - none.
   */
  prepareCommands?: string[];
  /**
   * Name of the artifact holding the plan and summary (the preview's output, the update's second input).
   * @default - `<stack's last segment>Plan` with characters outside `[A-Za-z0-9_-]` as `_`.
   */
  planArtifact?: string;
  /**
   * Namespace of the preview's exported variables (`#{<namespace>.PLAN_CREATES}`).
   * @default - the `planArtifact` name.
   */
  namespace?: string;
  /**
   * Settings of the two CodeBuild projects.
   * @default - BuildProject defaults.
   */
  build?: PulumiBuildSettings;
  /**
   * Create a self-managed S3 state backend and `awskms://` secrets provider (`{ create: true }`);
   * exclusive with `backendUrl`.
   * @default - no bucket: Pulumi Cloud, or the backend `backendUrl` names.
   */
  stateBackend?: PulumiStateBackendArgs;
  /**
   * The role that deploys the stack: `{ roleArn }`, or policies for a role the component creates.
   * @default - none: the builds run as their own roles, which hold no AWS permission for the stack's resources.
   */
  deployRole?: PulumiDeployRoleArgs;
  /**
   * Exact ARN of a separate (read-only) role for the preview builds. Requires `deployRole`.
   * @default - the deploy role: the preview runs the program with the deploy role's permissions.
   */
  previewRoleArn?: pulumi.Input<string>;
}

/** Settings of {@link PulumiStack.previewAction} and {@link PulumiStack.upAction}. */
export interface PulumiActionOptions {
  /**
   * Name of the action.
   * @default - "Preview" or "Up".
   */
  name?: string;
  /**
   * Order within the stage.
   * @default 1
   */
  runOrder?: number;
  /**
   * Input artifact holding the Pulumi program.
   * @default "SourceOutput" ({@link DEFAULT_PULUMI_SOURCE_ARTIFACT})
   */
  source?: string;
}

/**
 * Settings of {@link PulumiStack.approvalAction}: every `manualApproval` argument but the
 * message and link, which show the plan.
 */
export type PulumiApprovalOptions = Omit<ManualApprovalActionArgs, "message" | "reviewUrl">;

/** Settings of {@link PulumiStack.permissionGateStage}: the stage name and the approval's settings. */
export interface PulumiGateStageOptions extends PulumiApprovalOptions {
  /**
   * Name of the stage, unique in the pipeline.
   * @default - `<namespace>-PermissionGate`.
   */
  stageName?: string;
}
