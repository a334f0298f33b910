/**
 * Cross-region actions: which region each action runs in, and the checks of `region` and of
 * `regionalArtifactStores` (pure; the stores themselves are made in `artifact-store.ts`).
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-create-cross-region.html
 */
import * as pulumi from "@pulumi/pulumi";
import { checkArnArg, checkKeyArnArg, checkRegionArg, S3_BUCKET_ARN_PATTERN } from "../internal/arns";
import { checkObject, shown } from "../internal/types";
import { validateSecureBucketArgs } from "../security/secure-bucket";
import { ActionCommonArgs, PlannedAction, RegionalActionArgs } from "./action-types";
import { ACTION_KIND_NAMES, ACTION_KINDS } from "./actions";
import { PipelineArgs, RegionalArtifactStoreArgs } from "./pipeline-args";
import { PlannedStage } from "./stages";

/** The AWS page that says which actions may run in another region, quoted by the errors. */
export const CROSS_REGION_ACTIONS_PAGE = "https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-create-cross-region.html";

/** The kinds whose actions take `region`, in the order messages list them. */
export const CROSS_REGION_KINDS = ACTION_KIND_NAMES.filter((k) => ACTION_KINDS[k].crossRegion === true);

/** The `region` an action was given, or `undefined` (it then runs in the pipeline's region). */
export function actionRegion(action: PlannedAction): string | undefined {
  const args: ActionCommonArgs & RegionalActionArgs = action.args;
  return args.region;
}

/** The regions the actions name, each once, in execution order. */
export function actionRegions(actions: PlannedAction[]): string[] {
  return [...new Set(actions.flatMap((a) => actionRegion(a) ?? []))];
}

/** Checks each action's `region`: its shape, and that its kind and category may run elsewhere. */
function checkActionRegion(action: PlannedAction): void {
  const region = actionRegion(action);
  if (region === undefined) return;
  const path = `${action.path}.region`;
  checkRegionArg(path, region);
  if (ACTION_KINDS[action.kind].crossRegion !== true || action.category === "Source") {
    throw new Error(
      `\`${path}\` is set on a ${action.kind} action of category ${action.category}, which CodePipeline runs only in the pipeline's region (cross-region actions are AWS build, test, deploy and invoke actions, never source actions nor approvals: ${CROSS_REGION_ACTIONS_PAGE}). Remove \`region\`; the kinds that take it are ${CROSS_REGION_KINDS.join(", ")}.`,
    );
  }
  checkTargetRegions(action, region);
}

/** Services whose ARNs name no region (or not the target's): IAM roles, STS, S3 buckets. */
const GLOBAL_ARN_SERVICES = ["iam", "sts", "s3"];

/**
 * Checks that the target ARNs an action with `region` carries (`projectArn`, `environmentArn`,
 * `deploymentGroupArn`...) are of that region: the action runs where its target lives, and a
 * target of another region would fail only when the pipeline runs. Outputs are not checked.
 */
function checkTargetRegions(action: PlannedAction, region: string): void {
  for (const [field, value] of Object.entries(action.args)) {
    if (!field.endsWith("Arn") || typeof value !== "string") continue;
    const [, , service, arnRegion] = value.split(":");
    if (service === undefined || GLOBAL_ARN_SERVICES.includes(service) || !arnRegion || arnRegion === region) continue;
    throw new Error(
      `\`${action.path}.${field}\` is in ${arnRegion}, but the action's \`region\` is ${region}: the action runs where its target lives. Set \`region\` to "${arnRegion}", or name the target of ${region}; got "${value}".`,
    );
  }
}

/** The region in a KMS key ARN (`arn:<partition>:kms:<region>:...`). */
function regionOfKeyArn(arn: string): string {
  return arn.split(":")[3] ?? "";
}

