/** The container definitions of an `aws:ecs/taskDefinition:TaskDefinition` (a JSON string input), `[]` when unknown or malformed. */
export function containersOf(props: Record<string, any>): Record<string, any>[] {
  const raw = props.containerDefinitions;
  let list: unknown = raw;
  if (typeof raw === "string") {
    try {
      list = JSON.parse(raw);
    } catch {
      return [];
    }
  }
  return Array.isArray(list) ? list.filter((c) => c !== null && typeof c === "object") : [];
}

/** How a container is named in messages. */
export const containerLabel = (c: Record<string, any>, i: number) => (typeof c.name === "string" ? `"${c.name}"` : `${i}`);

/** What ECS task definition rules say of preview. */
export const TASK_DEFINITION_PREVIEW =
  "Judges the task definition's own inputs; container definitions built from other resources' outputs (an image URL, a log group) are unknown in preview, so that task definition is judged at `pulumi up`.";
