// Account, partition and region lookups, made once per provider for the components a program creates
// together instead of three invokes per component (issue 12).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { allApply } from "./interpolate";

/** Account, partition and region of the provider a component runs with. */
export interface AwsContext {
  /** Account id. */
  accountId: pulumi.Output<string>;
  /** Partition, e.g. `aws`. */
  partition: pulumi.Output<string>;
  /** Region, e.g. `us-east-1`. */
  region: pulumi.Output<string>;
  /** DNS suffix of the partition, e.g. `amazonaws.com`. */
  dnsSuffix: pulumi.Output<string>;
}

/** The invoke whose provider a parent would use (every `aws:` invoke resolves to the same one). */
const CALLER_IDENTITY = "aws:index/getCallerIdentity:getCallerIdentity";

/** The lookups shared by the components a program creates in one synchronous run of its code. */
interface Batch {
  /** The resource monitor they were made for (a new engine connection, or a new `setMocks`, starts afresh). */
  monitor: object;
  /** Per explicit provider object. */
  explicit: WeakMap<pulumi.ProviderResource, AwsContext>;
  /** For the default provider. */
  default?: AwsContext;
}

/**
 * The current batch. It ends when the code that created it yields (a microtask later): a program
 * creates its components in one synchronous run and shares one lookup per provider, while code that
 * awaits in between (a test, the next program in one process) starts afresh, so that every program
 * sees its lookups resolve in the same order as if it ran alone.
 */
let batch: Batch | undefined;

/** The resource monitor of the current run, or `undefined` when there is none (then nothing is shared). */
function currentMonitor(): object | undefined {
  // Stryker disable BlockStatement,OptionalChaining: the SDK pinned here has this module and getMonitor; the fallbacks keep an SDK without them working (nothing shared then).
  try {
    const settings = require("@pulumi/pulumi/runtime/settings") as { getMonitor?: () => object | undefined };
    return settings.getMonitor?.();
  } catch {
    return undefined;
  }
}
// Stryker restore BlockStatement,OptionalChaining

/** The three invokes, parented to `parent` so that its provider answers them. */
function lookup(parent: pulumi.Resource): AwsContext {
  const opts = { parent };
  const identity = aws.getCallerIdentityOutput({}, opts);
  const partition = aws.getPartitionOutput({}, opts);
  const region = aws.getRegionOutput({}, opts);
  return {
    accountId: identity.accountId,
    partition: partition.partition,
    dnsSuffix: partition.dnsSuffix,
    region: region.region,
  };
}

/**
 * Looks up the account, partition and region through invokes parented to `parent`, so an explicit
 * provider (another account or region) is honoured. Components created together (in one synchronous run of the program)
 * with the same provider share one lookup: the answers cannot differ, and three invokes per
 * component were a large part of a component's cost (issue 12).
 */
export function awsContext(parent: pulumi.Resource): AwsContext {
  const monitor = currentMonitor();
  if (monitor === undefined) return lookup(parent);
  if (batch === undefined || batch.monitor !== monitor) {
    const current: Batch = { monitor, explicit: new WeakMap() };
    batch = current;
    queueMicrotask(() => {
      if (batch === current) batch = undefined;
    });
  }
  const provider = parent.getProvider(CALLER_IDENTITY);
  if (provider === undefined) return (batch.default ??= lookup(parent));
  let ctx = batch.explicit.get(provider);
  if (ctx === undefined) {
    ctx = lookup(parent);
    batch.explicit.set(provider, ctx);
  }
  return ctx;
}

/** Account, partition and region as plain values, once known. */
export interface ResolvedContext {
  partition: string;
  region: string;
  accountId: string;
}

/** One Output of each context's values, shared by every string built from that context. */
const resolvedContexts = new WeakMap<object, pulumi.Output<ResolvedContext>>();

/** The strings {@link fromContext} made, per context and key. */
const contextStrings = new WeakMap<object, Map<string, pulumi.Output<string>>>();

/**
 * `render` of the context's resolved values: one `apply` on an Output shared per context, where a
 * `pulumi.interpolate` over the context would lift each of its Outputs again for every string. It
 * is made once per context and `key` (the string's template, e.g. `arn:<partition>:ec2:<region>:<account>:instance/*`),
 * however many policies of however many components name it: `key` must say what `render` renders.
 */
export function fromContext(ctx: ContextValues, key: string, render: (c: ResolvedContext) => string): pulumi.Output<string> {
  let strings = contextStrings.get(ctx);
  if (strings === undefined) contextStrings.set(ctx, (strings = new Map()));
  let made = strings.get(key);
  // Stryker disable next-line ConditionalExpression: a new Output each time resolves to the same string; sharing one only saves Outputs (npm run bench).
  if (made === undefined) strings.set(key, (made = resolvedContext(ctx).apply(render)));
  return made;
}

/**
 * `arn:<partition>:<service>:<region>:<account>:<resource(value)>`: {@link regionalArn} when `value`
 * is a plain string, else one {@link fromContextAnd} over the context and `value` (where an
 * `interpolate` of `value` first would add an Output).
 */
export function regionalArnOf(
  ctx: ContextValues,
  service: string,
  value: pulumi.Input<string>,
  resource: (v: string) => string = (v) => v,
): pulumi.Output<string> {
  // Stryker disable next-line ConditionalExpression: equivalent, the general path below gives the same ARN for a string.
  if (typeof value === "string") return regionalArn(ctx, service, resource(value));
  return fromContextAnd(ctx, value, (c, v) => `arn:${c.partition}:${service}:${c.region}:${c.accountId}:${resource(v)}`);
}

/** `arn:<partition>:<service>:<region>:<account>:<resource>` of the context, one Output per context and ARN ({@link fromContext}). */
export function regionalArn(ctx: ContextValues, service: string, resource: string): pulumi.Output<string> {
  return fromContext(
    ctx,
    `arn:<partition>:${service}:<region>:<account>:${resource}`,
    (c) => `arn:${c.partition}:${service}:${c.region}:${c.accountId}:${resource}`,
  );
}

/**
 * `render` of the context's resolved values and of `value`: one `apply` on the shared Output of
 * the context and one on `value` ({@link allApply}), where a `pulumi.interpolate` over the context
 * and `value` would lift each of the context's Outputs again.
 */
export function fromContextAnd<T>(
  ctx: ContextValues,
  value: pulumi.Input<T>,
  render: (c: ResolvedContext, v: T) => string,
): pulumi.Output<string> {
  const other: pulumi.Output<unknown> = pulumi.Output.isInstance(value) ? value : pulumi.output(value);
  return allApply([resolvedContext(ctx), other], ([c, v]) => render(c as ResolvedContext, v as T));
}

/** The values a context's strings are built from (an {@link AwsContext}, or plain values). */
export type ContextValues = { partition: pulumi.Input<string>; region: pulumi.Input<string>; accountId: pulumi.Input<string> };

/** The context's values as one Output, shared per context. */
function resolvedContext(ctx: ContextValues): pulumi.Output<ResolvedContext> {
  let resolved = resolvedContexts.get(ctx);
  // Stryker disable next-line ConditionalExpression: a new Output each time resolves to the same values; sharing one only saves Outputs (npm run bench).
  if (resolved === undefined) {
    resolved = pulumi
      .all([ctx.partition, ctx.region, ctx.accountId])
      .apply(([partition, region, accountId]) => ({ partition, region, accountId }));
    resolvedContexts.set(ctx, resolved);
  }
  return resolved;
}
