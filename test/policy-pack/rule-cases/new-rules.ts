// The case tables of the rules added for issues 9, 10 and 11: new-rules.spec describes them,
// preview.spec and tiers.spec drive them again (through index.ts). Plain data: this module declares
// no mocha test.
import { policies } from "../../../packages/policy-pack/src/policies";
import { rule, type ResourceCase, type StackCase } from "../cases";
import { policyResource as res } from "../fake-args";

const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const EB = "aws:elasticbeanstalk/environment:Environment";
const s = (namespace: string, name: string, value: string) => ({ namespace, name, value });
const ALB = [
  s("aws:elasticbeanstalk:environment", "EnvironmentType", "LoadBalanced"),
  s("aws:elasticbeanstalk:environment", "LoadBalancerType", "application"),
];
const EB_ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess-AWSElasticBeanstalk";
const EB_ADMIN_MESSAGE =
  'Attaches the AWS managed policy "AdministratorAccess-AWSElasticBeanstalk": it allows every action of Elastic Beanstalk and of the services it drives (EC2, Auto Scaling, Elastic Load Balancing, CloudFormation, S3, CloudWatch, SNS, SQS, RDS and more) on all resources, and iam:PassRole, far beyond deploying one environment.';
/** The pipeline key's policy when an action's `roleArn` Output resolved to another account's root (issue 10). */
const pipelineKeyPolicy = (roleArn: string) =>
  doc(
    {
      Sid: "AccountAdministersKeyThroughIam",
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::123456789012:root" },
      Action: "kms:DescribeKey",
      Resource: "*",
    },
    {
      Sid: "AccountUsesKeyThroughServices",
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::123456789012:root" },
      Action: "kms:Decrypt",
      Resource: "*",
      Condition: { StringEquals: { "kms:CallerAccount": "123456789012", "kms:ViaService": "s3.us-east-1.amazonaws.com" } },
    },
    { Sid: "NamedRolesUseKeyThroughServices", Effect: "Allow", Principal: { AWS: [roleArn] }, Action: "kms:Decrypt", Resource: "*" },
    { Sid: "DenyOthers", Effect: "Deny", Principal: { AWS: "arn:aws:iam::999999999999:root" }, Action: "kms:*", Resource: "*" },
  );

