// The Pulumi state and deploy-role statements (pulumi/policies.ts) as plain values: exact sids,
// actions, ARNs and conditions.
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { assumeDeployRoleStatements, pulumiStateStatements } from "../../packages/aws-cicd/src/pulumi/policies";
import { PolicyStatement } from "../../packages/aws-cicd/src/security/iam";
import { unwrap } from "../harness";

const CTX = {
  accountId: pulumi.output("111122223333"),
  partition: pulumi.output("aws"),
  region: pulumi.output("eu-west-1"),
  dnsSuffix: pulumi.output("amazonaws.com"),
};
const STATE = { bucketArn: "arn:aws:s3:::pulumi-state", keyArn: "arn:aws:kms:eu-west-1:111122223333:key/state", root: "team/" };
const OBJECTS = "arn:aws:s3:::pulumi-state/team/.pulumi/*";
const LIST = {
  sid: "ListPulumiState",
  actions: ["s3:ListBucket"],
  resources: ["arn:aws:s3:::pulumi-state"],
  conditions: { StringLike: { "s3:prefix": ["team/.pulumi/*"] } },
};
const DECRYPT = { sid: "DecryptPulumiState", actions: ["kms:Decrypt"], resources: [STATE.keyArn] };

async function resolved(statements: PolicyStatement[]): Promise<unknown[]> {
  return Promise.all(statements.map(async (s) => JSON.parse(JSON.stringify(await unwrap(s as never)))));
}

describe("PulumiStack", () => {
  describe("state statements", () => {
    it("reads the state objects under the root, lists only that prefix and decrypts with the state key", async () => {
      expect(await resolved(pulumiStateStatements(STATE, false, CTX))).to.deep.equal([
        { sid: "ReadPulumiState", actions: ["s3:GetObject"], resources: [OBJECTS] },
        LIST,
        DECRYPT,
      ]);
    });

    it("writes and deletes state objects, and encrypts with the state key only through S3", async () => {
      expect(await resolved(pulumiStateStatements(STATE, true, CTX))).to.deep.equal([
        { sid: "ReadWritePulumiState", actions: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], resources: [OBJECTS] },
        LIST,
        DECRYPT,
        {
          sid: "EncryptPulumiStateObjects",
          actions: ["kms:GenerateDataKey"],
          resources: [STATE.keyArn],
          conditions: { StringEquals: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } },
        },
      ]);
    });

    it("assumes only the named deploy role", () => {
      expect(assumeDeployRoleStatements("arn:aws:iam::444455556666:role/deploy")).to.deep.equal([
        { sid: "AssumePulumiDeployRole", actions: ["sts:AssumeRole"], resources: ["arn:aws:iam::444455556666:role/deploy"] },
      ]);
    });
  });
});
