/**
 * Action lists granted by the Pipeline component, each on exact resources. Every action was
 * checked against AWS's service authorization reference (test/harness/iam-check.ts).
 *
 * - S3: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
 * - CodeCommit: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscodecommit.html
 * - CodeBuild: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscodebuild.html
 * - CodePipeline: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscodepipeline.html
 * - SNS: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsns.html
 * - STS: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html
 * - CodeConnections: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscodeconnections.html
 * - CodeStar Connections: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscodestarconnections.html
 * - CloudWatch: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatch.html
 * - Lambda: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awslambda.html
 */

/**
 * Pipeline role on artifact objects: read inputs, write outputs (S3). The same on the store of each
 * region where actions run: CodePipeline copies artifacts between the stores with this role.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/security-iam.html#how-to-custom-role
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-create-cross-region.html
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/permissions-reference.html
 */
export const PIPELINE_ARTIFACT_OBJECT_ACTIONS = ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"] as const;
/**
 * Pipeline role on the artifact bucket: CodePipeline checks its region and versioning (S3), on the
 * store of each region where actions run too.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/security-iam.html#how-to-custom-role
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-create-cross-region.html
 */
export const PIPELINE_ARTIFACT_BUCKET_ACTIONS = ["s3:GetBucketLocation", "s3:GetBucketVersioning"] as const;

/**
 * Pipeline role on a CodeCommit source repository: read the branch and commit, upload an archive (CodeCommit).
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodeCommit.html
 */
export const CODECOMMIT_SOURCE_ACTIONS = [
  "codecommit:CancelUploadArchive",
  "codecommit:GetBranch",
  "codecommit:GetCommit",
  "codecommit:GetUploadArchiveStatus",
  "codecommit:UploadArchive",
] as const;
/**
 * Pipeline role, full-clone output only: read the repository's clone URL for the Git reference (CodeCommit).
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodeCommit.html
 */
export const CODECOMMIT_FULL_CLONE_PIPELINE_ACTIONS = ["codecommit:GetRepository"] as const;
/**
 * CodeBuild role consuming a full-clone artifact: clone the repository itself (CodeCommit).
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodeCommit.html
 */
export const CODECOMMIT_FULL_CLONE_BUILD_ACTIONS = ["codecommit:GitPull"] as const;

/**
 * Pipeline role on an S3 source object: read it and its versions (S3).
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-S3.html
 */
export const S3_SOURCE_OBJECT_ACTIONS = ["s3:GetObject", "s3:GetObjectVersion"] as const;
/**
 * Pipeline role on an S3 source bucket: CodePipeline requires a versioned bucket in its region (S3).
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-S3.html
 */
export const S3_SOURCE_BUCKET_ACTIONS = ["s3:GetBucketLocation", "s3:GetBucketVersioning"] as const;

/**
 * Pipeline role on a CodeBuild project: start a build and follow it (CodeBuild).
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodeBuild.html
 */
export const CODEBUILD_BUILD_ACTIONS = ["codebuild:BatchGetBuilds", "codebuild:StartBuild"] as const;
/**
 * Pipeline role on a CodeBuild project run as a batch build (CodeBuild).
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodeBuild.html
 */
export const CODEBUILD_BATCH_ACTIONS = ["codebuild:BatchGetBuildBatches", "codebuild:StartBuildBatch"] as const;
/**
 * CodeBuild role on artifact objects it reads (S3).
 * @see https://docs.aws.amazon.com/codebuild/latest/userguide/setting-up-service-role.html
 */
export const CODEBUILD_ARTIFACT_READ_ACTIONS = ["s3:GetObject", "s3:GetObjectVersion"] as const;
/**
 * CodeBuild role on artifact objects it writes (S3).
 * @see https://docs.aws.amazon.com/codebuild/latest/userguide/setting-up-service-role.html
 */
export const CODEBUILD_ARTIFACT_WRITE_ACTIONS = ["s3:PutObject"] as const;
/**
 * CodeBuild role on the artifact bucket: CodeBuild checks its owner and region before using it (S3).
 * @see https://docs.aws.amazon.com/codebuild/latest/userguide/setting-up-service-role.html
 */
export const CODEBUILD_ARTIFACT_BUCKET_ACTIONS = ["s3:GetBucketAcl", "s3:GetBucketLocation"] as const;

