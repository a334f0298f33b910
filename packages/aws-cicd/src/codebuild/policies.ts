import * as pulumi from "@pulumi/pulumi";
import { viaService } from "../security/encryption-key";
import { AwsContext, PolicyStatement } from "../security/iam";
import { splitSecretsManagerReference } from "./buildspec-references-syntax";
import { interpolate } from "../internal/interpolate";

/**
 * Action lists of the statements a {@link BuildProject} service role may hold, and pure
 * functions building those statements. Each function scopes its actions to exact ARNs;
 * `"*"` is used only for actions AWS does not let be scoped.
 */

/**
 * CloudWatch Logs: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatchlogs.html
 * @see https://docs.aws.amazon.com/codebuild/latest/userguide/setting-up-service-role.html
 */
export const LOGS_WRITE_ACTIONS = ["logs:CreateLogStream", "logs:PutLogEvents"] as const;

/**
 * S3: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
 * @see https://docs.aws.amazon.com/codebuild/latest/userguide/setting-up-service-role.html
 */
export const S3_WRITE_OBJECT_ACTIONS = ["s3:PutObject"] as const;
/**
 * S3 build cache: read and write cache archives under the prefix.
 * @see https://docs.aws.amazon.com/codebuild/latest/userguide/build-caching.html
 * @see https://docs.aws.amazon.com/codebuild/latest/userguide/setting-up-service-role.html
 */
export const S3_CACHE_OBJECT_ACTIONS = ["s3:GetObject", "s3:PutObject"] as const;
/**
 * S3: what CodeBuild checks on a bucket before it writes logs, cache or artifacts to it.
 * @see https://docs.aws.amazon.com/codebuild/latest/userguide/setting-up-service-role.html
 */
export const S3_BUCKET_LOCATION_ACTIONS = ["s3:GetBucketAcl", "s3:GetBucketLocation"] as const;

/**
 * SSM: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssystemsmanager.html
 * @see https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.parameter-store
 * @see https://docs.aws.amazon.com/codebuild/latest/userguide/setting-up-service-role.html
 */
export const SSM_READ_PARAMETER_ACTIONS = ["ssm:GetParameters"] as const;

/**
 * Secrets Manager: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecretsmanager.html
 * @see https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.secrets-manager
 */
export const SECRETS_READ_ACTIONS = ["secretsmanager:GetSecretValue"] as const;

/**
 * KMS: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awskeymanagementservice.html
 * @see https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-access.html
 */
export const KMS_DECRYPT_ACTIONS = ["kms:Decrypt"] as const;

/**
 * ECR: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerregistry.html
 * @see https://docs.aws.amazon.com/codebuild/latest/userguide/sample-ecr.html
 * @managedPolicy AmazonEC2ContainerRegistryReadOnly
 */
export const ECR_PULL_ACTIONS = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"] as const;
/**
 * ECR: registry login; AWS supports no resource scoping for it (`"*"` only).
 * @see https://docs.aws.amazon.com/codebuild/latest/userguide/sample-ecr.html
 * @managedPolicy AmazonEC2ContainerRegistryReadOnly
 */
export const ECR_AUTH_ACTIONS = ["ecr:GetAuthorizationToken"] as const;

/**
 * EC2: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html
 * @see https://docs.aws.amazon.com/codebuild/latest/userguide/auth-and-access-control-iam-identity-based-access-control.html#customer-managed-policies-example-create-vpc-network-interface
 */
export const EC2_DESCRIBE_NETWORK_ACTIONS = [
  "ec2:DescribeDhcpOptions",
  "ec2:DescribeNetworkInterfaces",
  "ec2:DescribeSecurityGroups",
  "ec2:DescribeSubnets",
  "ec2:DescribeVpcs",
] as const;
/**
 * EC2: create the build's network interface (scoped to the interface, subnets and security groups).
 * @see https://docs.aws.amazon.com/codebuild/latest/userguide/auth-and-access-control-iam-identity-based-access-control.html#customer-managed-policies-example-create-vpc-network-interface
 */
export const EC2_CREATE_NETWORK_INTERFACE_ACTIONS = ["ec2:CreateNetworkInterface"] as const;
/**
 * EC2: remove the build's network interface (scoped to interfaces in the build subnets).
 * @see https://docs.aws.amazon.com/codebuild/latest/userguide/auth-and-access-control-iam-identity-based-access-control.html#customer-managed-policies-example-create-vpc-network-interface
 */
