// The floor of a scenario: the very registrations the components made, replayed with the same SDK
// as plain `pulumi.CustomResource`s (and plain `pulumi.ComponentResource`s for the components, so
// that parents and URNs are the same), with resolved plain inputs and the same options.
//
// What the floor includes: every registration (type, name, parent, inputs, and the options
// dependsOn, retainOnDelete, protect, ignoreChanges, deleteBeforeReplace, replaceOnChanges,
// additionalSecretOutputs), each registration answered by the same mock engine, and parsing its
// recorded JSON (one line per resource). What it leaves out: invokes, Outputs between resources
// (inputs are already resolved), aliases that @pulumi/aws adds to a few types, component outputs
// (components register none) and loading @pulumi/aws. Explicit providers (a ServiceFleet's, for another
// account) are replayed as providers, and each resource gets the one it had.
import * as fs from "fs";
import * as pulumi from "@pulumi/pulumi";

/** A plain custom resource (the SDK's class is abstract only to make providers subclass it). */
class FloorResource extends pulumi.CustomResource {}

/** A plain explicit provider (the SDK's class is abstract too), e.g. a ServiceFleet's provider for another account. */
class FloorProvider extends pulumi.ProviderResource {}

/** A plain component that registers no outputs of its own. */
class FloorComponent extends pulumi.ComponentResource {
  constructor(type: string, name: string, opts: pulumi.ComponentResourceOptions) {
    super(type, name, {}, opts);
    this.registerOutputs({});
  }
}

/** One registration as the engine received it. */
export interface Registration {
  type: string;
  name: string;
  /** The URN the engine gave it (parents and dependencies name these). */
  urn: string;
  custom: boolean;
  parent?: string;
  /** The URN of the explicit provider it was given, if any. */
  provider?: string;
  inputs: Record<string, unknown>;
  options: {
    dependsOn: string[];
    retainOnDelete: boolean;
    protect: boolean;
    ignoreChanges: string[];
    deleteBeforeReplace: boolean;
    replaceOnChanges: string[];
    additionalSecretOutputs: string[];
  };
}

/** The recording file, written a line per registration as it happens (nothing is kept in memory). */
let recordingFd: number | undefined;
let pending: Omit<Registration, "inputs"> | undefined;

/** Wraps the mock monitor so that every registration is written to `file` (call before the program runs). */
export function recordRegistrations(file: string): void {
  recordingFd = fs.openSync(file, "w");
  const { MockMonitor } = require("@pulumi/pulumi/runtime/mocks");
  const original = MockMonitor.prototype.registerResource;
  MockMonitor.prototype.registerResource = function (this: any, req: any, callback: unknown) {
    // A provider reference is `<urn>::<id>`.
    const provider: string = req.getProvider();
    pending = {
      type: req.getType(),
      name: req.getName(),
      urn: this.newUrn(req.getParent(), req.getType(), req.getName()),
      custom: req.getCustom(),
      parent: req.getParent() || undefined,
      provider: provider ? provider.substring(0, provider.lastIndexOf("::")) : undefined,
      options: {
        dependsOn: req.getDependenciesList(),
        retainOnDelete: req.getRetainondelete(),
        protect: req.getProtect(),
        ignoreChanges: req.getIgnorechangesList(),
        deleteBeforeReplace: req.getDeletebeforereplace(),
        replaceOnChanges: req.getReplaceonchangesList(),
        additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
      },
    };
    return original.call(this, req, callback);
  };
}

/** Called by the mock engine's `newResource` with the resolved inputs of the registration being answered. */
export function recordInputs(inputs: Record<string, unknown>): void {
  if (pending === undefined || recordingFd === undefined) return;
  fs.writeSync(recordingFd, `${JSON.stringify({ ...pending, inputs })}\n`);
  pending = undefined;
}

/** Closes the recording file. */
export function closeRecording(): void {
  if (recordingFd !== undefined) fs.closeSync(recordingFd);
  recordingFd = undefined;
}

/** Reads the recording (untimed: the file as bytes only; parsing is part of the floor's synth). */
export function readRecording(file: string): Buffer {
  return fs.readFileSync(file);
}

