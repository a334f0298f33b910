import { defined, pascalKeys, pick, ServiceTranslations } from "./context";

/** CodeDeploy: applications, deployment groups and deployment configs. */
export const codedeploy: ServiceTranslations = {
  "aws:codedeploy/application:Application": {
    exposes: (r) => [[r.state.name, "Ref"]],
    translate: (r) => ({
      Type: "AWS::CodeDeploy::Application",
      Properties: defined({ ApplicationName: r.inputs.name, ComputePlatform: r.inputs.computePlatform }),
    }),
  },
  "aws:codedeploy/deploymentGroup:DeploymentGroup": {
    exposes: (r) => [[r.inputs.deploymentGroupName, "Ref"]],
    translate: (r, ctx) => {
      const i = r.inputs;
      return {
        Type: "AWS::CodeDeploy::DeploymentGroup",
        Properties: ctx.link(
          defined({
            ...pick(i, {
              appName: "ApplicationName",
              deploymentGroupName: "DeploymentGroupName",
              deploymentConfigName: "DeploymentConfigName",
              serviceRoleArn: "ServiceRoleArn",
              outdatedInstancesStrategy: "OutdatedInstancesStrategy",
              autoscalingGroups: "AutoScalingGroups",
            }),
            AutoRollbackConfiguration: i.autoRollbackConfiguration && pascalKeys(i.autoRollbackConfiguration),
            DeploymentStyle: i.deploymentStyle && pascalKeys(i.deploymentStyle),
            AlarmConfiguration: i.alarmConfiguration && {
              Enabled: i.alarmConfiguration.enabled,
              IgnorePollAlarmFailure: i.alarmConfiguration.ignorePollAlarmFailure,
              Alarms: (i.alarmConfiguration.alarms ?? []).map((name: string) => ({ Name: name })),
            },
            Ec2TagFilters: i.ec2TagFilters && pascalKeys(i.ec2TagFilters),
            Ec2TagSet: i.ec2TagSets && {
              Ec2TagSetList: i.ec2TagSets.map((s: any) => ({ Ec2TagGroup: pascalKeys(s.ec2TagFilters) })),
            },
          }),
          ctx.logicalId(r),
        ) as Record<string, unknown>,
      };
    },
  },
  "aws:codedeploy/deploymentConfig:DeploymentConfig": {
    exposes: (r) => [[r.inputs.deploymentConfigName, "Ref"]],
    translate: (r) => ({
      Type: "AWS::CodeDeploy::DeploymentConfig",
      Properties: defined({
        DeploymentConfigName: r.inputs.deploymentConfigName,
        ComputePlatform: r.inputs.computePlatform,
        MinimumHealthyHosts: r.inputs.minimumHealthyHosts && pascalKeys(r.inputs.minimumHealthyHosts),
      }),
    }),
  },
};
