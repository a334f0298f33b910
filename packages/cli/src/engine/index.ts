/**
 * The mock engine shared by `aws-cicd synth`, the test harness and the benchmarks (one copy).
 * It is internal to the repository: the package does not export it; the harness and the bench
 * import it by path (`packages/cli/src/engine`).
 */
export { computedAttributes, NAME_PREFIX_SUFFIX, physicalName, resourceId } from "./attributes";
export { createEngine } from "./engine";
export type { EngineCall, EngineOptions, EngineResource, EngineResourceOptions, MockEngine, MockMonitorLike } from "./engine";
export { DEFAULT_IDENTITY } from "./identity";
export type { EngineIdentity } from "./identity";
export { invokeAnswer, MOCK_PARAMETER_VALUE, MOCK_SOLUTION_STACK, unansweredInvokeMessage } from "./invokes";
export { duplicateUrnMessage, qualifiedUrn } from "./urns";
