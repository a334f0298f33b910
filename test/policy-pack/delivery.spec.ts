import { describeResourceCases, describeStackCases } from "./cases";
import { DELIVERY_RESOURCE_CASES, DELIVERY_STACK_CASES } from "./rule-cases/delivery";

describe("policy pack: CodePipeline, CodeCommit, Elastic Beanstalk, CodeDeploy", () => {
  describeResourceCases(DELIVERY_RESOURCE_CASES);
  describeStackCases(DELIVERY_STACK_CASES);
});
