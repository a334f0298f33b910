import { EcsServiceTarget } from "../../packages/aws-cicd/src/ecs";
import { ACCOUNT, settle, unwrap } from "../harness";

export const R = `us-east-1:${ACCOUNT}`;
export const ECS = `arn:aws:ecs:${R}`;
export const CD = `arn:aws:codedeploy:${R}`;
export const ELB = `arn:aws:elasticloadbalancing:${R}`;
export const GROUP = "aws-cicd-test-test-api";
export const TASK_ROLE = `arn:aws:iam::${ACCOUNT}:role/api-task`;
export const EXECUTION_ROLE = `arn:aws:iam::${ACCOUNT}:role/api-execution`;
export const BLUE_TG = `${ELB}:targetgroup/api-blue/0123456789abcdef`;
export const GREEN_TG = `${ELB}:targetgroup/api-green/fedcba9876543210`;
export const PROD_LISTENER = `${ELB}:listener/app/shop/50dc6c495c0c9188/f2f7dc8efc522ab2`;
export const TEST_LISTENER = `${ELB}:listener/app/shop/50dc6c495c0c9188/0467ef3c8400ae65`;

/** An existing service with both roles. */
export const EXISTING = {
  clusterName: "shop",
  serviceName: "api",
  taskDefinitionFamily: "api",
  taskRoleArn: TASK_ROLE,
  executionRoleArn: EXECUTION_ROLE,
};

/** Blue/green over the two target groups and listeners above. */
export const BLUE_GREEN = { targetGroupArns: [BLUE_TG, GREEN_TG], productionListenerArn: PROD_LISTENER, testListenerArn: TEST_LISTENER };

/** Waits until the target and every child are recorded. */
export async function deployed(t: EcsServiceTarget): Promise<EcsServiceTarget> {
  await unwrap(t.serviceArn);
  if (t.deploymentGroupArn !== undefined) await unwrap(t.deploymentGroupArn);
  await settle();
  return t;
}
