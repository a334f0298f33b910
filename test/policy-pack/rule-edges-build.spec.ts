// Rule edges (see rule-edges.spec.ts): CodeBuild variables and sources, Elastic Beanstalk.
import {
  describeRows,
  PROJECT,
  EB,
  ENV_NS,
  set,
  ALB,
  TEMPLATE,
  NO_STREAM,
  STREAM_NS,
  NO_MANAGED,
  noLevel,
  NO_HTTPS,
  HTTP_ON,
  NO_ACCESS_LOGS,
} from "./rule-edges";

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
