/**
 * Every third-party rule id the pack cites, with its title and a link. A test pins each rule's
 * `references` to this table, so that no id is cited without its title.
 *
 * Sources: cdk-nag's AwsSolutions pack (lib/packs/aws-solutions, `info`), the Security Hub CSPM
 * control reference (https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-controls-reference.html)
 * and Checkov's checks (checkov/terraform/checks, `name`).
 */

/**
 * FSBP membership (`fsbp`) as AWS's own list of the standard's controls states it
 * (https://docs.aws.amazon.com/securityhub/latest/userguide/fsbp-standard.html). Third-party copies
 * lag behind it: Prowler's and Turbot's lists still hold SNS.1, which AWS retired from FSBP in April
 * 2024 (https://docs.aws.amazon.com/securityhub/latest/userguide/sns-controls.html#sns-1), and leave
 * out ElasticBeanstalk.2, which FSBP holds.
 */

/** One cited id. */
export interface ReferenceEntry {
  title: string;
  url: string;
  /** Security Hub only: the control is part of the AWS Foundational Security Best Practices standard. */
  fsbp?: boolean;
}

const CDK_NAG = "https://github.com/cdklabs/cdk-nag/blob/main/RULES.md#aws-solutions";
const hub = (service: string, n: string, title: string, fsbp: boolean): [string, ReferenceEntry] => [
  `security-hub:${service}.${n}`,
  {
    title,
    url: `https://docs.aws.amazon.com/securityhub/latest/userguide/${service.toLowerCase()}-controls.html#${service.toLowerCase()}-${n}`,
    fsbp,
  },
];
const nag = (id: string, title: string): [string, ReferenceEntry] => [`cdk-nag:AwsSolutions-${id}`, { title, url: CDK_NAG }];
const checkov = (id: string, file: string, title: string): [string, ReferenceEntry] => [
  `checkov:${id}`,
  { title, url: `https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/${file}` },
];

