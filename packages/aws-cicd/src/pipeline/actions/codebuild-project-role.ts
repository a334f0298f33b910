import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { environmentReferences } from "../../codebuild/environment";
import { parameterArn, parametersReadStatement, secretArn, secretIdOf, secretsReadStatement } from "../../codebuild/policies";
import { distinctInputs } from "../../codebuild/project-role";
import { codeCommitKeyStatement } from "../../codecommit/policies";
import { keyUseThroughServices } from "../../security/encryption-key";
import { attachStatements, PolicyStatement } from "../../security/iam";
import { ArtifactStoreInfo, BindContext, CombinableAction } from "../action-types";
import {
  CODEBUILD_ARTIFACT_BUCKET_ACTIONS,
  CODEBUILD_ARTIFACT_READ_ACTIONS,
  CODEBUILD_ARTIFACT_WRITE_ACTIONS,
  CODECOMMIT_FULL_CLONE_BUILD_ACTIONS,
} from "../policies";
import type { CodeBuildActionArgs, CodeBuildEnvironmentVariable } from "./codebuild";
import { connectionCloneStatements } from "./connection-source";
import { interpolate } from "../../internal/interpolate";

/** The grants a pipeline gives the service roles of the CodeBuild projects its actions run. */

/** One action running a project whose role the pipeline grants, with the variables it overrides. */
export interface ProjectRoleUse {
  /** The context the action was bound with. */
  ctx: BindContext;
  /**
   * The action's `environmentVariables`.
   * @default - none.
   */
  variables?: Record<string, CodeBuildEnvironmentVariable>;
  /**
   * The action's `projectRoleArn`: a bucket and key the pipeline created name the role.
   * @default - none: the role's inline policy grants the store.
   */
  roleArn?: pulumi.Input<string>;
}

/**
 * Which parts of the artifact store the uses' role reaches through the store's own policies: the
 * bucket (key) when the pipeline created it and every use gives the role's ARN, which the created
 * bucket (key) policy then names. AWS allows a request within one account when either the identity
 * policy or the resource policy allows it; a key policy that names the role is enough by itself.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html
 */
function grantedByStore(uses: ProjectRoleUse[]): { bucket: boolean; key: boolean } {
  const named = uses.every((u) => u.roleArn !== undefined);
  const store = uses[0].ctx.artifactStore;
  return { bucket: named && store.bucketNamesArtifactRoles === true, key: named && store.keyNamesArtifactRoles === true };
}

/**
 * Statements a project's role gets so that artifacts (and full-clone sources) reach CodeBuild, and
 * it can read the parameters and secrets the actions' `environmentVariables` name: one list for
 * every action of one pipeline running projects with that role (same artifact store), each
 * statement once, its resources merged. Objects are written only when an action has outputs. The
 * bucket and key statements are left out when the store's own policies name the role
 * ({@link grantedByStore}).
 */
