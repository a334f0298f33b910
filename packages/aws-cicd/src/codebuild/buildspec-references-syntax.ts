/**
 * Syntax of the names a buildspec `env` section points at: environment variable
 * names, SSM Parameter Store parameter names and Secrets Manager references.
 */

/** An environment variable name. */
export const ENV_VAR_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Prefix CodeBuild reserves for its own variables. */
export const RESERVED_ENV_VAR_PREFIX = "CODEBUILD_";

/**
 * An SSM parameter name: a single level (`db-url`) or a hierarchy that starts with
 * "/" (`/app/prod/db-url`), made of letters, digits, `_`, `.` and `-`.
 */
export const SSM_PARAMETER_NAME_PATTERN = /^(?:[A-Za-z0-9_.-]+|(?:\/[A-Za-z0-9_.-]+)+)$/;

/** SSM allows at most 15 levels in a parameter hierarchy. */
export const SSM_PARAMETER_MAX_LEVELS = 15;

/** A Secrets Manager secret name. */
export const SECRETS_MANAGER_NAME_PATTERN = /^[A-Za-z0-9/_+=.@-]{1,512}$/;

/** A Secrets Manager secret ARN, complete (`name-AbCdEf`) or partial (`name`). */
export const SECRETS_MANAGER_ARN_PATTERN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]{1,512}$/;

/** A secret version staging label. */
export const SECRET_VERSION_STAGE_PATTERN = /^[A-Za-z0-9_+=.@-]{1,256}$/;

/** A secret version id (CodeBuild passes it to Secrets Manager as `VersionId`). */
export const SECRET_VERSION_ID_PATTERN = /^[A-Za-z0-9-]{32,64}$/;

/** The parts of `secret-id[:json-key[:version-stage[:version-id]]]`. */
export interface SecretsManagerReference {
  /** Secret name or ARN. */
  secretId: string;
  /** Key of the JSON secret value to read. */
  jsonKey?: string;
  /** Version staging label, e.g. `AWSCURRENT`. */
  versionStage?: string;
  /** Version id. */
  versionId?: string;
}

/** The number of colon-separated fields in a secret ARN. */
const SECRET_ARN_FIELDS = 7;

/**
 * Splits a Secrets Manager reference. A secret id that starts with `arn:` spans the
 * first seven colon-separated fields (`arn:aws:secretsmanager:region:account:secret:name`);
 * otherwise it is the first field. Empty optional fields are left out.
 * Returns `undefined` when there are more than three fields after the secret id.
 */
export function splitSecretsManagerReference(reference: string): SecretsManagerReference | undefined {
  const fields = reference.split(":");
  const idFields = reference.startsWith("arn:") ? SECRET_ARN_FIELDS : 1;
  const rest = fields.slice(idFields);
  if (rest.length > 3) return undefined;
  const out: SecretsManagerReference = { secretId: fields.slice(0, idFields).join(":") };
  const [jsonKey, versionStage, versionId] = rest;
  if (jsonKey) out.jsonKey = jsonKey;
  if (versionStage) out.versionStage = versionStage;
  if (versionId) out.versionId = versionId;
  return out;
}

/** Why a reference is malformed, or `undefined` when it is well formed. */
export function secretsManagerReferenceProblem(reference: string): string | undefined {
  const parts = splitSecretsManagerReference(reference);
  const shape = "secret-id[:json-key[:version-stage[:version-id]]]";
  if (!parts) return `has too many ":"-separated parts; use ${shape}`;
  const { secretId, versionStage, versionId } = parts;
  if (secretId.startsWith("arn:")) {
    if (!SECRETS_MANAGER_ARN_PATTERN.test(secretId)) {
      return `does not start with a valid secret ARN (arn:<partition>:secretsmanager:<region>:<account>:secret:<name>); use ${shape}`;
    }
  } else if (!SECRETS_MANAGER_NAME_PATTERN.test(secretId)) {
    return `does not start with a valid secret name (letters, digits and "/_+=.@-"); use ${shape}`;
  }
  // Stryker disable next-line ConditionalExpression: without the `undefined` test the pattern would read "undefined", which it accepts: the same result.
  if (versionStage !== undefined && !SECRET_VERSION_STAGE_PATTERN.test(versionStage)) {
    return `has an invalid version stage ${JSON.stringify(versionStage)}; use letters, digits and "_+=.@-" such as AWSCURRENT`;
  }
  if (versionId !== undefined && !SECRET_VERSION_ID_PATTERN.test(versionId)) {
    return `has an invalid version id ${JSON.stringify(versionId)}; use the 32 to 64 character id Secrets Manager gave the version`;
  }
  if (versionStage !== undefined && versionId !== undefined) {
    return `gives both a version stage and a version id; give one of them (secret-id:json-key::version-id selects by id)`;
  }
  return undefined;
}

/** Why a parameter name is malformed, or `undefined` when it is well formed. */
export function parameterNameProblem(name: string): string | undefined {
  if (!SSM_PARAMETER_NAME_PATTERN.test(name)) {
    return 'must be a Parameter Store parameter name such as "/app/db-url" or "db-url": letters, digits, "_", "." and "-", with levels separated by "/" and a leading "/" when there is more than one level';
  }
  const levels = name.split("/").filter((l) => l !== "").length;
  if (levels > SSM_PARAMETER_MAX_LEVELS) {
    return `has ${levels} levels; Parameter Store allows at most ${SSM_PARAMETER_MAX_LEVELS}`;
  }
  return undefined;
}
