import { BuildSpec } from "../codebuild/buildspec-types";
import { deployProfileCommands, deployProfileFlag, environment, preparation } from "./buildspecs";
import { PIPELINE_EXECUTION_ID_VARIABLE, PulumiSelfUpdateArgs } from "./self-update-args";

/**
 * The self-update buildspec (pure; the arguments are validated first). In order:
 * 1. the pipeline version this execution runs: `aws codepipeline get-pipeline-execution`, field
 *    `pipelineVersion` (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineExecution.html);
 * 2. `pulumi up --yes` of the pipeline's stack (no saved plan: the stage runs unattended);
 * 3. the pipeline's current version: `aws codepipeline get-pipeline`, field `pipeline.version`,
 *    which every `UpdatePipeline` raises by one
 *    (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_UpdatePipeline.html);
 * 4. when the two differ, the execution runs an outdated definition: CodePipeline marks an
 *    execution whose pipeline was updated before it completed `Cancelled` (same PipelineExecution
 *    page) and starts no new one (only CloudFormation's `RestartExecutionOnUpdate` does:
 *    https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-codepipeline-pipeline.html,
 *    and the Pulumi provider has no such setting). So the build starts an execution of the latest
 *    source revision with the new definition
 *    (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_StartPipelineExecution.html),
 *    then stops its own execution in "stop and wait" mode, so that it goes no further than this
 *    action (https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-stop.html). When
 *    the stop is refused because CodePipeline has already ended the execution, the build
 *    succeeds; when the execution is still in progress, the build fails, so that it stops here all the same.
 *
 * Any failing step fails the build, and with it the stage: the old definition never reaches the
 * application stages.
 *
 * With `deployRole`, the AWS config profile of `PulumiStack` (`aws-cicd-deploy`, assuming
 * `$PULUMI_DEPLOY_ROLE_ARN`) is written just before `pulumi up`, which gets
 * `--config aws:profile=aws-cicd-deploy`. The file holds no default profile, so the `aws
 * codepipeline` calls keep the build role's credentials (`RestartOwnPipeline`).
 */
export function pulumiSelfUpdateBuildSpec(args: PulumiSelfUpdateArgs): BuildSpec {
  const env = environment(args);
  const id = `$${PIPELINE_EXECUTION_ID_VARIABLE}`;
  const execution = `--pipeline-name "$PIPELINE_NAME" --pipeline-execution-id "${id}"`;
  return {
    version: "0.2",
    env: { ...env, variables: { ...env.variables, PIPELINE_NAME: args.pipelineName } },
    phases: {
      ...preparation(args),
      build: {
        commands: [
          `test -n "\${${PIPELINE_EXECUTION_ID_VARIABLE}:-}" || { echo "${PIPELINE_EXECUTION_ID_VARIABLE} is unset: run this project through the self-update action of pipeline $PIPELINE_NAME, which passes #{codepipeline.PipelineExecutionId}." >&2; exit 1; }`,
          `RUNNING_VERSION="$(aws codepipeline get-pipeline-execution ${execution} --query pipelineExecution.pipelineVersion --output text)"`,
          ...deployProfileCommands(args),
          `pulumi up --stack "$PULUMI_STACK" --cwd "$CODEBUILD_SRC_DIR/$PULUMI_WORK_DIR"${deployProfileFlag(args)} --yes --non-interactive`,
          `CURRENT_VERSION="$(aws codepipeline get-pipeline --name "$PIPELINE_NAME" --query pipeline.version --output text)"`,
          `if [ "$CURRENT_VERSION" = "$RUNNING_VERSION" ]; then RESTART=false; echo "Pipeline $PIPELINE_NAME is unchanged (version $RUNNING_VERSION): this execution goes on."; else RESTART=true; echo "Pipeline $PIPELINE_NAME changed from version $RUNNING_VERSION to $CURRENT_VERSION: restarting it with the new definition."; fi`,
          `[ "$RESTART" = false ] || { NEW_EXECUTION_ID="$(aws codepipeline start-pipeline-execution --name "$PIPELINE_NAME" --query pipelineExecutionId --output text)" && echo "Started execution $NEW_EXECUTION_ID, which runs version $CURRENT_VERSION."; }`,
          `[ "$RESTART" = false ] || aws codepipeline stop-pipeline-execution ${execution} --reason "Pipeline updated to version $CURRENT_VERSION; execution $NEW_EXECUTION_ID runs it." || { STATUS="$(aws codepipeline get-pipeline-execution ${execution} --query pipelineExecution.status --output text)" && echo "Execution ${id} is $STATUS." && [ "$STATUS" != InProgress ]; }`,
        ],
      },
    },
  };
}
