import * as pulumi from "@pulumi/pulumi";
import { BuildProject } from "../../packages/aws-cicd/src/codebuild";
import { AwsContext } from "../../packages/aws-cicd/src/security";
import { ACCOUNT, findResource, policyStatementsOf, recorded, RecordedResource, settle, Statement, unwrap } from "../harness";

/** Physical name `new BuildProject("build")` gets in the test project and stack. */
export const PROJECT = "aws-cicd-test-test-build";
/** ARN of the key the component creates for `new BuildProject("build")`. */
export const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/build-key-key-id`;
/** ARN of the default log group. */
export const LOG_GROUP_ARN = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/codebuild/${PROJECT}`;

/** The test account, partition and region as an {@link AwsContext}, for the pure statement builders. */
export const CTX: AwsContext = {
  accountId: pulumi.output(ACCOUNT),
  partition: pulumi.output("aws"),
  region: pulumi.output("us-east-1"),
  dnsSuffix: pulumi.output("amazonaws.com"),
};

/** The two statements every project role holds, for the default key and log group. */
export function baseStatements(keyArns: string[] = [KEY_ARN], logGroupArn = LOG_GROUP_ARN): Statement[] {
  return [
    {
      Sid: "WriteBuildLogs",
      Effect: "Allow",
      Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: [logGroupArn, `${logGroupArn}:log-stream:*`],
    },
    {
      Sid: "UseKeysThroughS3",
      Effect: "Allow",
      Action: ["kms:Decrypt", "kms:GenerateDataKey"],
      Resource: keyArns,
      Condition: { StringEquals: { "kms:ViaService": ["s3.us-east-1.amazonaws.com"] } },
    },
  ];
}

/**
 * The statement a project whose buildspec is a file holds last: create and write the report groups
 * `<project>-*` its buildspec's reports make (issue 9).
 */
export function fileReportsStatement(project = PROJECT): Statement {
  return {
    Sid: "WriteBuildspecFileReports",
    Effect: "Allow",
    Action: [
      "codebuild:BatchPutCodeCoverages",
      "codebuild:BatchPutTestCases",
      "codebuild:CreateReport",
      "codebuild:CreateReportGroup",
      "codebuild:UpdateReport",
    ],
    Resource: [`arn:aws:codebuild:us-east-1:${ACCOUNT}:report-group/${project}-*`],
  };
}

/** Waits for a project's outputs, then returns its recorded project and its role's statements. */
export async function deployed(p: BuildProject, name = "build"): Promise<{ project: RecordedResource; statements: Statement[] }> {
  await unwrap(p.projectArn);
  await unwrap(p.roleArn);
  await unwrap(p.logGroupName);
  await settle();
  return { project: findResource("aws:codebuild/project:Project", `${name}-project`), statements: policyStatementsOf(`${name}-role`) };
}

/** The message `fn` throws (fails the test when it does not throw). */
export function thrownMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("Expected the call to throw.");
}

/** Types of everything recorded, to check that a failed validation registered no child. */
export async function recordedTypes(): Promise<string[]> {
  await settle();
  return recorded.map((r) => r.type);
}

/**
 * Runs `fn` with `pulumi.log.warn` replaced by a recorder (restored afterwards); returns the
 * warning messages and the resources they were logged for, in order.
 */
export async function capturedWarnings(fn: () => Promise<unknown>): Promise<{ message: string; resource?: pulumi.Resource }[]> {
  const log = pulumi.log as { warn: typeof pulumi.log.warn };
  const original = log.warn;
  const warnings: { message: string; resource?: pulumi.Resource }[] = [];
  log.warn = async (message: string, resource?: pulumi.Resource) => {
    warnings.push({ message, resource });
  };
  try {
    await fn();
  } finally {
    log.warn = original;
  }
  return warnings;
}
