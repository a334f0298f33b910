// Boundaries and accepted values of validateBuildProjectArgs (the pure validator), next to the
// rejection table in build-project-validation.spec.ts: each limit is tried at its edge, on both sides.
import { expect } from "chai";
import { validateBuildProjectArgs } from "../../packages/aws-cicd/src/codebuild/validate";
import { BuildProjectArgs } from "../../packages/aws-cicd/src/codebuild/build-project-args";

const REPO = {
  repositoryArn: "arn:aws:codecommit:us-east-1:123456789012:app",
  cloneUrlHttp: "https://git-codecommit.us-east-1.amazonaws.com/v1/repos/app",
};
const VPC = { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0aaaaaaaaaaaaaaaa"], securityGroupIds: ["sg-0cccccccccccccccc"] };
const KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const SPEC = { phases: { build: { commands: ["make"] } } };
const BRANCH = (b: string) =>
  `\`source.codeCommit.branch\` must be a branch name such as "main" or "release/1.2" (without "refs/heads/"), got "${b}".`;
const TOPIC = (t: string) => `\`monitoring.topicArn\` must be an SNS topic ARN, got "${t}".`;
const SPEC_FILE = (f: string) => `\`buildSpecFile\` must be a path relative to the source root such as "ci/buildspec.yml", got "${f}".`;

const ok = (args: BuildProjectArgs, name = "app"): void => {
  expect(() => validateBuildProjectArgs(args, name)).not.to.throw();
};
const fails = (args: BuildProjectArgs, message: string, name = "app"): void => {
  expect(() => validateBuildProjectArgs(args, name)).to.throw(message);
};

describe("BuildProject", () => {
  describe("validateBuildProjectArgs boundaries", () => {
    it("accepts timeouts at 5, 2160 and 480 minutes, and a concurrent build limit of 1", () => {
      ok({ timeoutInMinutes: 5, queuedTimeoutInMinutes: 5, concurrentBuildLimit: 1 });
      ok({ timeoutInMinutes: 2160, queuedTimeoutInMinutes: 480 });
    });

    it("throws for a fractional concurrent build limit", () => {
      fails({ concurrentBuildLimit: 2.5 }, "`concurrentBuildLimit` must be a whole number of at least 1, got 2.5.");
    });

    it("accepts branch names with dots, slashes, dashes and underscores", () => {
      for (const branch of ["main", "release/1.2", "feature/a_b-c", "v1.0.x"]) ok({ source: { codeCommit: { repository: REPO, branch } } });
    });

    it("throws for each malformed branch name", () => {
      for (const branch of ["bad branch", "/main", "-main", "refs/heads/main", "main/", "main.lock", "a..b", "a//b", "ä"]) {
        fails({ source: { codeCommit: { repository: REPO, branch } } }, BRANCH(branch));
      }
    });

    it("accepts a clone depth of 0 and 2147483647", () => {
      ok({ source: { codeCommit: { repository: REPO, gitCloneDepth: 0 } } });
      ok({ source: { codeCommit: { repository: REPO, gitCloneDepth: 2147483647 } } });
      fails(
        { source: { codeCommit: { repository: REPO, gitCloneDepth: -1 } } },
        "`source.codeCommit.gitCloneDepth` must be between 0 and 2147483647, got -1.",
      );
    });

    it("checks the artifacts bucket of a standalone build", () => {
      ok({ source: { codeCommit: { repository: REPO } }, artifacts: { s3: { bucketName: "out-bucket", prefix: "builds/app" } } });
      fails({ source: { codeCommit: { repository: REPO } }, artifacts: {} as never }, "`artifacts` must set `s3`.");
      fails(
        { source: { codeCommit: { repository: REPO } }, artifacts: { s3: { bucketName: "arn:aws:s3:::out" } } },
        '`artifacts.s3.bucketName` must be an S3 bucket name (not an ARN), got "arn:aws:s3:::out".',
      );
    });

    it("checks bucket names and prefixes of s3Logs and reportExport", () => {
      ok({ s3Logs: { bucketName: "logs-bucket" } });
      fails({ s3Logs: { bucketName: "a..b" } }, '`s3Logs.bucketName` must be an S3 bucket name (not an ARN), got "a..b".');
      fails(
        { s3Logs: { bucketName: "logs-bucket", prefix: "/logs" } },
        '`s3Logs.prefix` must be a key prefix without leading or trailing "/" (letters, digits and !_.*\'()- between slashes), got "/logs".',
      );
      fails(
        { reportExport: { bucketName: "Reports" } },
        '`reportExport.bucketName` must be an S3 bucket name (not an ARN), got "Reports".',
      );
    });

    it("names which of `local` and `s3` the cache sets when not exactly one", () => {
      fails({ cache: {} }, "`cache` must set exactly one of `local` or `s3`, got neither.");
      fails(
        { cache: { local: ["LOCAL_SOURCE_CACHE"], s3: { bucketName: "cache-bucket" } } },
        "`cache` must set exactly one of `local` or `s3`, got both.",
      );
    });

    it("accepts the Docker layer cache with dockerBuilds, and other local modes without", () => {
      ok({ cache: { local: ["LOCAL_DOCKER_LAYER_CACHE"] }, dockerBuilds: true });
      ok({ cache: { local: ["LOCAL_SOURCE_CACHE", "LOCAL_CUSTOM_CACHE"] } });
      fails(
        { cache: { local: ["LOCAL_DOCKER_LAYER_CACHE"] }, dockerBuilds: false },
        "`cache.local` mode LOCAL_DOCKER_LAYER_CACHE needs `dockerBuilds: true` (the Docker daemon runs in privileged mode).",
      );
    });

    it("accepts 16 subnets and 5 security groups, and throws one past each", () => {
      const subnets = Array.from({ length: 17 }, (_, i) => `subnet-${String(i).padStart(8, "0")}`);
      const groups = Array.from({ length: 6 }, (_, i) => `sg-${String(i).padStart(8, "0")}`);
      ok({ vpc: { ...VPC, subnetIds: subnets.slice(0, 16), securityGroupIds: groups.slice(0, 5) } });
      fails({ vpc: { ...VPC, subnetIds: subnets } }, "`vpc.subnetIds` must list 1 to 16 subnets, got 17.");
      fails({ vpc: { ...VPC, securityGroupIds: groups } }, "`vpc.securityGroupIds` must list 1 to 5 security groups, got 6.");
      fails({ vpc: { ...VPC, securityGroupIds: [] } }, "`vpc.securityGroupIds` must list 1 to 5 security groups, got 0.");
    });

    it("throws for ids with text before or after the id", () => {
      fails(
        { vpc: { ...VPC, vpcId: "my-vpc-01234567" } },
        '`vpc.vpcId` must be a VPC id such as "vpc-0123456789abcdef0", got "my-vpc-01234567".',
      );
      fails(
        { vpc: { ...VPC, vpcId: "vpc-01234567x" } },
        '`vpc.vpcId` must be a VPC id such as "vpc-0123456789abcdef0", got "vpc-01234567x".',
      );
      for (const s of ["xsubnet-01234567", "subnet-01234567x"]) {
        fails(
          { vpc: { ...VPC, subnetIds: [s] } },
          `\`vpc.subnetIds\` must hold subnet ids such as "subnet-0123456789abcdef0", got "${s}".`,
        );
      }
      for (const g of ["xsg-01234567", "sg-01234567x"]) {
        fails(
          { vpc: { ...VPC, securityGroupIds: [g] } },
          `\`vpc.securityGroupIds\` must hold security group ids such as "sg-0123456789abcdef0", got "${g}".`,
        );
      }
    });

    it("accepts listed reports that the buildspec declares with the same type", () => {
      ok({
        buildSpec: { ...SPEC, reports: { unit: { files: ["a.xml"] }, cov: { files: ["c.xml"], "file-format": "COBERTURAXML" } } },
        reportGroupNames: ["unit"],
        coverageReportGroupNames: ["cov"],
      } as BuildProjectArgs);
    });

    it("accepts test and coverage report lists that share no name", () => {
      ok({ reportGroupNames: ["unit"], coverageReportGroupNames: ["cov"] });
      ok({ coverageReportGroupNames: ["cov"] });
    });

    it("checks the monitoring topic ARN", () => {
      ok({ monitoring: { topicArn: "arn:aws:sns:us-east-1:123456789012:builds" } });
      ok({ monitoring: { topicArn: "arn:aws-us-gov:sns:us-gov-west-1:123456789012:a" } });
      ok({ monitoring: { topicArn: `arn:aws:sns:us-east-1:123456789012:${"t".repeat(256)}` } });
      for (const t of [
        "xarn:aws:sns:us-east-1:123456789012:builds",
        "arn:aws:sns:us-east-1:123456789012:builds/x",
        "arn:aws:sns:us-east-1:12345678901:builds",
        "arn:aws:sns::123456789012:builds",
        "arn:aws:sns:us-east-1:123456789012:",
        "arn:aws:sns:us-east-1:123456789012:a.b",
        "arn:aws1:sns:us-east-1:123456789012:a",
        `arn:aws:sns:us-east-1:123456789012:${"t".repeat(257)}`,
      ]) {
        fails({ monitoring: { topicArn: t } }, TOPIC(t));
      }
    });

    it("accepts email subscriptions when a topic is created for them", () => {
      ok({ monitoring: { emailSubscriptions: ["ops@example.com"] } });
      ok({
        monitoring: {
          failedBuildsAlarm: false,
          notificationEvents: ["codebuild-project-build-state-failed"],
          emailSubscriptions: ["ops@example.com"],
        },
      });
      ok({ monitoring: { failedBuildsAlarm: false, emailSubscriptions: [] } });
      ok({ monitoring: { failedBuildsAlarm: false } });
    });

    it("checks each secrets key ARN by its index", () => {
      const environmentVariables = { DB: { parameter: "/app/db" } };
      ok({ environmentVariables, secretsKeyArns: [KEY] });
      fails(
        { environmentVariables, secretsKeyArns: [KEY, "alias/app"] },
        `\`secretsKeyArns[1]\` must be a KMS key ARN such as "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" (not an alias), got "alias/app".`,
      );
    });

    it("accepts secretsKeyArns when a single secret or parameter is referenced, in the variables or the buildspec", () => {
      ok({ environmentVariables: { DB: { secret: "app/db" } }, secretsKeyArns: [KEY] });
      ok({ buildSpec: { ...SPEC, env: { "parameter-store": { DB: "/app/db" } } }, secretsKeyArns: [KEY] } as BuildProjectArgs);
      ok({ buildSpec: { ...SPEC, env: { "secrets-manager": { DB: "app/db:password" } } }, secretsKeyArns: [KEY] } as BuildProjectArgs);
    });

    it("checks buildSpecFile paths", () => {
      ok({ buildSpecFile: "ci/buildspec.yml" });
      for (const f of ["", "/ci/buildspec.yml", "../buildspec.yml"]) fails({ buildSpecFile: f }, SPEC_FILE(f));
    });

    it("skips the name check of buildspec reports given as report group ARNs", () => {
      ok(
        {
          buildSpec: { ...SPEC, reports: { "arn:aws:codebuild:us-east-1:123456789012:report-group/shared": { files: ["a.xml"] } } },
        } as BuildProjectArgs,
        "p".repeat(120),
      );
    });
  });
});
