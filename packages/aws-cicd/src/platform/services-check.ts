/**
 * `checkServicesFile`: validates a services file given as an object, against the JSON Schema
 * (services-schema.ts) and then the rules a schema cannot say (references, duplicates, sizes).
 * Problems are reported at a path (`services[3].environments[0].target`); `parseServicesFile`
 * adds the file, line and column.
 */
import { Schema, SERVICES_SCHEMA } from "./services-schema";
import type { PresetDefinition } from "./service-fleet-args";
import { ServiceDefaults, ServicesFile } from "./services-types";

/** A path into the services file: keys and list positions. */
export type ServicesPath = (string | number)[];

/** A problem of a services file, at a path. */
export class ServicesFileProblem extends Error {
  constructor(
    readonly path: ServicesPath,
    readonly detail: string,
  ) {
    super(`${formatServicesPath(path)}: ${detail}`);
    this.name = "ServicesFileProblem";
  }
}

/** `services[3].environments[0].target`, or `(file)` for the root. */
export function formatServicesPath(path: ServicesPath): string {
  if (path.length === 0) return "(file)";
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

const DEFS = SERVICES_SCHEMA.$defs as Record<string, Schema>;
const resolve = (schema: Schema): Schema => (schema.$ref ? DEFS[schema.$ref.replace("#/$defs/", "")] : schema);
const shown = (v: unknown): string => {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return JSON.stringify(v);
};
const TYPE_NAMES: Record<string, string> = {
  object: "a mapping",
  array: "a list",
  string: "a string",
  integer: "a whole number",
  boolean: "true or false",
};
const typeOk = (type: string, v: unknown): boolean =>
  type === "object"
    ? typeof v === "object" && v !== null && !Array.isArray(v)
    : type === "array"
      ? Array.isArray(v)
      : type === "integer"
        ? typeof v === "number" && Number.isInteger(v)
        : typeof v === type;
const kindLabel = (schema: Schema) => (schema.description?.startsWith("The target") ? "target kind" : "source kind");

/** Checks `value` against `schema`, throwing the first problem in document order. */
export function checkSchema(value: unknown, schema: Schema, path: ServicesPath): void {
  const sc = resolve(schema);
  const fail = (detail: string): never => {
    throw new ServicesFileProblem(path, detail);
  };
  if (sc.type && !typeOk(sc.type, value)) fail(`must be ${TYPE_NAMES[sc.type]}, got ${shown(value)}.`);
  if (sc.enum && !sc.enum.includes(value as string)) fail(`must be one of ${sc.enum.join(", ")}; got ${shown(value)}.`);
  if (typeof value === "string") {
    if (sc.minLength !== undefined && value.length < sc.minLength)
      fail(`must have at least ${sc.minLength} characters, got ${shown(value)}.`);
    if (sc.maxLength !== undefined && value.length > sc.maxLength)
      fail(`must have at most ${sc.maxLength} characters, got ${value.length}.`);
    if (sc.pattern && !new RegExp(sc.pattern).test(value))
      fail(`must match \`${sc.pattern}\` (${(sc.description ?? "").replace(/\.$/, "")}), got ${shown(value)}.`);
  }
  if (typeof value === "number") {
    if (sc.minimum !== undefined && value < sc.minimum) fail(`must be ${sc.minimum} or more, got ${value}.`);
    if (sc.maximum !== undefined && value > sc.maximum) fail(`must be ${sc.maximum} or less, got ${value}.`);
  }
  if (Array.isArray(value)) {
    if (sc.minItems !== undefined && value.length < sc.minItems)
      fail(`must have at least ${sc.minItems} item${sc.minItems === 1 ? "" : "s"}, got ${value.length}.`);
    if (sc.maxItems !== undefined && value.length > sc.maxItems) fail(`must have at most ${sc.maxItems} items, got ${value.length}.`);
    value.forEach((item, i) => {
      if (sc.uniqueItems && value.indexOf(item) !== i)
        throw new ServicesFileProblem([...path, i], `repeats ${shown(item)}; list each value once.`);
      if (sc.items) checkSchema(item, sc.items, [...path, i]);
    });
  }
  if (typeOk("object", value)) checkObject(value as Record<string, unknown>, sc, path);
}

function checkObject(value: Record<string, unknown>, sc: Schema, path: ServicesPath): void {
  const keys = Object.keys(value);
  const props = sc.properties ?? {};
  const oneOf = sc.maxProperties === 1 && sc.properties !== undefined;
  for (const key of keys) {
    if (props[key]) continue;
    if (sc.additionalProperties === false) {
      const allowed = Object.keys(props).join(", ");
      throw new ServicesFileProblem(
        [...path, key],
        oneOf ? `unknown ${kindLabel(sc)} "${key}"; allowed: ${allowed}.` : `unknown field "${key}"; allowed: ${allowed}.`,
      );
    }
  }
  if (oneOf && keys.length !== 1)
    throw new ServicesFileProblem(
      path,
      `set exactly one of ${Object.keys(props).join(", ")}; got ${keys.length ? keys.join(", ") : "none"}.`,
    );
  if (sc.minProperties !== undefined && keys.length < sc.minProperties)
    throw new ServicesFileProblem(path, `must name at least ${sc.minProperties} entry.`);
  for (const required of sc.required ?? [])
    if (value[required] === undefined) throw new ServicesFileProblem(path, `missing required field "${required}".`);
  for (const key of keys) {
    if (sc.propertyNames && !props[key]) checkSchema(key, sc.propertyNames, [...path, key]);
    const child = props[key] ?? (typeof sc.additionalProperties === "object" ? sc.additionalProperties : undefined);
    if (child) checkSchema(value[key], child, [...path, key]);
  }
}

/** The preset defaults each team's services get (empty when the program gives no presets). */
function presetDefaultsByTeam(file: ServicesFile, presets: readonly PresetDefinition[]): Map<string, ServiceDefaults | undefined> {
  const out = new Map<string, ServiceDefaults | undefined>();
  if (presets.length === 0) return out;
  const name = file.preset?.name;
  const versions = presets.filter((p) => p.name === name);
  if (name === undefined || versions.length === 0)
    throw new ServicesFileProblem(
      file.preset ? ["preset", "name"] : [],
      `${file.preset ? `preset "${name}" is not one the program gives` : "the file names no `preset`"}; presets: ${[...new Set(presets.map((p) => p.name))].join(", ")}.`,
    );
  const known = versions.map((p) => p.version);
  if (!known.includes(file.preset!.version))
    throw new ServicesFileProblem(["preset", "version"], `${name} has no version ${file.preset!.version}; versions: ${known.join(", ")}.`);
  for (const [team, spec] of Object.entries(file.teams)) {
    const version = spec.presetVersion ?? file.preset!.version;
    if (!known.includes(version))
      throw new ServicesFileProblem(["teams", team, "presetVersion"], `${name} has no version ${version}; versions: ${known.join(", ")}.`);
    out.set(team, versions.find((p) => p.version === version)!.defaults);
  }
  return out;
}

/** Checks the rules beyond the schema: presets known, names unique, references known, sizes ordered. */
function checkReferences(file: ServicesFile, presets: readonly PresetDefinition[]): void {
  const presetDefaults = presetDefaultsByTeam(file, presets);
  const seen = new Map<string, number>();
  file.services.forEach((service, i) => {
    const first = seen.get(service.name);
    if (first !== undefined)
      throw new ServicesFileProblem(
        ["services", i, "name"],
        `duplicate service name "${service.name}" (also services[${first}]); service names are unique.`,
      );
    seen.set(service.name, i);
    if (!file.teams[service.team])
      throw new ServicesFileProblem(
        ["services", i, "team"],
        `unknown team "${service.team}"; teams: ${Object.keys(file.teams).join(", ")}.`,
      );
    const envs = new Map<string, number>();
    service.environments.forEach((env, j) => {
      const at: ServicesPath = ["services", i, "environments", j];
      if (envs.has(env.name))
        throw new ServicesFileProblem([...at, "name"], `duplicate environment "${env.name}" (also environments[${envs.get(env.name)}]).`);
      envs.set(env.name, j);
      const account =
        env.account ??
        file.teams[service.team].defaults?.environments?.[env.name]?.account ??
        file.defaults?.environments?.[env.name]?.account ??
        presetDefaults.get(service.team)?.environments?.[env.name]?.account;
      if (account === undefined)
        throw new ServicesFileProblem(
          at,
          `environment "${env.name}" has no account: set \`account\` here or in \`defaults.environments.${env.name}\`.`,
        );
      if (!file.accounts[account])
        throw new ServicesFileProblem(
          env.account ? [...at, "account"] : at,
          `unknown account "${account}"; accounts: ${Object.keys(file.accounts).join(", ")}.`,
        );
      const target = env.target?.beanstalk ?? env.target?.ec2Fleet;
      // Lambda has no cross-account deploy yet; an ECS service's build could not push to a repository of another account.
      const local = env.target?.lambda ? "lambda" : env.target?.ecs ? "ecs" : undefined;
      if (local !== undefined && file.accounts[account].bootstrapRoleArn !== undefined)
        throw new ServicesFileProblem(
          [...at, "target"],
          `${local} targets deploy in the stack's own account; account "${account}" is another (it has \`bootstrapRoleArn\`).`,
        );
      if (target?.minSize !== undefined && target.maxSize !== undefined && target.minSize > target.maxSize)
        throw new ServicesFileProblem([...at, "target"], `minSize (${target.minSize}) must not exceed maxSize (${target.maxSize}).`);
    });
  });
  for (const [name, account] of Object.entries(file.accounts)) {
    const other = Object.entries(file.accounts).find(([n, a]) => n !== name && a.id === account.id && a.region === account.region);
    if (other && name > other[0])
      throw new ServicesFileProblem(
        ["accounts", name, "id"],
        `account ${account.id} in ${account.region} is also "${other[0]}"; name each account and region once.`,
      );
  }
}

/**
 * Validates a services file given as an object (the typed form of the YAML), with the presets
 * the program gives (their defaults may set an environment's account); throws {@link ServicesFileProblem}.
 */
export function checkServicesFile(value: unknown, presets: readonly PresetDefinition[] = []): ServicesFile {
  checkSchema(value, SERVICES_SCHEMA as unknown as Schema, []);
  const file = value as ServicesFile;
  checkReferences(file, presets);
  return file;
}
