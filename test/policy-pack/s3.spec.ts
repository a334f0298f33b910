import { describeStackCases, describeResourceCases } from "./cases";
import { S3_RESOURCE_CASES, S3_STACK_CASES } from "./rule-cases/s3";

describe("policy pack: S3", () => {
  describeStackCases(S3_STACK_CASES);
  describeResourceCases(S3_RESOURCE_CASES);
});
