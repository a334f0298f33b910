import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { KeyReference } from "../security/encryption-key";
import { AwsContext, PolicyStatement } from "../security/iam";
import type { ActionArgs } from "./actions";
import type { CrossAccountDeployTargets } from "../cross-account/policies";

/** Action categories CodePipeline knows. */
export type ActionCategory = "Source" | "Build" | "Test" | "Deploy" | "Approval" | "Invoke";

/** Every {@link ActionCategory}, in the order messages list them. */
export const ACTION_CATEGORIES: readonly ActionCategory[] = ["Source", "Build", "Test", "Deploy", "Approval", "Invoke"];

/** Whether `value` is one of the {@link ACTION_CATEGORIES}. */
export function isActionCategory(value: unknown): value is ActionCategory {
  return ACTION_CATEGORIES.some((c) => c === value);
}

/** Arguments every action kind takes. */
export interface ActionCommonArgs {
  /**
   * Name of the action, unique within its stage: letters, digits, `.`, `@`, `-`, `_`, at most 100.
   * @default - the kind's default name ("Source", "Build", "Test", "Approve"...).
   */
  name?: string;
  /**
   * Order within the stage, 1 to 999: actions with the same `runOrder` run in parallel, higher ones run later.
   * @default 1
   */
  runOrder?: number;
  /**
   * Exact IAM role ARN the action runs with (e.g. in another account), assumed by the pipeline
   * role, which then gets `sts:AssumeRole` on exactly this ARN instead of the action's own
   * permissions. That role needs the action's permissions, and access to the artifact bucket and
   * key: the bucket the pipeline creates lets it read and write objects, and the key the pipeline
   * creates names it in its `principalArns` (decrypt through S3 only; `writerPrincipalArns`, also
   * encrypt through S3, when the action has outputs). A key you pass as `encryptionKey` must let it
   * in through its own policy; a bucket you pass as `artifactBucket`
   * must let it in through its policy.
   * @default - the pipeline role runs the action.
   */
  roleArn?: pulumi.Input<string>;
}

/**
 * Arguments of the kinds CodePipeline can run in another region than the pipeline's: AWS-owned
 * build, test, deploy and invoke action types, not source actions nor approvals
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-create-cross-region.html).
 */
export interface RegionalActionArgs {
  /**
   * Region the action runs in, when not the pipeline's (CodePipeline's `region` action field),
   * such as "eu-west-1": its target (project, environment, deployment group, service) lives
   * there. The pipeline keeps an artifact store in every such region (see the Pipeline's
   * `regionalArtifactStores`), and CodePipeline copies the action's input artifacts there.
   * @default - the pipeline's region.
   */
  region?: string;
}

/** Arguments of actions that read artifacts. */
export interface ConsumingActionArgs {
  /**
   * Names of the input artifacts, each produced by an earlier action (earlier stage, or lower
   * `runOrder` in the same stage).
   * @default - the artifact most recently produced before this action.
   */
  inputs?: string[];
}

/** Facts the producer of an artifact passes to the actions that consume it. */
export interface ArtifactFacts {
  /**
   * The artifact is a Git reference (CodeCommit full clone) to this repository: consumers clone it.
   * @default - the artifact is a ZIP.
   */
  gitCloneRepositoryArn?: pulumi.Input<string>;
  /**
   * Key of that repository, when it has a customer managed key.
   * @default - none.
   */
  gitCloneKeyArn?: pulumi.Input<string>;
  /**
   * The artifact is a Git reference to a repository reached through this connection (connection
   * full clone): consumers need these `UseConnection` actions on it.
   * @default - none.
   */
  gitCloneConnection?: {
    /** ARN of the connection. */
    connectionArn: pulumi.Input<string>;
    /** The `UseConnection` actions (e.g. `codeconnections:UseConnection`) consumers need on the connection. */
    actions: string[];
  };
}

/** The artifact store as actions see it. */
export interface ArtifactStoreInfo {
  /** Name of the artifact bucket. */
  bucketName: pulumi.Input<string>;
  /** ARN of the artifact bucket. */
  bucketArn: pulumi.Input<string>;
  /** ARN of the key encrypting the artifacts. */
  keyArn: pulumi.Input<string>;
  /**
   * The pipeline created the bucket, and its policy names the roles of {@link ActionKind.artifactRole}
   * (so they need no identity statement on it).
   * @default false
   */
  bucketNamesArtifactRoles?: boolean;
  /**
   * The pipeline created the key, and its policy names the roles of {@link ActionKind.artifactRole}
   * (decrypt through S3; also encrypt for actions with outputs).
   * @default false
   */
  keyNamesArtifactRoles?: boolean;
}

/** Name of an action kind: its field in {@link ActionArgs}, e.g. `codeBuild`. */
export type ActionKindName = keyof ActionArgs;

/** The arguments of kind `K`, as the user gives them in `ActionArgs[K]`. */
export type ActionArgsOf<K extends ActionKindName> = NonNullable<ActionArgs[K]>;

