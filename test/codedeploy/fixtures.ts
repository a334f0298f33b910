import { Ec2FleetTarget } from "../../packages/aws-cicd/src/codedeploy";
import { ACCOUNT, settle, unwrap } from "../harness";

export const R = `us-east-1:${ACCOUNT}`;
export const CD = `arn:aws:codedeploy:${R}`;
export const GROUP = "aws-cicd-test-test-web";
export const ARTIFACTS = "arn:aws:s3:::app-artifacts";
export const ARTIFACT_KEY = `arn:aws:kms:${R}:key/artifact-key`;
export const SUBNETS = ["subnet-aaa", "subnet-bbb"];
export const VPC = "vpc-123";

/** Waits until the target and every child are recorded. */
export async function deployed(t: Ec2FleetTarget): Promise<Ec2FleetTarget> {
  await unwrap(t.deploymentGroupArn);
  await unwrap(t.deploymentConfigArn);
  await unwrap(t.instanceProfile.arn);
  await settle();
  return t;
}

/** The statements `codeDeployDeployStatements` renders for one application, group and configuration. */
export function codeDeployStatementsFor(app: string, group: string, config: string): object[] {
  return [
    {
      Sid: "RegisterRevisions",
      Effect: "Allow",
      Action: ["codedeploy:GetApplication", "codedeploy:GetApplicationRevision", "codedeploy:RegisterApplicationRevision"],
      Resource: [`${CD}:application:${app}`],
    },
    {
      Sid: "CreateDeployments",
      Effect: "Allow",
      Action: ["codedeploy:CreateDeployment", "codedeploy:GetDeployment"],
      Resource: [`${CD}:deploymentgroup:${app}/${group}`],
    },
    {
      Sid: "ReadDeploymentConfigs",
      Effect: "Allow",
      Action: ["codedeploy:GetDeploymentConfig"],
      Resource: [`${CD}:deploymentconfig:${config}`],
    },
  ];
}
