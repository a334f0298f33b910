// BeanstalkTarget `loadBalancer`: HTTPS listener, the HTTP listener switch and access logs, as option
// settings; bad values refused before any child exists (Outputs when they resolve); and what the
// policy pack's load-balancer rules then judge.
import * as pulumi from "@pulumi/pulumi";
import { ResourceValidationPolicy } from "@pulumi/policy";
import { expect } from "chai";
import { BeanstalkTarget } from "../../packages/aws-cicd/src/beanstalk";
import { ebLoadBalancerAccessLogs, ebLoadBalancerHttps } from "../../packages/policy-pack/src/rules/beanstalk/eb-load-balancer";
import { findResource, recorded, settle, unwrap } from "../harness";
import { failedRegistrations } from "../harness/rejections";
import { resourceArgs } from "../policy-pack/fake-args";

const ENV = "aws:elasticbeanstalk/environment:Environment";
const CERT = "arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
const LB_NAMESPACES = ["aws:elbv2:listener:443", "aws:elbv2:listener:default", "aws:elbv2:loadbalancer"];

/** The environment's load balancer settings as `namespace name=value` lines. */
function lbSettings(resource = "web-environment"): string[] {
  return findResource(ENV, resource)
    .inputs.settings.filter((s: any) => LB_NAMESPACES.includes(s.namespace))
    .map((s: any) => `${s.namespace} ${s.name}=${s.value}`);
}

async function deployed(t: BeanstalkTarget): Promise<void> {
  await unwrap(t.endpointUrl);
  await settle();
}

/** Messages of the pack's two load-balancer rules for the recorded environment. */
async function packFindings(resource = "web-environment"): Promise<string[]> {
  const env = findResource(ENV, resource);
  const out: string[] = [];
  for (const rule of [ebLoadBalancerHttps, ebLoadBalancerAccessLogs]) {
    const validate = (rule as ResourceValidationPolicy).validateResource;
    for (const v of [validate ?? []].flat()) await v(resourceArgs(ENV, env.inputs, {}, resource), (m: string) => out.push(m));
  }
  return out;
}

const HTTPS = [
  "aws:elbv2:listener:443 ListenerEnabled=true",
  "aws:elbv2:listener:443 Protocol=HTTPS",
  `aws:elbv2:listener:443 SSLCertificateArns=${CERT}`,
  "aws:elbv2:listener:443 SSLPolicy=ELBSecurityPolicy-TLS13-1-2-2021-06",
];

