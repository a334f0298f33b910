import { expect } from "chai";
import { BuildProject, BuildProjectArgs, validateBuildProjectArgs } from "../../packages/aws-cicd/src/codebuild";
import { recordedTypes, thrownMessage } from "./build-project-fixtures";

const REPO = {
  repositoryArn: "arn:aws:codecommit:us-east-1:123456789012:app",
  cloneUrlHttp: "https://git-codecommit.us-east-1.amazonaws.com/v1/repos/app",
};
const VPC = { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0aaaaaaaaaaaaaaaa"], securityGroupIds: ["sg-0cccccccccccccccc"] };
const RETENTIONS = "1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653";
const COMPUTE = "BUILD_GENERAL1_SMALL, BUILD_GENERAL1_MEDIUM, BUILD_GENERAL1_LARGE, BUILD_GENERAL1_XLARGE, BUILD_GENERAL1_2XLARGE";
const EVENTS =
  "codebuild-project-build-state-failed, codebuild-project-build-state-succeeded, codebuild-project-build-state-in-progress, codebuild-project-build-state-stopped, codebuild-project-build-phase-failure, codebuild-project-build-phase-success";

const cases: [string, BuildProjectArgs, string][] = [
  ["a build timeout below 5", { timeoutInMinutes: 1 }, "`timeoutInMinutes` must be between 5 and 2160, got 1."],
  ["a build timeout above 2160", { timeoutInMinutes: 2161 }, "`timeoutInMinutes` must be between 5 and 2160, got 2161."],
  ["a fractional build timeout", { timeoutInMinutes: 10.5 }, "`timeoutInMinutes` must be between 5 and 2160, got 10.5."],
  ["a queued timeout above 480", { queuedTimeoutInMinutes: 481 }, "`queuedTimeoutInMinutes` must be between 5 and 480, got 481."],
  ["a queued timeout below 5", { queuedTimeoutInMinutes: 4 }, "`queuedTimeoutInMinutes` must be between 5 and 480, got 4."],
  ["a concurrent build limit of 0", { concurrentBuildLimit: 0 }, "`concurrentBuildLimit` must be a whole number of at least 1, got 0."],
  [
    "a one-character project name",
    { projectName: "a" },
    '`projectName` must be 2 to 255 characters, letters, digits, "-" or "_", starting with a letter or digit, got "a".',
  ],
  [
    "a project name starting with -",
    { projectName: "-app" },
    '`projectName` must be 2 to 255 characters, letters, digits, "-" or "_", starting with a letter or digit, got "-app".',
  ],
  ["a retention CloudWatch does not offer", { logRetentionInDays: 10 }, `\`logRetentionInDays\` must be one of ${RETENTIONS}, got 10.`],
  [
    "an unknown compute type",
    { computeType: "BUILD_GENERAL2_SMALL" as never },
    `\`computeType\` must be one of ${COMPUTE}, got "BUILD_GENERAL2_SMALL".`,
  ],
  ["an image with neither source", { image: {} }, "`image` must set exactly one of `managed` or `ecr`, got neither."],
  [
    "an image with both sources",
    { image: { managed: "x86_64", ecr: { repositoryArn: "arn:aws:ecr:us-east-1:123456789012:repository/x", tag: "1" } } },
    "`image` must set exactly one of `managed` or `ecr`, got both.",
  ],
  [
    "a Docker Hub image as managed",
    { image: { managed: "ubuntu:22.04" } },
    '`image.managed` must be "x86_64", "arm64" or a managed Linux image id such as "aws/codebuild/amazonlinux-x86_64-standard:6.0", got "ubuntu:22.04". Use `image.ecr` for a custom image.',
  ],
  [
    "a Windows managed image",
    { image: { managed: "aws/codebuild/windows-base:2019-3.0" } },
    '`image.managed` must be "x86_64", "arm64" or a managed Linux image id such as "aws/codebuild/amazonlinux-x86_64-standard:6.0", got "aws/codebuild/windows-base:2019-3.0". Use `image.ecr` for a custom image.',
  ],
  [
    "an ECR repository given by URL",
    { image: { ecr: { repositoryArn: "123456789012.dkr.ecr.us-east-1.amazonaws.com/x", tag: "1" } } },
    '`image.ecr.repositoryArn` must be an ECR repository ARN such as "arn:aws:ecr:us-east-1:123456789012:repository/build-image", got "123456789012.dkr.ecr.us-east-1.amazonaws.com/x".',
  ],
  [
    "a bad image tag",
    { image: { ecr: { repositoryArn: "arn:aws:ecr:us-east-1:123456789012:repository/x", tag: "v 1" } } },
    '`image.ecr.tag` must be an image tag such as "1.4.2" or a digest "sha256:<64 hex digits>", got "v 1".',
  ],
  [
    "a password as a plain value",
    { environmentVariables: { DB_PASSWORD: { value: "hunter2" } } },
    "`environmentVariables.DB_PASSWORD` looks like a credential (its name says it holds a secret); store it in SSM Parameter Store or Secrets Manager and pass `{ parameter: ... }` or `{ secret: ... }`.",
  ],
  [
    "an access key id as a plain value",
    { environmentVariables: { KEY_ID: { value: "AKIAIOSFODNN7EXAMPLE" } } },
    "`environmentVariables.KEY_ID` looks like a credential (its value is an AWS access key id); store it in SSM Parameter Store or Secrets Manager and pass `{ parameter: ... }` or `{ secret: ... }`.",
  ],
  [
    "a variable with no source",
    { environmentVariables: { A: {} } },
    "`environmentVariables.A` must set exactly one of `value`, `parameter` or `secret`, got none.",
  ],
  [
    "a variable with two sources",
    { environmentVariables: { A: { value: "x", secret: "s" } } },
    "`environmentVariables.A` must set exactly one of `value`, `parameter` or `secret`, got `value` and `secret`.",
  ],
  [
    "a reserved variable name",
    { environmentVariables: { CODEBUILD_X: { value: "x" } } },
    '`environmentVariables` names must be letters, digits and "_", not starting with a digit nor with the reserved "CODEBUILD_" prefix, got "CODEBUILD_X".',
  ],
  [
    "a variable name starting with a digit",
    { environmentVariables: { "1A": { value: "x" } } },
    '`environmentVariables` names must be letters, digits and "_", not starting with a digit nor with the reserved "CODEBUILD_" prefix, got "1A".',
  ],
  [
    "a malformed parameter name",
    { environmentVariables: { A: { parameter: "app db" } } },
    '`environmentVariables.A.parameter` must be a Parameter Store parameter name such as "/app/db-url" or "db-url": letters, digits, "_", "." and "-", with levels separated by "/" and a leading "/" when there is more than one level, got "app db".',
  ],
  [
    "a secret reference with too many parts",
    { environmentVariables: { A: { secret: "s:k:AWSCURRENT:id:extra" } } },
    '`environmentVariables.A.secret` has too many ":"-separated parts; use secret-id[:json-key[:version-stage[:version-id]]], got "s:k:AWSCURRENT:id:extra".',
  ],
  [
    "secret keys with nothing to decrypt",
    { secretsKeyArns: ["arn:aws:kms:us-east-1:123456789012:key/k"] },
    "`secretsKeyArns` only serves to read SSM parameters or secrets, and none is referenced: add them to `environmentVariables` (or the `buildSpec` env) or leave `secretsKeyArns` out.",
  ],
  [
    "an invalid buildSpec",
    { buildSpec: { phases: { build: { commands: "make" as never } } } },
    "`buildSpec.phases.build.commands` must be a list of strings, got a string.",
  ],
  [
    "a buildSpec and a buildSpecFile",
    { buildSpec: { phases: { build: { commands: ["make"] } } }, buildSpecFile: "b.yml" },
    "`buildSpec` and `buildSpecFile` are exclusive: give the buildspec inline or name its file in the source.",
  ],
  [
    "an absolute buildSpecFile",
    { buildSpecFile: "/b.yml" },
    '`buildSpecFile` must be a path relative to the source root such as "ci/buildspec.yml", got "/b.yml".',
  ],
  [
    "a report whose group name would be too long",
    {
      projectName: "p".repeat(120),
      buildSpec: { phases: { build: { commands: ["make"] } }, reports: { "integration-tests": { files: ["a.xml"] } } },
    },
    `\`buildSpec.reports\` name "integration-tests" gives the report group name "${"p".repeat(120)}-integration-tests", which CodeBuild refuses: report group names are 2 to 128 letters, digits, "-" or "_". Use a shorter name or a report group ARN.`,
  ],
  [
    "a report export without reports",
    { reportExport: { bucketName: "reports-bucket" } },
    "`reportExport` needs report groups to export: declare `reports` in `buildSpec`, or list a buildspec file's reports in `reportGroupNames`.",
  ],
  [
    "a listed report given as an ARN",
    { reportGroupNames: ["arn:aws:codebuild:us-east-1:123456789012:report-group/shared"] },
    '`reportGroupNames` must hold report names as the buildspec\'s `reports` section writes them: 2 to 128 letters, digits, "-" or "_" starting with a letter or digit (not ARNs), got "arn:aws:codebuild:us-east-1:123456789012:report-group/shared".',
  ],
  [
    "a listed coverage report with a space",
    { coverageReportGroupNames: ["unit coverage"] },
    '`coverageReportGroupNames` must hold report names as the buildspec\'s `reports` section writes them: 2 to 128 letters, digits, "-" or "_" starting with a letter or digit (not ARNs), got "unit coverage".',
  ],
  [
    "a listed report whose group name would be too long",
    { projectName: "p".repeat(120), reportGroupNames: ["integration-tests"] },
    `\`reportGroupNames\` name "integration-tests" gives the report group name "${"p".repeat(120)}-integration-tests", which CodeBuild refuses: report group names are 2 to 128 letters, digits, "-" or "_". Use a shorter report name or \`projectName\`.`,
  ],
  [
    "a report listed as test and coverage",
    { reportGroupNames: ["unit"], coverageReportGroupNames: ["unit"] },
    '`coverageReportGroupNames` and `reportGroupNames` both list "unit"; a report is either a test or a code coverage report.',
  ],
  [
    "a listed test report the buildSpec declares as coverage",
    {
      buildSpec: { phases: { build: { commands: ["make"] } }, reports: { coverage: { files: ["c.xml"], "file-format": "JACOCOXML" } } },
      reportGroupNames: ["coverage"],
    },
    '`reportGroupNames` lists "coverage", which `buildSpec.reports` declares as a code coverage report; list it in `coverageReportGroupNames` or leave it out.',
  ],
  [
    "a listed coverage report the buildSpec declares as a test report",
    {
      buildSpec: { phases: { build: { commands: ["make"] } }, reports: { unit: { files: ["junit.xml"] } } },
      coverageReportGroupNames: ["unit"],
    },
    '`coverageReportGroupNames` lists "unit", which `buildSpec.reports` declares as a test report; list it in `reportGroupNames` or leave it out.',
  ],
  ["an empty source", { source: {} }, "`source` must set `codeCommit`; leave `source` out for a CodePipeline source."],
  [
    "a branch given as a ref",
    { source: { codeCommit: { repository: REPO, branch: "refs/heads/main" } } },
    '`source.codeCommit.branch` must be a branch name such as "main" or "release/1.2" (without "refs/heads/"), got "refs/heads/main".',
  ],
  [
    "a negative clone depth",
    { source: { codeCommit: { repository: REPO, gitCloneDepth: -1 } } },
    "`source.codeCommit.gitCloneDepth` must be between 0 and 2147483647, got -1.",
  ],
  [
    "artifacts with a pipeline source",
    { artifacts: { s3: { bucketName: "artifacts-bucket" } } },
    "`artifacts` is only for a standalone `source.codeCommit` build; in a pipeline, the pipeline stores the artifacts.",
  ],
  [
    "both caches",
    { cache: { local: ["LOCAL_SOURCE_CACHE"], s3: { bucketName: "cache-bucket" } } },
    "`cache` must set exactly one of `local` or `s3`, got both.",
  ],
  [
    "an empty local cache",
    { cache: { local: [] } },
    "`cache.local` must list at least one of LOCAL_SOURCE_CACHE, LOCAL_DOCKER_LAYER_CACHE, LOCAL_CUSTOM_CACHE.",
  ],
  [
    "an unknown cache mode",
    { cache: { local: ["LOCAL_NPM_CACHE" as never] } },
    '`cache.local` modes must be LOCAL_SOURCE_CACHE, LOCAL_DOCKER_LAYER_CACHE, LOCAL_CUSTOM_CACHE, got "LOCAL_NPM_CACHE".',
  ],
  ["a repeated cache mode", { cache: { local: ["LOCAL_SOURCE_CACHE", "LOCAL_SOURCE_CACHE"] } }, "`cache.local` lists a mode twice."],
  [
    "a Docker layer cache without Docker builds",
    { cache: { local: ["LOCAL_DOCKER_LAYER_CACHE"] } },
    "`cache.local` mode LOCAL_DOCKER_LAYER_CACHE needs `dockerBuilds: true` (the Docker daemon runs in privileged mode).",
  ],
  [
    "a cache bucket given as an ARN",
    { cache: { s3: { bucketName: "arn:aws:s3:::cache" } } },
    '`cache.s3.bucketName` must be an S3 bucket name (not an ARN), got "arn:aws:s3:::cache".',
  ],
  [
    "a log prefix with a leading slash",
    { s3Logs: { bucketName: "logs-bucket", prefix: "/logs" } },
    '`s3Logs.prefix` must be a key prefix without leading or trailing "/" (letters, digits and !_.*\'()- between slashes), got "/logs".',
  ],
  ["a VPC without subnets", { vpc: { ...VPC, subnetIds: [] } }, "`vpc.subnetIds` must list 1 to 16 subnets, got 0."],
  [
    "a VPC with six security groups",
    { vpc: { ...VPC, securityGroupIds: Array(6).fill("sg-0cccccccccccccccc") } },
    "`vpc.securityGroupIds` must list 1 to 5 security groups, got 6.",
  ],
  [
    "a subnet given by name",
    { vpc: { ...VPC, subnetIds: ["private-a"] } },
    '`vpc.subnetIds` must hold subnet ids such as "subnet-0123456789abcdef0", got "private-a".',
  ],
  [
    "a bad security group id",
    { vpc: { ...VPC, securityGroupIds: ["default"] } },
    '`vpc.securityGroupIds` must hold security group ids such as "sg-0123456789abcdef0", got "default".',
  ],
  ["a bad VPC id", { vpc: { ...VPC, vpcId: "main" } }, '`vpc.vpcId` must be a VPC id such as "vpc-0123456789abcdef0", got "main".'],
  [
    "emails with a given topic",
    { monitoring: { topicArn: "arn:aws:sns:us-east-1:123456789012:t", emailSubscriptions: ["a@example.com"] } },
    "`monitoring.emailSubscriptions` only subscribes to the topic the component creates; subscribe to your `monitoring.topicArn` yourself.",
  ],
  ["a bad email", { monitoring: { emailSubscriptions: ["ops"] } }, '`monitoring.emailSubscriptions` must hold email addresses, got "ops".'],
  [
    "emails with nothing publishing to them",
    { monitoring: { failedBuildsAlarm: false, emailSubscriptions: ["ops@example.com"] } },
    "`monitoring.emailSubscriptions` has nothing to receive: with `monitoring.failedBuildsAlarm: false` and no `monitoring.notificationEvents`, no topic is created. Keep the alarm, add `notificationEvents`, or remove `emailSubscriptions`.",
  ],
  [
    "an unknown event",
    { monitoring: { notificationEvents: ["build-failed" as never] } },
    `\`monitoring.notificationEvents\` must hold ${EVENTS}, got "build-failed".`,
  ],
  [
    "an empty event list",
    { monitoring: { notificationEvents: [] } },
    "`monitoring.notificationEvents` must list at least one event; leave it out for no notification rule.",
  ],
  ["a topic name instead of ARN", { monitoring: { topicArn: "alerts" } }, '`monitoring.topicArn` must be an SNS topic ARN, got "alerts".'],
];

describe("BuildProject", () => {
  describe("validation", () => {
    for (const [what, args, message] of cases) {
      it(`throws for ${what}, before creating any child`, async () => {
        expect(thrownMessage(() => validateBuildProjectArgs(args, args.projectName ?? "aws-cicd-test-test-build"))).to.equal(message);
        expect(thrownMessage(() => new BuildProject("bad", args))).to.equal(message);
        expect(await recordedTypes()).to.deep.equal(["aws-cicd:index:BuildProject"]);
      });
    }

    it("refuses bad extra role policies", async () => {
      const p = new BuildProject("build");
      expect(thrownMessage(() => p.addToRolePolicy("bad name", [{ actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"] }]))).to.equal(
        '`policyName` must be 1 to 64 letters, digits or "-", got "bad name".',
      );
      expect(thrownMessage(() => p.addToRolePolicy("artifacts", []))).to.equal(
        '`statements` of policy "artifacts" must hold at least one statement.',
      );
    });
  });
});
