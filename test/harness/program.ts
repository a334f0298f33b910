import { recorded, RecordedResource } from "./mocks";
import { settle, unwrap } from "./unwrap";
import * as path from "path";
import { configureExample } from "../examples/example-config";

/** What a Pulumi program registered and exported under the mocks. */
export interface ProgramRun {
  outputs: Record<string, unknown>;
  resources: RecordedResource[];
}

/**
 * Runs a Pulumi program (an example's `index.ts`) under the mocks, resolves its stack
 * outputs and returns them with every resource it registered. Use it in `before`, then
 * `useProgramResources(run)` in `beforeEach` so the finders see the program's resources.
 */
export function runProgram(modulePath: string): Promise<ProgramRun> {
  // A module runs once per process: later callers (example specs, conformance suites) share its run.
  const key = require.resolve(modulePath);
  let run = runs.get(key);
  if (run === undefined) {
    run = execute(key);
    runs.set(key, run);
  }
  return run;
}

const runs = new Map<string, Promise<ProgramRun>>();

async function execute(modulePath: string): Promise<ProgramRun> {
  recorded.length = 0;
  // An example reads its stack configuration: give it what `pulumi config set` would.
  if (path.basename(modulePath).startsWith("index.")) configureExample(path.basename(path.dirname(modulePath)));
  const exported: Record<string, unknown> = require(modulePath);
  const outputs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(exported)) outputs[key] = await unwrap(value as any);
  await settle();
  return { outputs, resources: [...recorded] };
}

/** Puts a program run's resources back into the recorder (after the per-test reset). */
export function useProgramResources(run: ProgramRun): void {
  recorded.length = 0;
  recorded.push(...run.resources);
}
