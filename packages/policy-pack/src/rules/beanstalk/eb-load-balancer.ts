import { resourceRule } from "../rule";
import { BEANSTALK_TYPES, fromTemplate, settingOf } from "./settings";

const ENV = "aws:elasticbeanstalk:environment";

/** True for a load-balanced environment with an Application Load Balancer (the only type these rules read). */
function applicationLoadBalanced(props: Record<string, any>): boolean {
  return settingOf(props, ENV, "EnvironmentType") === "LoadBalanced" && settingOf(props, ENV, "LoadBalancerType") === "application";
}

/**
 * Access logs of the environment's Application Load Balancer (Security Hub ELB.5).
 * https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/command-options-general.html#command-options-general-elbv2
 */
export const ebLoadBalancerAccessLogs = resourceRule(
  {
    id: "aws-cicd-eb-load-balancer-access-logs",
    service: "beanstalk",
    description:
      "Load-balanced Elastic Beanstalk environments with an Application Load Balancer deliver its access logs to S3 (aws:elbv2:loadbalancer AccessLogsS3Enabled).",
    severity: "medium",
    remediation: "Set aws:elbv2:loadbalancer AccessLogsS3Enabled to true and AccessLogsS3Bucket to a log bucket.",
    tier: "strict",
    references: { securityHub: ["ELB.5"], checkov: ["CKV_AWS_91"] },
    preview:
      "Judges the environment's option settings (known in preview unless built from outputs). Classic and Network Load Balancers, and deletion protection (not an option setting of Elastic Beanstalk), are not judged.",
  },
  BEANSTALK_TYPES,
  (props, report) => {
    if (!applicationLoadBalanced(props) || fromTemplate(props, "aws:elbv2:loadbalancer", "AccessLogsS3Enabled")) return;
    if (settingOf(props, "aws:elbv2:loadbalancer", "AccessLogsS3Enabled") !== "true")
      report("Elastic Beanstalk load balancer does not deliver access logs (`aws:elbv2:loadbalancer` `AccessLogsS3Enabled`).");
  },
);

/**
 * HTTPS on the environment's Application Load Balancer, with the HTTP listener off (Security Hub ELB.1).
 * https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/configuring-https-elb.html
 */
export const ebLoadBalancerHttps = resourceRule(
  {
    id: "aws-cicd-eb-load-balancer-https",
    service: "beanstalk",
    description:
      "Load-balanced Elastic Beanstalk environments with an Application Load Balancer serve HTTPS (an `aws:elbv2:listener:443` HTTPS listener) and turn the plain HTTP listener off (`aws:elbv2:listener:default` ListenerEnabled false).",
    severity: "high",
    remediation:
      "Add aws:elbv2:listener:443 Protocol HTTPS with SSLCertificateArns, and set aws:elbv2:listener:default ListenerEnabled to false (or redirect it to HTTPS with a listener rule).",
    tier: "strict",
    references: { securityHub: ["ELB.1"], checkov: ["CKV2_AWS_20"] },
    preview:
      "Judges the environment's option settings (known in preview unless built from outputs). A redirect written as an .ebextensions listener rule is not visible to the pack: record a waiver.",
  },
  BEANSTALK_TYPES,
  (props, report) => {
    if (!applicationLoadBalanced(props)) return;
    if (!fromTemplate(props, "aws:elbv2:listener:443", "Protocol") && settingOf(props, "aws:elbv2:listener:443", "Protocol") !== "HTTPS")
      report("Elastic Beanstalk load balancer has no HTTPS listener (`aws:elbv2:listener:443` `Protocol` HTTPS).");
    if (
      !fromTemplate(props, "aws:elbv2:listener:default", "ListenerEnabled") &&
      settingOf(props, "aws:elbv2:listener:default", "ListenerEnabled") !== "false"
    )
      report("Elastic Beanstalk load balancer keeps the plain HTTP listener on (`aws:elbv2:listener:default` `ListenerEnabled`).");
  },
);
