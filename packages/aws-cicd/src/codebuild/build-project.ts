import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { CodeBuildActionArgs } from "../pipeline/actions/codebuild";
import { CODEBUILD_PROJECT_NAME, stackScopedName, validateComponentName } from "../internal/naming";
import { KeyReference, keyOrNew } from "../security/encryption-key";
import { attachStatements, awsContext, createServiceRole, PolicyStatement } from "../security/iam";
import { createMonitoring } from "./alarms";
import {
  BucketLocation,
  BuildProjectArgs,
  DEFAULT_BUILD_TIMEOUT_MINUTES,
  DEFAULT_GIT_CLONE_DEPTH,
  DEFAULT_BUILD_LOG_RETENTION_DAYS,
  DEFAULT_QUEUED_TIMEOUT_MINUTES,
  DEFAULT_S3_ARTIFACTS_PREFIX_FOLDER,
  DEFAULT_S3_CACHE_PREFIX_FOLDER,
  DEFAULT_S3_LOGS_PREFIX_FOLDER,
  DEFAULT_BUILD_SOURCE_BRANCH,
} from "./build-project-args";
import { MAX_BUILDSPEC_LENGTH } from "./buildspec-limits";
import { DEFAULT_BUILDSPEC_FILE_NAME } from "./buildspec-parse";
import { renderBuildSpec } from "./buildspec-render";
import { buildSpecReferences } from "./buildspec-validate";
import { DEFAULT_COMPUTE_TYPE, environmentReferences, environmentVariableEntries, resolveImage, ResolvedImage } from "./environment";
import { buildProjectArn, CODEBUILD_SERVICE_PRINCIPAL } from "./policies";
import { BuildProjectPermissions, buildProjectStatements, PrefixGrant } from "./project-role";
import { createReportGroups, defaultReportExportPrefix, reportExportConfig, reportGroupsToCreate } from "./report-groups";
import { validateBuildProjectArgs } from "./validate";
import { checkedInput, checkedKey, keyArnProblem } from "../internal/arns";
import { asResourceError } from "../internal/errors";
import { interpolate } from "../internal/interpolate";
import { quietStacks } from "../internal/quiet-stacks";

/** Name of the log group of a project: `/aws/codebuild/<projectName>`. */
export function buildLogGroupName(projectName: string): string {
  return `/aws/codebuild/${projectName}`;
}

const POLICY_NAME = /^[A-Za-z0-9-]{1,64}$/;

/**
 * The component name of each project, kept outside the class: the Pulumi schema analyzer
 * publishes every class property, private ones included, as an output.
 */
const COMPONENT_NAMES = new WeakMap<BuildProject, string>();

/**
 * A CodeBuild project with a least-privilege service role, secure by default.
 *
 * Without arguments it runs `buildspec.yml` from a CodePipeline source on
 * `MANAGED_IMAGE_X86_64` (not privileged), encrypts artifacts with a new customer key,
 * logs to its own KMS-encrypted log group (`/aws/codebuild/<projectName>`, kept 365 days),
 * and alarms on failed builds to a new encrypted topic.
 *
 * The service role can be assumed only by CodeBuild acting for this account and this exact
 * project (`aws:SourceAccount`, `aws:SourceArn`), and holds one inline policy with exactly
 * what the configuration needs: writing to its log group, the key through S3, and, when
 * configured, the named parameters and secrets, the ECR repository, the VPC network
 * interfaces, the report groups, the cache, log and artifact prefixes and the CodeCommit
 * repository. Grant more with `BuildProject.addToRolePolicy`.
 *
 * `BuildProject.buildAction` describes a build or test action of a `Pipeline`:
 *
 * ```ts
 * const test = new BuildProject("test", { encryptionKey: key }); // runs buildspec.yml from the source
 * new Pipeline("app", {
 *   encryptionKey: key,
 *   stages: [
 *     { name: "Source", actions: [repo.sourceAction()] },
 *     { name: "BuildAndTest", actions: [test.buildAction()] },
 *   ],
 * });
 * ```
 */
