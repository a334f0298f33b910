// Every rule spec's case tables, for the specs that drive them again (preview.spec through
// CrossGuard's unknown-checking proxy, tiers.spec through the default and strict tiers). Importing
// the data modules, not the specs, declares no test: each rule spec's tests run once, in its own file.
import type { ResourceCase, StackCase } from "../cases";
import { CODEBUILD_CASES } from "./codebuild";
import { DELIVERY_RESOURCE_CASES, DELIVERY_STACK_CASES } from "./delivery";
import { EC2_CASES } from "./ec2";
import { ECS_CASES } from "./ecs";
import { IAM_CASES } from "./iam";
import { KMS_SNS_LOGS_RESOURCE_CASES, KMS_SNS_LOGS_STACK_CASES } from "./kms-sns-logs";
import { LAMBDA_CASES } from "./lambda";
import { NEW_RULES_RESOURCE_CASES, NEW_RULES_STACK_CASES } from "./new-rules";
import { S3_RESOURCE_CASES, S3_STACK_CASES } from "./s3";

/** Every resource-rule case the rule specs describe. */
export const ALL_RESOURCE_CASES: readonly ResourceCase[] = [
  ...CODEBUILD_CASES,
  ...DELIVERY_RESOURCE_CASES,
  ...EC2_CASES,
  ...ECS_CASES,
  ...IAM_CASES,
  ...KMS_SNS_LOGS_RESOURCE_CASES,
  ...LAMBDA_CASES,
  ...NEW_RULES_RESOURCE_CASES,
  ...S3_RESOURCE_CASES,
];

/** Every stack-rule case the rule specs describe. */
export const ALL_STACK_CASES: readonly StackCase[] = [
  ...DELIVERY_STACK_CASES,
  ...KMS_SNS_LOGS_STACK_CASES,
  ...NEW_RULES_STACK_CASES,
  ...S3_STACK_CASES,
];
