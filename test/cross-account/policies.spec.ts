// The cross-account deploy role's statements (cross-account/policies.ts) as plain values: the trust
// statement, the artifact read, and where each target kind's deploy statements go (inline, or the
// kind's customer managed policies).
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import {
  artifactReadStatements,
  crossAccountDeployPolicies,
  crossAccountDeployStatements,
  crossAccountDeployTrustStatements,
  CrossAccountDeployTargets,
  DEPLOY_TARGET_KIND_KEYS,
  DEPLOY_TARGET_KINDS,
} from "../../packages/aws-cicd/src/cross-account/policies";
import type { CrossAccountDeployTargetKind } from "../../packages/aws-cicd/src/pipeline/action-types";
import { PolicyStatement } from "../../packages/aws-cicd/src/security/iam";
import { unwrap } from "../harness";
import { BUCKET_ARN, KEY_ARN, PIPELINE_ROLE_ARN, PROD_TARGET } from "./fixtures";

const CTX = {
  accountId: pulumi.output("444455556666"),
  partition: pulumi.output("aws"),
  region: pulumi.output("us-east-1"),
  dnsSuffix: pulumi.output("amazonaws.com"),
};
const ARTIFACTS = { artifactBucketArn: BUCKET_ARN, artifactKeyArn: KEY_ARN, artifactRegion: "eu-west-1" };
const ARTIFACT_SIDS = ["ReadPipelineArtifacts", "LocatePipelineArtifactBucket", "DecryptPipelineArtifacts"];
const CODEDEPLOY_SIDS = ["RegisterRevisions", "CreateDeployments", "ReadDeploymentConfigs"];
const ECS_SIDS = [
  "UpdateEcsServices",
  "ReadEcsTaskDefinitions",
  "DescribeEcsServiceTasks",
  "ListEcsServiceTasks",
  "RegisterEcsTaskDefinitions",
  "PassEcsTaskRoles",
];
const BLUE_GREEN_SIDS = [
  "BlueGreenRegisterRevisions",
  "BlueGreenCreateDeployments",
  "BlueGreenReadDeploymentConfigs",
  "BlueGreenRegisterEcsTaskDefinitions",
];
const BEANSTALK_PARTS = [
  {
    name: "beanstalk-deploy-environments",
    sids: [
      "RegisterApplicationVersions",
      "UpdateEnvironment",
      "ReadPlatformVersions",
      "StageBundleInBeanstalkBucket",
      "ReadBeanstalkBucket",
      "CreateBeanstalkBucketOnFirstUse",
      "UpdateEnvironmentStacks",
      "DescribeEnvironmentResources",
      "PassInstanceRoleToEc2",
    ],
  },
  {
    name: "beanstalk-deploy-instances",
    sids: [
      "ScaleEnvironmentGroups",
      "CreateEnvironmentLaunchTemplates",
      "ActOnEnvironmentTaggedResources",
      "LaunchInstancesFromTemplates",
      "TagOnCreate",
      "TerminateEnvironmentInstances",
      "RegisterTargets",
      "UpdateScalingAlarms",
    ],
  },
];

const CD = "arn:aws:codedeploy:us-east-1:444455556666";
const ECS = "arn:aws:ecs:us-east-1:444455556666";
const CODEDEPLOY_TARGET = {
  applicationName: "shop",
  deploymentGroupName: "shop-prod",
  applicationArn: `${CD}:application:shop`,
  deploymentGroupArn: `${CD}:deploymentgroup:shop/shop-prod`,
  deploymentConfigArn: `${CD}:deploymentconfig:CodeDeployDefault.OneAtATime`,
};
const ECS_TARGET = {
  clusterName: "prod",
  serviceName: "web",
  clusterArn: `${ECS}:cluster/prod`,
  serviceArn: `${ECS}:service/prod/web`,
  taskDefinitionFamilyArn: `${ECS}:task-definition/web`,
  executionRoleArn: "arn:aws:iam::444455556666:role/web-exec",
};
const BLUE_GREEN_TARGET = {
  applicationName: "api",
  deploymentGroupName: "api-bg",
  applicationArn: `${CD}:application:api`,
  deploymentGroupArn: `${CD}:deploymentgroup:api/api-bg`,
  deploymentConfigArn: `${CD}:deploymentconfig:CodeDeployDefault.ECSAllAtOnce`,
  taskDefinitionFamilyArn: `${ECS}:task-definition/api`,
};
const ALL: CrossAccountDeployTargets = {
  beanstalkTargets: [PROD_TARGET],
  codeDeployTargets: [CODEDEPLOY_TARGET],
  ecsServiceTargets: [ECS_TARGET],
  ecsBlueGreenTargets: [BLUE_GREEN_TARGET],
};

