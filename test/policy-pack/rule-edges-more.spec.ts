// Rule edges (see rule-edges.spec.ts): SNS topic policies' TLS deny, CodeCommit approval rule templates.
import { policyResource as res } from "./fake-args";
import { describeRows, describeStackRows, doc, foreign } from "./rule-edges";

const TOPIC = "aws:sns/topic:Topic";
const TOPIC_POLICY = "aws:sns/topicPolicy:TopicPolicy";
const TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:t";
const tlsDeny = (Action: string, Resource: string) => ({
  Statement: [{ Effect: "Deny", Principal: "*", Action, Resource, Condition: { Bool: { "aws:SecureTransport": "false" } } }],
});
const NO_TLS = 'SNS topic "t" has no policy denying publishing without TLS.';

const REPO = "aws:codecommit/repository:Repository";
const TEMPLATE = "aws:codecommit/approvalRuleTemplate:ApprovalRuleTemplate";
const ASSOC = "aws:codecommit/approvalRuleTemplateAssociation:ApprovalRuleTemplateAssociation";
const repo = res(REPO, "r", { repositoryName: "app" });
const template = (name: string, content: unknown) => res(TEMPLATE, name, { name, content });
const assoc = (name: string) => res(ASSOC, `${name}-assoc`, { repositoryName: "app", approvalRuleTemplateName: name });
const approvals = (...n: unknown[]) =>
  JSON.stringify({ Statements: n.map((NumberOfApprovalsNeeded) => ({ Type: "Approvers", NumberOfApprovalsNeeded })) });
const needs = (found: number, name = "app") =>
  `r: CodeCommit repository "${name}" has no approval rule template needing at least 2 approvals (found ${found}).`;

describeStackRows("policy pack edges: SNS TLS deny, CodeCommit approval rule templates", [
  [
    "a TLS deny on the topic's ARN in its topic policy",
    "aws-cicd-sns-tls-only",
    [res(TOPIC, "t", { arn: TOPIC_ARN }), res(TOPIC_POLICY, "tp", { arn: TOPIC_ARN, policy: tlsDeny("sns:Publish", TOPIC_ARN) })],
    [],
  ],
  [
    "a TLS deny of another action than sns:Publish",
    "aws-cicd-sns-tls-only",
    [res(TOPIC, "t", { arn: TOPIC_ARN }), res(TOPIC_POLICY, "tp", { arn: TOPIC_ARN, policy: tlsDeny("sns:Subscribe", TOPIC_ARN) })],
    [`t: ${NO_TLS}`],
  ],
  [
    "a TLS deny in the topic policy of another topic",
    "aws-cicd-sns-tls-only",
    [res(TOPIC, "t", { arn: TOPIC_ARN }), res(TOPIC_POLICY, "tp", { arn: `${TOPIC_ARN}2`, policy: tlsDeny("sns:Publish", "*") })],
    [`t: ${NO_TLS}`],
  ],
  [
    "a topic policy that is not JSON",
    "aws-cicd-sns-tls-only",
    [res(TOPIC, "t", { arn: TOPIC_ARN }), res(TOPIC_POLICY, "tp", { arn: TOPIC_ARN, policy: "{not json" })],
    [`t: ${NO_TLS}`],
  ],
  [
    "a template whose content is an object, not a JSON string",
    "aws-cicd-codecommit-approval-rule",
    [repo, template("tpl", { Statements: [{ NumberOfApprovalsNeeded: 2 }] }), assoc("tpl")],
    [],
  ],
  [
    "a template whose content is not JSON",
    "aws-cicd-codecommit-approval-rule",
    [repo, template("tpl", "{not json"), assoc("tpl")],
    [needs(0)],
  ],
  ["a template without statements", "aws-cicd-codecommit-approval-rule", [repo, template("tpl", "{}"), assoc("tpl")], [needs(0)]],
  [
    "a template whose statement names no number of approvals",
    "aws-cicd-codecommit-approval-rule",
    [repo, template("tpl", JSON.stringify({ Statements: [{ Type: "Approvers" }] })), assoc("tpl")],
    [needs(0)],
  ],
  [
    "a template needing a negative number of approvals",
    "aws-cicd-codecommit-approval-rule",
    [repo, template("tpl", approvals(-3)), assoc("tpl")],
    [needs(0)],
  ],
  [
    "a template whose statements need 1 and 3 approvals: the largest counts",
    "aws-cicd-codecommit-approval-rule",
    [repo, template("tpl", approvals(1, 3)), assoc("tpl")],
    [],
  ],
  [
    "two associated templates needing 3 and 1 approvals: the best counts",
    "aws-cicd-codecommit-approval-rule",
    [repo, template("strict", approvals(3)), assoc("strict"), template("loose", approvals(1)), assoc("loose")],
    [],
  ],
  [
    "two associated templates needing 1 and 0 approvals",
    "aws-cicd-codecommit-approval-rule",
    [repo, template("one", approvals(1)), assoc("one"), template("none", approvals(0)), assoc("none")],
    [needs(1)],
  ],
  [
    "a template needing 3 approvals that is not associated with the repository",
    "aws-cicd-codecommit-approval-rule",
    [repo, template("tpl", approvals(3)), assoc("other")],
    [needs(0)],
  ],
  [
    "a template whose statements are null and one needing 2 approvals",
    "aws-cicd-codecommit-approval-rule",
    [repo, template("tpl", JSON.stringify({ Statements: [null, { NumberOfApprovalsNeeded: 2 }] })), assoc("tpl")],
    [],
  ],
  [
    "a resource of another type named like the associated template is no template",
    "aws-cicd-codecommit-approval-rule",
    [repo, res("aws:codecommit/trigger:Trigger", "tpl", { name: "tpl", content: approvals(3) }), assoc("tpl")],
    [needs(0)],
  ],
  [
    "a repository whose name is not set: reported by its resource name",
    "aws-cicd-codecommit-approval-rule",
    [res(REPO, "r", {})],
    [needs(0, "r")],
  ],
]);

