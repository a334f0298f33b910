import { ActionArgsOf, ActionKind, ActionKindName, PlannedActionOf } from "../action-types";
import { beanstalkDeployKind, BeanstalkDeployActionArgs } from "./beanstalk-deploy";
import { codeBuildKind, CodeBuildActionArgs } from "./codebuild";
import { codeCommitSourceKind, CodeCommitSourceActionArgs } from "./codecommit-source";
import { codeDeployKind, CodeDeployActionArgs } from "./codedeploy-deploy";
import { codeDeployToEcsKind, CodeDeployToEcsActionArgs } from "./codedeploy-to-ecs";
import { connectionSourceKind, ConnectionSourceActionArgs } from "./connection-source";
import { customKind, CustomActionArgs } from "./custom";
import { ecsDeployKind, EcsDeployActionArgs } from "./ecs-deploy";
import { manualApprovalKind, ManualApprovalActionArgs } from "./manual-approval";
import { pulumiSelfUpdateKind, PulumiSelfUpdateActionArgs } from "./pulumi-self-update";
import { s3SourceKind, S3SourceActionArgs } from "./s3-source";

export * from "./beanstalk-deploy";
export * from "./codebuild";
export * from "./codecommit-source";
export * from "./codedeploy-deploy";
export * from "./codedeploy-to-ecs";
export * from "./connection-source";
export * from "./custom";
export * from "./ecs-deploy";
export * from "./manual-approval";
export * from "./pulumi-self-update";
export * from "./s3-source";

/**
 * One action of a stage: set exactly one kind. Components return these from sugar methods
 * (`repo.sourceAction()`, `project.buildAction()`, `target.deployAction()`), or build them with
 * the helpers `codeCommitSourceAction(...)`, `s3SourceAction(...)`, `connectionSourceAction(...)`,
 * `codeBuildAction(...)`, `manualApprovalAction(...)`, `beanstalkDeployAction(...)`,
 * `codeDeployAction(...)`, `ecsDeployAction(...)`, `codeDeployToEcsAction(...)`, and `customAction(...)` for a kind this library does not ship.
 *
 * @remarks
 * This is one object with an optional field per kind, not a TypeScript union of one-kind shapes,
 * on purpose: the Pulumi schema analyzer, which makes the component usable from Python, Go and
 * C#, refuses unions, and a one-of object is what those languages can write. So the type itself
 * lets `{}` or two kinds through; what holds instead: each helper and sugar method returns an
 * object of exactly one kind (`{ codeBuild: CodeBuildActionArgs }`), the pipeline refuses `{}`
 * and two kinds before creating anything ("`stages[1].actions[0]` must set exactly one action
 * kind, got none. Kinds: ..."), and inside the library a validated action is a discriminated
 * union over `kind` (`PlannedAction`), so no code casts an action's arguments.
 */
export interface ActionArgs {
  /**
   * Source from a CodeCommit branch, started on push.
   * @default - not this kind.
   */
  codeCommitSource?: CodeCommitSourceActionArgs;
  /**
   * Source from an object in a versioned S3 bucket, started on upload.
   * @default - not this kind.
   */
  s3Source?: S3SourceActionArgs;
  /**
   * Source from GitHub, GitLab or Bitbucket through a CodeConnections connection, with optional V2 trigger filters.
   * @default - not this kind.
   */
  connectionSource?: ConnectionSourceActionArgs;
  /**
   * Build or test with a CodeBuild project.
   * @default - not this kind.
   */
  codeBuild?: CodeBuildActionArgs;
  /**
   * Wait for a person allowed by `Pipeline.grantApproval`.
   * @default - not this kind.
   */
  manualApproval?: ManualApprovalActionArgs;
  /**
   * Deploy the input artifact to an Elastic Beanstalk environment.
   * @default - not this kind.
   */
  beanstalkDeploy?: BeanstalkDeployActionArgs;
  /**
   * Deploy the input artifact (a ZIP with `appspec.yml`) to a CodeDeploy EC2 deployment group.
   * @default - not this kind.
   */
  codeDeploy?: CodeDeployActionArgs;
  /**
   * Rolling deploy of the images in `imagedefinitions.json` to an ECS service (the `ECS` action).
   * @default - not this kind.
   */
  ecsDeploy?: EcsDeployActionArgs;
  /**
   * Blue/green deploy of a task definition template to an ECS service through CodeDeploy (the `CodeDeployToECS` action).
   * @default - not this kind.
   */
  codeDeployToEcs?: CodeDeployToEcsActionArgs;
  /**
   * An action of a kind this library does not ship (e.g. a Lambda invoke), described as plain
   * data: its action type, configuration, artifacts and the exact statements the pipeline role needs.
   * @default - not this kind.
   */
  custom?: CustomActionArgs;
  /**
   * `pulumi up` of the stack that declares this pipeline, then a restart when the pipeline's
   * definition changed: the only action of the stage right after the source stage (`PulumiSelfUpdate`).
   * @default - not this kind.
   */
  pulumiSelfUpdate?: PulumiSelfUpdateActionArgs;
}

/** Every action kind, keyed as in {@link ActionArgs}. Adding a kind: one args field, one entry, one file. */
export const ACTION_KINDS: { [K in ActionKindName]: ActionKind<ActionArgsOf<K>> } = {
  codeCommitSource: codeCommitSourceKind,
  s3Source: s3SourceKind,
  connectionSource: connectionSourceKind,
  codeBuild: codeBuildKind,
  manualApproval: manualApprovalKind,
  beanstalkDeploy: beanstalkDeployKind,
  codeDeploy: codeDeployKind,
  ecsDeploy: ecsDeployKind,
  codeDeployToEcs: codeDeployToEcsKind,
  custom: customKind,
  pulumiSelfUpdate: pulumiSelfUpdateKind,
};

/** The kind names, in the order error messages list them. */
export const ACTION_KIND_NAMES = Object.keys(ACTION_KINDS) as ActionKindName[];

/** The kind of a planned action, typed with the action's arguments. */
export function kindOfAction<K extends ActionKindName>(action: PlannedActionOf<K>): ActionKind<ActionArgsOf<K>> {
  return ACTION_KINDS[action.kind];
}
