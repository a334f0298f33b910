/** Builds the synth report (see report-types.ts) from a program run and the policy-pack findings. */
import type { EngineResource } from "../engine";
import { keyOf, rolesOf } from "./iam-model";
import { inventoryOf } from "./inventory";
import type { ProgramResult } from "./run-program";
import {
  CostReport,
  PipelineActionReport,
  PipelineReport,
  PolicyPackReport,
  ResourceNode,
  SCHEMA_VERSION,
  SynthReport,
} from "./report-types";

const PIPELINE = "aws:codepipeline/pipeline:Pipeline";

/** The resource tree, children under their parent URN, in registration order. */
export function treeOf(resources: EngineResource[]): ResourceNode[] {
  const nodes = new Map<string, ResourceNode>();
  for (const r of resources) nodes.set(r.urn, { type: r.type, name: r.name, urn: r.urn, component: !r.custom, children: [] });
  const roots: ResourceNode[] = [];
  for (const r of resources) {
    const node = nodes.get(r.urn)!;
    const parent = r.parent ? nodes.get(r.parent) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

const names = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v ? [String(v)] : []);

/** Every pipeline drawn as stages of actions in run order. */
export function pipelinesOf(resources: EngineResource[]): PipelineReport[] {
  return resources
    .filter((r) => r.type === PIPELINE)
    .map((p): PipelineReport => ({
      key: keyOf(p.urn),
      name: p.name,
      pipelineName: String(p.state.name),
      arn: String(p.state.arn),
      roleArn: String(p.inputs.roleArn ?? ""),
      ...(p.inputs.pipelineType ? { pipelineType: String(p.inputs.pipelineType) } : {}),
      stages: ((p.inputs.stages ?? []) as Record<string, any>[]).map((s) => ({
        name: String(s.name),
        actions: ((s.actions ?? []) as Record<string, any>[])
          .map((a, i): [PipelineActionReport, number] => [
            {
              name: String(a.name),
              category: String(a.category),
              owner: String(a.owner ?? "AWS"),
              provider: String(a.provider),
              runOrder: Number(a.runOrder ?? 1),
              inputArtifacts: names(a.inputArtifacts),
              outputArtifacts: names(a.outputArtifacts),
              ...(a.roleArn ? { roleArn: String(a.roleArn) } : {}),
              ...(a.region ? { region: String(a.region) } : {}),
              configuration: Object.fromEntries(Object.entries(a.configuration ?? {}).map(([k, v]) => [k, String(v)])),
            },
            i,
          ])
          .sort((x, y) => x[0].runOrder - y[0].runOrder || x[1] - y[1])
          .map(([a]) => a),
      })),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** The whole report. */
export function buildReport(run: ProgramResult, policyPack: PolicyPackReport, cost: CostReport): SynthReport {
  const roles = rolesOf(run.resources);
  const pipelines = pipelinesOf(run.resources);
  const unanswered = [...new Set(run.calls.filter((c) => c.unanswered).map((c) => c.token))];
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: "aws-cicd synth",
    project: run.project,
    stack: run.stack,
    account: run.account,
    region: run.region,
    program: run.main.split("\\").join("/"),
    outputs: run.outputs,
    summary: {
      resources: run.resources.filter((r) => r.custom).length,
      components: run.resources.filter((r) => !r.custom).length,
      roles: roles.length,
      pipelines: pipelines.length,
      mandatoryFindings: policyPack.findings.filter((f) => f.enforcementLevel === "mandatory").length,
      advisoryFindings: policyPack.findings.filter((f) => f.enforcementLevel === "advisory").length,
      strictMandatoryFindings: policyPack.findings.filter((f) => f.strictEnforcementLevel === "mandatory").length,
      strictAdvisoryFindings: policyPack.findings.filter((f) => f.strictEnforcementLevel === "advisory").length,
    },
    resources: treeOf(run.resources),
    roles,
    pipelines,
    policyPack,
    cost,
    inventory: inventoryOf(run.resources),
    warnings: [
      ...unanswered.map((t) => `The synth engine has no answer for invoke ${t}; the program received an empty result.`),
      ...(cost.prices.region !== run.region
        ? [
            `The cost estimate uses ${cost.prices.region} prices, but the stack is in ${run.region}: pass --prices with a table for ${run.region}.`,
          ]
        : []),
    ],
  };
}
