import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { BeanstalkDeployActionArgs } from "../pipeline/actions/beanstalk-deploy";
import {
  autoNameArgs,
  AUTONAMED_IAM_POLICY,
  BEANSTALK_APPLICATION_NAME,
  BEANSTALK_ENVIRONMENT_NAME,
  stackScopedName,
  validateComponentName,
} from "../internal/naming";
import { attachStatements, awsContext, createServiceRole } from "../security/iam";
import {
  ApplicationReference,
  BeanstalkTargetArgs,
  DEFAULT_BEANSTALK_DEPLOYMENT_POLICY,
  DEFAULT_BEANSTALK_ENVIRONMENT_TYPE,
  DEFAULT_BEANSTALK_INSTANCE_TYPE,
  DEFAULT_BEANSTALK_LOG_RETENTION_DAYS,
  DEFAULT_MANAGED_UPDATE_WINDOW,
  DEFAULT_MAX_APPLICATION_VERSIONS,
  DEFAULT_BEANSTALK_MAX_SIZE,
  DEFAULT_BEANSTALK_MIN_SIZE,
  DEFAULT_BEANSTALK_ROOT_VOLUME_TYPE,
  DEFAULT_SOLUTION_STACK_REGEX,
  DEFAULT_UPDATE_LEVEL,
} from "./beanstalk-target-args";
import {
  beanstalkInstanceLogStatements,
  beanstalkInstanceRoleStatements,
  BEANSTALK_EXTERNAL_ID,
  BEANSTALK_INSTANCE_PRINCIPAL,
  secretResourceArn,
  BEANSTALK_SERVICE_PRINCIPAL,
} from "./instance-role";
import { beanstalkArn, BeanstalkDeployTargetInfo, SERVICE_ROLE_MANAGED_POLICIES } from "./policies";
import { buildBeanstalkOptionSettings } from "./settings";
import { planLoadBalancer } from "./load-balancer";
import { beanstalkVariableCheck, validateBeanstalkTargetArgs } from "./validate";
import { checkedPlaintextValue } from "../codebuild/plaintext-secrets";
import { checkedKey } from "../internal/arns";
import { asResourceError } from "../internal/errors";
import { awsManagedPolicyArn } from "./deploy-permissions";
import { quietStacks } from "../internal/quiet-stacks";

/**
 * The default environment name: `<project>-<stack>-<name>` when that is a valid environment name
 * (4 to 40 letters, digits and hyphens, a letter or digit at each end); otherwise sanitized, cut and
 * ended with a short stable hash of it (see `validName`).
 */
export function defaultBeanstalkEnvironmentName(name: string): string {
  return stackScopedName(name, BEANSTALK_ENVIRONMENT_NAME);
}

/** The application, environment and role names/ARNs a deploy action needs. */
export type BeanstalkDeployTarget = { [K in keyof BeanstalkDeployTargetInfo]: pulumi.Output<string> };

/**
 * An Elastic Beanstalk environment (and, unless one is given, its application) with
 * secure settings always on: IMDSv2 only, enhanced health, managed platform updates,
 * logs streamed to CloudWatch and kept after termination, instance logs published to S3,
 * an explicit least-privilege instance profile and an explicit service role.
 *
 * `new BeanstalkTarget("web")` runs the newest Amazon Linux 2023 Node.js 22 platform on one
 * `t4g.micro` instance in the default VPC. See the component README for the permissions
 * and the documented exceptions (default VPC, EBS encryption, log group encryption).
 *
 * `BeanstalkTarget.deployAction` describes a deploy action of a `Pipeline`:
 *
 * ```ts
 * const dev = new BeanstalkTarget("dev", { encryptionKey: key });
 * const prod = new BeanstalkTarget("prod", { application: dev.application, environmentType: "LoadBalanced", encryptionKey: key });
 * new Pipeline("app", {
 *   encryptionKey: key,
 *   stages: [
 *     { name: "Source", actions: [repo.sourceAction()] },
 *     { name: "BuildAndTest", actions: [test.buildAction()] },
 *     { name: "DeployDev", actions: [dev.deployAction()] },
 *     { name: "Approve", actions: [manualApprovalAction({ notifyEmails: ["lead@example.com"] })] },
 *     { name: "DeployProd", actions: [prod.deployAction()] },
 *   ],
 * });
 * ```
 */
