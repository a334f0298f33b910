import { ACCOUNT } from "../harness";

/** The tools account (pipeline) and the prod account (deploy role) of these tests. */
export const TOOLS = "111122223333";
export const PIPELINE_ROLE_ARN = `arn:aws:iam::${TOOLS}:role/aws-cicd-test-test-app-pipeline`;
export const BUCKET_ARN = "arn:aws:s3:::app-artifacts-1234";
export const KEY_ARN = `arn:aws:kms:eu-west-1:${TOOLS}:key/1111aaaa-22bb-33cc-44dd-555566667777`;

/** A prod Elastic Beanstalk target as `BeanstalkTarget.beanstalkDeployTarget()` returns it (the harness runs every provider as ACCOUNT). */
export const PROD_TARGET = {
  applicationName: "shop",
  environmentName: "shop-prod",
  applicationArn: `arn:aws:elasticbeanstalk:us-east-1:${ACCOUNT}:application/shop`,
  environmentArn: `arn:aws:elasticbeanstalk:us-east-1:${ACCOUNT}:environment/shop/shop-prod`,
  environmentId: "e-prod1234",
  instanceRoleArn: `arn:aws:iam::${ACCOUNT}:role/shop-prod-instance`,
};

export const ROLE_ARGS = {
  pipelineRoleArn: PIPELINE_ROLE_ARN,
  artifactBucketArn: BUCKET_ARN,
  artifactKeyArn: KEY_ARN,
  beanstalkTargets: [PROD_TARGET],
};