export const EC2_DELETE_NETWORK_INTERFACE_ACTIONS = ["ec2:DeleteNetworkInterface"] as const;
/**
 * EC2: let CodeBuild attach the interface (only CodeBuild, only in the build subnets).
 * @see https://docs.aws.amazon.com/codebuild/latest/userguide/auth-and-access-control-iam-identity-based-access-control.html#customer-managed-policies-example-create-vpc-network-interface
 */
export const EC2_NETWORK_INTERFACE_PERMISSION_ACTIONS = ["ec2:CreateNetworkInterfacePermission"] as const;

/**
 * CodeBuild: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscodebuild.html
 * @see https://docs.aws.amazon.com/codebuild/latest/userguide/test-permissions.html
 */
export const CODEBUILD_REPORT_ACTIONS = [
  "codebuild:BatchPutCodeCoverages",
  "codebuild:BatchPutTestCases",
  "codebuild:CreateReport",
  "codebuild:UpdateReport",
] as const;

/**
 * Reports a `buildspec.yml` of the source declares (not visible before the build): create the
 * report group `<project>-<report>` on first use, and write reports to it. AWS documents these
 * actions for test and coverage reports, scoped to `report-group/<project>-*`.
 * @see https://docs.aws.amazon.com/codebuild/latest/userguide/test-permissions.html
 */
export const CODEBUILD_BUILDSPEC_REPORT_ACTIONS = [
  "codebuild:BatchPutCodeCoverages",
  "codebuild:BatchPutTestCases",
  "codebuild:CreateReport",
  "codebuild:CreateReportGroup",
  "codebuild:UpdateReport",
] as const;

/** `arn:<p>:codebuild:<r>:<a>:report-group/<projectName>-*`: the groups a buildspec's reports create. */
export function buildspecReportGroupsArn(projectName: pulumi.Input<string>, ctx: AwsContext): pulumi.Output<string> {
  return interpolate`arn:${ctx.partition}:codebuild:${ctx.region}:${ctx.accountId}:report-group/${projectName}-*`;
}

/** Create and write the report groups of the project's own prefix, for reports of a buildspec file. */
export function buildspecReportsStatement(projectName: pulumi.Input<string>, ctx: AwsContext): PolicyStatement {
  return {
    sid: "WriteBuildspecFileReports",
    actions: [...CODEBUILD_BUILDSPEC_REPORT_ACTIONS],
    resources: [buildspecReportGroupsArn(projectName, ctx)],
  };
}

/**
 * CodeCommit: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscodecommit.html
 * @see https://docs.aws.amazon.com/codebuild/latest/userguide/setting-up-service-role.html
 * @managedPolicy AWSCodeCommitReadOnly
 */
export const CODECOMMIT_PULL_ACTIONS = ["codecommit:GitPull"] as const;

/** Service principal of CodeBuild (trust policy, `ec2:AuthorizedService`). */
export const CODEBUILD_SERVICE_PRINCIPAL = "codebuild.amazonaws.com";

/** `arn:<p>:codebuild:<r>:<a>:project/<name>`. */
export function buildProjectArn(projectName: pulumi.Input<string>, ctx: AwsContext): pulumi.Output<string> {
  return interpolate`arn:${ctx.partition}:codebuild:${ctx.region}:${ctx.accountId}:project/${projectName}`;
}

/** ARN of an SSM parameter given by name (with or without leading `/`) or ARN. */
export function parameterArn(nameOrArn: pulumi.Input<string>, ctx: AwsContext): pulumi.Output<string> {
  return pulumi
    .all([nameOrArn, ctx.partition, ctx.region, ctx.accountId])
    .apply(([n, p, r, a]) => (n.startsWith("arn:") ? n : `arn:${p}:ssm:${r}:${a}:parameter/${n.replace(/^\//, "")}`));
}

/** The `secret-id` of a CodeBuild Secrets Manager reference `secret-id[:json-key[:version-stage[:version-id]]]`. */
export function secretIdOf(reference: string): string {
  return splitSecretsManagerReference(reference)?.secretId ?? reference;
}

/**
 * The end of a complete secret ARN: `-` and the 6 random letters or digits Secrets Manager
 * appends to the secret name.
 */