export class BuildProject extends pulumi.ComponentResource {
  /** The CodeBuild project. */
  readonly project: aws.codebuild.Project;
  /** Service role the project's builds run as. */
  readonly role: aws.iam.Role;
  /** The inline policy holding the statements derived from the configuration. */
  readonly rolePolicy: aws.iam.RolePolicy;
  /** CloudWatch log group of the builds. */
  readonly logGroup: aws.cloudwatch.LogGroup;
  /** Report groups created for the buildspec's reports and `reportGroupNames` / `coverageReportGroupNames`, by report name. */
  readonly reportGroups: Record<string, aws.codebuild.ReportGroup>;
  /** The failed-builds alarm, unless opted out. */
  readonly alarm?: aws.cloudwatch.MetricAlarm;
  /**
   * The topic created for alarm and notifications, unless a topic ARN was given or nothing
   * publishes (a `SecureTopic`: encrypted, TLS-only; its `aws.sns.Topic` itself, so that
   * every Pulumi language can use it). Its ARN is `alarmTopicArn`.
   */
  readonly alarmTopic?: aws.sns.Topic;
  /** The build notification rule, when `monitoring.notificationEvents` is given. */
  readonly notificationRule?: aws.codestarnotifications.NotificationRule;
  /** The key encrypting artifacts, logs and the topic. */
  readonly encryptionKey: KeyReference;
  /** Name of the CodeBuild project. */
  readonly projectName: pulumi.Output<string>;
  /** ARN of the CodeBuild project. */
  readonly projectArn: pulumi.Output<string>;
  /** ARN of the service role (what a pipeline's CodeBuild action takes as `projectRoleArn`). */
  readonly roleArn: pulumi.Output<string>;
  /** Name of the service role (what a pipeline's CodeBuild action takes as `projectRoleName`). */
  readonly roleName: pulumi.Output<string>;
  /** Name of the builds' log group. */
  readonly logGroupName: pulumi.Output<string>;
  /** ARN of the topic receiving alarm and notifications, when there is one. */
  readonly alarmTopicArn?: pulumi.Output<string>;

  constructor(name: string, args: BuildProjectArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super("aws-cicd:index:BuildProject", name, {}, opts);
    const stacks = quietStacks();
    try {
      COMPONENT_NAMES.set(this, name);
      const projectName = args?.projectName ?? stackScopedName(name, CODEBUILD_PROJECT_NAME);
      const buildspec = asResourceError(this, () => {
        validateComponentName(name);
        validateBuildProjectArgs(args, projectName);
        const rendered =
          args.buildSpec !== undefined ? renderBuildSpec(args.buildSpec) : (args.buildSpecFile ?? DEFAULT_BUILDSPEC_FILE_NAME);
        if (args.buildSpec !== undefined && rendered.length > MAX_BUILDSPEC_LENGTH) {
          throw new Error(
            `\`buildSpec\` renders to ${rendered.length} characters; CodeBuild accepts at most ${MAX_BUILDSPEC_LENGTH}. Move long command lists into scripts in the source, or use \`buildSpecFile\`.`,
          );
        }
        return rendered;
      });
      if (args.dockerBuilds === true) {
        pulumi.log.warn(
          `BuildProject ${name}: builds run in privileged mode (\`dockerBuilds: true\`), with root access to the build host's kernel features; build only trusted sources (Checkov CKV_AWS_316).`,
          this,
        );
      }
      if (args.monitoring?.failedBuildsAlarm === false) {
        pulumi.log.warn(`BuildProject ${name}: failed builds raise no alarm (\`monitoring.failedBuildsAlarm: false\`).`, this);
      }
      const ctx = awsContext(this);
      const tags = args.tags;
      // A key ARN given as an Output is checked when it resolves.
      this.encryptionKey = keyOrNew(name, checkedKey("encryptionKey", args.encryptionKey), this);
      const keyArn = this.encryptionKey.keyArn;
      const image = resolveImage(args.image, ctx);

      this.logGroup = new aws.cloudwatch.LogGroup(
        `${name}-logs`,
        {
          name: buildLogGroupName(projectName),
          retentionInDays: args.logRetentionInDays ?? DEFAULT_BUILD_LOG_RETENTION_DAYS,
          kmsKeyId: keyArn,
          tags,
        },
        { parent: this },
      );
      this.reportGroups = createReportGroups(
        name,
        projectName,
        reportGroupsToCreate(args.buildSpec, args.reportGroupNames, args.coverageReportGroupNames),
        reportExportConfig(projectName, args.reportExport, keyArn),
        tags,
        this,
      );

      this.role = createServiceRole(
        `${name}-role`,
        {
          service: CODEBUILD_SERVICE_PRINCIPAL,
          sourceAccount: ctx.accountId,
          sourceArn: buildProjectArn(projectName, ctx),
          description: `Service role of CodeBuild project ${projectName} (aws-cicd)`,
          tags,
        },
        this,
      );
      const statements = buildProjectStatements(this.permissions(args, projectName, image), ctx);
      this.rolePolicy = attachStatements(`${name}-policy`, this.role.name, statements, this);

      this.project = new aws.codebuild.Project(
        `${name}-project`,
        {
          name: projectName,
          description: args.description ?? `Build project ${name} (aws-cicd)`,
          serviceRole: this.role.arn,
          encryptionKey: keyArn,
          ...this.sourceAndArtifacts(args, projectName, buildspec),
          environment: environmentOf(args, image),
          logsConfig: {
            cloudwatchLogs: { status: "ENABLED", groupName: this.logGroup.name },
            s3Logs:
              args.s3Logs !== undefined
                ? {
                    status: "ENABLED",
                    location: locationOf(args.s3Logs, DEFAULT_S3_LOGS_PREFIX_FOLDER, projectName),
                    encryptionDisabled: false,
                  }
                : { status: "DISABLED" },
          },
          cache: cacheOf(args, projectName),
          vpcConfig:
            args.vpc !== undefined
              ? { vpcId: args.vpc.vpcId, subnets: args.vpc.subnetIds, securityGroupIds: args.vpc.securityGroupIds }
              : undefined,
          buildTimeout: args.timeoutInMinutes ?? DEFAULT_BUILD_TIMEOUT_MINUTES,
          queuedTimeout: args.queuedTimeoutInMinutes ?? DEFAULT_QUEUED_TIMEOUT_MINUTES,
          concurrentBuildLimit: args.concurrentBuildLimit,
          tags,
        },
        { parent: this, dependsOn: [this.rolePolicy] },
      );

      const monitoring = createMonitoring(name, this.project.name, this.project.arn, this.encryptionKey, args.monitoring ?? {}, tags, this);
      this.alarm = monitoring.alarm;
      this.alarmTopic = monitoring.topic?.topic;
      this.alarmTopicArn = monitoring.topicArn;
      this.notificationRule = monitoring.notificationRule;

      this.projectName = this.project.name;
      this.projectArn = this.project.arn;
      this.roleArn = this.role.arn;
      this.roleName = this.role.name;
      this.logGroupName = this.logGroup.name;
      this.registerOutputs({
        projectName: this.projectName,
        projectArn: this.projectArn,
        roleArn: this.roleArn,
        roleName: this.roleName,
        logGroupName: this.logGroupName,
        alarmTopicArn: this.alarmTopicArn,
      });
    } catch (e) {
      throw stacks.rethrow(e);
    } finally {
      stacks.close();
    }
  }

