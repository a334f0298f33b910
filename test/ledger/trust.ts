// Why each trust policy holds the conditions it holds: what AWS documents each service sends.

/** A service principal's documented confused-deputy keys. */
export interface TrustEvidence {
  principal: string;
  /** Condition keys we require of it. */
  keys: string[];
  source: string;
}

export const TRUST_EVIDENCE: TrustEvidence[] = [
  {
    principal: "codepipeline.amazonaws.com",
    keys: ["aws:SourceAccount", "aws:SourceArn"],
    source:
      "CodePipeline sends both when it assumes its service role; AWS's service role trust example scopes them to the account and pipeline: https://docs.aws.amazon.com/codepipeline/latest/userguide/security-iam.html#how-to-custom-role",
  },
  {
    principal: "codebuild.amazonaws.com",
    keys: ["aws:SourceAccount", "aws:SourceArn"],
    source:
      "CodeBuild documents both keys (project ARN) for its service role trust: https://docs.aws.amazon.com/codebuild/latest/userguide/cross-service-confused-deputy-prevention.html",
  },
  {
    principal: "events.amazonaws.com",
    keys: ["aws:SourceAccount", "aws:SourceArn"],
    source: "EventBridge sends the rule's ARN and account: https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-conditions.html",
  },
  {
    principal: "elasticbeanstalk.amazonaws.com",
    keys: ["sts:ExternalId"],
    source:
      "Elastic Beanstalk sends the external id `elasticbeanstalk` and documents no source keys for its service role: https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/iam-servicerole.html",
  },
  {
    principal: "codedeploy.amazonaws.com",
    keys: [],
    source:
      "CodeDeploy documents no source keys for its service role trust (its example trust has none), so none is required; a condition on a key it does not send would make the role impossible to assume: https://docs.aws.amazon.com/codedeploy/latest/userguide/getting-started-create-service-role.html",
  },
  {
    principal: "ec2.amazonaws.com",
    keys: [],
    source:
      "EC2 sends no source keys when an instance profile's role is assumed; who may attach the role is controlled by iam:PassRole: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html",
  },
  {
    principal: "ecs-tasks.amazonaws.com",
    keys: [],
    source:
      "AWS's trust policy for the ECS task execution role has no condition, so none is required; which tasks run with a role is controlled by iam:PassRole, which the pipeline and CodeDeploy roles hold on exactly these roles and only to ecs-tasks: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html",
  },
];

/** Exact roles of another account (the pipeline role, named principals): trusted by ARN, never by account. */
export const ROLE_TRUST_SOURCE =
  "Exact role ARNs, never an account root (CKV_AWS_61); CodePipeline sends no external id when it assumes an action's role: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_aws-accounts.html";
