import { statementLabel } from "../policy-documents";
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
    references: { cdkNag: ["IAM5"], securityHub: ["IAM.1"], checkov: ["CKV_AWS_286", "CKV_AWS_287", "CKV_AWS_289"] },
  },
  ["identity"],
  (doc, report) => {
    for (const [i, s] of doc.statements.entries()) {
      if (s.Effect !== "Allow") continue;
      for (const action of s.Action.filter((a) => (PRIVILEGE_ESCALATION_ACTIONS as readonly string[]).includes(a))) {
        report(`\`${doc.field}\` ${statementLabel(s, i)} allows "${action}", which lets a principal raise its own permissions.`);
      }
      if (s.Action.includes(PASS_ROLE)) {
        if (s.Resource.includes("*")) report(`\`${doc.field}\` ${statementLabel(s, i)} allows "iam:PassRole" on "*"; name the roles.`);
        const passedTo = Object.values(s.Condition ?? {}).some((c) => Object.keys(c as object).includes("iam:PassedToService"));
        if (!passedTo)
          report(`\`${doc.field}\` ${statementLabel(s, i)} allows "iam:PassRole" without an \`iam:PassedToService\` condition.`);
      }
    }
  },
);
