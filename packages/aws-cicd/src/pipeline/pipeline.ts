import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { pipelineConsoleUrlOutput } from "../internal/console";
import { IAM_ROLE_NAME, PIPELINE_NAME, stackScopedName, validateComponentName } from "../internal/naming";
import { checkedInput, checkedKey, roleNameOrArnProblem } from "../internal/arns";
import { KeyReference, keyOrNew } from "../security/encryption-key";
import { attachManagedStatements, attachStatements, createServiceRole, awsContext, PolicyStatement, roleNameInput } from "../security/iam";
import { ActionKindName, ArtifactFacts, BindContext, BoundAction, PlannedAction } from "./action-types";
import { ACTION_KINDS } from "./actions";
import { DEFAULT_EXECUTION_MODE, DEFAULT_PIPELINE_TYPE, PipelineArgs } from "./pipeline-args";
import {
  artifactStoreOf,
  artifactStoreStatements,
  checkedArtifactBucket,
  RegionalArtifactStore,
  regionalStoresOf,
  regionSid,
} from "./artifact-store";
import { actionRegion, checkedPipelineRegion } from "./regions";
import { storeRoles } from "./store-roles";
import { createNotifications } from "./notifications";
import { APPROVAL_RESULT_ACTIONS, APPROVAL_STATE_ACTIONS, ASSUME_ACTION_ROLE_ACTIONS } from "./policies";
import { findApprovalActions, PlannedStage } from "./stages";
import { conditionRuleTargets, renderStageConditions, ruleStatements } from "./stage-conditions";

import { validatePipelineArgs } from "./validate";
import { bindAction, BoundEntry, combinedStatements, managedPolicyParts, sharedResources, uniqueSids } from "./kind-hooks";
import { asResourceError } from "../internal/errors";
import { internals, internalsOf } from "./pipeline-internals";
import { interpolate } from "../internal/interpolate";
import { quietStacks } from "../internal/quiet-stacks";

/** Actions in the order they run (stage, then `runOrder`), so producers bind before consumers. */
function executionOrder(stages: PlannedStage[]): PlannedAction[] {
  return stages.flatMap((s) => [...s.actions].sort((a, b) => a.runOrder - b.runOrder || a.actionIndex - b.actionIndex));
}

export { actionRoleArns } from "./store-roles";
export { uniqueSids } from "./kind-hooks";

/**
 * A CodePipeline (V2) whose actions are plain descriptions: the pipeline validates the stages,
 * wires artifacts, creates a role allowed exactly what each action needs on exactly its
 * resources, stores artifacts in a `SecureBucket` under a customer key, starts on source
 * events (never polling), and notifies failures and pending approvals.
 */
export class Pipeline extends pulumi.ComponentResource {
  /** The CodePipeline pipeline. */
  readonly pipeline: aws.codepipeline.Pipeline;
  /** Service role the pipeline runs as. */
  readonly role: aws.iam.Role;
  /** Inline policy of the pipeline's role. */
  readonly rolePolicy: aws.iam.RolePolicy;
  /**
   * The artifact bucket, when the pipeline created it (a `SecureBucket`; its `aws.s3.Bucket`
   * itself, so that every Pulumi language can use it). Its name is `artifactBucketName`.
   */
  readonly artifactBucket?: aws.s3.Bucket;
  /**
   * The notification topic, when notifications are on and no `notifications.topicArn` was given
   * (encrypted, TLS-only; its `aws.sns.Topic` itself). Its ARN is `notificationTopicArn`.
   */
  readonly notificationTopic?: aws.sns.Topic;
  /** Rule matching failed executions (present when notifications are on): add your own targets to it. */
  readonly failureRule?: aws.cloudwatch.EventRule;
  /** The key artifacts and created topics are encrypted with. */
  readonly encryptionKey: KeyReference;
  /** Name of the pipeline. */
  readonly pipelineName: pulumi.Output<string>;
  /** ARN of the pipeline. */
  readonly pipelineArn: pulumi.Output<string>;
  /** ARN of the pipeline's role. */
  readonly roleArn: pulumi.Output<string>;
  /** Name of the artifact bucket. */
  readonly artifactBucketName: pulumi.Output<string>;
  /**
   * ARN of the artifact bucket of each region where actions run besides the pipeline's, by region
   * (`{}` without cross-region actions): what a `CrossAccountDeployRole` of such an action reads.
   */
  readonly regionalArtifactBucketArns: pulumi.Output<Record<string, string>>;
  /** ARN of the artifact key of each of those regions, by region (`{}` without cross-region actions). */
  readonly regionalArtifactKeyArns: pulumi.Output<Record<string, string>>;
  /** ARN of the notification topic (absent when notifications are off). */
  readonly notificationTopicArn?: pulumi.Output<string>;
  /** The pipeline in the AWS console of the provider's partition (commercial, China or GovCloud). */
  readonly consoleUrl: pulumi.Output<string>;

