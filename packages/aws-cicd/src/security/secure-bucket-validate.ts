// The pure checks of a SecureBucket's arguments, run before any child exists.
import * as pulumi from "@pulumi/pulumi";
import { checkedInput, checkKeyArnArg, checkRegionArg, isDeferred, roleArnProblem, S3_BUCKET_NAME_PATTERN } from "../internal/arns";
import { checkArgsObject, checkTypes } from "../internal/types";
import { validateRolePathGrants } from "./role-path";
import type { SecureBucketArgs } from "./secure-bucket-args";

/** Bucket name starts S3 reserves. https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html */
export const RESERVED_BUCKET_PREFIXES = ["xn--", "sthree-", "amzn-s3-demo-"] as const;

function checkDays(arg: string, days: number | undefined, max: number): void {
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > max)) {
    throw new Error(`\`${arg}\` must be a whole number of days from 1 to ${max}, got ${days}.`);
  }
}

/** Exact roles only: an account root would let every principal its administrators allow in (CKV_AWS_61). */
function checkPrincipals(arg: string, arns: pulumi.Input<string>[] | undefined): void {
  (arns ?? []).forEach((arn, i) => {
    if (!isDeferred(arn)) checkedInput(arn, roleArnProblem(`${arg}[${i}]`));
  });
}

/** Validates {@link SecureBucketArgs}; throws a plain `Error` naming the arg. */
export function validateSecureBucketArgs(args: SecureBucketArgs): void {
  checkArgsObject(args, false);
  checkTypes(args, {
    objects: { lifecycle: "expiration days", accessLogs: "`bucketName`" },
    required: ["accessLogs.bucketName"],
    keys: ["encryptionKey"],
    booleans: ["eventBridgeNotifications", "retainOnDelete", "forceDestroy"],
    numbers: [
      "lifecycle.expireObjectsAfterDays",
      "lifecycle.expireNoncurrentVersionsAfterDays",
      "lifecycle.abortIncompleteUploadsAfterDays",
    ],
    strings: ["bucketPrefix", "region"],
    lists: ["readerArns", "writerArns", "codeBuildRoleArns"],
  });
  checkRegionArg("region", args.region);
  checkKeyArnArg("encryptionKey.keyArn", args.encryptionKey?.keyArn);
  if (
    args.accessLogs !== undefined &&
    typeof args.accessLogs.bucketName === "string" &&
    !S3_BUCKET_NAME_PATTERN.test(args.accessLogs.bucketName)
  ) {
    throw new Error(`\`accessLogs.bucketName\` must be an S3 bucket name (not an ARN), got "${args.accessLogs.bucketName}".`);
  }
  if (args.bucketPrefix !== undefined && !/^[a-z0-9][a-z0-9.-]{0,36}$/.test(args.bucketPrefix)) {
    throw new Error(
      `\`bucketPrefix\` must start with a lowercase letter or digit and hold at most 37 lowercase letters, digits, "." or "-", got "${args.bucketPrefix}".`,
    );
  }
  if (
    args.bucketPrefix !== undefined &&
    (args.bucketPrefix.includes("..") || RESERVED_BUCKET_PREFIXES.some((r) => args.bucketPrefix!.startsWith(r)))
  ) {
    throw new Error(
      `\`bucketPrefix\` must not hold two adjacent periods or start with ${RESERVED_BUCKET_PREFIXES.map((r) => `"${r}"`).join(", ")} (S3 refuses such bucket names), got "${args.bucketPrefix}".`,
    );
  }
  const l = args.lifecycle ?? {};
  checkDays("lifecycle.expireObjectsAfterDays", l.expireObjectsAfterDays, 36500);
  checkDays("lifecycle.expireNoncurrentVersionsAfterDays", l.expireNoncurrentVersionsAfterDays, 36500);
  checkDays("lifecycle.abortIncompleteUploadsAfterDays", l.abortIncompleteUploadsAfterDays, 36500);
  checkPrincipals("readerArns", args.readerArns);
  checkPrincipals("writerArns", args.writerArns);
  checkPrincipals("codeBuildRoleArns", args.codeBuildRoleArns);
  validateRolePathGrants("readerRolePaths", args.readerRolePaths);
}
