import * as pulumi from "@pulumi/pulumi";

/**
 * A physical name unique to this project and stack: `<project>-<stack>-<name>`, with
 * characters outside `[A-Za-z0-9_-]` replaced by `-` and cut to `maxLength`.
 * Used where a resource's ARN must be known before it exists (confused-deputy
 * conditions) or must not collide between stacks of one account.
 */
export function stackScopedName(name: string, maxLength: number, separator = "-"): string {
  const raw = [pulumi.getProject(), pulumi.getStack(), name].join(separator);
  return raw.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, maxLength);
}

/** Same characters as {@link stackScopedName}, joined with `/` for KMS aliases. */
export function stackScopedAlias(name: string): string {
  return "alias/" + [pulumi.getProject(), pulumi.getStack(), name].map((p) => p.replace(/[^A-Za-z0-9_-]/g, "-")).join("/");
}
