// Shared by the rule-edges specs: the row tables' runners and the inputs they reuse.
import { PolicyResource } from "@pulumi/policy";
import { expect } from "chai";
import { policies } from "../../packages/policy-pack/src/policies";
import { rule } from "./cases";
import { policyResource as res, resourceViolations, stackViolations } from "./fake-args";

export const DG = "aws:codedeploy/deploymentGroup:DeploymentGroup";

export const PIPE = "aws:codepipeline/pipeline:Pipeline";

export const INST = "aws:ec2/instance:Instance";

export const LT = "aws:ec2/launchTemplate:LaunchTemplate";

export const SG = "aws:ec2/securityGroup:SecurityGroup";

export const SGR = "aws:ec2/securityGroupRule:SecurityGroupRule";

export const IR = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

export const LIS = "aws:lb/listener:Listener";

export const ROLE = "aws:iam/role:Role";

export const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });

export const trustDoc = (...Statement: object[]) => ({ assumeRolePolicy: doc(...Statement) });

/** A stack rule's case: [what, rule id, resources, exact findings (`<resource name>: <message>`)]. */
export type StackRow = [string, string, PolicyResource[], string[]];

export function describeStackRows(title: string, rows: StackRow[]): void {
  describe(title, () => {
    for (const [what, id, resources, messages] of rows) {
      it(`${id}: ${what}`, async () => {
        expect(await stackViolations(rule(policies, id), resources)).to.deep.equal(messages);
      });
    }
  });
}

/** [what, rule id, resource type, inputs, exact findings, config]. */
export type Row = [string, string, string, Record<string, any>, string[], object?];

export function describeRows(title: string, rows: Row[]): void {
  describe(title, () => {
    for (const [what, id, type, props, messages, config] of rows) {
      it(`${id}: ${what}`, async () => {
        expect(await resourceViolations(rule(policies, id), type, props, config)).to.deep.equal(messages);
      });
    }
  });
}

export const NO_ROLLBACK = "Deployment group does not roll back automatically on DEPLOYMENT_FAILURE.";

export const NO_ALARM_ROLLBACK = "Deployment group has alarms but does not roll back on DEPLOYMENT_STOP_ON_ALARM.";

export const ROLLBACK = { autoRollbackConfiguration: { enabled: true, events: ["DEPLOYMENT_FAILURE"] } };

export const ROOT_PLAIN = "EC2 instance root volume is not encrypted.";

export const NO_EBS = "Launch template declares no encrypted EBS volume (`blockDeviceMappings`).";

export const NO_MONITORING = "EC2 detailed monitoring is not enabled.";

export const NO_IMDSV2 = "Instance metadata does not require IMDSv2 (`metadataOptions.httpTokens`).";

export const FROM_TEMPLATE = { launchTemplate: { id: "lt-0123456789abcdef0" } };

export const PLAIN_HTTP = "Listener on port 80 serves plain HTTP instead of redirecting to HTTPS.";

export const REDIRECT = { type: "redirect", redirect: { protocol: "HTTPS", port: "443" } };

export const ROLE_ARN = "arn:aws:iam::123456789012:role/deployer";

export const whole = (label: string, p: string) => `Trust policy ${label} trusts the whole account "${p}"; name the role.`;

export const RP = "aws:iam/rolePolicy:RolePolicy";

export const PROJECT = "aws:codebuild/project:Project";

export const TD = "aws:ecs/taskDefinition:TaskDefinition";

export const KEY = "aws:kms/key:Key";

export const NO_ROTATION = "Symmetric KMS key does not enable automatic rotation (`enableKeyRotation`).";

export const sourceless = (label: string, services: string) =>
  `Trust policy ${label} trusts ${services} without aws:SourceAccount or aws:SourceArn.`;

export const defaultUser = (label: string) => `ECS container ${label} runs as the image's default user, not a named non-root user.`;

export const EB = "aws:elasticbeanstalk/environment:Environment";

export const ENV_NS = "aws:elasticbeanstalk:environment";

export const set = (namespace: string, name: string, value: unknown) => ({ namespace, name, value });

export const ALB = [set(ENV_NS, "EnvironmentType", "LoadBalanced"), set(ENV_NS, "LoadBalancerType", "application")];

export const TEMPLATE = { templateName: "web-template" };

export const NO_STREAM = "Elastic Beanstalk environment does not stream logs to CloudWatch Logs (`StreamLogs`).";

export const STREAM_NS = "aws:elasticbeanstalk:cloudwatch:logs";

export const NO_MANAGED = "Elastic Beanstalk environment does not enable managed platform updates (`ManagedActionsEnabled`).";

export const noLevel = (got: string) =>
  `Elastic Beanstalk environment sets no managed update level (\`UpdateLevel\` minor or patch), got ${got}.`;

export const NO_HTTPS = "Elastic Beanstalk load balancer has no HTTPS listener (`aws:elbv2:listener:443` `Protocol` HTTPS).";

export const HTTP_ON = "Elastic Beanstalk load balancer keeps the plain HTTP listener on (`aws:elbv2:listener:default` `ListenerEnabled`).";

export const NO_ACCESS_LOGS =
  "Elastic Beanstalk load balancer does not deliver access logs (`aws:elbv2:loadbalancer` `AccessLogsS3Enabled`).";

export const ECR_IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1";

export const KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/k";

export const notCustomerKey = (i: number) => `Pipeline \`artifactStores[${i}]\` is not encrypted with a customer managed KMS key.`;

export const b64 = (s: string) => Buffer.from(s).toString("base64");

export const userDataSecret = (reason: string) => `EC2 user data looks like it holds a secret: ${reason}.`;

export const foreign = (label: string, p: string) =>
  `Key policy ${label} allows the whole account "${p}", another account than the key's (123456789012); name the roles.`;

export const BUCKET = res("aws:s3/bucket:Bucket", "b", { bucket: "b1", arn: "arn:aws:s3:::b1" });

export const sub = (type: string, name: string, props: Record<string, any>) => res(type, name, { bucket: "b1", ...props });

export const LOGGING = "aws:s3/bucketLogging:BucketLogging";

export const SSE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";

export const kms = (sseAlgorithm: string, kmsMasterKeyId?: string) => ({
  applyServerSideEncryptionByDefault: { sseAlgorithm, kmsMasterKeyId },
});

export const NO_CMK = 'b: Bucket "b" has no default encryption with a customer managed KMS key.';

export const VERSIONING = "aws:s3/bucketVersioning:BucketVersioning";

export const tlsDeny = (Resource: string[]) =>
  JSON.stringify({
    Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:*", Resource, Condition: { Bool: { "aws:SecureTransport": "false" } } }],
  });

export const NO_TLS = 'b: Bucket "b" has no bucket policy denying requests without TLS on the bucket and its objects.';

export const BUCKET_NO_ARN = res("aws:s3/bucket:Bucket", "b", { bucket: "b1" });

export const POLICY = "aws:s3/bucketPolicy:BucketPolicy";

export const TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:t";

export const snsTls = JSON.stringify({
  Statement: [
    { Effect: "Deny", Principal: "*", Action: "sns:Publish", Resource: TOPIC_ARN, Condition: { Bool: { "aws:SecureTransport": "false" } } },
  ],
});
