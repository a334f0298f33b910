import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { BeanstalkTargetArgs, defaultBeanstalkEnvironmentName, validateBeanstalkTargetArgs } from "../../packages/aws-cicd/src/beanstalk";
import { BeanstalkTarget } from "../../packages/aws-cicd/src/beanstalk";
import { recorded, settle } from "../harness";

const A = "123456789012";

describe("BeanstalkTarget", () => {
  describe("validation of args", () => {
    const cases: [string, BeanstalkTargetArgs, string][] = [
      [
        "a short environment name",
        { environmentName: "abc" },
        '`environmentName` must be 4 to 40 letters, digits or hyphens, not starting or ending with a hyphen, got "abc".',
      ],
      [
        "an environment name with an underscore",
        { environmentName: "my_env" },
        '`environmentName` must be 4 to 40 letters, digits or hyphens, not starting or ending with a hyphen, got "my_env".',
      ],
      [
        "an environment name ending with a hyphen",
        { environmentName: "prod-" },
        '`environmentName` must be 4 to 40 letters, digits or hyphens, not starting or ending with a hyphen, got "prod-".',
      ],
      [
        "an environment name over 40 characters",
        { environmentName: "a".repeat(41) },
        `\`environmentName\` must be 4 to 40 letters, digits or hyphens, not starting or ending with a hyphen, got "${"a".repeat(41)}".`,
      ],
      [
        "an application name with a slash",
        { applicationName: "a/b" },
        '`applicationName` must be 1 to 100 characters without "/", got "a/b".',
      ],
      [
        "an application name with a shared application",
        { application: { name: "x" }, applicationName: "y" },
        "`applicationName` applies to a created application; remove it or remove `application`.",
      ],
      [
        "a lifecycle with a shared application",
        { application: { name: "x" }, applicationVersionLifecycle: { maxCount: 5 } },
        "`applicationVersionLifecycle` applies to a created application; remove it or remove `application`.",
      ],
      [
        "a lifecycle with both limits",
        { applicationVersionLifecycle: { maxCount: 5, maxAgeInDays: 5 } },
        "`applicationVersionLifecycle` takes exactly one of `maxCount` and `maxAgeInDays`.",
      ],
      [
        "a lifecycle without a limit",
        { applicationVersionLifecycle: {} },
        "`applicationVersionLifecycle` takes exactly one of `maxCount` and `maxAgeInDays`.",
      ],
      [
        "too many versions",
        { applicationVersionLifecycle: { maxCount: 1001 } },
        "`applicationVersionLifecycle.maxCount` must be a whole number from 1 to 1000, got 1001.",
      ],
      [
        "too old versions",
        { applicationVersionLifecycle: { maxAgeInDays: 181 } },
        "`applicationVersionLifecycle.maxAgeInDays` must be a whole number from 1 to 180, got 181.",
      ],
      [
        "both solution stack args",
        { solutionStackName: "x", solutionStackRegex: "y" },
        "Give either `solutionStackName` or `solutionStackRegex`, not both.",
      ],
      ["a broken regex", { solutionStackRegex: "(" }, '`solutionStackRegex` is not a valid regular expression, got "(".'],
      ["a bad instance type", { instanceType: "micro" }, '`instanceType` must be an EC2 instance type such as "t4g.micro", got "micro".'],
      [
        "an unknown environment type",
        { environmentType: "Worker" as any },
        '`environmentType` must be "SingleInstance" or "LoadBalanced", got "Worker".',
      ],
      ["minSize on a single instance", { minSize: 1 }, '`minSize` applies to `environmentType: "LoadBalanced"` only.'],
      ["maxSize on a single instance", { maxSize: 1 }, '`maxSize` applies to `environmentType: "LoadBalanced"` only.'],
      [
        "load balancer subnets on a single instance",
        { vpc: { vpcId: "v", instanceSubnetIds: ["s"], loadBalancerSubnetIds: ["t"] } },
        '`vpc.loadBalancerSubnetIds` applies to `environmentType: "LoadBalanced"` only.',
      ],
      ["a zero minSize", { environmentType: "LoadBalanced", minSize: 0 }, "`minSize` must be a whole number from 1 to 10000, got 0."],
      [
        "a huge maxSize",
        { environmentType: "LoadBalanced", maxSize: 10001 },
        "`maxSize` must be a whole number from 1 to 10000, got 10001.",
      ],
      [
        "a fractional maxSize",
        { environmentType: "LoadBalanced", maxSize: 1.5 },
        "`maxSize` must be a whole number from 1 to 10000, got 1.5.",
      ],
      [
        "minSize above maxSize",
        { environmentType: "LoadBalanced", minSize: 3, maxSize: 2 },
        "`minSize` (3) must not be greater than `maxSize` (2).",
      ],
      [
        "a rolling single instance",
        { deploymentPolicy: "Rolling" },
        '`deploymentPolicy` for a SingleInstance environment must be one of AllAtOnce, Immutable, got "Rolling".',
      ],
      [
        "an unknown policy",
        { environmentType: "LoadBalanced", deploymentPolicy: "Blue" },
        '`deploymentPolicy` for a LoadBalanced environment must be one of AllAtOnce, Rolling, RollingWithAdditionalBatch, Immutable, TrafficSplitting, got "Blue".',
      ],
      [
        "a VPC without subnets",
        { vpc: { vpcId: "v", instanceSubnetIds: [] } },
        "`vpc.instanceSubnetIds` must list at least one subnet, got [].",
      ],
      [
        "empty load balancer subnets",
        { environmentType: "LoadBalanced", vpc: { vpcId: "v", instanceSubnetIds: ["s"], loadBalancerSubnetIds: [] } },
        "`vpc.loadBalancerSubnetIds` must list at least one subnet when given.",
      ],
      [
        "a bad variable name",
        { environmentVariables: { "1X": "a" } },
        '`environmentVariables` names must be letters, digits and "_", not starting with a digit, up to 128 characters, got "1X".',
      ],
      [
        "a password in a variable",
        { environmentVariables: { DB_PASSWORD: "hunter2" } },
        "`environmentVariables.DB_PASSWORD` looks like a credential (its name says it holds a secret); store it in SSM Parameter Store or Secrets Manager and pass it in `secrets`.",
      ],
      [
        "an access key in a variable",
        { environmentVariables: { ID: "AKIAABCDEFGHIJKLMNOP" } },
        "`environmentVariables.ID` looks like a credential (its value is an AWS access key id); store it in SSM Parameter Store or Secrets Manager and pass it in `secrets`.",
      ],
      [
        "a number as a variable",
        { environmentVariables: { PORT: 8080 as any } },
        "`environmentVariables.PORT` must be a string, got number.",
      ],
      [
        "a bad secret name",
        { secrets: { "a-b": { ssmParameterArn: "x" } } },
        '`secrets` names must be letters, digits and "_", not starting with a digit, up to 128 characters, got "a-b".',
      ],
      [
        "a name in both maps",
        { environmentVariables: { X: "1" }, secrets: { X: { ssmParameterArn: `arn:aws:ssm:us-east-1:${A}:parameter/x` } } },
        "`X` is in both `environmentVariables` and `secrets`; keep it in one.",
      ],
      [
        "a secret with two sources",
        { secrets: { X: { ssmParameterArn: "a", secretsManagerSecretArn: "b" } } },
        "`secrets.X` takes exactly one of `ssmParameterArn` and `secretsManagerSecretArn`.",
      ],
      [
        "a secret with no source",
        { secrets: { X: {} } },
        "`secrets.X` takes exactly one of `ssmParameterArn` and `secretsManagerSecretArn`.",
      ],
      [
        "a parameter name instead of an ARN",
        { secrets: { X: { ssmParameterArn: "/shop/db" } } },
        '`secrets.X.ssmParameterArn` must be a parameter ARN (arn:aws:ssm:<region>:<account>:parameter/<name>), got "/shop/db".',
      ],
      [
        "a secret name instead of an ARN",
        { secrets: { X: { secretsManagerSecretArn: "shop/db" } } },
        '`secrets.X.secretsManagerSecretArn` must be a secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>), got "shop/db".',
      ],
      [
        "an unsupported retention",
        { logRetentionInDays: 10 },
        "`logRetentionInDays` must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1827, 3653, got 10.",
      ],
      [
        "a bad update window",
        { managedUpdates: { preferredStartTime: "Sunday 10:00" } },
        '`managedUpdates.preferredStartTime` must be "Day:HH:MM" in UTC with Day one of Sun, Mon, Tue, Wed, Thu, Fri, Sat, got "Sunday 10:00".',
      ],
      [
        "a bad update level",
        { managedUpdates: { updateLevel: "major" as any } },
        '`managedUpdates.updateLevel` must be "minor" or "patch", got "major".',
      ],
    ];
    for (const [what, args, message] of cases) {
      it(`throws for ${what}`, () => expect(() => validateBeanstalkTargetArgs(args)).to.throw(message));
    }

    it("checks the name of a variable given as an Output now (its value when it resolves)", () => {
      expect(() => validateBeanstalkTargetArgs({ environmentVariables: { DB_PASSWORD: pulumi.output("later") } })).to.throw(
        "`environmentVariables.DB_PASSWORD` looks like a credential (its name says it holds a secret); store it in SSM Parameter Store or Secrets Manager and pass it in `secrets`.",
      );
    });

    it("accepts Output values and ARNs it cannot check yet", () => {
      expect(() =>
        validateBeanstalkTargetArgs({
          environmentVariables: { DB_HOST: pulumi.output("not checked") },
          secrets: { S: { secretsManagerSecretArn: pulumi.output("arn") } },
        }),
      ).to.not.throw();
    });

    it("throws from the component before any child is registered", async () => {
      expect(() => new BeanstalkTarget("bad", { environmentType: "LoadBalanced", minSize: 5, maxSize: 2 })).to.throw(
        "`minSize` (5) must not be greater than `maxSize` (2).",
      );
      await settle();
      expect(recorded.map((r) => `${r.type} ${r.name}`)).to.deep.equal(["aws-cicd:index:BeanstalkTarget bad"]);
    });
  });

  describe("validation of settings", () => {
    const S = (namespace: string, name: string, value: any = "x", resource?: string) => ({
      settings: [{ namespace, name, value, resource }],
    });
    const cases: [string, BeanstalkTargetArgs, string][] = [
      [
        "a namespace without aws:",
        S("elasticbeanstalk:environment", "X"),
        '`settings[0]` namespace must look like "aws:<service>:<section>", e.g. "aws:elasticbeanstalk:environment:process:default", got "elasticbeanstalk:environment".',
      ],
      [
        "a namespace with one part",
        S("aws:ec2", "X"),
        '`settings[0]` namespace must look like "aws:<service>:<section>", e.g. "aws:elasticbeanstalk:environment:process:default", got "aws:ec2".',
      ],
      ["an empty name", S("aws:ec2:vpc", ""), '`settings[0]` name must be a non-empty option name without spaces, got "".'],
      [
        "a boolean value",
        S("aws:elbv2:loadbalancer", "IdleTimeout", 60),
        '`settings[0]` value must be a string (write "60" in quotes), got number.',
      ],
      [
        "a resource outside scheduled actions",
        S("aws:elbv2:loadbalancer", "IdleTimeout", "60", "R"),
        '`settings[0]` resource applies to the "aws:autoscaling:scheduledaction" namespace only, got namespace "aws:elbv2:loadbalancer".',
      ],
      [
        "an environment variable",
        S("aws:elasticbeanstalk:application:environment", "A"),
        '`settings[0]` must not use namespace "aws:elasticbeanstalk:application:environment"; use `environmentVariables` instead.',
      ],
      [
        "a secret",
        S("aws:elasticbeanstalk:application:environmentsecrets", "A"),
        '`settings[0]` must not use namespace "aws:elasticbeanstalk:application:environmentsecrets"; use `secrets` instead.',
      ],
      [
        "a typed setting",
        S("aws:autoscaling:asg", "MaxSize", "4"),
        "`settings[0]` must not set aws:autoscaling:asg MaxSize; use `maxSize` instead.",
      ],
      [
        "the instance type",
        S("aws:autoscaling:launchconfiguration", "InstanceType", "t3.large"),
        "`settings[0]` must not set aws:autoscaling:launchconfiguration InstanceType; use `instanceType` instead.",
      ],
      [
        "IMDSv1",
        S("aws:autoscaling:launchconfiguration", "DisableIMDSv1", "false"),
        "`settings[0]` must not replace aws:autoscaling:launchconfiguration DisableIMDSv1, which keeps IMDSv2 only, EC2.8; set `allowInsecureSettingOverrides: true` to replace it.",
      ],
      [
        "basic health",
        S("aws:elasticbeanstalk:healthreporting:system", "SystemType", "basic"),
        "`settings[0]` must not replace aws:elasticbeanstalk:healthreporting:system SystemType, which keeps enhanced health reporting, ElasticBeanstalk.1; set `allowInsecureSettingOverrides: true` to replace it.",
      ],
      [
        "no log streaming",
        S("aws:elasticbeanstalk:cloudwatch:logs", "StreamLogs", "false"),
        "`settings[0]` must not replace aws:elasticbeanstalk:cloudwatch:logs StreamLogs, which keeps log streaming to CloudWatch, ElasticBeanstalk.3; set `allowInsecureSettingOverrides: true` to replace it.",
      ],
      [
        "no managed updates",
        S("aws:elasticbeanstalk:managedactions", "ManagedActionsEnabled", "false"),
        "`settings[0]` must not replace aws:elasticbeanstalk:managedactions ManagedActionsEnabled, which keeps managed platform updates, ElasticBeanstalk.2; set `allowInsecureSettingOverrides: true` to replace it.",
      ],
      [
        "no log publication",
        S("aws:elasticbeanstalk:hostmanager", "LogPublicationControl", "false"),
        "`settings[0]` must not replace aws:elasticbeanstalk:hostmanager LogPublicationControl, which keeps instance log publication to S3, EB4; set `allowInsecureSettingOverrides: true` to replace it.",
      ],
      [
        "another instance profile",
        S("aws:autoscaling:launchconfiguration", "IamInstanceProfile", "admin"),
        "`settings[0]` must not replace aws:autoscaling:launchconfiguration IamInstanceProfile, which keeps the least-privilege instance profile; set `allowInsecureSettingOverrides: true` to replace it.",
      ],
      [
        "a duplicate",
        {
          settings: [
            { namespace: "aws:elbv2:loadbalancer", name: "IdleTimeout", value: "60" },
            { namespace: "aws:elbv2:loadbalancer", name: "IdleTimeout", value: "90" },
          ],
        },
        "`settings[1]` sets aws:elbv2:loadbalancer IdleTimeout a second time.",
      ],
    ];
    for (const [what, args, message] of cases) {
      it(`throws for ${what}`, () => expect(() => validateBeanstalkTargetArgs(args)).to.throw(message));
    }

    it("still refuses typed settings with the opt-out", () => {
      expect(() => validateBeanstalkTargetArgs({ allowInsecureSettingOverrides: true, ...S("aws:ec2:vpc", "VPCId", "vpc-1") })).to.throw(
        "`settings[0]` must not set aws:ec2:vpc VPCId; use `vpc` instead.",
      );
    });
  });

  describe("default environment name", () => {
    it("is stack scoped, at most 40 characters, without underscores or edge hyphens", () => {
      expect(defaultBeanstalkEnvironmentName("web")).to.equal("aws-cicd-test-test-web");
      // Sanitized or shortened names end with the first 6 hex digits of the SHA-256 of `<project>-<stack>-<name>`.
      expect(defaultBeanstalkEnvironmentName("my_service")).to.equal("aws-cicd-test-test-my-service-ff8fc7");
      expect(defaultBeanstalkEnvironmentName("my-service")).to.equal("aws-cicd-test-test-my-service");
      const long = defaultBeanstalkEnvironmentName("a-very-long-component-name-");
      expect(long).to.equal("aws-cicd-test-test-a-very-long-co-677fba");
      expect(long.length).to.be.at.most(40);
    });
  });
});
