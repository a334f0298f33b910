import {
  PolicyResource,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import type { RecordedResource } from "../harness/mocks";
import type { Rule } from "../../packages/policy-pack/src/policies";

/** Thrown by the fake `notApplicable`, as the CrossGuard server does. */
export class NotApplicable extends Error {}

const STACK = "urn:pulumi:test::aws-cicd-test";
const urnOf = (type: string, name: string) => `${STACK}::${type}::${name}`;
const opts = () => ({
  protect: false,
  ignoreChanges: [],
  aliases: [],
  customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
  additionalSecretOutputs: [],
});
const typeOf = (cls: unknown) => (cls as { __pulumiType?: string }).__pulumiType;

/** Complete `validateResource` args for one resource. */
export function resourceArgs(type: string, props: Record<string, any>, config: object = {}, name = "subject"): ResourceValidationArgs {
  return {
    type,
    props,
    urn: urnOf(type, name),
    name,
    opts: opts(),
    stackTags: new Map(),
    isType: (cls) => typeOf(cls) === type,
    asType: ((cls: unknown) => (typeOf(cls) === type ? props : undefined)) as ResourceValidationArgs["asType"],
    getConfig: <T extends object>() => config as T,
    notApplicable: (reason?: string): never => {
      throw new NotApplicable(reason);
    },
  };
}

/** One stack resource as `validateStack` sees it. */
export function policyResource(
  type: string,
  name: string,
  props: Record<string, any>,
  dependencies: PolicyResource[] = [],
): PolicyResource {
  return {
    type,
    name,
    props,
    urn: urnOf(type, name),
    opts: opts(),
    dependencies,
    propertyDependencies: {},
    isType: (cls) => typeOf(cls) === type,
    asType: ((cls: unknown) => (typeOf(cls) === type ? props : undefined)) as PolicyResource["asType"],
  };
}

/** Complete `validateStack` args. */
export function stackArgs(resources: PolicyResource[], config: object = {}): StackValidationArgs {
  return {
    resources,
    stackTags: new Map(),
    getConfig: <T extends object>() => config as T,
    notApplicable: (reason?: string): never => {
      throw new NotApplicable(reason);
    },
  };
}

/** Violations of a resource rule for one resource (messages only). */
export async function resourceViolations(rule: Rule, type: string, props: Record<string, any>, config: object = {}): Promise<string[]> {
  const out: string[] = [];
  const v = (rule as ResourceValidationPolicy).validateResource;
  for (const f of [v ?? []].flat()) await f(resourceArgs(type, props, config), (m) => out.push(m));
  return out;
}

/** Violations of a stack rule: message and the resource name (from the URN) when one is given. */
export async function stackViolations(rule: Rule, resources: PolicyResource[], config: object = {}): Promise<string[]> {
  const out: string[] = [];
  await (rule as StackValidationPolicy).validateStack(stackArgs(resources, config), (m, urn) =>
    out.push(urn ? `${urn.split("::").pop()}: ${m}` : m),
  );
  return out;
}

/**
 * Recorded mock resources as the engine gives them to policies: resource policies see inputs,
 * stack policies see outputs (the mock's state: inputs plus computed attributes).
 */
export function fromRecorded(resources: RecordedResource[]): PolicyResource[] {
  const byUrn = new Map<string, PolicyResource>();
  for (const r of resources)
    // The mock computes some outputs (an `arn` for every type) that the provider would echo from inputs.
    byUrn.set(r.urn, { ...policyResource(r.type, r.name, { ...r.state, ...r.inputs }), urn: r.urn });
  for (const r of resources) {
    const p = byUrn.get(r.urn)!;
    p.dependencies = r.options.dependsOn.flatMap((u) => (byUrn.has(u) ? [byUrn.get(u)!] : []));
    if (r.parent && byUrn.has(r.parent)) p.parent = byUrn.get(r.parent);
  }
  return [...byUrn.values()];
}
