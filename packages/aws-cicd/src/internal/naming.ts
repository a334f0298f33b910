import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";

/**
 * What a service accepts as a resource's name. A derived name only ever uses letters, digits,
 * `-` and (where `underscore` is not false) `_`: other characters are replaced by `-`.
 */
export interface NameRule {
  /** The kind of name, for messages ("IAM role name"). */
  kind: string;
  /** Longest name the service accepts. */
  maxLength: number;
  /** Shortest name the service accepts. @default 1 */
  minLength?: number;
  /** Whether `_` is allowed. @default true */
  underscore?: boolean;
  /**
   * Characters besides letters, digits, `-` and `_` that a name may keep (it is then not
   * sanitized); they are still replaced when a name must be sanitized for another reason.
   * @default "" - none.
   */
  extraCharacters?: string;
  /** Whether the name must start with a letter or digit. @default false */
  alphanumericStart?: boolean;
  /** Whether the name must end with a letter or digit. @default false */
  alphanumericEnd?: boolean;
  /** The AWS page stating the rule. */
  doc: string;
}

/** IAM role (and policy) names: up to 64 characters. https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html */
export const IAM_ROLE_NAME: NameRule = {
  kind: "IAM role name",
  maxLength: 64,
  doc: "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html",
};

/** CodeBuild project names: 2 to 255 characters, `[A-Za-z0-9][A-Za-z0-9\-_]{1,254}`. https://docs.aws.amazon.com/codebuild/latest/APIReference/API_CreateProject.html */
export const CODEBUILD_PROJECT_NAME: NameRule = {
  kind: "CodeBuild project name",
  maxLength: 255,
  minLength: 2,
  alphanumericStart: true,
  doc: "https://docs.aws.amazon.com/codebuild/latest/APIReference/API_CreateProject.html",
};

/** CodePipeline pipeline names: up to 100 characters. https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html */
export const PIPELINE_NAME: NameRule = {
  kind: "CodePipeline pipeline name",
  maxLength: 100,
  doc: "https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html",
};

/** CodeStar notification rule names: up to 64 characters. https://docs.aws.amazon.com/codestar-notifications/latest/APIReference/API_CreateNotificationRule.html */
export const NOTIFICATION_RULE_NAME: NameRule = {
  kind: "notification rule name",
  maxLength: 64,
  doc: "https://docs.aws.amazon.com/codestar-notifications/latest/APIReference/API_CreateNotificationRule.html",
};

/** CodeCommit approval rule template names: up to 100 characters. https://docs.aws.amazon.com/codecommit/latest/APIReference/API_CreateApprovalRuleTemplate.html */
export const APPROVAL_RULE_TEMPLATE_NAME: NameRule = {
  kind: "approval rule template name",
  maxLength: 100,
  doc: "https://docs.aws.amazon.com/codecommit/latest/APIReference/API_CreateApprovalRuleTemplate.html",
};

/** Elastic Beanstalk application names: up to 100 characters. https://docs.aws.amazon.com/elasticbeanstalk/latest/api/API_CreateApplication.html */
export const BEANSTALK_APPLICATION_NAME: NameRule = {
  kind: "Elastic Beanstalk application name",
  maxLength: 100,
  doc: "https://docs.aws.amazon.com/elasticbeanstalk/latest/api/API_CreateApplication.html",
};

/**
 * Elastic Beanstalk environment names: 4 to 40 letters, digits and hyphens, not starting or
 * ending with a hyphen. https://docs.aws.amazon.com/elasticbeanstalk/latest/api/API_CreateEnvironment.html
 */
export const BEANSTALK_ENVIRONMENT_NAME: NameRule = {
  kind: "Elastic Beanstalk environment name",
  maxLength: 40,
  minLength: 4,
  underscore: false,
  alphanumericStart: true,
  alphanumericEnd: true,
  doc: "https://docs.aws.amazon.com/elasticbeanstalk/latest/api/API_CreateEnvironment.html",
};

