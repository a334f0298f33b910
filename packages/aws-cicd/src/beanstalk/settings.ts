import * as pulumi from "@pulumi/pulumi";
import { BeanstalkOptionSetting, BeanstalkVpc } from "./beanstalk-target-args";
import { LOAD_BALANCER_NAMESPACES, loadBalancerSettings, PlannedLoadBalancer } from "./load-balancer";
import { checkedPlaintextValue, checkPlaintextValueNow, PlaintextValueCheck } from "../codebuild/plaintext-secrets";
import { describeReceived } from "../internal/types";

/** One option setting as `aws.elasticbeanstalk.Environment` takes it. */
export interface BeanstalkEnvironmentSetting {
  /** Option namespace, e.g. `aws:elasticbeanstalk:environment`. */
  namespace: string;
  /** Option name within the namespace, e.g. `EnvironmentType`. */
  name: string;
  /** Option value, always a string. */
  value: pulumi.Input<string>;
  /** Resource name, only for namespaces that take one (e.g. `aws:autoscaling:scheduledaction`). */
  resource?: string;
}

/** Option namespaces (selected) used by the component. */
export const BEANSTALK_NAMESPACES = {
  /** Environment type, service role and load balancer type. */
  environment: "aws:elasticbeanstalk:environment",
  /** Instance launch settings: instance profile, IMDS and root volume. */
  launch: "aws:autoscaling:launchconfiguration",
  /** EC2 instance types. */
  instances: "aws:ec2:instances",
  /** Auto Scaling group size. */
  asg: "aws:autoscaling:asg",
  /** Deployment policy. */
  command: "aws:elasticbeanstalk:command",
  /** Health reporting system (enhanced). */
  health: "aws:elasticbeanstalk:healthreporting:system",
  /** Managed platform updates. */
  managed: "aws:elasticbeanstalk:managedactions",
  /** Level of managed platform updates. */
  platformUpdate: "aws:elasticbeanstalk:managedactions:platformupdate",
  /** Streaming of instance logs to CloudWatch Logs. */
  logs: "aws:elasticbeanstalk:cloudwatch:logs",
  /** Streaming of health events to CloudWatch Logs. */
  healthLogs: "aws:elasticbeanstalk:cloudwatch:logs:health",
  /** Publication of rotated logs to S3. */
  hostManager: "aws:elasticbeanstalk:hostmanager",
  /** VPC, subnets and public IP addresses. */
  vpc: "aws:ec2:vpc",
  ...LOAD_BALANCER_NAMESPACES,
  /** Environment variables. */
  variables: "aws:elasticbeanstalk:application:environment",
  /** Environment secrets resolved from Parameter Store or Secrets Manager. */
  secrets: "aws:elasticbeanstalk:application:environmentsecrets",
} as const;

const key = (namespace: string, name: string) => `${namespace} ${name}`;

/**
 * Settings that keep the environment secure, each with what it protects. `settings` may
 * replace them only with `allowInsecureSettingOverrides: true`.
 */
export const BEANSTALK_SECURE_SETTINGS: Record<string, string> = {
  [key(BEANSTALK_NAMESPACES.launch, "DisableIMDSv1")]: "IMDSv2 only, EC2.8",
  [key(BEANSTALK_NAMESPACES.launch, "IamInstanceProfile")]: "the least-privilege instance profile",
  [key(BEANSTALK_NAMESPACES.environment, "ServiceRole")]: "the environment's service role",
  [key(BEANSTALK_NAMESPACES.health, "SystemType")]: "enhanced health reporting, ElasticBeanstalk.1",
  [key(BEANSTALK_NAMESPACES.managed, "ManagedActionsEnabled")]: "managed platform updates, ElasticBeanstalk.2",
  [key(BEANSTALK_NAMESPACES.managed, "ServiceRoleForManagedUpdates")]: "the role managed updates run with",
  [key(BEANSTALK_NAMESPACES.logs, "StreamLogs")]: "log streaming to CloudWatch, ElasticBeanstalk.3",
  [key(BEANSTALK_NAMESPACES.logs, "DeleteOnTerminate")]: "logs kept after the environment is terminated",
  [key(BEANSTALK_NAMESPACES.healthLogs, "HealthStreamingEnabled")]: "health event streaming to CloudWatch",
  [key(BEANSTALK_NAMESPACES.healthLogs, "DeleteOnTerminate")]: "health logs kept after the environment is terminated",
  [key(BEANSTALK_NAMESPACES.hostManager, "LogPublicationControl")]: "instance log publication to S3, EB4",
};