  /**
   * Describes a pipeline action running this project: plain data, no resource is created. The
   * `Pipeline` lets its role start and follow builds of exactly this project, and grants
   * this project's service role the artifact objects and key it needs: through the policies of the
   * bucket and key it creates (`projectRoleArn`), so that any number of pipelines may share this
   * project, or through the role's inline policy (`projectRoleName`) for a store you pass.
   *
   * @param options - Action settings; the project name, ARN, role name and role ARN are filled in.
   * @returns `{ codeBuild: { projectName, projectArn, projectRoleName, projectRoleArn, ...options } }`, one entry of
   *   a stage's `actions` (a `Build` producing `<ActionName>Output` unless `type: "Test"`).
   */
  buildAction(options: CodeBuildActionOptions = {}): {
    /** The CodeBuild action. */
    codeBuild: CodeBuildActionArgs;
  } {
    return {
      codeBuild: {
        projectName: this.projectName,
        projectArn: this.projectArn,
        projectRoleName: this.roleName,
        projectRoleArn: this.roleArn,
        ...options,
      },
    };
  }

  /**
   * Attaches more statements to the service role as an extra inline policy named
   * `<name>-<policyName>` (e.g. a pipeline granting its artifact bucket and key). Statements
   * follow the library's rules: exact actions on exact ARNs. Returns the policy resource.
   */
  addToRolePolicy(policyName: string, statements: PolicyStatement[]): aws.iam.RolePolicy {
    if (!POLICY_NAME.test(policyName)) {
      throw new pulumi.ResourceError(`\`policyName\` must be 1 to 64 letters, digits or "-", got "${policyName}".`, this);
    }
    if (statements.length === 0) {
      throw new pulumi.ResourceError(`\`statements\` of policy "${policyName}" must hold at least one statement.`, this);
    }
    return attachStatements(`${COMPONENT_NAMES.get(this)}-${policyName}`, this.role.name, statements, this);
  }

