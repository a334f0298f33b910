import { isPublicPrincipal, NormalizedStatement, statementLabel } from "./policy-documents";

/** True for a condition that holds only without TLS: `Bool`/`BoolIfExists` `aws:SecureTransport` = false. */
export function deniesWithoutTls(s: NormalizedStatement): boolean {
  if (s.Effect !== "Deny" || !isPublicPrincipal(s) || !s.Condition) return false;
  return ["Bool", "BoolIfExists"].some((op) => {
    const c = (s.Condition as Record<string, any>)[op];
    const v = c && typeof c === "object" ? c["aws:SecureTransport"] : undefined;
    return [v].flat().some((x) => String(x) === "false");
  });
}

/** True when some statement denies every request without TLS for `actions` (or `*`/`service:*`) on all of `resources`. */
export function hasTlsDeny(statements: NormalizedStatement[], service: string, actions: string[], resources: string[]): boolean {
  return statements.some((s) => {
    if (!deniesWithoutTls(s)) return false;
    const all = s.Action.includes("*") || s.Action.includes(`${service}:*`);
    const covered = all || actions.every((a) => s.Action.includes(a));
    const onAll = s.Resource.includes("*") || resources.every((r) => s.Resource.includes(r));
    return covered && onAll;
  });
}

/** Messages for Allow statements open to the `*` principal without any condition. */
export function publicAllowProblems(statements: NormalizedStatement[]): string[] {
  return statements.flatMap((s, i) =>
    s.Effect === "Allow" && isPublicPrincipal(s) && !s.Condition
      ? [`${statementLabel(s, i)} allows the "*" principal without conditions`]
      : [],
  );
}