const BP = "aws:s3/bucketPolicy:BucketPolicy";
const OTHER_ROOT = "arn:aws:iam::999999999999:root";
/** A bucket policy granting `principals`, narrowed by `condition`. */
const grant = (principals: string[], condition?: object) => ({
  policy: doc({
    Effect: "Allow",
    Principal: { AWS: principals },
    Action: "s3:GetObject",
    Resource: "arn:aws:s3:::b/*",
    Condition: condition,
  }),
});
const bucketWhole = (p: string) => `Bucket policy statement 1 allows the whole account "${p}"; name the roles.`;
const arnLike = (...v: string[]) => ({ ArnLike: { "aws:PrincipalArn": v } });

describeRows("policy pack edges: whole accounts narrowed to role paths, own accounts, account forms", [
  [
    "an account narrowed by ArnEquals to roles at a path of its own",
    "aws-cicd-policy-no-whole-account",
    BP,
    grant([OTHER_ROOT], { ArnEquals: { "aws:PrincipalArn": "arn:aws:iam::999999999999:role/team/deployer" } }),
    [],
  ],
  [
    "an account narrowed to a path of another account",
    "aws-cicd-policy-no-whole-account",
    BP,
    grant([OTHER_ROOT], arnLike("arn:aws:iam::888888888888:role/team/*")),
    [bucketWhole(OTHER_ROOT)],
  ],
  [
    "an account narrowed to a path and to every role (`role/*`): not narrowed",
    "aws-cicd-policy-no-whole-account",
    BP,
    grant([OTHER_ROOT], arnLike("arn:aws:iam::999999999999:role/team/*", "arn:aws:iam::999999999999:role/*")),
    [bucketWhole(OTHER_ROOT)],
  ],
  [
    "an account narrowed to a role without a path, a wildcard path segment, or a value with a prefix: not narrowed",
    "aws-cicd-policy-no-whole-account",
    BP,
    {
      policy: doc(
        ...[
          "arn:aws:iam::999999999999:role/deployer",
          "arn:aws:iam::999999999999:role/te*/x",
          "arn:aws:iam::999999999999:role/t?/x",
          "xarn:aws:iam::999999999999:role/team/*",
        ].map((v) => ({ Effect: "Allow", Principal: { AWS: OTHER_ROOT }, Action: "s3:GetObject", Resource: "*", Condition: arnLike(v) })),
      ),
    },
    [1, 2, 3, 4].map((i) => `Bucket policy statement ${i} allows the whole account "${OTHER_ROOT}"; name the roles.`),
  ],
  [
    "a path given by StringLike, not an ARN operator: not narrowed",
    "aws-cicd-policy-no-whole-account",
    BP,
    grant([OTHER_ROOT], { StringLike: { "aws:PrincipalArn": "arn:aws:iam::999999999999:role/team/*" } }),
    [bucketWhole(OTHER_ROOT)],
  ],
  [
    "a narrowed account beside a bare account id that is not narrowed",
    "aws-cicd-policy-no-whole-account",
    BP,
    grant([OTHER_ROOT, "888888888888"], arnLike("arn:aws:iam::999999999999:role/team/*")),
    [bucketWhole("888888888888")],
  ],
  [
    "principals that are no whole account: 13 digits, a root with a suffix or a prefix, another partition's role",
    "aws-cicd-policy-no-whole-account",
    BP,
    grant(["1234567890123", "x999999999999", "arn:aws:iam::999999999999:rootx", "arn:aws-cn:iam::999999999999:role/r"]),
    [],
  ],
  [
    "an account root in the aws-us-gov partition",
    "aws-cicd-policy-no-whole-account",
    BP,
    grant(["arn:aws-us-gov:iam::999999999999:root"]),
    [bucketWhole("arn:aws-us-gov:iam::999999999999:root")],
  ],
  [
    "a key in the aws-cn partition granting its own account's root and another's",
    "aws-cicd-policy-no-whole-account",
    "aws:kms/key:Key",
    {
      keyId: "arn:aws-cn:kms:cn-north-1:123456789012:key/k",
      policy: doc({
        Effect: "Allow",
        Principal: { AWS: ["arn:aws-cn:iam::123456789012:root", "arn:aws-cn:iam::111122223333:root"] },
        Action: "kms:*",
        Resource: "*",
      }),
    },
    [foreign("statement 1", "arn:aws-cn:iam::111122223333:root")],
  ],
  [
    "a key whose own account comes from aws:SourceAccount, aws:PrincipalAccount, not from 13 digits",
    "aws-cicd-policy-no-whole-account",
    "aws:kms/key:Key",
    {
      policy: doc(
        {
          Effect: "Allow",
          Principal: { AWS: "1" },
          Action: "kms:Decrypt",
          Resource: "*",
          Condition: { StringEquals: { "aws:SourceAccount": "1234567890123" } },
        },
        {
          Effect: "Allow",
          Principal: { AWS: "2" },
          Action: "kms:Decrypt",
          Resource: "*",
          Condition: { StringEquals: { "aws:PrincipalAccount": "123456789012" } },
        },
        { Effect: "Allow", Principal: { AWS: ["123456789012", "111122223333"] }, Action: "kms:Decrypt", Resource: "*" },
      ),
    },
    [foreign("statement 3", "111122223333")],
  ],
  [
    "a key whose own account comes from aws:SourceAccount",
    "aws-cicd-policy-no-whole-account",
    "aws:kms/key:Key",
    {
      policy: doc({
        Effect: "Allow",
        Principal: { AWS: ["123456789012", "111122223333"] },
        Action: "kms:Decrypt",
        Resource: "*",
        Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } },
      }),
    },
    [foreign("statement 1", "111122223333")],
  ],
]);

