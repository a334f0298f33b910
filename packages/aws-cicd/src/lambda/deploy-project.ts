/**
 * How a pipeline starts a deployment of a {@link LambdaTarget}: a CodeBuild project that publishes
 * the package as a new version and asks CodeDeploy to shift the alias to it.
 *
 * Why not one of CodePipeline's own actions:
 * - The `CodeDeploy` action is documented for the EC2/On-premises platform and registers the input
 *   artifact as a ZIP revision, while a Lambda deployment takes its AppSpec as YAML or JSON content:
 *   https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodeDeploy.html,
 *   https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-steps-lambda.html
 *   (the error users meet: https://github.com/awslabs/aws-codedeploy-plugin/issues/89; CDK has no
 *   such action either: https://github.com/aws/aws-cdk/issues/20782).
 * - The `Lambda` deploy action (V2 pipelines) shifts the alias itself and does not use a CodeDeploy
 *   deployment group, so the group's configuration, alarms and hooks would not apply:
 *   https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-LambdaDeploy.html
 * - CloudFormation's `CodeDeployLambdaAliasUpdate` policy (what SAM uses) needs the alias in a
 *   CloudFormation stack, not in Pulumi.
 * The project calls `CreateDeployment` with the AppSpec as content, then follows the deployment
 * until it succeeds, fails or is rolled back, so that the pipeline action's result is the deployment's:
 * https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_CreateDeployment.html
 */
import * as pulumi from "@pulumi/pulumi";
import type { BuildSpec } from "../codebuild/buildspec-types";
import { codeDeployDeployStatements, CodeDeployTargetInfo } from "../codedeploy/policies";
import { PolicyStatement } from "../security/iam";
import { LambdaDeploymentConfig, LambdaTrafficShift } from "./lambda-target-args";

/** File of the function's deployment package in the action's input artifact when `packageFile` is not given. */
export const DEFAULT_LAMBDA_PACKAGE_FILE = "function.zip";
/** Seconds between two reads of the deployment's status. */
export const LAMBDA_DEPLOY_POLL_SECONDS = 15;

/**
 * Deploy project: read the alias's current version (the rollback target), upload the package and
 * publish it as a version in one call.
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionCode.html
 */
export const LAMBDA_PUBLISH_ACTIONS = ["lambda:GetAlias", "lambda:UpdateFunctionCode"] as const;

/** The shell commands of the deploy project; the values come from the project's environment variables. */
export const LAMBDA_DEPLOY_COMMANDS: readonly string[] = [
  'CURRENT=$(aws lambda get-alias --function-name "$FUNCTION_NAME" --name "$ALIAS_NAME" --query FunctionVersion --output text)',
  'TARGET=$(aws lambda update-function-code --function-name "$FUNCTION_NAME" --zip-file "fileb://$PACKAGE_FILE" --publish --query Version --output text)',
  'echo "Shifting $FUNCTION_NAME:$ALIAS_NAME from version $CURRENT to $TARGET"',
  `APPSPEC=$(jq -cn --arg f "$FUNCTION_NAME" --arg a "$ALIAS_NAME" --arg c "$CURRENT" --arg t "$TARGET" --argjson h "$HOOKS" '{version: 0.0, Resources: [{($f): {Type: "AWS::Lambda::Function", Properties: {Name: $f, Alias: $a, CurrentVersion: $c, TargetVersion: $t}}}], Hooks: $h}')`,
  'REVISION=$(jq -cn --arg s "$APPSPEC" \'{revisionType: "AppSpecContent", appSpecContent: {content: $s}}\')',
  'ID=$(aws deploy create-deployment --application-name "$APPLICATION_NAME" --deployment-group-name "$DEPLOYMENT_GROUP_NAME" --revision "$REVISION" --query deploymentId --output text)',
  'echo "Deployment $ID"',
  `while true; do S=$(aws deploy get-deployment --deployment-id "$ID" --query deploymentInfo.status --output text); echo "$S"; case "$S" in Succeeded) break;; Failed|Stopped) exit 1;; esac; sleep ${LAMBDA_DEPLOY_POLL_SECONDS}; done`,
];

/** The deploy project's buildspec (bash, so that `$(...)` and `case` work; fails on the first failing command). */
export function lambdaDeployBuildSpec(): BuildSpec {
  return {
    version: "0.2",
    env: { shell: "bash" },
    phases: { build: { commands: ["set -euo pipefail", ...LAMBDA_DEPLOY_COMMANDS] } },
  };
}

/** The AppSpec `Hooks` list of the hooks given (function names, as CodeDeploy takes them). */
export function appSpecHooks(pre: pulumi.Input<string> | undefined, post: pulumi.Input<string> | undefined): pulumi.Output<string> {
  const name = (arn: string) => arn.substring(arn.lastIndexOf(":") + 1);
  return pulumi
    .all([pre, post])
    .apply(([p, q]) => JSON.stringify([...(p ? [{ BeforeAllowTraffic: name(p) }] : []), ...(q ? [{ AfterAllowTraffic: name(q) }] : [])]));
}

/** Minutes the deploy project waits beyond the traffic shift itself (hooks, alarms' evaluation, API calls). */
export const LAMBDA_DEPLOY_MARGIN_MINUTES = 30;
/** CodeBuild's longest build timeout. */
export const CODEBUILD_MAX_TIMEOUT_MINUTES = 2160;

/**
 * The deploy project's build timeout: the longest the traffic shift takes (the canary's wait, or
 * every linear step), plus {@link LAMBDA_DEPLOY_MARGIN_MINUTES}, at most CodeBuild's 2,160.
 */
export function lambdaDeployTimeoutMinutes(config: LambdaDeploymentConfig, shift: LambdaTrafficShift | undefined): number {
  let minutes: number;
  if (shift?.canary !== undefined) minutes = shift.canary.intervalMinutes;
  else if (shift?.linear !== undefined) minutes = Math.ceil(100 / shift.linear.percentage) * shift.linear.intervalMinutes;
  else {
    const m = /^(Canary|Linear)10Percent(?:Every)?(\d+)Minutes?$/.exec(config);
    minutes = m === null ? 0 : m[1] === "Canary" ? Number(m[2]) : 10 * Number(m[2]);
  }
  return Math.min(CODEBUILD_MAX_TIMEOUT_MINUTES, minutes + LAMBDA_DEPLOY_MARGIN_MINUTES);
}

/** What {@link lambdaDeployProjectStatements} scopes to. */
export interface LambdaDeployScope {
  /** ARN of the function (unqualified). */
  functionArn: pulumi.Input<string>;
  /** The CodeDeploy application, group and configuration. */
  target: CodeDeployTargetInfo;
}

/**
 * Statements of the deploy project's role: publish exactly this function, then the pipeline
 * role's own CodeDeploy statements (`codeDeployDeployStatements`) on exactly this group.
 */
export function lambdaDeployProjectStatements(s: LambdaDeployScope): PolicyStatement[] {
  return [
    { sid: "PublishFunctionVersion", actions: [...LAMBDA_PUBLISH_ACTIONS], resources: [s.functionArn] },
    ...codeDeployDeployStatements([s.target]),
  ];
}
