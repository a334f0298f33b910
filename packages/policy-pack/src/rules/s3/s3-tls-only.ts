import { stackRule } from "../rule";
import { statementsOf } from "../policy-documents";
import { bucketConfigs, bucketsOf } from "../relations";
import { hasTlsDeny } from "../resource-policy-checks";

export const s3TlsOnly = stackRule(
  {
    id: "aws-cicd-s3-tls-only",
    service: "s3",
    description: "S3 bucket policies deny every request made without TLS, on the bucket and its objects.",
    severity: "high",
    remediation:
      'Add an `aws.s3.BucketPolicy` with a Deny of `s3:*` for Principal "*" on the bucket ARN and `<arn>/*` when `aws:SecureTransport` is false (SecureBucket does this).',
    references: { cdkNag: ["S10"], securityHub: ["S3.5"] },
  },
  (resources, report) => {
    for (const bucket of bucketsOf(resources)) {
      const policies = bucketConfigs(resources, bucket, "aws:s3/bucketPolicy:BucketPolicy");
      const arn = typeof bucket.props.arn === "string" ? bucket.props.arn : undefined;
      const ok = policies.some((p) => {
        const statements = statementsOf(p.props.policy) ?? [];
        if (arn) return hasTlsDeny(statements, "s3", ["s3:*"], [arn, `${arn}/*`]);
        // ARN not known (preview): accept a TLS deny on a bucket ARN and its objects.
        return statements.some((s) => hasTlsDeny([s], "s3", ["s3:*"], []) && s.Resource.some((r) => r.endsWith("/*")));
      });
      if (!ok)
        report(`Bucket "${bucket.name}" has no bucket policy denying requests without TLS on the bucket and its objects.`, bucket.urn);
    }
  },
);
