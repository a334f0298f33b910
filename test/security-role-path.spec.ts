import { expect } from "chai";
import { EncryptionKey, SecureBucket } from "../packages/aws-cicd/src";
import { roleArnAtPath } from "../packages/aws-cicd/src/security/role-path";
import { ACCOUNT, findResource, settle, statementsOf, unwrap } from "./harness";

const OTHER = "210987654321";
const THIRD = "333344445555";
const GRANTS = [
  { accountId: OTHER, path: "/aws-cicd/platform/" },
  { accountId: OTHER, path: "/team/" },
  { accountId: THIRD, path: "/deploy/" },
];
const PATTERNS = [
  `arn:aws:iam::${OTHER}:role/aws-cicd/platform/*`,
  `arn:aws:iam::${OTHER}:role/team/*`,
  `arn:aws:iam::${THIRD}:role/deploy/*`,
];

describe("Role path grants", () => {
  it("writes a role's ARN with its path between `role` and the name", () => {
    expect(roleArnAtPath("aws-cn", OTHER, "/aws-cicd/platform/", "build")).to.equal(
      `arn:aws-cn:iam::${OTHER}:role/aws-cicd/platform/build`,
    );
    expect(roleArnAtPath("aws", OTHER, "/", "build")).to.equal(`arn:aws:iam::${OTHER}:role/build`);
  });

  it("let a bucket's readers by path get objects and locate the bucket: each account root once, each path by ARN pattern", async () => {
    const bucket = new SecureBucket("shared", {
      encryptionKey: { keyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k` },
      readerRolePaths: GRANTS,
    });
    const arn = await unwrap(bucket.bucketArn);
    await settle();
    const statements = statementsOf(findResource("aws:s3/bucketPolicy:BucketPolicy", "shared-policy").inputs.policy);
    const principal = { AWS: [`arn:aws:iam::${OTHER}:root`, `arn:aws:iam::${THIRD}:root`] };
    const condition = { ArnLike: { "aws:PrincipalArn": PATTERNS } };
    expect(statements.filter((s) => (s.Sid ?? "").startsWith("RolePath"))).to.deep.equal([
      {
        Sid: "RolePathReadersGetObjects",
        Effect: "Allow",
        Principal: principal,
        Action: ["s3:GetObject", "s3:GetObjectVersion"],
        Resource: [`${arn}/*`],
        Condition: condition,
      },
      {
        Sid: "RolePathReadersLocateBucket",
        Effect: "Allow",
        Principal: principal,
        Action: ["s3:GetBucketLocation"],
        Resource: [arn],
        Condition: condition,
      },
    ]);
  });

  it("let a key's readers by path decrypt only through S3", async () => {
    const key = new EncryptionKey("shared", { principalRolePaths: GRANTS });
    await unwrap(key.keyArn);
    await settle();
    const statements = statementsOf(findResource("aws:kms/key:Key", "shared-key").inputs.policy);
    expect(statements.filter((s) => (s.Sid ?? "").startsWith("RolePath"))).to.deep.equal([
      {
        Sid: "RolePathReadersDecryptThroughS3",
        Effect: "Allow",
        Principal: { AWS: [`arn:aws:iam::${OTHER}:root`, `arn:aws:iam::${THIRD}:root`] },
        Action: ["kms:Decrypt"],
        Resource: ["*"],
        Condition: { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" }, ArnLike: { "aws:PrincipalArn": PATTERNS } },
      },
    ]);
  });
});
