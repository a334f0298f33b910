import { actionMatches, conditionKeys, statementLabel } from "../policy-documents";
import { documentsRule } from "./documents-rule";

/**
 * Actions that let a principal grant itself (or another principal) more than it has: change
 * policies, trusts, group membership or credentials. The library's components never grant them.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html
 */
export const PRIVILEGE_ESCALATION_ACTIONS = [
  "iam:AddUserToGroup",
  "iam:AttachGroupPolicy",
  "iam:AttachRolePolicy",
  "iam:AttachUserPolicy",
  "iam:CreateAccessKey",
  "iam:CreateLoginProfile",
  "iam:CreatePolicyVersion",
  "iam:DeleteRolePermissionsBoundary",
  "iam:DeleteUserPermissionsBoundary",
  "iam:PutGroupPolicy",
  "iam:PutRolePermissionsBoundary",
  "iam:PutRolePolicy",
  "iam:PutUserPermissionsBoundary",
  "iam:PutUserPolicy",
  "iam:SetDefaultPolicyVersion",
  "iam:UpdateAssumeRolePolicy",
  "iam:UpdateLoginProfile",
] as const;

/**
 * `iam:PassRole` hands a role to a service: allowed only on named roles and only to the
 * services given in an `iam:PassedToService` condition.
 */
const PASS_ROLE = "iam:PassRole";

export const iamNoPrivilegeEscalation = documentsRule(
  {
    id: "aws-cicd-iam-no-privilege-escalation",
    service: "iam",
    description:
      "Allow statements grant no privilege-escalation action (changing policies, trusts, group membership or credentials), and `iam:PassRole` only on named roles with an `iam:PassedToService` condition.",
    severity: "critical",
    remediation:
      "Remove the IAM write actions; give `iam:PassRole` on the exact role ARNs with `iam:PassedToService` set to the service that receives them.",
    tier: "strict",
    references: { checkov: ["CKV_AWS_286", "CKV_AWS_287", "CKV_AWS_289"] },
    preview:
      "Judges policy documents known in preview. A document that embeds an ARN of a resource created in the same run is unknown: that resource alone is not judged (CrossGuard notes it), and the rule runs again at `pulumi up`.",
  },
  ["identity"],
  (doc, report) => {
    for (const [i, s] of doc.statements.entries()) {
      if (s.Effect !== "Allow") continue;
      // IAM reads action names case-insensitively, and a wildcard grants every action it matches.
      for (const action of s.Action.filter((p) => PRIVILEGE_ESCALATION_ACTIONS.some((a) => actionMatches(p, a)))) {
        report(`\`${doc.field}\` ${statementLabel(s, i)} allows "${action}", which lets a principal raise its own permissions.`);
      }
      if (s.Action.some((p) => actionMatches(p, PASS_ROLE))) {
        if (s.Resource.includes("*")) report(`\`${doc.field}\` ${statementLabel(s, i)} allows "iam:PassRole" on "*"; name the roles.`);
        const passedTo = conditionKeys(s).includes("iam:passedtoservice");
        if (!passedTo)
          report(`\`${doc.field}\` ${statementLabel(s, i)} allows "iam:PassRole" without an \`iam:PassedToService\` condition.`);
      }
    }
  },
);
