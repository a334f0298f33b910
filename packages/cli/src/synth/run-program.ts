/**
 * Runs a Pulumi TypeScript or JavaScript program in this process under the synth engine: reads
 * its Pulumi.yaml, installs the mocks on the program's own `@pulumi/pulumi`, sets the stack
 * configuration, loads the program (through ts-node for `.ts`), resolves its stack outputs and
 * waits until every registration has been answered.
 */
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { createEngine, duplicateUrnMessage, EngineCall, EngineResource } from "../engine";

/** What `runProgram` needs. */
export interface ProgramOptions {
  /** Directory holding Pulumi.yaml. */
  dir: string;
  /** @default "dev" */
  stack?: string;
  /** @default "123456789012" */
  account?: string;
  /** @default "us-east-1" */
  region?: string;
  /**
   * Stack configuration: `key` (namespaced with the project) or `namespace:key`, to a string value.
   * @default - no configuration besides `aws:region`.
   */
  config?: Record<string, string>;
}

export const DEFAULT_STACK = "dev";
export const DEFAULT_ACCOUNT = "123456789012";
export const DEFAULT_REGION = "us-east-1";

/** What the program registered and exported. */
export interface ProgramResult {
  project: string;
  stack: string;
  account: string;
  region: string;
  /** Path of the program's entry file, relative to the current directory. */
  main: string;
  outputs: Record<string, unknown>;
  resources: EngineResource[];
  calls: EngineCall[];
}

/** A failure of the program itself (bad arguments, a missing file, a thrown error): exit code 1. */
export class ProgramError extends Error {}

/** The project name and entry file of a Pulumi project directory. */
export function readProject(dir: string): { project: string; main: string } {
  const yamlPath = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
  if (!yamlPath)
    throw new ProgramError(`No Pulumi.yaml in ${dir}. Give the directory of a Pulumi project: \`aws-cicd synth path/to/project\`.`);
  let doc: any;
  try {
    doc = parse(fs.readFileSync(yamlPath, "utf8"));
  } catch (e) {
    throw new ProgramError(`${yamlPath} is not valid YAML: ${(e as Error).message}`);
  }
  if (typeof doc?.name !== "string" || doc.name === "") throw new ProgramError(`${yamlPath} has no \`name\`; a Pulumi project needs one.`);
  const base = path.resolve(dir, typeof doc.main === "string" ? doc.main : ".");
  const candidates = fs.existsSync(base) && fs.statSync(base).isFile() ? [base] : ["index.ts", "index.js"].map((f) => path.join(base, f));
  const main = candidates.find((f) => fs.existsSync(f));
  if (!main) throw new ProgramError(`The program's entry file was not found (looked for ${candidates.join(", ")}).`);
  return { project: doc.name, main };
}

/** Resolves a module the way the program would, else the way this package would. */
function resolveFrom(dir: string, request: string): string | undefined {
  for (const paths of [[dir], undefined]) {
    try {
      return require.resolve(request, paths ? { paths } : undefined);
    } catch {
      // try the next place
    }
  }
  return undefined;
}

let tsRegistered = false;
function registerTypeScript(dir: string): void {
  if (tsRegistered) return;
  const tsNode = resolveFrom(dir, "ts-node");
  if (!tsNode) {
    throw new ProgramError(
      "The program is TypeScript and ts-node was not found from its directory. Install it next to the program (`npm install --save-dev ts-node typescript`) or give a compiled JavaScript entry file as `main` in Pulumi.yaml.",
    );
  }

  require(tsNode).register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
  tsRegistered = true;
}

/** The `key=value` pairs of `--config`, namespaced with the project when they have no namespace. */
export function namespacedConfig(project: string, config: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(config)) out[k.includes(":") ? k : `${project}:${k}`] = v;
  return out;
}

/** Runs the program once; call it once per process (the Pulumi runtime is global). */
export async function runProgram(options: ProgramOptions): Promise<ProgramResult> {
  const dir = path.resolve(options.dir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new ProgramError(`${options.dir} is not a directory.`);
  const { project, main } = readProject(dir);
  const stack = options.stack ?? DEFAULT_STACK;
  const account = options.account ?? DEFAULT_ACCOUNT;
  const region = options.region ?? DEFAULT_REGION;
  const pulumiPath = resolveFrom(path.dirname(main), "@pulumi/pulumi");
  if (!pulumiPath) throw new ProgramError("`@pulumi/pulumi` was not found from the program's directory; run `npm install` there first.");
  const pulumiRoot = path.dirname(pulumiPath);

  const pulumi = require(pulumiPath) as typeof import("@pulumi/pulumi");
  const settings = require(path.join(pulumiRoot, "runtime", "settings")) as { getMonitor(): any; waitForRPCs?: () => Promise<void> };

  const engine = createEngine({ account, region });
  // setMocks installs the monitor synchronously (its promise only wraps that work).
  void pulumi.runtime.setMocks(engine.mocks, project, stack, false);
  engine.attach(settings.getMonitor());
  const config = { "aws:region": region, ...namespacedConfig(project, options.config ?? {}) };
  for (const [k, v] of Object.entries(config)) pulumi.runtime.setConfig(k, v);

  const failures: unknown[] = [];
  const onFailure = (e: unknown) => failures.push(e);
  process.on("unhandledRejection", onFailure);
  process.on("uncaughtException", onFailure);
  try {
    if (/\.[cm]?tsx?$/.test(main)) registerTypeScript(path.dirname(main));
    let exported: Record<string, unknown>;
    try {
      exported = require(main);
    } catch (e) {
      throw new ProgramError(`The program failed: ${messageOf(e)}`);
    }
    const outputs: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(exported ?? {})) {
      if (key === "__esModule") continue;
      outputs[key] = await new Promise((resolve) => pulumi.output(value as any).apply((v) => resolve(v)));
    }
    await settle(settings);
    if (failures.length > 0) throw new ProgramError(`The program failed: ${messageOf(failures[0])}`);
    const duplicate = duplicateUrnMessage(engine.resources);
    if (duplicate) throw new ProgramError(`The program failed: ${duplicate}`);
    return {
      project,
      stack,
      account,
      region,
      main: path.relative(process.cwd(), main),
      outputs,
      resources: engine.resources,
      calls: engine.calls,
    };
  } finally {
    process.off("unhandledRejection", onFailure);
    process.off("uncaughtException", onFailure);
  }
}

/** Waits for the runtime's RPC queue to drain, then until no registration is pending. */
async function settle(settings: { waitForRPCs?: () => Promise<void> }): Promise<void> {
  if (settings.waitForRPCs) await settings.waitForRPCs();
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
}

function messageOf(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  // Pulumi's missing-config error tells `pulumi config set`; synth takes the value as a flag.
  const missing = /Missing required configuration variable '([^']+)'/.exec(message);
  return missing ? `${message}\n\twith aws-cicd synth: --config ${missing[1].split(":").pop()}=<value>` : message;
}
