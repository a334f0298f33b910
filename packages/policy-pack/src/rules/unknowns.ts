import { PolicyResource } from "@pulumi/policy";

/**
 * Reading resource properties during `pulumi preview`. CrossGuard wraps every resource's properties
 * in an unknown-checking proxy: reading a value the provider has not computed yet (an ARN, a name
 * from `bucketPrefix`, an id) throws `UnknownValueError`, and the engine then skips the whole policy
 * for that call with a "can't run during preview" note. The helpers below read such values without
 * throwing where a rule can decide without them, and contain an unknown read to one resource.
 * https://www.pulumi.com/docs/iac/using-pulumi/crossguard/authoring/#handling-unknown-values
 */

// The proxy module is internal to @pulumi/policy (its typings export nothing); the class is the one the engine checks.
const proxy = require("@pulumi/policy/proxy") as { UnknownValueError: new (...args: never[]) => Error };

/** True for the error the unknown-checking proxy throws. */
export function isUnknownError(e: unknown): boolean {
  return e instanceof proxy.UnknownValueError;
}

/** Marker for a value that is not known in preview. */
export const UNKNOWN: unique symbol = Symbol("unknown");

/** The value `read` returns, or {@link UNKNOWN} when it reads a value not known in preview. */
export function tryRead<T>(read: () => T): T | typeof UNKNOWN {
  try {
    return read();
  } catch (e) {
    if (isUnknownError(e)) return UNKNOWN;
    throw e;
  }
}

/** `obj[key]` when it is a non-empty string; `undefined` when absent, unknown or of another type. */
export function knownString(obj: Record<string, unknown> | undefined, key: string): string | undefined {
  const v = tryRead(() => obj?.[key]);
  return typeof v === "string" && v.length > 0 ? v : undefined;
}

/**
 * Runs `check` for each item. An unknown read stops only that item's check; the other items are
 * still judged and report. The first unknown read is rethrown at the end, so that the engine still
 * notes (as advisory) that part of the stack could not be judged in preview.
 */
export async function forEachContained<T>(items: T[], check: (item: T) => void | Promise<void>): Promise<void> {
  let first: unknown;
  for (const item of items) {
    try {
      await check(item);
    } catch (e) {
      if (!isUnknownError(e)) throw e;
      first ??= e;
    }
  }
  if (first !== undefined) throw first;
}

/**
 * A property that the provider also computes (a key's or topic's `policy`): unknown in preview both
 * when the program set it from other resources' outputs and when it was left for AWS to fill in.
 * The property dependency tells them apart: `given` when set from outputs, `absent` when left to AWS.
 */
export function computedInput(r: PolicyResource, field: string): { state: "known"; value: unknown } | { state: "given" | "absent" } {
  const v = tryRead(() => r.props[field]);
  if (v !== UNKNOWN) return v === undefined || v === null || v === "" ? { state: "absent" } : { state: "known", value: v };
  return (r.propertyDependencies?.[field] ?? []).length > 0 ? { state: "given" } : { state: "absent" };
}
