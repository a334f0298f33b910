import { ActionDefinition } from "../action-types";
import { beanstalkDeployAction, BeanstalkDeployActionArgs } from "./beanstalk-deploy";
import { codeBuildAction, CodeBuildActionArgs } from "./codebuild";
import { codeCommitSourceAction, CodeCommitSourceActionArgs } from "./codecommit-source";
import { manualApprovalAction, ManualApprovalActionArgs } from "./manual-approval";
import { s3SourceAction, S3SourceActionArgs } from "./s3-source";

export * from "./beanstalk-deploy";
export * from "./codebuild";
export * from "./codecommit-source";
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
}

/** Every action kind, keyed as in {@link ActionArgs}. Adding a kind: one args field, one entry, one file. */
export const ACTION_DEFINITIONS: { [K in keyof ActionArgs]-?: ActionDefinition<NonNullable<ActionArgs[K]>> } = {
  codeCommitSource: codeCommitSourceAction,
  s3Source: s3SourceAction,
  codeBuild: codeBuildAction,
  manualApproval: manualApprovalAction,
  beanstalkDeploy: beanstalkDeployAction,
};

/** The kinds, in the order error messages list them. */
export const ACTION_KINDS = Object.keys(ACTION_DEFINITIONS) as (keyof ActionArgs)[];