/** Checks one entry of `regionalArtifactStores`, `i` its index. */
function checkStore(store: RegionalArtifactStoreArgs, i: number): void {
  const p = `regionalArtifactStores[${i}]`;
  checkObject(p, store ?? null, "`region`, and `artifactBucket` or `artifactBucketOptions`");
  if (store.region === undefined) throw new Error(`\`${p}.region\` is required: the region of the store, such as "eu-west-1".`);
  checkRegionArg(`${p}.region`, store.region);
  const given = store.artifactBucket;
  if (given !== undefined) {
    checkObject(`${p}.artifactBucket`, given ?? null, "`bucketName` and `keyArn`");
    for (const field of ["bucketName", "keyArn"] as const) {
      if (given[field] === undefined || given[field] === null) {
        throw new Error(`\`${p}.artifactBucket.${field}\` is required: the existing bucket needs \`bucketName\` and \`keyArn\`.`);
      }
    }
    checkKeyArnArg(`${p}.artifactBucket.keyArn`, given.keyArn);
    checkArnArg(
      `${p}.artifactBucket.bucketArn`,
      given.bucketArn,
      S3_BUCKET_ARN_PATTERN,
      'an S3 bucket ARN such as "arn:aws:s3:::my-artifacts"',
    );
    if (typeof given.keyArn === "string" && regionOfKeyArn(given.keyArn) !== store.region) {
      throw new Error(
        `\`${p}.artifactBucket.keyArn\` must be a key of ${store.region}, the store's region (CodePipeline wants the bucket and key in the action's region), got a key of ${regionOfKeyArn(given.keyArn)}: "${given.keyArn}".`,
      );
    }
    if (store.artifactBucketOptions !== undefined) {
      throw new Error(`\`${p}.artifactBucketOptions\` only applies to a created bucket; remove it, or remove \`${p}.artifactBucket\`.`);
    }
  }
  try {
    validateSecureBucketArgs(store.artifactBucketOptions ?? {});
  } catch (e) {
    throw new Error((e as Error).message.replace(/^`/, `\`${p}.artifactBucketOptions.`), { cause: e });
  }
}

/**
 * Checks `region` on every action and `regionalArtifactStores`: each store names a region that an
 * action runs in, once; when one store is given (`artifactBucket`), every region of an action is
 * listed. Pure: throws a plain `Error` naming the argument.
 */
export function checkRegions(stages: PlannedStage[], args: PipelineArgs): void {
  const actions = stages.flatMap((s) => s.actions);
  actions.forEach(checkActionRegion);
  const stores = args.regionalArtifactStores;
  if (stores === undefined) return;
  if (!Array.isArray(stores)) throw new Error(`\`regionalArtifactStores\` must be a list of stores, got ${shown(stores)}.`);
  const regions = actionRegions(actions);
  const listed = new Map<string, number>();
  stores.forEach((store, i) => {
    checkStore(store, i);
    const clash = listed.get(store.region);
    if (clash !== undefined) {
      throw new Error(
        `\`regionalArtifactStores[${i}].region\` "${store.region}" is already the region of \`regionalArtifactStores[${clash}]\`; list each region once.`,
      );
    }
    if (!regions.includes(store.region)) {
      throw new Error(
        `\`regionalArtifactStores[${i}].region\` "${store.region}" is not the \`region\` of any action (regions of actions: ${regions.join(", ") || "none"}); remove the store, or set \`region\` on the actions that run there.`,
      );
    }
    listed.set(store.region, i);
  });
  if (!stores.some((s) => s.artifactBucket !== undefined)) return;
  for (const action of actions) {
    const region = actionRegion(action);
    if (region !== undefined && !listed.has(region)) {
      throw new Error(
        `\`${action.path}.region\` "${region}" has no store in \`regionalArtifactStores\`, which gives existing buckets (regions listed: ${[...listed.keys()].join(", ")}). Add \`{ region: "${region}", artifactBucket: { bucketName, keyArn } }\`, or \`{ region: "${region}" }\` to let the pipeline create that region's store.`,
      );
    }
  }
}

/**
 * The pipeline's region, once known, unless an action names it as its `region`: CodePipeline
 * takes one artifact store per region, and the pipeline's own is the main one. Checked when the
 * region resolves (the provider's region is an Output).
 */
export function checkedPipelineRegion(region: pulumi.Output<string>, actions: PlannedAction[]): pulumi.Output<string> {
  return region.apply((r) => {
    const same = actions.find((a) => actionRegion(a) === r);
    if (same !== undefined) {
      throw new Error(
        `\`${same.path}.region\` "${r}" is the pipeline's own region; remove \`region\` from the action (it is only for actions in another region).`,
      );
    }
    return r;
  });
}
