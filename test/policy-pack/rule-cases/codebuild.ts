// The case tables of CodeBuild: codebuild.spec describes them, preview.spec and tiers.spec drive
// them again (through index.ts). Plain data: this module declares no mocha test.
import { policies } from "../../../packages/policy-pack/src/policies";
import { rule, type ResourceCase } from "../cases";

const T = "aws:codebuild/project:Project";
const KEY = "arn:aws:kms:us-east-1:123456789012:key/k";
const env = (e: Record<string, any>) => ({ environment: { image: "aws/codebuild/amazonlinux-x86_64-standard:6.0", ...e } });

/** Resource-rule cases: a compliant and a non-compliant resource with the exact messages. */
export const CODEBUILD_CASES: ResourceCase[] = [
  {
    rule: rule(policies, "aws-cicd-codebuild-customer-key"),
    type: T,
    compliant: { encryptionKey: KEY },
    noncompliant: { encryptionKey: "alias/aws/s3" },
    messages: ['CodeBuild project uses the AWS managed key "alias/aws/s3"; use a customer managed key.'],
  },
  {
    rule: rule(policies, "aws-cicd-codebuild-artifact-encryption"),
    type: T,
    compliant: { artifacts: { type: "CODEPIPELINE" } },
    noncompliant: { artifacts: { type: "S3", encryptionDisabled: true } },
    messages: ["CodeBuild project `artifacts` disables encryption."],
  },
  {
    rule: rule(policies, "aws-cicd-codebuild-logging"),
    type: T,
    compliant: { logsConfig: { cloudwatchLogs: { status: "ENABLED" } } },
    noncompliant: { logsConfig: { cloudwatchLogs: { status: "DISABLED" } } },
    messages: ["CodeBuild project disables CloudWatch Logs and enables no S3 logs (`logsConfig`)."],
  },
  {
    rule: rule(policies, "aws-cicd-codebuild-s3-logs-encrypted"),
    type: T,
    compliant: { logsConfig: { s3Logs: { status: "ENABLED" } } },
    noncompliant: { logsConfig: { s3Logs: { status: "ENABLED", encryptionDisabled: true } } },
    messages: ["CodeBuild project writes S3 logs with encryption disabled."],
  },
  {
    rule: rule(policies, "aws-cicd-codebuild-no-plaintext-secrets"),
    type: T,
    compliant: env({
      environmentVariables: [
        { name: "STAGE", value: "prod" },
        { name: "DB_PASSWORD", value: "/app/db", type: "PARAMETER_STORE" },
      ],
    }),
    noncompliant: env({
      environmentVariables: [
        { name: "AWS_SESSION_TOKEN", value: "abc" },
        { name: "DB_PASSWORD", value: "hunter2" },
        { name: "KEY", value: "AKIAABCDEFGHIJKLMNOP" },
      ],
    }),
    messages: [
      'CodeBuild environment variable "AWS_SESSION_TOKEN" is plain text but it is an AWS credential variable.',
      'CodeBuild environment variable "DB_PASSWORD" is plain text but its name says it holds a secret.',
      'CodeBuild environment variable "KEY" is plain text but its value is an AWS access key id.',
    ],
  },
  {
    rule: rule(policies, "aws-cicd-codebuild-source-no-url-credentials"),
    type: T,
    compliant: { source: { location: "https://github.com/o/r.git" } },
    noncompliant: { source: { location: "https://user:tok@github.com/o/r.git" } },
    messages: ["CodeBuild `source.location` has credentials in the URL."],
  },
  {
    rule: rule(policies, "aws-cicd-codebuild-privileged-mode"),
    type: T,
    compliant: env({ privilegedMode: false }),
    noncompliant: env({ privilegedMode: true }),
    messages: ["CodeBuild project runs in privileged mode."],
  },
  {
    rule: rule(policies, "aws-cicd-codebuild-image"),
    type: T,
    compliant: env({ image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/builder:1", imagePullCredentialsType: "SERVICE_ROLE" }),
    noncompliant: env({ image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/builder:1", imagePullCredentialsType: "CODEBUILD" }),
    messages: [
      'CodeBuild image "123456789012.dkr.ecr.us-east-1.amazonaws.com/builder:1" is not pulled with the service role (`imagePullCredentialsType` "SERVICE_ROLE").',
    ],
  },
  {
    rule: rule(policies, "aws-cicd-codebuild-image"),
    type: T,
    compliant: env({}),
    noncompliant: env({ image: "node:22" }),
    messages: ['CodeBuild image "node:22" is neither an aws/codebuild/ managed image nor a private ECR image.'],
  },
  {
    rule: rule(policies, "aws-cicd-codebuild-report-export-encrypted"),
    type: "aws:codebuild/reportGroup:ReportGroup",
    compliant: { exportConfig: { type: "S3", s3Destination: { bucket: "b", encryptionKey: KEY } } },
    noncompliant: { exportConfig: { type: "S3", s3Destination: { bucket: "b", encryptionDisabled: true } } },
    messages: ["Report group export disables encryption."],
  },
];
