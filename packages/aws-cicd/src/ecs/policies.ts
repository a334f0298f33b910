/**
 * IAM action lists of {@link EcsServiceTarget} and the statements a pipeline role needs to deploy
 * to it, rolling (CodePipeline's `ECS` action) or blue/green (`CodeDeployToECS`).
 *
 * ECS: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html
 * IAM: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html
 * Elastic Load Balancing: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticloadbalancingv2.html
 * CloudWatch: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatch.html
 */
import * as pulumi from "@pulumi/pulumi";
import { codeDeployDeployStatements, CodeDeployTargetInfo } from "../codedeploy/policies";
import { PolicyStatement } from "../security/iam";
import { interpolate } from "../internal/interpolate";

/**
 * Pipeline role, `ECS` action: read the service (its current task definition) and update it to
 * the new revision. Scoped to the exact service.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/security-iam.html#how-to-custom-role
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ECS.html
 */
export const ECS_SERVICE_DEPLOY_ACTIONS = ["ecs:DescribeServices", "ecs:UpdateService"] as const;
/**
 * Pipeline role, `ECS` and `CodeDeployToECS` actions: register the new revision of the service's
 * task definition family (and tag it, when the family carries tags). Scoped to the family's
 * revisions (`task-definition/<family>:*`).
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/security-iam.html#how-to-custom-role
 */
export const ECS_REGISTER_TASK_DEFINITION_ACTIONS = ["ecs:RegisterTaskDefinition", "ecs:TagResource"] as const;
/**
 * Pipeline role, `ECS` action: read the current task definition to copy it with the new image.
 * `"*"` only: AWS's service authorization reference lists no resource type for
 * `ecs:DescribeTaskDefinition`, so no narrower resource is accepted (the action reads, it changes nothing).
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html
 */
export const ECS_DESCRIBE_TASK_DEFINITION_ACTIONS = ["ecs:DescribeTaskDefinition"] as const;
/**
 * Pipeline role, `ECS` action: follow the deployment's tasks, in the service's cluster only
 * (`task/<cluster>/*`).
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/security-iam.html#how-to-custom-role
 */
export const ECS_DESCRIBE_TASKS_ACTIONS = ["ecs:DescribeTasks"] as const;
/**
 * Pipeline role, `ECS` action: list the deployment's tasks. AWS authorizes `ecs:ListTasks` on
 * container instances (`container-instance/<cluster>/*`), the service's cluster only.
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html
 */
export const ECS_LIST_TASKS_ACTIONS = ["ecs:ListTasks"] as const;
/**
 * Pipeline role (the new revision names the roles) and CodeDeploy service role (its task sets
 * run them): hand exactly the task role and the execution role to ECS tasks
 * (`iam:PassedToService` = `ecs-tasks.amazonaws.com`).
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/security-iam.html#how-to-custom-role
 */
export const ECS_PASS_TASK_ROLE_ACTIONS = ["iam:PassRole"] as const;
/** The service principal the task and execution roles are passed to. */
export const ECS_TASKS_SERVICE = "ecs-tasks.amazonaws.com";

/** The task definition family a deploy registers revisions in, and the roles its tasks run with. */
export interface EcsTaskDefinitionTargetInfo {
  /** `arn:<p>:ecs:<r>:<a>:task-definition/<family>`: the family new revisions are registered in. */
  taskDefinitionFamilyArn: pulumi.Input<string>;
  /**
   * ARN of the task role the service's task definition names.
   * @default - the task definition names no task role.
   */
  taskRoleArn?: pulumi.Input<string>;
  /**
   * ARN of the execution role the service's task definition names.
   * @default - the task definition names no execution role.
   */
  executionRoleArn?: pulumi.Input<string>;
}

/** What a pipeline's ECS deploy action needs to know of its service (`EcsServiceTarget.ecsDeployTarget()`). */
export interface EcsServiceDeployTargetInfo extends EcsTaskDefinitionTargetInfo {
  /** Name of the ECS cluster. */
  clusterName: pulumi.Input<string>;
  /** Name of the ECS service. */
  serviceName: pulumi.Input<string>;
  /** `arn:<p>:ecs:<r>:<a>:cluster/<cluster>`. */
  clusterArn: pulumi.Input<string>;
  /** `arn:<p>:ecs:<r>:<a>:service/<cluster>/<service>`. */
  serviceArn: pulumi.Input<string>;
}

/** What a pipeline's `CodeDeployToECS` action needs: the deployment group, and the family and roles of the task definition it registers. */
export interface EcsBlueGreenDeployTargetInfo extends CodeDeployTargetInfo, EcsTaskDefinitionTargetInfo {}

