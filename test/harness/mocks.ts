// The tests' view of the one mock engine (packages/cli/src/engine, shared with `aws-cicd synth` and
// the benchmarks): installed once per process in strict mode, so that an invoke it cannot answer
// fails the test that made it.
import * as pulumi from "@pulumi/pulumi";
import {
  computedAttributes,
  createEngine,
  EngineCall,
  EngineResource,
  invokeAnswer,
  resourceId,
  unansweredInvokeMessage,
} from "../../packages/cli/src/engine";

/** Deterministic identity every test runs as. */
export const ACCOUNT = "123456789012";
export const REGION = "us-east-1";
export const PARTITION = "aws";

/** One resource registered with the mock engine. */
export type RecordedResource = EngineResource;

/** One invoke answered by the mock engine. */
export type RecordedCall = EngineCall;

const engine = createEngine({ account: ACCOUNT, region: REGION, partition: PARTITION, strict: true });

/** Every resource registered since the last reset, in order. */
export const recorded: RecordedResource[] = engine.resources;
/** Every invoke made since the last reset, in order. */
export const calls: RecordedCall[] = engine.calls;

/** Forgets every recorded resource and call (run before each test). */
export function resetRecorded(): void {
  engine.reset();
}

/** Computed attributes for the types the library creates, derived from inputs only. */
export function computed(type: string, name: string, inputs: Record<string, any>): Record<string, any> {
  return computedAttributes(type, name, inputs, engine.identity);
}

/** Ids that match what the provider uses as `id` (role and policy names, bucket names...). */
export function idOf(type: string, name: string, state: Record<string, any>): string {
  return resourceId(type, name, state);
}

/** The engine's answer to an invoke; throws, as the strict engine does, when it has none. */
export function answer(token: string, inputs: Record<string, any>): Record<string, any> {
  const result = invokeAnswer(token, inputs, engine.identity);
  if (result === undefined) throw new Error(unansweredInvokeMessage(token));
  return result;
}

let installed = false;

/** Installs the recording mock engine (once per process). */
export function installMocks(project = "aws-cicd-test", stack = "test"): void {
  if (installed) return;
  installed = true;
  // setMocks installs the monitor synchronously (its promise only wraps that work).
  void pulumi.runtime.setMocks(engine.mocks, project, stack, false);
  const settings = require("@pulumi/pulumi/runtime/settings") as { getMonitor(): any };
  engine.attach(settings.getMonitor());
}
