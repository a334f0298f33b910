/**
 * IAM action lists of {@link LambdaTarget}: its CodeDeploy service role, and what its hook
 * functions need. Compared with the AWS managed policies `AWSCodeDeployRoleForLambda` and
 * `AWSCodeDeployRoleForLambdaLimited`, which grant the same Lambda and CloudWatch actions on
 * `"*"`, S3 reads of any `*\/CodeDeploy/*` object, and invocation of every `CodeDeployHook_*`
 * function, these statements name the exact alias, alarms and hook functions.
 *
 * https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSCodeDeployRoleForLambdaLimited.html
 * Lambda: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awslambda.html
 * CodeDeploy: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscodedeploy.html
 * CloudWatch: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatch.html
 */
import * as pulumi from "@pulumi/pulumi";
import { PolicyStatement } from "../security/iam";
import { CodeDeployArnContext } from "../codedeploy/policies";
import { interpolate } from "../internal/interpolate";

/**
 * Service role: read the alias and move it between versions (the traffic shift and the rollback).
 * Lambda authorizes alias calls on the function (resource type `function`).
 * @see https://docs.aws.amazon.com/lambda/latest/dg/lambda-api-permissions-ref.html
 * @managedPolicy AWSCodeDeployRoleForLambdaLimited
 */
export const LAMBDA_ALIAS_SHIFT_ACTIONS = ["lambda:GetAlias", "lambda:UpdateAlias"] as const;
/**
 * Service role: read the alias's provisioned concurrency (CodeDeploy waits for it on the new version).
 * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/getting-started-create-service-role.html
 * @managedPolicy AWSCodeDeployRoleForLambdaLimited
 */
export const LAMBDA_PROVISIONED_CONCURRENCY_ACTIONS = ["lambda:GetProvisionedConcurrencyConfig"] as const;
/**
 * Service role: read the rollback alarms' states during the deployment.
 * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/monitoring-create-alarms.html
 * @managedPolicy AWSCodeDeployRoleForLambdaLimited
 */
export const LAMBDA_DEPLOY_ALARM_ACTIONS = ["cloudwatch:DescribeAlarms"] as const;
/**
 * Service role: invoke the pre- and post-traffic hook functions.
 * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html#appspec-hooks-lambda
 * @managedPolicy AWSCodeDeployRoleForLambdaLimited
 */
export const LAMBDA_HOOK_INVOKE_ACTIONS = ["lambda:InvokeFunction"] as const;
/**
 * Hook function's role: report the hook's result to CodeDeploy. The service authorization
 * reference lists no resource type for this action, so its statement names `"*"` (a statement
 * naming the deployment group would never match the request).
 * @see https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_PutLifecycleEventHookExecutionStatus.html
 */
export const LAMBDA_HOOK_STATUS_ACTIONS = ["codedeploy:PutLifecycleEventHookExecutionStatus"] as const;

/** `arn:<p>:lambda:<r>:<a>:function:<name>`. */
export function lambdaFunctionArn(ctx: CodeDeployArnContext, functionName: pulumi.Input<string>): pulumi.Output<string> {
  return interpolate`arn:${ctx.partition}:lambda:${ctx.region}:${ctx.accountId}:function:${functionName}`;
}

/** What {@link lambdaServiceRoleStatements} scopes to. */
export interface LambdaServiceRoleScope {
  /** Account, partition and region of the function. */
  ctx: CodeDeployArnContext;
  /** Name of the function. */
  functionName: pulumi.Input<string>;
  /** Name of the alias. */
  aliasName: pulumi.Input<string>;
  /**
   * Rollback alarm names.
   * @default - no alarm statement.
   */
  alarmNames?: pulumi.Input<string>[];
  /**
   * Unqualified ARNs of the hook functions.
   * @default - no invoke statement.
   */
  hookFunctionArns?: pulumi.Input<string>[];
}

/**
 * Inline statements of the CodeDeploy service role: shift exactly the alias, read its provisioned
 * concurrency, describe exactly the rollback alarms, invoke exactly the hook functions. No S3 read
 * (revisions are given as AppSpec content) and no `sns:Publish` (the group has no triggers).
 */
export function lambdaServiceRoleStatements(a: LambdaServiceRoleScope): PolicyStatement[] {
  const fn = lambdaFunctionArn(a.ctx, a.functionName);
  const out: PolicyStatement[] = [
    { sid: "ShiftAliasTraffic", actions: [...LAMBDA_ALIAS_SHIFT_ACTIONS], resources: [fn] },
    { sid: "ReadAliasConcurrency", actions: [...LAMBDA_PROVISIONED_CONCURRENCY_ACTIONS], resources: [interpolate`${fn}:${a.aliasName}`] },
  ];
  if (a.alarmNames !== undefined && a.alarmNames.length > 0) {
    const alarm = (n: pulumi.Input<string>) => interpolate`arn:${a.ctx.partition}:cloudwatch:${a.ctx.region}:${a.ctx.accountId}:alarm:${n}`;
    out.push({ sid: "ReadRollbackAlarms", actions: [...LAMBDA_DEPLOY_ALARM_ACTIONS], resources: a.alarmNames.map(alarm) });
  }
  if (a.hookFunctionArns !== undefined && a.hookFunctionArns.length > 0) {
    out.push({ sid: "InvokeDeploymentHooks", actions: [...LAMBDA_HOOK_INVOKE_ACTIONS], resources: a.hookFunctionArns });
  }
  return out;
}

/**
 * The statement a hook function's role needs to report its result
 * (`codedeploy:PutLifecycleEventHookExecutionStatus`, on `"*"`: see {@link LAMBDA_HOOK_STATUS_ACTIONS}).
 */
export function hookStatusStatements(): PolicyStatement[] {
  return [{ sid: "ReportHookStatus", actions: [...LAMBDA_HOOK_STATUS_ACTIONS], resources: ["*"] }];
}
