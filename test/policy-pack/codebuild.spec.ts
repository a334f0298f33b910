import { describeResourceCases } from "./cases";
import { CODEBUILD_CASES } from "./rule-cases/codebuild";

describe("policy pack: CodeBuild", () => {
  describeResourceCases(CODEBUILD_CASES);
});