/** Resource-rule cases: a compliant and a non-compliant resource with the exact messages. */
export const NEW_RULES_RESOURCE_CASES: ResourceCase[] = [
  {
    rule: rule(policies, "aws-cicd-iam-beanstalk-admin-policy"),
    type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    compliant: { policyArn: "arn:aws:iam::aws:policy/AWSElasticBeanstalkManagedUpdatesCustomerRolePolicy" },
    noncompliant: { policyArn: EB_ADMIN },
    messages: [EB_ADMIN_MESSAGE],
  },
  {
    rule: rule(policies, "aws-cicd-iam-beanstalk-admin-policy"),
    type: "aws:iam/role:Role",
    compliant: { managedPolicyArns: [] },
    noncompliant: { managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore", EB_ADMIN] },
    messages: [EB_ADMIN_MESSAGE],
  },
  {
    rule: rule(policies, "aws-cicd-iam-beanstalk-admin-policy"),
    type: "aws:iam/policyAttachment:PolicyAttachment",
    compliant: { policyArn: "arn:aws:iam::123456789012:policy/deploy", roles: ["r"] },
    noncompliant: { policyArn: EB_ADMIN, roles: ["r"] },
    messages: [EB_ADMIN_MESSAGE],
  },
  {
    rule: rule(policies, "aws-cicd-policy-no-whole-account"),
    type: "aws:kms/key:Key",
    compliant: { policy: pipelineKeyPolicy("arn:aws:iam::999999999999:role/deploy") },
    noncompliant: { policy: pipelineKeyPolicy("arn:aws:iam::999999999999:root") },
    messages: [
      'Key policy statement "NamedRolesUseKeyThroughServices" allows the whole account "arn:aws:iam::999999999999:root", another account than the key\'s (123456789012); name the roles.',
    ],
  },
  {
    rule: rule(policies, "aws-cicd-policy-no-whole-account"),
    type: "aws:s3/bucketPolicy:BucketPolicy",
    compliant: {
      policy: doc({
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::999999999999:role/deploy" },
        Action: "s3:GetObject",
        Resource: "arn:aws:s3:::b/*",
      }),
    },
    noncompliant: {
      policy: doc({
        Sid: "Deploy",
        Effect: "Allow",
        Principal: { AWS: ["999999999999"] },
        Action: "s3:GetObject",
        Resource: "arn:aws:s3:::b/*",
      }),
    },
    messages: ['Bucket policy statement "Deploy" allows the whole account "999999999999"; name the roles.'],
  },
  {
    // An account narrowed to roles at a path of its own is a grant to those roles; `role/*` is the whole account.
    rule: rule(policies, "aws-cicd-policy-no-whole-account"),
    type: "aws:s3/bucketPolicy:BucketPolicy",
    compliant: {
      policy: doc({
        Effect: "Allow",
        Principal: { AWS: ["arn:aws:iam::999999999999:root"] },
        Action: "s3:GetObject",
        Resource: "arn:aws:s3:::b/*",
        Condition: { ArnLike: { "aws:PrincipalArn": ["arn:aws:iam::999999999999:role/aws-cicd/platform/*"] } },
      }),
    },
    noncompliant: {
      policy: doc({
        Sid: "Readers",
        Effect: "Allow",
        Principal: { AWS: ["arn:aws:iam::999999999999:root"] },
        Action: "s3:GetObject",
        Resource: "arn:aws:s3:::b/*",
        Condition: { ArnLike: { "aws:PrincipalArn": ["arn:aws:iam::999999999999:role/*"] } },
      }),
    },
    messages: ['Bucket policy statement "Readers" allows the whole account "arn:aws:iam::999999999999:root"; name the roles.'],
  },
  {
    rule: rule(policies, "aws-cicd-kms-no-public-principal"),
    type: "aws:kms/keyPolicy:KeyPolicy",
    compliant: {
      policy: doc({
        Effect: "Allow",
        Principal: "*",
        Action: "kms:Decrypt",
        Resource: "*",
        Condition: { StringEquals: { "KMS:CallerAccount": "123456789012" } },
      }),
    },
    noncompliant: {
      policy: doc(
        {
          Sid: "TlsOnly",
          Effect: "Allow",
          Principal: { AWS: "*" },
          Action: "kms:Decrypt",
          Resource: "*",
          Condition: { Bool: { "aws:SecureTransport": "true" } },
        },
        {
          Sid: "AllBut",
          Effect: "Allow",
          NotPrincipal: { AWS: "arn:aws:iam::123456789012:role/a" },
          Action: "kms:Decrypt",
          Resource: "*",
        },
        { Sid: "Deny", Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*" },
      ),
    },
    messages: [
      'Key policy statement "TlsOnly" allows the "*" principal with conditions that do not limit the caller (account, organization, source).',
      'Key policy statement "AllBut" allows everyone but the `NotPrincipal` list without conditions.',
    ],
  },
  {
    rule: rule(policies, "aws-cicd-s3-no-public-principal"),
    type: "aws:s3/bucketPolicy:BucketPolicy",
    compliant: {
      policy: doc({
        Effect: "Allow",
        Principal: { Service: "logging.s3.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: "arn:aws:s3:::logs/*",
        Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } },
      }),
    },
    noncompliant: {
      policy: doc({
        Effect: "Allow",
        Principal: "*",
        Action: "s3:GetObject",
        Resource: "arn:aws:s3:::b/*",
        Condition: { StringLike: { "aws:SourceArn": "*" } },
      }),
    },
    messages: [
      'Bucket policy statement 1 allows the "*" principal with conditions that do not limit the caller (account, organization, source).',
    ],
  },
  {
    rule: rule(policies, "aws-cicd-iam-trust-no-public-principal"),
    type: "aws:iam/role:Role",
    compliant: { assumeRolePolicy: doc({ Effect: "Deny", Principal: "*", Action: "sts:AssumeRole" }) },
    noncompliant: {
      assumeRolePolicy: doc({ Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::123456789012:role/x" }, Action: "sts:AssumeRole" }),
    },
    messages: ['Trust policy statement 1 trusts the "*" principal.'],
  },
  {
    rule: rule(policies, "aws-cicd-eb-load-balancer-access-logs"),
    type: EB,
    compliant: { settings: [...ALB, s("aws:elbv2:loadbalancer", "AccessLogsS3Enabled", "true")] },
    noncompliant: { settings: ALB },
    messages: ["Elastic Beanstalk load balancer does not deliver access logs (`aws:elbv2:loadbalancer` `AccessLogsS3Enabled`)."],
  },
  {
    rule: rule(policies, "aws-cicd-eb-load-balancer-https"),
    type: EB,
    compliant: {
      settings: [...ALB, s("aws:elbv2:listener:443", "Protocol", "HTTPS"), s("aws:elbv2:listener:default", "ListenerEnabled", "false")],
    },
    noncompliant: { settings: ALB },
    messages: [
      "Elastic Beanstalk load balancer has no HTTPS listener (`aws:elbv2:listener:443` `Protocol` HTTPS).",
      "Elastic Beanstalk load balancer keeps the plain HTTP listener on (`aws:elbv2:listener:default` `ListenerEnabled`).",
    ],
  },
  {
    // A setting held on the configuration template the environment names is judged on the template.
    rule: rule(policies, "aws-cicd-eb-imdsv1-disabled"),
    type: EB,
    compliant: { templateName: "hardened", settings: [] },
    noncompliant: { templateName: "hardened", settings: [s("aws:autoscaling:launchconfiguration", "DisableIMDSv1", "false")] },
    messages: ["Elastic Beanstalk environment does not disable IMDSv1 (`DisableIMDSv1`)."],
  },
  {
    // An instance launched from a launch template takes its metadata options from the template.
    rule: rule(policies, "aws-cicd-ec2-imdsv2"),
    type: "aws:ec2/instance:Instance",
    compliant: { launchTemplate: { id: "lt-1" } },
    noncompliant: { launchTemplate: { id: "lt-1" }, metadataOptions: { httpTokens: "optional" } },
    messages: ["Instance metadata does not require IMDSv2 (`metadataOptions.httpTokens`)."],
  },
];

/** Stack-rule cases: a compliant and a non-compliant stack with the exact messages. */
export const NEW_RULES_STACK_CASES: StackCase[] = [
  {
    // A TLS deny split into a bucket statement and an object statement counts (action names in any case).
    rule: rule(policies, "aws-cicd-s3-tls-only"),
    compliant: [
      res("aws:s3/bucket:Bucket", "b", { bucket: "b1", arn: "arn:aws:s3:::b1" }),
      res("aws:s3/bucketPolicy:BucketPolicy", "p", {
        bucket: "b1",
        policy: doc(
          {
            Effect: "Deny",
            Principal: "*",
            Action: "S3:*",
            Resource: "arn:aws:s3:::b1",
            Condition: { Bool: { "AWS:SecureTransport": "false" } },
          },
          {
            Effect: "Deny",
            Principal: { AWS: "*" },
            Action: "s3:*",
            Resource: "arn:aws:s3:::b1/*",
            Condition: { Bool: { "aws:SecureTransport": false } },
          },
        ),
      }),
    ],
    noncompliant: [
      res("aws:s3/bucket:Bucket", "b", { bucket: "b1", arn: "arn:aws:s3:::b1" }),
      res("aws:s3/bucketPolicy:BucketPolicy", "p", {
        bucket: "b1",
        policy: doc({
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: "arn:aws:s3:::b1/*",
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        }),
      }),
    ],
    messages: ['b: Bucket "b" has no bucket policy denying requests without TLS on the bucket and its objects.'],
  },
];
