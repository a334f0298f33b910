// A SecureBucket inside another component that exposes only its bucket (issue 12).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { quietStacks } from "../internal/quiet-stacks";
import { SecureBucketArgs } from "./secure-bucket-args";
import { createSecureBucketChildren } from "./secure-bucket";

/**
 * The same component as `SecureBucket` (its type token, name, children, inputs and outputs), for a
 * component that exposes only the bucket and its name, ARN and key: the bucket's settings (encryption,
 * public access block, ownership, versioning, lifecycle, policy, logging, notifications) are hidden
 * children, which nothing outside can reach (see internal/hidden-child.ts). Not exported from the
 * package: a user's `SecureBucket` exposes every setting as its `@pulumi/aws` class.
 */
export class NestedSecureBucket extends pulumi.ComponentResource {
  /** The S3 bucket. */
  readonly bucket: aws.s3.Bucket;
  /** Name of the bucket. */
  readonly bucketName: pulumi.Output<string>;
  /** ARN of the bucket. */
  readonly bucketArn: pulumi.Output<string>;
  /** ARN of the key that encrypts the bucket. */
  readonly keyArn: pulumi.Output<string>;

  constructor(name: string, args: SecureBucketArgs, opts: pulumi.ComponentResourceOptions) {
    super("aws-cicd:index:SecureBucket", name, {}, opts);
    const stacks = quietStacks();
    try {
      const c = createSecureBucketChildren(this, name, args, true);
      this.bucket = c.bucket;
      this.bucketName = c.bucket.bucket;
      this.bucketArn = c.bucket.arn;
      this.keyArn = c.keyArn;
      this.registerOutputs({ bucketName: this.bucketName, bucketArn: this.bucketArn, keyArn: this.keyArn });
    } catch (e) {
      throw stacks.rethrow(e);
    } finally {
      stacks.close();
    }
  }
}
