// The edges of each rule, beyond its one compliant and one non-compliant case: absent and null
// parts of the inputs, each branch of a condition and each boundary, with the exact findings.
import { PolicyResource } from "@pulumi/policy";
import { expect } from "chai";
import { policies } from "../../packages/policy-pack/src/policies";
import { rule } from "./cases";
import { policyResource as res, resourceViolations, stackViolations } from "./fake-args";

const DG = "aws:codedeploy/deploymentGroup:DeploymentGroup";
const PIPE = "aws:codepipeline/pipeline:Pipeline";
const INST = "aws:ec2/instance:Instance";
const LT = "aws:ec2/launchTemplate:LaunchTemplate";
const SG = "aws:ec2/securityGroup:SecurityGroup";
const SGR = "aws:ec2/securityGroupRule:SecurityGroupRule";
const IR = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const LIS = "aws:lb/listener:Listener";
const ROLE = "aws:iam/role:Role";
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const trustDoc = (...Statement: object[]) => ({ assumeRolePolicy: doc(...Statement) });

/** A stack rule's case: [what, rule id, resources, exact findings (`<resource name>: <message>`)]. */
type StackRow = [string, string, PolicyResource[], string[]];

function describeStackRows(title: string, rows: StackRow[]): void {
  describe(title, () => {
    for (const [what, id, resources, messages] of rows) {
      it(`${id}: ${what}`, async () => {
        expect(await stackViolations(rule(policies, id), resources)).to.deep.equal(messages);
      });
    }
  });
}

/** [what, rule id, resource type, inputs, exact findings, config]. */
type Row = [string, string, string, Record<string, any>, string[], object?];

function describeRows(title: string, rows: Row[]): void {
  describe(title, () => {
    for (const [what, id, type, props, messages, config] of rows) {
      it(`${id}: ${what}`, async () => {
        expect(await resourceViolations(rule(policies, id), type, props, config)).to.deep.equal(messages);
      });
    }
  });
}

const NO_ROLLBACK = "Deployment group does not roll back automatically on DEPLOYMENT_FAILURE.";
const NO_ALARM_ROLLBACK = "Deployment group has alarms but does not roll back on DEPLOYMENT_STOP_ON_ALARM.";
const ROLLBACK = { autoRollbackConfiguration: { enabled: true, events: ["DEPLOYMENT_FAILURE"] } };

