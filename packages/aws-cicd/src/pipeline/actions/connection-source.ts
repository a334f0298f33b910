import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CONNECTION_NAME, stackScopedName } from "../../internal/naming";
import { PolicyStatement } from "../../security/iam";
import { ActionCommonArgs, ActionKind, ArtifactFacts } from "../action-types";
import {
  CODECONNECTIONS_USE_ACTIONS,
  CODESTAR_CONNECTIONS_USE_ACTIONS,
  CONNECTION_SOURCE_BUCKET_ACL_ACTIONS,
  CONNECTION_SOURCE_OBJECT_ACL_ACTIONS,
} from "../policies";
import { ConnectionTriggerArgs, renderConnectionTrigger, validateConnectionTriggers } from "../triggers";
import { SOURCE_ACTION_SHAPE, checkName, checkNamespace } from "./shared";
import { interpolate } from "../../internal/interpolate";

/** Branch a connection source follows when none is given. */
export const DEFAULT_CONNECTION_BRANCH = "main";
/** Providers whose connections need no host (GitHub Enterprise Server and GitLab self-managed do: pass `connectionArn`). */
export const ConnectionProviderType = {
  /** `"GitHub"` */
  GitHub: "GitHub",
  /** `"GitLab"` */
  GitLab: "GitLab",
  /** `"Bitbucket"` */
  Bitbucket: "Bitbucket",
} as const;
/** A provider a created connection links to. */
export type ConnectionProviderType = (typeof ConnectionProviderType)[keyof typeof ConnectionProviderType];
/** Every value of {@link ConnectionProviderType}. */
export const CONNECTION_PROVIDER_TYPES: readonly ConnectionProviderType[] = Object.values(ConnectionProviderType);
/** Longest connection name CodeConnections accepts. */
export const MAX_CONNECTION_NAME_LENGTH = 32;

/** A CodeConnections connection the pipeline creates. */
export interface CreateConnectionArgs {
  /** Provider of the repository. */
  providerType: ConnectionProviderType;
  /**
   * Connection name, 1 to 32 characters, unique in the account and region.
   * @default - `<project>-<stack>-<pipeline>-<stage>-<action>` cut to 32 characters.
   */
  name?: string;
}

/**
 * A source from GitHub, GitLab or Bitbucket through an AWS CodeConnections connection
 * (provider `CodeStarSourceConnection`). A created connection starts `PENDING`: someone must
 * complete the handshake in the console (Developer Tools > Settings > Connections > Update pending
 * connection) before the pipeline can run. CodePipeline is notified by the connection; it never polls.
 */
export interface ConnectionSourceActionArgs extends ActionCommonArgs {
  /**
   * ARN of an existing connection (`arn:aws:codeconnections:...` or the older
   * `arn:aws:codestar-connections:...`). Set exactly one of `connectionArn` and `createConnection`.
   * @default - none: `createConnection` is required.
   */
  connectionArn?: pulumi.Input<string>;
  /**
   * Create an `aws.codeconnections.Connection` `<pipeline>-<stage>-<action>-connection` under the pipeline.
   * @default - none: `connectionArn` is required.
   */
  createConnection?: CreateConnectionArgs;
  /** Repository as `owner/name` (GitLab: `group/subgroup/name`). */
  repository: string;
  /**
   * Branch to build: every push to it starts the pipeline unless `triggers` are given (then it is
   * only the revision of manual starts).
   * @default "main" ({@link DEFAULT_CONNECTION_BRANCH})
   */
  branch?: string;
  /**
   * Output a Git reference (`CODEBUILD_CLONE_REF`) instead of a ZIP, so CodeBuild clones the
   * repository with its history. A consuming CodeBuild action with `projectRoleName` grants that
   * role `UseConnection` on this connection; only CodeBuild actions can consume the artifact.
   * @default false
   */
  fullClone?: boolean;
  /**
   * Name of the output artifact.
   * @default - `<ActionName>Output`.
   */
  output?: string;
  /**
   * Namespace of the action's variables (`#{<namespace>.CommitId}`, `BranchName`...).
   * @default - none.
   */
  namespace?: string;
  /**
   * Start the pipeline on repository events (`DetectChanges`). `false` leaves the pipeline to be
   * started by hand or by your own automation; not with `triggers`.
   * @default true
   */
  startOnPush?: boolean;
  /**
   * V2 trigger filters (push on branches, tags or file paths; pull request events): only these
   * events start the pipeline. Needs `pipelineType: "V2"` (the default).
   * @default - every push to `branch` starts the pipeline.
   */
  triggers?: ConnectionTriggerArgs;
}

