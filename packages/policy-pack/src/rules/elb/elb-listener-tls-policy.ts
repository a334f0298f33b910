import { resourceRule } from "../rule";

/**
 * Elastic Load Balancing's predefined policies whose minimum protocol is TLS 1.2 or 1.3 (TLS 1.3
 * policies `ELBSecurityPolicy-TLS13-1-2-*` and `-TLS13-1-3-*`, and `ELBSecurityPolicy-TLS-1-2-*`,
 * `ELBSecurityPolicy-FS-1-2-*`), FIPS and post-quantum variants included.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
 */
export const TLS12_POLICY = /^ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)-/;

/** What the ELB API applies to an HTTPS listener created without `sslPolicy`. */
export const API_DEFAULT_SSL_POLICY = "ELBSecurityPolicy-2016-08";

export const elbListenerTlsPolicy = resourceRule(
  {
    id: "aws-cicd-elb-listener-tls-policy",
    service: "elb",
    description:
      "HTTPS and TLS load balancer listeners name a security policy whose minimum protocol is TLS 1.2 or 1.3 (such as ELBSecurityPolicy-TLS13-1-2-2021-06); without `sslPolicy` the API applies ELBSecurityPolicy-2016-08, which accepts TLS 1.0.",
    severity: "high",
    remediation: 'Set `sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06"` (or another TLS 1.2+ predefined policy) on the listener.',
    tier: "strict",
    references: {},
    preview:
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
  },
  ["aws:lb/listener:Listener", "aws:alb/listener:Listener"],
  (props, report) => {
    if (props.protocol !== "HTTPS" && props.protocol !== "TLS") return;
    const policy = props.sslPolicy;
    if (typeof policy === "string" && TLS12_POLICY.test(policy)) return;
    const named = typeof policy === "string" && policy !== "";
    report(
      `Listener on port ${props.port ?? "?"} ${named ? `uses the TLS policy "${policy}"` : `names no \`sslPolicy\` (the API applies "${API_DEFAULT_SSL_POLICY}")`}, which accepts protocols older than TLS 1.2.`,
    );
  },
);
