import { ReportViolation } from "@pulumi/policy";
import { resourceRule, Rule, RuleMetadata } from "../rule";
import { documentsOf, DocumentKind, FoundDocument, POLICY_HOLDER_TYPES } from "../policy-documents";

/**
 * A resource rule over every policy document of a resource (`kinds` filters identity, resource
 * and trust policies). `check` reports through `report` with messages it builds.
 */
export function documentsRule<C extends object = Record<string, never>>(
  m: RuleMetadata,
  kinds: DocumentKind[],
  check: (doc: FoundDocument, report: ReportViolation, config: C) => Promise<void> | void,
): Rule {
  return resourceRule<C>(m, POLICY_HOLDER_TYPES, async (props, report, config, args) => {
    for (const doc of documentsOf(args.type, props)) {
      if (kinds.includes(doc.kind)) await check(doc, report, config);
    }
  });
}
