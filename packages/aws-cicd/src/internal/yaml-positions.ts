/** Where a path of keys and list positions sits in a parsed YAML document (for `file:line:column` messages). */
import * as YAML from "yaml";

/** The key of a map pair as the JavaScript object key it becomes. */
export function keyText(key: unknown): string | undefined {
  if (YAML.isScalar(key)) return String(key.value);
  return undefined;
}

/**
 * The source offset of the node at `segments`: for a mapping entry its key, for a list
 * item the item. Stops at the deepest node that exists (a missing key points at its parent).
 */
export function offsetOf(doc: YAML.Document, segments: readonly (string | number)[]): number {
  let node: unknown = doc.contents;
  let offset = YAML.isNode(node) && node.range ? node.range[0] : 0;
  for (const segment of segments) {
    if (YAML.isAlias(node)) node = node.resolve(doc);
    if (YAML.isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(segment));
      if (!pair) break;
      if (YAML.isNode(pair.key) && pair.key.range) offset = pair.key.range[0];
      node = pair.value;
    } else if (YAML.isSeq(node) && typeof segment === "number") {
      const item = node.items[segment];
      if (!YAML.isNode(item) || !item.range) break;
      offset = item.range[0];
      node = item;
    } else break; // A scalar: nothing deeper.
  }
  return offset;
}
