/** The synth report for a person (terminal text) and for a pull request (Markdown with Mermaid). */
import { costMarkdown, costText } from "./cost-render";
import type {
  ConditionReport,
  PermissionStatementReport,
  PipelineReport,
  ResourceNode,
  RoleReport,
  SynthReport,
  TrustStatementReport,
} from "./report-types";

const condition = (c: ConditionReport) => `${c.operator} ${c.key} = ${c.values.join(" | ")}`;

function treeLines(nodes: ResourceNode[], indent = ""): string[] {
  return nodes.flatMap((n, i) => {
    const last = i === nodes.length - 1;
    const line = `${indent}${last ? "└─ " : "├─ "}${n.name} (${n.type})`;
    return [line, ...treeLines(n.children, indent + (last ? "   " : "│  "))];
  });
}

function trustLines(t: TrustStatementReport): string[] {
  const who = t.principals.map((p) => (p.type === "*" ? "*" : `${p.type}: ${p.value}`)).join(", ");
  return [
    `    ${t.effect} ${t.actions.join(", ")} by ${who || "(no principal)"}`,
    ...t.conditions.map((c) => `      when ${condition(c)}`),
  ];
}

function statementLines(s: PermissionStatementReport): string[] {
  const actions = s.notActions ? `every action except ${s.notActions.join(", ")}` : s.actions.join(", ");
  const resources = s.notResources ? `every resource except ${s.notResources.join(", ")}` : s.resources.join(", ");
  return [
    `    ${s.effect} ${actions}`,
    `      on ${resources || "(no resource)"}`,
    ...s.conditions.map((c) => `      when ${condition(c)}`),
    `      (${s.source.kind} ${s.source.name})`,
  ];
}

function roleLines(r: RoleReport): string[] {
  return [
    `  ${r.name}  ${r.arn}`,
    "    trust:",
    ...r.trust.flatMap((t) => trustLines(t).map((l) => `  ${l}`)),
    "    permissions:",
    ...r.statements.flatMap((s) => statementLines(s).map((l) => `  ${l}`)),
    ...r.managedPolicyArns.map((a) => `      managed policy ${a}`),
    ...(r.statements.length === 0 && r.managedPolicyArns.length === 0 ? ["      (none)"] : []),
  ];
}

const artifacts = (a: { inputArtifacts: string[]; outputArtifacts: string[] }) =>
  [
    a.inputArtifacts.length ? `in: ${a.inputArtifacts.join(", ")}` : "",
    a.outputArtifacts.length ? `out: ${a.outputArtifacts.join(", ")}` : "",
  ]
    .filter(Boolean)
    .join("; ");

function pipelineLines(p: PipelineReport): string[] {
  return [
    `  ${p.name}  ${p.pipelineName}${p.pipelineType ? ` (${p.pipelineType})` : ""}`,
    `    ${p.stages.map((s) => `[${s.name}]`).join(" → ")}`,
    ...p.stages.flatMap((s, i) => [
      `    ${i + 1}. ${s.name}`,
      ...s.actions.map((a) => `       ${a.runOrder}) ${a.name}: ${a.category}/${a.provider}${artifacts(a) ? `  ${artifacts(a)}` : ""}`),
    ]),
  ];
}

function findingLines(report: SynthReport): string[] {
  const pack = report.policyPack;
  if (pack.status !== "ran") return [`  ${pack.message}`];
  if (pack.findings.length === 0) return [`  none (${pack.rules} rules)`];
  return pack.findings.map(
    (f) => `  [${f.enforcementLevel}/${f.severity}, strict: ${f.strictEnforcementLevel}] ${f.rule} ${f.resource}: ${f.message}`,
  );
}

/** The plain-text report. */
export function renderText(report: SynthReport): string {
  const s = report.summary;
  return [
    `aws-cicd synth: ${report.project} (stack ${report.stack}, account ${report.account}, ${report.region})`,
    `${s.resources} resources in ${s.components} components, ${s.roles} IAM roles, ${s.pipelines} pipelines, ${s.mandatoryFindings} mandatory and ${s.advisoryFindings} advisory findings (strict tier: ${s.strictMandatoryFindings} mandatory, ${s.strictAdvisoryFindings} advisory)`,
    "",
    "Resources",
    ...treeLines(report.resources),
    "",
    "IAM roles",
    ...report.roles.flatMap(roleLines),
    "",
    "Pipelines",
    ...(report.pipelines.length ? report.pipelines.flatMap(pipelineLines) : ["  none"]),
    "",
    "Policy pack findings",
    ...findingLines(report),
    "",
    ...costText(report.cost),
    ...(report.warnings.length ? ["", "Warnings", ...report.warnings.map((w) => `  ${w}`)] : []),
    "",
  ].join("\n");
}

