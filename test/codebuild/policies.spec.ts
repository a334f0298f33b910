// The BuildProject statement builders and ARN helpers (codebuild/policies.ts) as plain values:
// exact sids, actions, ARNs and conditions, in a partition other than `aws` so that every ARN
// shows it takes the partition, region and account of the context.
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import {
  bucketArn,
  buildProjectArn,
  buildspecReportGroupsArn,
  buildspecReportsStatement,
  codeCommitPullStatement,
  ecrPullStatements,
  isCompleteSecretArn,
  logGroupWriteStatement,
  networkInterfacesArn,
  parameterArn,
  parametersReadStatement,
  prefixObjectsArn,
  reportsWriteStatement,
  s3CacheStatements,
  s3WriteStatements,
  secretArn,
  secretIdOf,
  secretsKeyDecryptStatement,
  secretsReadStatement,
  securityGroupArn,
  subnetArn,
  vpcStatements,
} from "../../packages/aws-cicd/src/codebuild/policies";
import { PolicyStatement } from "../../packages/aws-cicd/src/security/iam";
import { unwrap } from "../harness";

const CTX = {
  accountId: pulumi.output("444455556666"),
  partition: pulumi.output("aws-cn"),
  region: pulumi.output("cn-northwest-1"),
  dnsSuffix: pulumi.output("amazonaws.com.cn"),
};
/** `arn:aws-cn:<service>:cn-northwest-1:444455556666:`. */
const arn = (service: string) => `arn:aws-cn:${service}:cn-northwest-1:444455556666:`;

/** The statements with every Output resolved. */
async function resolved(statements: PolicyStatement[]): Promise<unknown[]> {
  return Promise.all(statements.map(async (s) => JSON.parse(JSON.stringify(await unwrap(s as never)))));
}

