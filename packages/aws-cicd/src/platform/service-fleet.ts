import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { BeanstalkTarget } from "../beanstalk/beanstalk-target";
import { BuildProject } from "../codebuild/build-project";
import { CodeCommitRepo } from "../codecommit/codecommit-repo";
import { Ec2FleetTarget } from "../codedeploy/ec2-fleet-target";
import { LambdaTarget } from "../lambda/lambda-target";
import { EcsServiceTarget } from "../ecs/ecs-service-target";
import { CrossAccountDeployRole } from "../cross-account/cross-account-deploy-role";
import { asResourceError } from "../internal/errors";
import { validateComponentName } from "../internal/naming";
import { ActionArgs } from "../pipeline/actions";
import { connectionSourceAction } from "../pipeline/actions/connection-source";
import { manualApprovalAction } from "../pipeline/actions/manual-approval";
import { Pipeline } from "../pipeline/pipeline";
import { PipelineNotificationArgs } from "../pipeline/pipeline-args";
import { StageArgs } from "../pipeline/stages";
import { EncryptionKey } from "../security/encryption-key";
import { NestedSecureBucket } from "../security/secure-bucket-nested";
import { NestedSecureTopic } from "../security/secure-topic-nested";
import { FleetPlan, fleetReaderRolePaths, fleetRolePath, PlannedEnvironment, PlannedService, planFleet } from "./fleet-plan";
import { ServiceFleetArgs } from "./service-fleet-args";
import { quietStacks } from "../internal/quiet-stacks";

/** One service in {@link ServiceFleet.inventory}. */
export interface FleetInventoryEntry {
  /** The service's name. */
  service: string;
  /** Its team. */
  team: string;
  /** The preset's name. */
  preset: string;
  /** The preset version it runs (its team's pin, or the file's). */
  presetVersion: string;
  /** Environment names in delivery order. */
  environments: string[];
}

/** What the fleet keeps for its methods (internal state, not class properties: SCHEMA.md). */
interface FleetState {
  pipelines: Map<string, Pipeline>;
}
const STATE = new WeakMap<ServiceFleet, FleetState>();

/**
 * A platform team's fleet of pipelines, stamped from one services file (type token
 * `aws-cicd:index:ServiceFleet`). Per service: a CodeCommit repository (or a connection source), a
 * build, the target of each environment (in its account, through a provider that assumes the
 * account's `bootstrapRoleArn`), a cross-account deploy role where needed, approvals, and a V2
 * pipeline. Shared by every pipeline: one customer key and one artifact bucket, and one
 * notification topic per team. Every resource is tagged with the preset, its version, the
 * library version, the team and the service (`FleetTag`).
 *
 * ```ts
 * const fleet = new ServiceFleet("platform", { servicesFile: "services.yml", presets: acme.presets });
 * ```
 *
 * A file that fails its checks creates nothing: the error names the file, line and column.
 */
export class ServiceFleet extends pulumi.ComponentResource {
  /** The key of the artifacts, builds, repositories and topics of the stack's account. */
  readonly keyArn: pulumi.Output<string>;
  /** The artifact bucket every pipeline shares. */
  readonly artifactBucketName: pulumi.Output<string>;
  /** Pipeline names by service. */
  readonly pipelineNames: pulumi.Output<Record<string, string>>;
  /** Every service with its team, preset version and environments (what `aws-cicd synth --inventory` lists). */
  readonly inventory: FleetInventoryEntry[];

