import { PolicyResource } from "@pulumi/policy";

/** Values by which other resources may name this one: its name, id, ARN, URN-free logical name. */
function identities(r: PolicyResource, nameFields: string[]): string[] {
  const out: string[] = [];
  for (const f of [...nameFields, "id", "arn"]) {
    const v = r.props?.[f];
    if (typeof v === "string" && v.length > 0) out.push(v);
  }
  return out;
}

/**
 * The resources of `type` that point at `target` through `field`: by value (the bucket name, the
 * topic ARN...) or, when the value is not known yet, by the property's dependency on the target.
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
    const v = r.props?.[field];
    if (typeof v === "string" && ids.includes(v)) return true;
    return (r.propertyDependencies?.[field] ?? []).some((d) => d.urn === target.urn);
  });
}

/** S3 buckets (V2 `aws:s3/bucket:Bucket` and the deprecated `BucketV2` alias). */
export const BUCKET_TYPES = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];

/** Configuration resources of a bucket of type `type` (`aws:s3/bucketVersioning:BucketVersioning`...). */
export function bucketConfigs(resources: PolicyResource[], bucket: PolicyResource, type: string): PolicyResource[] {
  const v2 = type.replace(/\/(\w+):(\w+)$/, "/$1V2:$2V2");
  return [
    ...relatedResources(resources, bucket, type, "bucket", ["bucket"]),
    ...relatedResources(resources, bucket, v2, "bucket", ["bucket"]),
  ];
}

/** Every bucket of the stack. */
export function bucketsOf(resources: PolicyResource[]): PolicyResource[] {
  return resources.filter((r) => BUCKET_TYPES.includes(r.type));
}
