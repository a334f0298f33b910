import { ATTACHED_MANAGED_POLICIES } from "aws-cicd/checks";
import { resourceRule } from "../rule";

interface Config {
  allowedPolicies: string[];
}

/** The AWS managed policies aws-cicd attaches, each with a documented reason (component READMEs, IAM4 waivers). */
export const DOCUMENTED_MANAGED_POLICIES: string[] = ATTACHED_MANAGED_POLICIES.map((p) => `${p.path}${p.name}`);

const AWS_MANAGED = /^arn:aws[a-z-]*:iam::aws:policy\/(.+)$/;

export const iamManagedPolicies = resourceRule<Config>(
  {
    id: "aws-cicd-iam-managed-policies",
    service: "iam",
    description:
      "Roles attach no AWS managed policy except those in `allowedPolicies` (by default the ones aws-cicd documents a reason for). Advisory.",
    severity: "low",
    remediation:
      "Replace the managed policy with an inline policy of exact actions on exact resources, or add it to `allowedPolicies` with a documented reason.",
    tier: "strict",
    references: { cdkNag: ["IAM4"] },
    preview:
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
    configSchema: {
      properties: {
        allowedPolicies: { type: "array", items: { type: "string" }, default: DOCUMENTED_MANAGED_POLICIES },
      },
    },
  },
  ["aws:iam/rolePolicyAttachment:RolePolicyAttachment", "aws:iam/policyAttachment:PolicyAttachment", "aws:iam/role:Role"],
  (props, report, config) => {
    const arns: unknown[] =
      props.policyArn !== undefined ? [props.policyArn] : Array.isArray(props.managedPolicyArns) ? props.managedPolicyArns : [];
    for (const arn of arns) {
      const m = typeof arn === "string" ? AWS_MANAGED.exec(arn) : null;
      if (m && !config.allowedPolicies.includes(m[1])) report(`Attaches the AWS managed policy "${m[1]}" without a documented reason.`);
    }
  },
);
