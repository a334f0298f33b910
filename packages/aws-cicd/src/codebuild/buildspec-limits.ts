/**
 * Limits a buildspec file is checked against before it is parsed, so that a hostile file gets a
 * clear error instead of a stack overflow or minutes of work.
 */
import * as YAML from "yaml";

/**
 * Longest buildspec CodeBuild accepts, in characters. AWS's pages do not state it; CodeBuild's API
 * refuses a longer one with `InvalidInputException: Max buildspec length is 25600`, as reported in
 * https://github.com/aws/aws-cdk/issues/30326 and https://github.com/aws/aws-cdk/pull/14974
 * (CodeBuild's buildspec reference: https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html).
 */
export const MAX_BUILDSPEC_LENGTH = 25600;

/**
 * Deepest nesting of mappings and lists accepted in a buildspec file. A real buildspec nests about
 * six levels (`artifacts.secondary-artifacts.<id>.files[0]`); far deeper documents are refused
 * before the YAML is composed, whose recursion a few hundred levels would overflow.
 */
export const MAX_BUILDSPEC_NESTING = 64;

/** CST tokens that open a level of nesting. */
const COLLECTIONS = new Set(["block-map", "block-seq", "flow-collection"]);

/**
 * The offset of the first collection nested deeper than `max` in `text`, or `undefined`.
 * Walks the YAML library's concrete syntax tree (built without recursion) with an explicit
 * stack, so the check itself cannot overflow.
 */
export function tooDeepOffset(text: string, max = MAX_BUILDSPEC_NESTING): number | undefined {
  // Only objects are pushed: the parser's tokens, and the objects found in them.
  const stack: { node: object; depth: number }[] = [];
  for (const token of new YAML.Parser().parse(text)) stack.push({ node: token, depth: 0 });
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    const level = COLLECTIONS.has(String((node as { type?: unknown }).type)) ? depth + 1 : depth;
    if (level > max) return (node as { offset?: number }).offset ?? 0;
    for (const child of Object.values(node)) {
      if (typeof child === "object" && child !== null) stack.push({ node: child, depth: level });
    }
  }
  return undefined;
}
