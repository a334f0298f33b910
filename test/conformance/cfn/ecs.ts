import { defined, pascalKeys, pick, ServiceTranslations } from "./context";

/** A container definition in CloudFormation's keys; the log driver's options keep theirs (`awslogs-group`). */
function container(c: Record<string, any>): unknown {
  const { logConfiguration, ...rest } = c;
  return defined({
    ...(pascalKeys(rest) as Record<string, unknown>),
    LogConfiguration: logConfiguration && { LogDriver: logConfiguration.logDriver, Options: logConfiguration.options },
  });
}

/** ECS and ECR: clusters, task definitions, services, repositories. */
export const ecs: ServiceTranslations = {
  "aws:ecs/cluster:Cluster": {
    exposes: (r) => [
      [r.state.arn, "Arn"],
      [r.state.name, "Ref"],
    ],
    translate: (r) => ({
      Type: "AWS::ECS::Cluster",
      Properties: defined({
        ClusterName: r.inputs.name,
        ClusterSettings: r.inputs.settings && pascalKeys(r.inputs.settings),
      }),
    }),
  },
  "aws:ecs/taskDefinition:TaskDefinition": {
    exposes: (r) => [[r.state.arn, "Ref"]],
    translate: (r, ctx) => ({
      Type: "AWS::ECS::TaskDefinition",
      Properties: ctx.link(
        defined({
          ...pick(r.inputs, {
            family: "Family",
            networkMode: "NetworkMode",
            cpu: "Cpu",
            memory: "Memory",
            executionRoleArn: "ExecutionRoleArn",
            taskRoleArn: "TaskRoleArn",
            requiresCompatibilities: "RequiresCompatibilities",
          }),
          ContainerDefinitions: JSON.parse(r.inputs.containerDefinitions).map(container),
        }),
        ctx.logicalId(r),
      ) as Record<string, unknown>,
    }),
  },
  "aws:ecs/service:Service": {
    translate: (r, ctx) => ({
      Type: "AWS::ECS::Service",
      Properties: ctx.link(
        defined({
          ...pick(r.inputs, {
            name: "ServiceName",
            cluster: "Cluster",
            taskDefinition: "TaskDefinition",
            desiredCount: "DesiredCount",
            launchType: "LaunchType",
          }),
          NetworkConfiguration: r.inputs.networkConfiguration && {
            AwsvpcConfiguration: {
              Subnets: r.inputs.networkConfiguration.subnets,
              SecurityGroups: r.inputs.networkConfiguration.securityGroups,
              AssignPublicIp: r.inputs.networkConfiguration.assignPublicIp ? "ENABLED" : "DISABLED",
            },
          },
          DeploymentController: r.inputs.deploymentController && pascalKeys(r.inputs.deploymentController),
          LoadBalancers: r.inputs.loadBalancers && pascalKeys(r.inputs.loadBalancers),
        }),
        ctx.logicalId(r),
      ) as Record<string, unknown>,
    }),
  },
  "aws:ecr/repository:Repository": {
    exposes: (r) => [
      [r.state.arn, "Arn"],
      [r.state.name, "Ref"],
    ],
    // The lifecycle policy is a property of AWS::ECR::Repository in CloudFormation: folded into it.
    translate: (r, ctx) => {
      const lifecycle = ctx.claim("aws:ecr/lifecyclePolicy:LifecyclePolicy", "repository", r.inputs.name)[0];
      return {
        Type: "AWS::ECR::Repository",
        Properties: defined({
          RepositoryName: r.inputs.name,
          ImageTagMutability: r.inputs.imageTagMutability,
          ImageScanningConfiguration: r.inputs.imageScanningConfiguration && { ScanOnPush: r.inputs.imageScanningConfiguration.scanOnPush },
          EncryptionConfiguration: r.inputs.encryptionConfigurations?.[0] && {
            EncryptionType: r.inputs.encryptionConfigurations[0].encryptionType,
            KmsKey: ctx.link(r.inputs.encryptionConfigurations[0].kmsKey),
          },
          LifecyclePolicy: lifecycle && { LifecyclePolicyText: lifecycle.inputs.policy },
        }),
      };
    },
  },
  "aws:ecr/lifecyclePolicy:LifecyclePolicy": { translate: "folded" },
};
