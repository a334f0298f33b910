import * as pulumi from "@pulumi/pulumi";
import { PolicyStatement } from "../../security/iam";
import { ActionCommonArgs, RegionalActionArgs, ActionKind, ConsumingActionArgs } from "../action-types";
import { CODEBUILD_BATCH_ACTIONS, CODEBUILD_BUILD_ACTIONS } from "../policies";
import {
  ENV_VAR_NAME_PATTERN,
  parameterNameProblem,
  RESERVED_ENV_VAR_PREFIX,
  secretsManagerReferenceProblem,
} from "../../codebuild/buildspec-references-syntax";
import { PROJECT_VARIABLE_FIX, SSM_PARAMETER_ARN_PATTERN } from "../../codebuild/environment";
import { checkedPlaintextValue, checkPlaintextValueNow, PlaintextValueCheck } from "../../codebuild/plaintext-secrets";
import { checkArn, checkName, checkNamespace } from "./shared";
import { describeReceived } from "../../internal/types";
import { checkedInput, isDeferred, roleArnProblem } from "../../internal/arns";
import { projectRoleGrants } from "./codebuild-project-role";

/** Category of a CodeBuild action. */
export const CodeBuildActionType = {
  /** A build: produces the output artifact. */
  Build: "Build",
  /** A test: produces no artifact by default. */
  Test: "Test",
} as const;
/** `"Build"` or `"Test"` ({@link CodeBuildActionType}). */
export type CodeBuildActionType = (typeof CodeBuildActionType)[keyof typeof CodeBuildActionType];

/**
 * One environment variable override: exactly one of a plain `value`, a Systems Manager
 * `parameter` name, or a Secrets Manager `secret` (`secret-id[:json-key[:version-stage[:version-id]]]`).
 * With `projectRoleName`, the pipeline grants the project's role `ssm:GetParameters` on exactly
 * the parameters and `secretsmanager:GetSecretValue` on exactly the secrets named here; without
 * it, the project's role must already read them. A parameter or secret encrypted with a customer
 * key also needs `kms:Decrypt` on that key (e.g. `BuildProject.addToRolePolicy`).
 */
export interface CodeBuildEnvironmentVariable {
  /**
   * Plain text value, visible in the pipeline definition. Values that look like credentials
   * (by name or shape) are refused: use `parameter` or `secret`. An Output is checked when it
   * resolves, and refused when it is a `pulumi.secret`.
   * @default - unset; set exactly one of the three.
   */
  value?: pulumi.Input<string>;
  /**
   * Accept `value` although it looks like a credential (a false positive). A `pulumi.secret`
   * value and the AWS credential variables are refused all the same.
   * @default false
   */
  allowPlaintext?: boolean;
  /**
   * Name (or ARN) of a Systems Manager parameter.
   * @default - unset.
   */
  parameter?: string;
  /**
   * Secrets Manager reference: the secret's name or complete ARN, then optional `:json-key`,
   * `:version-stage`, `:version-id`.
   * @default - unset.
   */
  secret?: string;
}

