import { BeanstalkTarget } from "../../packages/aws-cicd/src/beanstalk";
import { ACCOUNT, findResource, settle, unwrap } from "../harness";

/** Shared by the BeanstalkTarget specs (beanstalk-target.spec.ts, beanstalk-target-settings.spec.ts). */

export const ENV = "aws:elasticbeanstalk/environment:Environment";
export const SERVICE_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/web-service-role`;

/** The settings of an environment as `namespace name=value` lines. */
export function settingsOf(resource: string): string[] {
  return findResource(ENV, resource).inputs.settings.map(
    (s: any) => `${s.namespace} ${s.name}=${s.value}${s.resource ? ` (${s.resource})` : ""}`,
  );
}

/** Waits until the target's environment and application exist and every registration has settled. */
export async function deployed(t: BeanstalkTarget): Promise<void> {
  await unwrap(t.endpointUrl);
  await unwrap(t.applicationArn);
  await settle();
}

/** The settings every environment gets, in order, for an environment type and deployment policy (`extra` after the instance type). */
export const SECURE_DEFAULTS = (type: string, deploymentPolicy: string, extra: string[] = []) => [
  `aws:elasticbeanstalk:environment EnvironmentType=${type}`,
  `aws:elasticbeanstalk:environment ServiceRole=${SERVICE_ROLE_ARN}`,
  ...(type === "LoadBalanced" ? ["aws:elasticbeanstalk:environment LoadBalancerType=application"] : []),
  "aws:autoscaling:launchconfiguration IamInstanceProfile=web-instance-profile",
  "aws:autoscaling:launchconfiguration DisableIMDSv1=true",
  "aws:autoscaling:launchconfiguration RootVolumeType=gp3",
  "aws:ec2:instances InstanceTypes=t4g.micro",
  ...extra,
  `aws:elasticbeanstalk:command DeploymentPolicy=${deploymentPolicy}`,
  "aws:elasticbeanstalk:healthreporting:system SystemType=enhanced",
  "aws:elasticbeanstalk:managedactions ManagedActionsEnabled=true",
  "aws:elasticbeanstalk:managedactions PreferredStartTime=Sun:10:00",
  `aws:elasticbeanstalk:managedactions ServiceRoleForManagedUpdates=${SERVICE_ROLE_ARN}`,
  "aws:elasticbeanstalk:managedactions:platformupdate UpdateLevel=minor",
  "aws:elasticbeanstalk:cloudwatch:logs StreamLogs=true",
  "aws:elasticbeanstalk:cloudwatch:logs DeleteOnTerminate=false",
  "aws:elasticbeanstalk:cloudwatch:logs RetentionInDays=365",
  "aws:elasticbeanstalk:cloudwatch:logs:health HealthStreamingEnabled=true",
  "aws:elasticbeanstalk:cloudwatch:logs:health DeleteOnTerminate=false",
  "aws:elasticbeanstalk:cloudwatch:logs:health RetentionInDays=365",
  "aws:elasticbeanstalk:hostmanager LogPublicationControl=true",
];
