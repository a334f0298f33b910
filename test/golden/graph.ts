// The flagship example's whole resolved resource graph as a stable document (issue 12): every
// resource's type, name, parent, provider, options and resolved inputs, in registration order,
// with policy documents parsed so that a diff shows statements, not escaped strings.
import * as fs from "fs";
import * as path from "path";
import { RecordedResource } from "../harness/mocks";

/** Where the golden graph of the flagship example is kept. */
export const FLAGSHIP_GOLDEN = path.join(__dirname, "flagship-graph.json");

/**
 * A URN shortened to `<parent type>$<type>::<name>`: its name and the last two types of its
 * qualified type (the engine qualifies a type by every ancestor's).
 */
function shortUrn(urn: string | undefined): string | undefined {
  if (!urn) return urn;
  const [type = "", name = ""] = urn.split("::").slice(-2);
  return `${type.split("$").slice(-2).join("$")}::${name}`;
}

/** Policy documents (JSON strings) parsed, so that the golden file shows their statements. */
function readable(value: unknown): unknown {
  if (typeof value === "string" && value.startsWith('{"Version":"2012-10-17"')) return { json: JSON.parse(value) };
  if (Array.isArray(value)) return value.map(readable);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, readable(v)]));
  return value;
}

/** The graph as the golden file holds it. */
export function graphDocument(resources: RecordedResource[]): unknown[] {
  return resources.map((r) => ({
    type: r.type,
    name: r.name,
    parent: shortUrn(r.parent),
    provider: shortUrn(r.provider),
    options: {
      retainOnDelete: r.options.retainOnDelete,
      protect: r.options.protect,
      ignoreChanges: r.options.ignoreChanges,
      dependsOn: r.options.dependsOn.map(shortUrn),
    },
    inputs: readable(r.inputs),
  }));
}

/** Writes the golden file (`npm run golden`), pretty-printed for reviewable diffs. */
export function writeGolden(file: string, doc: unknown): void {
  fs.writeFileSync(file, `${JSON.stringify(doc, null, 1)}\n`);
}