export const SECRET_ARN_RANDOM_SUFFIX_PATTERN = /-[A-Za-z0-9]{6}$/;

/**
 * Whether a secret ARN is complete (its name ends with `-` and 6 letters or digits) rather than
 * partial (the name alone). A name such as `ci/token-backup` ends like a complete ARN: Secrets
 * Manager itself then resolves the ARN as complete, so this function says the same.
 */
export function isCompleteSecretArn(arn: string): boolean {
  // Stryker disable next-line MethodExpression,ArithmeticOperator,StringLiteral: equivalent for every ARN (the only input: secretArn passes ids that start with `arn:`): the text before the name ends with `:`, which the end-anchored pattern cannot take in, so testing more of the ARN gives the same answer
  return SECRET_ARN_RANDOM_SUFFIX_PATTERN.test(arn.substring(arn.indexOf(":secret:") + ":secret:".length));
}

/**
 * ARN (pattern) of a secret from a CodeBuild reference: a complete ARN is used as is; a partial
 * ARN (no random suffix, see {@link isCompleteSecretArn}) gets `-??????`, and a name becomes
 * `arn:<p>:secretsmanager:<r>:<a>:secret:<name>-??????`, matching the 6 random characters Secrets
 * Manager appends (a policy naming a partial ARN would match no secret).
 */
export function secretArn(reference: pulumi.Input<string>, ctx: AwsContext): pulumi.Output<string> {
  return pulumi.all([reference, ctx.partition, ctx.region, ctx.accountId]).apply(([ref, p, r, a]) => {
    const id = secretIdOf(ref);
    if (!id.startsWith("arn:")) return `arn:${p}:secretsmanager:${r}:${a}:secret:${id}-??????`;
    return isCompleteSecretArn(id) ? id : `${id}-??????`;
  });
}

/** `arn:<p>:s3:::<bucket>`. */
export function bucketArn(bucketName: pulumi.Input<string>, ctx: AwsContext): pulumi.Output<string> {
  return interpolate`arn:${ctx.partition}:s3:::${bucketName}`;
}

/** `arn:<p>:s3:::<bucket>/<prefix>/*`. */
export function prefixObjectsArn(bucketName: pulumi.Input<string>, prefix: pulumi.Input<string>, ctx: AwsContext): pulumi.Output<string> {
  return interpolate`arn:${ctx.partition}:s3:::${bucketName}/${prefix}/*`;
}

/** `arn:<p>:ec2:<r>:<a>:subnet/<id>`. */
export function subnetArn(subnetId: pulumi.Input<string>, ctx: AwsContext): pulumi.Output<string> {
  return interpolate`arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:subnet/${subnetId}`;
}

/** `arn:<p>:ec2:<r>:<a>:security-group/<id>`. */
export function securityGroupArn(groupId: pulumi.Input<string>, ctx: AwsContext): pulumi.Output<string> {
  return interpolate`arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:security-group/${groupId}`;
}

/** `arn:<p>:ec2:<r>:<a>:network-interface/*`. */
export function networkInterfacesArn(ctx: AwsContext): pulumi.Output<string> {
  return interpolate`arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:network-interface/*`;
}

/** Write build logs to one log group (its streams only). */
export function logGroupWriteStatement(logGroupArn: pulumi.Input<string>): PolicyStatement {
  return {
    sid: "WriteBuildLogs",
    actions: [...LOGS_WRITE_ACTIONS],
    resources: [logGroupArn, interpolate`${logGroupArn}:log-stream:*`],
  };
}

/** Write objects under one bucket prefix, and locate the bucket (S3 logs, S3 artifacts, report exports). */
export function s3WriteStatements(
  sidSuffix: string,
  bucketName: pulumi.Input<string>,
  prefix: pulumi.Input<string>,
  ctx: AwsContext,
): PolicyStatement[] {
  return [
    { sid: `Write${sidSuffix}`, actions: [...S3_WRITE_OBJECT_ACTIONS], resources: [prefixObjectsArn(bucketName, prefix, ctx)] },
    { sid: `Locate${sidSuffix}Bucket`, actions: [...S3_BUCKET_LOCATION_ACTIONS], resources: [bucketArn(bucketName, ctx)] },
  ];
}

