// What a scenario creates, counted exactly (issue 12): unlike CPU time on a shared machine, these
// numbers do not vary from run to run, so they show a change of a few percent.
//   node --expose-gc -r ts-node/register/transpile-only bench/count-outputs.ts [flagship|fleet|services] [N]
//   ... bench/count-outputs.ts <floor|typed-floor|quiet-floor> N FILE   the same for a recording of N copies (synth-child.ts --record FILE)
// Prints one JSON line, per copy of the scenario: the promises created (async_hooks) and the
// `apply` calls made while the program runs synchronously and in all, the Outputs the SDK makes for
// the registered resources' properties during the synchronous run, and the heap still in use
// once the synchronous run ends (after a full collection; it moves by a few MB with code layout).
// Reads the built library (`npm run build --workspace aws-cicd` first), as synth-child.ts does.
import { createHook } from "async_hooks";
import * as pulumi from "@pulumi/pulumi";
import { readRecording, replayFloor } from "./floor";
import { installBenchMocks, settleProgram } from "./mock-engine";
import { ScenarioName, SCENARIOS } from "./scenarios";

async function main(): Promise<void> {
  const [scenario = "flagship", count = "5", replayed] = process.argv.slice(2);
  const floor = scenario === "floor" || scenario === "typed-floor" || scenario === "quiet-floor";
  const n = Number(count);
  const gc = (global as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("Run with `node --expose-gc` (see the first lines of bench/count-outputs.ts).");
  installBenchMocks();
  const bytes = floor ? readRecording(replayed!) : undefined;
  const cicd = floor ? undefined : (require("aws-cicd") as typeof import("aws-cicd"));
  if (scenario === "typed-floor") require("@pulumi/aws");
  let promises = 0;
  let applies = 0;
  // The Outputs the SDK makes for the properties of every resource registered (components' own
  // fields, set after their registration, are not counted): a plain CustomResource has one for each
  // input given, `id` and `urn`; a `@pulumi/aws` class one for every property it lists.
  let resourceOutputs = 0;
  const runtime = require("@pulumi/pulumi/runtime/resource") as { registerResource: (res: object, ...rest: unknown[]) => unknown };
  const register = runtime.registerResource;
  runtime.registerResource = function (this: unknown, res: object, ...rest: unknown[]) {
    const result = register.call(this, res, ...rest);
    for (const value of Object.values(res)) if (pulumi.Output.isInstance(value)) resourceOutputs++;
    return result;
  };
  // Every Output's `apply` is the prototype's (Outputs are Proxies over OutputImpl instances).
  const proto = Object.getPrototypeOf(pulumi.output(0)) as { apply: (...a: unknown[]) => unknown };
  const apply = proto.apply;
  proto.apply = function (this: unknown, ...a: unknown[]) {
    applies++;
    return apply.apply(this, a);
  };
  const hook = createHook({
    init(_id, type) {
      if (type === "PROMISE") promises++;
    },
  });
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  hook.enable();
  const exported = floor
    ? replayFloor(bytes!, scenario === "typed-floor", scenario === "quiet-floor")
    : SCENARIOS[scenario as ScenarioName](cicd!, n);
  hook.disable();
  const [syncPromises, syncApplies, outputs] = [promises, applies, resourceOutputs];
  gc();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1048576;
  hook.enable();
  await settleProgram(exported);
  hook.disable();
  const per = (x: number) => Math.round(x / n);
  const result = {
    scenario,
    n,
    syncPromisesPerCopy: per(syncPromises),
    promisesPerCopy: per(promises),
    syncAppliesPerCopy: per(syncApplies),
    appliesPerCopy: per(applies),
    resourceOutputsPerCopy: per(outputs),
    heapAfterSyncMb: Number(heapMb.toFixed(1)),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
