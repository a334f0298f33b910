// The case tables of ECS, ECR and load balancer listeners: ecs.spec describes them, preview.spec
// and tiers.spec drive them again (through index.ts). Plain data: this module declares no mocha
// test.
import { policies } from "../../../packages/policy-pack/src/policies";
import { rule, type ResourceCase } from "../cases";

const TD = "aws:ecs/taskDefinition:TaskDefinition";
const containers = (...c: Record<string, unknown>[]) => ({ networkMode: "awsvpc", containerDefinitions: JSON.stringify(c) });
const LOGS = {
  logDriver: "awslogs",
  options: { "awslogs-group": "/aws/ecs/app", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs" },
};
const HARDENED = {
  name: "app",
  image: "app:1",
  user: "1000:1000",
  readonlyRootFilesystem: true,
  privileged: false,
  logConfiguration: LOGS,
};
const KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

/** Resource-rule cases: a compliant and a non-compliant resource with the exact messages. */
export const ECS_CASES: ResourceCase[] = [
  {
    rule: rule(policies, "aws-cicd-ecs-task-non-root"),
    type: TD,
    compliant: containers(HARDENED),
    noncompliant: containers({ ...HARDENED, user: "0:0" }, { name: "sidecar", image: "s:1" }),
    messages: [
      'ECS container "app" runs as "0:0", not a named non-root user.',
      'ECS container "sidecar" runs as the image\'s default user, not a named non-root user.',
    ],
  },
  {
    rule: rule(policies, "aws-cicd-ecs-task-readonly-root-filesystem"),
    type: TD,
    compliant: containers(HARDENED),
    noncompliant: containers({ ...HARDENED, readonlyRootFilesystem: false }),
    messages: ['ECS container "app" has a writable root filesystem.'],
  },
  {
    rule: rule(policies, "aws-cicd-ecs-task-not-privileged"),
    type: TD,
    compliant: containers(HARDENED),
    noncompliant: containers({ ...HARDENED, privileged: true }),
    messages: ['ECS container "app" runs privileged.'],
  },
  {
    rule: rule(policies, "aws-cicd-ecs-task-awsvpc"),
    type: TD,
    compliant: containers(HARDENED),
    noncompliant: { networkMode: "bridge", containerDefinitions: "[]" },
    messages: ['ECS task definition uses the network mode "bridge", not "awsvpc".'],
  },
  {
    rule: rule(policies, "aws-cicd-ecs-task-logging"),
    type: TD,
    compliant: containers(HARDENED),
    noncompliant: containers(
      { ...HARDENED, logConfiguration: undefined },
      { ...HARDENED, name: "sidecar", logConfiguration: { options: {} } },
    ),
    messages: [
      'ECS container "app" has no log configuration: its output is lost.',
      'ECS container "sidecar" has no log configuration: its output is lost.',
    ],
  },
  {
    rule: rule(policies, "aws-cicd-ecs-service-no-public-ip"),
    type: "aws:ecs/service:Service",
    compliant: { networkConfiguration: { subnets: ["subnet-a"], assignPublicIp: false } },
    noncompliant: { networkConfiguration: { subnets: ["subnet-a"], assignPublicIp: true } },
    messages: ["ECS service assigns public IP addresses to its tasks."],
  },
  {
    rule: rule(policies, "aws-cicd-ecr-immutable-tags"),
    type: "aws:ecr/repository:Repository",
    compliant: { imageTagMutability: "IMMUTABLE" },
    noncompliant: {},
    messages: ['ECR repository tags are mutable ("MUTABLE").'],
  },
  {
    rule: rule(policies, "aws-cicd-ecr-scan-on-push"),
    type: "aws:ecr/repository:Repository",
    compliant: { imageScanningConfiguration: { scanOnPush: true } },
    noncompliant: { imageScanningConfiguration: { scanOnPush: false } },
    messages: ["ECR repository does not scan images on push."],
  },
  {
    rule: rule(policies, "aws-cicd-ecr-customer-key"),
    type: "aws:ecr/repository:Repository",
    compliant: { encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: KEY }] },
    noncompliant: { encryptionConfigurations: [{ encryptionType: "KMS" }] },
    messages: ["ECR repository names no `kmsKey`; it uses the AWS managed key aws/ecr."],
  },
  {
    rule: rule(policies, "aws-cicd-ecr-customer-key"),
    type: "aws:ecr/repository:Repository",
    compliant: { encryptionConfigurations: [{ encryptionType: "KMS_DSSE", kmsKey: KEY }] },
    noncompliant: {},
    messages: ['ECR repository is encrypted with "AES256" (S3-managed keys), not a customer managed KMS key.'],
  },
  {
    rule: rule(policies, "aws-cicd-ecr-customer-key"),
    type: "aws:ecr/repository:Repository",
    compliant: { encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: "alias/my-images" }] },
    noncompliant: { encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: "arn:aws:kms:us-east-1:123456789012:alias/aws/ecr" }] },
    messages: ['ECR repository uses the AWS managed key "arn:aws:kms:us-east-1:123456789012:alias/aws/ecr"; use a customer managed key.'],
  },
  {
    rule: rule(policies, "aws-cicd-elb-listener-tls-policy"),
    type: "aws:lb/listener:Listener",
    compliant: {
      protocol: "HTTPS",
      port: 443,
      sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/1",
    },
    noncompliant: { protocol: "HTTPS", port: 443, certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/1" },
    messages: [
      'Listener on port 443 names no `sslPolicy` (the API applies "ELBSecurityPolicy-2016-08"), which accepts protocols older than TLS 1.2.',
    ],
  },
  {
    rule: rule(policies, "aws-cicd-elb-listener-tls-policy"),
    type: "aws:lb/listener:Listener",
    compliant: { protocol: "HTTP", port: 80, defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS" } }] },
    noncompliant: { protocol: "TLS", port: 8443, sslPolicy: "ELBSecurityPolicy-TLS13-1-1-2021-06" },
    messages: [
      'Listener on port 8443 uses the TLS policy "ELBSecurityPolicy-TLS13-1-1-2021-06", which accepts protocols older than TLS 1.2.',
    ],
  },
  {
    rule: rule(policies, "aws-cicd-elb-listener-https"),
    type: "aws:lb/listener:Listener",
    compliant: {
      protocol: "HTTP",
      port: 80,
      defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
    },
    noncompliant: {
      protocol: "HTTP",
      port: 8080,
      defaultActions: [{ type: "forward", targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green/1" }],
    },
    messages: ["Listener on port 8080 serves plain HTTP instead of redirecting to HTTPS."],
  },
];