export class BeanstalkTarget extends pulumi.ComponentResource {
  /** The created `aws.elasticbeanstalk.Application`, or the application given in `application`. */
  readonly application: ApplicationReference;
  /** The Elastic Beanstalk environment. */
  readonly environment: aws.elasticbeanstalk.Environment;
  /** Role of the environment's EC2 instances. */
  readonly instanceRole: aws.iam.Role;
  /** Inline policy letting the instances publish logs under this environment's own prefix (needs the environment id). */
  readonly instanceLogPolicy: aws.iam.RolePolicy;
  /** Instance profile wrapping `instanceRole`. */
  readonly instanceProfile: aws.iam.InstanceProfile;
  /** Service role Elastic Beanstalk assumes to manage the environment. */
  readonly serviceRole: aws.iam.Role;
  /** Account-level EBS default encryption, when `enableEbsEncryptionByDefault` is set. */
  readonly ebsEncryptionByDefault?: aws.ebs.EncryptionByDefault;
  /** Name of the Elastic Beanstalk application. */
  readonly applicationName: pulumi.Output<string>;
  /** Name of the environment. */
  readonly environmentName: pulumi.Output<string>;
  /** URL of the environment (the load balancer's or the instance's public DNS name). */
  readonly endpointUrl: pulumi.Output<string>;
  /** ARN of the Elastic Beanstalk application. */
  readonly applicationArn: pulumi.Output<string>;
  /** ARN of the environment. */
  readonly environmentArn: pulumi.Output<string>;

  constructor(name: string, args: BeanstalkTargetArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super("aws-cicd:index:BeanstalkTarget", name, {}, opts);
    const stacks = quietStacks();
    try {
      asResourceError(this, () => {
        validateComponentName(name);
        validateBeanstalkTargetArgs(args);
      });
      const ctx = awsContext(this);
      const tags = args.tags;
      const environmentName = args.environmentName ?? defaultBeanstalkEnvironmentName(name);

      this.serviceRole = createServiceRole(
        `${name}-service-role`,
        {
          service: BEANSTALK_SERVICE_PRINCIPAL,
          externalId: BEANSTALK_EXTERNAL_ID,
          description: `Elastic Beanstalk service role of ${environmentName} (aws-cicd)`,
          tags,
        },
        this,
      );
      const attachments = SERVICE_ROLE_MANAGED_POLICIES.map(
        (p) =>
          new aws.iam.RolePolicyAttachment(
            `${name}-service-role-${p.name}`,
            { role: this.serviceRole.name, policyArn: awsManagedPolicyArn(ctx, p) },
            { parent: this },
          ),
      );

      if (args.application !== undefined) {
        this.application = args.application;
      } else {
        const lifecycle = args.applicationVersionLifecycle ?? { maxCount: DEFAULT_MAX_APPLICATION_VERSIONS };
        this.application = new aws.elasticbeanstalk.Application(
          `${name}-application`,
          {
            name: args.applicationName ?? stackScopedName(name, BEANSTALK_APPLICATION_NAME),
            description: `Application of ${name} (aws-cicd)`,
            appversionLifecycle: { serviceRole: this.serviceRole.arn, deleteSourceFromS3: false, ...lifecycle },
            tags,
          },
          { parent: this },
        );
      }
      const applicationName = pulumi.output(this.application.name);
      const applicationArn = beanstalkArn(ctx, applicationName, (n) => `application/${n}`);

      const secrets = Object.entries(args.secrets ?? {});
      const ssmParameterArns = secrets.flatMap(([, s]) => (s.ssmParameterArn !== undefined ? [s.ssmParameterArn] : []));
      const secretArns = secrets.flatMap(([, s]) =>
        s.secretsManagerSecretArn !== undefined ? [secretResourceArn(s.secretsManagerSecretArn)] : [],
      );

      // EC2 sends no aws:SourceAccount/aws:SourceArn for an instance profile's role: no condition
      // (who may attach the role to an instance is `iam:PassRole`'s to say).
      this.instanceRole = createServiceRole(
        `${name}-instance-role`,
        {
          service: BEANSTALK_INSTANCE_PRINCIPAL,
          description: `Instance role of Elastic Beanstalk environment ${environmentName} (aws-cicd)`,
          tags,
        },
        this,
      );
      const instancePolicy = attachStatements(
        `${name}-instance-policy`,
        this.instanceRole.name,
        beanstalkInstanceRoleStatements({
          ctx,
          applicationName,
          environmentName,
          ssmParameterArns,
          secretArns,
          keyArn: checkedKey("encryptionKey", args.encryptionKey)?.keyArn,
        }),
        this,
      );
      this.instanceProfile = new aws.iam.InstanceProfile(
        `${name}-instance-profile`,
        { ...autoNameArgs(`${name}-instance-profile`, AUTONAMED_IAM_POLICY), role: this.instanceRole.name, tags },
        { parent: this },
      );

      if (args.enableEbsEncryptionByDefault) {
        this.ebsEncryptionByDefault = new aws.ebs.EncryptionByDefault(
          `${name}-ebs-encryption`,
          { enabled: true },
          { parent: this, retainOnDelete: true },
        );
      }

      const environmentType = args.environmentType ?? DEFAULT_BEANSTALK_ENVIRONMENT_TYPE;
      const settings = buildBeanstalkOptionSettings({
        environmentType,
        instanceType: args.instanceType ?? DEFAULT_BEANSTALK_INSTANCE_TYPE,
        minSize: args.minSize ?? DEFAULT_BEANSTALK_MIN_SIZE,
        maxSize: args.maxSize ?? Math.max(DEFAULT_BEANSTALK_MAX_SIZE, args.minSize ?? DEFAULT_BEANSTALK_MIN_SIZE),
        deploymentPolicy: args.deploymentPolicy ?? DEFAULT_BEANSTALK_DEPLOYMENT_POLICY[environmentType],
        instanceProfileName: this.instanceProfile.name,
        serviceRoleArn: this.serviceRole.arn,
        logRetentionInDays: args.logRetentionInDays ?? DEFAULT_BEANSTALK_LOG_RETENTION_DAYS,
        preferredStartTime: args.managedUpdates?.preferredStartTime ?? DEFAULT_MANAGED_UPDATE_WINDOW,
        updateLevel: args.managedUpdates?.updateLevel ?? DEFAULT_UPDATE_LEVEL,
        rootVolumeType: DEFAULT_BEANSTALK_ROOT_VOLUME_TYPE,
        vpc: args.vpc,
        loadBalancer: planLoadBalancer(args.loadBalancer, environmentName),
        // Values given as Outputs are checked when they resolve (a `pulumi.secret` or a credential fails the deployment).
        environmentVariables: Object.fromEntries(
          Object.entries(args.environmentVariables ?? {}).map(([k, v]) => [k, checkedPlaintextValue(v, beanstalkVariableCheck(args, k))]),
        ),
        secrets: Object.fromEntries(secrets.map(([k, s]) => [k, (s.ssmParameterArn ?? s.secretsManagerSecretArn)!])),
        extra: args.settings ?? [],
      });

      const solutionStackName =
        args.solutionStackName ??
        aws.elasticbeanstalk.getSolutionStackOutput(
          { mostRecent: true, nameRegex: args.solutionStackRegex ?? DEFAULT_SOLUTION_STACK_REGEX },
          { parent: this },
        ).name;

      this.environment = new aws.elasticbeanstalk.Environment(
        `${name}-environment`,
        { name: environmentName, application: applicationName, solutionStackName, tier: "WebServer", settings, tags },
        {
          parent: this,
          dependsOn: [instancePolicy, ...attachments, ...(this.ebsEncryptionByDefault ? [this.ebsEncryptionByDefault] : [])],
        },
      );

      this.instanceLogPolicy = attachStatements(
        `${name}-instance-log-policy`,
        this.instanceRole.name,
        beanstalkInstanceLogStatements(ctx, this.environment.id),
        this,
      );

      this.applicationName = applicationName;
      this.environmentName = this.environment.name;
      this.endpointUrl = this.environment.endpointUrl;
      this.applicationArn = applicationArn;
      this.environmentArn = this.environment.arn;
      this.registerOutputs({
        applicationName: this.applicationName,
        environmentName: this.environmentName,
        endpointUrl: this.endpointUrl,
        applicationArn: this.applicationArn,
        environmentArn: this.environmentArn,
      });
    } catch (e) {
      throw stacks.rethrow(e);
    } finally {
      stacks.close();
    }
  }

