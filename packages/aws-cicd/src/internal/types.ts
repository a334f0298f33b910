import * as pulumi from "@pulumi/pulumi";

/**
 * Type checks for JavaScript callers (and YAML or JSON configuration), shared by every validator:
 * TypeScript's types do not exist at run time, and a wrong type must not silently change
 * behaviour (`dockerBuilds: "yes"` is truthy). Each throws "`<arg>` must be <what>, got <received>."
 * and lets `undefined` (an omitted optional argument) pass.
 */

/** How a message renders a received value: `the string "yes"`, `the number 3`, `null`, `a list`, `an object`. */
export function describeReceived(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  if (pulumi.Output.isInstance(value)) return "an Output";
  if (value instanceof Promise) return "a Promise";
  switch (typeof value) {
    case "string":
      return `the string ${JSON.stringify(value)}`;
    case "number":
    case "bigint":
      return `the number ${value}`;
    case "boolean":
      return `the boolean ${value}`;
    case "function":
      return "a function";
    default:
      return Object.keys(value as object).length === 0 ? "an empty object {}" : "an object";
  }
}

/** Whether `value` is an object with fields (not null, not a list, not an Output). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" && value !== null && !Array.isArray(value) && !pulumi.Output.isInstance(value) && !(value instanceof Promise)
  );
}

/** Throws unless `value` is `true`, `false` or `undefined`. */
export function checkBoolean(arg: string, value: unknown): void {
  if (value !== undefined && typeof value !== "boolean") {
    throw new Error(`\`${arg}\` must be true or false, got ${describeReceived(value)}; pass a boolean, not a string or number.`);
  }
}

/** Throws unless `value` is a finite number or `undefined` (ranges are checked by each validator). */
export function checkNumber(arg: string, value: unknown): void {
  // Number.isFinite is false for anything but a finite number (a string "3" included).
  if (value !== undefined && !Number.isFinite(value)) {
    throw new Error(`\`${arg}\` must be a number, got ${describeReceived(value)}; pass a number, not a string.`);
  }
}

/** Throws unless `value` is a string or `undefined` (plain data arguments that take no Output). */
export function checkString(arg: string, value: unknown): void {
  if (value !== undefined && typeof value !== "string") {
    throw new Error(`\`${arg}\` must be a string, got ${describeReceived(value)}.`);
  }
}

/** Throws unless `value` is a list or `undefined`. */
export function checkList(arg: string, value: unknown): void {
  if (value !== undefined && !Array.isArray(value)) {
    throw new Error(`\`${arg}\` must be a list, got ${describeReceived(value)}; wrap a single item in [ ].`);
  }
}

/** Throws unless `value` is an object or `undefined`; `fields` names what it holds, for the message. */
export function checkObject(arg: string, value: unknown, fields: string): void {
  if (value !== undefined && !isRecord(value)) {
    throw new Error(
      `\`${arg}\` must be an object with ${fields}, got ${describeReceived(value)}; pass the fields or leave \`${arg}\` out.`,
    );
  }
}

/** Throws when the field `arg` (a dotted path) is missing although its parent object was given. */
export function checkRequired(arg: string, value: unknown): void {
  if (value !== undefined && value !== null) return;
  const dot = arg.lastIndexOf(".");
  const parent = dot === -1 ? undefined : arg.slice(0, dot);
  throw new Error(
    parent === undefined
      ? `\`${arg}\` is required, got ${describeReceived(value)}.`
      : `\`${arg}\` is required when \`${parent}\` is given, got ${describeReceived(value)}; add it or leave \`${parent}\` out.`,
  );
}

/** Throws unless `value` is a key reference (an EncryptionKey or `{ keyArn }`) or `undefined`. */
export function checkKeyReference(arg: string, value: unknown): void {
  if (value === undefined) return;
  if (!isRecord(value) || value.keyArn === undefined || value.keyArn === null) {
    const hint = typeof value === "string" ? `; to name a key by ARN, pass \`{ keyArn: ${JSON.stringify(value)} }\`` : "";
    throw new Error(
      `\`${arg}\` must be a key object (an EncryptionKey, or \`{ keyArn }\` for a key you own), got ${describeReceived(value)}${hint}.`,
    );
  }
}

