import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";

// Starts the policy analyzer server: only `pulumi preview --policy-pack` loads this module.
new PolicyPack("aws-cicd", {
  policies,
  description:
    "Secure-by-default checks for AWS CI/CD resources (S3, KMS, CodeBuild, CodePipeline, CodeCommit, Elastic Beanstalk, EC2, CodeDeploy, SNS, CloudWatch Logs, IAM), the standards aws-cicd's components meet.",
  displayName: "aws-cicd secure defaults",
  provider: "aws",
  enforcementLevel: "mandatory",
});
