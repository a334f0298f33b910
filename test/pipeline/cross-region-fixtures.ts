import { ActionArgs, StageArgs } from "../../packages/aws-cicd/src/pipeline";
import { ACCOUNT } from "../harness";
import { build, source } from "./fixtures";

/** Shared by the cross-region specs: a pipeline at home (us-east-1) with a deploy in eu-west-1. */

export const EU = "eu-west-1";
export const EU_PROJECT = `arn:aws:codebuild:${EU}:${ACCOUNT}:project/deploy-eu`;
export const EU_KEY = `arn:aws:kms:${EU}:${ACCOUNT}:key/app-eu-west-1-key-key-id`;
export const EU_BUCKET = "arn:aws:s3:::app-eu-west-1-artifacts-bucket";
export const DEPLOYER = "arn:aws:iam::210987654321:role/deployer";
export const S3_IN = (region: string) => ({ StringEquals: { "kms:ViaService": [`s3.${region}.amazonaws.com`] } });

/** A deploy in eu-west-1 (a CodeBuild deploy project there), run with `extra`. */
export const euDeploy = (extra: Record<string, unknown> = {}): ActionArgs =>
  build({ name: "Eu", projectName: "deploy-eu", projectArn: EU_PROJECT, region: EU, outputs: [], ...extra });

/** Source, Build at home, Deploy in eu-west-1. */
export const stages = (deploy: ActionArgs = euDeploy()): StageArgs[] => [
  { name: "Source", actions: [source()] },
  { name: "Build", actions: [build()] },
  { name: "Deploy", actions: [deploy] },
];
