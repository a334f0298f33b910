import { expect } from "chai";
import { BeanstalkTargetArgs, validateBeanstalkTargetArgs } from "../../packages/aws-cicd/src/beanstalk";

const validate = (args: object) => validateBeanstalkTargetArgs(args as BeanstalkTargetArgs);
const LB = { environmentType: "LoadBalanced" };
const APP_NAME_RULE = '`applicationName` must be 1 to 100 characters without "/", got';
const INSTANCE_RULE = '`instanceType` must be an EC2 instance type such as "t4g.micro", got';
const ALLOW_RULE = "`allowPlaintextVariables` must name variables of `environmentVariables`, got";

describe("BeanstalkTarget validation (pure): each argument", () => {
  describe("accepts", () => {
    it("values at their limits", () => {
      expect(() =>
        validate({
          ...LB,
          environmentName: "a".repeat(40),
          applicationName: "a".repeat(100),
          applicationVersionLifecycle: { maxCount: 1000 },
          instanceType: "c7gn.16xlarge",
          minSize: 10000,
          maxSize: 10000,
          managedUpdates: { preferredStartTime: "Sun:23:59", updateLevel: "patch" },
        }),
      ).to.not.throw();
      expect(() =>
        validate({ ...LB, applicationName: "a", applicationVersionLifecycle: { maxAgeInDays: 180 }, minSize: 1, maxSize: 1 }),
      ).to.not.throw();
      expect(() => validate({ applicationVersionLifecycle: { maxCount: 1 }, managedUpdates: { updateLevel: "minor" } })).to.not.throw();
      expect(() => validate({ applicationVersionLifecycle: { maxAgeInDays: 1 } })).to.not.throw();
    });

    it("an insecure setting with the explicit opt-out", () => {
      const settings = [{ namespace: "aws:autoscaling:launchconfiguration", name: "DisableIMDSv1", value: "false" }];
      expect(() => validate({ allowInsecureSettingOverrides: true, settings })).to.not.throw();
    });

    it("a load-balanced environment's listener settings and VPC without load balancer subnets", () => {
      expect(() =>
        validate({
          ...LB,
          loadBalancer: { certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0" },
          vpc: { vpcId: "vpc-0123456789abcdef0", instanceSubnetIds: ["subnet-0a1b2c3d4e5f60001"] },
        }),
      ).to.not.throw();
    });

    it("a platform by name or by regular expression", () => {
      expect(() => validate({ solutionStackName: "64bit Amazon Linux 2023 v6.1.0 running Node.js 20" })).to.not.throw();
      expect(() => validate({ solutionStackRegex: "^64bit Amazon Linux 2023 .* running Node\\.js 20$" })).to.not.throw();
    });

    it("plain variables that are allowed by name", () => {
      expect(() =>
        validate({ environmentVariables: { API_TOKEN: "0123456789abcdef0123456789abcdef" }, allowPlaintextVariables: ["API_TOKEN"] }),
      ).to.not.throw();
    });
  });

  describe("refuses", () => {
    const cases: [string, object, string][] = [
      ["an empty application name", { applicationName: "" }, `${APP_NAME_RULE} "".`],
      ["an application name of 101 characters", { applicationName: "a".repeat(101) }, `${APP_NAME_RULE} "${"a".repeat(101)}".`],
      ["an application name with a slash", { applicationName: "shop/web" }, `${APP_NAME_RULE} "shop/web".`],
      [
        "keeping 0 versions",
        { applicationVersionLifecycle: { maxCount: 0 } },
        "`applicationVersionLifecycle.maxCount` must be a whole number from 1 to 1000, got 0.",
      ],
      [
        "keeping 1001 versions",
        { applicationVersionLifecycle: { maxCount: 1001 } },
        "`applicationVersionLifecycle.maxCount` must be a whole number from 1 to 1000, got 1001.",
      ],
      [
        "keeping 2.5 versions",
        { applicationVersionLifecycle: { maxCount: 2.5 } },
        "`applicationVersionLifecycle.maxCount` must be a whole number from 1 to 1000, got 2.5.",
      ],
      [
        "keeping versions 0 days",
        { applicationVersionLifecycle: { maxAgeInDays: 0 } },
        "`applicationVersionLifecycle.maxAgeInDays` must be a whole number from 1 to 180, got 0.",
      ],
      [
        "keeping versions 181 days",
        { applicationVersionLifecycle: { maxAgeInDays: 181 } },
        "`applicationVersionLifecycle.maxAgeInDays` must be a whole number from 1 to 180, got 181.",
      ],
      [
        "keeping versions 1.5 days",
        { applicationVersionLifecycle: { maxAgeInDays: 1.5 } },
        "`applicationVersionLifecycle.maxAgeInDays` must be a whole number from 1 to 180, got 1.5.",
      ],
      ["an instance type without a size", { instanceType: "t4g" }, `${INSTANCE_RULE} "t4g".`],
      ["an instance type in capitals", { instanceType: "T4G.micro" }, `${INSTANCE_RULE} "T4G.micro".`],
      ["an instance type with a leading dot", { instanceType: ".micro" }, `${INSTANCE_RULE} ".micro".`],
      ["an instance type with a trailing dot", { instanceType: "t4g.micro." }, `${INSTANCE_RULE} "t4g.micro.".`],
      ["an instance type with a space", { instanceType: "t4g .micro" }, `${INSTANCE_RULE} "t4g .micro".`],
      ["an instance type starting with a digit", { instanceType: "4tg.micro" }, `${INSTANCE_RULE} "4tg.micro".`],
      ["an instance type with a size in capitals", { instanceType: "t4g.MICRO" }, `${INSTANCE_RULE} "t4g.MICRO".`],
      ["a group of 0 instances", { ...LB, minSize: 0 }, "`minSize` must be a whole number from 1 to 10000, got 0."],
      ["a group of 10001 instances", { ...LB, maxSize: 10001 }, "`maxSize` must be a whole number from 1 to 10000, got 10001."],
      ["a smallest group above the largest", { ...LB, minSize: 3, maxSize: 2 }, "`minSize` (3) must not be greater than `maxSize` (2)."],
      [
        "an unknown update level",
        { managedUpdates: { updateLevel: "major" } },
        '`managedUpdates.updateLevel` must be "minor" or "patch", got "major".',
      ],
      ["a number as variable value", { environmentVariables: { PORT: 8080 } }, "`environmentVariables.PORT` must be a string, got number."],
      [
        "allowed variables that are not a list",
        { environmentVariables: { A: "x" }, allowPlaintextVariables: "A" },
        '`allowPlaintextVariables` must be a list, got the string "A"; wrap a single item in [ ].',
      ],
      [
        "allowing a variable that is not set",
        { environmentVariables: { A: "x" }, allowPlaintextVariables: ["A", "B"] },
        `${ALLOW_RULE} "B".`,
      ],
      ["allowing a variable without variables", { allowPlaintextVariables: ["A"] }, `${ALLOW_RULE} "A".`],
      [
        "allowing a number even when a variable has that name",
        { environmentVariables: { "1": "x" }, allowPlaintextVariables: [1] },
        `${ALLOW_RULE} the number 1.`,
      ],
      [
        "an alias as key",
        { encryptionKey: { keyArn: "arn:aws:kms:us-east-1:123456789012:alias/app" } },
        '`encryptionKey.keyArn` must be a KMS key ARN such as "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" (not an alias), got "arn:aws:kms:us-east-1:123456789012:alias/app".',
      ],
      ["allowing a number", { environmentVariables: { A: "x" }, allowPlaintextVariables: [1] }, `${ALLOW_RULE} the number 1.`],
      [
        "arguments that are a string",
        "prod" as never,
        '`args` must be an object, got the string "prod"; pass `{ ... }` as the second constructor argument.',
      ],
    ];
    for (const [what, args, message] of cases) {
      it(`throws for ${what}`, () => expect(() => validate(args)).to.throw(message));
    }

    it("refuses a secret-looking plain variable unless allowed by name", () => {
      const env = { environmentVariables: { API_TOKEN: "0123456789abcdef0123456789abcdef" } };
      expect(() => validate(env)).to.throw(/^`environmentVariables\.API_TOKEN` looks like a credential/);
      expect(() => validate({ ...env, allowPlaintextVariables: ["OTHER"] })).to.throw(`${ALLOW_RULE} "OTHER".`);
    });
  });

  describe("refuses arguments of the wrong kind", () => {
    const object = (arg: string, fields: string, value: unknown = "x") =>
      `\`${arg}\` must be an object with ${fields}, got ${typeof value === "string" ? `the string "${value}"` : "the number 1"}; pass the fields or leave \`${arg}\` out.`;
    const cases: [string, object, string][] = [
      ["application", { application: "shop" }, object("application", "`name`", "shop")],
      [
        "applicationVersionLifecycle",
        { applicationVersionLifecycle: 1 },
        object("applicationVersionLifecycle", "`maxCount` or `maxAgeInDays`", 1),
      ],
      ["vpc", { vpc: "vpc-1" }, object("vpc", "`vpcId` and `instanceSubnetIds`", "vpc-1")],
      [
        "loadBalancer",
        { loadBalancer: "alb" },
        object("loadBalancer", "`certificateArn`, `sslPolicy`, `keepHttpListener` or `accessLogs`", "alb"),
      ],
      [
        "loadBalancer.accessLogs",
        { ...LB, loadBalancer: { accessLogs: "logs" } },
        object("loadBalancer.accessLogs", "`bucketName`", "logs"),
      ],
      ["environmentVariables", { environmentVariables: "A=1" }, object("environmentVariables", "variables by name", "A=1")],
      ["secrets", { secrets: "A" }, object("secrets", "secrets by variable name", "A")],
      ["managedUpdates", { managedUpdates: "patch" }, object("managedUpdates", "`preferredStartTime` or `updateLevel`", "patch")],
      ["vpc.vpcId", { vpc: { instanceSubnetIds: ["s"] } }, "`vpc.vpcId` is required"],
      ["vpc.instanceSubnetIds", { vpc: { vpcId: "v" } }, "`vpc.instanceSubnetIds` is required"],
      [
        "loadBalancer.accessLogs.bucketName",
        { ...LB, loadBalancer: { accessLogs: {} } },
        "`loadBalancer.accessLogs.bucketName` is required",
      ],
      [
        "encryptionKey",
        { encryptionKey: "alias/app" },
        '`encryptionKey` must be a key object (an EncryptionKey, or `{ keyArn }` for a key you own), got the string "alias/app"',
      ],
      [
        "allowInsecureSettingOverrides",
        { allowInsecureSettingOverrides: "yes" },
        '`allowInsecureSettingOverrides` must be true or false, got the string "yes"',
      ],
      [
        "enableEbsEncryptionByDefault",
        { enableEbsEncryptionByDefault: 1 },
        "`enableEbsEncryptionByDefault` must be true or false, got the number 1",
      ],
      [
        "vpc.associatePublicIpAddress",
        { vpc: { vpcId: "v", instanceSubnetIds: ["s"], associatePublicIpAddress: "no" } },
        '`vpc.associatePublicIpAddress` must be true or false, got the string "no"',
      ],
      [
        "loadBalancer.keepHttpListener",
        { ...LB, loadBalancer: { keepHttpListener: "no" } },
        '`loadBalancer.keepHttpListener` must be true or false, got the string "no"',
      ],
      ["minSize", { ...LB, minSize: "1" }, '`minSize` must be a number, got the string "1"'],
      ["maxSize", { ...LB, maxSize: "4" }, '`maxSize` must be a number, got the string "4"'],
      ["logRetentionInDays", { logRetentionInDays: "7" }, '`logRetentionInDays` must be a number, got the string "7"'],
      [
        "applicationVersionLifecycle.maxCount",
        { applicationVersionLifecycle: { maxCount: "5" } },
        '`applicationVersionLifecycle.maxCount` must be a number, got the string "5"',
      ],
      [
        "applicationVersionLifecycle.maxAgeInDays",
        { applicationVersionLifecycle: { maxAgeInDays: "5" } },
        '`applicationVersionLifecycle.maxAgeInDays` must be a number, got the string "5"',
      ],
      ["applicationName", { applicationName: 1 }, "`applicationName` must be a string, got the number 1."],
      ["environmentName", { environmentName: 1 }, "`environmentName` must be a string, got the number 1."],
      ["solutionStackRegex", { solutionStackRegex: 1 }, "`solutionStackRegex` must be a string, got the number 1."],
      ["instanceType", { instanceType: 1 }, "`instanceType` must be a string, got the number 1."],
      ["environmentType", { environmentType: 1 }, "`environmentType` must be a string, got the number 1."],
      ["deploymentPolicy", { deploymentPolicy: 1 }, "`deploymentPolicy` must be a string, got the number 1."],
      ["loadBalancer.sslPolicy", { ...LB, loadBalancer: { sslPolicy: 1 } }, "`loadBalancer.sslPolicy` must be a string, got the number 1."],
      [
        "loadBalancer.accessLogs.prefix",
        { ...LB, loadBalancer: { accessLogs: { bucketName: "logs-bucket", prefix: 1 } } },
        "`loadBalancer.accessLogs.prefix` must be a string, got the number 1.",
      ],
      [
        "vpc.instanceSubnetIds",
        { vpc: { vpcId: "v", instanceSubnetIds: "s" } },
        '`vpc.instanceSubnetIds` must be a list, got the string "s"',
      ],
      [
        "vpc.loadBalancerSubnetIds",
        { ...LB, vpc: { vpcId: "v", instanceSubnetIds: ["s"], loadBalancerSubnetIds: "t" } },
        '`vpc.loadBalancerSubnetIds` must be a list, got the string "t"',
      ],
      [
        "settings",
        { settings: ["aws:ec2:vpc"] },
        '`settings[0]` must be an object with `namespace`, `name` and `value`, got the string "aws:ec2:vpc".',
      ],
    ];
    for (const [arg, args, message] of cases) {
      it(`names \`${arg}\``, () => expect(() => validate(args)).to.throw(message));
    }
  });
});