/** CodeDeploy application, deployment group and deployment configuration names: up to 100 characters. https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_CreateApplication.html */
export const CODEDEPLOY_NAME: NameRule = {
  kind: "CodeDeploy name",
  maxLength: 100,
  doc: "https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_CreateApplication.html",
};

/** CodeConnections connection names: up to 32 characters. https://docs.aws.amazon.com/codeconnections/latest/APIReference/API_CreateConnection.html */
export const CONNECTION_NAME: NameRule = {
  kind: "connection name",
  maxLength: 32,
  doc: "https://docs.aws.amazon.com/codeconnections/latest/APIReference/API_CreateConnection.html",
};

/**
 * KMS alias names: `alias/` then up to 250 letters, digits, `/`, `_` or `-`, never under
 * `alias/aws/` (reserved for AWS managed keys). https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html
 */
export const KMS_ALIAS_MAX_LENGTH = 256;

/** Characters of the hash added to a shortened or sanitized name. */
export const NAME_HASH_LENGTH = 6;

/**
 * A short stable hash of `text`: the first {@link NAME_HASH_LENGTH} hex digits of its SHA-256.
 * Added to a name that had to be shortened or sanitized, so that two originals that differ only
 * in the characters cut or replaced still get different names.
 */
export function nameHash(text: string): string {
  // Stryker disable next-line StringLiteral: Node reads a string as UTF-8 when the encoding is empty, the same bytes.
  return createHash("sha256").update(text, "utf8").digest("hex").slice(0, NAME_HASH_LENGTH);
}

function disallowed(rule: NameRule): RegExp {
  return rule.underscore === false ? /[^A-Za-z0-9-]/g : /[^A-Za-z0-9_-]/g;
}

/**
 * `raw` as a name valid under `rule`. A name that is already valid is returned unchanged.
 * Otherwise characters the rule does not allow are replaced by `-`, characters it does not
 * allow at either end are dropped, the result is cut to leave room, and `-<hash of raw>` is
 * appended, so the result is valid and differs for every `raw`.
 */
export function validName(raw: string, rule: NameRule): string {
  const allowed = rule.underscore === false ? /^[A-Za-z0-9-]+$/ : /^[A-Za-z0-9_-]+$/;
  const extra = rule.extraCharacters ?? "";
  const valid =
    allowed.test([...raw].filter((c) => !extra.includes(c)).join("") || "a") &&
    raw.length <= rule.maxLength &&
    raw.length >= (rule.minLength ?? 1) &&
    (!rule.alphanumericStart || /^[A-Za-z0-9]/.test(raw)) &&
    (!rule.alphanumericEnd || /[A-Za-z0-9]$/.test(raw));
  if (valid) return raw;
  const hash = nameHash(raw);
  let body = raw.replace(disallowed(rule), "-");
  if (rule.alphanumericStart) body = body.replace(/^[^A-Za-z0-9]+/, "");
  body = body.slice(0, rule.maxLength - hash.length - 1);
  // The hash ends every shortened name, so only `-` runs at the cut need trimming for tidiness.
  body = body.replace(/-+$/, "");
  return body ? `${body}-${hash}` : hash;
}

/**
 * A physical name unique to this project and stack: `<project>-<stack>-<name>`, valid under
 * `rule`. Kept exactly as written when it is valid; otherwise sanitized, cut and given a short
 * stable hash of the original (see {@link validName}). Used where a resource's ARN must be known
 * before it exists (confused-deputy conditions) or must not collide between stacks of one account.
 */
export function stackScopedName(name: string, rule: NameRule): string {
  return validName([pulumi.getProject(), pulumi.getStack(), name].join("-"), rule);
}

/**
 * A KMS alias unique to this project and stack: `alias/<project>/<stack>/[<owner>/]<name>`, where
 * `owner` (when given) names the kind of component that owns the key, so that components of
 * different kinds with one name get different aliases. Kept exactly as written when valid;
 * otherwise each part is sanitized, an `alias/aws/` start (reserved) becomes `alias/_aws/`, the
 * whole is cut to leave room and ends with a short stable hash of the original alias.
 */
