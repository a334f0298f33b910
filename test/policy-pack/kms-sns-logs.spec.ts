import { describeResourceCases, describeStackCases } from "./cases";
import { KMS_SNS_LOGS_RESOURCE_CASES, KMS_SNS_LOGS_STACK_CASES } from "./rule-cases/kms-sns-logs";

describe("policy pack: KMS, SNS, CloudWatch Logs", () => {
  describeResourceCases(KMS_SNS_LOGS_RESOURCE_CASES);
  describeStackCases(KMS_SNS_LOGS_STACK_CASES);
});
