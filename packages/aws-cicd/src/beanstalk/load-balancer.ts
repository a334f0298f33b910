import * as pulumi from "@pulumi/pulumi";
import { BeanstalkLoadBalancer, DEFAULT_BEANSTALK_SSL_POLICY } from "./beanstalk-target-args";
import { arnProblem, checkArnArg, checkedInput, isDeferred, S3_BUCKET_NAME_PATTERN } from "../internal/arns";
import { describeReceived } from "../internal/types";

/**
 * Option namespaces of the environment's Application Load Balancer
 * (https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/command-options-general.html#command-options-general-elbv2).
 */
export const LOAD_BALANCER_NAMESPACES = {
  /** Load balancer attributes: access logs. */
  loadBalancer: "aws:elbv2:loadbalancer",
  /** The default listener (port 80, HTTP). */
  httpListener: "aws:elbv2:listener:default",
  /** The listener on port 443. */
  httpsListener: "aws:elbv2:listener:443",
} as const;

/** Certificates an HTTPS listener takes: ACM certificates and IAM server certificates. */
export const LOAD_BALANCER_CERTIFICATE_ARN_PATTERN =
  /^arn:aws[a-z-]*:(acm:[a-z0-9-]+:\d{12}:certificate\/[A-Za-z0-9-]+|iam::\d{12}:server-certificate\/[\w+=,.@/-]+)$/;

/** Elastic Load Balancing TLS security policy names (predefined `ELBSecurityPolicy-*` policies). */
export const LOAD_BALANCER_SSL_POLICY_PATTERN = /^ELBSecurityPolicy-[A-Za-z0-9-]+$/;

/**
 * Access-log prefixes: S3 key characters safe in any tool, `/`-separated, without leading or
 * trailing `/`. Elastic Load Balancing refuses prefixes containing `AWSLogs`
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html).
 */
export const LOAD_BALANCER_LOG_PREFIX_PATTERN = /^[A-Za-z0-9!_.*'()-]+(\/[A-Za-z0-9!_.*'()-]+)*$/;

const CERTIFICATE_WHAT = "an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>) or an IAM server certificate ARN";
const BUCKET_WHAT = "an S3 bucket name (3 to 63 lowercase letters, digits, `.` and `-`; not an ARN)";

/** Throws unless `value` is absent, a string, or an Output or Promise (checked when it resolves). */
function checkInputString(arg: string, value: unknown): void {
  if (value !== undefined && typeof value !== "string" && !isDeferred(value)) {
    throw new Error(`\`${arg}\` must be a string or an Output of one, got ${describeReceived(value)}.`);
  }
}

/** {@link BeanstalkLoadBalancer} with its defaults applied and its Outputs checked when they resolve. */
export interface PlannedLoadBalancer {
  /** Certificate of the HTTPS listener, if any. */
  certificateArn?: pulumi.Input<string>;
  /** TLS policy of the HTTPS listener. */
  sslPolicy: string;
  /** Whether the port 80 HTTP listener stays on. */
  keepHttpListener: boolean;
  /** Access-log destination, if any. */
  accessLogs?: {
    /** Name of the log bucket. */
    bucketName: pulumi.Input<string>;
    /** Key prefix of the log objects. */
    prefix: string;
  };
}

/**
 * Validates `loadBalancer` (plain values now; a certificate ARN or bucket name given as an Output
 * when it resolves). Throws a plain `Error` naming the arg.
 */
