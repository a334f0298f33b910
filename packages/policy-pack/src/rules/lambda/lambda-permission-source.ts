import { resourceRule } from "../rule";
import { tryRead, UNKNOWN } from "../unknowns";

/** A condition value is set: known and non-empty, or computed from another resource's output (unknown in preview). */
function isSet(read: () => unknown): boolean {
  const v = tryRead(read);
  return v === UNKNOWN || (typeof v === "string" && v !== "");
}

export const lambdaPermissionSource = resourceRule(
  {
    id: "aws-cicd-lambda-permission-source",
    service: "lambda",
    description:
      'Lambda permissions do not let the "*" principal invoke a function without a `sourceArn`, `sourceAccount` or `principalOrgId`, and a service principal (`*.amazonaws.com`) only with a `sourceArn` or `sourceAccount`, so that no other account\'s resource can invoke it.',
    severity: "critical",
    remediation:
      'Add the ARN of the resource that invokes the function (`sourceArn`), or at least your account (`sourceAccount`); name an account or role principal instead of "*".',
    tier: "baseline",
    references: { securityHub: ["Lambda.1"] },
    preview:
      "Judges the permission's own inputs. A `sourceArn` built from another resource's output is unknown in preview and counts as set; an unknown principal or action leaves that permission alone unjudged until `pulumi up`.",
  },
  ["aws:lambda/permission:Permission"],
  (props, report) => {
    // Stryker disable next-line StringLiteral: no action: any fallback string that is no invoke action returns alike.
    const action = String(props.action ?? "");
    if (!/^lambda:(InvokeFunction|\*)$/i.test(action)) return;
    // Stryker disable next-line StringLiteral: no principal: any fallback string that is neither "*" nor a service returns alike.
    const principal = String(props.principal ?? "");
    const service = /\.amazonaws\.com(\.cn)?$/.test(principal);
    if (principal !== "*" && !service) return;
    if (isSet(() => props.sourceArn) || isSet(() => props.sourceAccount)) return;
    if (principal === "*" && isSet(() => props.principalOrgId)) return;
    report(
      principal === "*"
        ? `Lambda permission lets any principal ("*") call ${action} without \`sourceArn\`, \`sourceAccount\` or \`principalOrgId\`: the function is public.`
        : `Lambda permission lets ${principal} call ${action} without \`sourceArn\` or \`sourceAccount\`: that service's resources in any account can invoke the function.`,
    );
  },
);