/** Settings written from a typed arg: `settings` may not set them. */
export const BEANSTALK_TYPED_SETTINGS: Record<string, string> = {
  [key(BEANSTALK_NAMESPACES.environment, "EnvironmentType")]: "environmentType",
  [key(BEANSTALK_NAMESPACES.environment, "LoadBalancerType")]: "environmentType",
  [key(BEANSTALK_NAMESPACES.instances, "InstanceTypes")]: "instanceType",
  [key(BEANSTALK_NAMESPACES.launch, "InstanceType")]: "instanceType",
  [key(BEANSTALK_NAMESPACES.asg, "MinSize")]: "minSize",
  [key(BEANSTALK_NAMESPACES.asg, "MaxSize")]: "maxSize",
  [key(BEANSTALK_NAMESPACES.command, "DeploymentPolicy")]: "deploymentPolicy",
  [key(BEANSTALK_NAMESPACES.managed, "PreferredStartTime")]: "managedUpdates.preferredStartTime",
  [key(BEANSTALK_NAMESPACES.platformUpdate, "UpdateLevel")]: "managedUpdates.updateLevel",
  [key(BEANSTALK_NAMESPACES.logs, "RetentionInDays")]: "logRetentionInDays",
  [key(BEANSTALK_NAMESPACES.healthLogs, "RetentionInDays")]: "logRetentionInDays",
  [key(BEANSTALK_NAMESPACES.vpc, "VPCId")]: "vpc",
  [key(BEANSTALK_NAMESPACES.vpc, "Subnets")]: "vpc",
  [key(BEANSTALK_NAMESPACES.vpc, "ELBSubnets")]: "vpc",
  [key(BEANSTALK_NAMESPACES.vpc, "AssociatePublicIpAddress")]: "vpc",
  [key(BEANSTALK_NAMESPACES.httpsListener, "ListenerEnabled")]: "loadBalancer.certificateArn",
  [key(BEANSTALK_NAMESPACES.httpsListener, "Protocol")]: "loadBalancer.certificateArn",
  [key(BEANSTALK_NAMESPACES.httpsListener, "SSLCertificateArns")]: "loadBalancer.certificateArn",
  [key(BEANSTALK_NAMESPACES.httpsListener, "SSLPolicy")]: "loadBalancer.sslPolicy",
  [key(BEANSTALK_NAMESPACES.httpListener, "ListenerEnabled")]: "loadBalancer.keepHttpListener",
  [key(BEANSTALK_NAMESPACES.loadBalancer, "AccessLogsS3Enabled")]: "loadBalancer.accessLogs",
  [key(BEANSTALK_NAMESPACES.loadBalancer, "AccessLogsS3Bucket")]: "loadBalancer.accessLogs",
  [key(BEANSTALK_NAMESPACES.loadBalancer, "AccessLogsS3Prefix")]: "loadBalancer.accessLogs",
};

/** Namespaces filled from typed args. */
export const BEANSTALK_TYPED_NAMESPACES: Record<string, string> = {
  [BEANSTALK_NAMESPACES.variables]: "environmentVariables",
  [BEANSTALK_NAMESPACES.secrets]: "secrets",
};

/** Namespace format: `aws:` then a service and at least one more colon-separated part. */
export const BEANSTALK_NAMESPACE_PATTERN = /^aws:[a-z0-9]+(:[A-Za-z0-9_.-]+)+$/;

/** How the value of `settings[i]` is checked for credentials (`allowPlaintext` opts out). */
export function settingCheck(s: BeanstalkOptionSetting, i: number): PlaintextValueCheck {
  return {
    arg: `settings[${i}].value`,
    name: s.name,
    fix: "store it in SSM Parameter Store or Secrets Manager and pass it in `secrets`, or set `allowPlaintext: true` on the setting if it is not a secret.",
    allowPlaintext: s.allowPlaintext === true,
  };
}