  constructor(name: string, args: ServiceFleetArgs, opts?: pulumi.ComponentResourceOptions) {
    super("aws-cicd:index:ServiceFleet", name, {}, opts);
    const stacks = quietStacks();
    try {
      const plan: FleetPlan = asResourceError(this, () => {
        validateComponentName(name);
        return planFleet(name, args, aws.config.region);
      });
      const o = { parent: this };
      // The roles in other accounts that read artifacts are granted by path, one grant per account (fleet-plan.ts).
      const readers = fleetReaderRolePaths(name, plan);
      const rolePath = fleetRolePath(name);
      const fleetTags = { ...(args.tags ?? {}), "aws-cicd:preset": plan.preset.name, "aws-cicd:preset-version": plan.preset.version };

      // The stack's own account (no bootstrap role) logs the artifact bucket's accesses, when it names a log bucket.
      const localLogBucket = Object.values(plan.file.accounts).find((a) => a.bootstrapRoleArn === undefined && a.logBucket)?.logBucket;
      // ECS services run in the stack's own account (services-check.ts) and keep their images in ECR
      // repositories under this key, which ECR uses through grants it creates itself.
      const ecsImages = plan.services.some((s) => s.environments.some((e) => e.ecs !== undefined));
      const key = new EncryptionKey(
        `${name}-key`,
        {
          ...(readers.length ? { principalRolePaths: readers } : {}),
          ...(ecsImages ? { allowEcrRepositories: true } : {}),
          tags: fleetTags,
        },
        o,
      );
      const bucket = new NestedSecureBucket(
        `${name}-artifacts`,
        {
          encryptionKey: key,
          ...(readers.length ? { readerRolePaths: readers } : {}),
          ...(localLogBucket !== undefined ? { accessLogs: { bucketName: localLogBucket } } : {}),
          tags: fleetTags,
        },
        o,
      );
      const topics = new Map(
        Object.entries(plan.file.teams).map(([team, spec]) => [
          team,
          new NestedSecureTopic(
            `${name}-${team}-topic`,
            { encryptionKey: key, emailSubscriptions: spec.emails, tags: { ...fleetTags, "aws-cicd:team": team } },
            o,
          ),
        ]),
      );
      const remoteSides = new Map<string, { provider: aws.Provider; key: EncryptionKey }>();
      const sideOf = (env: PlannedEnvironment) => {
        const id = `${env.accountName}-${env.region}`;
        if (!remoteSides.has(id)) {
          const provider = new aws.Provider(
            `${name}-${id}`,
            {
              region: env.region as aws.Region,
              assumeRoles: [{ roleArn: env.account.bootstrapRoleArn!, sessionName: `aws-cicd-${name}`.slice(0, 64) }],
              allowedAccountIds: [env.account.id],
            },
            o,
          );
          const targetKey = new EncryptionKey(`${name}-${id}-key`, { tags: fleetTags }, { parent: this, provider });
          remoteSides.set(id, { provider, key: targetKey });
        }
        return remoteSides.get(id)!;
      };

      const pipelines = new Map<string, Pipeline>();
      for (const s of plan.services) {
        const teamEmails = plan.file.teams[s.team].emails;
        const pipeline = this.stampService(name, s, { key, bucket, topic: topics.get(s.team)!, teamEmails, sideOf, rolePath });
        pipelines.set(s.name, pipeline);
      }
      STATE.set(this, { pipelines });
      this.keyArn = pulumi.output(key.keyArn);
      this.artifactBucketName = bucket.bucketName;
      this.pipelineNames = pulumi.all(Object.fromEntries([...pipelines].map(([svc, p]) => [svc, p.pipelineName])));
      this.inventory = plan.services.map((s) => ({
        service: s.name,
        team: s.team,
        preset: plan.preset.name,
        presetVersion: s.presetVersion,
        environments: s.environments.map((e) => e.name),
      }));
      this.registerOutputs({
        keyArn: this.keyArn,
        artifactBucketName: this.artifactBucketName,
        pipelineNames: this.pipelineNames,
        inventory: this.inventory,
      });
    } catch (e) {
      throw stacks.rethrow(e);
    } finally {
      stacks.close();
    }
  }

  /** The pipeline of `service`, to add stages' neighbours or read its role. */
  pipeline(service: string): Pipeline {
    const p = STATE.get(this)!.pipelines.get(service);
    if (!p) throw new Error(`ServiceFleet has no service "${service}"; services: ${[...STATE.get(this)!.pipelines.keys()].join(", ")}.`);
    return p;
  }

