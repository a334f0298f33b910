import * as pulumi from "@pulumi/pulumi";
import { codeCommitKeyStatement } from "../../codecommit/policies";
import { PolicyStatement } from "../../security/iam";
import { jsonString } from "../../security/policy-json";
import { ActionCommonArgs, ActionKind } from "../action-types";
import { CODECOMMIT_FULL_CLONE_PIPELINE_ACTIONS, CODECOMMIT_SOURCE_ACTIONS } from "../policies";
import { SOURCE_ACTION_SHAPE, checkArn, checkName, checkNamespace, createStartTrigger } from "./shared";

/** Branch a CodeCommit source follows when none is given. */
export const DEFAULT_SOURCE_BRANCH = "main";

/** Repository events that start the pipeline: a branch created or moved by a push. */
export const CODECOMMIT_TRIGGER_EVENTS = ["referenceCreated", "referenceUpdated"] as const;

/**
 * A CodeCommit source: the head of a branch, as a ZIP (or, with `fullClone`, a Git reference
 * that only CodeBuild actions can use). The pipeline is started by an EventBridge rule on pushes
 * to the branch; CodePipeline never polls.
 */
export interface CodeCommitSourceActionArgs extends ActionCommonArgs {
  /** Name of the repository. */
  repositoryName: pulumi.Input<string>;
  /** ARN of the repository: the pipeline role gets read access on exactly this ARN. */
  repositoryArn: pulumi.Input<string>;
  /**
   * Customer managed key of the repository; the pipeline role may use it through CodeCommit.
   * @default - none: the repository uses the AWS managed key.
   */
  keyArn?: pulumi.Input<string>;
  /**
   * Branch to build.
   * @default "main" ({@link DEFAULT_SOURCE_BRANCH})
   */
  branch?: string;
  /**
   * Output a Git reference (`CODEBUILD_CLONE_REF`) instead of a ZIP, so CodeBuild gets the Git
   * history. The pipeline role then also gets `codecommit:GetRepository`, and a consuming CodeBuild
   * action with `projectRoleName` grants that role `codecommit:GitPull` on this repository.
   * @default false
   */
  fullClone?: boolean;
  /**
   * Name of the output artifact.
   * @default - `<ActionName>Output`.
   */
  output?: string;
  /**
   * Namespace of the action's variables (`#{<namespace>.CommitId}`...).
   * @default - none.
   */
  namespace?: string;
  /**
   * Start the pipeline on pushes to the branch (an EventBridge rule and a role allowed only to start this pipeline).
   * `false` leaves the pipeline to be started by hand (`aws codepipeline start-pipeline-execution`) or by your own rule.
   * @default true
   */
  startOnPush?: boolean;
}

const BRANCH = /^(?!-)(?!.*@\{)(?!.*\.\.)(?!.*\/\/)(?!.*\.lock$)[^\s~^:?*[\\]{1,256}(?<![./])$/;

/** The `codeCommitSource` action kind. */
export const codeCommitSourceKind: ActionKind<CodeCommitSourceActionArgs> = {
  ...SOURCE_ACTION_SHAPE,
  validate(a, path) {
    checkName(
      path,
      "repositoryName",
      a.repositoryName,
      /^[\w.-]{1,100}$/,
      'a repository name of 1 to 100 letters, digits, ".", "_" or "-"',
    );
    checkArn(path, "repositoryArn", a.repositoryArn, "codecommit");
    checkArn(path, "keyArn", a.keyArn, "kms");
    if (a.branch !== undefined && !BRANCH.test(a.branch)) {
      throw new Error(`\`${path}.branch\` must be a Git branch name such as "main" or "release/1.2", got "${a.branch}".`);
    }
    checkNamespace(path, a.namespace);
  },
  bind(a, ctx) {
    const branch = a.branch ?? DEFAULT_SOURCE_BRANCH;
    const statements: PolicyStatement[] = [
      {
        sid: "ReadSourceRepository",
        actions: [...CODECOMMIT_SOURCE_ACTIONS, ...(a.fullClone ? CODECOMMIT_FULL_CLONE_PIPELINE_ACTIONS : [])],
        resources: [a.repositoryArn],
      },
    ];
    if (a.keyArn !== undefined) statements.push(codeCommitKeyStatement([a.keyArn], ctx.aws, "UseSourceRepositoryKey"));
    const bound = {
      declaration: {
        category: "Source" as const,
        owner: "AWS" as const,
        provider: "CodeCommit",
        version: "1",
        configuration: {
          RepositoryName: a.repositoryName,
          BranchName: branch,
          PollForSourceChanges: "false",
          OutputArtifactFormat: a.fullClone ? "CODEBUILD_CLONE_REF" : "CODE_ZIP",
        },
        namespace: a.namespace,
      },
      statements,
      outputFacts: a.fullClone ? { gitCloneRepositoryArn: a.repositoryArn, gitCloneKeyArn: a.keyArn } : undefined,
    };
    if (a.startOnPush === false) return bound;
    const pattern = jsonString({
      source: ["aws.codecommit"],
      "detail-type": ["CodeCommit Repository State Change"],
      resources: [a.repositoryArn],
      detail: { event: [...CODECOMMIT_TRIGGER_EVENTS], referenceType: ["branch"], referenceName: [branch] },
    });
    const { trigger, afterPipeline } = createStartTrigger(ctx, pattern, `Starts pipeline ${ctx.pipelineName} on pushes to ${branch}.`);
    return { ...bound, resources: [trigger.rule, trigger.role, trigger.policy], afterPipeline };
  },
};

/** A `codeCommitSource` action for a pipeline stage. */
export function codeCommitSourceAction(args: CodeCommitSourceActionArgs): {
  /** The action's arguments. */
  codeCommitSource: CodeCommitSourceActionArgs;
} {
  return { codeCommitSource: args };
}
