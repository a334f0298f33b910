import { ActionKind } from "../action-types";
import { beanstalkDeployKind, BeanstalkDeployActionArgs } from "./beanstalk-deploy";
import { codeBuildKind, CodeBuildActionArgs } from "./codebuild";
import { codeCommitSourceKind, CodeCommitSourceActionArgs } from "./codecommit-source";
import { codeDeployKind, CodeDeployActionArgs } from "./codedeploy-deploy";
import { connectionSourceKind, ConnectionSourceActionArgs } from "./connection-source";
import { manualApprovalKind, ManualApprovalActionArgs } from "./manual-approval";
import { s3SourceKind, S3SourceActionArgs } from "./s3-source";

export * from "./beanstalk-deploy";
export * from "./codebuild";
export * from "./codecommit-source";
export * from "./codedeploy-deploy";
export * from "./connection-source";
export * from "./manual-approval";
export * from "./s3-source";

/**
 * One action of a stage: set exactly one kind. Components return these from sugar methods
 * (`repo.sourceAction()`, `project.buildAction()`, `target.deployAction()`), or build them with
 * `codeCommitSourceAction(...)`, `s3SourceAction(...)`, `codeBuildAction(...)`, `manualApprovalAction(...)`, `beanstalkDeployAction(...)`.
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
}

/** Every action kind, keyed as in {@link ActionArgs}. Adding a kind: one args field, one entry, one file. */
export const ACTION_KINDS: { [K in keyof ActionArgs]-?: ActionKind<NonNullable<ActionArgs[K]>> } = {
  codeCommitSource: codeCommitSourceKind,
  s3Source: s3SourceKind,
  connectionSource: connectionSourceKind,
  codeBuild: codeBuildKind,
  manualApproval: manualApprovalKind,
  beanstalkDeploy: beanstalkDeployKind,
  codeDeploy: codeDeployKind,
};

/** The kinds, in the order error messages list them. */
export const ACTION_KIND_NAMES = Object.keys(ACTION_KINDS) as (keyof ActionArgs)[];
