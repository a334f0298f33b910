import { describeResourceCases } from "./cases";
import { IAM_CASES } from "./rule-cases/iam";

describe("policy pack: IAM", () => {
  describeResourceCases(IAM_CASES);
});