/** The inputs without repeats (equal strings, or the very same Output). */
function distinct<T>(values: T[]): T[] {
  return values.filter((v, i) => values.indexOf(v) === i);
}

/** `arn:...:cluster/<c>` → `arn:...:<type>/<c>/*`. */
export function inCluster(clusterArn: pulumi.Input<string>, type: string): pulumi.Output<string> {
  return pulumi.output(clusterArn).apply((arn) => `${arn.replace(/:cluster\//, `:${type}/`)}/*`);
}

/** Register revisions of the families, and pass exactly the tasks' roles to ECS tasks (Sids start with `sidPrefix`). */
function taskDefinitionStatements(targets: EcsTaskDefinitionTargetInfo[], sidPrefix: string): PolicyStatement[] {
  const out: PolicyStatement[] = [
    {
      sid: `${sidPrefix}RegisterEcsTaskDefinitions`,
      actions: [...ECS_REGISTER_TASK_DEFINITION_ACTIONS],
      resources: distinct(targets.map((t) => t.taskDefinitionFamilyArn)).map((f) => interpolate`${f}:*`),
    },
  ];
  const roles = distinct(targets.flatMap((t) => [t.taskRoleArn, t.executionRoleArn]).filter((r) => r !== undefined));
  if (roles.length > 0) {
    out.push({
      sid: `${sidPrefix}PassEcsTaskRoles`,
      actions: [...ECS_PASS_TASK_ROLE_ACTIONS],
      resources: roles,
      conditions: { StringEquals: { "iam:PassedToService": ECS_TASKS_SERVICE } },
    });
  }
  return out;
}

/**
 * Statements a pipeline role needs for CodePipeline's `ECS` action on `targets`: update exactly
 * these services, register revisions of exactly their families, follow their clusters' tasks,
 * pass exactly their tasks' roles; `ecs:DescribeTaskDefinition` on `"*"` (no resource type exists).
 */
export function ecsDeployStatements(targets: EcsServiceDeployTargetInfo[]): PolicyStatement[] {
  if (targets.length === 0) throw new Error("`targets` must hold at least one ECS service.");
  const clusters = distinct(targets.map((t) => t.clusterArn));
  return [
    { sid: "UpdateEcsServices", actions: [...ECS_SERVICE_DEPLOY_ACTIONS], resources: distinct(targets.map((t) => t.serviceArn)) },
    { sid: "ReadEcsTaskDefinitions", actions: [...ECS_DESCRIBE_TASK_DEFINITION_ACTIONS], resources: ["*"] },
    { sid: "DescribeEcsServiceTasks", actions: [...ECS_DESCRIBE_TASKS_ACTIONS], resources: clusters.map((c) => inCluster(c, "task")) },
    {
      sid: "ListEcsServiceTasks",
      actions: [...ECS_LIST_TASKS_ACTIONS],
      resources: clusters.map((c) => inCluster(c, "container-instance")),
    },
    ...taskDefinitionStatements(targets, ""),
  ];
}

/**
 * Statements a pipeline role needs for CodePipeline's `CodeDeployToECS` action on `targets`: the
 * CodeDeploy statements of {@link codeDeployDeployStatements} (register the revision, create and
 * follow the deployment, read the configuration), register the task definition template as a
 * revision of exactly the service's family, pass exactly its roles.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ECSbluegreen.html
 */
export function ecsBlueGreenDeployStatements(targets: EcsBlueGreenDeployTargetInfo[]): PolicyStatement[] {
  if (targets.length === 0) throw new Error("`targets` must hold at least one ECS blue/green deployment group.");
  // Sids prefixed "BlueGreen", so that in a pipeline with an EC2 CodeDeploy or a rolling ECS
  // deploy too, the ledger and reviewers tell the lists apart.
  const codeDeploy = codeDeployDeployStatements(targets).map((s) => ({ ...s, sid: `BlueGreen${s.sid}` }));
  return [...codeDeploy, ...taskDefinitionStatements(targets, "BlueGreen")];
}

/**
 * CodeDeploy service role, ECS blue/green: read the service and make the green task set primary.
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/codedeploy_IAM_role.html
 * @managedPolicy AWSCodeDeployRoleForECSLimited
 */
export const CODEDEPLOY_ECS_SERVICE_ACTIONS = ["ecs:DescribeServices", "ecs:UpdateServicePrimaryTaskSet"] as const;
/**
 * CodeDeploy service role: create the green task set and delete the old one, in the service only
 * (`task-set/<cluster>/<service>/*`).
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/codedeploy_IAM_role.html
 * @managedPolicy AWSCodeDeployRoleForECSLimited
 */