/** Tag (`cdk-nag:AwsSolutions-S1`, `security-hub:S3.8`, `checkov:CKV_AWS_18`) to its title and link. */
export const REFERENCES: Readonly<Record<string, ReferenceEntry>> = Object.fromEntries([
  nag("S1", "The S3 Bucket has server access logs disabled."),
  nag("S2", "The S3 Bucket does not have public access restricted and blocked."),
  nag("S10", "The S3 Bucket or bucket policy does not require requests to use SSL."),
  nag("KMS5", "The KMS Symmetric key does not have automatic key rotation enabled."),
  nag("CB4", "The CodeBuild project does not use an AWS KMS key for encryption."),
  nag(
    "CB5",
    "The Codebuild project does not use images provided by the CodeBuild service or have a cdk-nag suppression rule explaining the need for a custom image.",
  ),
  nag("EB1", "The Elastic Beanstalk environment is not configured to use a specific VPC."),
  nag("EB3", "The Elastic Beanstalk environment does not have managed updates enabled."),
  nag("EB4", "The Elastic Beanstalk environment does not upload EC2 Instance logs to S3."),
  nag("EC23", "The Security Group allows for 0.0.0.0/0 or ::/0 inbound access."),
  nag("EC26", "The resource creates one or more EBS volumes that have encryption disabled."),
  nag("EC28", "The EC2 instance/AutoScaling launch configuration does not have detailed monitoring enabled."),
  nag("SNS3", "The SNS Topic does not require publishers to use SSL."),
  nag("IAM4", "The IAM user, role, or group uses AWS managed policies."),
  nag(
    "IAM5",
    "The IAM entity contains wildcard permissions and does not have a cdk-nag rule suppression with evidence for those permission.",
  ),
  hub("S3", "2", "S3 general purpose buckets should block public read access", true),
  hub("S3", "3", "S3 general purpose buckets should block public write access", true),
  hub("S3", "5", "S3 general purpose buckets should require requests to use SSL", true),
  hub("S3", "8", "S3 general purpose buckets should block public access", true),
  hub("S3", "9", "S3 general purpose buckets should have server access logging enabled", true),
  hub("S3", "12", "ACLs should not be used to manage user access to S3 general purpose buckets", true),
  hub("S3", "13", "S3 general purpose buckets should have Lifecycle configurations", true),
  hub("S3", "14", "S3 general purpose buckets should have versioning enabled", false),
  hub("S3", "17", "S3 general purpose buckets should be encrypted at rest with AWS KMS keys", false),
  hub("KMS", "1", "IAM customer managed policies should not allow decryption actions on all KMS keys", true),
  hub("KMS", "2", "IAM principals should not have IAM inline policies that allow decryption actions on all KMS keys", true),
  hub("KMS", "4", "AWS KMS key rotation should be enabled", false),
  hub("KMS", "5", "KMS keys should not be publicly accessible", true),
  hub("CodeBuild", "1", "CodeBuild Bitbucket source repository URLs should not contain sensitive credentials", true),
  hub("CodeBuild", "2", "CodeBuild project environment variables should not contain clear text credentials", true),
  hub("CodeBuild", "3", "CodeBuild S3 logs should be encrypted", true),
  hub("CodeBuild", "4", "CodeBuild project environments should have a logging AWS Configuration", true),
  hub("CodeBuild", "7", "CodeBuild report group exports should be encrypted at rest", true),
  hub("ElasticBeanstalk", "1", "Elastic Beanstalk environments should have enhanced health reporting enabled", true),
  hub("ElasticBeanstalk", "2", "Elastic Beanstalk managed platform updates should be enabled", true),
  hub("ElasticBeanstalk", "3", "Elastic Beanstalk should stream logs to CloudWatch", true),
  hub("EC2", "3", "Attached Amazon EBS volumes should be encrypted at-rest", true),
  hub("EC2", "8", "EC2 instances should use Instance Metadata Service Version 2 (IMDSv2)", true),
  hub("EC2", "9", "Amazon EC2 instances should not have a public IPv4 address", true),
  hub("EC2", "18", "Security groups should only allow unrestricted incoming traffic for authorized ports", true),
  hub("EC2", "19", "Security groups should not allow unrestricted access to ports with high risk", true),
  hub("EC2", "25", "Amazon EC2 launch templates should not assign public IPs to network interfaces", true),
  hub("EC2", "170", "EC2 launch templates should use Instance Metadata Service Version 2 (IMDSv2)", true),
  hub("ECS", "9", "ECS task definitions should have a logging configuration", true),
  hub("Lambda", "1", "Lambda function policies should prohibit public access", true),
  hub("ELB", "1", "Application Load Balancer should be configured to redirect all HTTP requests to HTTPS", true),
  hub("ELB", "5", "Application and Classic Load Balancers logging should be enabled", true),
  hub("SNS", "1", "SNS topics should be encrypted at-rest using AWS KMS", false),
  hub("SNS", "4", "SNS topic access policies should not allow public access", true),
  hub("IAM", "1", 'IAM policies should not allow full "*" administrative privileges', true),
  hub("IAM", "21", "IAM customer managed policies that you create should not allow wildcard actions for services", true),
  hub("CloudWatch", "16", "CloudWatch log groups should be retained for a specified time period", false),
  checkov("CKV_AWS_136", "resource/aws/ECRRepositoryEncrypted.py", "Ensure that ECR repositories are encrypted using KMS"),
  checkov("CKV2_AWS_6", "graph_checks/aws/S3BucketHasPublicAccessBlock.yaml", "Ensure that S3 bucket has a Public Access block"),
  checkov("CKV_AWS_145", "graph_checks/aws/S3KMSEncryptedByDefault.yaml", "Ensure that S3 buckets are encrypted with KMS by default"),
  checkov("CKV_AWS_21", "graph_checks/aws/S3BucketVersioning.yaml", "Ensure all data stored in the S3 bucket have versioning enabled"),
  checkov("CKV2_AWS_61", "graph_checks/aws/S3BucketLifecycle.yaml", "Ensure that an S3 bucket has a lifecycle configuration"),
  checkov("CKV_AWS_70", "resource/aws/S3AllowsAnyPrincipal.py", "Ensure S3 bucket does not allow an action with any Principal"),
  checkov("CKV_AWS_18", "graph_checks/aws/S3BucketLogging.yaml", "Ensure the S3 bucket has access logging enabled"),
  checkov("CKV_AWS_7", "resource/aws/KMSRotation.py", "Ensure rotation for customer created CMKs is enabled"),
  checkov("CKV_AWS_33", "resource/aws/KMSKeyWildcardPrincipal.py", "Ensure KMS key policy does not contain wildcard (*) principal"),
  checkov("CKV2_AWS_64", "graph_checks/aws/KmsKeyPolicyIsDefined.yaml", "Ensure KMS key Policy is defined"),
  checkov("CKV_AWS_147", "resource/aws/CodebuildUsesCMK.py", "Ensure that CodeBuild projects are encrypted using CMK"),
  checkov("CKV_AWS_78", "resource/aws/CodeBuildProjectEncryption.py", "Ensure that CodeBuild Project encryption is not disabled"),
  checkov("CKV_AWS_314", "resource/aws/CodebuildHasLogs.py", "Ensure CodeBuild project environments have a logging configuration"),
  checkov("CKV_AWS_311", "resource/aws/CodebuildS3LogsEncrypted.py", "Ensure that CodeBuild S3 logs are encrypted"),
  checkov(
    "CKV_AWS_316",
    "resource/aws/CodeBuildPrivilegedMode.py",
    "Ensure CodeBuild project environments do not have privileged mode enabled",
  ),
  checkov("CKV_AWS_219", "resource/aws/CodePipelineArtifactsEncrypted.py", "Ensure CodePipeline Artifact store is using a KMS CMK"),
  checkov("CKV2_AWS_37", "graph_checks/aws/CodecommitApprovalRulesAttached.yaml", "Ensure CodeCommit associates an approval rule"),
  checkov(
    "CKV_AWS_257",
    "resource/aws/CodecommitApprovalsRulesRequireMin2.py",
    "Ensure CodeCommit branch changes have at least 2 approvals",
  ),
  checkov(
    "CKV_AWS_340",
    "resource/aws/ElasticBeanstalkUseManagedUpdates.py",
    "Ensure Elastic Beanstalk managed platform updates are enabled",
  ),
  checkov(
    "CKV_AWS_312",
    "resource/aws/ElasticBeanstalkUseEnhancedHealthChecks.py",
    "Ensure Elastic Beanstalk environments have enhanced health reporting enabled",
  ),
  checkov(
    "CKV_AWS_8",
    "resource/aws/LaunchConfigurationEBSEncryption.py",
    "Ensure all data stored in the Launch configuration or instance Elastic Blocks Store is securely encrypted",
  ),
  checkov("CKV_AWS_79", "resource/aws/IMDSv1Disabled.py", "Ensure Instance Metadata Service Version 1 is not enabled"),
  checkov("CKV_AWS_88", "resource/aws/EC2PublicIP.py", "EC2 instance should not have public IP."),
  checkov("CKV_AWS_126", "resource/aws/EC2DetailedMonitoringEnabled.py", "Ensure that detailed monitoring is enabled for EC2 instances"),
  checkov("CKV_AWS_46", "resource/aws/EC2Credentials.py", "Ensure no hard-coded secrets exist in EC2 user data"),
  checkov("CKV_AWS_26", "resource/aws/SNSTopicEncryption.py", "Ensure all data stored in the SNS topic is encrypted"),
  checkov("CKV_AWS_158", "resource/aws/CloudWatchLogGroupKMSKey.py", "Ensure that CloudWatch Log Group is encrypted by KMS"),
  checkov("CKV_AWS_66", "resource/aws/CloudWatchLogGroupRetention.py", "Ensure that CloudWatch Log Group specifies retention days"),
  checkov(
    "CKV_AWS_338",
    "resource/aws/CloudWatchLogGroupRetentionYear.py",
    "Ensure CloudWatch log groups retains logs for at least 1 year",
  ),
  checkov(
    "CKV_AWS_62",
    "resource/aws/IAMAdminPolicyDocument.py",
    'Ensure IAM policies that allow full "*-*" administrative privileges are not created',
  ),
  checkov(
    "CKV_AWS_63",
    "resource/aws/IAMStarActionPolicyDocument.py",
    'Ensure no IAM policies documents allow "*" as a statement\'s actions',
  ),
  checkov(
    "CKV_AWS_355",
    "resource/aws/IAMStarResourcePolicyDocument.py",
    'Ensure no IAM policies documents allow "*" as a statement\'s resource for restrictable actions',
  ),
  checkov("CKV_AWS_290", "resource/aws/IAMWriteAccess.py", "Ensure IAM policies does not allow write access without constraints"),
  checkov(
    "CKV_AWS_60",
    "resource/aws/IAMRoleAllowsPublicAssume.py",
    "Ensure IAM role allows only specific services or principals to assume it",
  ),
  checkov(
    "CKV_AWS_61",
    "resource/aws/IAMRoleAllowAssumeFromAccount.py",
    "Ensure AWS IAM policy does not allow assume role permission across all services",
  ),
  checkov("CKV_AWS_286", "resource/aws/IAMPrivilegeEscalation.py", "Ensure IAM policies does not allow privilege escalation"),
  checkov("CKV_AWS_287", "resource/aws/IAMCredentialsExposure.py", "Ensure IAM policies does not allow credentials exposure"),
  checkov(
    "CKV_AWS_289",
    "resource/aws/IAMPermissionsManagement.py",
    "Ensure IAM policies does not allow permissions management / resource exposure without constraints",
  ),
  checkov(
    "CKV_AWS_277",
    "resource/aws/SecurityGroupUnrestrictedIngressAny.py",
    "Ensure no security groups allow ingress from 0.0.0.0:0 to port -1",
  ),
  checkov("CKV_AWS_91", "resource/aws/ELBv2AccessLogs.py", "Ensure the ELBv2 (Application/Network) has access logging enabled"),
  checkov("CKV2_AWS_20", "graph_checks/aws/ALBRedirectsHTTPToHTTPS.yaml", "Ensure that ALB redirects HTTP requests into HTTPS ones"),
  checkov(
    "CKV_AWS_273",
    "resource/aws/IAMUserNotUsedForAccess.py",
    "Ensure access is controlled through SSO and not AWS IAM defined users",
  ),
]);
