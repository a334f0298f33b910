import * as pulumi from "@pulumi/pulumi";

/**
 * Runs `check` (validators throw plain `Error`s) and rethrows what it throws as a
 * `pulumi.ResourceError` of `resource`, so that the engine names the component that refused its args.
 */
export function asResourceError<T>(resource: pulumi.Resource, check: () => T): T {
  try {
    return check();
  } catch (e) {
    throw new pulumi.ResourceError((e as Error).message, resource);
  }
}