/** A CodeBuild build or test action running an existing project on the pipeline's artifacts. */
export interface CodeBuildActionArgs extends ActionCommonArgs, RegionalActionArgs, ConsumingActionArgs {
  /** Name of the CodeBuild project. */
  projectName: pulumi.Input<string>;
  /** ARN of the project: the pipeline role may start and read builds of exactly this project. */
  projectArn: pulumi.Input<string>;
  /**
   * Name of the project's service role. When given, the pipeline grants that role read access to
   * the artifact objects, write access when the action has outputs, use of the artifact key through
   * S3, `codecommit:GitPull` on a full-clone source it consumes, and read access to exactly the
   * parameters and secrets of `environmentVariables` (an inline policy under the pipeline).
   * @default - none: the project's role must already reach the artifact bucket, key, parameters and secrets.
   */
  projectRoleName?: pulumi.Input<string>;
  /**
   * ARN of the same service role (in the pipeline's account; needs `projectRoleName`). When the
   * pipeline creates its artifact bucket, the bucket policy names this role instead (objects and
   * bucket checks, uploads when the action has outputs), and when it creates its key, so does the
   * key policy (decrypt through S3, also encrypt when the action has outputs): the role then holds
   * no statement per artifact store, and a project shared by any number of pipelines stays within
   * IAM's 10,240 characters of inline policy. A bucket or key you pass is still granted through the
   * role's inline policy.
   * @default - none: every grant goes to the role's inline policy.
   */
  projectRoleArn?: pulumi.Input<string>;
  /**
   * `Build` or `Test` (category of the action; a test produces no artifact by default).
   * @default "Build"
   */
  type?: CodeBuildActionType;
  /**
   * Name of the one output artifact (use `outputs` for several).
   * @default - `<ActionName>Output` for a `Build`, none for a `Test`.
   */
  output?: string;
  /**
   * Names of the output artifacts (the buildspec's secondary artifact identifiers when several); `[]` for none.
   * @default - see `output`.
   */
  outputs?: string[];
  /**
   * Environment variables overriding the project's, by name.
   * @default - none.
   */
  environmentVariables?: Record<string, CodeBuildEnvironmentVariable>;
  /**
   * Namespace of the variables the buildspec exports (`#{<namespace>.NAME}`).
   * @default - none.
   */
  namespace?: string;
  /**
   * Input artifact whose files are the primary source, when there are several inputs.
   * @default - the first input, as CodeBuild decides.
   */
  primarySource?: string;
  /**
   * Run a batch build (the pipeline role gets the batch actions instead of the single-build ones).
   * @default false
   */
  batch?: boolean;
}

/** Variable names that must never carry a plain-text value (Security Hub CodeBuild.2). */
export const PLAINTEXT_FORBIDDEN_VARIABLES = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"] as const;

function validateVariables(path: string, vars: Record<string, CodeBuildEnvironmentVariable>): void {
  for (const [name, v] of Object.entries(vars)) {
    const p = `${path}.environmentVariables.${name}`;
    if (!ENV_VAR_NAME_PATTERN.test(name) || name.startsWith(RESERVED_ENV_VAR_PREFIX)) {
      throw new Error(
        `\`${path}.environmentVariables\` names must be letters, digits and "_", not starting with a digit nor with the reserved "${RESERVED_ENV_VAR_PREFIX}" prefix, got "${name}".`,
      );
    }
    const set = (["value", "parameter", "secret"] as const).filter((k) => v?.[k] !== undefined);
    if (set.length !== 1) {
      throw new Error(
        `\`${p}\` must set exactly one of \`value\`, \`parameter\` or \`secret\`, got ${set.length === 0 ? "none" : set.join(", ")}.`,
      );
    }
    if (v.allowPlaintext !== undefined && (typeof v.allowPlaintext !== "boolean" || set[0] !== "value")) {
      throw new Error(
        typeof v.allowPlaintext !== "boolean"
          ? `\`${p}.allowPlaintext\` must be true or false, got ${describeReceived(v.allowPlaintext)}.`
          : `\`${p}.allowPlaintext\` only applies to a plain \`value\`; remove it.`,
      );
    }
    if (set[0] === "value") {
      if ((PLAINTEXT_FORBIDDEN_VARIABLES as readonly string[]).includes(name)) {
        throw new Error(`\`${p}\` must not be a plain \`value\`: AWS credentials belong in \`secret\` or, better, the project's role.`);
      }
      // An Output value is checked when it resolves (renderVariables): here only its name.
      checkPlaintextValueNow(v.value, overrideCheck(path, name, v));
    }
    if (v.parameter !== undefined && !SSM_PARAMETER_ARN_PATTERN.test(v.parameter)) {
      const problem = parameterNameProblem(v.parameter);
      if (problem !== undefined) throw new Error(`\`${p}.parameter\` ${problem}, got "${v.parameter}".`);
    }
    if (v.secret !== undefined) {
      const problem = secretsManagerReferenceProblem(v.secret);
      if (problem !== undefined) throw new Error(`\`${p}.secret\` ${problem}, got "${v.secret}".`);
    }
  }
}

/** How a plain override is checked and its refusal worded. */
function overrideCheck(path: string, name: string, v: CodeBuildEnvironmentVariable): PlaintextValueCheck {
  return { arg: `${path}.environmentVariables.${name}`, name, fix: PROJECT_VARIABLE_FIX, allowPlaintext: v.allowPlaintext === true };
}

