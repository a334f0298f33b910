// Every class the components register as a hidden child (internal/hidden-child.ts, issue 12) has its
// RegisterResource request compared with the class's own in test/internal/hidden-child.spec.ts. Read
// from the sources, so that a new hidden class cannot go unchecked. (Not in a mutation group's specs:
// Stryker rewrites the sources it mutates.)
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "../..");

/** `aws.<module>.<Class>` names following `new HiddenChild(` in `text`. */
const hiddenClasses = (text: string) => [...text.matchAll(/new HiddenChild\(\s*(aws\.\w+\.\w+),/g)].map((m) => m[1]);

describe("hidden children", () => {
  it("are of classes whose registration test/internal/hidden-child.spec.ts compares with the class's", () => {
    const src = path.join(ROOT, "packages/aws-cicd/src");
    const used = new Set<string>();
    for (const f of fs.readdirSync(src, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"))) {
      for (const cls of hiddenClasses(fs.readFileSync(path.join(src, f), "utf8"))) used.add(cls);
    }
    const spec = fs.readFileSync(path.join(ROOT, "test/internal/hidden-child.spec.ts"), "utf8");
    const compared = new Set([...hiddenClasses(spec), ...[...spec.matchAll(/\[\s*(aws\.\w+\.\w+),\s*\{/g)].map((m) => m[1])]);
    expect([...used].sort()).to.deep.equal([
      "aws.autoscaling.Notification",
      "aws.cloudwatch.EventRule",
      "aws.cloudwatch.EventTarget",
      "aws.ecr.LifecyclePolicy",
      "aws.iam.Policy",
      "aws.iam.Role",
      "aws.s3.BucketNotification",
      "aws.s3.BucketOwnershipControls",
      "aws.s3.BucketPolicy",
      "aws.s3.BucketPublicAccessBlock",
      "aws.sns.Topic",
      "aws.sns.TopicPolicy",
      "aws.sns.TopicSubscription",
      "aws.vpc.SecurityGroupEgressRule",
      "aws.vpc.SecurityGroupIngressRule",
    ]);
    for (const cls of used) expect(compared.has(cls), `${cls} is registered hidden but not compared`).to.equal(true);
  });
});
