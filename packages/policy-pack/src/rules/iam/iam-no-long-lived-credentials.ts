import { resourceRule } from "../rule";

/**
 * IAM users and their access keys are long-lived credentials; CI/CD services assume roles instead.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles
 */
export const iamNoLongLivedCredentials = resourceRule(
  {
    id: "aws-cicd-iam-no-long-lived-credentials",
    service: "iam",
    description: "CI/CD stacks create no IAM users and no IAM access keys (long-lived credentials); builds and deployments assume roles.",
    severity: "high",
    remediation:
      "Give the build or deployment a role (CodeBuild and CodePipeline service roles, an OIDC role for external CI) instead of a user with access keys.",
    tier: "strict",
    references: { checkov: ["CKV_AWS_273"] },
    preview:
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
  },
  ["aws:iam/user:User", "aws:iam/accessKey:AccessKey"],
  (_props, report, _c, args) => {
    if (args.type === "aws:iam/accessKey:AccessKey") report("IAM access key: a long-lived credential; use a role.");
    else report("IAM user: CI/CD needs roles, not users with long-lived credentials.");
  },
);