/** A resource class of @pulumi/aws, from its type token (`aws:iam/role:Role` is `aws.iam.Role`). */
function awsClass(type: string): new (name: string, args: object, opts: pulumi.CustomResourceOptions) => pulumi.Resource {
  const aws = require("@pulumi/aws");
  const [, module = "", member = ""] = type.split(":");
  const cls = aws[module.split("/")[0]!]?.[member];
  if (typeof cls !== "function") throw new Error(`The typed floor has no @pulumi/aws class for ${type}.`);
  return cls;
}

/**
 * An explicit provider again: a plain one, or (typed) `aws.Provider`, which JSON-encodes every input
 * (lists, objects, booleans) itself, so it gets them decoded as the program gave them.
 */
function provider(r: Registration, opts: pulumi.CustomResourceOptions, typed: boolean): pulumi.Resource {
  const pkg = r.type.substring("pulumi:providers:".length);
  if (!typed || pkg !== "aws") return new FloorProvider(pkg, r.name, r.inputs, opts);
  const decode = (v: unknown) => {
    try {
      return typeof v === "string" ? JSON.parse(v) : v;
    } catch {
      return v; // a plain string such as the region
    }
  };
  const decoded = Object.fromEntries(Object.entries(r.inputs).map(([k, v]) => [k, decode(v)]));
  // aws.Provider adds its secret outputs (accessKey, secretKey, token) itself.
  return new (require("@pulumi/aws").Provider)(r.name, decoded, { ...opts, additionalSecretOutputs: undefined });
}

/**
 * Registers every recorded resource again, in the recorded order, and returns nothing to export.
 * `typed`: through the @pulumi/aws classes instead of plain CustomResources (the typed floor: it
 * adds what @pulumi/aws itself costs, an Output for every property the provider can return).
 * `quiet`: with V8's stack trace limit at 0 for the whole replay (the quiet floor: the SDK formats
 * no stack for the promises it tracks, as inside the components' windows, internal/quiet-stacks.ts).
 */
export function replayFloor(recording: Buffer, typed = false, quiet = false): Record<string, unknown> {
  if (!quiet) return replay(recording, typed);
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return replay(recording, typed);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function replay(recording: Buffer, typed: boolean): Record<string, unknown> {
  const byUrn = new Map<string, pulumi.Resource>();
  let start = 0;
  while (start < recording.length) {
    let end = recording.indexOf(10, start);
    if (end < 0) end = recording.length;
    const r = JSON.parse(recording.toString("utf8", start, end)) as Registration;
    start = end + 1;
    const get = (urn: string) => {
      const found = byUrn.get(urn);
      if (found === undefined) throw new Error(`The floor has no resource ${urn} (needed by ${r.name}).`);
      return found;
    };
    const opts: pulumi.CustomResourceOptions = {
      parent: r.parent === undefined ? undefined : get(r.parent),
      provider: r.provider === undefined ? undefined : (get(r.provider) as pulumi.ProviderResource),
      dependsOn: r.options.dependsOn.map(get),
      retainOnDelete: r.options.retainOnDelete || undefined,
      protect: r.options.protect || undefined,
      ignoreChanges: r.options.ignoreChanges.length > 0 ? r.options.ignoreChanges : undefined,
      deleteBeforeReplace: r.options.deleteBeforeReplace || undefined,
      replaceOnChanges: r.options.replaceOnChanges.length > 0 ? r.options.replaceOnChanges : undefined,
      additionalSecretOutputs: r.options.additionalSecretOutputs.length > 0 ? r.options.additionalSecretOutputs : undefined,
    };
    const resource = r.type.startsWith("pulumi:providers:")
      ? provider(r, opts, typed)
      : r.custom
        ? typed && r.type.startsWith("aws:")
          ? new (awsClass(r.type))(r.name, r.inputs, opts)
          : new FloorResource(r.type, r.name, r.inputs, opts)
        : new FloorComponent(r.type, r.name, { parent: opts.parent, dependsOn: opts.dependsOn });
    byUrn.set(r.urn, resource);
  }
  return {};
}
