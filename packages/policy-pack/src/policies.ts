/**
 * The rules of the aws-cicd policy pack as a plain array (`require("aws-cicd-policies/policies")`).
 * Constructing a `PolicyPack` is left to ./index.ts so that tests and tools can call the rules.
 */
import { Rule } from "./rules/rule";
import { s3AccessLogging } from "./rules/s3/s3-access-logging";
import { s3EncryptionCustomerKey } from "./rules/s3/s3-encryption-customer-key";
import { s3Lifecycle } from "./rules/s3/s3-lifecycle";
import { s3NoPublicPrincipal } from "./rules/s3/s3-no-public-principal";
import { s3OwnershipControls } from "./rules/s3/s3-ownership-controls";
import { s3PublicAccessBlock } from "./rules/s3/s3-public-access-block";
import { s3TlsOnly } from "./rules/s3/s3-tls-only";
import { s3Versioning } from "./rules/s3/s3-versioning";
import { kmsKeyPolicyDefined } from "./rules/kms/kms-key-policy-defined";
import { kmsKeyRotation } from "./rules/kms/kms-key-rotation";
import { kmsNoPublicPrincipal } from "./rules/kms/kms-no-public-principal";
import { codebuildArtifactEncryption } from "./rules/codebuild/codebuild-artifact-encryption";
import { codebuildCustomerKey } from "./rules/codebuild/codebuild-customer-key";
import { codebuildImage } from "./rules/codebuild/codebuild-image";
import { codebuildLogging } from "./rules/codebuild/codebuild-logging";
import { codebuildNoPlaintextSecrets } from "./rules/codebuild/codebuild-no-plaintext-secrets";
import { codebuildPrivilegedMode } from "./rules/codebuild/codebuild-privileged-mode";
import { codebuildReportExportEncrypted } from "./rules/codebuild/codebuild-report-export-encrypted";
import { codebuildS3LogsEncrypted } from "./rules/codebuild/codebuild-s3-logs-encrypted";
import { codebuildSourceNoCredentials } from "./rules/codebuild/codebuild-source-no-credentials";
import { codepipelineArtifactStoreKey } from "./rules/codepipeline/codepipeline-artifact-store-key";
import { codepipelineNoPolling } from "./rules/codepipeline/codepipeline-no-polling";
import { codecommitApprovalRule } from "./rules/codecommit/codecommit-approval-rule";
import { codecommitKmsKey } from "./rules/codecommit/codecommit-kms-key";
import { ebEnhancedHealth } from "./rules/beanstalk/eb-enhanced-health";
import { ebImdsv1Disabled } from "./rules/beanstalk/eb-imdsv1-disabled";
import { ebLogPublication } from "./rules/beanstalk/eb-log-publication";
import { ebManagedUpdates } from "./rules/beanstalk/eb-managed-updates";
import { ebRoles } from "./rules/beanstalk/eb-roles";
import { ebStreamLogs } from "./rules/beanstalk/eb-stream-logs";
import { ebVpc } from "./rules/beanstalk/eb-vpc";
import { ec2DetailedMonitoring } from "./rules/ec2/ec2-detailed-monitoring";
import { ec2EbsEncrypted } from "./rules/ec2/ec2-ebs-encrypted";
import { ec2Imdsv2 } from "./rules/ec2/ec2-imdsv2";
import { ec2NoOpenIngress } from "./rules/ec2/ec2-no-open-ingress";
import { ec2NoPublicIp } from "./rules/ec2/ec2-no-public-ip";
import { ec2UserDataSecrets } from "./rules/ec2/ec2-user-data-secrets";
import { codedeployAutoRollback } from "./rules/codedeploy/codedeploy-auto-rollback";
import { ecsTaskNonRoot } from "./rules/ecs/ecs-task-non-root";
import { ecsTaskReadonlyRootFilesystem } from "./rules/ecs/ecs-task-readonly-root-filesystem";
import { ecsTaskNotPrivileged } from "./rules/ecs/ecs-task-not-privileged";
import { ecsTaskAwsvpc } from "./rules/ecs/ecs-task-awsvpc";
import { ecsServiceNoPublicIp } from "./rules/ecs/ecs-service-no-public-ip";
import { ecsTaskLogging } from "./rules/ecs/ecs-task-logging";
import { ecrImmutableTags } from "./rules/ecr/ecr-immutable-tags";
import { ecrScanOnPush } from "./rules/ecr/ecr-scan-on-push";
import { ecrCustomerKey } from "./rules/ecr/ecr-customer-key";
import { elbListenerHttps } from "./rules/elb/elb-listener-https";
import { elbListenerTlsPolicy } from "./rules/elb/elb-listener-tls-policy";
import { lambdaPermissionSource } from "./rules/lambda/lambda-permission-source";
import { lambdaAliasCodedeploy } from "./rules/lambda/lambda-alias-codedeploy";
import { snsKms } from "./rules/sns/sns-kms";
import { snsNotPublic } from "./rules/sns/sns-not-public";
import { snsTlsOnly } from "./rules/sns/sns-tls-only";
import { logsKms } from "./rules/logs/logs-kms";
import { logsRetention } from "./rules/logs/logs-retention";
import { iamKnownActions } from "./rules/iam/iam-known-actions";
import { iamManagedPolicies } from "./rules/iam/iam-managed-policies";
import { iamNoPrivilegeEscalation } from "./rules/iam/iam-no-privilege-escalation";
import { iamNoStarResource } from "./rules/iam/iam-no-star-resource";
import { iamNoWildcardActions } from "./rules/iam/iam-no-wildcard-actions";
import { iamServiceTrustSource } from "./rules/iam/iam-service-trust-source";
import { iamTrustExactRoles } from "./rules/iam/iam-trust-exact-roles";
import { iamTrustNoPublicPrincipal } from "./rules/iam/iam-trust-no-public-principal";
import { iamExactActions } from "./rules/iam/iam-exact-actions";
import { iamNoKmsDecryptAllKeys } from "./rules/iam/iam-no-kms-decrypt-all-keys";
import { iamBeanstalkAdminPolicy } from "./rules/iam/iam-beanstalk-admin-policy";
import { iamNoLongLivedCredentials } from "./rules/iam/iam-no-long-lived-credentials";
import { policyNoForeignAccount } from "./rules/kms/policy-no-foreign-account";
import { ebLoadBalancerAccessLogs, ebLoadBalancerHttps } from "./rules/beanstalk/eb-load-balancer";
import { EnforcementLevel } from "@pulumi/policy";

