import { stackRule } from "../rule";
import { statementsOf } from "../policy-documents";
import { bucketConfigs, bucketsOf } from "../relations";
import { deniesWithoutTls, hasTlsDeny } from "../resource-policy-checks";
import { forEachContained, knownString } from "../unknowns";

export const s3TlsOnly = stackRule(
  {
    id: "aws-cicd-s3-tls-only",
    service: "s3",
    description: "S3 bucket policies deny every request made without TLS, on the bucket and its objects (in one statement or two).",
    severity: "high",
    remediation:
      'Add an `aws.s3.BucketPolicy` with a Deny of `s3:*` for Principal "*" on the bucket ARN and `<arn>/*` when `aws:SecureTransport` is false (SecureBucket does this).',
    tier: "baseline",
    references: { cdkNag: ["S10"], securityHub: ["S3.5"] },
    preview:
      "Finds the bucket policy by property dependency. A bucket without one is reported. A policy document that embeds the ARN of a bucket created in the same run is unknown: that bucket alone is not judged (CrossGuard notes it), and the rule runs again at `pulumi up`.",
  },
  async (resources, report) => {
    await forEachContained(bucketsOf(resources), (bucket) => {
      const policies = bucketConfigs(resources, bucket, "aws:s3/bucketPolicy:BucketPolicy");
      const ok = policies.some((p) => {
        const statements = statementsOf(p.props.policy) ?? [];
        const arn = knownString(bucket.props, "arn");
        if (arn) return hasTlsDeny(statements, ["s3:*"], [arn, `${arn}/*`]);
        // ARN not known (preview): the denies must cover a bucket resource and an object resource.
        const denied = statements.filter((s) => deniesWithoutTls(s) && hasTlsDeny([s], ["s3:*"], []));
        const resourcesDenied = denied.flatMap((s) => s.Resource);
        return resourcesDenied.some((r) => r === "*" || !r.endsWith("/*")) && resourcesDenied.some((r) => r === "*" || r.endsWith("/*"));
      });
      if (!ok)
        report(`Bucket "${bucket.name}" has no bucket policy denying requests without TLS on the bucket and its objects.`, bucket.urn);
    });
  },
);
