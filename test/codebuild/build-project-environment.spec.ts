import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { BuildProject } from "../../packages/aws-cicd/src/codebuild";
import { ACCOUNT } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { baseStatements, capturedWarnings, deployed, fileReportsStatement } from "./build-project-fixtures";

const REPO_ARN = `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/tools/builder`;

describe("BuildProject", () => {
  describe("image and compute", () => {
    it("runs the managed ARM image on an ARM container", async () => {
      const { project, statements } = await deployed(
        new BuildProject("build", { image: { managed: "arm64" }, computeType: "BUILD_GENERAL1_LARGE" }),
      );
      expect(project.inputs.environment).to.deep.equal({
        type: "ARM_CONTAINER",
        image: "aws/codebuild/amazonlinux-aarch64-standard:4.0",
        computeType: "BUILD_GENERAL1_LARGE",
        imagePullCredentialsType: "CODEBUILD",
        privilegedMode: false,
      });
      expect(statements).to.deep.equal([...baseStatements(), fileReportsStatement()]);
    });

    it("accepts another managed image id and picks the container type from it", async () => {
      const { project } = await deployed(
        new BuildProject("build", { image: { managed: "aws/codebuild/amazonlinux2-aarch64-standard:3.0" } }),
      );
      expect(project.inputs.environment).to.deep.include({
        type: "ARM_CONTAINER",
        image: "aws/codebuild/amazonlinux2-aarch64-standard:3.0",
      });
      const x86 = await deployed(new BuildProject("x86", { image: { managed: "aws/codebuild/standard:7.0" } }), "x86");
      expect(x86.project.inputs.environment).to.deep.include({ type: "LINUX_CONTAINER", image: "aws/codebuild/standard:7.0" });
    });

    it("pulls an ECR image with the service role, which may pull only from that repository", async () => {
      const { project, statements } = await deployed(
        new BuildProject("build", { image: { ecr: { repositoryArn: REPO_ARN, tag: "1.4.2" } } }),
      );
      expect(project.inputs.environment).to.deep.equal({
        type: "LINUX_CONTAINER",
        image: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/tools/builder:1.4.2`,
        computeType: "BUILD_GENERAL1_SMALL",
        imagePullCredentialsType: "SERVICE_ROLE",
        privilegedMode: false,
      });
      expect(statements).to.deep.equal([
        ...baseStatements(),
        {
          Sid: "PullBuildImage",
          Effect: "Allow",
          Action: ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
          Resource: [REPO_ARN],
        },
        { Sid: "GetEcrAuthorizationToken", Effect: "Allow", Action: ["ecr:GetAuthorizationToken"], Resource: ["*"] },
        fileReportsStatement(),
      ]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("pins an ECR image by digest, uses a given repository URL and an ARM architecture", async () => {
      const digest = `sha256:${"a".repeat(64)}`;
      const url = pulumi.output(`${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/tools/builder`);
      const { project } = await deployed(
        new BuildProject("build", { image: { ecr: { repositoryArn: REPO_ARN, repositoryUrl: url, tag: digest, architecture: "arm64" } } }),
      );
      expect(project.inputs.environment).to.deep.include({
        type: "ARM_CONTAINER",
        image: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/tools/builder@${digest}`,
        imagePullCredentialsType: "SERVICE_ROLE",
      });
    });

    it("runs privileged only when Docker builds are asked for", async () => {
      const { project, statements } = await deployed(new BuildProject("build", { dockerBuilds: true }));
      expect(project.inputs.environment.privilegedMode).to.equal(true);
      expect(statements).to.deep.equal([...baseStatements(), fileReportsStatement()]);
    });

    it("warns, on the component, that Docker builds run privileged", async () => {
      let p: BuildProject | undefined;
      const warnings = await capturedWarnings(() => deployed((p = new BuildProject("build", { dockerBuilds: true }))));
      expect(warnings.map((w) => w.message)).to.deep.equal([
        "BuildProject build: builds run in privileged mode (`dockerBuilds: true`), with root access to the build host's kernel features; build only trusted sources (Checkov CKV_AWS_316).",
      ]);
      expect(warnings[0].resource).to.equal(p);
      expect(await capturedWarnings(() => deployed(new BuildProject("quiet", {}), "quiet"))).to.deep.equal([]);
    });
  });

  describe("environment variables", () => {
    it("passes plain values, parameters and secrets, and lets the role read exactly those", async () => {
      const { project, statements } = await deployed(
        new BuildProject("build", {
          environmentVariables: {
            STAGE: { value: "prod" },
            DB_URL: { parameter: "/app/db-url" },
            FLAG: { parameter: "feature-flag" },
            SHARED: { parameter: `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/shared/x` },
            API_TOKEN: { secret: "prod/api:token" },
            DB_PASSWORD: { secret: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:db-AbCdEf:password::` },
          },
        }),
      );
      expect(project.inputs.environment.environmentVariables).to.deep.equal([
        { name: "STAGE", type: "PLAINTEXT", value: "prod" },
        { name: "DB_URL", type: "PARAMETER_STORE", value: "/app/db-url" },
        { name: "FLAG", type: "PARAMETER_STORE", value: "feature-flag" },
        { name: "SHARED", type: "PARAMETER_STORE", value: `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/shared/x` },
        { name: "API_TOKEN", type: "SECRETS_MANAGER", value: "prod/api:token" },
        { name: "DB_PASSWORD", type: "SECRETS_MANAGER", value: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:db-AbCdEf:password::` },
      ]);
      expect(statements).to.deep.equal([
        ...baseStatements(),
        {
          Sid: "ReadParameters",
          Effect: "Allow",
          Action: ["ssm:GetParameters"],
          Resource: [
            `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/app/db-url`,
            `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/feature-flag`,
            `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/shared/x`,
          ],
        },
        {
          Sid: "ReadSecrets",
          Effect: "Allow",
          Action: ["secretsmanager:GetSecretValue"],
          Resource: [
            `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/api-??????`,
            `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:db-AbCdEf`,
          ],
        },
        fileReportsStatement(),
      ]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("adds the parameters and secrets the buildSpec env references, once each", async () => {
      const { statements } = await deployed(
        new BuildProject("build", {
          environmentVariables: { DB_URL: { parameter: "/app/db-url" } },
          buildSpec: {
            env: { "parameter-store": { DB: "/app/db-url", OTHER: "/app/other" }, "secrets-manager": { TOKEN: "prod/token:key" } },
            phases: { build: { commands: ["make"] } },
          },
        }),
      );
      expect(statements.slice(2)).to.deep.equal([
        {
          Sid: "ReadParameters",
          Effect: "Allow",
          Action: ["ssm:GetParameters"],
          Resource: [`arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/app/db-url`, `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/app/other`],
        },
        {
          Sid: "ReadSecrets",
          Effect: "Allow",
          Action: ["secretsmanager:GetSecretValue"],
          Resource: [`arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/token-??????`],
        },
      ]);
    });

    it("lets the role decrypt with the secrets' customer keys only through SSM and Secrets Manager", async () => {
      const secretsKey = `arn:aws:kms:us-east-1:${ACCOUNT}:key/secrets`;
      const { statements } = await deployed(
        new BuildProject("build", {
          environmentVariables: { DB_URL: { parameter: "/app/db-url" }, TOKEN: { secret: "prod/token" } },
          secretsKeyArns: [secretsKey],
        }),
      );
      expect(statements[statements.length - 2]).to.deep.equal({
        Sid: "DecryptParametersAndSecrets",
        Effect: "Allow",
        Action: ["kms:Decrypt"],
        Resource: [secretsKey],
        Condition: { StringEquals: { "kms:ViaService": ["ssm.us-east-1.amazonaws.com", "secretsmanager.us-east-1.amazonaws.com"] } },
      });
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("limits the key grant to SSM when only parameters are read", async () => {
      const { statements } = await deployed(
        new BuildProject("build", {
          environmentVariables: { DB_URL: { parameter: "/app/db-url" } },
          secretsKeyArns: ["arn:aws:kms:us-east-1:123456789012:key/k"],
        }),
      );
      expect(statements[statements.length - 2].Condition).to.deep.equal({
        StringEquals: { "kms:ViaService": ["ssm.us-east-1.amazonaws.com"] },
      });
    });

    it("accepts a computed plain value whose name does not announce a secret", async () => {
      const { project } = await deployed(
        new BuildProject("build", { environmentVariables: { BUCKET: { value: pulumi.output("artifacts-bucket") } } }),
      );
      expect(project.inputs.environment.environmentVariables).to.deep.equal([
        { name: "BUCKET", type: "PLAINTEXT", value: "artifacts-bucket" },
      ]);
    });
  });
});
