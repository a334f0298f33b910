// Children a component keeps to itself, registered without the Outputs nobody can read (issue 12).
//
// A `@pulumi/aws` class makes an Output for every property its resource can return (an
// `aws.cloudwatch.EventTarget` has 23, an `aws.cloudwatch.EventRule` 16), and the SDK keeps about 26
// promises for each until the program ends. A child that the component neither exposes nor reads
// needs none of them. `HiddenChild` registers it as a plain `pulumi.CustomResource` of the same type
// with the same inputs and the same options the class would add, and makes Outputs only for the
// properties the component reads (`outputs`). The engine receives the very same registration:
// properties whose value is undefined are not sent, and the class adds only its provider version
// (`resourceOptsDefaults`) to the options. test/internal/hidden-child.spec.ts compares the whole
// RegisterResource request of each class used here with the class's own.
import * as pulumi from "@pulumi/pulumi";

/**
 * A `@pulumi/aws` resource class. Its type token is the class's static `__pulumiType`, which every
 * generated class has but its declarations leave out.
 */
export type AwsResourceClass<A> = new (name: string, args: A, opts?: pulumi.CustomResourceOptions) => pulumi.CustomResource;

/** What the class merges into the options it is given: its provider plugin's version. */
function awsDefaults(): pulumi.CustomResourceOptions {
  const utilities = require("@pulumi/aws/utilities") as { resourceOptsDefaults(): pulumi.CustomResourceOptions };
  return utilities.resourceOptsDefaults();
}

/** The type token of `cls`. */
function typeOf(cls: { name: string }): string {
  const type: unknown = (cls as unknown as { __pulumiType?: unknown }).__pulumiType;
  if (typeof type !== "string") throw new Error(`${cls.name} has no type token: it is not a @pulumi/aws resource class.`);
  return type;
}

/**
 * A child of `cls`'s type that no caller can reach, registered with `args` as its inputs and with an
 * Output only for each property in `outputs` (read them with `output`).
 *
 * A class, not a function, so that the source position the SDK records for the child is the line
 * that creates it, as for `new cls(...)`: the SDK skips the frames of the constructors.
 */
export class HiddenChild<A extends object, K extends string = never> extends pulumi.CustomResource {
  constructor(cls: AwsResourceClass<A>, name: string, args: A, outputs: readonly K[], opts: pulumi.CustomResourceOptions) {
    // The class lists its inputs in the order of their names, then the properties only AWS sets. The
    // engine is told each property's dependencies in the order of the properties.
    const given = args as Record<string, unknown>;
    const props: Record<string, unknown> = {};
    for (const k of Object.keys(given).sort()) props[k] = given[k];
    for (const k of outputs) if (!(k in props)) props[k] = undefined;
    super(typeOf(cls), name, props, pulumi.mergeOptions(awsDefaults(), opts));
  }

  /** The Output of a property named in `outputs`. */
  output(key: K): pulumi.Output<string> {
    return (this as unknown as Record<K, pulumi.Output<string>>)[key];
  }
}