/** The statements with every Output resolved (keys left undefined dropped, as in the rendered policy). */
async function resolved(statements: PolicyStatement[]): Promise<unknown[]> {
  return Promise.all(statements.map(async (s) => JSON.parse(JSON.stringify(await unwrap(s as never)))));
}

const sids = (statements: PolicyStatement[]) => statements.map((s) => s.sid);
const parts = (policies: { managed: { name: string; statements: PolicyStatement[] }[] }) =>
  policies.managed.map((p) => ({ name: p.name, sids: sids(p.statements) }));

describe("CrossAccountDeployRole statements", () => {
  describe("trust", () => {
    it("trusts exactly the pipeline role, without a condition when no external id is given", () => {
      expect(crossAccountDeployTrustStatements(PIPELINE_ROLE_ARN)).to.deep.equal([
        { sid: "TrustPipelineRole", principals: { aws: [PIPELINE_ROLE_ARN] }, actions: ["sts:AssumeRole"], conditions: {} },
      ]);
    });

    it("trusts a list of roles as given, requires the external id, and takes another Sid", () => {
      const roles = ["arn:aws:iam::111122223333:role/build-a", "arn:aws:iam::111122223333:role/build-b"];
      expect(crossAccountDeployTrustStatements(roles, "shop-7f3a", "TrustPulumiBuildRoles")).to.deep.equal([
        {
          sid: "TrustPulumiBuildRoles",
          principals: { aws: roles },
          actions: ["sts:AssumeRole"],
          conditions: { StringEquals: { "sts:ExternalId": "shop-7f3a" } },
        },
      ]);
    });
  });

  describe("artifact read", () => {
    it("reads the artifact objects, locates the bucket and decrypts through S3 in the pipeline's region", async () => {
      const statements = artifactReadStatements(
        {
          artifactBucketArn: pulumi.output("arn:aws-cn:s3:::artifacts"),
          artifactKeyArn: "arn:aws-cn:kms:cn-north-1:111122223333:key/k",
          artifactRegion: pulumi.output("cn-north-1"),
        },
        { dnsSuffix: pulumi.output("amazonaws.com.cn") },
      );
      expect(await resolved(statements)).to.deep.equal([
        { sid: "ReadPipelineArtifacts", actions: ["s3:GetObject", "s3:GetObjectVersion"], resources: ["arn:aws-cn:s3:::artifacts/*"] },
        { sid: "LocatePipelineArtifactBucket", actions: ["s3:GetBucketLocation"], resources: ["arn:aws-cn:s3:::artifacts"] },
        {
          sid: "DecryptPipelineArtifacts",
          actions: ["kms:Decrypt"],
          resources: ["arn:aws-cn:kms:cn-north-1:111122223333:key/k"],
          conditions: { StringEquals: { "kms:ViaService": "s3.cn-north-1.amazonaws.com.cn" } },
        },
      ]);
    });
  });

  describe("deploy policies by target kind", () => {
    it("knows the target kinds of the deploy actions, in the order of the action kinds", () => {
      expect(DEPLOY_TARGET_KIND_KEYS).to.deep.equal(["beanstalkTargets", "codeDeployTargets", "ecsServiceTargets", "ecsBlueGreenTargets"]);
    });

    it("holds only the artifact read without targets, or with empty target lists", async () => {
      const empty = { beanstalkTargets: [], codeDeployTargets: [], ecsServiceTargets: [], ecsBlueGreenTargets: [] };
      for (const targets of [{}, empty]) {
        const policies = crossAccountDeployPolicies(targets, ARTIFACTS, CTX);
        expect(await resolved(policies.inline)).to.deep.equal(await resolved(artifactReadStatements(ARTIFACTS, CTX)));
        expect(policies.managed).to.deep.equal([]);
      }
    });

    it("puts the CodeDeploy and ECS statements inline, in the order of the kinds, and Elastic Beanstalk's in its managed policies", () => {
      const policies = crossAccountDeployPolicies(ALL, ARTIFACTS, CTX);
      expect(sids(policies.inline)).to.deep.equal([...ARTIFACT_SIDS, ...CODEDEPLOY_SIDS, ...ECS_SIDS, ...BLUE_GREEN_SIDS]);
      expect(parts(policies)).to.deep.equal(BEANSTALK_PARTS);
    });

    it("deploys to exactly the targets given", async () => {
      const inline = await resolved(crossAccountDeployPolicies(ALL, ARTIFACTS, CTX).inline);
      expect(inline[3]).to.deep.equal({
        sid: "RegisterRevisions",
        actions: ["codedeploy:GetApplication", "codedeploy:GetApplicationRevision", "codedeploy:RegisterApplicationRevision"],
        resources: [`${CD}:application:shop`],
      });
      expect(inline[6]).to.deep.equal({
        sid: "UpdateEcsServices",
        actions: ["ecs:DescribeServices", "ecs:UpdateService"],
        resources: [`${ECS}:service/prod/web`],
      });
      expect(inline[12]).to.deep.equal({
        sid: "BlueGreenRegisterRevisions",
        actions: ["codedeploy:GetApplication", "codedeploy:GetApplicationRevision", "codedeploy:RegisterApplicationRevision"],
        resources: [`${CD}:application:api`],
      });
    });

    it("leaves the Elastic Beanstalk statements to AWS's managed policy with awsManagedBeanstalk, and keeps the other kinds", () => {
      const policies = crossAccountDeployPolicies(ALL, ARTIFACTS, CTX, true);
      expect(sids(policies.inline)).to.deep.equal([...ARTIFACT_SIDS, ...CODEDEPLOY_SIDS, ...ECS_SIDS, ...BLUE_GREEN_SIDS]);
      expect(policies.managed).to.deep.equal([]);
      expect(parts(crossAccountDeployPolicies({ beanstalkTargets: [PROD_TARGET] }, ARTIFACTS, CTX, false))).to.deep.equal(BEANSTALK_PARTS);
    });

    it("leaves out a managed policy part without statements", () => {
      const kinds = DEPLOY_TARGET_KINDS as Map<keyof CrossAccountDeployTargets, CrossAccountDeployTargetKind<unknown>>;
      const beanstalk = kinds.get("beanstalkTargets");
      if (beanstalk === undefined) throw new Error("no beanstalkTargets kind");
      kinds.set("beanstalkTargets", {
        ...beanstalk,
        managedPolicyParts: (statements) => [
          { name: "empty", statements: [] },
          { name: "all", statements },
        ],
      });
      try {
        expect(crossAccountDeployPolicies({ beanstalkTargets: [PROD_TARGET] }, ARTIFACTS, CTX).managed.map((p) => p.name)).to.deep.equal([
          "all",
        ]);
      } finally {
        kinds.set("beanstalkTargets", beanstalk);
      }
    });

    it("lists every statement, inline ones first, for reviews", () => {
      expect(sids(crossAccountDeployStatements(ALL, ARTIFACTS, CTX))).to.deep.equal([
        ...ARTIFACT_SIDS,
        ...CODEDEPLOY_SIDS,
        ...ECS_SIDS,
        ...BLUE_GREEN_SIDS,
        ...BEANSTALK_PARTS.flatMap((p) => p.sids),
      ]);
      expect(sids(crossAccountDeployStatements(ALL, ARTIFACTS, CTX, true))).to.deep.equal([
        ...ARTIFACT_SIDS,
        ...CODEDEPLOY_SIDS,
        ...ECS_SIDS,
        ...BLUE_GREEN_SIDS,
      ]);
    });
  });
});
