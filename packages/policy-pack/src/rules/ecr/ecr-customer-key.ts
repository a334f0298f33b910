import { isAwsManagedKeyAlias, keyOf, resourceRule } from "../rule";
import { tryRead, UNKNOWN } from "../unknowns";

export const ecrCustomerKey = resourceRule(
  {
    id: "aws-cicd-ecr-customer-key",
    service: "ecr",
    description: "ECR repositories encrypt images with a customer managed KMS key, not AES256 or the AWS managed key aws/ecr.",
    severity: "medium",
    remediation:
      'Set `encryptionConfigurations: [{ encryptionType: "KMS", kmsKey }]` with a customer managed key whose policy lets ECR create grants (EncryptionKey `allowEcrRepositories`; EcsServiceTarget does so by default).',
    tier: "strict",
    references: { checkov: ["CKV_AWS_136"] },
    preview:
      "Judges the resource's inputs. A key ARN built from another resource's output is unknown in preview and counts as a customer managed key (AWS managed keys are constant `alias/aws/...` names); other unknown inputs leave that resource alone unjudged until `pulumi up`.",
  },
  ["aws:ecr/repository:Repository"],
  (props, report) => {
    const configs = tryRead(() => props.encryptionConfigurations);
    if (configs === UNKNOWN) return;
    const config: Record<string, any> | undefined = Array.isArray(configs) ? configs[0] : undefined;
    const type = config?.encryptionType ?? "AES256";
    if (type !== "KMS" && type !== "KMS_DSSE") {
      report(`ECR repository is encrypted with "${type}" (S3-managed keys), not a customer managed KMS key.`);
      return;
    }
    const key = keyOf(() => config!.kmsKey);
    if (!key) report("ECR repository names no `kmsKey`; it uses the AWS managed key aws/ecr.");
    else if (isAwsManagedKeyAlias(key)) report(`ECR repository uses the AWS managed key "${key}"; use a customer managed key.`);
  },
);