/** Per-argument kinds a validator checks with {@link checkTypes}. */
export interface ArgTypes {
  /** Arguments that must be booleans. */
  booleans?: readonly string[];
  /** Arguments that must be numbers. */
  numbers?: readonly string[];
  /** Arguments that must be strings. */
  strings?: readonly string[];
  /** Arguments that must be lists. */
  lists?: readonly string[];
  /** Arguments that must be objects with fields, and what fields (for the message). */
  objects?: Readonly<Record<string, string>>;
  /** Arguments that must be key references. */
  keys?: readonly string[];
  /** Fields that must be present when their parent object is (a top-level name: always). */
  required?: readonly string[];
  /** Lists whose items must be objects, and what fields (for the message). */
  objectLists?: Readonly<Record<string, string>>;
  /** Lists whose items must be strings. */
  stringLists?: readonly string[];
  /** Lists whose items must be strings or Outputs. */
  inputLists?: readonly string[];
}

/** The value at a dotted path (`vpc.subnetIds`) of `args`, `undefined` when a step is missing. */
function at(args: unknown, path: string): unknown {
  let v: unknown = args;
  for (const step of path.split(".")) {
    if (!isRecord(v)) return undefined;
    v = v[step];
  }
  return v;
}

/** Whether the parent object of the dotted path `arg` was given (a top-level argument always has one). */
function parentGiven(args: unknown, arg: string): boolean {
  const dot = arg.lastIndexOf(".");
  return dot === -1 || isRecord(at(args, arg.slice(0, dot)));
}

/**
 * Checks the kinds of `args`' arguments (dotted paths, each checked when its parent is an object).
 * Objects are checked first, so `vpc: null` is named before what it would hold. `prefix` is how
 * the user wrote `args` (`stages[1].actions[0].codeBuild`), for messages.
 */
export function checkTypes(args: unknown, types: ArgTypes, prefix?: string): void {
  const name = (arg: string) => (prefix === undefined ? arg : `${prefix}.${arg}`);
  for (const [arg, fields] of Object.entries(types.objects ?? {})) checkObject(name(arg), at(args, arg), fields);
  for (const arg of types.required ?? []) if (parentGiven(args, arg)) checkRequired(name(arg), at(args, arg));
  // Stryker disable ArrayDeclaration: a kind list left out may as well name an argument that is not there: every check lets a missing value pass.
  for (const arg of types.keys ?? []) checkKeyReference(name(arg), at(args, arg));
  for (const arg of types.booleans ?? []) checkBoolean(name(arg), at(args, arg));
  for (const arg of types.numbers ?? []) checkNumber(name(arg), at(args, arg));
  for (const arg of types.strings ?? []) checkString(name(arg), at(args, arg));
  for (const arg of types.lists ?? []) checkList(name(arg), at(args, arg));
  // Stryker restore ArrayDeclaration
  const items = (arg: string, check: (item: unknown) => boolean, what: string) => {
    const list = at(args, arg);
    checkList(name(arg), list);
    (Array.isArray(list) ? list : []).forEach((item, i) => {
      if (!check(item)) throw new Error(`\`${name(arg)}[${i}]\` must be ${what}, got ${describeReceived(item)}.`);
    });
  };
  for (const [arg, fields] of Object.entries(types.objectLists ?? {})) items(arg, isRecord, `an object with ${fields}`);
  // Stryker disable next-line ArrayDeclaration: as above, a list that is not there passes.
  for (const arg of types.stringLists ?? []) items(arg, (v) => typeof v === "string", "a string");
  // Stryker disable next-line ArrayDeclaration: as above, a list that is not there passes.
  for (const arg of types.inputLists ?? [])
    items(arg, (v) => typeof v === "string" || pulumi.Output.isInstance(v) || v instanceof Promise, "a string or an Output");
}

/** A received value as messages quote it: a string in quotes, anything else described ({@link describeReceived}). */
export function shown(value: unknown): string {
  return typeof value === "string" ? `"${value}"` : describeReceived(value);
}

/** Throws unless the component's `args` is an object (JavaScript callers may pass null or a string). */
export function checkArgsObject(args: unknown, required: boolean): void {
  if (args === undefined && !required) return;
  if (!isRecord(args)) {
    throw new Error(`\`args\` must be an object, got ${describeReceived(args)}; pass \`{ ... }\` as the second constructor argument.`);
  }
}
