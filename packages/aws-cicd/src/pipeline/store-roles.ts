import * as pulumi from "@pulumi/pulumi";
import { ActionKindName, PlannedAction, PlannedActionOf } from "./action-types";
import { kindOfAction } from "./actions";

/**
 * The `roleArn`s actions run with, and the other roles reading their artifacts (`artifactReaderRoles`
 * of the kinds), in execution order, each plain ARN once. Exported for tests and reviews: the
 * created key and artifact bucket let exactly these roles in.
 */
export function actionRoleArns(actions: PlannedAction[]): pulumi.Input<string>[] {
  const roles = actions.flatMap((a) => [...(a.args.roleArn === undefined ? [] : [a.args.roleArn]), ...artifactReadersOf(a)]);
  return roles.filter((r, i) => typeof r !== "string" || roles.indexOf(r) === i);
}

/**
 * The roles of other services that work on the actions' artifacts (`artifactRole` of the action
 * definitions, e.g. CodeBuild project roles), in execution order, each once (the same string or the same Output).
 */
export function artifactRoleArns(actions: PlannedAction[]): pulumi.Input<string>[] {
  const roles = actions.flatMap((a) => artifactRoleOf(a) ?? []);
  return roles.filter((r, i) => roles.indexOf(r) === i);
}

function artifactReadersOf<K extends ActionKindName>(action: PlannedActionOf<K>): pulumi.Input<string>[] {
  return kindOfAction(action).artifactReaderRoles?.(action.args) ?? [];
}

function artifactRoleOf<K extends ActionKindName>(action: PlannedActionOf<K>): pulumi.Input<string> | undefined {
  return kindOfAction(action).artifactRole?.(action.args);
}

/** Who a created artifact store (bucket policy and key policy) lets in, for the actions that use it. */
export interface StoreRoles {
  /** Roles the actions run with (`roleArn`) and the other readers of their artifacts. */
  actionRoles: pulumi.Input<string>[];
  /** Service roles of the CodeBuild projects the actions run. */
  codeBuildRoles: pulumi.Input<string>[];
  /** Those of the above that belong to actions with outputs (they also write). */
  writers: pulumi.Input<string>[];
  /** Those that only read. */
  readers: pulumi.Input<string>[];
}

/**
 * Roles actions run with (usually in another account) read and write artifacts, and so do the
 * service roles of the CodeBuild projects the actions run: a created bucket's policy and a
 * created key's policy name exactly them (a shared project then needs no grant per store).
 */
export function storeRoles(actions: PlannedAction[]): StoreRoles {
  const actionRoles = actionRoleArns(actions);
  const codeBuildRoles = artifactRoleArns(actions);
  const producers = actions.filter((a) => a.outputs.length > 0);
  const writers = [...actionRoleArns(producers), ...artifactRoleArns(producers)];
  const readers = [...actionRoles, ...codeBuildRoles].filter((r) => !writers.includes(r));
  return { actionRoles, codeBuildRoles, writers, readers };
}