describeRows("policy pack edges: CodeDeploy and CodePipeline", [
  ["no rollback configuration", "aws-cicd-codedeploy-auto-rollback", DG, {}, [NO_ROLLBACK]],
  [
    "rollback disabled although the event is listed",
    "aws-cicd-codedeploy-auto-rollback",
    DG,
    { autoRollbackConfiguration: { enabled: false, events: ["DEPLOYMENT_FAILURE"] } },
    [NO_ROLLBACK],
  ],
  [
    "rollback enabled without events",
    "aws-cicd-codedeploy-auto-rollback",
    DG,
    { autoRollbackConfiguration: { enabled: true } },
    [NO_ROLLBACK],
  ],
  ["rollback on failure and no alarms", "aws-cicd-codedeploy-auto-rollback", DG, ROLLBACK, []],
  [
    "alarms listed (enabled left out) without the alarm event",
    "aws-cicd-codedeploy-auto-rollback",
    DG,
    { ...ROLLBACK, alarmConfiguration: { alarms: ["errors"] } },
    [NO_ALARM_ROLLBACK],
  ],
  [
    "alarms enabled with an empty list",
    "aws-cicd-codedeploy-auto-rollback",
    DG,
    { ...ROLLBACK, alarmConfiguration: { enabled: true, alarms: [] } },
    [NO_ALARM_ROLLBACK],
  ],
  [
    "alarms disabled",
    "aws-cicd-codedeploy-auto-rollback",
    DG,
    { ...ROLLBACK, alarmConfiguration: { enabled: false, alarms: ["errors"] } },
    [],
  ],
  ["an empty alarm list", "aws-cicd-codedeploy-auto-rollback", DG, { ...ROLLBACK, alarmConfiguration: { alarms: [] } }, []],
  [
    "alarms with the alarm event",
    "aws-cicd-codedeploy-auto-rollback",
    DG,
    {
      autoRollbackConfiguration: { enabled: "true", events: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"] },
      alarmConfiguration: { alarms: ["errors"] },
    },
    [],
  ],
  [
    "null stages and actions, and actions without configuration",
    "aws-cicd-codepipeline-no-polling",
    PIPE,
    {
      stages: [
        null,
        { name: "Source", actions: [null, { name: "App", configuration: { PollForSourceChanges: "true" } }, { name: "Other" }] },
        { name: "Empty" },
      ],
    },
    ['Pipeline action "Source/App" polls for source changes.'],
  ],
]);

const ROOT_PLAIN = "EC2 instance root volume is not encrypted.";
const NO_EBS = "Launch template declares no encrypted EBS volume (`blockDeviceMappings`).";
const NO_MONITORING = "EC2 detailed monitoring is not enabled.";
const NO_IMDSV2 = "Instance metadata does not require IMDSv2 (`metadataOptions.httpTokens`).";
const FROM_TEMPLATE = { launchTemplate: { id: "lt-0123456789abcdef0" } };

describeRows("policy pack edges: EC2", [
  ["an instance without a root block device", "aws-cicd-ec2-ebs-encrypted", INST, {}, [ROOT_PLAIN]],
  [
    "an instance with an unencrypted extra volume",
    "aws-cicd-ec2-ebs-encrypted",
    INST,
    {
      rootBlockDevice: { encrypted: true },
      ebsBlockDevices: [
        { deviceName: "/dev/sdf", encrypted: false },
        { deviceName: "/dev/sdg", encrypted: "true" },
      ],
    },
    ['EC2 instance volume "/dev/sdf" is not encrypted.'],
  ],
  ["an instance whose volumes come from its launch template", "aws-cicd-ec2-ebs-encrypted", INST, FROM_TEMPLATE, []],
  [
    "an instance from a launch template that sets its own root volume",
    "aws-cicd-ec2-ebs-encrypted",
    INST,
    { ...FROM_TEMPLATE, rootBlockDevice: { encrypted: false } },
    [ROOT_PLAIN],
  ],
  ["a launch template without block device mappings", "aws-cicd-ec2-ebs-encrypted", LT, {}, [NO_EBS]],
  [
    "a launch template whose mappings hold no EBS volume",
    "aws-cicd-ec2-ebs-encrypted",
    LT,
    { blockDeviceMappings: [null, { deviceName: "/dev/sdb", virtualName: "ephemeral0" }] },
    [NO_EBS],
  ],
  [
    "an instance associating a public IP",
    "aws-cicd-ec2-no-public-ip",
    INST,
    { associatePublicIpAddress: true },
    ["EC2 instance associates a public IP address."],
  ],
  [
    "network interfaces with and without a device index",
    "aws-cicd-ec2-no-public-ip",
    LT,
    {
      networkInterfaces: [
        null,
        { associatePublicIpAddress: "true" },
        { deviceIndex: 1, associatePublicIpAddress: true },
        { deviceIndex: 2 },
      ],
    },
    ["Network interface 0 associates a public IP address.", "Network interface 1 associates a public IP address."],
  ],
  ["an instance with monitoring", "aws-cicd-ec2-detailed-monitoring", INST, { monitoring: true }, []],
  ["an instance without monitoring", "aws-cicd-ec2-detailed-monitoring", INST, {}, [NO_MONITORING]],
  ["an instance whose monitoring comes from its launch template", "aws-cicd-ec2-detailed-monitoring", INST, FROM_TEMPLATE, []],
  [
    "an instance from a launch template that turns monitoring off",
    "aws-cicd-ec2-detailed-monitoring",
    INST,
    { ...FROM_TEMPLATE, monitoring: false },
    [NO_MONITORING],
  ],
  ["a launch template with monitoring off", "aws-cicd-ec2-detailed-monitoring", LT, { monitoring: { enabled: false } }, [NO_MONITORING]],
  ["a launch template without metadata options", "aws-cicd-ec2-imdsv2", LT, {}, [NO_IMDSV2]],
  ["a launch template that names another template", "aws-cicd-ec2-imdsv2", LT, FROM_TEMPLATE, [NO_IMDSV2]],
  ["an instance without metadata options", "aws-cicd-ec2-imdsv2", INST, {}, [NO_IMDSV2]],
  ["an instance whose metadata options come from its launch template", "aws-cicd-ec2-imdsv2", INST, FROM_TEMPLATE, []],
  ["the metadata endpoint turned off", "aws-cicd-ec2-imdsv2", LT, { metadataOptions: { httpEndpoint: "disabled" } }, []],
  [
    "an open allowed TCP port",
    "aws-cicd-ec2-no-open-ingress",
    SG,
    {
      ingress: [
        { protocol: "TCP", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] },
        { protocol: "6", fromPort: 80, toPort: 80, ipv6CidrBlocks: ["::/0"] },
      ],
    },
    [],
  ],
  [
    "the same ports opened in the strict tier",
    "aws-cicd-ec2-no-open-ingress",
    SG,
    { ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] },
    ["Security group allows ingress from 0.0.0.0/0 on ports 443-443."],
    { allowedIngressPorts: [] },
  ],
  [
    "an allowed port over UDP",
    "aws-cicd-ec2-no-open-ingress",
    SG,
    { ingress: [{ protocol: "udp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] },
    ["Security group allows ingress from 0.0.0.0/0 on ports 443-443."],
  ],
  [
    "a port range starting at an allowed port, open over IPv4 and IPv6",
    "aws-cicd-ec2-no-open-ingress",
    SG,
    { ingress: [null, { protocol: "tcp", fromPort: 80, toPort: 443, cidrBlocks: ["10.0.0.0/8", "0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] }] },
    ["Security group allows ingress from 0.0.0.0/0 on ports 80-443.", "Security group allows ingress from ::/0 on ports 80-443."],
  ],
  [
    "an ingress rule on an allowed port (ipProtocol)",
    "aws-cicd-ec2-no-open-ingress",
    IR,
    { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" },
    [],
  ],
  [
    "an ingress rule open over IPv6",
    "aws-cicd-ec2-no-open-ingress",
    IR,
    { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv6: "::/0" },
    ["Security group rule allows ingress from ::/0."],
  ],
  ["an egress security group rule", "aws-cicd-ec2-no-open-ingress", SGR, { type: "egress", cidrBlocks: ["0.0.0.0/0"] }, []],
  [
    "an ingress security group rule",
    "aws-cicd-ec2-no-open-ingress",
    SGR,
    { type: "ingress", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] },
    ["Security group rule allows ingress from 0.0.0.0/0."],
  ],
]);

const PLAIN_HTTP = "Listener on port 80 serves plain HTTP instead of redirecting to HTTPS.";
const REDIRECT = { type: "redirect", redirect: { protocol: "HTTPS", port: "443" } };

describeRows("policy pack edges: load balancer listeners", [
  ["an HTTPS listener", "aws-cicd-elb-listener-https", LIS, { protocol: "HTTPS", port: 443 }, []],
  ["an HTTP listener without actions", "aws-cicd-elb-listener-https", LIS, { protocol: "HTTP", port: 80 }, [PLAIN_HTTP]],
  [
    "an HTTP listener without a port",
    "aws-cicd-elb-listener-https",
    LIS,
    { protocol: "HTTP" },
    ["Listener on port ? serves plain HTTP instead of redirecting to HTTPS."],
  ],
  [
    "a redirect written in lower case",
    "aws-cicd-elb-listener-https",
    LIS,
    { protocol: "HTTP", port: 80, defaultActions: [{ type: "redirect", redirect: { protocol: "https" } }] },
    [],
  ],
  [
    "a redirect beside a forward",
    "aws-cicd-elb-listener-https",
    LIS,
    { protocol: "HTTP", port: 80, defaultActions: [REDIRECT, { type: "forward" }] },
    [PLAIN_HTTP],
  ],
  [
    "a forward that carries redirect settings",
    "aws-cicd-elb-listener-https",
    LIS,
    { protocol: "HTTP", port: 80, defaultActions: [{ type: "forward", redirect: { protocol: "HTTPS" } }] },
    [PLAIN_HTTP],
  ],
  [
    "a redirect to HTTP",
    "aws-cicd-elb-listener-https",
    LIS,
    { protocol: "HTTP", port: 80, defaultActions: [{ type: "redirect", redirect: { protocol: "HTTP" } }] },
    [PLAIN_HTTP],
  ],
  [
    "a redirect without settings, and a null action",
    "aws-cicd-elb-listener-https",
    LIS,
    { protocol: "HTTP", port: 80, defaultActions: [{ type: "redirect" }, null] },
    [PLAIN_HTTP],
  ],
]);

const ROLE_ARN = "arn:aws:iam::123456789012:role/deployer";
const whole = (label: string, p: string) => `Trust policy ${label} trusts the whole account "${p}"; name the role.`;

describeRows("policy pack edges: IAM trust", [
  [
    "accounts by id and root ARN, a role, a user and the wildcard",
    "aws-cicd-iam-trust-exact-roles",
    ROLE,
    trustDoc({
      Sid: "Ci",
      Effect: "Allow",
      Action: "sts:AssumeRole",
      Principal: { AWS: ["123456789012", "arn:aws-cn:iam::123456789012:root", ROLE_ARN, "arn:aws:iam::123456789012:user/bob", "*"] },
    }),
    [whole('statement "Ci"', "123456789012"), whole('statement "Ci"', "arn:aws-cn:iam::123456789012:root")],
  ],
  [
    "a Deny naming an account",
    "aws-cicd-iam-trust-exact-roles",
    ROLE,
    trustDoc({ Effect: "Deny", Action: "sts:AssumeRole", Principal: { AWS: "123456789012" } }),
    [],
  ],
  [
    "statements without a principal, with the anonymous one, or with a service",
    "aws-cicd-iam-trust-exact-roles",
    ROLE,
    trustDoc(
      { Effect: "Allow", Action: "sts:AssumeRole" },
      { Effect: "Allow", Action: "sts:AssumeRole", Principal: "*" },
      { Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "codebuild.amazonaws.com" } },
      { Effect: "Allow", Action: "sts:AssumeRole", Principal: { AWS: "111122223333" } },
    ),
    [whole("statement 4", "111122223333")],
  ],
]);

const RP = "aws:iam/rolePolicy:RolePolicy";
const PROJECT = "aws:codebuild/project:Project";
const TD = "aws:ecs/taskDefinition:TaskDefinition";
const KEY = "aws:kms/key:Key";
const NO_ROTATION = "Symmetric KMS key does not enable automatic rotation (`enableKeyRotation`).";
const sourceless = (label: string, services: string) =>
  `Trust policy ${label} trusts ${services} without aws:SourceAccount or aws:SourceArn.`;
const defaultUser = (label: string) => `ECS container ${label} runs as the image's default user, not a named non-root user.`;

describeRows("policy pack edges: IAM documents", [
  [
    "statements without a principal, anonymous, denied, for roles, exempt services, or with a source key",
    "aws-cicd-iam-service-trust-source",
    ROLE,
    trustDoc(
      { Effect: "Allow", Action: "sts:AssumeRole" },
      { Effect: "Allow", Action: "sts:AssumeRole", Principal: "*" },
      { Effect: "Deny", Action: "sts:AssumeRole", Principal: { Service: "codebuild.amazonaws.com" } },
      { Effect: "Allow", Action: "sts:AssumeRole", Principal: { AWS: ROLE_ARN } },
      {
        Effect: "Allow",
        Action: "sts:AssumeRole",
        Principal: { Service: ["ec2.amazonaws.com", "codebuild.amazonaws.com", "codepipeline.amazonaws.com"] },
      },
      {
        Effect: "Allow",
        Action: "sts:AssumeRole",
        Principal: { Service: "codebuild.amazonaws.com" },
        Condition: { StringEquals: { "AWS:SourceAccount": "123456789012" } },
      },
    ),
    [sourceless("statement 5", "codebuild.amazonaws.com, codepipeline.amazonaws.com")],
  ],
  [
    "an exempt service when the config exempts none",
    "aws-cicd-iam-service-trust-source",
    ROLE,
    trustDoc({ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "ec2.amazonaws.com" } }),
    [sourceless("statement 1", "ec2.amazonaws.com")],
    { servicesWithoutSourceKeys: [] },
  ],
  [
    'decryption on every key, written as "*" or as a key ARN with wildcards',
    "aws-cicd-iam-no-kms-decrypt-all-keys",
    RP,
    {
      policy: doc(
        { Effect: "Deny", Action: "kms:Decrypt", Resource: "*" },
        { Effect: "Allow", Action: "kms:Decrypt", Resource: ["arn:aws:kms:us-east-1:123456789012:key/abc"] },
        { Effect: "Allow", Action: "kms:Decrypt", Resource: ["arn:aws:kms:us-east-1:123456789012:key/abc", "arn:aws:kms:*:*:key/*"] },
        { Effect: "Allow", Action: "kms:Re*", Resource: ["arn:aws-cn:kms:::key/*"] },
        {
          Effect: "Allow",
          Action: "kms:Decrypt",
          Resource: [
            "x arn:aws:kms:*:*:key/*",
            "arn:aws:kms:*:*:key/*x",
            "arn::kms:*:*:key/*",
            "arn:aws:kms:**:*:key/*",
            "arn:aws:kms:*:**:key/*",
          ],
        },
        { Effect: "Allow", Action: "kms:Encrypt", Resource: "*" },
      ),
    },
    ['`policy` statement 3 allows "kms:Decrypt" on all KMS keys.', '`policy` statement 4 allows "kms:ReEncryptFrom" on all KMS keys.'],
  ],
  [
    'a Deny on "*", an exact ARN, and actions AWS cannot scope or does not know',
    "aws-cicd-iam-no-star-resource",
    RP,
    {
      policy: doc(
        { Effect: "Deny", Action: "s3:GetObject", Resource: "*" },
        { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" },
        { Effect: "Allow", Action: ["ecr:GetAuthorizationToken", "s3:getobject", "s3:Get*", "s3:NoSuchThing"], Resource: "*" },
      ),
    },
    [
      '`policy` statement 3 grants "s3:getobject" on "*" although it supports resource-level permissions.',
      '`policy` statement 3 grants "s3:Get*" on "*" although it supports resource-level permissions.',
    ],
  ],
  [
    "service-wide wildcards in an identity policy (another rule's finding)",
    "aws-cicd-iam-exact-actions",
    RP,
    { policy: doc({ Effect: "Allow", Action: ["s3:*", "*", "s3:Get*"], Resource: "*" }) },
    ['`policy` statement 1 allows the wildcard action "s3:Get*".'],
  ],
  [
    "a Deny of escalation actions",
    "aws-cicd-iam-no-privilege-escalation",
    RP,
    { policy: doc({ Effect: "Deny", Action: ["iam:PassRole", "iam:CreatePolicyVersion"], Resource: "*" }) },
    [],
  ],
  [
    "an escalation action without iam:PassRole",
    "aws-cicd-iam-no-privilege-escalation",
    RP,
    { policy: doc({ Effect: "Allow", Action: ["iam:CreatePolicyVersion"], Resource: "*" }) },
    ['`policy` statement 1 allows "iam:CreatePolicyVersion", which lets a principal raise its own permissions.'],
  ],
  [
    "an AWS managed policy among non-string entries",
    "aws-cicd-iam-managed-policies",
    ROLE,
    { managedPolicyArns: [5, "arn:aws:iam::aws:policy/AdministratorAccess"] },
    ['Attaches the AWS managed policy "AdministratorAccess" without a documented reason.'],
  ],
  [
    "managed policy ARNs that are not a list",
    "aws-cicd-iam-managed-policies",
    ROLE,
    { managedPolicyArns: "arn:aws:iam::aws:policy/AdministratorAccess" },
    [],
  ],
  [
    "a managed policy ARN nested in a list (not an ARN)",
    "aws-cicd-iam-managed-policies",
    ROLE,
    { managedPolicyArns: [["arn:aws:iam::aws:policy/AdministratorAccess"]] },
    [],
  ],
  [
    "the Beanstalk admin policy nested in a list (not an ARN)",
    "aws-cicd-iam-beanstalk-admin-policy",
    ROLE,
    { managedPolicyArns: [["arn:aws:iam::aws:policy/AdministratorAccess-AWSElasticBeanstalk"]] },
    [],
  ],
  ["a non-string managed policy entry", "aws-cicd-iam-beanstalk-admin-policy", ROLE, { managedPolicyArns: [5] }, []],
]);

describeRows("policy pack edges: KMS, SNS, ECR and ECS", [
  ["an asymmetric key", "aws-cicd-kms-key-rotation", KEY, { keySpec: "RSA_2048" }, []],
  [
    "a key whose legacy spec says symmetric",
    "aws-cicd-kms-key-rotation",
    KEY,
    { customerMasterKeySpec: "SYMMETRIC_DEFAULT", keySpec: "RSA_2048" },
    [NO_ROTATION],
  ],
  ["an HMAC key", "aws-cicd-kms-key-rotation", KEY, { keyUsage: "GENERATE_VERIFY_MAC" }, []],
  [
    "a symmetric key named explicitly",
    "aws-cicd-kms-key-rotation",
    KEY,
    { keySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT" },
    [NO_ROTATION],
  ],
  [
    "a key alias that only starts like the SNS managed key",
    "aws-cicd-sns-kms",
    "aws:sns/topic:Topic",
    { kmsMasterKeyId: "alias/aws/sns-custom" },
    [],
    { requireCustomerManagedKeys: true },
  ],
  [
    "a repository without a scanning configuration",
    "aws-cicd-ecr-scan-on-push",
    "aws:ecr/repository:Repository",
    {},
    ["ECR repository does not scan images on push."],
  ],
  ["a service without a network configuration", "aws-cicd-ecs-service-no-public-ip", "aws:ecs/service:Service", {}, []],
  [
    "a task definition without a network mode",
    "aws-cicd-ecs-task-awsvpc",
    TD,
    {},
    ['ECS task definition uses the network mode "bridge", not "awsvpc".'],
  ],
  [
    "containers given as a list, unnamed, empty users and entries that are not containers",
    "aws-cicd-ecs-task-non-root",
    TD,
    { containerDefinitions: [{ name: "a", user: "" }, { user: "app" }, null, 5, { name: 7, user: 0 }] },
    [defaultUser('"a"'), defaultUser("2")],
  ],
  ["container definitions that are not JSON", "aws-cicd-ecs-task-non-root", TD, { containerDefinitions: "not json" }, []],
  [
    "container definitions that are one object, not a list",
    "aws-cicd-ecs-task-non-root",
    TD,
    { containerDefinitions: JSON.stringify({ name: "a" }) },
    [],
  ],
]);

describeRows("policy pack edges: CodeBuild", [
  [
    "secondary artifacts, one without encryption",
    "aws-cicd-codebuild-artifact-encryption",
    PROJECT,
    { secondaryArtifacts: [{ encryptionDisabled: false }, null, { encryptionDisabled: "true" }] },
    ["CodeBuild project `secondaryArtifacts[2]` disables encryption."],
  ],
  [
    "secondary sources, one with a token in its URL",
    "aws-cicd-codebuild-source-no-url-credentials",
    PROJECT,
    {
      source: { location: "https://github.com/a/b" },
      secondarySources: [null, { location: "https://tok@github.com/a/b" }, { location: 5 }],
    },
    ["CodeBuild `secondarySources[1].location` has credentials in the URL."],
  ],
  [
    "variables of every shape",
    "aws-cicd-codebuild-no-plaintext-secrets",
    PROJECT,
    {
      environment: {
        environmentVariables: [
          null,
          { name: "DB_PASSWORD", type: "PARAMETER_STORE", value: "/a" },
          { value: "x" },
          { name: "AWS_SECRET_ACCESS_KEY", value: "" },
          { name: "AWS_ACCESS_KEY_ID", value: "x" },
          { name: "API_TOKEN", value: 5 },
          { name: "API_TOKEN2" },
          { name: "TOKEN", type: "PLAINTEXT", value: "v" },
        ],
      },
    },
    [
      'CodeBuild environment variable "AWS_ACCESS_KEY_ID" is plain text but it is an AWS credential variable.',
      'CodeBuild environment variable "TOKEN" is plain text but its name says it holds a secret.',
    ],
  ],
  ["a project without an environment", "aws-cicd-codebuild-no-plaintext-secrets", PROJECT, {}, []],
]);

const EB = "aws:elasticbeanstalk/environment:Environment";
const ENV_NS = "aws:elasticbeanstalk:environment";
const set = (namespace: string, name: string, value: unknown) => ({ namespace, name, value });
const ALB = [set(ENV_NS, "EnvironmentType", "LoadBalanced"), set(ENV_NS, "LoadBalancerType", "application")];
const TEMPLATE = { templateName: "web-template" };
const NO_STREAM = "Elastic Beanstalk environment does not stream logs to CloudWatch Logs (`StreamLogs`).";
const STREAM_NS = "aws:elasticbeanstalk:cloudwatch:logs";
const NO_MANAGED = "Elastic Beanstalk environment does not enable managed platform updates (`ManagedActionsEnabled`).";
const noLevel = (got: string) => `Elastic Beanstalk environment sets no managed update level (\`UpdateLevel\` minor or patch), got ${got}.`;
const NO_HTTPS = "Elastic Beanstalk load balancer has no HTTPS listener (`aws:elbv2:listener:443` `Protocol` HTTPS).";
const HTTP_ON = "Elastic Beanstalk load balancer keeps the plain HTTP listener on (`aws:elbv2:listener:default` `ListenerEnabled`).";
const NO_ACCESS_LOGS = "Elastic Beanstalk load balancer does not deliver access logs (`aws:elbv2:loadbalancer` `AccessLogsS3Enabled`).";

// An environment that names a configuration template but sets the option itself is judged by its own value.
describeRows("policy pack edges: Elastic Beanstalk", [
  [
    "enhanced health set to basic beside a template",
    "aws-cicd-eb-enhanced-health",
    EB,
    { ...TEMPLATE, settings: [set("aws:elasticbeanstalk:healthreporting:system", "SystemType", "basic")] },
    ["Elastic Beanstalk environment does not use enhanced health reporting (`SystemType`)."],
  ],
  [
    "log publication off beside a template",
    "aws-cicd-eb-log-publication",
    EB,
    { ...TEMPLATE, settings: [set("aws:elasticbeanstalk:hostmanager", "LogPublicationControl", "false")] },
    ["Elastic Beanstalk environment does not publish instance logs (`LogPublicationControl`)."],
  ],
  [
    "log streaming off beside a template",
    "aws-cicd-eb-stream-logs",
    EB,
    { ...TEMPLATE, settings: [set(STREAM_NS, "StreamLogs", "false")] },
    [NO_STREAM],
  ],
  ["log streaming held by a template", "aws-cicd-eb-stream-logs", EB, TEMPLATE, []],
  ["an empty template name", "aws-cicd-eb-stream-logs", EB, { templateName: "" }, [NO_STREAM]],
  [
    "null settings, a null value and the option under another namespace",
    "aws-cicd-eb-stream-logs",
    EB,
    { settings: [null, set("aws:elasticbeanstalk:other", "StreamLogs", "true"), set(STREAM_NS, "StreamLogs", null)] },
    [NO_STREAM],
  ],
  ["an undefined value", "aws-cicd-eb-stream-logs", EB, { settings: [set(STREAM_NS, "StreamLogs", undefined)] }, [NO_STREAM]],
  [
    "a VPC id left undefined",
    "aws-cicd-eb-vpc",
    EB,
    { settings: [set("aws:ec2:vpc", "VPCId", undefined)] },
    ["Elastic Beanstalk environment sets no VPC (`aws:ec2:vpc` `VPCId`)."],
  ],
  [
    "a null VPC id",
    "aws-cicd-eb-vpc",
    EB,
    { settings: [set("aws:ec2:vpc", "VPCId", null)] },
    ["Elastic Beanstalk environment sets no VPC (`aws:ec2:vpc` `VPCId`)."],
  ],
  ["a boolean value", "aws-cicd-eb-stream-logs", EB, { settings: [set(STREAM_NS, "StreamLogs", true)] }, []],
  [
    "empty roles beside a template",
    "aws-cicd-eb-roles",
    EB,
    { ...TEMPLATE, settings: [set("aws:autoscaling:launchconfiguration", "IamInstanceProfile", ""), set(ENV_NS, "ServiceRole", "")] },
    [
      "Elastic Beanstalk environment sets no instance profile (`IamInstanceProfile`).",
      "Elastic Beanstalk environment sets no service role (`ServiceRole`).",
    ],
  ],
  [
    "an empty VPC id beside a template",
    "aws-cicd-eb-vpc",
    EB,
    { ...TEMPLATE, settings: [set("aws:ec2:vpc", "VPCId", "")] },
    ["Elastic Beanstalk environment sets no VPC (`aws:ec2:vpc` `VPCId`)."],
  ],
  [
    "managed updates off and a major level beside a template",
    "aws-cicd-eb-managed-updates",
    EB,
    {
      ...TEMPLATE,
      settings: [
        set("aws:elasticbeanstalk:managedactions", "ManagedActionsEnabled", "false"),
        set("aws:elasticbeanstalk:managedactions:platformupdate", "UpdateLevel", "major"),
      ],
    },
    [NO_MANAGED, noLevel('"major"')],
  ],
  ["no managed update settings", "aws-cicd-eb-managed-updates", EB, {}, [NO_MANAGED, noLevel("none")]],
  [
    "managed minor updates",
    "aws-cicd-eb-managed-updates",
    EB,
    {
      settings: [
        set("aws:elasticbeanstalk:managedactions", "ManagedActionsEnabled", "true"),
        set("aws:elasticbeanstalk:managedactions:platformupdate", "UpdateLevel", "minor"),
      ],
    },
    [],
  ],
  [
    "managed patch updates",
    "aws-cicd-eb-managed-updates",
    EB,
    {
      settings: [
        set("aws:elasticbeanstalk:managedactions", "ManagedActionsEnabled", "true"),
        set("aws:elasticbeanstalk:managedactions:platformupdate", "UpdateLevel", "patch"),
      ],
    },
    [],
  ],
  [
    "access logs off beside a template",
    "aws-cicd-eb-load-balancer-access-logs",
    EB,
    { ...TEMPLATE, settings: [...ALB, set("aws:elbv2:loadbalancer", "AccessLogsS3Enabled", "false")] },
    [NO_ACCESS_LOGS],
  ],
  ["access logs held by a template", "aws-cicd-eb-load-balancer-access-logs", EB, { ...TEMPLATE, settings: ALB }, []],
  [
    "a single instance",
    "aws-cicd-eb-load-balancer-access-logs",
    EB,
    { settings: [set(ENV_NS, "EnvironmentType", "SingleInstance"), set(ENV_NS, "LoadBalancerType", "application")] },
    [],
  ],
  [
    "a Network Load Balancer",
    "aws-cicd-eb-load-balancer-access-logs",
    EB,
    { settings: [set(ENV_NS, "EnvironmentType", "LoadBalanced"), set(ENV_NS, "LoadBalancerType", "network")] },
    [],
  ],
  [
    "an HTTP listener and the default listener on beside a template",
    "aws-cicd-eb-load-balancer-https",
    EB,
    {
      ...TEMPLATE,
      settings: [...ALB, set("aws:elbv2:listener:443", "Protocol", "HTTP"), set("aws:elbv2:listener:default", "ListenerEnabled", "true")],
    },
    [NO_HTTPS, HTTP_ON],
  ],
  ["listeners held by a template", "aws-cicd-eb-load-balancer-https", EB, { ...TEMPLATE, settings: ALB }, []],
  [
    "a single instance without listeners",
    "aws-cicd-eb-load-balancer-https",
    EB,
    { settings: [set(ENV_NS, "EnvironmentType", "SingleInstance")] },
    [],
  ],
]);

const ECR_IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1";
const KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/k";
const notCustomerKey = (i: number) => `Pipeline \`artifactStores[${i}]\` is not encrypted with a customer managed KMS key.`;
const b64 = (s: string) => Buffer.from(s).toString("base64");
const userDataSecret = (reason: string) => `EC2 user data looks like it holds a secret: ${reason}.`;
const foreign = (label: string, p: string) =>
  `Key policy ${label} allows the whole account "${p}", another account than the key's (123456789012); name the roles.`;

describeRows("policy pack edges: CodeBuild images, logs and reports; pipeline stores; user data; whole accounts", [
  ["a project without an environment", "aws-cicd-codebuild-image", PROJECT, {}, []],
  [
    "a private ECR image pulled with CodeBuild's credentials",
    "aws-cicd-codebuild-image",
    PROJECT,
    { environment: { image: ECR_IMAGE } },
    [`CodeBuild image "${ECR_IMAGE}" is not pulled with the service role (\`imagePullCredentialsType\` "SERVICE_ROLE").`],
  ],
  [
    "a private ECR image pulled with the service role",
    "aws-cicd-codebuild-image",
    PROJECT,
    { environment: { image: ECR_IMAGE, imagePullCredentialsType: "SERVICE_ROLE" } },
    [],
  ],
  ["no logs configuration (CloudWatch Logs by default)", "aws-cicd-codebuild-logging", PROJECT, { logsConfig: {} }, []],
  [
    "CloudWatch Logs off and S3 logs on",
    "aws-cicd-codebuild-logging",
    PROJECT,
    { logsConfig: { cloudwatchLogs: { status: "DISABLED" }, s3Logs: { status: "ENABLED" } } },
    [],
  ],
  [
    "both logs off",
    "aws-cicd-codebuild-logging",
    PROJECT,
    { logsConfig: { cloudwatchLogs: { status: "DISABLED" }, s3Logs: { status: "DISABLED" } } },
    ["CodeBuild project disables CloudWatch Logs and enables no S3 logs (`logsConfig`)."],
  ],
  ["a project without an environment", "aws-cicd-codebuild-privileged-mode", PROJECT, {}, []],
  ["a report group without export", "aws-cicd-codebuild-report-export-encrypted", "aws:codebuild/reportGroup:ReportGroup", {}, []],
  [
    "a report group that does not export to S3",
    "aws-cicd-codebuild-report-export-encrypted",
    "aws:codebuild/reportGroup:ReportGroup",
    { exportConfig: { type: "NO_EXPORT", s3Destination: { encryptionDisabled: true } } },
    [],
  ],
  [
    "an S3 export without a destination in the strict tier",
    "aws-cicd-codebuild-report-export-encrypted",
    "aws:codebuild/reportGroup:ReportGroup",
    { exportConfig: { type: "S3" } },
    ["Report group export has no customer managed `encryptionKey`."],
    { requireCustomerManagedKeys: true },
  ],
  [
    "stores without a key, with a customer key, a non-KMS key and an AWS managed key",
    "aws-cicd-codepipeline-artifact-store-key",
    PIPE,
    {
      artifactStores: [
        null,
        { encryptionKey: { id: KEY_ARN, type: "KMS" } },
        { encryptionKey: { id: KEY_ARN, type: "X" } },
        { encryptionKey: { id: "alias/aws/s3", type: "KMS" } },
      ],
    },
    [notCustomerKey(0), notCustomerKey(2), notCustomerKey(3)],
  ],
  [
    "an instance's plain user data",
    "aws-cicd-ec2-user-data-secrets",
    INST,
    { userData: "#!/bin/bash\nexport DB_PASSWORD=hunter2\n" },
    [userDataSecret('"DB_PASSWORD" is set in it and its name says it holds a secret')],
  ],
  [
    "an instance's base64 user data with an access key id",
    "aws-cicd-ec2-user-data-secrets",
    INST,
    { userDataBase64: b64("echo AKIAABCDEFGHIJKLMNOP") },
    [userDataSecret("it contains an AWS access key id")],
  ],
  [
    "a launch template's user data with a YAML-style assignment",
    "aws-cicd-ec2-user-data-secrets",
    LT,
    { userData: b64("STAGE=prod\nAPI_TOKEN: abc\n") },
    [userDataSecret('"API_TOKEN" is set in it and its name says it holds a secret')],
  ],
  ["user data that is not text", "aws-cicd-ec2-user-data-secrets", INST, { userData: 5 }, []],
  [
    "a key policy naming its own account, another account, a role, anyone, nobody, and a Deny",
    "aws-cicd-policy-no-whole-account",
    "aws:kms/keyPolicy:KeyPolicy",
    {
      keyId: KEY_ARN,
      policy: doc(
        { Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" },
        { Effect: "Allow", Principal: { AWS: ["111122223333", "arn:aws:iam::111122223333:role/r"] }, Action: "kms:Decrypt", Resource: "*" },
        { Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" },
        { Effect: "Allow", Action: "kms:Decrypt", Resource: "*" },
        { Effect: "Deny", Principal: { AWS: "111122223333" }, Action: "kms:Decrypt", Resource: "*" },
      ),
    },
    [foreign("statement 2", "111122223333")],
  ],
  [
    "a key whose own account comes from kms:CallerAccount",
    "aws-cicd-policy-no-whole-account",
    KEY,
    {
      policy: doc(
        {
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::123456789012:root" },
          Action: "kms:*",
          Resource: "*",
          Condition: { StringEquals: { "kms:CallerAccount": "123456789012" } },
        },
        { Effect: "Allow", Principal: { AWS: "111122223333" }, Action: "kms:Decrypt", Resource: "*" },
      ),
    },
    [foreign("statement 2", "111122223333")],
  ],
  [
    "a key whose conditions name no single account, and a key id that is not an ARN",
    "aws-cicd-policy-no-whole-account",
    KEY,
    {
      keyId: "key-id",
      policy: doc({
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::123456789012:root" },
        Action: "kms:*",
        Resource: "*",
        Condition: { StringEquals: { "aws:SourceAccount": ["123456789012", "111122223333"], "aws:PrincipalAccount": "x123456789012" } },
      }),
    },
    ['Key policy statement 1 allows the whole account "arn:aws:iam::123456789012:root"; name the roles.'],
  ],
  [
    "a bucket policy naming its account root even with a source account",
    "aws-cicd-policy-no-whole-account",
    "aws:s3/bucketPolicy:BucketPolicy",
    {
      policy: doc({
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::123456789012:root" },
        Action: "s3:GetObject",
        Resource: "*",
        Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } },
      }),
    },
    ['Bucket policy statement 1 allows the whole account "arn:aws:iam::123456789012:root"; name the roles.'],
  ],
]);

const BUCKET = res("aws:s3/bucket:Bucket", "b", { bucket: "b1", arn: "arn:aws:s3:::b1" });
const sub = (type: string, name: string, props: Record<string, any>) => res(type, name, { bucket: "b1", ...props });
const LOGGING = "aws:s3/bucketLogging:BucketLogging";
const SSE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
const kms = (sseAlgorithm: string, kmsMasterKeyId?: string) => ({ applyServerSideEncryptionByDefault: { sseAlgorithm, kmsMasterKeyId } });
const NO_CMK = 'b: Bucket "b" has no default encryption with a customer managed KMS key.';
const VERSIONING = "aws:s3/bucketVersioning:BucketVersioning";
const tlsDeny = (Resource: string[]) =>
  JSON.stringify({
    Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:*", Resource, Condition: { Bool: { "aws:SecureTransport": "false" } } }],
  });
const NO_TLS = 'b: Bucket "b" has no bucket policy denying requests without TLS on the bucket and its objects.';
const BUCKET_NO_ARN = res("aws:s3/bucket:Bucket", "b", { bucket: "b1" });
const POLICY = "aws:s3/bucketPolicy:BucketPolicy";
const TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:t";
const snsTls = JSON.stringify({
  Statement: [
    { Effect: "Deny", Principal: "*", Action: "sns:Publish", Resource: TOPIC_ARN, Condition: { Bool: { "aws:SecureTransport": "false" } } },
  ],
});

describeStackRows("policy pack edges: S3 and SNS stacks", [
  [
    "a logging configuration without a target",
    "aws-cicd-s3-access-logging",
    [BUCKET, sub(LOGGING, "l", { targetBucket: "" }), sub(LOGGING, "l2", { targetBucket: 5 })],
    ['b: Bucket "b" has no server access logging.'],
  ],
  [
    "logging set on the bucket itself",
    "aws-cicd-s3-access-logging",
    [res("aws:s3/bucket:Bucket", "b", { bucket: "b1", logging: { targetBucket: "logs" } })],
    [],
  ],
  [
    "one rule object (not a list) with a customer key",
    "aws-cicd-s3-encryption-customer-key",
    [BUCKET, sub(SSE, "e", { rules: kms("aws:kms", KEY_ARN) })],
    [],
  ],
  [
    "a DSSE rule after a null one",
    "aws-cicd-s3-encryption-customer-key",
    [BUCKET, sub(SSE, "e", { rules: [null, kms("aws:kms:dsse", KEY_ARN)] })],
    [],
  ],
  [
    "AES256 with a key, the AWS managed key, no key, and no default",
    "aws-cicd-s3-encryption-customer-key",
    [BUCKET, sub(SSE, "e", { rules: [kms("AES256", KEY_ARN), kms("aws:kms", "alias/aws/s3"), kms("aws:kms"), {}] })],
    [NO_CMK],
  ],
  [
    "encryption set on the bucket itself",
    "aws-cicd-s3-encryption-customer-key",
    [res("aws:s3/bucket:Bucket", "b", { bucket: "b1", serverSideEncryptionConfiguration: { rule: kms("aws:kms", KEY_ARN) } })],
    [],
  ],
  [
    "a disabled rule, a null one and an enabled one",
    "aws-cicd-s3-lifecycle",
    [
      BUCKET,
      sub("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "l", {
        rules: [null, { status: "Disabled" }, { status: "Enabled" }],
      }),
    ],
    [],
  ],
  [
    "only disabled and null rules",
    "aws-cicd-s3-lifecycle",
    [BUCKET, sub("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "l", { rules: [null, { status: "Disabled" }] })],
    ['b: Bucket "b" has no enabled lifecycle rule.'],
  ],
  [
    "a suspended and an enabled versioning configuration",
    "aws-cicd-s3-versioning",
    [
      BUCKET,
      sub(VERSIONING, "v1", {}),
      sub(VERSIONING, "v2", { versioningConfiguration: { status: "Suspended" } }),
      sub(VERSIONING, "v3", { versioningConfiguration: { status: "Enabled" } }),
    ],
    [],
  ],
  [
    "a versioning configuration without a status",
    "aws-cicd-s3-versioning",
    [BUCKET, sub(VERSIONING, "v1", {})],
    ['b: Bucket "b" does not enable versioning.'],
  ],
  [
    "versioning set on the bucket itself",
    "aws-cicd-s3-versioning",
    [res("aws:s3/bucket:Bucket", "b", { bucket: "b1", versioning: { enabled: true } })],
    [],
  ],
  [
    "an ownership configuration without a rule beside an enforcing one",
    "aws-cicd-s3-acls-disabled",
    [
      BUCKET,
      sub("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "o1", {}),
      sub("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "o2", { rule: { objectOwnership: "BucketOwnerEnforced" } }),
    ],
    [],
  ],
  [
    "a partial public access block beside a complete one",
    "aws-cicd-s3-public-access-block",
    [
      BUCKET,
      sub("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "p1", { blockPublicAcls: true }),
      sub("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "p2", {
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      }),
    ],
    [],
  ],
  [
    "a bucket whose ARN is unknown, denied on the bucket and its objects",
    "aws-cicd-s3-tls-only",
    [BUCKET_NO_ARN, sub(POLICY, "p", { policy: tlsDeny(["arn:aws:s3:::b1", "arn:aws:s3:::b1/*"]) })],
    [],
  ],
  [
    'a bucket whose ARN is unknown, denied on "*"',
    "aws-cicd-s3-tls-only",
    [BUCKET_NO_ARN, sub(POLICY, "p", { policy: tlsDeny(["*"]) })],
    [],
  ],
  [
    "a bucket whose ARN is unknown, denied on its objects only",
    "aws-cicd-s3-tls-only",
    [BUCKET_NO_ARN, sub(POLICY, "p", { policy: tlsDeny(["arn:aws:s3:::b1/*"]) })],
    [NO_TLS],
  ],
  [
    "a bucket whose ARN is unknown, denied on the bucket only",
    "aws-cicd-s3-tls-only",
    [BUCKET_NO_ARN, sub(POLICY, "p", { policy: tlsDeny(["arn:aws:s3:::b1"]) })],
    [NO_TLS],
  ],
  [
    "a known ARN denied on its objects only",
    "aws-cicd-s3-tls-only",
    [BUCKET, sub(POLICY, "p", { policy: tlsDeny(["arn:aws:s3:::b1/*"]) })],
    [NO_TLS],
  ],
  [
    "a topic whose own policy denies publishing without TLS",
    "aws-cicd-sns-tls-only",
    [res("aws:sns/topic:Topic", "t", { arn: TOPIC_ARN, policy: snsTls })],
    [],
  ],
  [
    "a topic policy of another topic",
    "aws-cicd-sns-tls-only",
    [
      res("aws:sns/topic:Topic", "t", { arn: TOPIC_ARN }),
      res("aws:sns/topicPolicy:TopicPolicy", "tp", { arn: `${TOPIC_ARN}-other`, policy: snsTls }),
    ],
    ['t: SNS topic "t" has no policy denying publishing without TLS.'],
  ],
]);