export const CODEDEPLOY_ECS_TASK_SET_ACTIONS = ["ecs:CreateTaskSet", "ecs:DeleteTaskSet"] as const;
/**
 * CodeDeploy service role: read target groups, listeners and rules. `"*"` only: AWS's service
 * authorization reference lists no resource type for these Describe calls.
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticloadbalancingv2.html
 * @managedPolicy AWSCodeDeployRoleForECSLimited
 */
export const CODEDEPLOY_ELB_DESCRIBE_ACTIONS = [
  "elasticloadbalancing:DescribeListeners",
  "elasticloadbalancing:DescribeRules",
  "elasticloadbalancing:DescribeTargetGroups",
] as const;
/**
 * CodeDeploy service role: move the production and test listeners to the other target group.
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/codedeploy_IAM_role.html
 * @managedPolicy AWSCodeDeployRoleForECSLimited
 */
export const CODEDEPLOY_ELB_LISTENER_ACTIONS = ["elasticloadbalancing:ModifyListener"] as const;
/**
 * CodeDeploy service role: move the rules of those listeners (`listener-rule/app/<lb>/<id>/<listener>/*`).
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/codedeploy_IAM_role.html
 * @managedPolicy AWSCodeDeployRoleForECSLimited
 */
export const CODEDEPLOY_ELB_RULE_ACTIONS = ["elasticloadbalancing:ModifyRule"] as const;
/**
 * CodeDeploy service role: read the rollback alarms, exactly those.
 * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/monitoring-create-alarms.html
 * @managedPolicy AWSCodeDeployRoleForECSLimited
 */
export const CODEDEPLOY_ALARM_ACTIONS = ["cloudwatch:DescribeAlarms"] as const;

/**
 * CodeDeploy service role: invoke the AppSpec's lifecycle hook functions, exactly those.
 * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html#appspec-hooks-ecs
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/codedeploy_IAM_role.html
 * @managedPolicy AWSCodeDeployRoleForECSLimited
 */
export const CODEDEPLOY_ECS_HOOK_INVOKE_ACTIONS = ["lambda:InvokeFunction"] as const;

/** What {@link codeDeployEcsServiceRoleStatements} scopes to. */
export interface CodeDeployEcsScope {
  /** Partition, region and account of the alarms. */
  ctx: { partition: pulumi.Input<string>; region: pulumi.Input<string>; accountId: pulumi.Input<string> };
  /** `arn:<p>:ecs:<r>:<a>:service/<cluster>/<service>`. */
  serviceArn: pulumi.Input<string>;
  /** The production and test listener ARNs. */
  listenerArns: pulumi.Input<string>[];
  /**
   * Names of the rollback alarms.
   * @default - no alarm statement.
   */
  alarmNames?: pulumi.Input<string>[];
  /** Task and execution roles of the service's task definition (absent ones left out). */
  taskRoleArns: pulumi.Input<string>[];
  /**
   * Unqualified ARNs of the lifecycle hook functions.
   * @default - no hook: no invoke statement.
   */
  hookFunctionArns?: pulumi.Input<string>[];
}

/**
 * The CodeDeploy service role of an ECS blue/green deployment group, in place of AWS's
 * `AWSCodeDeployRoleForECS` (every ECS service, every listener, any Lambda function and S3 object)
 * and `AWSCodeDeployRoleForECSLimited` (every service and listener, `ecsTaskExecutionRole` of any
 * account): the same calls, on exactly this service, its task sets, these two listeners and their
 * rules, these alarms and these roles, and invoke exactly the lifecycle hook functions
 * ({@link CODEDEPLOY_ECS_HOOK_INVOKE_ACTIONS}; the managed policies allow every `CodeDeployHook_*`
 * function, or every function). No S3 AppSpec (the pipeline passes the AppSpec inline).
 * @see https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSCodeDeployRoleForECSLimited.html
 */
