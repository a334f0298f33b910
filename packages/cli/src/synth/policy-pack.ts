/**
 * Runs the aws-cicd policy pack (package `aws-cicd-policies`, an optional companion) on the
 * recorded resources the way the CrossGuard engine would: resource rules see each resource's
 * inputs, stack rules see every resource's outputs. The pack is resolved from the program's
 * directory, then the current directory; aws-cicd never depends on it. It runs twice: with no
 * configuration (the pack's default tier) and with the configuration its `strictPolicyConfig()`
 * returns (the strict tier), as `pulumi preview --policy-pack-config` would apply it.
 */
import * as path from "path";
import type { EngineResource } from "../engine";
import type { FindingReport, PolicyPackReport } from "./report-types";
import { unwrapSecrets } from "./secrets";

type Report = (message: string, urn?: string) => void;
type Validate = (args: any, report: Report) => Promise<void> | void;

/** The shape of a rule this runner needs (a CrossGuard policy). */
interface LoadedRule {
  name: string;
  severity?: string;
  enforcementLevel?: string;
  validateResource?: Validate | Validate[];
  validateStack?: Validate;
}

/** Policy-pack configuration: per rule, an enforcement level and the rule's own settings. */
export type PackConfig = Record<string, { enforcementLevel?: string; [setting: string]: unknown }>;

/** One finding of one tier, before the two tiers are merged. */
type TierFinding = Omit<FindingReport, "strictEnforcementLevel">;

/** The module id of the rules array. */
export const POLICY_PACK_MODULE = "aws-cicd-policies/policies";

/** Where the pack resolves from `dirs`, in order; `undefined` when it is not installed. */
export function resolvePolicyPack(dirs: string[]): string | undefined {
  for (const dir of dirs) {
    try {
      return require.resolve(POLICY_PACK_MODULE, { paths: [path.resolve(dir)] });
    } catch {
      // not installed there
    }
  }
  return undefined;
}

class NotApplicable extends Error {}

const common = (r: EngineResource, props: Record<string, any>) => ({
  type: r.type,
  name: r.name,
  urn: r.urn,
  props,
  opts: {
    protect: r.options.protect,
    ignoreChanges: [],
    aliases: [],
    additionalSecretOutputs: [],
    customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
  },
  isType: (cls: unknown) => (cls as { __pulumiType?: string })?.__pulumiType === r.type,
  asType: (cls: unknown) => ((cls as { __pulumiType?: string })?.__pulumiType === r.type ? props : undefined),
});

const notApplicable = (reason?: string): never => {
  throw new NotApplicable(reason);
};

/** Properties as CrossGuard hands them to policies: secret values unwrapped, at any depth. */
const plain = (props: Record<string, any>): Record<string, any> => unwrapSecrets(props) as Record<string, any>;

/** The stack as `validateStack` sees it. */
function stackResources(resources: EngineResource[]): any[] {
  const byUrn = new Map<string, any>();
  for (const r of resources)
    byUrn.set(r.urn, { ...common(r, plain({ ...r.state, ...r.inputs })), dependencies: [], propertyDependencies: {} });
  for (const r of resources) {
    const p = byUrn.get(r.urn);
    p.dependencies = r.options.dependsOn.flatMap((u) => (byUrn.has(u) ? [byUrn.get(u)] : []));
    if (r.parent && byUrn.has(r.parent)) p.parent = byUrn.get(r.parent);
  }
  return [...byUrn.values()];
}

/**
 * Runs each enabled rule under `config` (enforcement level and settings per rule, as CrossGuard applies
 * a policy-pack config); a rule that throws is reported as a finding of that rule.
 */