  constructor(name: string, args: PipelineArgs, opts?: pulumi.ComponentResourceOptions) {
    super("aws-cicd:index:Pipeline", name, {}, opts);
    const stacks = quietStacks();
    try {
      const plan = asResourceError(this, () => {
        validateComponentName(name);
        return validatePipelineArgs(args ?? ({} as PipelineArgs));
      });
      const ctx = awsContext(this);
      const pipelineName = args.pipelineName ?? stackScopedName(name, PIPELINE_NAME);
      internals.set(this, { stages: plan, resourceName: name, ctx, physicalName: pipelineName, approvalGrants: 0 });
      const pipelineArn = interpolate`arn:${ctx.partition}:codepipeline:${ctx.region}:${ctx.accountId}:${pipelineName}`;
      const actions = executionOrder(plan);

      // The pipeline's store lets in the roles of the actions in its region; each other region's
      // store, those of the actions there (storeRoles).
      const {
        actionRoles,
        codeBuildRoles,
        writers: allWriters,
        readers: readerRoles,
      } = storeRoles(actions.filter((a) => actionRegion(a) === undefined));
      const artifactBucket = args.artifactBucket && checkedArtifactBucket(args.artifactBucket);
      const givenKey = checkedKey("encryptionKey", args.encryptionKey);
      this.encryptionKey =
        givenKey ??
        (artifactBucket
          ? { keyArn: artifactBucket.keyArn }
          : keyOrNew(name, undefined, this, {
              ...(readerRoles.length > 0 ? { principalArns: readerRoles } : {}),
              ...(allWriters.length > 0 ? { writerPrincipalArns: allWriters } : {}),
            }));
      const created = artifactStoreOf(
        name,
        artifactBucket,
        args.artifactBucketOptions,
        this.encryptionKey,
        actionRoles,
        allWriters,
        codeBuildRoles,
        ctx,
        args.tags,
        this,
      );
      const store = {
        ...created,
        info: { ...created.info, keyNamesArtifactRoles: givenKey === undefined && artifactBucket === undefined },
      };
      this.artifactBucket = store.bucket?.bucket;
      const regional = regionalStoresOf(name, actions, args, ctx, this);

      this.role = createServiceRole(
        `${name}-role`,
        {
          service: "codepipeline.amazonaws.com",
          sourceAccount: ctx.accountId,
          sourceArn: pipelineArn,
          roleName: args.roleName ?? stackScopedName(`${name}-pipeline`, IAM_ROLE_NAME),
          description: `Service role of pipeline ${pipelineName} (aws-cicd).`,
          permissionsBoundary: args.rolePermissionsBoundary,
          tags: args.tags,
        },
        this,
      );

      const facts = new Map<string, ArtifactFacts>();
      const bound = new Map<PlannedAction, BoundAction>();
      // Statement lists in policy order; a kind that combines its actions' statements takes one slot.
      const slots: (() => PolicyStatement[])[] = [
        () => artifactStoreStatements(store.info, ctx),
        ...[...regional.values()].map((r) => () => artifactStoreStatements(r.info, r.ctx, regionSid(r.region))),
      ];
      // Actions of kinds that combine their statements, and run with the pipeline role; the kinds in order.
      const combinable: BoundEntry[] = [];
      const combinedKinds: ActionKindName[] = [];
      const entries: BoundEntry[] = [];
      for (const action of actions) {
        // An action in another region binds with that region's context and store.
        const elsewhere: RegionalArtifactStore | undefined = regional.get(actionRegion(action) ?? "");
        const bindCtx: BindContext = {
          parent: this,
          resourceName: `${name}-${action.stageName}-${action.name}`,
          aws: elsewhere?.ctx ?? ctx,
          pipelineName,
          pipelineArn,
          artifactStore: elsewhere?.info ?? store.info,
          roleName: this.role.name,
          encryptionKey: this.encryptionKey,
          action,
          inputFacts: action.inputs.map((i) => facts.get(i) ?? {}),
        };
        const kind = action.kind;
        const b = bindAction(action, bindCtx);
        bound.set(action, b);
        for (const o of action.outputs) facts.set(o, b.outputFacts ?? {});
        const entry = { action, ctx: bindCtx, statements: b.statements };
        entries.push(entry);
        const roleArn = action.args.roleArn;
        if (roleArn !== undefined) {
          slots.push(() => [{ sid: "AssumeActionRole", actions: [...ASSUME_ACTION_ROLE_ACTIONS], resources: [roleArn] }]);
        } else if (ACTION_KINDS[kind].combineStatements === undefined) {
          slots.push(() => b.statements);
        } else {
          if (!combinedKinds.includes(kind)) {
            combinedKinds.push(kind);
            if (ACTION_KINDS[kind].managedPolicyParts === undefined) slots.push(() => combinedStatements(kind, combinable));
          }
          combinable.push(entry);
        }
      }
      // The stages' CloudWatchAlarm and LambdaInvoke rules run with the pipeline role.
      const ruleTargets = conditionRuleTargets(plan);
      slots.push(() => ruleStatements(ruleTargets.alarms, ruleTargets.functions, ctx));
      const statements = slots.flatMap((slot) => slot());
      this.rolePolicy = attachStatements(`${name}-role-policy`, this.role.name, uniqueSids(statements), this);
      // Kinds with large statement lists go to customer managed policies on the role (one per part).
      const managedPolicies = combinedKinds.flatMap((kind) =>
        managedPolicyParts(kind, combinable)
          .filter((part) => part.statements.length > 0)
          .map((part) =>
            attachManagedStatements(
              `${name}-${part.name}`,
              this.role.name,
              uniqueSids(part.statements),
              { subject: `The ${part.name} policy of pipeline \`${name}\``, fix: "Deploy to fewer environments from one pipeline." },
              this,
            ),
          ),
      );

      const stages = plan.map((stage, i) => ({
        name: stage.name,
        ...renderStageConditions(stage, i),
        actions: stage.actions.map((action) => {
          const b = bound.get(action)!;
          const roleArn = action.args.roleArn;
          return {
            name: action.name,
            ...b.declaration,
            runOrder: action.runOrder,
            ...(action.inputs.length > 0 ? { inputArtifacts: action.inputs } : {}),
            ...(action.outputs.length > 0 ? { outputArtifacts: action.outputs } : {}),
            ...(roleArn !== undefined ? { roleArn } : {}),
            ...(actionRegion(action) !== undefined ? { region: actionRegion(action) } : {}),
          };
        }),
      }));
      const kindsInOrder = [...new Set(actions.map((a) => a.kind))];
      const shared = kindsInOrder.flatMap((kind) => sharedResources(kind, entries));
      const extra = [...[...bound.values()].flatMap((b) => b.resources ?? []), ...shared];
      // V2 trigger filters of connection sources, in stage order (none: each source starts on pushes to its branch).
      const triggers = plan.flatMap((s) => s.actions.flatMap((a) => bound.get(a)?.pipelineTrigger ?? []));
      this.pipeline = new aws.codepipeline.Pipeline(
        `${name}-pipeline`,
        {
          name: pipelineName,
          pipelineType: args.pipelineType ?? DEFAULT_PIPELINE_TYPE,
          executionMode: args.executionMode ?? DEFAULT_EXECUTION_MODE,
          roleArn: this.role.arn,
          artifactStores: [
            {
              location: store.info.bucketName,
              type: "S3",
              encryptionKey: { id: store.info.keyArn, type: "KMS" },
              // One store per region once an action runs elsewhere, each with its region (none otherwise, as AWS asks).
              ...(regional.size > 0 ? { region: checkedPipelineRegion(ctx.region, actions) } : {}),
            },
            ...[...regional.values()].map((r) => ({
              location: r.info.bucketName,
              type: "S3",
              encryptionKey: { id: r.info.keyArn, type: "KMS" },
              region: r.region,
            })),
          ],
          stages,
          variables: args.variables?.map((v) => ({ name: v.name, defaultValue: v.defaultValue, description: v.description })),
          triggers: triggers.length > 0 ? triggers : undefined,
          tags: args.tags,
        },
        // A new pipeline starts an execution at once: its permissions and grants must exist first.
        {
          parent: this,
          dependsOn: [
            this.rolePolicy,
            ...managedPolicies,
            ...extra,
            ...(store.bucket ? [store.bucket] : []),
            ...[...regional.values()].flatMap((r) => (r.bucket ? [r.bucket] : [])),
          ],
        },
      );
      for (const b of bound.values()) b.afterPipeline?.(this.pipeline);

      const notifications = args.notifications ?? {};
      if (notifications.enabled === false) {
        pulumi.log.warn(
          `Pipeline ${name}: failures and pending approvals are not notified (\`notifications.enabled: false\`); someone must watch the console.`,
          this,
        );
      } else {
        const hasApprovals = actions.some((a) => a.category === "Approval");
        const n = createNotifications(
          name,
          notifications,
          pipelineName,
          this.pipeline.arn,
          hasApprovals,
          this.encryptionKey,
          ctx.partition,
          this,
        );
        this.notificationTopic = n.topic?.topic;
        this.failureRule = n.failureRule;
        this.notificationTopicArn = pulumi.output(n.topicArn);
      }

      this.pipelineName = this.pipeline.name;
      this.pipelineArn = this.pipeline.arn;
      this.roleArn = this.role.arn;
      this.artifactBucketName = pulumi.output(store.info.bucketName);
      const stores = [...regional.values()];
      this.regionalArtifactBucketArns = pulumi.all(Object.fromEntries(stores.map((r) => [r.region, r.info.bucketArn])));
      this.regionalArtifactKeyArns = pulumi.all(Object.fromEntries(stores.map((r) => [r.region, r.info.keyArn])));
      this.consoleUrl = pipelineConsoleUrlOutput(ctx, this.pipeline.name, "view");
      this.registerOutputs({
        pipelineName: this.pipelineName,
        pipelineArn: this.pipelineArn,
        roleArn: this.roleArn,
        artifactBucketName: this.artifactBucketName,
        regionalArtifactBucketArns: this.regionalArtifactBucketArns,
        regionalArtifactKeyArns: this.regionalArtifactKeyArns,
        consoleUrl: this.consoleUrl,
      });
    } catch (e) {
      throw stacks.rethrow(e);
    } finally {
      stacks.close();
    }
  }