  private stampService(
    name: string,
    s: PlannedService,
    shared: {
      key: EncryptionKey;
      bucket: NestedSecureBucket;
      topic: NestedSecureTopic;
      teamEmails: string[];
      sideOf: (env: PlannedEnvironment) => { provider: aws.Provider; key: EncryptionKey };
      rolePath: string;
    },
  ): Pipeline {
    const base = `${name}-${s.name}`;
    const o = { parent: this };
    const tags = s.tags;
    const source: ActionArgs = s.source.codecommit
      ? new CodeCommitRepo(
          base,
          { repositoryName: s.source.codecommit.repositoryName ?? s.name, encryptionKey: shared.key, tags },
          o,
        ).sourceAction({ branch: s.source.codecommit.branch ?? "main" })
      : connectionSourceAction({
          connectionArn: s.source.connection!.connectionArn,
          repository: s.source.connection!.repository,
          branch: s.source.connection!.branch ?? "main",
          ...(s.source.connection!.includePaths || s.source.connection!.excludePaths
            ? {
                triggers: {
                  push: [
                    {
                      branches: { includes: [s.source.connection!.branch ?? "main"] },
                      filePaths: {
                        ...(s.source.connection!.includePaths ? { includes: s.source.connection!.includePaths } : {}),
                        ...(s.source.connection!.excludePaths ? { excludes: s.source.connection!.excludePaths } : {}),
                      },
                    },
                  ],
                },
              }
            : {}),
        });
    const build = new BuildProject(`${base}-build`, { ...s.buildArgs, encryptionKey: shared.key }, o);
    const [pipelineRoleArn, setPipelineRoleArn] = pulumi.deferredOutput<string>();
    const stages: StageArgs[] = [
      { name: "Source", actions: [source] },
      { name: "Build", actions: [build.buildAction()] },
    ];
    for (const env of s.environments) {
      if (env.approval)
        stages.push({
          name: `Approve-${env.name}`,
          actions: [
            env.approval.emails
              ? manualApprovalAction({ notifyEmails: env.approval.emails, message: `Deploy ${s.name} to ${env.name}?` })
              : manualApprovalAction({
                  topicArn: shared.topic.topicArn,
                  topicKeyArn: shared.key.keyArn,
                  message: `Deploy ${s.name} to ${env.name}?`,
                }),
          ],
        });
      stages.push({
        name: `Deploy-${env.name}`,
        actions: [this.deployAction(`${base}-${env.name}`, env, s, { ...shared, build }, pipelineRoleArn)],
      });
    }
    // A service with e-mails of its own gets its own topic; the others share their team's.
    const extra = s.notificationEmails.some((e) => !shared.teamEmails.includes(e));
    const notifications: PipelineNotificationArgs = extra
      ? { emailSubscriptions: s.notificationEmails }
      : { topicArn: shared.topic.topicArn };
    const pipeline = new Pipeline(
      base,
      {
        encryptionKey: shared.key,
        artifactBucket: { bucketName: shared.bucket.bucketName, bucketArn: shared.bucket.bucketArn, keyArn: shared.key.keyArn },
        pipelineType: "V2",
        ...(s.pipeline.executionMode ? { executionMode: s.pipeline.executionMode } : {}),
        notifications,
        stages,
        tags,
      },
      o,
    );
    setPipelineRoleArn(pipeline.roleArn);
    return pipeline;
  }

  private deployAction(
    base: string,
    env: PlannedEnvironment,
    s: PlannedService,
    shared: {
      key: EncryptionKey;
      bucket: NestedSecureBucket;
      sideOf: (env: PlannedEnvironment) => { provider: aws.Provider; key: EncryptionKey };
      rolePath: string;
      build: BuildProject;
    },
    pipelineRoleArn: pulumi.Output<string>,
  ): ActionArgs {
    const isRemote = env.account.bootstrapRoleArn !== undefined;
    const side = isRemote ? shared.sideOf(env) : undefined;
    const opts = side ? { parent: this, provider: side.provider } : { parent: this };
    const targetKey = side ? side.key : shared.key;
    const artifact = { artifactBucketArn: shared.bucket.bucketArn, artifactKeyArn: pulumi.output(shared.key.keyArn) };
    if (env.lambda) return new LambdaTarget(base, { ...env.lambda, encryptionKey: targetKey }, opts).deployAction();
    if (env.ecs) {
      // In the stack's own account (services-check.ts): the service's build pushes to the service's repository.
      const target = new EcsServiceTarget(
        base,
        { ...env.ecs, fargateService: { ...env.ecs.fargateService!, encryptionKey: targetKey } },
        opts,
      );
      target.grantImagePush(shared.build.role);
      return target.deployAction();
    }
    if (env.beanstalk) {
      const target = new BeanstalkTarget(base, { ...env.beanstalk, encryptionKey: targetKey }, opts);
      if (!isRemote) return target.deployAction();
      const role = new CrossAccountDeployRole(
        `${base}-deploy`,
        { pipelineRoleArn, ...artifact, beanstalkTargets: [target.beanstalkDeployTarget()], rolePath: shared.rolePath, tags: s.tags },
        opts,
      );
      return target.deployAction({ roleArn: role.roleArn });
    }
    const remoteReader = isRemote ? { ...artifact, instanceRolePath: shared.rolePath } : {};
    const target = new Ec2FleetTarget(base, { ...env.ec2Fleet!, encryptionKey: targetKey, ...remoteReader }, opts);
    if (!isRemote) return target.deployAction();
    const role = new CrossAccountDeployRole(
      `${base}-deploy`,
      { pipelineRoleArn, ...artifact, codeDeployTargets: [target.deployTarget()], rolePath: shared.rolePath, tags: s.tags },
      opts,
    );
    return target.deployAction({ roleArn: role.roleArn });
  }
}