const BRANCH = /^(?!-)(?!.*@\{)(?!.*\.\.)(?!.*\/\/)(?!.*\.lock$)[^\s~^:?*[\\]{1,256}(?<![./])$/;
const REPOSITORY = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)+$/;
const CONNECTION_ARN = /^arn:aws[a-z-]*:(codeconnections|codestar-connections):[a-z0-9-]+:\d{12}:connection\/[A-Za-z0-9-]+$/;

/**
 * The `UseConnection` action matching a connection ARN's service prefix (IAM requires they match).
 * An ARN known only at deployment gets both, each on that ARN alone.
 */
export function useConnectionActions(connectionArn: pulumi.Input<string>): string[] {
  if (typeof connectionArn === "string") {
    return /^arn:[^:]+:codestar-connections:/.test(connectionArn)
      ? [...CODESTAR_CONNECTIONS_USE_ACTIONS]
      : [...CODECONNECTIONS_USE_ACTIONS];
  }
  return [...CODECONNECTIONS_USE_ACTIONS, ...CODESTAR_CONNECTIONS_USE_ACTIONS];
}

/** Statements a CodeBuild role needs to clone the full-clone connection sources among its inputs. */
export function connectionCloneStatements(inputFacts: ArtifactFacts[]): PolicyStatement[] {
  const clones = inputFacts.filter((f) => f.gitCloneConnection !== undefined).map((f) => f.gitCloneConnection!);
  if (clones.length === 0) return [];
  const actions = [...new Set(clones.flatMap((c) => c.actions))];
  return [{ sid: "UseSourceConnection", actions, resources: clones.map((c) => c.connectionArn) }];
}

function validate(a: ConnectionSourceActionArgs, path: string): void {
  const given = (["connectionArn", "createConnection"] as const).filter((k) => a[k] !== undefined);
  if (given.length !== 1) {
    throw new Error(
      `\`${path}\` must set exactly one of \`connectionArn\` and \`createConnection\`, got ${given.length === 0 ? "none" : "both"}.`,
    );
  }
  if (typeof a.connectionArn === "string" && !CONNECTION_ARN.test(a.connectionArn)) {
    throw new Error(
      `\`${path}.connectionArn\` must be a connection ARN ("arn:aws:codeconnections:<region>:<account>:connection/<id>" or the older "codestar-connections" form), got "${a.connectionArn}".`,
    );
  }
  const c = a.createConnection;
  if (c !== undefined) {
    if (!CONNECTION_PROVIDER_TYPES.includes(c.providerType)) {
      throw new Error(
        `\`${path}.createConnection.providerType\` must be one of ${CONNECTION_PROVIDER_TYPES.join(", ")}, got "${c.providerType}". For GitHub Enterprise Server or GitLab self-managed, create the connection with its host and pass \`connectionArn\`.`,
      );
    }
    if (c.name !== undefined && (typeof c.name !== "string" || c.name.length < 1 || c.name.length > MAX_CONNECTION_NAME_LENGTH)) {
      throw new Error(`\`${path}.createConnection.name\` must be 1 to ${MAX_CONNECTION_NAME_LENGTH} characters, got "${c.name}".`);
    }
  }
  checkName(path, "repository", a.repository, REPOSITORY, 'the repository as "owner/name" (letters, digits, ".", "_" or "-" in each part)');
  if (typeof a.repository !== "string")
    throw new Error(`\`${path}.repository\` must be the repository as "owner/name", got ${typeof a.repository}.`);
  if (a.branch !== undefined && !BRANCH.test(a.branch)) {
    throw new Error(`\`${path}.branch\` must be a Git branch name such as "main" or "release/1.2", got "${a.branch}".`);
  }
  checkNamespace(path, a.namespace);
  if (a.triggers !== undefined) {
    if (a.startOnPush === false) {
      throw new Error(`\`${path}\` sets both \`startOnPush: false\` and \`triggers\`; remove one (triggers are how the pipeline starts).`);
    }
    validateConnectionTriggers(path, a.triggers);
  }
}

/** The `connectionSource` action kind. */
export const connectionSourceKind: ActionKind<ConnectionSourceActionArgs> = {
  ...SOURCE_ACTION_SHAPE,
  validate,
  bind(a, ctx) {
    let connection: aws.codeconnections.Connection | undefined;
    if (a.createConnection !== undefined) {
      connection = new aws.codeconnections.Connection(
        `${ctx.resourceName}-connection`,
        {
          name: a.createConnection.name ?? stackScopedName(ctx.resourceName, CONNECTION_NAME),
          providerType: a.createConnection.providerType,
        },
        { parent: ctx.parent },
      );
    }
    const connectionArn: pulumi.Input<string> = connection ? connection.arn : a.connectionArn!;
    const actions = connection ? [...CODECONNECTIONS_USE_ACTIONS] : useConnectionActions(connectionArn);
    return {
      declaration: {
        category: "Source",
        owner: "AWS",
        provider: "CodeStarSourceConnection",
        version: "1",
        configuration: {
          ConnectionArn: connectionArn,
          FullRepositoryId: a.repository,
          BranchName: a.branch ?? DEFAULT_CONNECTION_BRANCH,
          OutputArtifactFormat: a.fullClone ? "CODEBUILD_CLONE_REF" : "CODE_ZIP",
          DetectChanges: a.startOnPush === false ? "false" : "true",
        },
        namespace: a.namespace,
      },
      statements: [
        { sid: "UseSourceConnection", actions, resources: [connectionArn] },
        {
          sid: "SetSourceArtifactAcl",
          actions: [...CONNECTION_SOURCE_OBJECT_ACL_ACTIONS],
          resources: [interpolate`${ctx.artifactStore.bucketArn}/*`],
        },
        { sid: "ReadArtifactBucketAcl", actions: [...CONNECTION_SOURCE_BUCKET_ACL_ACTIONS], resources: [ctx.artifactStore.bucketArn] },
      ],
      resources: connection ? [connection] : [],
      outputFacts: a.fullClone ? { gitCloneConnection: { connectionArn, actions } } : undefined,
      pipelineTrigger: a.triggers ? renderConnectionTrigger(ctx.action.name, a.triggers) : undefined,
    };
  },
};

/** A `connectionSource` action for a pipeline stage. */
export function connectionSourceAction(args: ConnectionSourceActionArgs): {
  /** The action's arguments. */
  connectionSource: ConnectionSourceActionArgs;
} {
  return { connectionSource: args };
}
