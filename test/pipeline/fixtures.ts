import {
  ActionArgs,
  CodeBuildActionArgs,
  CodeCommitSourceActionArgs,
  ManualApprovalActionArgs,
  Pipeline,
  PipelineArgs,
  StageArgs,
} from "../../packages/aws-cicd/src/pipeline";
import { ACCOUNT, settle, unwrap } from "../harness";

export const REPO_ARN = `arn:aws:codecommit:us-east-1:${ACCOUNT}:app`;
export const PROJECT_ARN = `arn:aws:codebuild:us-east-1:${ACCOUNT}:project/build`;
export const TEST_PROJECT_ARN = `arn:aws:codebuild:us-east-1:${ACCOUNT}:project/test`;
export const PIPELINE_NAME = "aws-cicd-test-test-app";
export const PIPELINE_ARN = `arn:aws:codepipeline:us-east-1:${ACCOUNT}:${PIPELINE_NAME}`;
export const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/app-key-key-id`;
export const BUCKET_ARN = "arn:aws:s3:::app-artifacts-bucket";

export const source = (extra: Partial<CodeCommitSourceActionArgs> = {}): ActionArgs => ({
  codeCommitSource: { repositoryName: "app", repositoryArn: REPO_ARN, ...extra },
});
export const build = (extra: Partial<CodeBuildActionArgs> = {}): ActionArgs => ({
  codeBuild: { projectName: "build", projectArn: PROJECT_ARN, ...extra },
});
export const test = (extra: Partial<CodeBuildActionArgs> = {}): ActionArgs => ({
  codeBuild: { projectName: "test", projectArn: TEST_PROJECT_ARN, type: "Test", ...extra },
});
export const approve = (extra: ManualApprovalActionArgs = {}): ActionArgs => ({ manualApproval: extra });

/** Source + Build, the smallest valid pipeline. */
export const twoStages = (): StageArgs[] => [
  { name: "Source", actions: [source()] },
  { name: "Build", actions: [build()] },
];

/** Creates a pipeline (Source + Build unless `stages` is given) and waits until every child is recorded. */
export async function loadedPipeline(args: Partial<PipelineArgs> = {}, name = "app"): Promise<Pipeline> {
  const p = new Pipeline(name, { stages: twoStages(), ...args });
  await unwrap(p.consoleUrl);
  await unwrap(p.artifactBucketName);
  await settle();
  return p;
}