const md = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const mermaidText = (s: string) => s.replace(/"/g, "#quot;");

/** A Mermaid `flowchart LR` of one pipeline: a subgraph per stage, its actions inside. */
export function mermaidOf(p: PipelineReport, prefix = "p"): string {
  const lines = ["flowchart LR"];
  p.stages.forEach((s, i) => {
    lines.push(`  subgraph ${prefix}s${i}["${mermaidText(s.name)}"]`);
    s.actions.forEach((a, j) => {
      const detail = [`${a.category}: ${a.provider}`, artifacts(a)].filter(Boolean).join("<br/>");
      lines.push(`    ${prefix}s${i}a${j}["${mermaidText(a.name)}<br/>${mermaidText(detail)}"]`);
    });
    lines.push("  end");
  });
  for (let i = 1; i < p.stages.length; i++) lines.push(`  ${prefix}s${i - 1} --> ${prefix}s${i}`);
  return lines.join("\n");
}

function treeMarkdown(nodes: ResourceNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [`${"  ".repeat(depth)}- \`${n.name}\` (${n.type})`, ...treeMarkdown(n.children, depth + 1)]);
}

/** The Markdown report for a pull request. */
export function renderMarkdown(report: SynthReport): string {
  const s = report.summary;
  const out = [
    `# aws-cicd synth: ${report.project} (${report.stack})`,
    "",
    `${s.resources} resources in ${s.components} components, ${s.roles} IAM roles, ${s.pipelines} pipelines; policy pack: ${s.mandatoryFindings} mandatory and ${s.advisoryFindings} advisory findings (strict tier: ${s.strictMandatoryFindings} mandatory, ${s.strictAdvisoryFindings} advisory). Account ${report.account}, region ${report.region}.`,
    "",
  ];
  out.push("## Pipelines", "");
  if (report.pipelines.length === 0) out.push("None.", "");
  report.pipelines.forEach((p, i) => {
    out.push(`### ${p.name} (\`${p.pipelineName}\`)`, "", "```mermaid", mermaidOf(p, `p${i}`), "```", "");
  });
  out.push("## IAM roles", "");
  for (const r of report.roles) {
    out.push(`### ${r.name}`, "", `\`${r.arn}\``, "", "Trusted by:", "");
    for (const t of r.trust) {
      out.push(
        `- ${t.effect} \`${t.actions.join("`, `")}\` by ${t.principals.map((p) => `\`${p.type === "*" ? "*" : `${p.type}: ${p.value}`}\``).join(", ")}${t.conditions.length ? ` when ${t.conditions.map((c) => `\`${condition(c)}\``).join(", ")}` : ""}`,
      );
    }
    out.push("", "| Effect | Actions | Resources | Conditions | Source |", "| --- | --- | --- | --- | --- |");
    for (const st of r.statements) {
      const actions = st.notActions ? `NOT ${st.notActions.join("<br>")}` : st.actions.join("<br>");
      const resources = st.notResources ? `NOT ${st.notResources.join("<br>")}` : st.resources.join("<br>");
      out.push(
        `| ${st.effect} | ${md(actions)} | ${md(resources)} | ${md(st.conditions.map(condition).join("<br>"))} | ${st.source.kind} ${md(st.source.name)} |`,
      );
    }
    for (const a of r.managedPolicyArns) out.push(`| Allow | managed policy | ${md(a)} |  | attached |`);
    out.push("");
  }
  out.push("## Policy pack findings", "");
  if (report.policyPack.status !== "ran") out.push(`${report.policyPack.message}.`, "");
  else if (report.policyPack.findings.length === 0) out.push(`None (${report.policyPack.rules} rules).`, "");
  else {
    out.push("| Level | Strict tier | Severity | Rule | Resource | Message |", "| --- | --- | --- | --- | --- | --- |");
    for (const f of report.policyPack.findings)
      out.push(
        `| ${f.enforcementLevel} | ${f.strictEnforcementLevel} | ${f.severity} | \`${f.rule}\` | \`${md(f.resource)}\` | ${md(f.message)} |`,
      );
    out.push("");
  }
  out.push(...costMarkdown(report.cost));
  if (report.warnings.length) out.push("## Warnings", "", ...report.warnings.map((w) => `- ${md(w)}`), "");
  out.push("<details><summary>Resources</summary>", "", ...treeMarkdown(report.resources), "", "</details>", "");
  return out.join("\n");
}
