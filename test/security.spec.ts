import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { EncryptionKey, SecureTopic } from "../packages/aws-cicd/src";
import { keyAllowsEcrRepositories, policyDocument, validateEncryptionKeyArgs } from "../packages/aws-cicd/src/security";
import { ACCOUNT, childrenOf, findResource, recorded, resourcesOfType, settle, statementsOf, unwrap } from "./harness";
import { checkRecordedPolicies } from "./harness/iam-check";
import { optionalPropertiesWithoutDefault } from "./tsdoc-defaults";

describe("EncryptionKey", () => {
  it("creates a rotating symmetric key with a 30-day window, retained, and an alias unique to the stack", async () => {
    const key = new EncryptionKey("cicd");
    expect(await unwrap(key.aliasName)).to.equal("alias/aws-cicd-test/test/cicd");
    const k = findResource("aws:kms/key:Key", "cicd-key");
    expect(k.inputs).to.include({
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      keyUsage: "ENCRYPT_DECRYPT",
      customerMasterKeySpec: "SYMMETRIC_DEFAULT",
    });
    expect(k.options.retainOnDelete).to.equal(true);
    const component = findResource("aws-cicd:index:EncryptionKey", "cicd");
    expect(
      childrenOf(component)
        .map((c) => c.name)
        .sort(),
    ).to.deep.equal(["cicd-alias", "cicd-key"]);
    expect(findResource("aws:kms/alias:Alias", "cicd-alias").inputs.targetKeyId).to.equal("cicd-key-id");
  });

  it("writes a key policy with no unconditioned principal and service use only through kms:ViaService", async () => {
    const key = new EncryptionKey("cicd");
    await unwrap(key.keyArn);
    await settle();
    const statements = statementsOf(findResource("aws:kms/key:Key", "cicd-key").inputs.policy);
    expect(statements.map((s) => s.Sid)).to.deep.equal([
      "AccountAdministersKeyThroughIam",
      "AccountUsesKeyThroughServices",
      "CloudWatchLogsEncryptsLogGroups",
      "ServicesPublishToEncryptedTopics",
    ]);
    expect(statements[0].Principal).to.deep.equal({ AWS: [`arn:aws:iam::${ACCOUNT}:root`] });
    expect(statements[0].Action).to.not.include("kms:Decrypt");
    expect(statements[1].Condition).to.deep.equal({
      StringEquals: {
        "kms:CallerAccount": ACCOUNT,
        "kms:ViaService": ["codebuild", "codecommit", "codepipeline", "elasticbeanstalk", "s3", "secretsmanager", "sns", "ssm"].map(
          (s) => `${s}.us-east-1.amazonaws.com`,
        ),
      },
    });
    expect(statements[2].Principal).to.deep.equal({ Service: ["logs.us-east-1.amazonaws.com"] });
    expect(statements[2].Condition).to.deep.equal({
      ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:*` },
    });
    expect(statements[3].Condition).to.deep.equal({ StringEquals: { "aws:SourceAccount": ACCOUNT } });
    for (const s of statements) expect(s.Principal).to.not.equal("*");
    expect(await checkRecordedPolicies()).to.deep.equal([]);
  });

  it("lets the user opt out of retention and narrow the services", async () => {
    const key = new EncryptionKey("k", { retainOnDelete: false, viaServices: ["s3"], deletionWindowInDays: 7, aliasName: "alias/team/k" });
    expect(await unwrap(key.aliasName)).to.equal("alias/team/k");
    const statements = statementsOf(findResource("aws:kms/key:Key", "k-key").inputs.policy);
    expect(statements[1].Condition!.StringEquals["kms:ViaService"]).to.deep.equal(["s3.us-east-1.amazonaws.com"]);
    expect(findResource("aws:kms/key:Key", "k-key").inputs.deletionWindowInDays).to.equal(7);
    expect(findResource("aws:kms/key:Key", "k-key").options.retainOnDelete).to.equal(false);
  });

  it("lets exact reader roles of other accounts only decrypt through S3, and writer roles also encrypt through S3", async () => {
    const deployRole = "arn:aws:iam::210987654321:role/prod-deploy";
    const buildRole = "arn:aws:iam::210987654321:role/prod-build";
    const key = new EncryptionKey("shared", { principalArns: [deployRole], writerPrincipalArns: [buildRole] });
    await unwrap(key.keyArn);
    const statements = statementsOf(findResource("aws:kms/key:Key", "shared-key").inputs.policy);
    expect(statements.slice(4)).to.deep.equal([
      {
        Sid: "NamedRolesDecryptThroughS3",
        Effect: "Allow",
        Principal: { AWS: [deployRole] },
        Action: ["kms:Decrypt"],
        Resource: ["*"],
        Condition: { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } },
      },
      {
        Sid: "NamedRolesEncryptThroughS3",
        Effect: "Allow",
        Principal: { AWS: [buildRole] },
        Action: ["kms:Decrypt", "kms:GenerateDataKey"],
        Resource: ["*"],
        Condition: { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } },
      },
    ]);
    expect(await checkRecordedPolicies()).to.deep.equal([]);
  });

  it("refuses a writer role given as an account root", () => {
    expect(() => new EncryptionKey("bad-writer", { writerPrincipalArns: ["arn:aws:iam::210987654321:root"] })).to.throw(
      '`writerPrincipalArns[0]` must be an IAM role ARN such as "arn:aws:iam::111122223333:role/deploy", got "arn:aws:iam::210987654321:root". Name the exact role, not an account.',
    );
    expect(resourcesOfType("aws:kms/key:Key")).to.deep.equal([]);
  });

  it("lets EC2 Auto Scaling encrypt launched volumes only when asked", async () => {
    const key = new EncryptionKey("fleet", { allowAutoScalingVolumes: true });
    await unwrap(key.keyArn);
    const statements = statementsOf(findResource("aws:kms/key:Key", "fleet-key").inputs.policy);
    const role = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
    // Any principal, admitted only when it is exactly the service-linked role: KMS accepts this whether or
    // not the role exists yet (a fresh account creates it with its first Auto Scaling group).
    expect(statements.slice(4)).to.deep.equal([
      {
        Sid: "AutoScalingUsesKeyForVolumes",
        Effect: "Allow",
        Principal: "*",
        Action: [
          "kms:Decrypt",
          "kms:DescribeKey",
          "kms:Encrypt",
          "kms:GenerateDataKey",
          "kms:GenerateDataKeyWithoutPlaintext",
          "kms:ReEncryptFrom",
          "kms:ReEncryptTo",
        ],
        Resource: ["*"],
        Condition: { ArnEquals: { "aws:PrincipalArn": role } },
      },
      {
        Sid: "AutoScalingGrantsKeyToEbs",
        Effect: "Allow",
        Principal: "*",
        Action: ["kms:CreateGrant"],
        Resource: ["*"],
        Condition: { ArnEquals: { "aws:PrincipalArn": role }, Bool: { "kms:GrantIsForAWSResource": "true" } },
      },
    ]);
    expect(JSON.stringify(statements)).to.not.include(`"AWS":["${role}"]`);
    const plain = new EncryptionKey("plain");
    await unwrap(plain.keyArn);
    expect(statementsOf(findResource("aws:kms/key:Key", "plain-key").inputs.policy).map((s) => s.Sid)).to.not.include(
      "AutoScalingUsesKeyForVolumes",
    );
    expect(await checkRecordedPolicies()).to.deep.equal([]);
  });

  it("lets ECR create and retire grants for repositories only when asked, through ECR and for this account's callers", async () => {
    const key = new EncryptionKey("images", { allowEcrRepositories: true });
    await unwrap(key.keyArn);
    expect(statementsOf(findResource("aws:kms/key:Key", "images-key").inputs.policy).slice(4)).to.deep.equal([
      {
        Sid: "AccountEncryptsEcrRepositories",
        Effect: "Allow",
        Principal: { AWS: [`arn:aws:iam::${ACCOUNT}:root`] },
        Action: ["kms:CreateGrant", "kms:RetireGrant"],
        Resource: ["*"],
        Condition: { StringEquals: { "kms:CallerAccount": ACCOUNT, "kms:ViaService": "ecr.us-east-1.amazonaws.com" } },
      },
    ]);
    expect(keyAllowsEcrRepositories(key)).to.equal(true);
    const plain = new EncryptionKey("plain");
    await unwrap(plain.keyArn);
    expect(statementsOf(findResource("aws:kms/key:Key", "plain-key").inputs.policy).map((s) => s.Sid)).to.not.include(
      "AccountEncryptsEcrRepositories",
    );
    expect(keyAllowsEcrRepositories(plain)).to.equal(false);
    expect(keyAllowsEcrRepositories({ keyArn: "arn:aws:kms:us-east-1:123456789012:key/mine" })).to.equal(undefined);
    expect(await checkRecordedPolicies()).to.deep.equal([]);
  });

  describe("validation", () => {
    const cases: [string, object, string][] = [
      [
        "a whole account as principal",
        { principalArns: ["arn:aws:iam::210987654321:root"] },
        '`principalArns[0]` must be an IAM role ARN such as "arn:aws:iam::111122223333:role/deploy", got "arn:aws:iam::210987654321:root". Name the exact role, not an account.',
      ],
      [
        "an account id as principal",
        { principalArns: ["arn:aws:iam::210987654321:role/ok", "210987654321"] },
        '`principalArns[1]` must be an IAM role ARN such as "arn:aws:iam::111122223333:role/deploy", got "210987654321". Name the exact role, not an account.',
      ],
      ["a window below 7 days", { deletionWindowInDays: 1 }, "`deletionWindowInDays` must be a whole number from 7 to 30, got 1."],
      ["a window above 30 days", { deletionWindowInDays: 31 }, "`deletionWindowInDays` must be a whole number from 7 to 30, got 31."],
      [
        "an alias without the prefix",
        { aliasName: "cicd" },
        '`aliasName` must start with "alias/" followed by letters, digits, "/", "_" or "-" and must not use the reserved "alias/aws/" prefix, got "cicd".',
      ],
      [
        "a reserved alias",
        { aliasName: "alias/aws/s3" },
        '`aliasName` must start with "alias/" followed by letters, digits, "/", "_" or "-" and must not use the reserved "alias/aws/" prefix, got "alias/aws/s3".',
      ],
      [
        "a service given as an endpoint",
        { viaServices: ["s3.us-east-1.amazonaws.com"] },
        '`viaServices` takes short service names such as "s3" or "codebuild", got "s3.us-east-1.amazonaws.com".',
      ],
    ];
    for (const [what, args, message] of cases) {
      it(`throws for ${what}`, () => expect(() => validateEncryptionKeyArgs(args)).to.throw(message));
    }

    it("throws before creating any child", async () => {
      expect(() => new EncryptionKey("bad", { deletionWindowInDays: 3 })).to.throw(
        "`deletionWindowInDays` must be a whole number from 7 to 30, got 3.",
      );
      await settle();
      expect(recorded.filter((r) => r.type !== "aws-cicd:index:EncryptionKey")).to.deep.equal([]);
    });
  });
});

describe("SecureTopic", () => {
  it("encrypts with the key, refuses non-TLS requests and lets only this account's services publish", async () => {
    const key = new EncryptionKey("k");
    const topic = new SecureTopic("alerts", { encryptionKey: key, emailSubscriptions: ["lead@example.com"] });
    const arn = await unwrap(topic.topicArn);
    expect(findResource("aws:sns/topic:Topic", "alerts-topic").inputs.kmsMasterKeyId).to.equal(
      `arn:aws:kms:us-east-1:${ACCOUNT}:key/k-key-id`,
    );
    await settle();
    const statements = statementsOf(findResource("aws:sns/topicPolicy:TopicPolicy", "alerts-policy").inputs.policy);
    expect(statements).to.deep.equal([
      {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: ["sns:GetTopicAttributes", "sns:ListSubscriptionsByTopic", "sns:Publish", "sns:SetTopicAttributes", "sns:Subscribe"],
        Resource: [arn],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
      {
        Sid: "AccountManagesTopicThroughIam",
        Effect: "Allow",
        Principal: { AWS: [`arn:aws:iam::${ACCOUNT}:root`] },
        Action: ["sns:GetTopicAttributes", "sns:ListSubscriptionsByTopic", "sns:Publish", "sns:SetTopicAttributes", "sns:Subscribe"],
        Resource: [arn],
      },
      {
        Sid: "ServicesOfThisAccountPublish",
        Effect: "Allow",
        Principal: {
          Service: ["cloudwatch.amazonaws.com", "codecommit.amazonaws.com", "codestar-notifications.amazonaws.com", "events.amazonaws.com"],
        },
        Action: ["sns:Publish"],
        Resource: [arn],
        Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
      },
    ]);
    expect(findResource("aws:sns/topicSubscription:TopicSubscription", "alerts-email-0").inputs).to.include({
      protocol: "email",
      endpoint: "lead@example.com",
    });
    expect(await checkRecordedPolicies()).to.deep.equal([]);
  });

  it("throws for an address that is not an email", () => {
    const key = { keyArn: "arn:aws:kms:us-east-1:123456789012:key/x" };
    expect(() => new SecureTopic("t", { encryptionKey: key, emailSubscriptions: ["lead"] })).to.throw(
      '`emailSubscriptions` must hold email addresses, got "lead".',
    );
  });
});

describe("security arguments", () => {
  it("document a @default for every optional argument", () => {
    expect(
      optionalPropertiesWithoutDefault(["security/encryption-key.ts", "security/secure-topic.ts", "security/secure-bucket.ts"]),
    ).to.deep.equal([]);
  });
});

describe("policyDocument", () => {
  it("writes a resource or action repeated in a statement once, whether string or Output", async () => {
    const arn = "arn:aws:codecommit:us-east-1:123456789012:app";
    const doc = await unwrap(
      policyDocument([{ sid: "Pull", actions: ["codecommit:GitPull", "codecommit:GitPull"], resources: [arn, pulumi.output(arn), arn] }]),
    );
    expect(JSON.parse(doc)).to.deep.equal({
      Version: "2012-10-17",
      Statement: [{ Sid: "Pull", Effect: "Allow", Action: ["codecommit:GitPull"], Resource: [arn] }],
    });
  });

  it("refuses a statement id with other characters than letters and digits", () => {
    expect(() => policyDocument([{ sid: "read-repo", actions: ["codecommit:GitPull"], resources: ["*"] }])).to.throw(
      'Policy statement `sid` must contain only letters and digits, got "read-repo".',
    );
  });
});
