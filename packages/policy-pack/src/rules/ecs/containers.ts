import { resourceRule, Rule, RuleMetadata } from "../rule";

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

/** What a container rule says of itself (the rest is shared by the container rules). */
export interface ContainerRuleMetadata {
  id: string;
  description: string;
  severity: RuleMetadata["severity"];
  remediation: string;
  /**
   * The rule's tier.
   * @default "strict"
   */
  tier?: RuleMetadata["tier"];
  /**
   * The third-party ids it corresponds to.
   * @default - none.
   */
  references?: RuleMetadata["references"];
}

/**
 * A rule (strict tier unless `m.tier` says otherwise) judging each container of an ECS task definition: `problem` returns the
 * message for a container that breaks it (named by `containerLabel`), or `undefined`.
 */
export function containerRule(m: ContainerRuleMetadata, problem: (c: Record<string, any>, label: string) => string | undefined): Rule {
  return resourceRule(
    { tier: "strict", references: {}, ...m, service: "ecs", preview: TASK_DEFINITION_PREVIEW },
    ["aws:ecs/taskDefinition:TaskDefinition"],
    (props, report) => {
      containersOf(props).forEach((c, i) => {
        const message = problem(c, containerLabel(c, i));
        if (message !== undefined) report(message);
      });
    },
  );
}
