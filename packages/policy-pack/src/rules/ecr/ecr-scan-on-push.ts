import { isTrue, resourceRule } from "../rule";

export const ecrScanOnPush = resourceRule(
  {
    id: "aws-cicd-ecr-scan-on-push",
    service: "ecr",
    description: "ECR repositories scan images for vulnerabilities when they are pushed.",
    severity: "medium",
    remediation: "Set `imageScanningConfiguration: { scanOnPush: true }`, or enable enhanced scanning for the registry.",
    tier: "strict",
    references: {},
    preview:
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
  },
  ["aws:ecr/repository:Repository"],
  (props, report) => {
    if (!isTrue(props.imageScanningConfiguration?.scanOnPush)) report("ECR repository does not scan images on push.");
  },
);
