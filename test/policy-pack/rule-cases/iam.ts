// The case tables of IAM: iam.spec describes them, preview.spec and tiers.spec drive them again
// (through index.ts). Plain data: this module declares no mocha test.
import { policies } from "../../../packages/policy-pack/src/policies";
import { rule, type ResourceCase } from "../cases";

const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const RP = "aws:iam/rolePolicy:RolePolicy";
const ROLE = "aws:iam/role:Role";
const trust = (Principal: object, Condition?: object) => ({
  assumeRolePolicy: doc({ Effect: "Allow", Principal, Action: "sts:AssumeRole", ...(Condition ? { Condition } : {}) }),
});

/** Resource-rule cases: a compliant and a non-compliant resource with the exact messages. */
export const IAM_CASES: ResourceCase[] = [
  {
    rule: rule(policies, "aws-cicd-iam-known-actions"),
    type: RP,
    // IAM reads action names case-insensitively: "s3:getobject" is s3:GetObject.
    compliant: { policy: doc({ Effect: "Allow", Action: ["s3:GetObject", "s3:getobject"], Resource: "arn:aws:s3:::b/*" }) },
    noncompliant: {
      policy: doc({ Sid: "Read", Effect: "Allow", Action: ["s3:GetObjects", "s3:getobject"], Resource: "arn:aws:s3:::b/*" }),
    },
    messages: ['`policy` statement "Read": "s3:GetObjects" is not in AWS\'s service authorization reference.'],
  },
  {
    rule: rule(policies, "aws-cicd-iam-no-wildcard-actions"),
    type: RP,
    compliant: { policy: doc({ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*" }) },
    noncompliant: { policy: doc({ Effect: "Allow", Action: ["s3:Get*", "S3:*", "*"], Resource: "*" }) },
    messages: ['`policy` statement 1 allows the wildcard action "S3:*".', '`policy` statement 1 allows the wildcard action "*".'],
  },
  {
    rule: rule(policies, "aws-cicd-iam-exact-actions"),
    type: "aws:kms/key:Key",
    compliant: {
      policy: doc({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:role/a" }, Action: "kms:Decrypt", Resource: "*" }),
    },
    noncompliant: {
      policy: doc(
        { Sid: "Admin", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" },
        {
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::123456789012:role/a" },
          NotAction: "kms:ScheduleKeyDeletion",
          Resource: "*",
        },
      ),
    },
    messages: [
      '`policy` statement "Admin" allows the wildcard action "kms:*".',
      "`policy` statement 2 allows NotAction, which grants every other action.",
    ],
  },
  {
    rule: rule(policies, "aws-cicd-iam-no-kms-decrypt-all-keys"),
    type: RP,
    compliant: { policy: doc({ Effect: "Allow", Action: "kms:Decrypt", Resource: "arn:aws:kms:us-east-1:123456789012:key/k" }) },
    noncompliant: { policy: doc({ Effect: "Allow", Action: ["KMS:decrypt", "kms:ReEncrypt*"], Resource: "*" }) },
    messages: [
      '`policy` statement 1 allows "kms:Decrypt" on all KMS keys.',
      '`policy` statement 1 allows "kms:ReEncryptFrom" on all KMS keys.',
    ],
  },
  {
    rule: rule(policies, "aws-cicd-iam-no-star-resource"),
    type: RP,
    compliant: { policy: doc({ Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" }) },
    noncompliant: { policy: doc({ Effect: "Allow", Action: ["ecr:GetAuthorizationToken", "kms:Decrypt"], Resource: "*" }) },
    messages: ['`policy` statement 1 grants "kms:Decrypt" on "*" although it supports resource-level permissions.'],
  },
  {
    rule: rule(policies, "aws-cicd-iam-trust-no-public-principal"),
    type: ROLE,
    compliant: trust({ Service: "codebuild.amazonaws.com" }),
    noncompliant: trust({ AWS: "*" }),
    messages: ['Trust policy statement 1 trusts the "*" principal.'],
  },
  {
    rule: rule(policies, "aws-cicd-iam-trust-exact-roles"),
    type: ROLE,
    compliant: trust({ AWS: "arn:aws:iam::444455556666:role/deploy" }),
    noncompliant: trust({ AWS: ["arn:aws:iam::444455556666:root", "444455556666"] }),
    messages: [
      'Trust policy statement 1 trusts the whole account "arn:aws:iam::444455556666:root"; name the role.',
      'Trust policy statement 1 trusts the whole account "444455556666"; name the role.',
    ],
  },
  {
    rule: rule(policies, "aws-cicd-iam-service-trust-source"),
    type: ROLE,
    compliant: trust({ Service: "codebuild.amazonaws.com" }, { StringEquals: { "aws:SourceAccount": "123456789012" } }),
    noncompliant: trust({ Service: ["codebuild.amazonaws.com", "ec2.amazonaws.com"] }),
    messages: ["Trust policy statement 1 trusts codebuild.amazonaws.com without aws:SourceAccount or aws:SourceArn."],
  },
  {
    rule: rule(policies, "aws-cicd-iam-no-privilege-escalation"),
    type: RP,
    compliant: {
      policy: doc({
        Effect: "Allow",
        Action: "iam:PassRole",
        Resource: "arn:aws:iam::123456789012:role/app",
        Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } },
      }),
    },
    noncompliant: { policy: doc({ Sid: "Admin", Effect: "Allow", Action: ["IAM:putrolepolicy", "iam:PassRole"], Resource: "*" }) },
    messages: [
      '`policy` statement "Admin" allows "IAM:putrolepolicy", which lets a principal raise its own permissions.',
      '`policy` statement "Admin" allows "iam:PassRole" on "*"; name the roles.',
      '`policy` statement "Admin" allows "iam:PassRole" without an `iam:PassedToService` condition.',
    ],
  },
  {
    rule: rule(policies, "aws-cicd-iam-managed-policies"),
    type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    compliant: { policyArn: "arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole" },
    noncompliant: { policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" },
    messages: ['Attaches the AWS managed policy "AdministratorAccess" without a documented reason.'],
  },
];
