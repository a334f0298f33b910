// Policy-pack findings on the component defaults that are waived, each with its reason. The
// examples get no waiver: they show the settings that meet every rule of the strict tier.
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
      "Artifact buckets hold short-lived objects written and read by the account's own service roles; API activity is in CloudTrail, and a log bucket would need the same waiver (security README, S1/S3.9); the examples pass a log bucket.",
  },
  {
    rule: "aws-cicd-eb-vpc",
    resource: /-environment$/,
    reason:
      "BeanstalkTarget without `vpc` uses the region's default VPC so that it works with no network set-up (beanstalk README, EB1); the examples pass `vpc`.",
  },
];
