import { ActionDefinition } from "../action-types";
import { beanstalkDeployAction, BeanstalkDeployActionArgs } from "./beanstalk-deploy";
import { codeBuildAction, CodeBuildActionArgs } from "./codebuild";
import { codeCommitSourceAction, CodeCommitSourceActionArgs } from "./codecommit-source";
import { codeDeployAction, CodeDeployActionArgs } from "./codedeploy-deploy";
import { connectionSourceAction, ConnectionSourceActionArgs } from "./connection-source";
import { manualApprovalAction, ManualApprovalActionArgs } from "./manual-approval";
import { s3SourceAction, S3SourceActionArgs } from "./s3-source";

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
 * `codeCommitSource(...)`, `s3Source(...)`, `codeBuild(...)`, `manualApproval(...)`, `beanstalkDeploy(...)`.
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
export const ACTION_DEFINITIONS: { [K in keyof ActionArgs]-?: ActionDefinition<NonNullable<ActionArgs[K]>> } = {
  codeCommitSource: codeCommitSourceAction,
  s3Source: s3SourceAction,
  connectionSource: connectionSourceAction,
  codeBuild: codeBuildAction,
  manualApproval: manualApprovalAction,
  beanstalkDeploy: beanstalkDeployAction,
  codeDeploy: codeDeployAction,
};

/** The kinds, in the order error messages list them. */
export const ACTION_KINDS = Object.keys(ACTION_DEFINITIONS) as (keyof ActionArgs)[];