  /**
   * Lets `role` approve or reject the manual approval actions of `stageName` (all of them, or only
   * `actionName`): `codepipeline:PutApprovalResult` on exactly those actions, and
   * `codepipeline:GetPipelineState` on this pipeline to read the approval token. Console users also
   * need read access to the pipeline (e.g. to list executions), which this does not grant.
   */
  grantApproval(role: aws.iam.Role | pulumi.Input<string>, stageName: string, actionName?: string): aws.iam.RolePolicy {
    // A role given as a name or ARN, Output or not, is checked (an Output when it resolves).
    const [approver, approvals] = asResourceError(this, (): [aws.iam.Role | pulumi.Input<string>, PlannedAction[]] => [
      role instanceof aws.iam.Role ? role : checkedInput(role as pulumi.Input<string>, roleNameOrArnProblem("role")),
      findApprovalActions(internalsOf(this).stages, stageName, actionName),
    ]);
    const state = internalsOf(this);
    const ctx = state.ctx;
    const pipelineArn = interpolate`arn:${ctx.partition}:codepipeline:${ctx.region}:${ctx.accountId}:${state.physicalName}`;
    state.approvalGrants += 1;
    const suffix = state.approvalGrants === 1 ? "" : `-${state.approvalGrants}`;
    return attachStatements(
      `${state.resourceName}-${stageName}-approvers${suffix}`,
      roleNameInput(approver),
      [
        {
          sid: "ApproveOrReject",
          actions: [...APPROVAL_RESULT_ACTIONS],
          resources: approvals.map((a) => interpolate`${pipelineArn}/${stageName}/${a.name}`),
        },
        { sid: "ReadApprovalToken", actions: [...APPROVAL_STATE_ACTIONS], resources: [pipelineArn] },
      ],
      this,
    );
  }
}
