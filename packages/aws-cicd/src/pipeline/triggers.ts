import * as aws from "@pulumi/aws";
import type { PlannedStage } from "./stages";

/**
 * V2 pipeline triggers of a connection source (`connectionSource.triggers`): which Git events of
 * the repository start the pipeline. Checked against what CodePipeline accepts together
 * (GitConfiguration, GitPushFilter, GitPullRequestFilter and their filter criteria in the
 * CodePipeline API reference), rendered as one `triggers` entry of the pipeline.
 */

/** Glob patterns to include and exclude (`excludes` wins); set at least one of the two. */
export interface GitPatternsArgs {
  /**
   * Patterns that start the pipeline, e.g. `["main", "release/**"]`: 1 to 8, each 1 to 255 characters.
   * @default - every name not excluded.
   */
  includes?: string[];
  /**
   * Patterns that never start the pipeline: 1 to 8, each 1 to 255 characters.
   * @default - none excluded.
   */
  excludes?: string[];
}

/**
 * One push filter. CodePipeline accepts `tags` alone, `branches` alone, or `branches` with `filePaths`.
 */
export interface GitPushFilterArgs {
  /**
   * Branches whose pushes start the pipeline.
   * @default - not filtered on branches (then `tags` is required).
   */
  branches?: GitPatternsArgs;
  /**
   * Files whose change starts the pipeline (needs `branches`).
   * @default - any file.
   */
  filePaths?: GitPatternsArgs;
  /**
   * Tags whose push starts the pipeline, e.g. `{ includes: ["v*"] }` (not with `branches` or `filePaths`).
   * @default - not filtered on tags (then `branches` is required).
   */
  tags?: GitPatternsArgs;
}

/** Pull request events a trigger can react to. */
export const GitPullRequestEvent = {
  /** `"OPEN"` */
  Open: "OPEN",
  /** `"UPDATED"` */
  Updated: "UPDATED",
  /** `"CLOSED"` */
  Closed: "CLOSED",
} as const;
/** One of {@link GitPullRequestEvent}. */
export type GitPullRequestEvent = (typeof GitPullRequestEvent)[keyof typeof GitPullRequestEvent];
/** Every pull request event, the default of {@link GitPullRequestFilterArgs.events}. */
export const GIT_PULL_REQUEST_EVENTS: readonly GitPullRequestEvent[] = ["OPEN", "UPDATED", "CLOSED"];

/** One pull request filter: `branches` (the pull request's destination), optionally with `filePaths`. */
export interface GitPullRequestFilterArgs {
  /**
   * Events that start the pipeline (CLOSED means merged or closed, as the provider reports it).
   * @default ["OPEN", "UPDATED", "CLOSED"] ({@link GitPullRequestEvent})
   */
  events?: GitPullRequestEvent[];
  /** Destination branches of the pull requests. */
  branches: GitPatternsArgs;
  /**
   * Files whose change in the pull request starts the pipeline.
   * @default - any file.
   */
  filePaths?: GitPatternsArgs;
}

/**
 * Trigger filters of one connection source (V2 pipelines only). With triggers, CodePipeline stops
 * starting the pipeline on every push to `branch`: only these events start it (`branch` remains
 * the revision of manual starts).
 */
export interface ConnectionTriggerArgs {
  /**
   * Push filters, 1 to 3; the pipeline starts when any one matches.
   * @default - pushes do not start the pipeline.
   */
  push?: GitPushFilterArgs[];
  /**
   * Pull request filters, 1 to 3; the pipeline starts when any one matches.
   * @default - pull requests do not start the pipeline.
   */
  pullRequest?: GitPullRequestFilterArgs[];
}

/** Most filters CodePipeline accepts in `push` and in `pullRequest` of one source. */
export const MAX_TRIGGER_FILTERS = 3;
/** Most patterns in one `includes` or `excludes` list. */
export const MAX_TRIGGER_PATTERNS = 8;
/** Longest pattern accepted. */
export const MAX_TRIGGER_PATTERN_LENGTH = 255;

function checkPatterns(path: string, patterns: GitPatternsArgs | undefined): void {
  if (patterns === undefined) return;
  if (patterns.includes === undefined && patterns.excludes === undefined) {
    throw new Error(`\`${path}\` must set \`includes\`, \`excludes\` or both.`);
  }
  for (const key of ["includes", "excludes"] as const) {
    const list = patterns[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length < 1 || list.length > MAX_TRIGGER_PATTERNS) {
      const got = Array.isArray(list) ? list.length : typeof list;
      throw new Error(`\`${path}.${key}\` must hold 1 to ${MAX_TRIGGER_PATTERNS} patterns, got ${got}.`);
    }
    for (const p of list) {
      if (typeof p !== "string" || p.length < 1 || p.length > MAX_TRIGGER_PATTERN_LENGTH) {
        throw new Error(`\`${path}.${key}\` patterns must be 1 to ${MAX_TRIGGER_PATTERN_LENGTH} characters, got "${p}".`);
      }
    }
  }
}