describe("BeanstalkTarget loadBalancer", () => {
  it("adds an HTTPS listener with the TLS 1.3 policy, turns HTTP off and delivers access logs under the environment name", async () => {
    const t = new BeanstalkTarget("web", {
      environmentType: "LoadBalanced",
      loadBalancer: { certificateArn: CERT, accessLogs: { bucketName: "central-logs-123" } },
    });
    await deployed(t);
    expect(lbSettings()).to.deep.equal([
      ...HTTPS,
      "aws:elbv2:listener:default ListenerEnabled=false",
      "aws:elbv2:loadbalancer AccessLogsS3Enabled=true",
      "aws:elbv2:loadbalancer AccessLogsS3Bucket=central-logs-123",
      "aws:elbv2:loadbalancer AccessLogsS3Prefix=aws-cicd-test-test-web",
    ]);
    expect(await packFindings()).to.deep.equal([]);
  });

  it("takes a TLS policy, keeps HTTP when asked, and a log prefix", async () => {
    const t = new BeanstalkTarget("web", {
      environmentType: "LoadBalanced",
      loadBalancer: {
        certificateArn: pulumi.output(CERT),
        sslPolicy: "ELBSecurityPolicy-TLS13-1-3-2021-06",
        keepHttpListener: true,
        accessLogs: { bucketName: pulumi.output("central-logs-123"), prefix: "alb/prod" },
      },
    });
    await deployed(t);
    expect(lbSettings()).to.deep.equal([
      ...HTTPS.slice(0, 3),
      "aws:elbv2:listener:443 SSLPolicy=ELBSecurityPolicy-TLS13-1-3-2021-06",
      "aws:elbv2:loadbalancer AccessLogsS3Enabled=true",
      "aws:elbv2:loadbalancer AccessLogsS3Bucket=central-logs-123",
      "aws:elbv2:loadbalancer AccessLogsS3Prefix=alb/prod",
    ]);
    expect(await packFindings()).to.deep.equal([
      "Elastic Beanstalk load balancer keeps the plain HTTP listener on (`aws:elbv2:listener:default` `ListenerEnabled`).",
    ]);
  });

  it("with access logs only, keeps the HTTP listener (the only one) and the pack reports the missing HTTPS", async () => {
    const t = new BeanstalkTarget("web", { environmentType: "LoadBalanced", loadBalancer: { accessLogs: { bucketName: "logs-1" } } });
    await deployed(t);
    expect(lbSettings()).to.deep.equal([
      "aws:elbv2:loadbalancer AccessLogsS3Enabled=true",
      "aws:elbv2:loadbalancer AccessLogsS3Bucket=logs-1",
      "aws:elbv2:loadbalancer AccessLogsS3Prefix=aws-cicd-test-test-web",
    ]);
    expect(await packFindings()).to.deep.equal([
      "Elastic Beanstalk load balancer has no HTTPS listener (`aws:elbv2:listener:443` `Protocol` HTTPS).",
      "Elastic Beanstalk load balancer keeps the plain HTTP listener on (`aws:elbv2:listener:default` `ListenerEnabled`).",
    ]);
  });

  it("without loadBalancer sets none of these settings", async () => {
    await deployed(new BeanstalkTarget("web", { environmentType: "LoadBalanced" }));
    expect(lbSettings()).to.deep.equal([]);
    expect(await packFindings()).to.have.length(3);
  });

  it("refuses the same options through `settings`, naming the typed arg", () => {
    expect(
      () =>
        new BeanstalkTarget("web", {
          environmentType: "LoadBalanced",
          settings: [{ namespace: "aws:elbv2:listener:443", name: "SSLCertificateArns", value: CERT }],
        }),
    ).to.throw("`settings[0]` must not set aws:elbv2:listener:443 SSLCertificateArns; use `loadBalancer.certificateArn` instead.");
    expect(
      () =>
        new BeanstalkTarget("web", {
          environmentType: "LoadBalanced",
          settings: [{ namespace: "aws:elbv2:loadbalancer", name: "AccessLogsS3Bucket", value: "logs-1" }],
        }),
    ).to.throw("`settings[0]` must not set aws:elbv2:loadbalancer AccessLogsS3Bucket; use `loadBalancer.accessLogs` instead.");
  });

  describe("bad input, refused before any child exists", () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [
        "on a single instance",
        { loadBalancer: { certificateArn: CERT } },
        '`loadBalancer` applies to `environmentType: "LoadBalanced"` only (a SingleInstance environment has no load balancer); remove it or set `environmentType: "LoadBalanced"`.',
      ],
      [
        "a certificate id instead of an ARN",
        { environmentType: "LoadBalanced", loadBalancer: { certificateArn: "0f1e2d3c-4b5a" } },
        '`loadBalancer.certificateArn` must be an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>) or an IAM server certificate ARN, got "0f1e2d3c-4b5a".',
      ],
      [
        "a TLS policy without a certificate",
        { environmentType: "LoadBalanced", loadBalancer: { sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" } },
        "`loadBalancer.sslPolicy` needs `loadBalancer.certificateArn`: it is the TLS policy of the HTTPS listener.",
      ],
      [
        "a made-up TLS policy",
        { environmentType: "LoadBalanced", loadBalancer: { certificateArn: CERT, sslPolicy: "TLS1.3" } },
        '`loadBalancer.sslPolicy` must name an Elastic Load Balancing security policy such as "ELBSecurityPolicy-TLS13-1-2-2021-06", got "TLS1.3".',
      ],
      [
        "no listener at all",
        { environmentType: "LoadBalanced", loadBalancer: { keepHttpListener: false } },
        "`loadBalancer.keepHttpListener: false` needs `loadBalancer.certificateArn`: without an HTTPS listener the load balancer would have no listener at all.",
      ],
      [
        "a bucket ARN for the log bucket",
        { environmentType: "LoadBalanced", loadBalancer: { accessLogs: { bucketName: "arn:aws:s3:::logs" } } },
        '`loadBalancer.accessLogs.bucketName` must be an S3 bucket name (3 to 63 lowercase letters, digits, `.` and `-`; not an ARN), got "arn:aws:s3:::logs".',
      ],
      [
        "a prefix with AWSLogs",
        { environmentType: "LoadBalanced", loadBalancer: { accessLogs: { bucketName: "logs-1", prefix: "x/AWSLogs" } } },
        '`loadBalancer.accessLogs.prefix` must be "/"-separated letters, digits and !_.*\'()- without a leading or trailing "/", and must not contain "AWSLogs" (Elastic Load Balancing adds it), got "x/AWSLogs".',
      ],
      [
        "a prefix with a leading slash",
        { environmentType: "LoadBalanced", loadBalancer: { accessLogs: { bucketName: "logs-1", prefix: "/alb" } } },
        '`loadBalancer.accessLogs.prefix` must be "/"-separated letters, digits and !_.*\'()- without a leading or trailing "/", and must not contain "AWSLogs" (Elastic Load Balancing adds it), got "/alb".',
      ],
      [
        "access logs without a bucket",
        { environmentType: "LoadBalanced", loadBalancer: { accessLogs: {} } },
        "`loadBalancer.accessLogs.bucketName` is required when `loadBalancer.accessLogs` is given, got nothing; add it or leave `loadBalancer.accessLogs` out.",
      ],
      [
        "a string for keepHttpListener",
        { environmentType: "LoadBalanced", loadBalancer: { certificateArn: CERT, keepHttpListener: "no" } },
        '`loadBalancer.keepHttpListener` must be true or false, got the string "no"; pass a boolean, not a string or number.',
      ],
      [
        "a number for the certificate",
        { environmentType: "LoadBalanced", loadBalancer: { certificateArn: 42 } },
        "`loadBalancer.certificateArn` must be a string or an Output of one, got the number 42.",
      ],
    ];
    for (const [what, args, message] of cases) {
      it(what, () => {
        expect(() => new BeanstalkTarget("web", args as never)).to.throw(message);
        expect(recorded).to.deep.equal([]);
      });
    }

    it("a certificate id given as an Output fails the environment when it resolves", async () => {
      const failures = await failedRegistrations(
        () => new BeanstalkTarget("web", { environmentType: "LoadBalanced", loadBalancer: { certificateArn: pulumi.output("0f1e2d3c") } }),
      );
      expect(failures.length).to.be.at.least(1);
      for (const f of failures) {
        expect(f).to.include(
          '`loadBalancer.certificateArn` must be an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>) or an IAM server certificate ARN, got "0f1e2d3c".',
        );
      }
      expect(recorded.map((r) => r.type)).to.not.include(ENV);
    });
  });
});
