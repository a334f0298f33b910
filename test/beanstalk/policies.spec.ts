import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { BeanstalkTarget, beanstalkDeployStatements } from "../../packages/aws-cicd/src/beanstalk";
import { policyDocument } from "../../packages/aws-cicd/src/security";
import { awsContext } from "../../packages/aws-cicd/src/internal/aws-context";
import { ACCOUNT, findResource, settle, statementsOf, unwrap } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { beanstalkArn } from "../../packages/aws-cicd/src/beanstalk/policies";

const R = `us-east-1:${ACCOUNT}`;
const APP = "aws-cicd-test-test-web";
const ENV_ID = "web-environment-id";

describe("BeanstalkTarget", () => {
  describe("deploy permissions", () => {
    it("scopes a pipeline role to the application, environment, its stacks, groups and alarms", async () => {
      const t = new BeanstalkTarget("web");
      const statements = beanstalkDeployStatements({
        ...t.beanstalkDeployTarget(),
        ctx: awsContext(t),
        artifactBucketArn: "arn:aws:s3:::pipeline-artifacts",
      });
      new aws.iam.RolePolicy("deploy", { role: "pipeline-role", policy: policyDocument(statements) });
      await unwrap(policyDocument(statements));
      await settle();
      const versions = `arn:aws:elasticbeanstalk:${R}:applicationversion/${APP}/*`;
      const app = `arn:aws:elasticbeanstalk:${R}:application/${APP}`;
      const env = `arn:aws:elasticbeanstalk:${R}:environment/${APP}/${APP}`;
      const stacks = `arn:aws:cloudformation:${R}:stack/awseb-${ENV_ID}-*`;
      const EB_BUCKET = `arn:aws:s3:::elasticbeanstalk-us-east-1-${ACCOUNT}`;
      expect(statementsOf(findResource("aws:iam/rolePolicy:RolePolicy", "deploy").inputs.policy)).to.deep.equal([
        {
          Sid: "RegisterApplicationVersions",
          Effect: "Allow",
          Action: [
            "elasticbeanstalk:CreateApplicationVersion",
            "elasticbeanstalk:DescribeApplicationVersions",
            "elasticbeanstalk:DescribeEvents",
          ],
          Resource: [app, versions],
        },
        {
          Sid: "UpdateEnvironment",
          Effect: "Allow",
          Action: [
            "elasticbeanstalk:DescribeConfigurationSettings",
            "elasticbeanstalk:DescribeEnvironmentResources",
            "elasticbeanstalk:DescribeEnvironments",
            "elasticbeanstalk:UpdateEnvironment",
            "elasticbeanstalk:DescribeEvents",
          ],
          Resource: [env],
        },
        {
          Sid: "ReadPlatformVersions",
          Effect: "Allow",
          Action: ["elasticbeanstalk:DescribePlatformVersion"],
          Resource: ["arn:aws:elasticbeanstalk:us-east-1::platform/*"],
        },
        {
          Sid: "ReadPipelineArtifacts",
          Effect: "Allow",
          Action: ["s3:GetObject", "s3:GetObjectVersion"],
          Resource: ["arn:aws:s3:::pipeline-artifacts/*"],
        },
        {
          Sid: "StageBundleInBeanstalkBucket",
          Effect: "Allow",
          Action: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:PutObjectAcl"],
          Resource: [`${EB_BUCKET}/${APP}/*`, `${EB_BUCKET}/resources/environments/${ENV_ID}/*`],
        },
        {
          Sid: "ReadBeanstalkBucket",
          Effect: "Allow",
          Action: ["s3:GetBucketLocation", "s3:GetBucketPolicy", "s3:ListBucket"],
          Resource: [EB_BUCKET],
        },
        {
          Sid: "CreateBeanstalkBucketOnFirstUse",
          Effect: "Allow",
          Action: ["s3:CreateBucket", "s3:PutBucketOwnershipControls", "s3:PutBucketPolicy", "s3:PutBucketPublicAccessBlock"],
          Resource: [EB_BUCKET],
        },
        {
          Sid: "UpdateEnvironmentStacks",
          Effect: "Allow",
          Action: [
            "cloudformation:CancelUpdateStack",
            "cloudformation:ContinueUpdateRollback",
            "cloudformation:CreateStack",
            "cloudformation:DeleteStack",
            "cloudformation:DescribeStackEvents",
            "cloudformation:DescribeStackResource",
            "cloudformation:DescribeStackResources",
            "cloudformation:DescribeStacks",
            "cloudformation:GetTemplate",
            "cloudformation:ListStackResources",
            "cloudformation:UpdateStack",
          ],
          Resource: [`${stacks}/*`],
        },
        {
          Sid: "ScaleEnvironmentGroups",
          Effect: "Allow",
          Action: [
            "autoscaling:AttachInstances",
            "autoscaling:CreateAutoScalingGroup",
            "autoscaling:CreateOrUpdateTags",
            "autoscaling:DeleteAutoScalingGroup",
            "autoscaling:DeletePolicy",
            "autoscaling:DetachInstances",
            "autoscaling:PutNotificationConfiguration",
            "autoscaling:PutScalingPolicy",
            "autoscaling:ResumeProcesses",
            "autoscaling:SetDesiredCapacity",
            "autoscaling:SuspendProcesses",
            "autoscaling:TerminateInstanceInAutoScalingGroup",
            "autoscaling:UpdateAutoScalingGroup",
          ],
          Resource: [`arn:aws:autoscaling:${R}:autoScalingGroup:*:autoScalingGroupName/awseb-${ENV_ID}-*`],
        },
        {
          Sid: "DescribeEnvironmentResources",
          Effect: "Allow",
          Action: [
            "autoscaling:DescribeAutoScalingGroups",
            "autoscaling:DescribeAutoScalingInstances",
            "autoscaling:DescribeLaunchConfigurations",
            "autoscaling:DescribeNotificationConfigurations",
            "autoscaling:DescribeScalingActivities",
            "autoscaling:DescribeScheduledActions",
            "cloudformation:ValidateTemplate",
            "ec2:DescribeAccountAttributes",
            "ec2:DescribeAddresses",
            "ec2:DescribeAvailabilityZones",
            "ec2:DescribeImages",
            "ec2:DescribeInstanceStatus",
            "ec2:DescribeInstances",
            "ec2:DescribeKeyPairs",
            "ec2:DescribeLaunchTemplateVersions",
            "ec2:DescribeLaunchTemplates",
            "ec2:DescribeSecurityGroups",
            "ec2:DescribeSubnets",
            "ec2:DescribeVpcs",
            "elasticloadbalancing:DescribeListeners",
            "elasticloadbalancing:DescribeLoadBalancers",
            "elasticloadbalancing:DescribeTargetGroups",
            "elasticloadbalancing:DescribeTargetHealth",
          ],
          Resource: ["*"],
        },
        {
          Sid: "CreateEnvironmentLaunchTemplates",
          Effect: "Allow",
          Action: ["ec2:CreateLaunchTemplate"],
          Resource: [`arn:aws:ec2:${R}:launch-template/*`],
          Condition: { StringEquals: { "aws:RequestTag/elasticbeanstalk:environment-id": ENV_ID } },
        },
        {
          Sid: "ActOnEnvironmentTaggedResources",
          Effect: "Allow",
          Action: [
            "ec2:CreateLaunchTemplateVersion",
            "ec2:DeleteLaunchTemplate",
            "ec2:DeleteLaunchTemplateVersions",
            "ec2:RunInstances",
            "ec2:AssociateAddress",
            "ec2:DisassociateAddress",
          ],
          Resource: [`arn:aws:ec2:${R}:launch-template/*`, `arn:aws:ec2:${R}:elastic-ip/*`, `arn:aws:ec2:${R}:instance/*`],
          Condition: { StringEquals: { "ec2:ResourceTag/elasticbeanstalk:environment-id": ENV_ID } },
        },
        {
          Sid: "LaunchInstancesFromTemplates",
          Effect: "Allow",
          Action: ["ec2:RunInstances"],
          Resource: [
            ...["instance", "key-pair", "network-interface", "security-group", "spot-instances-request", "subnet", "volume"].map(
              (t) => `arn:aws:ec2:${R}:${t}/*`,
            ),
            "arn:aws:ec2:us-east-1::image/*",
          ],
          Condition: { ArnLike: { "ec2:LaunchTemplate": `arn:aws:ec2:${R}:launch-template/*` } },
        },
        {
          Sid: "TagOnCreate",
          Effect: "Allow",
          Action: ["ec2:CreateTags"],
          Resource: [`arn:aws:ec2:${R}:*`],
          Condition: { StringEquals: { "ec2:CreateAction": ["CreateLaunchTemplate", "RunInstances"] } },
        },
        {
          Sid: "TerminateEnvironmentInstances",
          Effect: "Allow",
          Action: ["ec2:TerminateInstances"],
          Resource: [`arn:aws:ec2:${R}:instance/*`],
          Condition: { StringLike: { "ec2:ResourceTag/aws:cloudformation:stack-id": stacks } },
        },
        {
          Sid: "RegisterTargets",
          Effect: "Allow",
          Action: ["elasticloadbalancing:DeregisterTargets", "elasticloadbalancing:RegisterTargets"],
          Resource: [`arn:aws:elasticloadbalancing:${R}:targetgroup/awseb-*`],
          Condition: { StringEquals: { "aws:ResourceTag/elasticbeanstalk:environment-id": ENV_ID } },
        },
        {
          Sid: "UpdateScalingAlarms",
          Effect: "Allow",
          Action: ["cloudwatch:DeleteAlarms", "cloudwatch:DescribeAlarms", "cloudwatch:PutMetricAlarm"],
          Resource: [`arn:aws:cloudwatch:${R}:alarm:awseb-${ENV_ID}-*`],
        },
        {
          Sid: "PassInstanceRoleToEc2",
          Effect: "Allow",
          Action: ["iam:PassRole"],
          Resource: [`arn:aws:iam::${ACCOUNT}:role/web-instance-role`],
          Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } },
        },
      ]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });
  });

  describe("beanstalkArn", () => {
    it("builds an Elastic Beanstalk ARN from a plain or an output resource", async () => {
      const ctx = { partition: "aws", region: "eu-west-1", accountId: "111122223333" };
      expect(await unwrap(beanstalkArn(ctx, "application/shop"))).to.equal(
        "arn:aws:elasticbeanstalk:eu-west-1:111122223333:application/shop",
      );
      expect(await unwrap(beanstalkArn(ctx, Promise.resolve("environment/shop/prod")))).to.equal(
        "arn:aws:elasticbeanstalk:eu-west-1:111122223333:environment/shop/prod",
      );
    });

    it("puts a plain or an output value into the resource it is given as a function of that value", async () => {
      const ctx = { partition: "aws", region: "eu-west-1", accountId: "111122223333" };
      for (const value of ["shop", pulumi.output("shop"), Promise.resolve("shop")]) {
        expect(await unwrap(beanstalkArn(ctx, value, (n) => `applicationversion/${n}/*`))).to.equal(
          "arn:aws:elasticbeanstalk:eu-west-1:111122223333:applicationversion/shop/*",
        );
      }
    });
  });
});
