import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { APPROVAL_RULE_TEMPLATE_NAME, autoNameArgs, AUTONAMED_IAM_POLICY, stackScopedName } from "../internal/naming";
import { roleNameOf, sizeCheckedPolicyDocument } from "../security/iam";
import { jsonString } from "../security/policy-json";
import { BranchProtectionArgs } from "./codecommit-repo-args";
import { protectedBranchStatements } from "./policies";
import { approvalRuleContentObject } from "./validate";

/** The approval rule template and its association with the repository. */
export interface RepositoryApprovalRule {
  template: aws.codecommit.ApprovalRuleTemplate;
  association: aws.codecommit.ApprovalRuleTemplateAssociation;
}

/** Creates an approval rule template for the protected branches and associates it with the repository. */
export function createApprovalRule(
  name: string,
  repository: aws.codecommit.Repository,
  settings: { repositoryName: string; branches: string[]; approvals: number; pool?: string[]; templateName?: string },
  parent: pulumi.Resource,
): RepositoryApprovalRule {
  const template = new aws.codecommit.ApprovalRuleTemplate(
    `${name}-approvals`,
    {
      name: settings.templateName ?? stackScopedName(`${name}-approvals`, APPROVAL_RULE_TEMPLATE_NAME),
      description: `Pull requests into protected branches of ${settings.repositoryName} need ${settings.approvals} approvals (aws-cicd).`,
      content: jsonString(approvalRuleContentObject(settings.branches, settings.approvals, settings.pool)),
    },
    { parent },
  );
  const association = new aws.codecommit.ApprovalRuleTemplateAssociation(
    `${name}-approvals-association`,
    { approvalRuleTemplateName: template.name, repositoryName: repository.repositoryName },
    { parent },
  );
  return { template, association };
}

/** The deny policy for protected branches and its attachments. */
export interface BranchProtection {
  policy: aws.iam.Policy;
  attachments: (aws.iam.RolePolicyAttachment | aws.iam.UserPolicyAttachment | aws.iam.GroupPolicyAttachment)[];
}

/** Creates the protected-branch deny policy and attaches it to the named roles, users and groups. */
export function createBranchProtection(
  name: string,
  repository: aws.codecommit.Repository,
  repositoryName: string,
  branches: string[],
  args: BranchProtectionArgs,
  tags: pulumi.Input<Record<string, pulumi.Input<string>>> | undefined,
  parent: pulumi.Resource,
): BranchProtection {
  const policy = new aws.iam.Policy(
    `${name}-branch-protection`,
    {
      ...autoNameArgs(`${name}-branch-protection`, AUTONAMED_IAM_POLICY),
      description: `Denies direct changes to protected branches of CodeCommit repository ${repositoryName}; changes go through pull requests (aws-cicd).`,
      policy: sizeCheckedPolicyDocument(
        "managedPolicy",
        {
          subject: `The branch protection policy of CodeCommitRepo \`${name}\``,
          fix: "Protect fewer `protectedBranches` (`denyPullRequestMerges` names each twice).",
        },
        protectedBranchStatements(repository.arn, branches, args.denyPullRequestMerges ?? false),
        parent,
      ),
      tags,
    },
    { parent },
  );
  const attachments: BranchProtection["attachments"] = [];
  (args.roles ?? []).forEach((role, i) =>
    attachments.push(
      new aws.iam.RolePolicyAttachment(
        `${name}-branch-protection-role-${i}`,
        { role: roleNameOf(role), policyArn: policy.arn },
        { parent },
      ),
    ),
  );
  (args.users ?? []).forEach((user, i) =>
    attachments.push(new aws.iam.UserPolicyAttachment(`${name}-branch-protection-user-${i}`, { user, policyArn: policy.arn }, { parent })),
  );
  (args.groups ?? []).forEach((group, i) =>
    attachments.push(
      new aws.iam.GroupPolicyAttachment(`${name}-branch-protection-group-${i}`, { group, policyArn: policy.arn }, { parent }),
    ),
  );
  return { policy, attachments };
}
