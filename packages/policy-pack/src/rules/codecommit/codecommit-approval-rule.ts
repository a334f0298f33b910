import { DEFAULT_REQUIRED_APPROVALS } from "aws-cicd";
import { stackRule } from "../rule";
import { relatedResources } from "../relations";
import { forEachContained, knownString } from "../unknowns";

interface Config {
  minimumApprovals: number;
}

function approvalsOf(content: unknown): number {
  try {
    const c = typeof content === "string" ? JSON.parse(content) : content;
    // Stryker disable next-line OptionalChaining,ArrayDeclaration: null content throws into the catch (0), as no statement; an item without NumberOfApprovalsNeeded counts 0, as no item.
    const statements: unknown[] = (c as any)?.Statements ?? [];
    return Math.max(0, ...statements.map((s: any) => Number(s?.NumberOfApprovalsNeeded ?? 0)));
  } catch {
    return 0;
  }
}

export const codecommitApprovalRule = stackRule<Config>(
  {
    id: "aws-cicd-codecommit-approval-rule",
    service: "codecommit",
    description: "CodeCommit repositories are associated with an approval rule template that needs at least `minimumApprovals` approvals.",
    severity: "medium",
    remediation:
      "Create an `aws.codecommit.ApprovalRuleTemplate` with NumberOfApprovalsNeeded >= the minimum and associate it with the repository (CodeCommitRepo does, `requiredApprovals`).",
    tier: "strict",
    references: { checkov: ["CKV2_AWS_37", "CKV_AWS_257"] },
    preview:
      "Relates associations and templates by property dependency, then by name; a template whose content is unknown leaves that repository alone unjudged until `pulumi up`.",
    configSchema: {
      properties: { minimumApprovals: { type: "integer", minimum: 1, default: DEFAULT_REQUIRED_APPROVALS } },
    },
  },
  async (resources, report, config) => {
    const ASSOCIATION = "aws:codecommit/approvalRuleTemplateAssociation:ApprovalRuleTemplateAssociation";
    const templates = resources.filter((r) => r.type === "aws:codecommit/approvalRuleTemplate:ApprovalRuleTemplate");
    await forEachContained(
      resources.filter((r) => r.type === "aws:codecommit/repository:Repository"),
      (repo) => {
        const associations = relatedResources(resources, repo, ASSOCIATION, "repositoryName", ["repositoryName"]);
        const best = templates
          .filter((t) => relatedResources(associations, t, ASSOCIATION, "approvalRuleTemplateName", ["name"]).length > 0)
          .reduce((n, t) => Math.max(n, approvalsOf(t.props.content)), 0);
        if (best < config.minimumApprovals) {
          const name = knownString(repo.props, "repositoryName") ?? repo.name;
          report(
            `CodeCommit repository "${name}" has no approval rule template needing at least ${config.minimumApprovals} approvals (found ${best}).`,
            repo.urn,
          );
        }
      },
    );
  },
);
