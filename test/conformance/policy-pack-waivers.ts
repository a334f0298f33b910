// Policy-pack findings that are waived, each with its reason. A waiver without `stack` covers the
// component defaults only. The examples show the settings that meet every rule of the strict tier;
// an example gets a waiver only for a finding that an explicit opt-in arg of that example causes,
// which AWS documents as required for what the example does, and the waiver names the example.
/** One waived finding: rule, resource name, and why the default (or the example) cannot meet it. */
export interface Waiver {
  rule: string;
  resource: RegExp;
  /**
   * The example the waiver covers (`examples/<name>`), exactly.
   * @default - the component defaults only.
   */
  stack?: string;
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
  {
    rule: "aws-cicd-codebuild-privileged-mode",
    stack: "examples/ecs-bluegreen",
    resource: /^build-project$/,
    reason:
      "The example builds its container image with `docker build`, which needs the Docker daemon, and CodeBuild runs it only in privileged mode (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ProjectEnvironment.html, privilegedMode: set to true only if the project builds Docker images); the example opts in with `dockerBuilds: true`, and builds only its own CodeCommit repository.",
  },
];