describe("BuildProject", () => {
  describe("ARNs from the context", () => {
    it("builds project, report-group prefix, bucket, prefix, subnet, security group and interface ARNs", async () => {
      expect(await unwrap(buildProjectArn("app-build", CTX))).to.equal(`${arn("codebuild")}project/app-build`);
      expect(await unwrap(buildspecReportGroupsArn(pulumi.output("app-build"), CTX))).to.equal(
        `${arn("codebuild")}report-group/app-build-*`,
      );
      expect(await unwrap(bucketArn("logs", CTX))).to.equal("arn:aws-cn:s3:::logs");
      expect(await unwrap(prefixObjectsArn("logs", "app/build", CTX))).to.equal("arn:aws-cn:s3:::logs/app/build/*");
      expect(await unwrap(subnetArn("subnet-0aaaaaaaaaaaaaaaa", CTX))).to.equal(`${arn("ec2")}subnet/subnet-0aaaaaaaaaaaaaaaa`);
      expect(await unwrap(securityGroupArn("sg-0cccccccccccccccc", CTX))).to.equal(`${arn("ec2")}security-group/sg-0cccccccccccccccc`);
      expect(await unwrap(networkInterfacesArn(CTX))).to.equal(`${arn("ec2")}network-interface/*`);
    });

    it("removes only a leading slash from a parameter name", async () => {
      expect(await unwrap(parameterArn("/app/db", CTX))).to.equal(`${arn("ssm")}parameter/app/db`);
      expect(await unwrap(parameterArn("app/db", CTX))).to.equal(`${arn("ssm")}parameter/app/db`);
      expect(await unwrap(parameterArn(`${arn("ssm")}parameter/x`, CTX))).to.equal(`${arn("ssm")}parameter/x`);
    });
  });

  describe("secret references", () => {
    it("takes the secret id of a reference, and leaves a reference with too many fields as it is", () => {
      expect(secretIdOf("prod/db:password:AWSCURRENT")).to.equal("prod/db");
      expect(secretIdOf(`${arn("secretsmanager")}secret:db-AbCdEf:password`)).to.equal(`${arn("secretsmanager")}secret:db-AbCdEf`);
      expect(secretIdOf("prod/db:a:b:c:d")).to.equal("prod/db:a:b:c:d");
    });

    it("tells complete secret ARNs (6 random letters or digits after a dash) from partial ones", () => {
      const secret = `${arn("secretsmanager")}secret:`;
      expect(isCompleteSecretArn(`${secret}db-AbCd12`)).to.equal(true);
      expect(isCompleteSecretArn(`${secret}db-AbCd1`)).to.equal(false);
      expect(isCompleteSecretArn(`${secret}db-AbCd12x`)).to.equal(false);
      expect(isCompleteSecretArn(`${secret}db_AbCd12`)).to.equal(false);
      expect(isCompleteSecretArn(`${secret}db`)).to.equal(false);
    });

    it("matches the random suffix of a name or partial ARN, and keeps a complete ARN", async () => {
      expect(await unwrap(secretArn("prod/db:password", CTX))).to.equal(`${arn("secretsmanager")}secret:prod/db-??????`);
      expect(await unwrap(secretArn(`${arn("secretsmanager")}secret:prod/db`, CTX))).to.equal(
        `${arn("secretsmanager")}secret:prod/db-??????`,
      );
      const complete = `${arn("secretsmanager")}secret:prod/db-AbCd12`;
      expect(await unwrap(secretArn(pulumi.output(`${complete}:password::`), CTX))).to.equal(complete);
    });
  });

  describe("statements", () => {
    it("writes logs to the log group and its streams", async () => {
      const group = `${arn("logs")}log-group:/aws/codebuild/app`;
      expect(await resolved([logGroupWriteStatement(group)])).to.deep.equal([
        { sid: "WriteBuildLogs", actions: ["logs:CreateLogStream", "logs:PutLogEvents"], resources: [group, `${group}:log-stream:*`] },
      ]);
    });

    it("writes objects under one prefix and locates the bucket, under the given sid suffix", async () => {
      expect(await resolved(s3WriteStatements("S3Logs", "logs", "app", CTX))).to.deep.equal([
        { sid: "WriteS3Logs", actions: ["s3:PutObject"], resources: ["arn:aws-cn:s3:::logs/app/*"] },
        { sid: "LocateS3LogsBucket", actions: ["s3:GetBucketAcl", "s3:GetBucketLocation"], resources: ["arn:aws-cn:s3:::logs"] },
      ]);
    });

    it("reads and writes cache archives under one prefix and locates the bucket", async () => {
      expect(await resolved(s3CacheStatements("cache", "app/cache", CTX))).to.deep.equal([
        { sid: "ReadWriteS3Cache", actions: ["s3:GetObject", "s3:PutObject"], resources: ["arn:aws-cn:s3:::cache/app/cache/*"] },
        { sid: "LocateS3CacheBucket", actions: ["s3:GetBucketAcl", "s3:GetBucketLocation"], resources: ["arn:aws-cn:s3:::cache"] },
      ]);
    });

    it("reads exactly the named parameters and secrets", () => {
      const parameters = [`${arn("ssm")}parameter/a`, `${arn("ssm")}parameter/b`];
      expect(parametersReadStatement(parameters)).to.deep.equal({
        sid: "ReadParameters",
        actions: ["ssm:GetParameters"],
        resources: parameters,
      });
      const secrets = [`${arn("secretsmanager")}secret:a-??????`];
      expect(secretsReadStatement(secrets)).to.deep.equal({
        sid: "ReadSecrets",
        actions: ["secretsmanager:GetSecretValue"],
        resources: secrets,
      });
    });

    it("decrypts with the given keys only through the given services, in the context's region and partition", async () => {
      const keys = [`${arn("kms")}key/a`, `${arn("kms")}key/b`];
      expect(await resolved([secretsKeyDecryptStatement(keys, ["ssm", "secretsmanager"], CTX)])).to.deep.equal([
        {
          sid: "DecryptParametersAndSecrets",
          actions: ["kms:Decrypt"],
          resources: keys,
          conditions: {
            StringEquals: { "kms:ViaService": ["ssm.cn-northwest-1.amazonaws.com.cn", "secretsmanager.cn-northwest-1.amazonaws.com.cn"] },
          },
        },
      ]);
    });

    it("pulls the image from one repository, and gets the registry token on `*` (it takes no resource)", () => {
      const repo = `${arn("ecr")}repository/builder`;
      expect(ecrPullStatements(repo)).to.deep.equal([
        {
          sid: "PullBuildImage",
          actions: ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
          resources: [repo],
        },
        { sid: "GetEcrAuthorizationToken", actions: ["ecr:GetAuthorizationToken"], resources: ["*"] },
      ]);
    });

    it("creates, deletes and lets CodeBuild attach interfaces only in the build subnets and security groups", async () => {
      const subnets = [`${arn("ec2")}subnet/subnet-0aaaaaaaaaaaaaaaa`, `${arn("ec2")}subnet/subnet-0bbbbbbbbbbbbbbbb`];
      const enis = `${arn("ec2")}network-interface/*`;
      const statements = vpcStatements(
        ["subnet-0aaaaaaaaaaaaaaaa", pulumi.output("subnet-0bbbbbbbbbbbbbbbb")],
        ["sg-0cccccccccccccccc"],
        CTX,
      );
      expect(await resolved(statements)).to.deep.equal([
        {
          sid: "DescribeBuildNetwork",
          actions: [
            "ec2:DescribeDhcpOptions",
            "ec2:DescribeNetworkInterfaces",
            "ec2:DescribeSecurityGroups",
            "ec2:DescribeSubnets",
            "ec2:DescribeVpcs",
          ],
          resources: ["*"],
        },
        {
          sid: "CreateBuildNetworkInterfaces",
          actions: ["ec2:CreateNetworkInterface"],
          resources: [enis, ...subnets, `${arn("ec2")}security-group/sg-0cccccccccccccccc`],
        },
        {
          sid: "DeleteBuildNetworkInterfaces",
          actions: ["ec2:DeleteNetworkInterface"],
          resources: [enis],
          conditions: { StringEquals: { "ec2:Subnet": subnets } },
        },
        {
          sid: "LetCodeBuildUseBuildNetworkInterfaces",
          actions: ["ec2:CreateNetworkInterfacePermission"],
          resources: [enis],
          conditions: { StringEquals: { "ec2:Subnet": subnets, "ec2:AuthorizedService": "codebuild.amazonaws.com" } },
        },
      ]);
    });

    it("writes reports to the given report groups without creating any", () => {
      const groups = [`${arn("codebuild")}report-group/app-unit`];
      expect(reportsWriteStatement(groups)).to.deep.equal({
        sid: "WriteReports",
        actions: ["codebuild:BatchPutCodeCoverages", "codebuild:BatchPutTestCases", "codebuild:CreateReport", "codebuild:UpdateReport"],
        resources: groups,
      });
    });

    it("creates and writes the report groups of the project's prefix for a buildspec file's reports", async () => {
      expect(await resolved([buildspecReportsStatement("app-build", CTX)])).to.deep.equal([
        {
          sid: "WriteBuildspecFileReports",
          actions: [
            "codebuild:BatchPutCodeCoverages",
            "codebuild:BatchPutTestCases",
            "codebuild:CreateReport",
            "codebuild:CreateReportGroup",
            "codebuild:UpdateReport",
          ],
          resources: [`${arn("codebuild")}report-group/app-build-*`],
        },
      ]);
    });

    it("clones one CodeCommit repository", () => {
      const repo = `${arn("codecommit")}app`;
      expect(codeCommitPullStatement(repo)).to.deep.equal({ sid: "PullSource", actions: ["codecommit:GitPull"], resources: [repo] });
    });
  });
});
