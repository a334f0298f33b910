import { resourceRule } from "../rule";

/** The AWS managed policy BeanstalkTarget attaches with `permissions: "aws-managed"`. */
export const BEANSTALK_ADMIN_POLICY = "AdministratorAccess-AWSElasticBeanstalk";

const ATTACHES = new RegExp(`^arn:aws[a-z-]*:iam::aws:policy/${BEANSTALK_ADMIN_POLICY}$`);

/**
 * Reports roles given AdministratorAccess-AWSElasticBeanstalk: aws-cicd offers it only as an explicit
 * escape hatch (`permissions: "aws-managed"`), and it is far wider than what a deployment needs.
 * https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess-AWSElasticBeanstalk.html
 */
export const iamBeanstalkAdminPolicy = resourceRule(
  {
    id: "aws-cicd-iam-beanstalk-admin-policy",
    service: "iam",
    description: `Roles do not attach the AWS managed policy ${BEANSTALK_ADMIN_POLICY} (BeanstalkTarget's \`permissions: "aws-managed"\` escape hatch). Advisory in both tiers.`,
    severity: "medium",
    remediation:
      'Remove `permissions: "aws-managed"` (BeanstalkTarget then writes exact actions on the environment\'s own resources), or keep it for a documented reason.',
    tier: "review",
    references: {},
    preview:
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
  },
  ["aws:iam/rolePolicyAttachment:RolePolicyAttachment", "aws:iam/policyAttachment:PolicyAttachment", "aws:iam/role:Role"],
  (props, report) => {
    const arns: unknown[] =
      props.policyArn !== undefined ? [props.policyArn] : Array.isArray(props.managedPolicyArns) ? props.managedPolicyArns : [];
    if (!arns.some((a) => typeof a === "string" && ATTACHES.test(a))) return;
    report(
      `Attaches the AWS managed policy "${BEANSTALK_ADMIN_POLICY}": it allows every action of Elastic Beanstalk and of the services it drives (EC2, Auto Scaling, Elastic Load Balancing, CloudFormation, S3, CloudWatch, SNS, SQS, RDS and more) on all resources, and iam:PassRole, far beyond deploying one environment.`,
    );
  },
);