  /**
   * Plain data a pipeline's Elastic Beanstalk deploy action uses: names for the action's
   * configuration, and the ARNs and ids `beanstalkDeployStatements` scopes the pipeline role to.
   */
  beanstalkDeployTarget(): BeanstalkDeployTarget {
    return {
      applicationName: this.applicationName,
      environmentName: this.environmentName,
      applicationArn: this.applicationArn,
      environmentArn: this.environmentArn,
      environmentId: this.environment.id,
      instanceRoleArn: this.instanceRole.arn,
    };
  }

  /**
   * Describes a pipeline action deploying to this environment: plain data, no resource is
   * created. The `Pipeline` registers its input artifact as an application version and
   * updates this environment, with `beanstalkDeployStatements` scoped to this application and
   * environment on its role.
   *
   * @param options - Action settings (`name`, `inputs`, `runOrder`, `roleArn`); the target is filled in.
   * @returns `{ beanstalkDeploy: { ...this.beanstalkDeployTarget(), ...options } }`, one entry of a
   *   stage's `actions` (named "Deploy", deploying the newest artifact, unless set).
   */
  deployAction(options: BeanstalkDeployActionOptions = {}): {
    /** The Elastic Beanstalk deploy action. */
    beanstalkDeploy: BeanstalkDeployActionArgs;
  } {
    return { beanstalkDeploy: { ...this.beanstalkDeployTarget(), ...options } };
  }
}

/** Settings of {@link BeanstalkTarget.deployAction}: the `beanstalkDeploy` arguments that are not the target's. */
export type BeanstalkDeployActionOptions = Omit<BeanstalkDeployActionArgs, keyof BeanstalkDeployTargetInfo>;
