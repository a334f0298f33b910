// `pulumi.interpolate` with fewer Outputs (issue 12).
import * as pulumi from "@pulumi/pulumi";

/**
 * The same string as `pulumi.interpolate`, with the same dependencies, secrecy and unknowns, and
 * fewer Outputs: `pulumi.interpolate` runs `pulumi.output` over its placeholders (each Output
 * wrapped again and applied, the array an Output of its own) and applies once more, four Outputs
 * for one placeholder. Here a template is one `apply` per distinct Output placeholder
 * ({@link allApply}), and one without any is one Output of the plain string. Promises, arrays and
 * objects take the SDK's path.
 */
export function interpolate(literals: TemplateStringsArray, ...placeholders: pulumi.Input<unknown>[]): pulumi.Output<string> {
  const render = (values: unknown[]): string => {
    let result = "";
    for (let i = 0; i < values.length; i++) {
      result += literals[i];
      result += values[i];
    }
    return result + literals[literals.length - 1];
  };
  const outputs: pulumi.Output<unknown>[] = [];
  // The SDK's path gives the same string, secrecy and dependencies (test/internal/outputs.spec.ts pins that
  // for each kind of placeholder), only with more Outputs: a mutant that takes it where this function
  // would not is equivalent in behaviour (npm run bench measures the difference).
  for (const p of placeholders) {
    // Stryker disable next-line ConditionalExpression: equivalent, see above.
    if (!pulumi.Output.isInstance(p)) {
      // Promises, and arrays or objects that may hold Outputs, are resolved by the SDK's walk.
      // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, see above.
      if (p !== null && typeof p === "object") return pulumi.interpolate(literals, ...placeholders);
      continue;
    }
    // Stryker disable next-line ConditionalExpression: equivalent, the same Output applied twice gives the same string.
    if (!outputs.includes(p)) outputs.push(p);
  }
  if (outputs.length === 0) return pulumi.output(render(placeholders));
  return allApply(outputs as [pulumi.Output<unknown>, ...pulumi.Output<unknown>[]], (values) =>
    render(placeholders.map((p) => (pulumi.Output.isInstance(p) ? values[outputs.indexOf(p)] : p))),
  );
}

/**
 * `pulumi.all(inputs).apply(render)` with fewer Outputs: one `apply` per input, each nested in the
 * one before, where `pulumi.all` wraps every Output again and applies it (two Outputs each), makes
 * an Output of the array and applies once more. The result has the same value and secrecy, the same
 * resources to depend on (`apply` lifts the Output its function returns, with its resources and
 * secrecy), and is unknown when any input is. Only the first `apply` exists while the program runs
 * synchronously; each next one is made once the input before it is known.
 */
export function allApply<T>(
  inputs: [pulumi.Output<unknown>, ...pulumi.Output<unknown>[]],
  render: (values: unknown[]) => pulumi.Input<T>,
): pulumi.Output<T> {
  const step = (i: number, values: unknown[]): pulumi.Input<T> =>
    i === inputs.length ? render(values) : (inputs[i]!.apply((v) => step(i + 1, [...values, v])) as pulumi.Output<T>);
  return step(0, []) as pulumi.Output<T>;
}

/**
 * `pulumi.output(value).apply(fn)` for a string input, with one Output where that makes three: an
 * Output is applied as it is, not wrapped again first. The same value, secrecy, resources and unknowns.
 */
export function applyString<U>(value: pulumi.Input<string>, fn: (v: string) => pulumi.Input<U>): pulumi.Output<U> {
  // Stryker disable next-line ConditionalExpression: equivalent, wrapping the Output again only makes more Outputs.
  const output = pulumi.Output.isInstance(value) ? value : pulumi.output(value);
  return output.apply(fn) as pulumi.Output<U>;
}
