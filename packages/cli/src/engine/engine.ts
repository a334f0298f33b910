/**
 * The one mock engine: `aws-cicd synth` runs programs under it, the tests (test/harness/mocks.ts)
 * and the benchmarks (bench/mock-engine.ts) too. Every registration is recorded (type, name, URN,
 * parent, provider, id, inputs, computed state, options) and answered with attributes derived
 * only from the inputs and the identity; every invoke is recorded and gets a fixed answer. The
 * region is the identity's, unless a resource sets its own `region` or runs under an explicit AWS
 * provider created with one (then ARNs and `getRegion` name that region).
 * Nothing reaches AWS or the Pulumi service.
 *
 * A strict engine (tests) throws on an invoke it cannot answer; a lenient one (synth) returns an
 * empty result and marks the call `unanswered`, so that the report can warn about it.
 */
import type * as pulumi from "@pulumi/pulumi";
import { computedAttributes, resourceId } from "./attributes";
import { DEFAULT_IDENTITY, EngineIdentity } from "./identity";
import { invokeAnswer, unansweredInvokeMessage } from "./invokes";
import { qualifiedUrn } from "./urns";

/** The resource options the engine records. */
export interface EngineResourceOptions {
  retainOnDelete: boolean;
  protect: boolean;
  ignoreChanges: string[];
  /** URNs of the explicit dependencies. */
  dependsOn: string[];
}

/** One resource registered with the engine. */
export interface EngineResource {
  type: string;
  name: string;
  urn: string;
  /** URN of the parent, when one was given. */
  parent?: string;
  /** Reference of the explicit provider (`<urn>::<id>`), when one was given. */
  provider?: string;
  id: string;
  /** False for component resources. */
  custom: boolean;
  inputs: Record<string, any>;
  /** Inputs plus the computed attributes the engine answered. */
  state: Record<string, any>;
  options: EngineResourceOptions;
}

/** One invoke the engine saw. */
export interface EngineCall {
  token: string;
  inputs: Record<string, any>;
  /** Reference of the explicit provider, when one was given. */
  provider?: string;
  /** True when the engine had no answer (a lenient engine then returns an empty result). */
  unanswered: boolean;
}

/** How to create an engine. */
export interface EngineOptions extends Partial<EngineIdentity> {
  /**
   * Throw on an invoke the engine cannot answer (tests) rather than return an empty result (synth).
   * @default false
   */
  strict?: boolean;
}

/** The SDK's mock monitor, as far as the engine uses it. */
export interface MockMonitorLike {
  registerResource(req: any, callback: any): unknown;
  newUrn?(parent: string | undefined, type: string, name: string): string;
}

/** A recording mock engine: give `mocks` to `pulumi.runtime.setMocks`, then `attach` it to the installed monitor. */
export interface MockEngine {
  identity: EngineIdentity;
  strict: boolean;
  /** Every registration, in order (clear it with `resources.length = 0`). */
  resources: EngineResource[];
  /** Every invoke, in order. */
  calls: EngineCall[];
  mocks: pulumi.runtime.Mocks;
  /**
   * Wraps the mock monitor so that parents, URNs (qualified by every ancestor type) and options
   * reach the records. Without it, records carry `<type>::<name>` as URN and default options.
   */
  attach(monitor: MockMonitorLike): void;
  /** Forgets every recorded resource and call. */
  reset(): void;
}

/**
 * The error of a strict engine's unanswered invoke. The SDK rethrows a failed invoke as
 * `new Error(err.details)` (a gRPC error's field), so the message is also given as `details`.
 */
function unansweredInvokeError(token: string): Error {
  const message = unansweredInvokeMessage(token);
  return Object.assign(new Error(message), { details: message });
}

const NO_OPTIONS = (): EngineResourceOptions => ({ retainOnDelete: false, protect: false, ignoreChanges: [], dependsOn: [] });

/** Creates an engine recording into fresh arrays. */
export function createEngine(options: EngineOptions = {}): MockEngine {
  const { strict = false, ...identity } = options;
  const who: EngineIdentity = { ...DEFAULT_IDENTITY, ...identity };
  const resources: EngineResource[] = [];
  const calls: EngineCall[] = [];
  // Regions of the explicit AWS providers created with one, by provider reference (`<urn>::<id>`).
  const providerRegions = new Map<string, string>();
  const regionOf = (provider: string | undefined) => (provider === undefined ? undefined : providerRegions.get(provider));
  // The mock API does not pass parents and options to `newResource`: `attach` captures them just before.
  let current: Pick<EngineResource, "urn" | "parent" | "options"> | undefined;
  const mocks: pulumi.runtime.Mocks = {
    newResource(args) {
      const isProvider = args.type.startsWith("pulumi:providers:");
      // A resource given its own `region` (the AWS provider's per-resource region) gets ARNs of
      // that region; else those of its explicit provider's region, when that provider names one.
      const region = typeof args.inputs.region === "string" && !isProvider ? (args.inputs.region as string) : regionOf(args.provider);
      const state = { ...args.inputs, ...computedAttributes(args.type, args.name, args.inputs, region ? { ...who, region } : who) };
      const id = args.id || resourceId(args.type, args.name, state);
      if (isProvider && typeof args.inputs.region === "string" && current?.urn)
        providerRegions.set(`${current.urn}::${id}`, args.inputs.region);
      resources.push({
        type: args.type,
        name: args.name,
        urn: current?.urn ?? `${args.type}::${args.name}`,
        parent: current?.parent,
        provider: args.provider,
        id,
        custom: args.custom ?? true,
        inputs: args.inputs,
        state,
        options: current?.options ?? NO_OPTIONS(),
      });
      current = undefined;
      return { id, state };
    },
    call(args) {
      const region = regionOf(args.provider);
      const answer = invokeAnswer(args.token, args.inputs, region ? { ...who, region } : who);
      calls.push({ token: args.token, inputs: args.inputs, provider: args.provider, unanswered: answer === undefined });
      if (answer === undefined && strict) throw unansweredInvokeError(args.token);
      return answer ?? {};
    },
  };
  const attach: MockEngine["attach"] = (monitor) => {
    const original = monitor.registerResource.bind(monitor);
    if (typeof monitor.newUrn === "function") {
      const plainUrn = monitor.newUrn.bind(monitor);
      monitor.newUrn = (parent, type, name) => qualifiedUrn(plainUrn(undefined, type, name), parent);
    }
    monitor.registerResource = (req: any, callback: any) => {
      const parent: string = req.getParent();
      current = {
        parent: parent || undefined,
        urn: monitor.newUrn ? monitor.newUrn(parent, req.getType(), req.getName()) : `${req.getType()}::${req.getName()}`,
        options: {
          retainOnDelete: !!req.getRetainondelete(),
          protect: !!req.getProtect(),
          ignoreChanges: req.getIgnorechangesList(),
          dependsOn: req.getDependenciesList(),
        },
      };
      return original(req, callback);
    };
  };
  const reset = () => {
    resources.length = 0;
    calls.length = 0;
    providerRegions.clear();
  };
  return { identity: who, strict, resources, calls, mocks, attach, reset };
}
