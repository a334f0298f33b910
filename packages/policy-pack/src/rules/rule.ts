import {
  EnforcementLevel,
  PolicyConfigSchema,
  PolicyResource,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  Severity,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import { tryRead, UNKNOWN } from "./unknowns";

/** The third-party rule ids a rule corresponds to. */
export interface RuleReferences {
  /** cdk-nag AwsSolutions ids without the prefix (`CB4` for `AwsSolutions-CB4`). */
  cdkNag?: string[];
  /** AWS Security Hub Foundational Security Best Practices control ids (`CodeBuild.3`). */
  securityHub?: string[];
  /** Checkov ids (`CKV_AWS_147`). */
  checkov?: string[];
}

/** What every rule of the pack declares. */
export interface RuleMetadata {
  /** Rule id, `aws-cicd-<service>-<what>`. */
  id: string;
  /** The service group (`s3`, `codebuild`...), used by the README. */
  service: string;
  description: string;
  severity: Severity;
  remediation: string;
  references: RuleReferences;
  /**
   * `baseline`: mandatory in both tiers (AWS's baseline fails the resource: a Security Hub FSBP
   * control, or public access / plain-text credentials). `strict`: advisory by default, mandatory in
   * the strict tier ({@link strictPolicyConfig}). `review`: advisory in both tiers (a documented
   * trade-off to look at, never a block).
   */
  tier: RuleTier;
  /** What the rule can and cannot judge in a `pulumi preview` of a new stack (README). */
  preview: string;
  configSchema?: PolicyConfigSchema;
  /** Config values the strict tier sets (merged with `enforcementLevel: "mandatory"` for `strict` rules). */
  strictConfig?: Record<string, unknown>;
}

/** See {@link RuleMetadata.tier}. */
export type RuleTier = "baseline" | "strict" | "review";

/** The enforcement level of a rule in the default tier. */
export function defaultEnforcementLevel(tier: RuleTier): EnforcementLevel {
  return tier === "baseline" ? "mandatory" : "advisory";
}

/** A rule of this pack: a CrossGuard policy that also carries its metadata. */
export type Rule = (ResourceValidationPolicy | StackValidationPolicy) & { metadata: RuleMetadata };

/** `cdk-nag:AwsSolutions-CB4`, `security-hub:CodeBuild.3`, `checkov:CKV_AWS_147`. */
export function referenceTags(r: RuleReferences): string[] {
  return [
    ...(r.cdkNag ?? []).map((id) => `cdk-nag:AwsSolutions-${id}`),
    ...(r.securityHub ?? []).map((id) => `security-hub:${id}`),
    ...(r.checkov ?? []).map((id) => `checkov:${id}`),
  ];
}

function base(m: RuleMetadata) {
  return {
    name: m.id,
    description: m.description,
    severity: m.severity,
    enforcementLevel: defaultEnforcementLevel(m.tier),
    remediationSteps: m.remediation,
    tags: [m.service, ...referenceTags(m.references)],
    ...(m.configSchema ? { configSchema: m.configSchema } : {}),
    metadata: m,
  };
}

/** Defaults of a schema merged under what the engine passes (the engine fills defaults too; tools calling rules directly may not). */
export function configOf<T extends object>(m: RuleMetadata, given: T | undefined): T {
  const defaults: Record<string, unknown> = {};
  for (const [k, p] of Object.entries(m.configSchema?.properties ?? {})) {
    if ((p as { default?: unknown }).default !== undefined) defaults[k] = (p as { default?: unknown }).default;
  }
  return { ...defaults, ...(given ?? {}) } as T;
}

/** A rule judging one resource of the given types from its inputs. */
export function resourceRule<C extends object = Record<string, never>>(
  m: RuleMetadata,
  types: string[],
  validate: (props: Record<string, any>, report: ReportViolation, config: C, args: ResourceValidationArgs) => Promise<void> | void,
): Rule {
  return {
    ...base(m),
    validateResource: (args, report) => {
      if (!types.includes(args.type)) return;
      return validate(args.props ?? {}, report, configOf<C>(m, args.getConfig<C>()), args);
    },
  };
}

/** A rule relating several resources of a stack (a bucket and its configuration resources...). */
export function stackRule<C extends object = Record<string, never>>(
  m: RuleMetadata,
  validate: (resources: PolicyResource[], report: ReportViolation, config: C, args: StackValidationArgs) => Promise<void> | void,
): Rule {
  return {
    ...base(m),
    validateStack: (args, report) => validate(args.resources, report, configOf<C>(m, args.getConfig<C>()), args),
  };
}

/** True when the value is the boolean true or the string "true" (providers accept both). */
export function isTrue(v: unknown): boolean {
  return v === true || v === "true";
}

/**
 * The key a property names, read so that preview can judge it: a key ARN built from another
 * resource's output is unknown in preview, and stands for a customer managed key (AWS managed
 * keys are named by constant aliases such as `alias/aws/s3`, always known). `undefined` when unset.
 */
export function keyOf(read: () => unknown): string | typeof CUSTOMER_KEY_FROM_OUTPUT | undefined {
  const v = tryRead(read);
  if (v === UNKNOWN) return CUSTOMER_KEY_FROM_OUTPUT;
  return typeof v === "string" && v.length > 0 ? v : undefined;
}

/** See {@link keyOf}. */
export const CUSTOMER_KEY_FROM_OUTPUT = "(a key created in the same run)";

/** AWS managed keys (`alias/aws/s3`...), by alias name or alias ARN. */
export function isAwsManagedKeyAlias(key: unknown): boolean {
  return typeof key === "string" && /(^|:)alias\/aws\//.test(key);
}