export function codeBuildProjectRoleStatements(uses: ProjectRoleUse[]): PolicyStatement[] {
  const { ctx } = uses[0];
  const { bucketArn, keyArn } = ctx.artifactStore;
  const objects = interpolate`${bucketArn}/*`;
  const writes = uses.some((u) => u.ctx.action.outputs.length > 0);
  const byStore = grantedByStore(uses);
  const statements: PolicyStatement[] = [];
  if (!byStore.bucket) {
    statements.push(
      writes
        ? {
            sid: "ReadWriteArtifacts",
            actions: [...CODEBUILD_ARTIFACT_READ_ACTIONS, ...CODEBUILD_ARTIFACT_WRITE_ACTIONS],
            resources: [objects],
          }
        : { sid: "ReadInputArtifacts", actions: [...CODEBUILD_ARTIFACT_READ_ACTIONS], resources: [objects] },
      { sid: "LocateArtifactBucket", actions: [...CODEBUILD_ARTIFACT_BUCKET_ACTIONS], resources: [bucketArn] },
    );
  }
  if (!byStore.key) statements.push(keyUseThroughServices(keyArn, ["s3"], ctx.aws, "UseArtifactKey"));
  const facts = uses.flatMap((u) => u.ctx.inputFacts);
  const clones = facts.filter((f) => f.gitCloneRepositoryArn !== undefined);
  if (clones.length > 0) {
    statements.push({
      sid: "CloneSourceRepository",
      actions: [...CODECOMMIT_FULL_CLONE_BUILD_ACTIONS],
      resources: distinctInputs(clones.map((f) => f.gitCloneRepositoryArn!)),
    });
    const keys = distinctInputs(clones.filter((f) => f.gitCloneKeyArn !== undefined).map((f) => f.gitCloneKeyArn!));
    if (keys.length > 0) statements.push(codeCommitKeyStatement(keys, ctx.aws, "UseSourceRepositoryKey"));
  }
  statements.push(...connectionCloneStatements(facts));
  const refs = uses.map((u) => environmentReferences(u.variables ?? {}));
  const parameters = distinctInputs(
    refs.flatMap((r) => r.parameters),
    (n) => (n.startsWith("arn:") ? n : n.replace(/^\//, "")),
  );
  const secrets = distinctInputs(
    refs.flatMap((r) => r.secrets),
    secretIdOf,
  );
  if (parameters.length > 0) statements.push(parametersReadStatement(parameters.map((n) => parameterArn(n, ctx.aws))));
  if (secrets.length > 0) statements.push(secretsReadStatement(secrets.map((r) => secretArn(r, ctx.aws))));
  return statements;
}

/** {@link codeBuildProjectRoleStatements} for one action. */
export function codeBuildRoleStatements(
  ctx: BindContext,
  variables: Record<string, CodeBuildEnvironmentVariable> = {},
  roleArn?: pulumi.Input<string>,
): PolicyStatement[] {
  return codeBuildProjectRoleStatements([{ ctx, variables, roleArn }]);
}

/** Ids of Outputs (and other objects), to compare inputs by identity in {@link grantKey}. */
const objectIds = new WeakMap<object, number>();
let lastObjectId = 0;

function identity(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  let id = objectIds.get(value);
  if (id === undefined) objectIds.set(value, (id = ++lastObjectId));
  return `#${id}`;
}

/**
 * What a project-access policy grants, as a key: the parts of the artifact store it grants (and
 * whether objects are written), the clone sources and the variables' parameters and secrets, each
 * plain string by value and each Output by identity. Two pipelines with the same key grant the
 * same statements.
 */
function grantKey(uses: ProjectRoleUse[]): string {
  const { bucketArn, keyArn } = uses[0].ctx.artifactStore;
  const byStore = grantedByStore(uses);
  const facts = uses.flatMap((u) => u.ctx.inputFacts);
  const refs = uses.map((u) => environmentReferences(u.variables ?? {}));
  return JSON.stringify([
    byStore.bucket ? null : identity(bucketArn),
    byStore.key ? null : identity(keyArn),
    !byStore.bucket && uses.some((u) => u.ctx.action.outputs.length > 0),
    facts.map((f) => [
      identity(f.gitCloneRepositoryArn),
      identity(f.gitCloneKeyArn),
      identity(f.gitCloneConnection?.connectionArn),
      f.gitCloneConnection?.actions ?? [],
    ]),
    refs.map((r) => [r.parameters.map(identity), r.secrets.map(identity)]),
  ]);
}

/**
 * Project-access policies already attached in this program, per project role given as an Output
 * (e.g. `BuildProject.roleName`), by {@link grantKey}: pipelines that share a project and an
 * artifact store share one policy.
 */
const sharedGrants = new WeakMap<object, Map<string, aws.iam.RolePolicy>>();

/**
 * One inline policy `<pipeline>-<stage>-<action>-project-access` per project role, named after the
 * first action (in execution order) running a project with that role: every action of the pipeline
 * with the same `projectRoleName` (the same string, or the same Output such as a project's
 * `roleName`) is merged into it. When the role is given as an Output and another pipeline of the
 * program already attached the same grants (same sources and variables, same store when the
 * policy grants it), that policy is reused. A store the pipeline created names the role in its
 * bucket and key policies instead (`projectRoleArn`, as `BuildProject.buildAction()` gives it): a
 * project shared by any number of such pipelines then holds no policy per store, and none at all
 * when the actions clone no source and read no parameter or secret. Each store you pass costs one
 * policy of about 600 characters of the role's 10,240 (checked, see `attachStatements`).
 */
export function projectRoleGrants(actions: CombinableAction<CodeBuildActionArgs>[]): pulumi.Resource[] {
  // By role, then by artifact store: a project role of actions in two regions gets one policy per region's store.
  const byRole = new Map<pulumi.Input<string>, Map<ArtifactStoreInfo, CombinableAction<CodeBuildActionArgs>[]>>();
  for (const a of actions) {
    if (a.args.projectRoleName === undefined) continue;
    const byStore = byRole.get(a.args.projectRoleName) ?? new Map<ArtifactStoreInfo, CombinableAction<CodeBuildActionArgs>[]>();
    byStore.set(a.ctx.artifactStore, [...(byStore.get(a.ctx.artifactStore) ?? []), a]);
    byRole.set(a.args.projectRoleName, byStore);
  }
  const groups = [...byRole].flatMap(([role, byStore]) => [...byStore.values()].map((group) => [role, group] as const));
  return groups.flatMap(([role, group]) => {
    const uses = group.map((a) => ({ ctx: a.ctx, variables: a.args.environmentVariables, roleArn: a.args.projectRoleArn }));
    const statements = codeBuildProjectRoleStatements(uses);
    if (statements.length === 0) return [];
    const attach = () => attachStatements(`${group[0].ctx.resourceName}-project-access`, role, statements, group[0].ctx.parent);
    if (typeof role === "string") return attach();
    let grants = sharedGrants.get(role as object);
    if (grants === undefined) sharedGrants.set(role as object, (grants = new Map()));
    const key = grantKey(uses);
    let policy = grants.get(key);
    if (policy === undefined) grants.set(key, (policy = attach()));
    return policy;
  });
}
