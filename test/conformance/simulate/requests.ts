import { ACCOUNT, REGION } from "../../harness/mocks";
import { RoleRequest, via } from "./simulate";

// Builders for the requests each role's job consists of, after AWS's service authorization
// reference and the user guides of CodePipeline, CodeBuild, Elastic Beanstalk and CodeDeploy.

const arn = (service: string, rest: string, account = ACCOUNT) => `arn:aws:${service}:${REGION}:${account}:${rest}`;

/** An object of the artifact store, as CodePipeline names them. */
export const artifactObject = (bucket: string) => `arn:aws:s3:::${bucket}/pipeline/SourceArti/a1b2c3.zip`;
export const keyArn = (id: string, account = ACCOUNT) => arn("kms", `key/${id}`, account);
export const roleArn = (name: string, account = ACCOUNT) => `arn:aws:iam::${account}:role/${name}`;
export const STACK_PREFIX = "aws-cicd-test-test";

/** Uploads with TLS, SSE-KMS and the stack's key: what the bucket policy accepts. */
export function putArtifact(bucket: string, key: string, what = "artifacts with TLS and the key"): RoleRequest {
  return {
    action: "s3:PutObject",
    resource: artifactObject(bucket),
    context: { "s3:x-amz-server-side-encryption": "aws:kms", "s3:x-amz-server-side-encryption-aws-kms-key-id": key },
    what,
  };
}

export function readArtifacts(bucket: string): RoleRequest[] {
  return ["s3:GetObject", "s3:GetObjectVersion"].map((action) => ({ action, resource: artifactObject(bucket), what: "artifacts" }));
}

/** Data-key use of a KMS key through one service (`kms:ViaService`). */
export function keyThrough(key: string, service: string, actions = ["kms:Decrypt", "kms:GenerateDataKey"]): RoleRequest[] {
  return actions.map((action) => ({
    action,
    resource: key,
    context: { "kms:ViaService": via(service) },
    what: `the key through ${service}`,
  }));
}

/** The pipeline role's artifact store work: read, write, versioning, and the key through S3. */
export function artifactStore(bucket: string, key: string): RoleRequest[] {
  return [
    putArtifact(bucket, key),
    ...readArtifacts(bucket),
    { action: "s3:GetBucketVersioning", resource: `arn:aws:s3:::${bucket}`, what: "the artifact bucket" },
    { action: "s3:GetBucketLocation", resource: `arn:aws:s3:::${bucket}`, what: "the artifact bucket" },
    ...keyThrough(key, "s3"),
  ];
}

/** CodePipeline's CodeCommit source action. */
export function codeCommitSource(repo: string, key: string): RoleRequest[] {
  const repoArn = arn("codecommit", repo);
  const actions = [
    "codecommit:GetBranch",
    "codecommit:GetCommit",
    "codecommit:UploadArchive",
    "codecommit:GetUploadArchiveStatus",
    "codecommit:CancelUploadArchive",
  ];
  return [...actions.map((action) => ({ action, resource: repoArn, what: `repository ${repo}` })), ...keyThrough(key, "codecommit")];
}

/** CodePipeline's CodeBuild action. */
export function runBuild(project: string): RoleRequest[] {
  const projectArn = arn("codebuild", `project/${project}`);
  return ["codebuild:StartBuild", "codebuild:BatchGetBuilds"].map((action) => ({
    action,
    resource: projectArn,
    what: `project ${project}`,
  }));
}

/** A manual approval's notification to an encrypted topic. */
export function notifyApprovers(topic: string, key: string): RoleRequest[] {
  return [{ action: "sns:Publish", resource: arn("sns", topic), what: `approval topic ${topic}` }, ...keyThrough(key, "sns")];
}

/** The Elastic Beanstalk deploy action: version, environment update, bundle staging, instance role. */
export function beanstalkDeploy(app: string, envs: string[], instanceRoles: string[], account = ACCOUNT): RoleRequest[] {
  const ebBucket = `elasticbeanstalk-${REGION}-${account}`;
  return [
    {
      action: "elasticbeanstalk:CreateApplicationVersion",
      resource: arn("elasticbeanstalk", `application/${app}`, account),
      what: `application ${app}`,
    },
    {
      action: "elasticbeanstalk:CreateApplicationVersion",
      resource: arn("elasticbeanstalk", `applicationversion/${app}/v1`, account),
      what: `a version of ${app}`,
    },
    ...envs.flatMap((env) =>
      ["elasticbeanstalk:UpdateEnvironment", "elasticbeanstalk:DescribeEnvironments"].map((action) => ({
        action,
        resource: arn("elasticbeanstalk", `environment/${app}/${env}`, account),
        what: `environment ${env}`,
      })),
    ),
    {
      action: "s3:PutObject",
      resource: `arn:aws:s3:::${ebBucket}/${app}/bundle.zip`,
      what: "the bundle in the Beanstalk bucket",
      resourceAccount: account,
    },
    ...instanceRoles.map((role) => ({
      action: "iam:PassRole",
      resource: roleArn(role, account),
      context: { "iam:PassedToService": "ec2.amazonaws.com" },
      what: `instance role ${role} to EC2`,
    })),
  ];
}

