import { expect } from "chai";
import { SecureBucket } from "../packages/aws-cicd/src";
import { childrenOf, findResource, settle, statementsOf, unwrap } from "./harness";

const KEY = { keyArn: "arn:aws:kms:eu-west-1:123456789012:key/k" };

describe("SecureBucket region and CodeBuild roles", () => {
  it("puts every S3 child in the given region, and none in a region when it is not given", async () => {
    const away = new SecureBucket("away", {
      encryptionKey: KEY,
      region: "eu-west-1",
      accessLogs: { bucketName: "logs", prefix: "away-logs/" },
      eventBridgeNotifications: true,
    });
    const home = new SecureBucket("home", { encryptionKey: KEY, accessLogs: { bucketName: "logs" }, eventBridgeNotifications: true });
    await unwrap(away.bucketArn);
    await unwrap(home.bucketArn);
    await settle();
    const s3Children = (name: string) =>
      childrenOf(findResource("aws-cicd:index:SecureBucket", name))
        .filter((c) => c.type.startsWith("aws:s3"))
        .sort((a, b) => a.name.localeCompare(b.name));
    expect(s3Children("away").map((c) => [c.name, c.inputs.region])).to.deep.equal([
      ["away-bucket", "eu-west-1"],
      ["away-encryption", "eu-west-1"],
      ["away-lifecycle", "eu-west-1"],
      ["away-logging", "eu-west-1"],
      ["away-notification", "eu-west-1"],
      ["away-ownership", "eu-west-1"],
      ["away-policy", "eu-west-1"],
      ["away-public-access-block", "eu-west-1"],
      ["away-versioning", "eu-west-1"],
    ]);
    expect(s3Children("home").map((c) => [c.name, c.inputs.region])).to.deep.equal(
      ["bucket", "encryption", "lifecycle", "logging", "notification", "ownership", "policy", "public-access-block", "versioning"].map(
        (c) => [`home-${c}`, undefined],
      ),
    );
    expect(findResource("aws:s3/bucketLogging:BucketLogging", "away-logging").inputs.targetPrefix).to.equal("away-logs/");
  });

  it("lets CodeBuild roles get objects and check the bucket's owner and region, and nothing else", async () => {
    const role = "arn:aws:iam::210987654321:role/build";
    const bucket = new SecureBucket("cb", { encryptionKey: KEY, codeBuildRoleArns: [role] });
    const arn = await unwrap(bucket.bucketArn);
    await settle();
    const statements = statementsOf(findResource("aws:s3/bucketPolicy:BucketPolicy", "cb-policy").inputs.policy);
    expect(statements.filter((s) => (s.Sid ?? "").startsWith("CodeBuild"))).to.deep.equal([
      {
        Sid: "CodeBuildRolesGetObjects",
        Effect: "Allow",
        Principal: { AWS: [role] },
        Action: ["s3:GetObject", "s3:GetObjectVersion"],
        Resource: [`${arn}/*`],
      },
      {
        Sid: "CodeBuildRolesCheckBucket",
        Effect: "Allow",
        Principal: { AWS: [role] },
        Action: ["s3:GetBucketAcl", "s3:GetBucketLocation"],
        Resource: [arn],
      },
    ]);
  });
});
