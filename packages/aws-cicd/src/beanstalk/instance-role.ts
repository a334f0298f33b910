import * as pulumi from "@pulumi/pulumi";
import { viaService } from "../security/encryption-key";
import { AwsContext, PolicyStatement } from "../security/iam";
import {
  beanstalkArn,
  beanstalkBucketArn,
  INSTANCE_BUNDLE_READ_ACTIONS,
  INSTANCE_HEALTH_ACTIONS,
  INSTANCE_LOG_PUBLICATION_ACTIONS,
  INSTANCE_LOG_STREAMING_ACTIONS,
  INSTANCE_SECRET_ACTIONS,
  INSTANCE_SECRET_KEY_ACTIONS,
  INSTANCE_SSM_PARAMETER_ACTIONS,
} from "./policies";
import { interpolate } from "../internal/interpolate";

/** The `sts:ExternalId` Elastic Beanstalk sends when it assumes a service role (AWS documents this exact value). */
export const BEANSTALK_EXTERNAL_ID = "elasticbeanstalk";

/**
 * Service the instance role trusts: EC2 only, with no `aws:SourceAccount`/`aws:SourceArn`
 * condition: EC2 does not send them when an instance profile's role is assumed, so such a
 * condition would stop the instances from getting credentials. Who can attach the role to an
 * instance is controlled by `iam:PassRole` instead.
 */
export const BEANSTALK_INSTANCE_PRINCIPAL = "ec2.amazonaws.com";

/**
 * Service the service role trusts: Elastic Beanstalk, with the `sts:ExternalId` it always sends
 * ({@link BEANSTALK_EXTERNAL_ID}). Elastic Beanstalk does not document sending
 * `aws:SourceAccount`/`aws:SourceArn` when it assumes a service role, so none is required (a
 * missing key would fail the condition).
 */
export const BEANSTALK_SERVICE_PRINCIPAL = "elasticbeanstalk.amazonaws.com";

/** What the instance role statements depend on. */
export interface BeanstalkInstanceRoleScope {
  /** Account, partition and region the environment runs in. */
  ctx: AwsContext;
  /** Name of the environment's application. */
  applicationName: pulumi.Input<string>;
  /** Name of the environment. */
  environmentName: string;
  /** Parameter Store parameter ARNs of `secrets`. */
  ssmParameterArns: pulumi.Input<string>[];
  /** Secrets Manager secret ARNs of `secrets` (without a `:<jsonKey>` suffix). */
  secretArns: pulumi.Input<string>[];
  /** Key of the parameters and secrets, when customer managed. */
  keyArn?: pulumi.Input<string>;
}

/** Removes the `:<jsonKey>` suffix Elastic Beanstalk accepts after a secret ARN. */
export function secretResourceArn(arn: pulumi.Input<string>): pulumi.Output<string> {
  return pulumi.output(arn).apply((a) => a.split(":").slice(0, 7).join(":"));
}

/**
 * Least-privilege statements of the instance role, instead of the AWSElasticBeanstalkWebTier
 * managed policy (which allows `s3:Get*`/`s3:List*`/`s3:PutObject` on every
 * `elasticbeanstalk-*` bucket, X-Ray, and logs on every Beanstalk log group):
 * - stream logs only into this environment's log groups `/aws/elasticbeanstalk/<env>/*`;
 * - report enhanced health only for this application and environment;
 * - read staged bundles under `resources/environments/` of this account and region's
 *   Elastic Beanstalk bucket (the environment id in the key is not known before the
 *   environment exists, and the instances read the bundle while it is being created);
 * - (in {@link beanstalkInstanceLogStatements}, attached once the environment id is known) publish
 *   rotated logs only under this environment's `resources/environments/logs/<kind>/<env-id>/`;
 * - read exactly the parameters and secrets of `secrets`, and decrypt with their key
 *   only through SSM and Secrets Manager.
 */
export function beanstalkInstanceRoleStatements(s: BeanstalkInstanceRoleScope): PolicyStatement[] {
  const { ctx } = s;
  const statements: PolicyStatement[] = [
    {
      sid: "StreamLogsToEnvironmentLogGroups",
      actions: [...INSTANCE_LOG_STREAMING_ACTIONS],
      resources: [
        interpolate`arn:${ctx.partition}:logs:${ctx.region}:${ctx.accountId}:log-group:/aws/elasticbeanstalk/${s.environmentName}/*`,
      ],
    },
    {
      sid: "ReportEnhancedHealth",
      actions: [...INSTANCE_HEALTH_ACTIONS],
      resources: [
        beanstalkArn(ctx, s.applicationName, (n) => `application/${n}`),
        beanstalkArn(ctx, interpolate`environment/${s.applicationName}/${s.environmentName}`),
      ],
    },
    {
      sid: "ReadStagedBundles",
      actions: [...INSTANCE_BUNDLE_READ_ACTIONS],
      resources: [beanstalkBucketArn(ctx, "/resources/environments/*")],
    },
  ];
  if (s.ssmParameterArns.length > 0) {
    statements.push({ sid: "ReadSecretParameters", actions: [...INSTANCE_SSM_PARAMETER_ACTIONS], resources: s.ssmParameterArns });
  }
  if (s.secretArns.length > 0) {
    statements.push({ sid: "ReadSecrets", actions: [...INSTANCE_SECRET_ACTIONS], resources: s.secretArns });
  }
  if (s.keyArn !== undefined && s.ssmParameterArns.length + s.secretArns.length > 0) {
    const services = [...(s.ssmParameterArns.length > 0 ? ["ssm"] : []), ...(s.secretArns.length > 0 ? ["secretsmanager"] : [])];
    statements.push({
      sid: "DecryptSecretsThroughServices",
      actions: [...INSTANCE_SECRET_KEY_ACTIONS],
      resources: [s.keyArn],
      conditions: { StringEquals: { "kms:ViaService": services.map((svc) => viaService(svc, ctx)) } },
    });
  }
  return statements;
}

/**
 * Publishing rotated and tail logs (`LogPublicationControl`) only under this environment's log
 * prefixes `resources/environments/logs/<kind>/<env-id>/` of the Elastic Beanstalk bucket, so that
 * instances of one environment cannot overwrite another's logs (AWS's per-environment scoping:
 * https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/AWSHowTo.iam.cross-env-s3-access.html).
 * Attached after the environment exists, since its id names the prefix; instances publish
 * logs hourly, never while the environment is being created.
 */
export function beanstalkInstanceLogStatements(ctx: AwsContext, environmentId: pulumi.Input<string>): PolicyStatement[] {
  const bucket = beanstalkBucketArn(ctx);
  return [
    {
      sid: "PublishInstanceLogs",
      actions: [...INSTANCE_LOG_PUBLICATION_ACTIONS],
      resources: [interpolate`${bucket}/resources/environments/logs/*/${environmentId}/*`],
    },
  ];
}
