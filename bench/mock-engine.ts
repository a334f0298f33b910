// The benchmarks' use of the one mock engine (packages/cli/src/engine, shared with `aws-cicd synth`
// and the tests), strict as in tests. It is not attached to the monitor: a sample needs the answers
// and the registered types, not parents, URNs or options, and floor.ts wraps the monitor itself.
import * as pulumi from "@pulumi/pulumi";
import { createEngine } from "../packages/cli/src/engine";

/** What the engine saw: one entry per registered resource (its type token). */
export const registeredTypes: string[] = [];

/** Installs the mocks; call before the library or the program is loaded. `onInputs` sees each registration's resolved inputs. */
export function installBenchMocks(onInputs?: (inputs: Record<string, any>) => void): void {
  const engine = createEngine({ strict: true });
  pulumi.runtime.setMocks(
    {
      newResource(args: pulumi.runtime.MockResourceArgs) {
        registeredTypes.push(args.type);
        onInputs?.(args.inputs);
        return engine.mocks.newResource(args);
      },
      call: engine.mocks.call,
    },
    "aws-cicd-bench",
    "bench",
    false,
  );
}

/** Resolves every exported Output and waits until the engine has answered every registration. */
export async function settleProgram(exported: Record<string, unknown>): Promise<void> {
  for (const value of Object.values(exported)) {
    await new Promise((resolve) => (pulumi.output(value) as pulumi.Output<unknown>).apply(resolve));
  }
  await pulumi.runtime.disconnect();
}