/** Validates `settings`; throws a plain `Error` naming the offending entry. */
export function validateBeanstalkSettings(settings: BeanstalkOptionSetting[], allowInsecure: boolean): void {
  const seen = new Set<string>();
  settings.forEach((s, i) => {
    const at = `\`settings[${i}]\``;
    if (typeof s.namespace !== "string" || !BEANSTALK_NAMESPACE_PATTERN.test(s.namespace)) {
      throw new Error(
        `${at} namespace must look like "aws:<service>:<section>", e.g. "aws:elasticbeanstalk:environment:process:default", got "${s.namespace}".`,
      );
    }
    if (typeof s.name !== "string" || !/^\S+$/.test(s.name)) {
      throw new Error(`${at} name must be a non-empty option name without spaces, got "${s.name}".`);
    }
    const v: unknown = s.value;
    if (typeof v !== "string" && !pulumi.Output.isInstance(v) && !(v instanceof Promise)) {
      throw new Error(`${at} value must be a string (write "${String(v)}" in quotes), got ${typeof v}.`);
    }
    if (s.allowPlaintext !== undefined && typeof s.allowPlaintext !== "boolean") {
      throw new Error(`\`settings[${i}].allowPlaintext\` must be true or false, got ${describeReceived(s.allowPlaintext)}.`);
    }
    // An Output is checked when it resolves (checkedSettingValue): here only the option name.
    checkPlaintextValueNow(s.value, settingCheck(s, i));
    if (s.resource !== undefined && s.namespace !== "aws:autoscaling:scheduledaction") {
      throw new Error(`${at} resource applies to the "aws:autoscaling:scheduledaction" namespace only, got namespace "${s.namespace}".`);
    }
    const arg = BEANSTALK_TYPED_NAMESPACES[s.namespace];
    if (arg) throw new Error(`${at} must not use namespace "${s.namespace}"; use \`${arg}\` instead.`);
    const k = key(s.namespace, s.name);
    const typed = BEANSTALK_TYPED_SETTINGS[k];
    if (typed) throw new Error(`${at} must not set ${s.namespace} ${s.name}; use \`${typed}\` instead.`);
    const secure = BEANSTALK_SECURE_SETTINGS[k];
    if (secure && !allowInsecure) {
      throw new Error(
        `${at} must not replace ${s.namespace} ${s.name}, which keeps ${secure}; set \`allowInsecureSettingOverrides: true\` to replace it.`,
      );
    }
    const id = `${k} ${s.resource ?? ""}`;
    if (seen.has(id)) throw new Error(`${at} sets ${s.namespace} ${s.name} a second time.`);
    seen.add(id);
  });
}

/** Everything {@link buildBeanstalkOptionSettings} needs, with defaults already applied. */
export interface BeanstalkSettingsPlan {
  /** Single instance or load balanced (Application Load Balancer). */
  environmentType: "SingleInstance" | "LoadBalanced";
  /** EC2 instance type. */
  instanceType: string;
  /** Minimum Auto Scaling group size (load balanced only). */
  minSize: number;
  /** Maximum Auto Scaling group size (load balanced only). */
  maxSize: number;
  /** Deployment policy, e.g. `Immutable`. */
  deploymentPolicy: string;
  /** Name of the instance profile of the environment's instances. */
  instanceProfileName: pulumi.Input<string>;
  /** ARN of the service role, also used for managed updates. */
  serviceRoleArn: pulumi.Input<string>;
  /** Retention of the instance and health log groups, in days. */
  logRetentionInDays: number;
  /** Weekly window start of managed platform updates. */
  preferredStartTime: string;
  /** Level of managed platform updates (`minor` or `patch`). */
  updateLevel: string;
  /** EBS volume type of the instances' root volumes, e.g. `gp3`. */
  rootVolumeType: string;
  /** VPC placement; when absent, the default VPC. */
  vpc?: BeanstalkVpc;
  /** HTTPS and access logs of the load balancer (`LoadBalanced` only). */
  loadBalancer?: PlannedLoadBalancer;
  /** Environment variables by name. */
  environmentVariables: Record<string, pulumi.Input<string>>;
  /** Variable name to the ARN Elastic Beanstalk resolves. */
  secrets: Record<string, pulumi.Input<string>>;
  /** Further option settings, replacing computed ones with the same key. */
  extra: BeanstalkOptionSetting[];
}

const joined = (ids: pulumi.Input<string>[]) => pulumi.all(ids).apply((a) => a.join(","));

