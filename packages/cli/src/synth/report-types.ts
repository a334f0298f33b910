/**
 * The JSON document `aws-cicd synth --json` writes (schema version 1). Fields are only ever added
 * within a schema version; a removal or a change of meaning bumps `schemaVersion`.
 * Arrays are in a stable order: resources in registration order, roles and pipelines by key,
 * statements in document order, findings by rule then resource.
 */
import type { InventoryReport } from "./inventory";

/** The version of this document's shape. */
export const SCHEMA_VERSION = 1;

/** The whole synth report. */
export interface SynthReport {
  schemaVersion: typeof SCHEMA_VERSION;
  /** Always "aws-cicd synth". */
  tool: "aws-cicd synth";
  project: string;
  stack: string;
  account: string;
  region: string;
  /** The program's entry file, relative to the directory synth ran in. */
  program: string;
  /** The program's stack outputs, resolved under the mocks. */
  outputs: Record<string, unknown>;
  /** Finding counts are the default tier's; `strict*Findings` the strict tier's. */
  summary: {
    resources: number;
    components: number;
    roles: number;
    pipelines: number;
    mandatoryFindings: number;
    advisoryFindings: number;
    strictMandatoryFindings: number;
    strictAdvisoryFindings: number;
  };
  /** The resource tree: top-level resources with their children (by parent URN). */
  resources: ResourceNode[];
  roles: RoleReport[];
  pipelines: PipelineReport[];
  policyPack: PolicyPackReport;
  /** The estimated monthly cost of each pipeline and of the rest (an estimate, not a quote). */
  cost: CostReport;
  /** The ServiceFleet pipelines: service, team, preset version, environments (see inventory.ts). */
  inventory: InventoryReport;
  /** Things the reader should know (invokes the engine could not answer...). */
  warnings: string[];
}

/** One resource and the resources whose parent it is. */
export interface ResourceNode {
  type: string;
  name: string;
  urn: string;
  /** True for component resources (no cloud object of their own). */
  component: boolean;
  children: ResourceNode[];
}

/** An IAM condition: `operator` (`StringEquals`...), the context `key` and its `values`. */
export interface ConditionReport {
  operator: string;
  key: string;
  values: string[];
}

/** A principal of a trust statement: `type` is AWS, Service, Federated, CanonicalUser or "*". */
export interface PrincipalReport {
  type: string;
  value: string;
}

/** One statement of a role's trust policy. */
export interface TrustStatementReport {
  sid?: string;
  effect: string;
  actions: string[];
  principals: PrincipalReport[];
  conditions: ConditionReport[];
}

/** Where a permission statement comes from. */
export interface StatementSource {
  /** `inline` (aws.iam.RolePolicy or the role's inlinePolicies), `policy` (an aws.iam.Policy attached). */
  kind: "inline" | "policy";
  /** The Pulumi name of the RolePolicy/Policy resource, or the inline policy name. */
  name: string;
}

/** One statement of a role's permissions: actions on resources, under conditions. */
export interface PermissionStatementReport {
  source: StatementSource;
  sid?: string;
  effect: string;
  actions: string[];
  /** Present only when the statement uses NotAction. */
  notActions?: string[];
  resources: string[];
  /** Present only when the statement uses NotResource. */
  notResources?: string[];
  conditions: ConditionReport[];
}

/** One IAM role and what it may do. */
export interface RoleReport {
  /** Stable identity across runs: the URN without stack and project (`type$...::name`). */
  key: string;
  /** Pulumi resource name. */
  name: string;
  /** The IAM role name and ARN the engine computed. */
  roleName: string;
  arn: string;
  /** URN of the component that owns the role, when it has one. */
  parent?: string;
  trust: TrustStatementReport[];
  statements: PermissionStatementReport[];
  /** Attached policy ARNs that are not defined in the program (AWS managed or existing policies). */
  managedPolicyArns: string[];
}

/** One action of a pipeline stage. */
export interface PipelineActionReport {
  name: string;
  category: string;
  owner: string;
  provider: string;
  runOrder: number;
  inputArtifacts: string[];
  outputArtifacts: string[];
  roleArn?: string;
  region?: string;
  configuration: Record<string, string>;
}

/** One pipeline stage, actions sorted by run order (then declaration order). */
export interface PipelineStageReport {
  name: string;
  actions: PipelineActionReport[];
}

/** One aws.codepipeline.Pipeline. */
export interface PipelineReport {
  key: string;
  name: string;
  pipelineName: string;
  arn: string;
  roleArn: string;
  pipelineType?: string;
  stages: PipelineStageReport[];
}

/** One policy-pack violation. */
export interface FindingReport {
  rule: string;
  severity: string;
  /** In the pack's default tier: `mandatory` or `advisory` (disabled rules do not run), `none` when only the strict tier reports it. */
  enforcementLevel: string;
  /** In the strict tier (the pack's `strictPolicyConfig()`): `mandatory`, `advisory`, or `none` when it does not report it. */
  strictEnforcementLevel: string;
  /** Pulumi name of the resource, or "(stack)". */
  resource: string;
  type?: string;
  message: string;
}

/** The policy pack's run. */
export interface PolicyPackReport {
  /** `ran`, `not-installed` (aws-cicd-policies not resolvable from the program or CWD) or `failed`. */
  status: "ran" | "not-installed" | "failed";
  /** Path of the loaded `aws-cicd-policies/policies` module. */
  source?: string;
  /** Number of rules run. */
  rules: number;
  /** True when the pack defines a strict tier (`strictPolicyConfig`); otherwise the strict levels repeat the default ones. */
  strictTier?: boolean;
  message?: string;
  findings: FindingReport[];
}

/** One priced item of one resource: `quantity` `unit`s at `unitPrice`, `monthly` in the table's currency. */
export interface CostLineReport {
  /** Pulumi name of the resource. */
  resource: string;
  type: string;
  /** What is priced, e.g. "build minutes (LINUX_CONTAINER/BUILD_GENERAL1_SMALL)". */
  item: string;
  quantity: number;
  unit: string;
  unitPrice: number;
  /** `quantity * unitPrice`, rounded to 4 decimals. */
  monthly: number;
}

/** The lines of one pipeline (its own resources and the build projects only it runs), or of the rest. */
export interface CostGroupReport {
  /** The pipeline's component name (or resource name); `shared` for the rest. */
  name: string;
  /** Pipeline name in AWS; absent for the shared group. */
  pipelineName?: string;
  /** Sum of the lines, rounded to 2 decimals. */
  monthly: number;
  lines: CostLineReport[];
}

/** The cost section: monthly estimates from the price table and the usage inputs, both stated. */
export interface CostReport {
  /** Always true: these are estimates from assumed usage and list prices, not a quote or a bill. */
  estimate: true;
  /** The sentence every rendering repeats. */
  disclaimer: string;
  currency: string;
  /** The price table used: its region, date, source pages, and file. */
  prices: { region: string; date: string; file: string; sources: Record<string, string> };
  /** The usage assumed (see `aws-cicd synth --help`). */
  inputs: Record<string, number>;
  pipelines: CostGroupReport[];
  /** Resources no single pipeline owns (shared keys, buckets and topics, standalone builds). */
  shared: CostGroupReport;
  /** Everything, rounded to 2 decimals. */
  total: number;
  /** Resources the table has no price for (e.g. a compute type missing from it). */
  unpriced: string[];
  /** What the estimate leaves out. */
  notIncluded: string[];
}