/** What every planned action holds, whatever its kind. */
export interface PlannedActionBase {
  /** Path of the action in the arguments, e.g. "`stages[1].actions[0]`" without backticks. */
  path: string;
  /** Name of the action's stage. */
  stageName: string;
  /** 0-based index of the stage. */
  stageIndex: number;
  /** 0-based index of the action in its stage. */
  actionIndex: number;
  /** Final name of the action. */
  name: string;
  /** Final run order of the action. */
  runOrder: number;
  /** Category of the action. */
  category: ActionCategory;
  /** Names of the input artifacts. */
  inputs: string[];
  /** Names of the output artifacts. */
  outputs: string[];
}

/**
 * One action after validation, of one of the kinds `K` (every kind by default): its final name,
 * order and artifacts, and the kind's arguments, typed by `kind` (a discriminated union, so that
 * no code casts the arguments).
 */
export type PlannedActionOf<K extends ActionKindName = ActionKindName> = {
  [P in K]: PlannedActionBase & {
    /** Kind of the action, its field in {@link ActionArgs}. */
    kind: P;
    /** The kind's arguments as the user gave them (a `roleArn` Output checked when it resolves). */
    args: ActionArgsOf<P>;
  };
}[K];

/** One action after validation, of any kind. */
export type PlannedAction = PlannedActionOf;

/** What an action kind gets when it binds one action to a pipeline. */
export interface BindContext {
  /** The Pipeline component: parent of every resource the action creates. */
  parent: pulumi.Resource;
  /** Unique prefix for the logical names of the action's resources: `<pipeline>-<stage>-<action>`. */
  resourceName: string;
  /** Account, partition and region of the pipeline. */
  aws: AwsContext;
  /** Physical pipeline name, known before the pipeline exists. */
  pipelineName: string;
  /** `arn:<partition>:codepipeline:<region>:<account>:<pipelineName>`. */
  pipelineArn: pulumi.Output<string>;
  /** The pipeline's artifact store. */
  artifactStore: ArtifactStoreInfo;
  /** Name of the pipeline's role (for kinds that attach a managed policy to it). */
  roleName: pulumi.Output<string>;
  /** The key the pipeline encrypts with (for topics the action creates). */
  encryptionKey: KeyReference;
  /** The planned action being bound. */
  action: PlannedAction;
  /** Facts of each input artifact, in the order of `action.inputs`. */
  inputFacts: ArtifactFacts[];
}

/** The part of a stage action declaration a kind writes; the pipeline adds name, order, artifacts and role. */
export interface ActionDeclaration {
  /** Category of the action. */
  category: ActionCategory;
  /** Owner of the action type (always `AWS`). */
  owner: "AWS";
  /** Provider of the action type, e.g. `CodeBuild`. */
  provider: string;
  /** Version of the action type. */
  version: string;
  /**
   * Provider configuration.
   * @default - none.
   */
  configuration?: Record<string, pulumi.Input<string>>;
  /**
   * Namespace of the action's output variables.
   * @default - none.
   */
  namespace?: string;
}

/** What binding an action yields. */
export interface BoundAction {
  /** The action's declaration in the stage. */
  declaration: ActionDeclaration;
  /** Statements the pipeline role needs (dropped when the action runs with its own `roleArn`). */
  statements: PolicyStatement[];
  /**
   * Resources the action created under the pipeline (topics, grants to other roles); the pipeline waits for them.
   * @default - none.
   */
  resources?: pulumi.Resource[];
  /**
   * Facts about the action's output artifacts, passed to their consumers.
   * @default - none.
   */
  outputFacts?: ArtifactFacts;
  /**
   * Creates resources that need the pipeline itself (e.g. an EventBridge target that starts it).
   * @default - none.
   */
  afterPipeline?: (pipeline: aws.codepipeline.Pipeline) => pulumi.Resource[];
  /**
   * Pipeline-level V2 trigger of this source action (connection sources with `triggers`).
   * @default - none.
   */
  pipelineTrigger?: aws.types.input.codepipeline.PipelineTrigger;
}

/**
 * An action kind: everything the pipeline needs to validate, wire and grant one kind of action.
 * Add a kind by writing it in `actions/<kind>.ts` (`<name>Kind`, with its `<name>Action(...)`
 * helper), adding its args to `ActionArgs` and the kind to `ACTION_KINDS` (actions/index.ts).
 */
