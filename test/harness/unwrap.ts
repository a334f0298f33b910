import * as pulumi from "@pulumi/pulumi";

/** Resolves an Input/Output to its plain value (mocked outputs are always known). */
export function unwrap<T>(value: pulumi.Input<T>): Promise<pulumi.Unwrap<T>> {
  return new Promise((resolve) => pulumi.output(value).apply((v) => resolve(v as pulumi.Unwrap<T>)));
}

/** Waits until the mock engine has answered every registration started so far. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
}
