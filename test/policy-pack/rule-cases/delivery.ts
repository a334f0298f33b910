// The case tables of CodePipeline, CodeCommit, Elastic Beanstalk and CodeDeploy: delivery.spec
// describes them, preview.spec and tiers.spec drive them again (through index.ts). Plain data: this
// module declares no mocha test.
import { policies } from "../../../packages/policy-pack/src/policies";
import { rule, type ResourceCase, type StackCase } from "../cases";
import { policyResource as res } from "../fake-args";

const KEY = "arn:aws:kms:us-east-1:123456789012:key/k";
const P = "aws:codepipeline/pipeline:Pipeline";
const EB = "aws:elasticbeanstalk/environment:Environment";
const s = (namespace: string, name: string, value: string) => ({ namespace, name, value });
const source = (poll: string) => ({
  stages: [{ name: "Source", actions: [{ name: "Src", configuration: { PollForSourceChanges: poll } }] }],
});
const repo = res("aws:codecommit/repository:Repository", "r", { repositoryName: "app" });
const template = (n: number) =>
  res("aws:codecommit/approvalRuleTemplate:ApprovalRuleTemplate", "t", {
    name: "tpl",
    content: JSON.stringify({ Statements: [{ Type: "Approvers", NumberOfApprovalsNeeded: n }] }),
  });
const assoc = res("aws:codecommit/approvalRuleTemplateAssociation:ApprovalRuleTemplateAssociation", "a", {
  repositoryName: "app",
  approvalRuleTemplateName: "tpl",
});

/** Resource-rule cases: a compliant and a non-compliant resource with the exact messages. */
export const DELIVERY_RESOURCE_CASES: ResourceCase[] = [
  {
    rule: rule(policies, "aws-cicd-codepipeline-artifact-store-key"),
    type: P,
    compliant: { artifactStores: [{ encryptionKey: { type: "KMS", id: KEY } }] },
    noncompliant: { artifactStores: [{ location: "b" }] },
    messages: ["Pipeline `artifactStores[0]` is not encrypted with a customer managed KMS key."],
  },
  {
    rule: rule(policies, "aws-cicd-codepipeline-no-polling"),
    type: P,
    compliant: source("false"),
    noncompliant: source("true"),
    messages: ['Pipeline action "Source/Src" polls for source changes.'],
  },
  {
    rule: rule(policies, "aws-cicd-codecommit-kms-key"),
    type: "aws:codecommit/repository:Repository",
    compliant: { kmsKeyId: KEY },
    noncompliant: {},
    messages: ["CodeCommit repository is not encrypted with a customer managed `kmsKeyId`."],
  },
  {
    rule: rule(policies, "aws-cicd-eb-vpc"),
    type: EB,
    compliant: { settings: [s("aws:ec2:vpc", "VPCId", "vpc-1")] },
    noncompliant: { settings: [] },
    messages: ["Elastic Beanstalk environment sets no VPC (`aws:ec2:vpc` `VPCId`)."],
  },
  {
    rule: rule(policies, "aws-cicd-eb-managed-updates"),
    type: EB,
    compliant: {
      settings: [
        s("aws:elasticbeanstalk:managedactions", "ManagedActionsEnabled", "true"),
        s("aws:elasticbeanstalk:managedactions:platformupdate", "UpdateLevel", "minor"),
      ],
    },
    noncompliant: { settings: [] },
    messages: [
      "Elastic Beanstalk environment does not enable managed platform updates (`ManagedActionsEnabled`).",
      "Elastic Beanstalk environment sets no managed update level (`UpdateLevel` minor or patch), got none.",
    ],
  },
  {
    rule: rule(policies, "aws-cicd-eb-log-publication"),
    type: EB,
    compliant: { settings: [s("aws:elasticbeanstalk:hostmanager", "LogPublicationControl", "true")] },
    noncompliant: { settings: [] },
    messages: ["Elastic Beanstalk environment does not publish instance logs (`LogPublicationControl`)."],
  },
  {
    rule: rule(policies, "aws-cicd-eb-stream-logs"),
    type: EB,
    compliant: { settings: [s("aws:elasticbeanstalk:cloudwatch:logs", "StreamLogs", "true")] },
    noncompliant: { settings: [s("aws:elasticbeanstalk:cloudwatch:logs", "StreamLogs", "false")] },
    messages: ["Elastic Beanstalk environment does not stream logs to CloudWatch Logs (`StreamLogs`)."],
  },
  {
    rule: rule(policies, "aws-cicd-eb-enhanced-health"),
    type: EB,
    compliant: { settings: [s("aws:elasticbeanstalk:healthreporting:system", "SystemType", "enhanced")] },
    noncompliant: { settings: [] },
    messages: ["Elastic Beanstalk environment does not use enhanced health reporting (`SystemType`)."],
  },
  {
    rule: rule(policies, "aws-cicd-eb-imdsv1-disabled"),
    type: EB,
    compliant: { settings: [s("aws:autoscaling:launchconfiguration", "DisableIMDSv1", "true")] },
    noncompliant: { settings: [] },
    messages: ["Elastic Beanstalk environment does not disable IMDSv1 (`DisableIMDSv1`)."],
  },
  {
    rule: rule(policies, "aws-cicd-eb-roles"),
    type: EB,
    compliant: {
      settings: [
        s("aws:autoscaling:launchconfiguration", "IamInstanceProfile", "p"),
        s("aws:elasticbeanstalk:environment", "ServiceRole", "r"),
      ],
    },
    noncompliant: { settings: [] },
    messages: [
      "Elastic Beanstalk environment sets no instance profile (`IamInstanceProfile`).",
      "Elastic Beanstalk environment sets no service role (`ServiceRole`).",
    ],
  },
  {
    rule: rule(policies, "aws-cicd-codedeploy-auto-rollback"),
    type: "aws:codedeploy/deploymentGroup:DeploymentGroup",
    compliant: {
      autoRollbackConfiguration: { enabled: true, events: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"] },
      alarmConfiguration: { enabled: true, alarms: ["a"] },
    },
    noncompliant: {
      autoRollbackConfiguration: { enabled: true, events: ["DEPLOYMENT_FAILURE"] },
      alarmConfiguration: { enabled: true, alarms: ["a"] },
    },
    messages: ["Deployment group has alarms but does not roll back on DEPLOYMENT_STOP_ON_ALARM."],
  },
];

/** Stack-rule cases: a compliant and a non-compliant stack with the exact messages. */
export const DELIVERY_STACK_CASES: StackCase[] = [
  {
    rule: rule(policies, "aws-cicd-codecommit-approval-rule"),
    compliant: [repo, template(2), assoc],
    noncompliant: [repo, template(1), assoc],
    messages: ['r: CodeCommit repository "app" has no approval rule template needing at least 2 approvals (found 1).'],
  },
  {
    rule: rule(policies, "aws-cicd-codecommit-approval-rule"),
    compliant: [repo, template(1), assoc],
    noncompliant: [repo],
    messages: ['r: CodeCommit repository "app" has no approval rule template needing at least 1 approvals (found 0).'],
    config: { minimumApprovals: 1 },
  },
];
