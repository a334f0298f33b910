import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { EncryptionKey } from "../packages/aws-cicd/src";
import { keyOrNew } from "../packages/aws-cicd/src/security/encryption-key";
import { ACCOUNT, findResource, settle, statementsOf, unwrap } from "./harness";

const ROOT = { AWS: [`arn:aws:iam::${ACCOUNT}:root`] };
const USE = [
  "kms:Decrypt",
  "kms:DescribeKey",
  "kms:Encrypt",
  "kms:GenerateDataKey",
  "kms:GenerateDataKeyWithoutPlaintext",
  "kms:ReEncryptFrom",
  "kms:ReEncryptTo",
];
const LOGS = ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey", "kms:ReEncryptFrom", "kms:ReEncryptTo"];

/** The statements that let this account use the key through its services, and Logs of `region` use it. */
function serviceStatements(region: string) {
  return [
    {
      Sid: "AccountUsesKeyThroughServices",
      Effect: "Allow",
      Principal: ROOT,
      Action: USE,
      Resource: ["*"],
      Condition: { StringEquals: { "kms:CallerAccount": ACCOUNT, "kms:ViaService": [`s3.${region}.amazonaws.com`] } },
    },
    {
      Sid: "CloudWatchLogsEncryptsLogGroups",
      Effect: "Allow",
      Principal: { Service: [`logs.${region}.amazonaws.com`] },
      Action: LOGS,
      Resource: ["*"],
      Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${region}:${ACCOUNT}:log-group:*` } },
    },
  ];
}

describe("EncryptionKey options", () => {
  it("lets the account use the key through its services and Logs of its region, and publishers of this account", async () => {
    const key = new EncryptionKey("full", { viaServices: ["s3"] });
    await unwrap(key.keyArn);
    await settle();
    const statements = statementsOf(findResource("aws:kms/key:Key", "full-key").inputs.policy);
    expect(statements.slice(1)).to.deep.equal([
      ...serviceStatements("us-east-1"),
      {
        Sid: "ServicesPublishToEncryptedTopics",
        Effect: "Allow",
        Principal: {
          Service: ["cloudwatch.amazonaws.com", "codecommit.amazonaws.com", "codestar-notifications.amazonaws.com", "events.amazonaws.com"],
        },
        Action: ["kms:Decrypt", "kms:GenerateDataKey"],
        Resource: ["*"],
        Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
      },
    ]);
  });

  it("puts the key and alias in the given region, whose endpoints the conditions name, and in the provider's otherwise", async () => {
    const key = new EncryptionKey("eu", { region: "eu-west-1", viaServices: ["s3"] });
    const home = new EncryptionKey("home");
    await unwrap(key.keyArn);
    await unwrap(home.keyArn);
    await settle();
    const k = findResource("aws:kms/key:Key", "eu-key");
    expect(k.inputs.region).to.equal("eu-west-1");
    expect(findResource("aws:kms/alias:Alias", "eu-alias").inputs.region).to.equal("eu-west-1");
    expect(statementsOf(k.inputs.policy).slice(1, 3)).to.deep.equal(serviceStatements("eu-west-1"));
    expect(findResource("aws:kms/key:Key", "home-key").inputs).to.not.have.property("region");
    expect(findResource("aws:kms/alias:Alias", "home-alias").inputs).to.not.have.property("region");
    expect(findResource("aws:kms/key:Key", "home-key").inputs.description).to.equal("Customer managed key for home (aws-cicd)");
  });

  it("takes a description and tags, and lets this account's callers encrypt and decrypt directly when asked", async () => {
    const key = new EncryptionKey("direct", { allowDirectUse: true, description: "Mine", tags: { team: "ops" } });
    await unwrap(key.keyArn);
    await settle();
    const k = findResource("aws:kms/key:Key", "direct-key");
    expect(k.inputs.description).to.equal("Mine");
    expect(k.inputs.tags).to.deep.equal({ team: "ops" });
    expect(statementsOf(k.inputs.policy).slice(4)).to.deep.equal([
      {
        Sid: "AccountUsesKeyDirectly",
        Effect: "Allow",
        Principal: ROOT,
        Action: ["kms:Decrypt", "kms:Encrypt"],
        Resource: ["*"],
        Condition: { StringEquals: { "kms:CallerAccount": ACCOUNT } },
      },
    ]);
  });
});

describe("keyOrNew", () => {
  it("returns a given key, or creates one under the parent whose alias names the parent's kind", async () => {
    const parent = new pulumi.ComponentResource("aws-cicd:index:BuildProject", "app");
    const given = { keyArn: "arn:aws:kms:us-east-1:123456789012:key/mine" };
    expect(keyOrNew("app", given, parent)).to.equal(given);
    const made = keyOrNew("app", undefined, parent, { deletionWindowInDays: 7 });
    expect(made).to.be.instanceOf(EncryptionKey);
    await unwrap(made.keyArn);
    await settle();
    expect(findResource("aws:kms/key:Key", "app-key-key").inputs.deletionWindowInDays).to.equal(7);
    expect(findResource("aws:kms/alias:Alias", "app-key-alias").inputs.name).to.equal("alias/aws-cicd-test/test/build-project/app-key");
    expect(findResource("aws-cicd:index:EncryptionKey", "app-key").parent).to.equal(
      "urn:pulumi:test::aws-cicd-test::aws-cicd:index:BuildProject::app",
    );
  });
});