/** The complete option settings list: secure settings first, then typed args, then `extra`. */
export function buildBeanstalkOptionSettings(p: BeanstalkSettingsPlan): BeanstalkEnvironmentSetting[] {
  const s = (namespace: string, name: string, value: pulumi.Input<string>): BeanstalkEnvironmentSetting => ({ namespace, name, value });
  const lb = p.environmentType === "LoadBalanced";
  const retention = String(p.logRetentionInDays);
  const out: BeanstalkEnvironmentSetting[] = [
    s(BEANSTALK_NAMESPACES.environment, "EnvironmentType", p.environmentType),
    s(BEANSTALK_NAMESPACES.environment, "ServiceRole", p.serviceRoleArn),
    ...(lb ? [s(BEANSTALK_NAMESPACES.environment, "LoadBalancerType", "application")] : []),
    s(BEANSTALK_NAMESPACES.launch, "IamInstanceProfile", p.instanceProfileName),
    s(BEANSTALK_NAMESPACES.launch, "DisableIMDSv1", "true"),
    s(BEANSTALK_NAMESPACES.launch, "RootVolumeType", p.rootVolumeType),
    s(BEANSTALK_NAMESPACES.instances, "InstanceTypes", p.instanceType),
    ...(lb ? [s(BEANSTALK_NAMESPACES.asg, "MinSize", String(p.minSize)), s(BEANSTALK_NAMESPACES.asg, "MaxSize", String(p.maxSize))] : []),
    s(BEANSTALK_NAMESPACES.command, "DeploymentPolicy", p.deploymentPolicy),
    s(BEANSTALK_NAMESPACES.health, "SystemType", "enhanced"),
    s(BEANSTALK_NAMESPACES.managed, "ManagedActionsEnabled", "true"),
    s(BEANSTALK_NAMESPACES.managed, "PreferredStartTime", p.preferredStartTime),
    s(BEANSTALK_NAMESPACES.managed, "ServiceRoleForManagedUpdates", p.serviceRoleArn),
    s(BEANSTALK_NAMESPACES.platformUpdate, "UpdateLevel", p.updateLevel),
    s(BEANSTALK_NAMESPACES.logs, "StreamLogs", "true"),
    s(BEANSTALK_NAMESPACES.logs, "DeleteOnTerminate", "false"),
    s(BEANSTALK_NAMESPACES.logs, "RetentionInDays", retention),
    s(BEANSTALK_NAMESPACES.healthLogs, "HealthStreamingEnabled", "true"),
    s(BEANSTALK_NAMESPACES.healthLogs, "DeleteOnTerminate", "false"),
    s(BEANSTALK_NAMESPACES.healthLogs, "RetentionInDays", retention),
    s(BEANSTALK_NAMESPACES.hostManager, "LogPublicationControl", "true"),
  ];
  if (p.vpc) {
    out.push(s(BEANSTALK_NAMESPACES.vpc, "VPCId", p.vpc.vpcId), s(BEANSTALK_NAMESPACES.vpc, "Subnets", joined(p.vpc.instanceSubnetIds)));
    if (p.vpc.loadBalancerSubnetIds) out.push(s(BEANSTALK_NAMESPACES.vpc, "ELBSubnets", joined(p.vpc.loadBalancerSubnetIds)));
    if (p.vpc.associatePublicIpAddress !== undefined)
      out.push(s(BEANSTALK_NAMESPACES.vpc, "AssociatePublicIpAddress", String(p.vpc.associatePublicIpAddress)));
  }
  if (lb && p.loadBalancer) out.push(...loadBalancerSettings(p.loadBalancer));
  for (const [name, value] of Object.entries(p.environmentVariables)) out.push(s(BEANSTALK_NAMESPACES.variables, name, value));
  // Values given as Outputs are checked when they resolve (a `pulumi.secret` or a credential fails the deployment).
  for (const [name, arn] of Object.entries(p.secrets)) out.push(s(BEANSTALK_NAMESPACES.secrets, name, arn));
  for (const [index, given] of p.extra.entries()) {
    const e = { ...given, value: checkedPlaintextValue(given.value, settingCheck(given, index)) };
    const i = out.findIndex((o) => o.namespace === e.namespace && o.name === e.name && o.resource === e.resource);
    const setting: BeanstalkEnvironmentSetting =
      e.resource === undefined ? s(e.namespace, e.name, e.value) : { ...s(e.namespace, e.name, e.value), resource: e.resource };
    if (i >= 0) out[i] = setting;
    else out.push(setting);
  }
  return out;
}
