// The flagship example's whole resolved resource graph as a stable document (issue 12): every
// resource's type, name, parent, provider, options and resolved inputs, sorted by URN, with policy
// documents parsed so that a diff shows statements, not escaped strings.
//
// Sorted by URN, not kept in registration order: the graph is its resources, their inputs, parents
// and dependencies, which the engine orders itself. The order in which a program registers them is
// only the order in which their inputs happen to resolve (a resource registers once its Outputs
// settle), and fewer Outputs between resources change it without changing the graph.
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

/**
 * Policy documents (JSON strings) parsed, so that the golden file shows their statements. A
 * document is parsed only when writing it back gives the very same bytes (compact, keys in the same
 * order): any other document stays the string it is, and differs from the golden file.
 */
function readable(value: unknown): unknown {
  if (typeof value === "string" && value.startsWith('{"Version":"2012-10-17"')) {
    const json: unknown = JSON.parse(value);
    return JSON.stringify(json) === value ? { json } : value;
  }
  if (Array.isArray(value)) return value.map(readable);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, readable(v)]));
  return value;
}

/** The graph as the golden file holds it. */
export function graphDocument(resources: RecordedResource[]): unknown[] {
  const byUrn = [...resources].sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
  return byUrn.map((r) => ({
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
