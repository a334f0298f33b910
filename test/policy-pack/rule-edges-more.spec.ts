// Rule edges (see rule-edges.spec.ts): SNS topic policies' TLS deny, CodeCommit approval rule templates.
import { policyResource as res } from "./fake-args";
import { describeStackRows } from "./rule-edges";

const TOPIC = "aws:sns/topic:Topic";
const TOPIC_POLICY = "aws:sns/topicPolicy:TopicPolicy";
const TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:t";
const tlsDeny = (Action: string, Resource: string) => ({
  Statement: [{ Effect: "Deny", Principal: "*", Action, Resource, Condition: { Bool: { "aws:SecureTransport": "false" } } }],
});
const NO_TLS = 'SNS topic "t" has no policy denying publishing without TLS.';

const REPO = "aws:codecommit/repository:Repository";
const TEMPLATE = "aws:codecommit/approvalRuleTemplate:ApprovalRuleTemplate";
const ASSOC = "aws:codecommit/approvalRuleTemplateAssociation:ApprovalRuleTemplateAssociation";
const repo = res(REPO, "r", { repositoryName: "app" });
const template = (name: string, content: unknown) => res(TEMPLATE, name, { name, content });
const assoc = (name: string) => res(ASSOC, `${name}-assoc`, { repositoryName: "app", approvalRuleTemplateName: name });
const approvals = (...n: unknown[]) =>
  JSON.stringify({ Statements: n.map((NumberOfApprovalsNeeded) => ({ Type: "Approvers", NumberOfApprovalsNeeded })) });
const needs = (found: number, name = "app") =>
  `r: CodeCommit repository "${name}" has no approval rule template needing at least 2 approvals (found ${found}).`;

describeStackRows("policy pack edges: SNS TLS deny, CodeCommit approval rule templates", [
  [
    "a TLS deny on the topic's ARN in its topic policy",
    "aws-cicd-sns-tls-only",
    [res(TOPIC, "t", { arn: TOPIC_ARN }), res(TOPIC_POLICY, "tp", { arn: TOPIC_ARN, policy: tlsDeny("sns:Publish", TOPIC_ARN) })],
    [],
  ],
  [
    "a TLS deny of another action than sns:Publish",
    "aws-cicd-sns-tls-only",
    [res(TOPIC, "t", { arn: TOPIC_ARN }), res(TOPIC_POLICY, "tp", { arn: TOPIC_ARN, policy: tlsDeny("sns:Subscribe", TOPIC_ARN) })],
    [`t: ${NO_TLS}`],
  ],
  [
    "a TLS deny in the topic policy of another topic",
    "aws-cicd-sns-tls-only",
    [res(TOPIC, "t", { arn: TOPIC_ARN }), res(TOPIC_POLICY, "tp", { arn: `${TOPIC_ARN}2`, policy: tlsDeny("sns:Publish", "*") })],
    [`t: ${NO_TLS}`],
  ],
  [
    "a template whose content is an object, not a JSON string",
    "aws-cicd-codecommit-approval-rule",
    [repo, template("tpl", { Statements: [{ NumberOfApprovalsNeeded: 2 }] }), assoc("tpl")],
    [],
  ],
  [
    "a template whose content is not JSON",
    "aws-cicd-codecommit-approval-rule",
    [repo, template("tpl", "{not json"), assoc("tpl")],
    [needs(0)],
  ],
  ["a template without statements", "aws-cicd-codecommit-approval-rule", [repo, template("tpl", "{}"), assoc("tpl")], [needs(0)]],
  [
    "a template whose statement names no number of approvals",
    "aws-cicd-codecommit-approval-rule",
    [repo, template("tpl", JSON.stringify({ Statements: [{ Type: "Approvers" }] })), assoc("tpl")],
    [needs(0)],
  ],
  [
    "a template needing a negative number of approvals",
    "aws-cicd-codecommit-approval-rule",
    [repo, template("tpl", approvals(-3)), assoc("tpl")],
    [needs(0)],
  ],
  [
    "a template whose statements need 1 and 3 approvals: the largest counts",
    "aws-cicd-codecommit-approval-rule",
    [repo, template("tpl", approvals(1, 3)), assoc("tpl")],
    [],
  ],
  [
    "two associated templates needing 3 and 1 approvals: the best counts",
    "aws-cicd-codecommit-approval-rule",
    [repo, template("strict", approvals(3)), assoc("strict"), template("loose", approvals(1)), assoc("loose")],
    [],
  ],
  [
    "two associated templates needing 1 and 0 approvals",
    "aws-cicd-codecommit-approval-rule",
    [repo, template("one", approvals(1)), assoc("one"), template("none", approvals(0)), assoc("none")],
    [needs(1)],
  ],
  [
    "a template needing 3 approvals that is not associated with the repository",
    "aws-cicd-codecommit-approval-rule",
    [repo, template("tpl", approvals(3)), assoc("other")],
    [needs(0)],
  ],
  [
    "a repository whose name is not set: reported by its resource name",
    "aws-cicd-codecommit-approval-rule",
    [res(REPO, "r", {})],
    [needs(0, "r")],
  ],
]);
