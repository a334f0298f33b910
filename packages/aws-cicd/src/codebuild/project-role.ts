import * as pulumi from "@pulumi/pulumi";
import { keyUseThroughServices } from "../security/encryption-key";
import { codeCommitKeyStatement } from "../codecommit/policies";
import { AwsContext, PolicyStatement } from "../security/iam";
import {
  buildspecReportsStatement,
  codeCommitPullStatement,
  ecrPullStatements,
  logGroupWriteStatement,
  parameterArn,
  parametersReadStatement,
  reportsWriteStatement,
  s3CacheStatements,
  s3WriteStatements,
  secretArn,
  secretIdOf,
  secretsKeyDecryptStatement,
  secretsReadStatement,
  vpcStatements,
} from "./policies";

/** A bucket prefix the role works in. */
export interface PrefixGrant {
  /** Name of the bucket. */
  bucketName: pulumi.Input<string>;
  /** Key prefix within the bucket. */
  prefix: pulumi.Input<string>;
}

/** Everything a project's configuration needs from its service role, resolved to names and ARNs. */
export interface BuildProjectPermissions {
  /** The project's log group. */
  logGroupArn: pulumi.Input<string>;
  /** Keys used through S3: the project key, then the keys of the other buckets. */
  s3KeyArns: pulumi.Input<string>[];
  /** Where build logs are written in S3. */
  s3Logs?: PrefixGrant;
  /** Where the S3 cache is read and written. */
  s3Cache?: PrefixGrant;
  /** Where artifacts are written in S3. */
  s3Artifacts?: PrefixGrant;
  /** Where test reports are exported in S3. */
  reportExport?: PrefixGrant;
  /** Report groups the build writes to (created ones and ARNs named in the buildspec). */
  reportGroupArns: pulumi.Input<string>[];
  /**
   * Name of the project, when its buildspec is a file whose reports are not known in advance.
   * @default - no buildspec file reports (the buildspec is inline).
   */
  buildspecFileProjectName?: pulumi.Input<string>;
  /** SSM parameter names or ARNs. */
  parameters: pulumi.Input<string>[];
  /** Secrets Manager references (`secret-id[:json-key...]`). */
  secrets: pulumi.Input<string>[];
  /** Customer keys of the parameters and secrets. */
  secretsKeyArns: pulumi.Input<string>[];
  /** ECR repository of the build image. */
  ecrRepositoryArn?: pulumi.Input<string>;
  /** Network of a build in a VPC. */
  vpc?: {
    /** Subnets of the build's network interface. */
    subnetIds: pulumi.Input<string>[];
    /** Security groups of the build's network interface. */
    securityGroupIds: pulumi.Input<string>[];
  };
  /** Repository of a standalone CodeCommit source. */
  codeCommit?: {
    /** ARN of the repository. */
    repositoryArn: pulumi.Input<string>;
    /** Customer key of the repository, used only through CodeCommit. */
    keyArn?: pulumi.Input<string>;
  };
}

/** Drops repeated plain strings (Outputs are kept: they cannot be compared before deployment). */
export function distinctInputs<T extends pulumi.Input<string>>(values: T[], key: (s: string) => string = (s) => s): T[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    if (typeof v !== "string") return true;
    const k = key(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The statements of a project's service role, in a fixed order, each present only when the
 * configuration needs it.
 */
export function buildProjectStatements(p: BuildProjectPermissions, ctx: AwsContext): PolicyStatement[] {
  const statements: PolicyStatement[] = [
    logGroupWriteStatement(p.logGroupArn),
    { ...keyUseThroughServices(p.s3KeyArns[0], ["s3"], ctx, "UseKeysThroughS3"), resources: distinctInputs(p.s3KeyArns) },
  ];
  if (p.s3Logs) statements.push(...s3WriteStatements("S3Logs", p.s3Logs.bucketName, p.s3Logs.prefix, ctx));
  if (p.s3Cache) statements.push(...s3CacheStatements(p.s3Cache.bucketName, p.s3Cache.prefix, ctx));
  if (p.s3Artifacts) statements.push(...s3WriteStatements("S3Artifacts", p.s3Artifacts.bucketName, p.s3Artifacts.prefix, ctx));
  if (p.reportExport) statements.push(...s3WriteStatements("ReportExports", p.reportExport.bucketName, p.reportExport.prefix, ctx));
  if (p.reportGroupArns.length > 0) statements.push(reportsWriteStatement(distinctInputs(p.reportGroupArns)));
  if (p.codeCommit) {
    statements.push(codeCommitPullStatement(p.codeCommit.repositoryArn));
    if (p.codeCommit.keyArn !== undefined) {
      statements.push(codeCommitKeyStatement([p.codeCommit.keyArn], ctx, "UseRepositoryKeyThroughCodeCommit"));
    }
  }
  if (p.ecrRepositoryArn !== undefined) statements.push(...ecrPullStatements(p.ecrRepositoryArn));
  const parameters = distinctInputs(p.parameters, (n) => (n.startsWith("arn:") ? n : n.replace(/^\//, "")));
  const secrets = distinctInputs(p.secrets, secretIdOf);
  if (parameters.length > 0) statements.push(parametersReadStatement(parameters.map((n) => parameterArn(n, ctx))));
  if (secrets.length > 0) statements.push(secretsReadStatement(secrets.map((s) => secretArn(s, ctx))));
  if (p.secretsKeyArns.length > 0) {
    const services = [...(parameters.length > 0 ? ["ssm"] : []), ...(secrets.length > 0 ? ["secretsmanager"] : [])];
    statements.push(secretsKeyDecryptStatement(distinctInputs(p.secretsKeyArns), services, ctx));
  }
  if (p.vpc) statements.push(...vpcStatements(p.vpc.subnetIds, p.vpc.securityGroupIds, ctx));
  if (p.buildspecFileProjectName !== undefined) statements.push(buildspecReportsStatement(p.buildspecFileProjectName, ctx));
  return statements;
}
