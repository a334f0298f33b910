/** The policy pack run over a stack's recorded resources, as the conformance suites judge it. */
import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { policies, strictPolicyConfig } from "../../packages/policy-pack/src/policies";
import { fromRecorded, resourceArgs, stackArgs } from "../policy-pack/fake-args";
import type { ConformanceStack } from "./stacks";

export interface Finding {
  stack: string;
  rule: string;
  resource: string;
  message: string;
  /** The rule's level under the configuration the stack was judged with. */
  level?: string;
}

/** Every finding under a policy-pack configuration (none: the default tier). */
export async function findingsOf(stack: ConformanceStack, config: ReturnType<typeof strictPolicyConfig> = {}): Promise<Finding[]> {
  const out: Finding[] = [];
  for (const rule of policies) {
    const { enforcementLevel, ...settings } = (config[rule.name] ?? {}) as Record<string, unknown>;
    const level = (enforcementLevel as string | undefined) ?? rule.enforcementLevel;
    const validate = (rule as ResourceValidationPolicy).validateResource;
    for (const r of stack.resources) {
      for (const f of [validate ?? []].flat()) {
        await f({ ...resourceArgs(r.type, r.inputs, settings, r.name), urn: r.urn }, (message) =>
          out.push({ stack: stack.name, rule: rule.name, resource: r.name, message, level }),
        );
      }
    }
    const validateStack = (rule as StackValidationPolicy).validateStack;
    if (validateStack) {
      await validateStack(stackArgs(fromRecorded(stack.resources), settings), (message, urn) =>
        out.push({ stack: stack.name, rule: rule.name, resource: urn?.split("::").pop() ?? "(stack)", message, level }),
      );
    }
  }
  return out;
}
