import { describeResourceCases } from "./cases";
import { ECS_CASES } from "./rule-cases/ecs";

describe("policy pack: ECS, ECR and load balancer listeners", () => {
  describeResourceCases(ECS_CASES);
});
