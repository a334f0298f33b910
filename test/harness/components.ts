/** Every component the library exports (type token `aws-cicd:index:<name>`), in the order of the docs. */
export const COMPONENTS = [
  "EncryptionKey",
  "SecureTopic",
  "SecureBucket",
  "CodeCommitRepo",
  "BuildProject",
  "Pipeline",
  "BeanstalkTarget",
  "Ec2FleetTarget",
  "LambdaTarget",
  "EcsServiceTarget",
  "CrossAccountDeployRole",
  "PulumiStack",
  "ServiceFleet",
  "PulumiSelfUpdate",
] as const;
export type ComponentName = (typeof COMPONENTS)[number];