export function stackScopedAlias(name: string, owner?: string): string {
  return validAlias([pulumi.getProject(), pulumi.getStack(), ...(owner === undefined ? [] : [owner]), name]);
}

/** `alias/<parts joined by />`, made valid as {@link stackScopedAlias} describes. */
export function validAlias(parts: readonly string[]): string {
  const raw = `alias/${parts.join("/")}`;
  const valid = parts.every((p) => /^[A-Za-z0-9_-]+$/.test(p)) && raw.length <= KMS_ALIAS_MAX_LENGTH && parts[0] !== "aws";
  if (valid) return raw;
  const clean = parts.map((p) => p.replace(/[^A-Za-z0-9_-]/g, "-") || "-");
  if (clean[0] === "aws") clean[0] = "_aws";
  const suffix = `-${nameHash(raw)}`;
  const body = clean.join("/").slice(0, KMS_ALIAS_MAX_LENGTH - "alias/".length - suffix.length);
  return `alias/${body}${suffix}`;
}

/** The alias segment naming a component type: `aws-cicd:index:BuildProject` becomes `build-project`. */
export function ownerSegment(type: string): string {
  const cls = type.slice(type.lastIndexOf(":") + 1);
  return cls.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

/**
 * Refuses a component name that cannot make names: one without a letter or digit, or holding
 * control characters. Physical names, aliases and child names are all derived from it.
 */
export function validateComponentName(name: string): void {
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u001f\u007f]/;
  if (typeof name !== "string" || !/[A-Za-z0-9]/.test(name) || control.test(name)) {
    throw new Error(
      `\`name\` (the component's name) must hold at least one letter or digit and no control characters, got ${JSON.stringify(name)}; AWS names are derived from it, so give a name such as "app-build".`,
    );
  }
}

/** Characters Pulumi's auto-naming adds to a logical name: `-` and 7 random characters. */
export const AUTONAME_SUFFIX_LENGTH = 8;

/** Characters the AWS provider adds to a `namePrefix` (a timestamp and a counter). */
export const NAME_PREFIX_SUFFIX_LENGTH = 26;

/** IAM role names as auto-naming may produce them: IAM also allows `+=,.@`. https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html */
export const AUTONAMED_IAM_ROLE: NameRule = { ...IAM_ROLE_NAME, extraCharacters: "+=,.@" };

/** IAM policy, inline policy and instance profile names: up to 128 characters, also `+=,.@`. https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePolicy.html */
export const AUTONAMED_IAM_POLICY: NameRule = {
  kind: "IAM policy name",
  maxLength: 128,
  extraCharacters: "+=,.@",
  doc: "https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePolicy.html",
};

/** EventBridge rule names: up to 64 letters, digits, `.`, `-` and `_`. https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html */
export const AUTONAMED_EVENT_RULE: NameRule = {
  kind: "EventBridge rule name",
  maxLength: 64,
  extraCharacters: ".",
  doc: "https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html",
};

/** SNS topic names: up to 256 letters, digits, `-` and `_`. https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html */
export const AUTONAMED_SNS_TOPIC: NameRule = {
  kind: "SNS topic name",
  maxLength: 256,
  doc: "https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html",
};

/**
 * Name arguments for a child that Pulumi auto-names from its logical name
 * (`<logicalName>-<7 random characters>`). Nothing while that name is valid under `rule`, so
 * names that work today stay exactly as they are. Otherwise (too long, or characters the
 * service refuses, where auto-naming would fail at deployment) a `namePrefix`: the logical name
 * made valid by {@link validName}, short enough for the provider's 26-character unique suffix.
 */
export function autoNameArgs(logicalName: string, rule: NameRule): { namePrefix?: string } {
  if (validName(`${logicalName}-xxxxxxx`, rule) === `${logicalName}-xxxxxxx`) return {};
  const prefix = validName(logicalName, { ...rule, maxLength: rule.maxLength - NAME_PREFIX_SUFFIX_LENGTH - 1 });
  return { namePrefix: `${prefix}-` };
}