/** The CodeDeploy deploy action. */
export function codeDeployDeploy(app: string, group: string, config: string): RoleRequest[] {
  return [
    { action: "codedeploy:RegisterApplicationRevision", resource: arn("codedeploy", `application:${app}`), what: `application ${app}` },
    { action: "codedeploy:GetApplicationRevision", resource: arn("codedeploy", `application:${app}`), what: `application ${app}` },
    {
      action: "codedeploy:CreateDeployment",
      resource: arn("codedeploy", `deploymentgroup:${app}/${group}`),
      what: `deployment group ${group}`,
    },
    {
      action: "codedeploy:GetDeployment",
      resource: arn("codedeploy", `deploymentgroup:${app}/${group}`),
      what: `deployment group ${group}`,
    },
    { action: "codedeploy:GetDeploymentConfig", resource: arn("codedeploy", `deploymentconfig:${config}`), what: config },
  ];
}

/** A stage condition's CloudWatchAlarm rule: read the alarm's state (the pipeline role). */
export function conditionAlarm(name: string): RoleRequest[] {
  return [{ action: "cloudwatch:DescribeAlarms", resource: arn("cloudwatch", `alarm:${name}`), what: `alarm ${name}` }];
}

/** A CodeBuild project's own work: its log stream, artifacts, and the key through S3. */
export function buildProject(project: string, bucket: string | undefined, key: string, writes = true): RoleRequest[] {
  const stream = arn("logs", `log-group:/aws/codebuild/${project}:log-stream:build-1`);
  return [
    { action: "logs:CreateLogStream", resource: stream, what: "its log stream" },
    { action: "logs:PutLogEvents", resource: stream, what: "its log stream" },
    ...(bucket ? [...readArtifacts(bucket), ...(writes ? [putArtifact(bucket, key, "output artifacts with TLS and the key")] : [])] : []),
    ...keyThrough(key, "s3"),
  ];
}

/** The EventBridge rule's role that starts the pipeline on a push. */
export const startPipeline = (pipeline: string): RoleRequest[] => [
  { action: "codepipeline:StartPipelineExecution", resource: arn("codepipeline", pipeline), what: `pipeline ${pipeline}` },
];

/** A Beanstalk instance: its environment's logs, health reports and staged bundles. */
export function beanstalkInstance(app: string, env: string, account = ACCOUNT): RoleRequest[] {
  return [
    {
      action: "logs:PutLogEvents",
      resource: arn("logs", `log-group:/aws/elasticbeanstalk/${env}/var/log/web.stdout.log:log-stream:i-0abc`, account),
      what: "its environment's logs",
    },
    {
      action: "elasticbeanstalk:PutInstanceStatistics",
      resource: arn("elasticbeanstalk", `environment/${app}/${env}`, account),
      what: `environment ${env}`,
    },
    {
      action: "s3:GetObject",
      resource: `arn:aws:s3:::elasticbeanstalk-${REGION}-${account}/resources/environments/e-abc/_runtime/bundle.zip`,
      what: "staged bundles",
      resourceAccount: account,
    },
  ];
}

/**
 * A Pulumi S3 backend's calls on its state (pulumi/policies.ts): read (GetObject, HeadObject),
 * list the stack's keys by prefix, decrypt the objects through S3 and the stack's data key
 * directly (the awskms:// secrets provider); an update also writes, copies and deletes (the lock)
 * and encrypts what it writes through S3.
 */
export function pulumiState(bucket: string, key: string, write: boolean): RoleRequest[] {
  const checkpoint = `arn:aws:s3:::${bucket}/.pulumi/stacks/shop/dev.json`;
  const requests: RoleRequest[] = [
    { action: "s3:GetObject", resource: checkpoint, what: "the stack's checkpoint" },
    {
      action: "s3:ListBucket",
      resource: `arn:aws:s3:::${bucket}`,
      context: { "s3:prefix": ".pulumi/locks/shop/dev/" },
      what: "the stack's locks",
    },
    { action: "kms:Decrypt", resource: key, what: "the stack's data key, directly" },
    ...keyThrough(key, "s3", ["kms:Decrypt"]),
  ];
  if (!write) return requests;
  return [
    ...requests,
    { action: "s3:PutObject", resource: checkpoint, what: "the stack's checkpoint" },
    { action: "s3:DeleteObject", resource: `arn:aws:s3:::${bucket}/.pulumi/locks/shop/dev/1.json`, what: "the update's lock" },
    ...keyThrough(key, "s3", ["kms:GenerateDataKey"]),
  ];
}

/** Assume exactly one role. */
export function assumeRole(role: string): RoleRequest[] {
  return [{ action: "sts:AssumeRole", resource: role, what: "the deploy role" }];
}