export function validateLoadBalancer(lb: BeanstalkLoadBalancer | undefined, environmentType: string): void {
  if (lb === undefined) return;
  if (environmentType !== "LoadBalanced") {
    throw new Error(
      `\`loadBalancer\` applies to \`environmentType: "LoadBalanced"\` only (a ${environmentType} environment has no load balancer); remove it or set \`environmentType: "LoadBalanced"\`.`,
    );
  }
  checkInputString("loadBalancer.certificateArn", lb.certificateArn);
  checkArnArg("loadBalancer.certificateArn", lb.certificateArn, LOAD_BALANCER_CERTIFICATE_ARN_PATTERN, CERTIFICATE_WHAT);
  if (lb.sslPolicy !== undefined) {
    if (lb.certificateArn === undefined) {
      throw new Error("`loadBalancer.sslPolicy` needs `loadBalancer.certificateArn`: it is the TLS policy of the HTTPS listener.");
    }
    if (!LOAD_BALANCER_SSL_POLICY_PATTERN.test(lb.sslPolicy)) {
      throw new Error(
        `\`loadBalancer.sslPolicy\` must name an Elastic Load Balancing security policy such as "${DEFAULT_BEANSTALK_SSL_POLICY}", got "${lb.sslPolicy}".`,
      );
    }
  }
  if (lb.keepHttpListener === false && lb.certificateArn === undefined) {
    throw new Error(
      "`loadBalancer.keepHttpListener: false` needs `loadBalancer.certificateArn`: without an HTTPS listener the load balancer would have no listener at all.",
    );
  }
  const logs = lb.accessLogs;
  if (logs === undefined) return;
  checkInputString("loadBalancer.accessLogs.bucketName", logs.bucketName);
  checkArnArg("loadBalancer.accessLogs.bucketName", logs.bucketName, S3_BUCKET_NAME_PATTERN, BUCKET_WHAT);
  if (logs.prefix !== undefined && (!LOAD_BALANCER_LOG_PREFIX_PATTERN.test(logs.prefix) || /AWSLogs/i.test(logs.prefix))) {
    throw new Error(
      `\`loadBalancer.accessLogs.prefix\` must be "/"-separated letters, digits and !_.*'()- without a leading or trailing "/", and must not contain "AWSLogs" (Elastic Load Balancing adds it), got "${logs.prefix}".`,
    );
  }
}

/** `loadBalancer` with defaults; Outputs are checked when they resolve (a bad value fails the environment). */
export function planLoadBalancer(lb: BeanstalkLoadBalancer | undefined, environmentName: string): PlannedLoadBalancer | undefined {
  if (lb === undefined) return undefined;
  const https = lb.certificateArn !== undefined;
  return {
    certificateArn: checkedInput<string>(
      lb.certificateArn,
      arnProblem("loadBalancer.certificateArn", LOAD_BALANCER_CERTIFICATE_ARN_PATTERN, CERTIFICATE_WHAT),
    ),
    sslPolicy: lb.sslPolicy ?? DEFAULT_BEANSTALK_SSL_POLICY,
    keepHttpListener: lb.keepHttpListener ?? !https,
    accessLogs: lb.accessLogs && {
      bucketName: checkedInput(
        lb.accessLogs.bucketName,
        arnProblem("loadBalancer.accessLogs.bucketName", S3_BUCKET_NAME_PATTERN, BUCKET_WHAT),
      ),
      prefix: lb.accessLogs.prefix ?? environmentName,
    },
  };
}

/** The option settings of a planned load balancer: the HTTPS listener, the HTTP listener switch and access logs. */
export function loadBalancerSettings(p: PlannedLoadBalancer): { namespace: string; name: string; value: pulumi.Input<string> }[] {
  const { loadBalancer, httpListener, httpsListener } = LOAD_BALANCER_NAMESPACES;
  const s = (namespace: string, name: string, value: pulumi.Input<string>) => ({ namespace, name, value });
  const out = [];
  if (p.certificateArn !== undefined) {
    out.push(
      s(httpsListener, "ListenerEnabled", "true"),
      s(httpsListener, "Protocol", "HTTPS"),
      s(httpsListener, "SSLCertificateArns", p.certificateArn),
      s(httpsListener, "SSLPolicy", p.sslPolicy),
    );
  }
  if (!p.keepHttpListener) out.push(s(httpListener, "ListenerEnabled", "false"));
  if (p.accessLogs) {
    out.push(
      s(loadBalancer, "AccessLogsS3Enabled", "true"),
      s(loadBalancer, "AccessLogsS3Bucket", p.accessLogs.bucketName),
      s(loadBalancer, "AccessLogsS3Prefix", p.accessLogs.prefix),
    );
  }
  return out;
}
