import { PolicyResource } from "@pulumi/policy";
import { knownString, tryRead, UNKNOWN } from "./unknowns";

/** Values by which other resources may name this one (its name fields, id, ARN) that are known now. */
function identities(r: PolicyResource, nameFields: string[]): string[] {
  return [...nameFields, "id", "arn"].flatMap((f) => {
    const v = knownString(r.props, f);
    return v === undefined ? [] : [v];
  });
}

/**
 * The resources of `type` that point at `target` through `field`. The property dependency of
 * `field` is read first (it is known in preview, when names from `bucketPrefix` and ARNs are not);
 * then the value (the bucket name, the topic ARN...); when the value is unknown and the property
 * has no recorded dependency, a plain dependency on the target (`dependsOn`) relates them.
 */
export function relatedResources(
  resources: PolicyResource[],
  target: PolicyResource,
  type: string,
  field: string,
  targetNameFields: string[],
): PolicyResource[] {
  const ids = identities(target, targetNameFields);
  return resources.filter((r) => {
    if (r.type !== type) return false;
    const deps = r.propertyDependencies?.[field];
    // Stryker disable next-line ArrayDeclaration: a fallback item that is no resource has no URN to match.
    if ((deps ?? []).some((d) => d.urn === target.urn)) return true;
    const v = tryRead(() => r.props[field]);
    if (v === UNKNOWN) return deps === undefined && (r.dependencies ?? []).some((d) => d.urn === target.urn);
    // `ids` holds strings only.
    return ids.includes(v as string);
  });
}

/** S3 buckets (V2 `aws:s3/bucket:Bucket` and the deprecated `BucketV2` alias). */
export const BUCKET_TYPES = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];

/** Configuration resources of a bucket of type `type` (`aws:s3/bucketVersioning:BucketVersioning`...). */
export function bucketConfigs(resources: PolicyResource[], bucket: PolicyResource, type: string): PolicyResource[] {
  const v2 = type.replace(/\/(\w+):(\w+)/, "/$1V2:$2V2");
  return [
    ...relatedResources(resources, bucket, type, "bucket", ["bucket"]),
    ...relatedResources(resources, bucket, v2, "bucket", ["bucket"]),
  ];
}

/** Every bucket of the stack. */
export function bucketsOf(resources: PolicyResource[]): PolicyResource[] {
  return resources.filter((r) => BUCKET_TYPES.includes(r.type));
}