function checkFilterCount(path: string, filters: unknown[] | undefined): void {
  if (filters === undefined) return;
  if (!Array.isArray(filters) || filters.length < 1 || filters.length > MAX_TRIGGER_FILTERS) {
    const got = Array.isArray(filters) ? filters.length : typeof filters;
    throw new Error(`\`${path}\` must hold 1 to ${MAX_TRIGGER_FILTERS} filters, got ${got}; omit it for none.`);
  }
}

function checkPush(path: string, f: GitPushFilterArgs): void {
  if (f?.tags !== undefined && (f.branches !== undefined || f.filePaths !== undefined)) {
    throw new Error(
      `\`${path}\` combines \`tags\` with \`branches\` or \`filePaths\`, which CodePipeline refuses; put the tags in a push filter of their own.`,
    );
  }
  if (f?.tags === undefined && f?.branches === undefined) {
    throw new Error(`\`${path}\` must set \`branches\` or \`tags\`${f?.filePaths !== undefined ? " (`filePaths` needs `branches`)" : ""}.`);
  }
  checkPatterns(`${path}.branches`, f.branches);
  checkPatterns(`${path}.filePaths`, f.filePaths);
  checkPatterns(`${path}.tags`, f.tags);
}

function checkPullRequest(path: string, f: GitPullRequestFilterArgs): void {
  if (f?.branches === undefined) {
    throw new Error(
      `\`${path}.branches\` is required: a pull request filter names the destination branches (add \`filePaths\` to narrow it further).`,
    );
  }
  if (f.events !== undefined) {
    if (!Array.isArray(f.events) || f.events.length === 0) {
      throw new Error(`\`${path}.events\` must hold 1 to 3 of ${GIT_PULL_REQUEST_EVENTS.join(", ")}; omit it for all three.`);
    }
    const seen = new Set<string>();
    for (const e of f.events) {
      if (!GIT_PULL_REQUEST_EVENTS.includes(e)) {
        throw new Error(`\`${path}.events\` must hold events from ${GIT_PULL_REQUEST_EVENTS.join(", ")}, got "${e}".`);
      }
      if (seen.has(e)) throw new Error(`\`${path}.events\` lists "${e}" twice.`);
      seen.add(e);
    }
  }
  checkPatterns(`${path}.branches`, f.branches);
  checkPatterns(`${path}.filePaths`, f.filePaths);
}

/** Checks one source's `triggers` (pure); `path` is the action's, e.g. `stages[0].actions[0]`. */
export function validateConnectionTriggers(path: string, triggers: ConnectionTriggerArgs): void {
  const p = `${path}.triggers`;
  if (triggers?.push === undefined && triggers?.pullRequest === undefined) {
    throw new Error(`\`${p}\` must set \`push\`, \`pullRequest\` or both; omit \`triggers\` to start on every push to \`branch\`.`);
  }
  checkFilterCount(`${p}.push`, triggers.push);
  checkFilterCount(`${p}.pullRequest`, triggers.pullRequest);
  (triggers.push ?? []).forEach((f, i) => checkPush(`${p}.push[${i}]`, f));
  (triggers.pullRequest ?? []).forEach((f, i) => checkPullRequest(`${p}.pullRequest[${i}]`, f));
}

/**
 * Throws when a source sets `triggers` in a pipeline that is not V2 (pure). Called by
 * `validatePipelineArgs`, since actions do not know the pipeline type.
 */
export function checkTriggersNeedV2(stages: PlannedStage[], pipelineType: string): void {
  if (pipelineType === "V2") return;
  for (const action of stages.flatMap((s) => s.actions)) {
    if (action.kind === "connectionSource" && action.args.triggers !== undefined) {
      throw new Error(`\`${action.path}.triggers\` need \`pipelineType: "V2"\`, got "${pipelineType}".`);
    }
  }
}

function renderPatterns(p: GitPatternsArgs | undefined): { includes?: string[]; excludes?: string[] } | undefined {
  if (p === undefined) return undefined;
  return { ...(p.includes ? { includes: [...p.includes] } : {}), ...(p.excludes ? { excludes: [...p.excludes] } : {}) };
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The pipeline-level trigger of the source action `sourceActionName`. */
export function renderConnectionTrigger(sourceActionName: string, t: ConnectionTriggerArgs): aws.types.input.codepipeline.PipelineTrigger {
  return {
    providerType: "CodeStarSourceConnection",
    gitConfiguration: withoutUndefined({
      sourceActionName,
      pushes: t.push?.map((f) =>
        withoutUndefined({ branches: renderPatterns(f.branches), filePaths: renderPatterns(f.filePaths), tags: renderPatterns(f.tags) }),
      ),
      pullRequests: t.pullRequest?.map((f) =>
        withoutUndefined({
          events: [...(f.events ?? GIT_PULL_REQUEST_EVENTS)],
          branches: renderPatterns(f.branches),
          filePaths: renderPatterns(f.filePaths),
        }),
      ),
    }),
  };
}
