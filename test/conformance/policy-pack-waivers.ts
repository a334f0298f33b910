// Policy-pack findings on the example stacks and component defaults that are waived, each with its reason.
/** One waived finding: rule, resource name, and why the default cannot meet it. */
export interface Waiver {
  rule: string;
  resource: RegExp;
  reason: string;
}

export const POLICY_PACK_WAIVERS: Waiver[] = [
  {
    rule: "aws-cicd-s3-access-logging",
    resource: /-bucket$/,
    reason:
      "Artifact buckets hold short-lived objects written and read by the account's own service roles; API activity is in CloudTrail, and a log bucket would need the same waiver (security README, S1/S3.9).",
  },
  {
    rule: "aws-cicd-eb-vpc",
    resource: /-environment$/,
    reason: "BeanstalkTarget without `vpc` uses the region's default VPC so that it works with no network set-up (beanstalk README, EB1).",
  },
  {
    rule: "aws-cicd-eb-load-balancer-access-logs",
    resource: /-environment$/,
    reason:
      "BeanstalkTarget offers no load balancer access-log setting yet (ELB.5); the LoadBalanced examples take the `extraSettings` escape hatch for it in real use. Library gap found by the pack (issue 11).",
  },
  {
    rule: "aws-cicd-eb-load-balancer-https",
    resource: /-environment$/,
    reason:
      "An HTTPS listener needs an ACM certificate for the user's domain, which the examples do not have; BeanstalkTarget offers no listener setting yet (ELB.1). Library gap found by the pack (issue 11).",
  },
];
