import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { validateCrossAccountDeployRoleArgs, validatePipelineRoleArn } from "../../packages/aws-cicd/src/cross-account";
import { optionalPropertiesWithoutDefault } from "../tsdoc-defaults";
import { ROLE_ARGS } from "./fixtures";

describe("validateCrossAccountDeployRoleArgs", () => {
  describe("known values", () => {
    it("accepts exact role ARNs, with a path and in other partitions", () => {
      for (const arn of ["arn:aws:iam::111122223333:role/ci/app-pipeline", "arn:aws-us-gov:iam::111122223333:role/app-pipeline"]) {
        expect(() => validatePipelineRoleArn(arn)).not.to.throw();
      }
      expect(() =>
        validateCrossAccountDeployRoleArgs({ ...ROLE_ARGS, externalId: "shop-prod", roleName: "shop-deploy", artifactRegion: "eu-west-1" }),
      ).not.to.throw();
    });

    it("refuses an assumed-role session ARN", () => {
      expect(() => validatePipelineRoleArn("arn:aws:sts::111122223333:assumed-role/app-pipeline/s")).to.throw(
        '`pipelineRoleArn` must be the exact ARN of the pipeline\'s role ("arn:aws:iam::<account>:role/<name>"), got "arn:aws:sts::111122223333:assumed-role/app-pipeline/s".',
      );
    });
  });

  describe("outputs", () => {
    it("lets values only known at deployment pass", () => {
      const unknown = pulumi.output("later");
      expect(() => validatePipelineRoleArn(unknown)).not.to.throw();
      expect(() =>
        validateCrossAccountDeployRoleArgs({
          ...ROLE_ARGS,
          pipelineRoleArn: unknown,
          artifactBucketArn: unknown,
          artifactKeyArn: unknown,
          artifactRegion: unknown,
        }),
      ).not.to.throw();
    });
  });
});

describe("cross-account TSDoc", () => {
  it("documents a @default for every optional argument", () => {
    expect(
      optionalPropertiesWithoutDefault([
        "cross-account/cross-account-deploy-role-args.ts",
        "cross-account/policies.ts",
        "cross-account/role-arns.ts",
      ]),
    ).to.deep.equal([]);
  });
});