const TD = "aws:ecs/taskDefinition:TaskDefinition";
const logged = (logConfiguration: unknown) => ({ containerDefinitions: JSON.stringify([{ name: "app", logConfiguration }]) });
const NO_LOG = 'ECS container "app" has no log configuration: its output is lost.';
const LISTENER = "aws:lb/listener:Listener";
const https = (sslPolicy: unknown) => ({ protocol: "HTTPS", port: 443, sslPolicy });
const older = (what: string, port = "443") => `Listener on port ${port} ${what}, which accepts protocols older than TLS 1.2.`;
const NO_POLICY = 'names no `sslPolicy` (the API applies "ELBSecurityPolicy-2016-08")';
const PERMISSION = "aws:lambda/permission:Permission";
const invoke = (principal: string, more: object = {}) => ({ action: "lambda:InvokeFunction", function: "fn", principal, ...more });
const PUBLIC =
  'Lambda permission lets any principal ("*") call lambda:InvokeFunction without `sourceArn`, `sourceAccount` or `principalOrgId`: the function is public.';
const ALIAS = "aws:lambda/alias:Alias";

describeRows("policy pack edges: ECS logs, listener TLS policies, ECR keys, Lambda permissions and aliases", [
  ["a log driver that is empty", "aws-cicd-ecs-task-logging", TD, logged({ logDriver: "" }), [NO_LOG]],
  ["a log driver that is not text", "aws-cicd-ecs-task-logging", TD, logged({ logDriver: 5 }), [NO_LOG]],
  ["the awslogs driver", "aws-cicd-ecs-task-logging", TD, logged({ logDriver: "awslogs" }), []],
  ["a TLS 1.3-only policy", "aws-cicd-elb-listener-tls-policy", LISTENER, https("ELBSecurityPolicy-TLS13-1-3-2021-06"), []],
  ["a forward-secrecy TLS 1.2 policy", "aws-cicd-elb-listener-tls-policy", LISTENER, https("ELBSecurityPolicy-FS-1-2-Res-2020-10"), []],
  [
    "a TLS 1.2 policy on an aws:alb listener",
    "aws-cicd-elb-listener-tls-policy",
    "aws:alb/listener:Listener",
    https("ELBSecurityPolicy-TLS-1-2-2017-01"),
    [],
  ],
  [
    "a TLS 1.2 policy name given as a list, not text",
    "aws-cicd-elb-listener-tls-policy",
    LISTENER,
    https(["ELBSecurityPolicy-TLS-1-2-2017-01"]),
    [older(NO_POLICY)],
  ],
  ["an empty policy name", "aws-cicd-elb-listener-tls-policy", LISTENER, https(""), [older(NO_POLICY)]],
  ["a policy name that is a number", "aws-cicd-elb-listener-tls-policy", LISTENER, https(5), [older(NO_POLICY)]],
  [
    "a policy name with a prefix",
    "aws-cicd-elb-listener-tls-policy",
    LISTENER,
    https("MyELBSecurityPolicy-TLS-1-2-2017-01"),
    [older('uses the TLS policy "MyELBSecurityPolicy-TLS-1-2-2017-01"')],
  ],
  ["a listener without a port", "aws-cicd-elb-listener-tls-policy", LISTENER, { protocol: "HTTPS" }, [older(NO_POLICY, "?")]],
  [
    "encryption configurations that are no list",
    "aws-cicd-ecr-customer-key",
    "aws:ecr/repository:Repository",
    { encryptionConfigurations: { encryptionType: "KMS", kmsKey: "alias/images" } },
    ['ECR repository is encrypted with "AES256" (S3-managed keys), not a customer managed KMS key.'],
  ],
  ["an empty sourceArn", "aws-cicd-lambda-permission-source", PERMISSION, invoke("*", { sourceArn: "" }), [PUBLIC]],
  [
    "a sourceAccount that is not text",
    "aws-cicd-lambda-permission-source",
    PERMISSION,
    invoke("*", { sourceAccount: 123456789012 }),
    [PUBLIC],
  ],
  [
    'a sourceAccount for the "*" principal',
    "aws-cicd-lambda-permission-source",
    PERMISSION,
    invoke("*", { sourceAccount: "123456789012" }),
    [],
  ],
  [
    "an invoke action in other case",
    "aws-cicd-lambda-permission-source",
    PERMISSION,
    invoke("*", { action: "Lambda:invokefunction" }),
    [PUBLIC.replace("lambda:InvokeFunction", "Lambda:invokefunction")],
  ],
  [
    "an action that only ends like an invoke",
    "aws-cicd-lambda-permission-source",
    PERMISSION,
    invoke("*", { action: "xlambda:InvokeFunction" }),
    [],
  ],
  [
    "lambda:InvokeFunctionUrl (not judged by this rule)",
    "aws-cicd-lambda-permission-source",
    PERMISSION,
    invoke("*", { action: "lambda:InvokeFunctionUrl" }),
    [],
  ],
  [
    "a principal that only contains a service domain",
    "aws-cicd-lambda-permission-source",
    PERMISSION,
    invoke("s3.amazonaws.com.example.org"),
    [],
  ],
  [
    "a service principal of the China partitions",
    "aws-cicd-lambda-permission-source",
    PERMISSION,
    invoke("s3.amazonaws.com.cn"),
    [
      "Lambda permission lets s3.amazonaws.com.cn call lambda:InvokeFunction without `sourceArn` or `sourceAccount`: that service's resources in any account can invoke the function.",
    ],
  ],
  ["routing without weights", "aws-cicd-lambda-alias-codedeploy", ALIAS, { routingConfig: {} }, []],
  ["routing with null weights", "aws-cicd-lambda-alias-codedeploy", ALIAS, { routingConfig: { additionalVersionWeights: null } }, []],
  ["routing with no weight", "aws-cicd-lambda-alias-codedeploy", ALIAS, { routingConfig: { additionalVersionWeights: {} } }, []],
  [
    "weights on two versions, in version order",
    "aws-cicd-lambda-alias-codedeploy",
    ALIAS,
    { routingConfig: { additionalVersionWeights: { "10": 0.1, "9": 0.2 } } },
    ["Lambda alias sends traffic to versions 9, 10 by fixed weights, with no alarm to roll back on."],
  ],
  [
    "a key id with a prefix before its ARN: its account is not the key's",
    "aws-cicd-policy-no-whole-account",
    "aws:kms/key:Key",
    {
      keyId: "xarn:aws:kms:us-east-1:123456789012:key/k",
      policy: doc({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" }),
    },
    ['Key policy statement 1 allows the whole account "arn:aws:iam::123456789012:root"; name the roles.'],
  ],
]);