export interface ActionKind<A> {
  /**
   * Every category an action of this kind can have (what {@link ActionKind.category} may return):
   * stage placement and the cross-account deploy targets are derived from it.
   */
  categories: readonly ActionCategory[];
  /** Name used when the action has none. */
  defaultName(args: A): string;
  /** Category of the action (some kinds, like CodeBuild, have two). */
  category(args: A): ActionCategory;
  /** Number of input artifacts accepted; when `min` is 1 and none are named, the latest artifact is used. */
  inputs: {
    /** Fewest input artifacts. */
    min: number;
    /** Most input artifacts. */
    max: number;
  };
  /** Number of output artifacts accepted. */
  outputs: {
    /** Fewest output artifacts. */
    min: number;
    /** Most output artifacts. */
    max: number;
  };
  /** Output artifact names given by the user, or `undefined` to take the default. */
  declaredOutputs(args: A): string[] | undefined;
  /** Whether the action produces `<ActionName>Output` when the user names no output. */
  producesByDefault(args: A): boolean;
  /** Checks the kind's own arguments; `path` is how the user wrote the action, e.g. `stages[0].actions[1]`. */
  validate(args: A, path: string): void;
  /**
   * The service role, in the pipeline's account, of another service that reads (and, when the
   * action has outputs, writes) this action's artifacts, such as a CodeBuild project's role: a
   * bucket and a key that the pipeline creates name it in their policies, so that it needs no
   * identity statement per artifact store (see `actions/codebuild-project-role.ts`).
   * @default - none.
   */
  artifactRole?(args: A): pulumi.Input<string> | undefined;
  /**
   * Roles, usually in another account, that read this action's input artifacts besides the role
   * the action runs with, such as the instance role of a CodeDeploy fleet deployed to from another
   * account: a bucket and a key that the pipeline creates let them read objects and decrypt them
   * through S3, as they do for action roles (`roleArn`).
   * @default - none.
   */
  artifactReaderRoles?(args: A): pulumi.Input<string>[];
  /** Declaration, role statements and extra resources of one action. */
  bind(args: A, ctx: BindContext): BoundAction;
  /**
   * Replaces the pipeline-role statements of every action of this kind that runs with the
   * pipeline role (in execution order) by one list, placed where the first one's would be. Kinds
   * that grant the same permissions for each target merge them here: IAM limits the inline
   * policies of a role to 10,240 characters, which repeated statement lists quickly exceed.
   * @default - each action's `statements`, one after the other.
   */
  combineStatements?(actions: CombinableAction<A>[]): PolicyStatement[];
  /**
   * Places the combined statements of this kind in customer managed policies attached to the
   * pipeline role (each part its own `aws.iam.Policy`, 6,144 characters at most), instead of the
   * role's inline policy (10,240 characters for all inline policies together): for kinds whose
   * statement list is large, such as Elastic Beanstalk deploys. Returns the parts by name suffix.
   * @default - the statements go to the role's inline policy.
   */
  managedPolicyParts?(statements: PolicyStatement[]): ManagedPolicyPart[];
  /**
   * Whether an action of this kind may run in another region than the pipeline's (`region`, of
   * {@link RegionalActionArgs}). CodePipeline runs AWS-owned build, test, deploy and invoke action
   * types anywhere it is offered; source actions, approvals and the pipeline's own self-update
   * stay in the pipeline's region.
   * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-create-cross-region.html
   * @default false
   */
  crossRegion?: boolean;
  /**
   * How targets of this kind reach a `CrossAccountDeployRole` in another account. Every kind with
   * the `Deploy` category declares it, so that a new deploy target cannot be left out of
   * cross-account deploys (`DEPLOY_TARGET_KINDS` is derived from these declarations).
   * @default - not a deploy kind.
   */
  crossAccount?: CrossAccountDeployTargetKind<A>;
  /**
   * Creates what the actions of this kind in one pipeline share, once every action is bound
   * (every action of the kind, in execution order), e.g. one inline policy per CodeBuild project
   * role however many actions run the project. The pipeline waits for these resources.
   * @default - nothing shared.
   */
  sharedResources?(actions: CombinableAction<A>[]): pulumi.Resource[];
}

/**
 * How the targets of one deploy kind are granted to a `CrossAccountDeployRole` (in the target
 * account): the role argument that lists them, what each must carry, and the statements.
 */
export interface CrossAccountDeployTargetKind<T> {
  /** Field of `CrossAccountDeployRoleArgs` listing targets of this kind, e.g. `beanstalkTargets`. */
  targetsArg: keyof CrossAccountDeployTargets;
  /** Fields every target must carry. */
  requiredFields: readonly string[];
  /** Where a target comes from, for messages: "`target.beanstalkDeployTarget()` of a BeanstalkTarget". */
  source: string;
  /** Statements to deploy to every target of the kind (at least one), in the role's account and region. */
  statements(targets: T[], ctx: AwsContext, artifactBucketArn: pulumi.Input<string>): PolicyStatement[];
  /**
   * Places the kind's statements in customer managed policies attached to the role (6,144
   * characters each) instead of its inline policy (10,240 characters for all inline policies
   * together): for kinds whose statement list is large, such as Elastic Beanstalk deploys.
   * @default - the statements go to the role's inline policy.
   */
  managedPolicyParts?(statements: PolicyStatement[]): ManagedPolicyPart[];
}

/** One customer managed policy of {@link ActionKind.managedPolicyParts}. */
export interface ManagedPolicyPart {
  /** Suffix of the policy's logical name, `<pipeline>-<name>`. */
  name: string;
  /** The statements of this part. */
  statements: PolicyStatement[];
}

/** One action given to {@link ActionKind.combineStatements}. */
export interface CombinableAction<A> {
  /** The action's arguments. */
  args: A;
  /** The context the action was bound with. */
  ctx: BindContext;
  /** What `bind` returned as the action's statements. */
  statements: PolicyStatement[];
}
