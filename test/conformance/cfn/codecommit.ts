import { defined, ServiceTranslations } from "./context";

const TEMPLATE = "aws:codecommit/approvalRuleTemplate:ApprovalRuleTemplate";
const ASSOCIATION = "aws:codecommit/approvalRuleTemplateAssociation:ApprovalRuleTemplateAssociation";

/**
 * CodeCommit: the repository. Approval rule templates and their associations have no
 * CloudFormation type (and no AwsSolutions rule); they are folded into their repository.
 */
export const codecommit: ServiceTranslations = {
  "aws:codecommit/repository:Repository": {
    exposes: (r) => [
      [r.state.arn, "Arn"],
      [r.state.repositoryName, "Name"],
      [r.state.repositoryId, "Ref"],
      [r.state.cloneUrlHttp, "CloneUrlHttp"],
    ],
    translate: (r, ctx) => {
      for (const association of ctx.claim(ASSOCIATION, "repositoryName", r.inputs.repositoryName)) {
        ctx.claim(TEMPLATE, "name", association.inputs.approvalRuleTemplateName);
      }
      return {
        Type: "AWS::CodeCommit::Repository",
        Properties: defined({
          RepositoryName: r.inputs.repositoryName,
          RepositoryDescription: r.inputs.description,
          KmsKeyId: ctx.link(r.inputs.kmsKeyId),
        }),
      };
    },
  },
  [TEMPLATE]: { translate: "folded" },
  [ASSOCIATION]: { translate: "folded" },
};