/**
 * Pipeline role on the topic of a manual approval (SNS).
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/approvals.html
 */
export const APPROVAL_NOTIFY_ACTIONS = ["sns:Publish"] as const;
/**
 * Approvers on one approval action (CodePipeline).
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/approvals-iam-permissions.html
 * @managedPolicy AWSCodePipelineApproverAccess
 */
export const APPROVAL_RESULT_ACTIONS = ["codepipeline:PutApprovalResult"] as const;
/**
 * Approvers on the pipeline: read the state that carries the approval token (CodePipeline).
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/approvals-iam-permissions.html
 * @managedPolicy AWSCodePipelineApproverAccess
 */
export const APPROVAL_STATE_ACTIONS = ["codepipeline:GetPipelineState"] as const;

/**
 * EventBridge target role on the pipeline (CodePipeline).
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-trigger-source-repo-changes-cfn.html
 */
export const START_PIPELINE_ACTIONS = ["codepipeline:StartPipelineExecution"] as const;

/**
 * Pipeline role on an action's own role, e.g. in another account (STS).
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-create-cross-account.html
 */
export const ASSUME_ACTION_ROLE_ACTIONS = ["sts:AssumeRole"] as const;

/**
 * Pipeline role on the artifact objects a connection source uploads: the upload sets an object
 * ACL (`bucket-owner-full-control`), which ACLs-disabled buckets still accept.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodestarConnectionSource.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html
 */
export const CONNECTION_SOURCE_OBJECT_ACL_ACTIONS = ["s3:PutObjectAcl"] as const;
/**
 * Pipeline role on the artifact bucket for a connection source: read the bucket's ACL before uploading.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodestarConnectionSource.html
 */
export const CONNECTION_SOURCE_BUCKET_ACL_ACTIONS = ["s3:GetBucketAcl"] as const;

/**
 * Pipeline role (and a CodeBuild role cloning a full-clone source) on a connection with a `codeconnections` ARN (CodeConnections).
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodestarConnectionSource.html
 */
export const CODECONNECTIONS_USE_ACTIONS = ["codeconnections:UseConnection"] as const;
/**
 * The same on a connection with an older `codestar-connections` ARN: IAM matches the action's prefix to the ARN's (CodeStar Connections).
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodestarConnectionSource.html
 */
export const CODESTAR_CONNECTIONS_USE_ACTIONS = ["codestar-connections:UseConnection"] as const;

/**
 * Pipeline role on the alarms of `CloudWatchAlarm` stage-condition rules: read each alarm's state
 * (CloudWatch). The rule reference names no permission; `DescribeAlarms` is the CloudWatch call
 * that returns an alarm's state, and it takes the alarm's ARN as its resource, so the statement
 * names exactly the alarms of the rules (no `"*"`). `VariableCheck` and `DeploymentWindow` rules
 * need nothing: they read the pipeline's variables and the clock.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/rule-reference-CloudWatchAlarm.html
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarms.html
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatch.html
 */
export const STAGE_ALARM_RULE_ACTIONS = ["cloudwatch:DescribeAlarms"] as const;

/**
 * Pipeline role on the functions of `LambdaInvoke` stage-condition rules: CodePipeline invokes the
 * function with the pipeline's role (Lambda). The rule reference names no permission;
 * `InvokeFunction` is the call that runs a function, and it takes the function's ARN, so the
 * statement names exactly the functions of the rules.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/rule-reference-LambdaInvoke.html
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_awslambda.html
 */
export const STAGE_LAMBDA_RULE_ACTIONS = ["lambda:InvokeFunction"] as const;

/**
 * The build role of a `PulumiSelfUpdate` on exactly its own pipeline: the version its execution
 * runs (`GetPipelineExecution`) and the current one (`GetPipeline`), then, when they differ, a new
 * execution with the new definition (`StartPipelineExecution`) and the end of the old one
 * (`StopPipelineExecution`). Each acts on the `pipeline` resource type.
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscodepipeline.html
 */
export const PIPELINE_SELF_UPDATE_ACTIONS = [
  "codepipeline:GetPipeline",
  "codepipeline:GetPipelineExecution",
  "codepipeline:StartPipelineExecution",
  "codepipeline:StopPipelineExecution",
] as const;