export async function runRules(rules: LoadedRule[], resources: EngineResource[], config: PackConfig = {}): Promise<TierFinding[]> {
  const findings: TierFinding[] = [];
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const custom = resources.filter((r) => r.custom);
  const stack = stackResources(custom);
  const inputs = new Map(custom.map((r) => [r, plain(r.inputs)]));
  for (const rule of rules) {
    const { enforcementLevel, ...settings } = config[rule.name] ?? {};
    const level = enforcementLevel ?? rule.enforcementLevel ?? "advisory";
    const getConfig = () => settings;
    if (level === "disabled") continue;
    const add = (message: string, r?: EngineResource) =>
      findings.push({
        rule: rule.name,
        severity: rule.severity ?? "medium",
        enforcementLevel: level,
        resource: r?.name ?? "(stack)",
        ...(r ? { type: r.type } : {}),
        message,
      });
    const guard = async (f: () => Promise<void> | void, r?: EngineResource) => {
      try {
        await f();
      } catch (e) {
        if (!(e instanceof NotApplicable)) add(`The rule failed: ${(e as Error).message}`, r);
      }
    };
    const validators = [rule.validateResource ?? []].flat();
    for (const r of custom) {
      for (const v of validators) {
        await guard(() => v({ ...common(r, inputs.get(r)!), stackTags: new Map(), getConfig, notApplicable }, (m) => add(m, r)), r);
      }
    }
    if (rule.validateStack) {
      const validateStack = rule.validateStack;
      await guard(() =>
        validateStack({ resources: stack, stackTags: new Map(), getConfig, notApplicable }, (m, urn) =>
          add(m, urn ? byUrn.get(urn) : undefined),
        ),
      );
    }
  }
  return findings.sort(
    (a, b) => a.rule.localeCompare(b.rule) || a.resource.localeCompare(b.resource) || a.message.localeCompare(b.message),
  );
}

/**
 * The findings of both tiers, once each: `enforcementLevel` in the default tier and
 * `strictEnforcementLevel` in the strict tier, `"none"` where that tier does not report it.
 */
export function mergeTiers(defaults: TierFinding[], strict: TierFinding[]): FindingReport[] {
  const key = (f: TierFinding) => `${f.rule}\u0000${f.resource}\u0000${f.message}`;
  const strictLevels = new Map(strict.map((f) => [key(f), f.enforcementLevel]));
  const merged: FindingReport[] = defaults.map((f) => ({ ...f, strictEnforcementLevel: strictLevels.get(key(f)) ?? "none" }));
  const seen = new Set(defaults.map(key));
  for (const f of strict)
    if (!seen.has(key(f))) merged.push({ ...f, enforcementLevel: "none", strictEnforcementLevel: f.enforcementLevel });
  return merged.sort((a, b) => a.rule.localeCompare(b.rule) || a.resource.localeCompare(b.resource) || a.message.localeCompare(b.message));
}

/** Loads the pack (when installed) and runs it in both tiers. */
export async function runPolicyPack(resources: EngineResource[], dirs: string[]): Promise<PolicyPackReport> {
  const source = resolvePolicyPack(dirs);
  if (!source) {
    return {
      status: "not-installed",
      rules: 0,
      message: "policy pack not installed (aws-cicd-policies was not found from the program's directory or the current directory)",
      findings: [],
    };
  }
  let rules: LoadedRule[];
  let strictConfig: PackConfig | undefined;
  try {
    const pack = require(source);
    rules = pack.policies;
    if (!Array.isArray(rules)) throw new Error(`${source} does not export a \`policies\` array.`);
    // Packs before the strict tier have no `strictPolicyConfig`: both tiers are then the default one.
    strictConfig = typeof pack.strictPolicyConfig === "function" ? pack.strictPolicyConfig() : undefined;
  } catch (e) {
    return { status: "failed", source, rules: 0, message: `The policy pack could not be loaded: ${(e as Error).message}`, findings: [] };
  }
  return {
    status: "ran",
    source: path.relative(process.cwd(), source).split(path.sep).join("/"),
    rules: rules.length,
    strictTier: strictConfig !== undefined,
    findings: mergeTiers(await runRules(rules, resources), await runRules(rules, resources, strictConfig ?? {})),
  };
}
