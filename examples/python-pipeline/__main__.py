"""The flagship flow of examples/beanstalk-pipeline, in Python.

Push code to CodeCommit, CodeBuild tests it, it deploys to a Beanstalk dev environment, waits
for a person's approval, then deploys to prod. The components come from the Python SDK that
`pulumi install` (or `pulumi package add ../../packages/aws-cicd`) generates from the package's
schema: module `pulumi_aws_cicd`, arguments in snake_case. See README.md.

The TypeScript helpers (`repo.sourceAction()`, `project.buildAction()`, `target.deployAction()`,
`manualApproval()`) are methods and functions, which a component package does not publish; here
each action is written out as the data those helpers return.
"""

import pulumi
import pulumi_aws_cicd as aws_cicd

config = pulumi.Config()
# Who approves promotions to prod (and gets pipeline notifications).
approver_emails = config.get_object("approverEmails") or ["lead@example.com"]
# Production settings, required (`pulumi config set`, see README.md): your network, prod's TLS
# certificate and your log bucket.
vpc_id = config.require("vpcId")
# Public subnets (two zones or more): the load balancer and dev's single instance.
public_subnet_ids = config.require_object("publicSubnetIds")
# Private subnets with a route out (NAT gateway): prod's instances.
private_subnet_ids = config.require_object("privateSubnetIds")
# ACM certificate of prod's domain, in the stack's region.
certificate_arn = config.require("certificateArn")
# A log bucket (SSE-S3) that Elastic Load Balancing and S3 server access logging may write to.
log_bucket = config.require("logBucket")

# One customer managed key for the whole stack (about $1 a month, kept after destroy).
key = aws_cicd.EncryptionKey("cicd")
# Components take a key as a reference to its ARN (TypeScript passes the EncryptionKey itself).
key_ref = aws_cicd.KeyReferenceArgs(key_arn=key.key_arn)

repo = aws_cicd.CodeCommitRepo("app", description="Sample web app", encryption_key=key_ref)

# Runs the repository's buildspec.yml: grep -Fq "Congratulations" index.html, then npm test.
test = aws_cicd.BuildProject("test", encryption_key=key_ref)

dev = aws_cicd.BeanstalkTarget(
    "dev",
    encryption_key=key_ref,
    vpc=aws_cicd.BeanstalkVpcArgs(vpc_id=vpc_id, instance_subnet_ids=public_subnet_ids),
)
prod = aws_cicd.BeanstalkTarget(
    "prod",
    # dev and prod share one Beanstalk application.
    application=aws_cicd.ApplicationReferenceArgs(name=dev.application_name),
    environment_type="LoadBalanced",
    encryption_key=key_ref,
    vpc=aws_cicd.BeanstalkVpcArgs(
        vpc_id=vpc_id,
        instance_subnet_ids=private_subnet_ids,
        load_balancer_subnet_ids=public_subnet_ids,
    ),
    # HTTPS only (the plain HTTP listener is off), and the load balancer's access logs.
    load_balancer=aws_cicd.BeanstalkLoadBalancerArgs(
        certificate_arn=certificate_arn,
        access_logs=aws_cicd.BeanstalkLoadBalancerAccessLogsArgs(bucket_name=log_bucket),
    ),
)


def deploy_to(target: aws_cicd.BeanstalkTarget) -> aws_cicd.BeanstalkDeployActionArgsArgs:
    """What `target.deployAction()` returns in TypeScript: the environment to deploy to."""
    return aws_cicd.BeanstalkDeployActionArgsArgs(
        application_name=target.application_name,
        environment_name=target.environment_name,
        application_arn=target.application_arn,
        environment_arn=target.environment_arn,
        environment_id=target.environment.apply(lambda environment: environment.id),
        instance_role_arn=target.instance_role.apply(lambda role: role.arn),
    )


pipeline = aws_cicd.Pipeline(
    "app",
    encryption_key=key_ref,
    artifact_bucket_options=aws_cicd.ArtifactBucketOptionsArgs(
        access_logs=aws_cicd.SecureBucketAccessLogsArgs(bucket_name=log_bucket),
    ),
    notifications=aws_cicd.PipelineNotificationArgsArgs(email_subscriptions=approver_emails),
    stages=[
        aws_cicd.StageArgsArgs(
            name="Source",
            actions=[
                aws_cicd.ActionArgsArgs(
                    code_commit_source=aws_cicd.CodeCommitSourceActionArgsArgs(
                        repository_name=repo.repository_name,
                        repository_arn=repo.repository_arn,
                        key_arn=repo.key_arn,
                        branch="main",
                    ),
                ),
            ],
        ),
        aws_cicd.StageArgsArgs(
            name="BuildAndTest",
            actions=[
                aws_cicd.ActionArgsArgs(
                    code_build=aws_cicd.CodeBuildActionArgsArgs(
                        project_name=test.project_name,
                        project_arn=test.project_arn,
                        project_role_name=test.role_name,
                        project_role_arn=test.role_arn,
                    ),
                ),
            ],
        ),
        aws_cicd.StageArgsArgs(name="DeployDev", actions=[aws_cicd.ActionArgsArgs(beanstalk_deploy=deploy_to(dev))]),
        aws_cicd.StageArgsArgs(
            name="Approve",
            actions=[
                aws_cicd.ActionArgsArgs(
                    manual_approval=aws_cicd.ManualApprovalActionArgsArgs(
                        notify_emails=approver_emails,
                        message="Promote to prod?",
                    ),
                ),
            ],
        ),
        aws_cicd.StageArgsArgs(name="DeployProd", actions=[aws_cicd.ActionArgsArgs(beanstalk_deploy=deploy_to(prod))]),
    ],
)

pulumi.export("cloneUrlGrc", repo.clone_url_grc)
pulumi.export("cloneUrlHttp", repo.clone_url_http)
pulumi.export("pipelineUrl", pipeline.console_url)
pulumi.export("devUrl", pulumi.Output.concat("http://", dev.endpoint_url))
pulumi.export("prodUrl", pulumi.Output.concat("https://", prod.endpoint_url))
