/** The cost section of the text and Markdown reports. */
import type { CostGroupReport, CostReport } from "./report-types";

const money = (n: number, currency: string) => `${n.toFixed(2)} ${currency}`;
const number = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(4).replace(/0+$/, ""));
const inputsLine = (c: CostReport) =>
  Object.entries(c.inputs)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");

function groupLines(g: CostGroupReport, currency: string): string[] {
  return [
    `  ${g.name}${g.pipelineName ? ` (${g.pipelineName})` : ""}: ${money(g.monthly, currency)} a month`,
    ...g.lines.map((l) => `    ${l.resource}: ${l.item}: ${number(l.quantity)} ${l.unit} x ${l.unitPrice} = ${money(l.monthly, currency)}`),
  ];
}

/** The cost section of the plain-text report. */
export function costText(c: CostReport): string[] {
  return [
    `Estimated monthly cost: ${money(c.total, c.currency)} (ESTIMATE)`,
    `  ${c.disclaimer}`,
    `  Prices: ${c.prices.region} list prices of ${c.prices.date} (${c.prices.file}).`,
    `  Usage assumed: ${inputsLine(c)} (change with --cost NAME=VALUE).`,
    ...c.pipelines.flatMap((g) => groupLines(g, c.currency)),
    ...groupLines(c.shared, c.currency),
    ...c.unpriced.map((u) => `  Not priced: ${u}`),
    `  Not included: ${c.notIncluded.join("; ")}.`,
  ];
}

const cell = (s: string) => s.replace(/\|/g, "\\|");

/** The cost section of the Markdown report. */
export function costMarkdown(c: CostReport): string[] {
  const out = [
    "## Estimated monthly cost",
    "",
    `> **Estimate.** ${c.disclaimer}`,
    "",
    `Prices: ${c.prices.region} list prices of ${c.prices.date} (\`${c.prices.file}\`; ${Object.entries(c.prices.sources)
      .map(([service, url]) => `[${service}](${url})`)
      .join(", ")}). Usage assumed: ${inputsLine(c)}.`,
    "",
    `| Pipeline | Monthly (${c.currency}) |`,
    "| --- | ---: |",
    ...c.pipelines.map((g) => `| ${cell(g.name)}${g.pipelineName ? ` (\`${cell(g.pipelineName)}\`)` : ""} | ${g.monthly.toFixed(2)} |`),
    `| shared | ${c.shared.monthly.toFixed(2)} |`,
    `| **total** | **${c.total.toFixed(2)}** |`,
    "",
    "<details><summary>Cost lines</summary>",
    "",
    "| Group | Resource | Item | Quantity | Unit price | Monthly |",
    "| --- | --- | --- | ---: | ---: | ---: |",
  ];
  for (const g of [...c.pipelines, c.shared])
    for (const l of g.lines)
      out.push(
        `| ${cell(g.name)} | \`${cell(l.resource)}\` | ${cell(l.item)} | ${number(l.quantity)} ${l.unit} | ${l.unitPrice} | ${l.monthly.toFixed(2)} |`,
      );
  out.push("", "</details>", "");
  if (c.unpriced.length) out.push(...c.unpriced.map((u) => `- Not priced: ${cell(u)}`), "");
  out.push(`Not included: ${c.notIncluded.join("; ")}.`, "");
  return out;
}
