import * as aws from "@pulumi/aws";
import { expect } from "chai";
import { BeanstalkTarget } from "../../packages/aws-cicd/src/beanstalk";
import { EncryptionKey } from "../../packages/aws-cicd/src/security";
import {
  ACCOUNT,
  calls,
  childrenOf,
  findResource,
  policyStatementsOf,
  recorded,
  resourcesOfType,
  settle,
  trustStatementsOf,
  unwrap,
} from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { deployed, ENV, SECURE_DEFAULTS, SERVICE_ROLE_ARN, settingsOf } from "./beanstalk-target-fixtures";

const APP = "aws:elasticbeanstalk/application:Application";
const NAME = "aws-cicd-test-test-web";

const BASE_INSTANCE_STATEMENTS = [
  {
    Sid: "StreamLogsToEnvironmentLogGroups",
    Effect: "Allow",
    Action: ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"],
    Resource: [`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/elasticbeanstalk/${NAME}/*`],
  },
  {
    Sid: "ReportEnhancedHealth",
    Effect: "Allow",
    Action: ["elasticbeanstalk:PutInstanceStatistics"],
    Resource: [
      `arn:aws:elasticbeanstalk:us-east-1:${ACCOUNT}:application/${NAME}`,
      `arn:aws:elasticbeanstalk:us-east-1:${ACCOUNT}:environment/${NAME}/${NAME}`,
    ],
  },
  {
    Sid: "ReadStagedBundles",
    Effect: "Allow",
    Action: ["s3:GetObject", "s3:GetObjectVersion"],
    Resource: [`arn:aws:s3:::elasticbeanstalk-us-east-1-${ACCOUNT}/resources/environments/*`],
  },
];

/** The log publication statement, attached once the environment exists: only this environment's log prefix. */
const LOG_PUBLICATION_STATEMENT = {
  Sid: "PublishInstanceLogs",
  Effect: "Allow",
  Action: ["s3:PutObject"],
  Resource: [`arn:aws:s3:::elasticbeanstalk-us-east-1-${ACCOUNT}/resources/environments/logs/*/web-environment-id/*`],
};

