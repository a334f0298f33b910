import { describeResourceCases } from "./cases";
import { EC2_CASES } from "./rule-cases/ec2";

describe("policy pack: EC2 fleets", () => {
  describeResourceCases(EC2_CASES);
});
