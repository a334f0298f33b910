// Policy documents as JSON strings with as few Outputs as the SDK allows (issue 12).
//
// `pulumi.jsonStringify(document)` runs `pulumi.output` over the whole document: every Output in
// it is wrapped again and applied (two Outputs each), every array or object holding one becomes an
// Output of its own, and the result is applied once more. A policy names the same few Outputs
// (a key ARN, the account, the partition) many times, so a program of many pipelines spent much of
// its time creating and settling those Outputs. Here the distinct Outputs and Promises of a
// document are collected once, combined by one `apply` each (`allApply`: no Output is wrapped
// again), and put back in place in the last one: the same string, the same dependencies and secrecy (those of every Output named), and
// the same unknown during a preview when any of them is.
import * as pulumi from "@pulumi/pulumi";
import { allApply } from "../internal/interpolate";

/** Whether `value` is resolved only later: an Output or a Promise. */
function pending(value: unknown): boolean {
  return pulumi.Output.isInstance(value) || value instanceof Promise;
}

/** Adds every Output and Promise within `value` (arrays and plain objects, as `pulumi.output` walks them) to `into`. */
function collectPending(value: unknown, into: Set<unknown>): Set<unknown> {
  if (pending(value)) {
    into.add(value);
    // Stryker disable next-line ConditionalExpression: equivalent, an array would take the next branch, whose Object.values are its items
  } else if (Array.isArray(value)) {
    for (const v of value) collectPending(v, into);
  } else if (value !== null && typeof value === "object" && !pulumi.Resource.isInstance(value)) {
    for (const v of Object.values(value)) collectPending(v, into);
  }
  return into;
}

/** A copy of `value` with each Output or Promise replaced by its value in `resolved`. */
function substitute(value: unknown, resolved: Map<unknown, unknown>): unknown {
  if (pending(value)) return resolved.get(value);
  if (Array.isArray(value)) return value.map((v) => substitute(v, resolved));
  if (value !== null && typeof value === "object" && !pulumi.Resource.isInstance(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = substitute(v, resolved);
    return out;
  }
  return value;
}

/**
 * `JSON.stringify(finish(document))` once every Output and Promise in `document` is known, as one
 * Output (a plain document costs one Output). `finish` receives the document with values in
 * place, as `pulumi.output(document).apply(finish)` would. `check`, when given, runs on the JSON
 * as `.apply(check)` on the result would (it may throw, or return the JSON or an Output of it),
 * inside the last `apply` rather than in one more.
 */
export function jsonOnceKnown(
  document: unknown,
  finish: (resolved: unknown) => unknown,
  check?: (json: string) => pulumi.Input<string>,
): pulumi.Output<string> {
  const inputs = [...collectPending(document, new Set())];
  if (inputs.length === 0) {
    const json = pulumi.output(JSON.stringify(finish(document)));
    // A plain document is checked when its Output resolves, as before: never while the program runs.
    return check === undefined ? json : (json.apply(check) as pulumi.Output<string>);
  }
  // `apply` lifts an Output its function returns, so the result is an Output of a string either way.
  const outputs = inputs.map((input) => (input instanceof Promise ? pulumi.output(input) : (input as pulumi.Output<unknown>)));
  return allApply(outputs as [pulumi.Output<unknown>, ...pulumi.Output<unknown>[]], (values): pulumi.Input<string> => {
    const resolved = substitute(document, new Map(inputs.map((input, i) => [input, values[i]])));
    // An Output that resolves to a value holding Outputs again: resolve those too, as `pulumi.output` does.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a resolved document with nothing pending gives the same JSON through one more Output
    if (collectPending(resolved, new Set()).size > 0) return jsonOnceKnown(resolved, finish, check);
    const json = JSON.stringify(finish(resolved));
    return check === undefined ? json : check(json);
  });
}

/**
 * `pulumi.jsonStringify(value)` of plain JSON data (strings, numbers, arrays, plain objects) holding
 * Outputs, as one Output ({@link jsonOnceKnown}): the same bytes, secrecy and resources.
 */
export function jsonString(value: unknown): pulumi.Output<string> {
  return jsonOnceKnown(value, (resolved) => resolved);
}
