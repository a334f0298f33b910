import * as pulumi from "@pulumi/pulumi";
import { AwsContext, fromContext } from "../internal/aws-context";

/**
 * The choice between our scoped Elastic Beanstalk deploy statements and AWS's managed policy, for
 * the role that runs a deploy action (`BeanstalkTarget.deployAction({ permissions })`, and
 * `CrossAccountDeployRole`'s `permissions`).
 */

/** Our statements, scoped to the target's application, environments, stacks, groups and tags. */
export const DEPLOY_PERMISSIONS_SCOPED = "scoped";
/**
 * AWS's `AdministratorAccess-AWSElasticBeanstalk`, attached to the role instead of our statements:
 * an escape hatch for environments where AWS calls something our scoped set does not allow.
 */
export const DEPLOY_PERMISSIONS_AWS_MANAGED = "aws-managed";
/** The values `permissions` takes. */
export const DEPLOY_PERMISSION_MODES = [DEPLOY_PERMISSIONS_SCOPED, DEPLOY_PERMISSIONS_AWS_MANAGED] as const;
/** `permissions` when none is given. */
export const DEFAULT_DEPLOY_PERMISSIONS = DEPLOY_PERMISSIONS_SCOPED;

/**
 * The AWS managed policy of `permissions: "aws-managed"`, and what it costs. It is the policy AWS
 * CDK's Elastic Beanstalk deploy action attaches. It allows `elasticbeanstalk:*` and every
 * environment's stacks, groups, load balancers, instances and the `elasticbeanstalk-*` buckets of
 * every region, `iam:PassRole` of any role to EC2, Auto Scaling, CloudFormation and others, and
 * creating roles named `aws-elasticbeanstalk*`: a role holding it can act on every Beanstalk
 * environment of the account, not only the target.
 * @see https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess-AWSElasticBeanstalk.html
 */
export const BEANSTALK_AWS_MANAGED_DEPLOY_POLICY = {
  /** Managed policy name. */
  name: "AdministratorAccess-AWSElasticBeanstalk",
  /** Managed policy path. */
  path: "",
  /** Why the managed policy is attached. */
  reason:
    'Chosen by the user (`permissions: "aws-managed"`): AWS maintains it as the service changes; it reaches every Elastic Beanstalk environment of the account.',
} as const;

/** Throws unless `value` is one of {@link DEPLOY_PERMISSION_MODES}. */
export function checkDeployPermissions(arg: string, value: unknown): void {
  if (value === undefined) return;
  if (!(DEPLOY_PERMISSION_MODES as readonly unknown[]).includes(value)) {
    throw new Error(
      `\`${arg}\` must be ${DEPLOY_PERMISSION_MODES.map((m) => `"${m}"`).join(" or ")}, got ${JSON.stringify(value)}. "aws-managed" attaches AWS's ${BEANSTALK_AWS_MANAGED_DEPLOY_POLICY.name} instead of the scoped statements.`,
    );
  }
}

/** `arn:<partition>:iam::aws:policy/<path><name>` of an AWS managed policy, one Output per context and policy ({@link fromContext}). */
export function awsManagedPolicyArn(ctx: AwsContext, policy: { name: string; path: string }): pulumi.Output<string> {
  const name = `${policy.path}${policy.name}`;
  return fromContext(ctx, `arn:<partition>:iam::aws:policy/${name}`, (c) => `arn:${c.partition}:iam::aws:policy/${name}`);
}