export type { Rule, RuleMetadata, RuleReferences, RuleTier } from "./rules/rule";
export { REFERENCES } from "./rules/references";
export type { ReferenceEntry } from "./rules/references";

/** Every rule, grouped by service. */
export const policies: Rule[] = [
  s3PublicAccessBlock,
  s3OwnershipControls,
  s3EncryptionCustomerKey,
  s3Versioning,
  s3Lifecycle,
  s3TlsOnly,
  s3NoPublicPrincipal,
  s3AccessLogging,
  kmsKeyRotation,
  kmsKeyPolicyDefined,
  kmsNoPublicPrincipal,
  policyNoForeignAccount,
  codebuildCustomerKey,
  codebuildArtifactEncryption,
  codebuildLogging,
  codebuildS3LogsEncrypted,
  codebuildNoPlaintextSecrets,
  codebuildSourceNoCredentials,
  codebuildImage,
  codebuildPrivilegedMode,
  codebuildReportExportEncrypted,
  codepipelineArtifactStoreKey,
  codepipelineNoPolling,
  codecommitKmsKey,
  codecommitApprovalRule,
  ebVpc,
  ebManagedUpdates,
  ebLogPublication,
  ebStreamLogs,
  ebEnhancedHealth,
  ebImdsv1Disabled,
  ebRoles,
  ebLoadBalancerAccessLogs,
  ebLoadBalancerHttps,
  ec2EbsEncrypted,
  ec2Imdsv2,
  ec2NoPublicIp,
  ec2DetailedMonitoring,
  ec2NoOpenIngress,
  ec2UserDataSecrets,
  codedeployAutoRollback,
  ecsTaskNonRoot,
  ecsTaskReadonlyRootFilesystem,
  ecsTaskNotPrivileged,
  ecsTaskAwsvpc,
  ecsServiceNoPublicIp,
  ecsTaskLogging,
  ecrImmutableTags,
  ecrScanOnPush,
  ecrCustomerKey,
  elbListenerHttps,
  elbListenerTlsPolicy,
  lambdaPermissionSource,
  lambdaAliasCodedeploy,
  snsKms,
  snsTlsOnly,
  snsNotPublic,
  logsKms,
  logsRetention,
  iamKnownActions,
  iamNoWildcardActions,
  iamExactActions,
  iamNoKmsDecryptAllKeys,
  iamNoStarResource,
  iamTrustNoPublicPrincipal,
  iamTrustExactRoles,
  iamServiceTrustSource,
  iamManagedPolicies,
  iamNoPrivilegeEscalation,
  iamBeanstalkAdminPolicy,
  iamNoLongLivedCredentials,
];

/** Policy-pack configuration (assignable to CrossGuard's `PolicyPackConfig`): per rule, its level and settings. */
export type StrictPolicyConfig = Record<string, { enforcementLevel: EnforcementLevel; [setting: string]: unknown }>;

/**
 * The strict tier as policy-pack configuration (`pulumi preview --policy-pack-config`, or the
 * pack's config in Pulumi Cloud): every `strict` rule mandatory, and each rule's stricter settings
 * (`requireCustomerManagedKeys`, `allowedIngressPorts: []`...). Shipped as `strict-config.json`.
 */
export function strictPolicyConfig(rules: Rule[] = policies): StrictPolicyConfig {
  const out: StrictPolicyConfig = {};
  for (const r of rules) {
    const m = r.metadata;
    if (m.tier === "strict" || m.strictConfig) {
      out[m.id] = { enforcementLevel: m.tier === "review" ? "advisory" : "mandatory", ...(m.strictConfig ?? {}) };
    }
  }
  return out;
}