describe("BeanstalkTarget", () => {
  describe("defaults", () => {
    it("creates a secure single-instance Node.js environment with every always-on setting", async () => {
      const t = new BeanstalkTarget("web");
      await deployed(t);
      const env = findResource(ENV, "web-environment");
      expect(env.inputs).to.include({
        name: NAME,
        application: NAME,
        tier: "WebServer",
        solutionStackName: "64bit Amazon Linux 2023 v6.6.0 running Node.js 22",
      });
      expect(settingsOf("web-environment")).to.deep.equal(SECURE_DEFAULTS("SingleInstance", "AllAtOnce"));
      const stack = calls.filter((c) => c.token === "aws:elasticbeanstalk/getSolutionStack:getSolutionStack");
      expect(stack.map((c) => c.inputs)).to.deep.equal([
        { mostRecent: true, nameRegex: "^64bit Amazon Linux 2023 (.*) running Node.js 22$" },
      ]);
      expect(await unwrap(t.endpointUrl)).to.equal(`${NAME}.us-east-1.elasticbeanstalk.com`);
      expect(await unwrap(t.environmentName)).to.equal(NAME);
      expect(await unwrap(t.applicationName)).to.equal(NAME);
      const component = findResource("aws-cicd:index:BeanstalkTarget", "web");
      expect(
        childrenOf(component)
          .map((c) => `${c.type} ${c.name}`)
          .sort(),
      ).to.deep.equal([
        `${APP} web-application`,
        `${ENV} web-environment`,
        "aws:iam/instanceProfile:InstanceProfile web-instance-profile",
        "aws:iam/role:Role web-instance-role",
        "aws:iam/role:Role web-service-role",
        "aws:iam/rolePolicy:RolePolicy web-instance-log-policy",
        "aws:iam/rolePolicy:RolePolicy web-instance-policy",
        "aws:iam/rolePolicyAttachment:RolePolicyAttachment web-service-role-AWSElasticBeanstalkEnhancedHealth",
        "aws:iam/rolePolicyAttachment:RolePolicyAttachment web-service-role-AWSElasticBeanstalkManagedUpdatesCustomerRolePolicy",
      ]);
      const needed = ["aws:iam/rolePolicy:RolePolicy", "aws:iam/rolePolicyAttachment:RolePolicyAttachment"].flatMap((type) =>
        resourcesOfType(type)
          .filter((r) => r.name !== "web-instance-log-policy")
          .map((r) => r.urn),
      );
      expect(env.options.dependsOn).to.include.members(needed);
      // The log prefix needs the environment id, so that policy comes after the environment.
      expect(env.options.dependsOn).to.not.include(findResource("aws:iam/rolePolicy:RolePolicy", "web-instance-log-policy").urn);
    });

    it("creates an application that keeps 200 versions and their source bundles", async () => {
      const t = new BeanstalkTarget("web");
      await deployed(t);
      expect(findResource(APP, "web-application").inputs).to.deep.equal({
        name: NAME,
        description: "Application of web (aws-cicd)",
        appversionLifecycle: { serviceRole: SERVICE_ROLE_ARN, deleteSourceFromS3: false, maxCount: 200 },
      });
      expect(t.application).to.be.instanceOf(aws.elasticbeanstalk.Application);
    });

    it("gives the instances a least-privilege role that only EC2 assumes, and no managed policy", async () => {
      const t = new BeanstalkTarget("web");
      await deployed(t);
      expect(trustStatementsOf("web-instance-role")).to.deep.equal([
        { Effect: "Allow", Principal: { Service: ["ec2.amazonaws.com"] }, Action: ["sts:AssumeRole"], Resource: [] },
      ]);
      expect(policyStatementsOf("web-instance-role")).to.deep.equal([...BASE_INSTANCE_STATEMENTS, LOG_PUBLICATION_STATEMENT]);
      expect(findResource("aws:iam/instanceProfile:InstanceProfile", "web-instance-profile").inputs).to.deep.equal({
        role: "web-instance-role",
      });
      const attached = resourcesOfType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").map((a) => a.inputs.role);
      expect(attached).to.not.include("web-instance-role");
      expect(await unwrap(t.instanceRole.arn)).to.equal(`arn:aws:iam::${ACCOUNT}:role/web-instance-role`);
    });

    it("gives Elastic Beanstalk a service role with the external id and the two documented managed policies", async () => {
      const t = new BeanstalkTarget("web");
      await deployed(t);
      expect(trustStatementsOf("web-service-role")).to.deep.equal([
        {
          Effect: "Allow",
          Principal: { Service: ["elasticbeanstalk.amazonaws.com"] },
          Action: ["sts:AssumeRole"],
          Resource: [],
          Condition: { StringEquals: { "sts:ExternalId": "elasticbeanstalk" } },
        },
      ]);
      expect(resourcesOfType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").map((a) => a.inputs)).to.deep.equal([
        { role: "web-service-role", policyArn: "arn:aws:iam::aws:policy/service-role/AWSElasticBeanstalkEnhancedHealth" },
        { role: "web-service-role", policyArn: "arn:aws:iam::aws:policy/AWSElasticBeanstalkManagedUpdatesCustomerRolePolicy" },
      ]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("returns the plain data a deploy action needs", async () => {
      const t = new BeanstalkTarget("web");
      expect(await unwrap(t.beanstalkDeployTarget() as any)).to.deep.equal({
        applicationName: NAME,
        environmentName: NAME,
        applicationArn: `arn:aws:elasticbeanstalk:us-east-1:${ACCOUNT}:application/${NAME}`,
        environmentArn: `arn:aws:elasticbeanstalk:us-east-1:${ACCOUNT}:environment/${NAME}/${NAME}`,
        environmentId: "web-environment-id",
        instanceRoleArn: `arn:aws:iam::${ACCOUNT}:role/web-instance-role`,
      });
    });
  });

  describe("shared application", () => {
    it("adds a second environment to the first target's application without creating another", async () => {
      const dev = new BeanstalkTarget("dev");
      const prod = new BeanstalkTarget("prod", { application: dev.application, environmentType: "LoadBalanced" });
      await deployed(dev);
      await deployed(prod);
      expect(resourcesOfType(APP).map((a) => a.name)).to.deep.equal(["dev-application"]);
      expect(findResource(ENV, "prod-environment").inputs.application).to.equal("aws-cicd-test-test-dev");
      expect(await unwrap(prod.applicationName)).to.equal("aws-cicd-test-test-dev");
      expect(prod.application).to.equal(dev.application);
      expect(policyStatementsOf("prod-instance-role")[1].Resource).to.deep.equal([
        `arn:aws:elasticbeanstalk:us-east-1:${ACCOUNT}:application/aws-cicd-test-test-dev`,
        `arn:aws:elasticbeanstalk:us-east-1:${ACCOUNT}:environment/aws-cicd-test-test-dev/aws-cicd-test-test-prod`,
      ]);
    });

    it("accepts a plain { name } and explicit names", async () => {
      const t = new BeanstalkTarget("web", { application: { name: "shop" }, environmentName: "shop-prod" });
      await deployed(t);
      expect(resourcesOfType(APP)).to.deep.equal([]);
      expect(findResource(ENV, "web-environment").inputs).to.include({ application: "shop", name: "shop-prod" });
    });
  });

  describe("environment variables and secrets", () => {
    it("sets plain variables and secret ARNs, and lets the instances read exactly those secrets", async () => {
      const key = new EncryptionKey("k");
      const param = `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/shop/db-password`;
      const secret = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:shop/api-AbCdEf`;
      const t = new BeanstalkTarget("web", {
        environmentVariables: { NODE_ENV: "production", API_TOKEN: "" },
        secrets: { DB_PASSWORD: { ssmParameterArn: param }, API_KEY: { secretsManagerSecretArn: `${secret}:key` } },
        encryptionKey: key,
      });
      await deployed(t);
      await unwrap(key.keyArn);
      await settle();
      expect(settingsOf("web-environment").slice(-4)).to.deep.equal([
        "aws:elasticbeanstalk:application:environment NODE_ENV=production",
        "aws:elasticbeanstalk:application:environment API_TOKEN=",
        `aws:elasticbeanstalk:application:environmentsecrets DB_PASSWORD=${param}`,
        `aws:elasticbeanstalk:application:environmentsecrets API_KEY=${secret}:key`,
      ]);
      expect(policyStatementsOf("web-instance-role")).to.deep.equal([
        ...BASE_INSTANCE_STATEMENTS,
        { Sid: "ReadSecretParameters", Effect: "Allow", Action: ["ssm:GetParameter"], Resource: [param] },
        { Sid: "ReadSecrets", Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: [secret] },
        {
          Sid: "DecryptSecretsThroughServices",
          Effect: "Allow",
          Action: ["kms:Decrypt"],
          Resource: [`arn:aws:kms:us-east-1:${ACCOUNT}:key/k-key-id`],
          Condition: { StringEquals: { "kms:ViaService": ["ssm.us-east-1.amazonaws.com", "secretsmanager.us-east-1.amazonaws.com"] } },
        },
        LOG_PUBLICATION_STATEMENT,
      ]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("accepts the stack's shared key without secrets and grants nothing for it", async () => {
      const t = new BeanstalkTarget("web", { encryptionKey: { keyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/shared` } });
      await deployed(t);
      await settle();
      expect(policyStatementsOf("web-instance-role")).to.deep.equal([...BASE_INSTANCE_STATEMENTS, LOG_PUBLICATION_STATEMENT]);
    });
  });

  describe("validation", () => {
    it("throws before creating any child", async () => {
      expect(() => new BeanstalkTarget("bad", { environmentName: "-bad-" })).to.throw(
        '`environmentName` must be 4 to 40 letters, digits or hyphens, not starting or ending with a hyphen, got "-bad-".',
      );
      expect(
        () =>
          new BeanstalkTarget("bad2", {
            settings: [{ namespace: "aws:elasticbeanstalk:healthreporting:system", name: "SystemType", value: "basic" }],
          }),
      ).to.throw("`settings[0]` must not replace aws:elasticbeanstalk:healthreporting:system SystemType");
      await settle();
      expect(recorded.map((r) => r.type)).to.deep.equal(["aws-cicd:index:BeanstalkTarget", "aws-cicd:index:BeanstalkTarget"]);
    });
  });
});