export function codeDeployEcsServiceRoleStatements(a: CodeDeployEcsScope): PolicyStatement[] {
  const taskSets = pulumi.output(a.serviceArn).apply((arn) => `${arn.replace(/:service\//, ":task-set/")}/*`);
  const rules = a.listenerArns.map((l) => pulumi.output(l).apply((arn) => `${arn.replace(/:listener\//, ":listener-rule/")}/*`));
  const out: PolicyStatement[] = [
    { sid: "ShiftEcsServiceTaskSets", actions: [...CODEDEPLOY_ECS_SERVICE_ACTIONS], resources: [a.serviceArn] },
    { sid: "ManageEcsTaskSets", actions: [...CODEDEPLOY_ECS_TASK_SET_ACTIONS], resources: [taskSets] },
    { sid: "ReadLoadBalancing", actions: [...CODEDEPLOY_ELB_DESCRIBE_ACTIONS], resources: ["*"] },
    { sid: "ShiftListeners", actions: [...CODEDEPLOY_ELB_LISTENER_ACTIONS], resources: a.listenerArns },
    { sid: "ShiftListenerRules", actions: [...CODEDEPLOY_ELB_RULE_ACTIONS], resources: rules },
  ];
  if (a.alarmNames !== undefined && a.alarmNames.length > 0) {
    const { partition, region, accountId } = a.ctx;
    out.push({
      sid: "ReadRollbackAlarms",
      actions: [...CODEDEPLOY_ALARM_ACTIONS],
      resources: a.alarmNames.map((n) => pulumi.interpolate`arn:${partition}:cloudwatch:${region}:${accountId}:alarm:${n}`),
    });
  }
  const hooks = distinct(a.hookFunctionArns ?? []);
  if (hooks.length > 0) out.push({ sid: "InvokeLifecycleHooks", actions: [...CODEDEPLOY_ECS_HOOK_INVOKE_ACTIONS], resources: hooks });
  if (a.taskRoleArns.length > 0) {
    out.push({
      sid: "PassEcsTaskRoles",
      actions: [...ECS_PASS_TASK_ROLE_ACTIONS],
      resources: a.taskRoleArns,
      conditions: { StringEquals: { "iam:PassedToService": ECS_TASKS_SERVICE } },
    });
  }
  return out;
}

/**
 * Execution role of a created Fargate service: get the token to pull from ECR. `"*"` only: AWS
 * lists no resource type for `ecr:GetAuthorizationToken`.
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html
 * @managedPolicy AmazonECSTaskExecutionRolePolicy
 */
export const ECS_EXECUTION_ECR_TOKEN_ACTIONS = ["ecr:GetAuthorizationToken"] as const;
/**
 * Execution role: pull the service's images, from its own repository only.
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html
 * @managedPolicy AmazonECSTaskExecutionRolePolicy
 */
export const ECS_EXECUTION_ECR_PULL_ACTIONS = [
  "ecr:BatchCheckLayerAvailability",
  "ecr:BatchGetImage",
  "ecr:GetDownloadUrlForLayer",
] as const;
/**
 * Execution role: the `awslogs` driver writes the container's output, to the service's log group only.
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html
 * @managedPolicy AmazonECSTaskExecutionRolePolicy
 */
export const ECS_EXECUTION_LOG_ACTIONS = ["logs:CreateLogStream", "logs:PutLogEvents"] as const;

/**
 * The execution role's statements, in place of `AmazonECSTaskExecutionRolePolicy` (every
 * repository and log group of the account): pull from exactly the service's repository, write to
 * exactly its log group. No KMS statement: the repository is encrypted under the customer key, but
 * ECR decrypts images with the grants it created on the key with the repository, not with the
 * caller's permissions (https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html).
 */
export function ecsExecutionRoleStatements(repositoryArn: pulumi.Input<string>, logGroupArn: pulumi.Input<string>): PolicyStatement[] {
  return [
    { sid: "GetEcrAuthorizationToken", actions: [...ECS_EXECUTION_ECR_TOKEN_ACTIONS], resources: ["*"] },
    { sid: "PullServiceImages", actions: [...ECS_EXECUTION_ECR_PULL_ACTIONS], resources: [repositoryArn] },
    { sid: "WriteServiceLogs", actions: [...ECS_EXECUTION_LOG_ACTIONS], resources: [interpolate`${logGroupArn}:log-stream:*`] },
  ];
}

/**
 * A build role given `grantImagePush`: push images to the service's repository only (and read
 * back the layers it checks).
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push-iam.html
 */
export const ECR_IMAGE_PUSH_ACTIONS = [
  "ecr:BatchCheckLayerAvailability",
  "ecr:CompleteLayerUpload",
  "ecr:InitiateLayerUpload",
  "ecr:PutImage",
  "ecr:UploadLayerPart",
] as const;

/**
 * `grantImagePush`: the ECR token (`"*"`: it has no resource type), then push to exactly the
 * repository. No KMS statement: ECR encrypts pushed layers with its own grants on the repository's
 * key (https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html).
 */
export function ecrImagePushStatements(repositoryArn: pulumi.Input<string>): PolicyStatement[] {
  return [
    { sid: "GetEcrAuthorizationToken", actions: [...ECS_EXECUTION_ECR_TOKEN_ACTIONS], resources: ["*"] },
    { sid: "PushServiceImages", actions: [...ECR_IMAGE_PUSH_ACTIONS], resources: [repositoryArn] },
  ];
}
