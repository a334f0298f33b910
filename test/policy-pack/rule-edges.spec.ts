// The edges of each rule, beyond its one compliant and one non-compliant case: absent and null
// parts of the inputs, each branch of a condition and each boundary, with the exact findings.
import { expect } from "chai";
import { policies } from "../../packages/policy-pack/src/policies";
import { rule } from "./cases";
import { resourceViolations } from "./fake-args";

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

/** [what, rule id, resource type, inputs, exact findings, config]. */
type Row = [string, string, string, Record<string, any>, string[], object?];

export function describeRows(title: string, rows: Row[]): void {
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
    { settings: [null, set(STREAM_NS, "StreamLogs", null), set("aws:elasticbeanstalk:other", "StreamLogs", "true")] },
    [NO_STREAM],
  ],
  ["an undefined value", "aws-cicd-eb-stream-logs", EB, { settings: [set(STREAM_NS, "StreamLogs", undefined)] }, [NO_STREAM]],
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