function renderVariables(path: string, vars: Record<string, CodeBuildEnvironmentVariable>): pulumi.Output<string> {
  return pulumi.jsonStringify(
    Object.entries(vars).map(([name, v]) =>
      v.parameter !== undefined
        ? { name, value: v.parameter, type: "PARAMETER_STORE" }
        : v.secret !== undefined
          ? { name, value: v.secret, type: "SECRETS_MANAGER" }
          : { name, value: checkedPlaintextValue(v.value!, overrideCheck(path, name, v)), type: "PLAINTEXT" },
    ),
  );
}

/** The `codeBuild` action kind. */
export const codeBuildKind: ActionKind<CodeBuildActionArgs> = {
  crossRegion: true,
  defaultName: (a) => a.type ?? "Build",
  categories: ["Build", "Test"],
  category: (a) => a.type ?? "Build",
  inputs: { min: 1, max: 5 },
  outputs: { min: 0, max: 5 },
  declaredOutputs: (a) => a.outputs ?? (a.output === undefined ? undefined : [a.output]),
  producesByDefault: (a) => (a.type ?? "Build") === "Build",
  validate(a, path) {
    checkName(
      path,
      "projectName",
      a.projectName,
      /^[A-Za-z0-9][A-Za-z0-9_-]{1,254}$/,
      'a CodeBuild project name (2 to 255 letters, digits, "-" or "_")',
    );
    checkArn(path, "projectArn", a.projectArn, "codebuild");
    if (a.projectRoleArn !== undefined) {
      if (a.projectRoleName === undefined) {
        throw new Error(
          `\`${path}.projectRoleArn\` needs \`projectRoleName\`, the name of the same role, got none. Use \`project.buildAction()\`, which sets both.`,
        );
      }
      if (!isDeferred(a.projectRoleArn)) checkedInput(a.projectRoleArn, roleArnProblem(`${path}.projectRoleArn`));
    }
    if (a.type !== undefined && a.type !== "Build" && a.type !== "Test") {
      throw new Error(`\`${path}.type\` must be "Build" or "Test", got "${a.type}".`);
    }
    if (a.output !== undefined && a.outputs !== undefined) {
      throw new Error(`\`${path}\` sets both \`output\` and \`outputs\`; use \`outputs\` alone for several artifacts.`);
    }
    if (a.primarySource !== undefined && !(a.inputs ?? []).includes(a.primarySource)) {
      throw new Error(
        `\`${path}.primarySource\` must be one of the action's \`inputs\` (${(a.inputs ?? []).join(", ") || "none given"}), got "${a.primarySource}".`,
      );
    }
    validateVariables(path, a.environmentVariables ?? {});
    checkNamespace(path, a.namespace);
  },
  bind(a, ctx) {
    const configuration: Record<string, pulumi.Input<string>> = { ProjectName: a.projectName };
    if (a.primarySource !== undefined) configuration.PrimarySource = a.primarySource;
    if (a.batch) configuration.BatchEnabled = "true";
    if (a.environmentVariables && Object.keys(a.environmentVariables).length > 0) {
      configuration.EnvironmentVariables = renderVariables(ctx.action.path, a.environmentVariables);
    }
    const statements: PolicyStatement[] = [
      a.batch
        ? { sid: "RunBuildBatch", actions: [...CODEBUILD_BATCH_ACTIONS], resources: [a.projectArn] }
        : { sid: "RunBuild", actions: [...CODEBUILD_BUILD_ACTIONS], resources: [a.projectArn] },
    ];
    return {
      declaration: {
        category: a.type ?? "Build",
        owner: "AWS",
        provider: "CodeBuild",
        version: "1",
        configuration,
        namespace: a.namespace,
      },
      statements,
    };
  },
  artifactRole: (a) => (a.projectRoleName === undefined ? undefined : a.projectRoleArn),
  sharedResources: projectRoleGrants,
};

/** A `codeBuild` action for a pipeline stage. */
export function codeBuildAction(args: CodeBuildActionArgs): {
  /** The action's arguments. */
  codeBuild: CodeBuildActionArgs;
} {
  return { codeBuild: args };
}
