import { expect } from "chai";
import {
  artifactBucketArnProblem,
  artifactKeyArnProblem,
  DEPLOY_TARGET_KIND_KEYS,
  pipelineRoleArnProblem,
  validateCrossAccountDeployRoleArgs,
} from "../../packages/aws-cicd/src/cross-account";
import { BUCKET_ARN, KEY_ARN, PIPELINE_ROLE_ARN, PROD_TARGET, ROLE_ARGS } from "./fixtures";

const ROLE_RULE = '`pipelineRoleArn` must be the exact ARN of the pipeline\'s role ("arn:aws:iam::<account>:role/<name>")';
const KEY_RULE =
  '`artifactKeyArn` must be a KMS key ARN such as "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"';
const validate = (args: object) => validateCrossAccountDeployRoleArgs({ ...ROLE_ARGS, ...args } as never);
/** The message for no target at all, listing every target field. */
const noTargets = (given: string) =>
  `${DEPLOY_TARGET_KIND_KEYS.map((k) => `\`${k}\``).join(" or ")} must name at least one target to deploy to, got ${given}; e.g. \`[target.beanstalkDeployTarget()]\`.`;

describe("validateCrossAccountDeployRoleArgs: each argument", () => {
  describe("ARN problems", () => {
    it("explain why an account root or a bare account id is not a pipeline role", () => {
      expect(pipelineRoleArnProblem("arn:aws:iam::111122223333:root")).to.equal(
        `${ROLE_RULE}, got "arn:aws:iam::111122223333:root". An account root trusts every principal that account's administrators allow; name the pipeline's role.`,
      );
      expect(pipelineRoleArnProblem("111122223333")).to.equal(
        `${ROLE_RULE}, got "111122223333". A bare account id trusts the whole account; name the pipeline's role.`,
      );
      expect(pipelineRoleArnProblem("arn:aws:iam::111122223333:user/ci")).to.equal(
        `${ROLE_RULE}, got "arn:aws:iam::111122223333:user/ci".`,
      );
      expect(pipelineRoleArnProblem(7)).to.equal(`${ROLE_RULE}, got the number 7.`);
      expect(pipelineRoleArnProblem(PIPELINE_ROLE_ARN)).to.equal(undefined);
    });

    it("name a bucket or key given in another form", () => {
      expect(artifactBucketArnProblem("app-artifacts-1234")).to.equal(
        '`artifactBucketArn` must be an S3 bucket ARN such as "arn:aws:s3:::my-artifacts", got "app-artifacts-1234".',
      );
      expect(artifactBucketArnProblem([BUCKET_ARN])).to.equal(
        '`artifactBucketArn` must be an S3 bucket ARN such as "arn:aws:s3:::my-artifacts", got a list.',
      );
      expect(artifactBucketArnProblem(BUCKET_ARN)).to.equal(undefined);
      const alias = "arn:aws:kms:eu-west-1:111122223333:alias/artifacts";
      expect(artifactKeyArnProblem(alias)).to.equal(`${KEY_RULE}, got "${alias}". Aliases are not accepted: IAM policies name keys.`);
      expect(artifactKeyArnProblem(true)).to.equal(`${KEY_RULE}, got the boolean true. Aliases are not accepted: IAM policies name keys.`);
      expect(artifactKeyArnProblem(KEY_ARN)).to.equal(undefined);
      // A list holding one good ARN reads as that ARN once turned to text: the type is checked first.
      expect(artifactKeyArnProblem([KEY_ARN])).to.equal(`${KEY_RULE}, got a list. Aliases are not accepted: IAM policies name keys.`);
      expect(pipelineRoleArnProblem([PIPELINE_ROLE_ARN])).to.equal(`${ROLE_RULE}, got a list.`);
    });
  });

  describe("refuses", () => {
    const cases: [string, object, string][] = [
      [
        "no pipeline role",
        { pipelineRoleArn: undefined },
        "`pipelineRoleArn` is required: pass `pipeline.roleArn` or `pipelineRoleArn({ accountId, name })` of the tools account's pipeline.",
      ],
      [
        "a null pipeline role",
        { pipelineRoleArn: null },
        "`pipelineRoleArn` is required: pass `pipeline.roleArn` or `pipelineRoleArn({ accountId, name })` of the tools account's pipeline.",
      ],
      [
        "an account root as pipeline role",
        { pipelineRoleArn: "arn:aws:iam::111122223333:root" },
        `${ROLE_RULE}, got "arn:aws:iam::111122223333:root".`,
      ],
      ["no artifact bucket", { artifactBucketArn: undefined }, "`artifactBucketArn` is required: pass the pipeline's artifact bucket ARN."],
      ["a null artifact bucket", { artifactBucketArn: null }, "`artifactBucketArn` is required: pass the pipeline's artifact bucket ARN."],
      [
        "a bucket name",
        { artifactBucketArn: "app-artifacts-1234" },
        '`artifactBucketArn` must be an S3 bucket ARN such as "arn:aws:s3:::my-artifacts", got "app-artifacts-1234".',
      ],
      [
        "no artifact key",
        { artifactKeyArn: undefined },
        "`artifactKeyArn` is required: pass the ARN of the key the pipeline encrypts artifacts with.",
      ],
      [
        "a null artifact key",
        { artifactKeyArn: null },
        "`artifactKeyArn` is required: pass the ARN of the key the pipeline encrypts artifacts with.",
      ],
      [
        "a key alias",
        { artifactKeyArn: "alias/artifacts" },
        `${KEY_RULE}, got "alias/artifacts". Aliases are not accepted: IAM policies name keys.`,
      ],
      [
        "a region with a typo",
        { artifactRegion: "eu-west1" },
        '`artifactRegion` must be an AWS region such as "us-east-1", got "eu-west1".',
      ],
      ["an unknown permissions mode", { permissions: "admin" }, '`permissions` must be "scoped" or "aws-managed", got "admin".'],
      [
        "a role name of 65 characters",
        { roleName: "r".repeat(65) },
        `\`roleName\` must hold 1 to 64 letters, digits or any of + = , . @ _ -, got "${"r".repeat(65)}".`,
      ],
      [
        "a role name with a slash",
        { roleName: "ci/deploy" },
        '`roleName` must hold 1 to 64 letters, digits or any of + = , . @ _ -, got "ci/deploy".',
      ],
      [
        "a one-character external id",
        { externalId: "x" },
        '`externalId` must be 2 to 1,224 letters, digits or any of + = , . @ : / - _, got "x".',
      ],
      [
        "an external id with a space",
        { externalId: "shop prod" },
        '`externalId` must be 2 to 1,224 letters, digits or any of + = , . @ : / - _, got "shop prod".',
      ],
      ["a number as role name", { roleName: 7 }, "`roleName` must be a string, got the number 7."],
      ["a number as external id", { externalId: 7 }, "`externalId` must be a string, got the number 7."],
      [
        "a target object instead of a list",
        { beanstalkTargets: PROD_TARGET },
        "`beanstalkTargets` must be a list, got an object; wrap a single item in [ ].",
      ],
      ["no target", { beanstalkTargets: undefined }, noTargets(DEPLOY_TARGET_KIND_KEYS.map(() => "[]").join(" and "))],
      ["empty target lists", { beanstalkTargets: [] }, noTargets(DEPLOY_TARGET_KIND_KEYS.map(() => "[]").join(" and "))],
      [
        "aws-managed permissions without a Beanstalk target",
        { permissions: "aws-managed", beanstalkTargets: undefined, codeDeployTargets: [{}] },
        '`permissions: "aws-managed"` replaces the Elastic Beanstalk deploy statements with AWS\'s AdministratorAccess-AWSElasticBeanstalk, but `beanstalkTargets` is empty. Remove `permissions` (the other targets always get scoped statements), or add the Beanstalk targets it is meant for.',
      ],
      [
        "a target without its environment id",
        { beanstalkTargets: [PROD_TARGET, { ...PROD_TARGET, environmentId: undefined }] },
        "`beanstalkTargets[1].environmentId` is required; pass `target.beanstalkDeployTarget()` of a BeanstalkTarget.",
      ],
      [
        "a target with a null application name",
        { beanstalkTargets: [{ ...PROD_TARGET, applicationName: null }] },
        "`beanstalkTargets[0].applicationName` is required; pass `target.beanstalkDeployTarget()` of a BeanstalkTarget.",
      ],
      [
        "a target that is not an object",
        { beanstalkTargets: ["shop-prod"] },
        "`beanstalkTargets[0].applicationName` is required; pass `target.beanstalkDeployTarget()` of a BeanstalkTarget.",
      ],
    ];
    for (const [what, args, message] of cases) {
      it(`throws for ${what}`, () => expect(() => validate(args)).to.throw(message));
    }

    it("refuses missing arguments", () => {
      expect(() => validateCrossAccountDeployRoleArgs(undefined as never)).to.throw(
        "`args` must be an object, got nothing; pass `{ ... }` as the second constructor argument.",
      );
    });

    it("accepts a CodeDeploy target alone with scoped permissions", () => {
      const group = {
        applicationName: "shop",
        deploymentGroupName: "shop-prod",
        applicationArn: "arn:aws:codedeploy:us-east-1:123456789012:application:shop",
        deploymentGroupArn: "arn:aws:codedeploy:us-east-1:123456789012:deploymentgroup:shop/shop-prod",
        deploymentConfigArn: "arn:aws:codedeploy:us-east-1:123456789012:deploymentconfig:CodeDeployDefault.OneAtATime",
      };
      expect(() => validate({ beanstalkTargets: undefined, codeDeployTargets: [group] })).to.not.throw();
      expect(() => validate({ beanstalkTargets: undefined, codeDeployTargets: [group], permissions: "scoped" })).to.not.throw();
    });

    it("accepts aws-managed permissions with Beanstalk targets", () => {
      expect(() => validate({ permissions: "aws-managed", beanstalkTargets: [PROD_TARGET, PROD_TARGET] })).to.not.throw();
    });
  });
});