  private permissions(args: BuildProjectArgs, projectName: string, image: ResolvedImage): BuildProjectPermissions {
    const env = environmentReferences(args.environmentVariables);
    const spec = args.buildSpec !== undefined ? buildSpecReferences(args.buildSpec) : undefined;
    const keyArn = this.encryptionKey.keyArn;
    const buckets = [args.s3Logs, args.cache?.s3, args.artifacts?.s3, args.reportExport];
    const grant = (l: BucketLocation | undefined, folder: string): PrefixGrant | undefined =>
      l === undefined ? undefined : { bucketName: l.bucketName, prefix: l.prefix ?? `${folder}/${projectName}` };
    const cc = args.source?.codeCommit;
    return {
      logGroupArn: this.logGroup.arn,
      s3KeyArns: [keyArn, ...buckets.flatMap((b) => (b?.keyArn !== undefined ? [b.keyArn] : []))],
      s3Logs: grant(args.s3Logs, DEFAULT_S3_LOGS_PREFIX_FOLDER),
      s3Cache: grant(args.cache?.s3, DEFAULT_S3_CACHE_PREFIX_FOLDER),
      s3Artifacts: grant(args.artifacts?.s3, DEFAULT_S3_ARTIFACTS_PREFIX_FOLDER),
      reportExport:
        args.reportExport === undefined
          ? undefined
          : { bucketName: args.reportExport.bucketName, prefix: args.reportExport.prefix ?? defaultReportExportPrefix(projectName) },
      // With a buildspec file, `report-group/<project>-*` (buildspecFileProjectName) covers the created groups.
      reportGroupArns:
        args.buildSpec === undefined
          ? []
          : [...Object.values(this.reportGroups).map((g) => g.arn), ...(spec?.reportGroups ?? []).filter((r) => r.startsWith("arn:"))],
      buildspecFileProjectName: args.buildSpec === undefined ? projectName : undefined,
      parameters: [...env.parameters, ...(spec?.parameterNames ?? [])],
      secrets: [...env.secrets, ...(spec?.secretIds ?? [])],
      secretsKeyArns: (args.secretsKeyArns ?? []).map((k, i) => checkedInput(k, keyArnProblem(`secretsKeyArns[${i}]`))),
      ecrRepositoryArn: image.ecrRepositoryArn,
      vpc: args.vpc !== undefined ? { subnetIds: args.vpc.subnetIds, securityGroupIds: args.vpc.securityGroupIds } : undefined,
      codeCommit: cc !== undefined ? { repositoryArn: cc.repository.repositoryArn, keyArn: cc.repository.keyArn } : undefined,
    };
  }

  private sourceAndArtifacts(
    args: BuildProjectArgs,
    projectName: string,
    buildspec: string,
  ): Pick<aws.codebuild.ProjectArgs, "source" | "sourceVersion" | "artifacts"> {
    const cc = args.source?.codeCommit;
    if (cc === undefined) {
      return { source: { type: "CODEPIPELINE", buildspec }, artifacts: { type: "CODEPIPELINE", encryptionDisabled: false } };
    }
    const s3 = args.artifacts?.s3;
    return {
      source: {
        type: "CODECOMMIT",
        location: cc.repository.cloneUrlHttp,
        gitCloneDepth: cc.gitCloneDepth ?? DEFAULT_GIT_CLONE_DEPTH,
        buildspec,
      },
      sourceVersion: `refs/heads/${cc.branch ?? DEFAULT_BUILD_SOURCE_BRANCH}`,
      artifacts:
        s3 === undefined
          ? { type: "NO_ARTIFACTS" }
          : {
              type: "S3",
              location: s3.bucketName,
              path: s3.prefix ?? `${DEFAULT_S3_ARTIFACTS_PREFIX_FOLDER}/${projectName}`,
              namespaceType: "BUILD_ID",
              name: projectName,
              packaging: "ZIP",
              encryptionDisabled: false,
            },
    };
  }
}

/** Settings of {@link BuildProject.buildAction}: every `codeBuild` argument except the project's own. */
export type CodeBuildActionOptions = Omit<CodeBuildActionArgs, "projectName" | "projectArn" | "projectRoleName" | "projectRoleArn">;

/** `<bucket>/<prefix>` of a bucket location, with the default prefix `<folder>/<projectName>`. */
function locationOf(l: BucketLocation, folder: string, projectName: string): pulumi.Output<string> {
  return interpolate`${l.bucketName}/${l.prefix ?? `${folder}/${projectName}`}`;
}

function environmentOf(args: BuildProjectArgs, image: ResolvedImage): aws.types.input.codebuild.ProjectEnvironment {
  const variables = environmentVariableEntries(args.environmentVariables);
  return {
    type: image.type,
    image: image.image,
    computeType: args.computeType ?? DEFAULT_COMPUTE_TYPE,
    imagePullCredentialsType: image.imagePullCredentialsType,
    privilegedMode: args.dockerBuilds ?? false,
    environmentVariables: variables.length > 0 ? variables : undefined,
  };
}

function cacheOf(args: BuildProjectArgs, projectName: string): aws.types.input.codebuild.ProjectCache {
  if (args.cache?.local !== undefined) return { type: "LOCAL", modes: [...args.cache.local] };
  if (args.cache?.s3 !== undefined) return { type: "S3", location: locationOf(args.cache.s3, DEFAULT_S3_CACHE_PREFIX_FOLDER, projectName) };
  return { type: "NO_CACHE" };
}