/** Read and write cache archives under one bucket prefix, and locate the bucket. */
export function s3CacheStatements(bucketName: pulumi.Input<string>, prefix: pulumi.Input<string>, ctx: AwsContext): PolicyStatement[] {
  return [
    { sid: "ReadWriteS3Cache", actions: [...S3_CACHE_OBJECT_ACTIONS], resources: [prefixObjectsArn(bucketName, prefix, ctx)] },
    { sid: "LocateS3CacheBucket", actions: [...S3_BUCKET_LOCATION_ACTIONS], resources: [bucketArn(bucketName, ctx)] },
  ];
}

/** Read the named SSM parameters (given by ARN). */
export function parametersReadStatement(parameterArns: pulumi.Input<string>[]): PolicyStatement {
  return { sid: "ReadParameters", actions: [...SSM_READ_PARAMETER_ACTIONS], resources: parameterArns };
}

/** Read the named secrets (given by ARN or ARN pattern). */
export function secretsReadStatement(secretArns: pulumi.Input<string>[]): PolicyStatement {
  return { sid: "ReadSecrets", actions: [...SECRETS_READ_ACTIONS], resources: secretArns };
}

/** Decrypt with customer keys, only when SSM or Secrets Manager call KMS for the role. */
export function secretsKeyDecryptStatement(keyArns: pulumi.Input<string>[], services: string[], ctx: AwsContext): PolicyStatement {
  return {
    sid: "DecryptParametersAndSecrets",
    actions: [...KMS_DECRYPT_ACTIONS],
    resources: keyArns,
    conditions: { StringEquals: { "kms:ViaService": services.map((s) => viaService(s, ctx)) } },
  };
}

/** Pull a custom build image from one ECR repository. */
export function ecrPullStatements(repositoryArn: pulumi.Input<string>): PolicyStatement[] {
  return [
    { sid: "PullBuildImage", actions: [...ECR_PULL_ACTIONS], resources: [repositoryArn] },
    { sid: "GetEcrAuthorizationToken", actions: [...ECR_AUTH_ACTIONS], resources: ["*"] },
  ];
}

/**
 * What CodeBuild needs to run builds in a VPC: describe calls (no resource-level support),
 * create interfaces only in the build subnets and security groups, delete only interfaces in
 * those subnets, and let only CodeBuild attach interfaces of those subnets.
 */
export function vpcStatements(
  subnetIds: pulumi.Input<string>[],
  securityGroupIds: pulumi.Input<string>[],
  ctx: AwsContext,
): PolicyStatement[] {
  const subnets = subnetIds.map((s) => subnetArn(s, ctx));
  const enis = networkInterfacesArn(ctx);
  return [
    { sid: "DescribeBuildNetwork", actions: [...EC2_DESCRIBE_NETWORK_ACTIONS], resources: ["*"] },
    {
      sid: "CreateBuildNetworkInterfaces",
      actions: [...EC2_CREATE_NETWORK_INTERFACE_ACTIONS],
      resources: [enis, ...subnets, ...securityGroupIds.map((g) => securityGroupArn(g, ctx))],
    },
    {
      sid: "DeleteBuildNetworkInterfaces",
      actions: [...EC2_DELETE_NETWORK_INTERFACE_ACTIONS],
      resources: [enis],
      conditions: { StringEquals: { "ec2:Subnet": subnets } },
    },
    {
      sid: "LetCodeBuildUseBuildNetworkInterfaces",
      actions: [...EC2_NETWORK_INTERFACE_PERMISSION_ACTIONS],
      resources: [enis],
      conditions: { StringEquals: { "ec2:Subnet": subnets, "ec2:AuthorizedService": CODEBUILD_SERVICE_PRINCIPAL } },
    },
  ];
}

/** Write test and coverage reports to the given report groups only (never create groups). */
export function reportsWriteStatement(reportGroupArns: pulumi.Input<string>[]): PolicyStatement {
  return { sid: "WriteReports", actions: [...CODEBUILD_REPORT_ACTIONS], resources: reportGroupArns };
}

/** Clone one CodeCommit repository. */
export function codeCommitPullStatement(repositoryArn: pulumi.Input<string>): PolicyStatement {
  return { sid: "PullSource", actions: [...CODECOMMIT_PULL_ACTIONS], resources: [repositoryArn] };
}
