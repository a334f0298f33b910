import type { Rule } from "../../packages/policy-pack/src/policies";
import { REFERENCES } from "../../packages/policy-pack/src/rules/references";
import { referenceTags } from "../../packages/policy-pack/src/rules/rule";

const TIER_LEVELS = { baseline: "mandatory / mandatory", strict: "advisory / mandatory", review: "advisory / advisory" } as const;

const cell = (ids: string[] | undefined) => (ids && ids.length > 0 ? ids.join(", ") : "—");

function configCell(r: Rule): string {
  const props = Object.entries(r.metadata.configSchema?.properties ?? {});
  if (props.length === 0) return "—";
  return props
    .map(([k, p]) => {
      const strict = r.metadata.strictConfig?.[k];
      const d = `\`${k}\` (default ${JSON.stringify((p as { default?: unknown }).default)}`;
      return strict === undefined ? `${d})` : `${d}, strict ${JSON.stringify(strict)})`;
    })
    .join("; ");
}

/** The README's rules table, generated from the rules' metadata. */
export function rulesTable(policies: Rule[]): string {
  const rows = policies.map((r) => {
    const m = r.metadata;
    return `| \`${m.id}\` | ${m.service} | ${TIER_LEVELS[m.tier]} | ${m.severity} | ${m.description} | ${cell(m.references.cdkNag)} | ${cell(m.references.securityHub)} | ${cell(m.references.checkov)} | ${configCell(r)} |`;
  });
  return [
    "| Id | Service | Default / strict tier | Severity | Description | cdk-nag (AwsSolutions-) | Security Hub | Checkov | Config |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

/** The README's reference table: every cited id, its title and link. */
export function referencesTable(policies: Rule[]): string {
  const cited = new Set(policies.flatMap((r) => referenceTags(r.metadata.references)));
  const rows = Object.entries(REFERENCES)
    .filter(([tag]) => cited.has(tag))
    .map(([tag, e]) => {
      const fsbp = e.fsbp === undefined ? "" : e.fsbp ? " (FSBP)" : " (not in FSBP)";
      return `| [\`${tag}\`](${e.url}) | ${e.title.replace(/\|/g, "\\|")}${fsbp} |`;
    });
  return ["| Id | Title |", "| --- | --- |", ...rows].join("\n");
}

/** The README's preview table: what each rule can and cannot judge in `pulumi preview`. */
export function previewTable(policies: Rule[]): string {
  return [
    "| Id | In `pulumi preview` of a new stack |",
    "| --- | --- |",
    ...policies.map((r) => `| \`${r.metadata.id}\` | ${r.metadata.preview} |`),
  ].join("\n");
}
