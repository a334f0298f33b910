import { expect } from "chai";
import { SecureBucket } from "../packages/aws-cicd/src";
import { childrenOf, findResource, settle, unwrap } from "./harness";

const KEY = { keyArn: "arn:aws:kms:eu-west-1:123456789012:key/k" };

describe("SecureBucket in another region", () => {
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
});
