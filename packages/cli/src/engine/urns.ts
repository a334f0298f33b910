/** URNs as the Pulumi engine forms them, and the duplicate-URN check `pulumi preview` makes. */

/**
 * A URN qualified by every ancestor's type (`urn:pulumi:<stack>::<project>::<parent types>$<type>::<name>`),
 * as the Pulumi engine forms it. `urn` is the unparented URN; the SDK's mock monitor keeps only the
 * parent's last type, which the engine replaces with this.
 */
export function qualifiedUrn(urn: string, parent: string | undefined): string {
  if (!parent) return urn;
  const parts = urn.split("::");
  const parentType = parent.split("::")[2];
  if (parts.length < 4 || !parentType || parentType === "pulumi:pulumi:Stack") return urn;
  parts[2] = `${parentType}$${parts[2]}`;
  return parts.join("::");
}

/**
 * The first URN registered twice, with what the engine would say about it; `undefined` when every
 * URN is unique. `pulumi preview` refuses such a program ("Duplicate resource URN").
 */
export function duplicateUrnMessage(
  resources: readonly { urn: string; type: string; name: string; parent?: string }[],
): string | undefined {
  const seen = new Set<string>();
  for (const r of resources) {
    if (seen.has(r.urn)) {
      return (
        `Duplicate resource URN "${r.urn}": the program creates two ${r.type} resources named "${r.name}"` +
        (r.parent ? " under the same parent type" : "") +
        ", which `pulumi preview` refuses. Give each a distinct name."
      );
    }
    seen.add(r.urn);
  }
  return undefined;
}
