// The benchmarks' mock engine: the test harness's answers (test/harness/mocks.ts: computed attributes
// such as ARNs, key ids and bucket names, and the invokes the library makes), without its recording,
// counting what it saw instead.
import * as pulumi from "@pulumi/pulumi";
import { answer, computed, idOf } from "../test/harness/mocks";

/** What the engine saw: one entry per registered resource (its type token). */
export const registeredTypes: string[] = [];

/** Installs the mocks; call before the library or the program is loaded. `onInputs` sees each registration's resolved inputs. */
export function installBenchMocks(onInputs?: (inputs: Record<string, any>) => void): void {
  pulumi.runtime.setMocks(
    {
      newResource(args: pulumi.runtime.MockResourceArgs) {
        registeredTypes.push(args.type);
        onInputs?.(args.inputs);
        const state = { ...args.inputs, ...computed(args.type, args.name, args.inputs) };
        return { id: idOf(args.type, args.name, state), state };
      },
      call(args: pulumi.runtime.MockCallArgs) {
        return answer(args.token, args.inputs);
      },
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
