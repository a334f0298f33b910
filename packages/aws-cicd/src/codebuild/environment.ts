import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AwsContext } from "../security/iam";
import {
  ENV_VAR_NAME_PATTERN,
  parameterNameProblem,
  RESERVED_ENV_VAR_PREFIX,
  secretsManagerReferenceProblem,
} from "./buildspec-references-syntax";
import { describeReceived } from "../internal/types";
import { checkedPlaintextValue, checkPlaintextValueNow, PlaintextValueCheck } from "./plaintext-secrets";
import { interpolate } from "../internal/interpolate";

/**
 * Current CodeBuild-managed Amazon Linux 2023 image for x86_64 builds (the default).
 * Managed images are patched by AWS and cached on build hosts.
 * See https://docs.aws.amazon.com/codebuild/latest/userguide/ec2-compute-images.html
 */
export const MANAGED_IMAGE_X86_64 = "aws/codebuild/amazonlinux-x86_64-standard:6.0";

/** Current CodeBuild-managed Amazon Linux 2023 image for ARM (Graviton) builds. */
export const MANAGED_IMAGE_ARM64 = "aws/codebuild/amazonlinux-aarch64-standard:4.0";

/** Compute types of on-demand EC2 builds, from 2 vCPUs up. */
export const ComputeType = {
  /** 2 vCPUs. */
  Small: "BUILD_GENERAL1_SMALL",
  /** 4 vCPUs. */
  Medium: "BUILD_GENERAL1_MEDIUM",
  /** 8 vCPUs. */
  Large: "BUILD_GENERAL1_LARGE",
  /** Extra large: 36 vCPUs on x86. */
  XLarge: "BUILD_GENERAL1_XLARGE",
  /** Largest: 72 vCPUs on x86. */
  X2Large: "BUILD_GENERAL1_2XLARGE",
} as const;
/** A CodeBuild compute type. */
export type ComputeType = (typeof ComputeType)[keyof typeof ComputeType];
/** Every value of {@link ComputeType}, smallest first. */
export const COMPUTE_TYPES: readonly ComputeType[] = Object.values(ComputeType);

/** Compute type when `computeType` is not given: 2 vCPUs, 3 GB (x86) or 4 GB (ARM). */
export const DEFAULT_COMPUTE_TYPE: ComputeType = "BUILD_GENERAL1_SMALL";

/** CPU architectures of build images. */
export const BuildArchitecture = {
  /** Intel and AMD (x86-64). */
  X86_64: "x86_64",
  /** ARM (AWS Graviton). */
  Arm64: "arm64",
} as const;
/** A CPU architecture of build images. */
export type BuildArchitecture = (typeof BuildArchitecture)[keyof typeof BuildArchitecture];

/** A custom image in an ECR repository of your account, pulled with the project's service role. */
export interface EcrImage {
  /** ARN of the repository (`arn:aws:ecr:<region>:<account>:repository/<name>`). The role may pull only from it. */
  repositoryArn: pulumi.Input<string>;
  /**
   * URI of the repository (`<account>.dkr.ecr.<region>.amazonaws.com/<name>`).
   * @default - derived from `repositoryArn`.
   */
  repositoryUrl?: pulumi.Input<string>;
  /** Image tag (`1.4.2`), or a digest (`sha256:<64 hex>`) to pin the exact image. Prefer immutable tags or digests. */
  tag: string;
  /**
   * Architecture the image was built for.
   * @default "x86_64"
   */
  architecture?: BuildArchitecture;
}

/**
 * The build image: a CodeBuild-managed image, or a custom image from ECR (set at most one).
 * Images from other registries (Docker Hub...) are not supported: they would need
 * registry credentials and bypass ECR's scanning and IAM control.
 */
export interface BuildImage {
  /**
   * `"x86_64"` (`MANAGED_IMAGE_X86_64`), `"arm64"` (`MANAGED_IMAGE_ARM64`), or another
   * managed Linux image id starting with `aws/codebuild/` (an id containing `aarch64` runs on ARM).
   * @default - not set (set this or `ecr`).
   */
  managed?: BuildArchitecture | string;
  /**
   * A custom image in ECR, pulled with the service role (`imagePullCredentialsType` `SERVICE_ROLE`).
   * Only then does the role get the ECR pull actions, on this repository only, plus
   * `ecr:GetAuthorizationToken` (which AWS cannot scope to a resource).
   * @default - not set (set this or `managed`).
   */
  ecr?: EcrImage;
}

/**
 * One environment variable of the build, exactly one of:
 * - `value`: a plain value, visible to anyone who can read the project. Values that look like
 *   credentials are refused.
 * - `parameter`: the name (or ARN) of an SSM parameter, read at build start.
 * - `secret`: a Secrets Manager reference, `secret-id[:json-key[:version-stage[:version-id]]]`,
 *   where `secret-id` is the secret's name or full ARN.
 */
export interface EnvironmentVariable {
  /**
   * Plain value, stored and shown in plain text. Refused when it looks like a credential (by its
   * variable name, or by its shape: access keys, private keys, URLs with a password, GitHub,
   * GitLab, npm, Slack or Stripe tokens, JWTs, random-looking strings). A computed (Output) value
   * is checked when it resolves, and refused when it is a `pulumi.secret`: pass secrets as
   * `parameter` or `secret`.
   * @default - not set (set exactly one field).
   */
  value?: pulumi.Input<string>;
  /**
   * Accept `value` although it looks like a credential (a false positive, such as a public
   * identifier that happens to look random). A `pulumi.secret` value is refused all the same.
   * @default false
   */
  allowPlaintext?: boolean;
  /**
   * SSM parameter name (`/app/db-url`) or ARN; the role may `ssm:GetParameters` on it.
   * @default - not set (set exactly one field).
   */
  parameter?: pulumi.Input<string>;
  /**
   * Secrets Manager reference; the role may `secretsmanager:GetSecretValue` on the secret.
   * @default - not set (set exactly one field).
   */
  secret?: pulumi.Input<string>;
}

/** An SSM parameter ARN (accepted wherever a parameter name is). */
export const SSM_PARAMETER_ARN_PATTERN = /^arn:aws[a-z-]*:ssm:[a-z0-9-]+:\d{12}:parameter\/[A-Za-z0-9_.\-/]+$/;
const MANAGED_IMAGE = /^aws\/codebuild\/[A-Za-z0-9._/-]+:[A-Za-z0-9._-]+$/;
const ECR_REPOSITORY_ARN = /^arn:aws[a-z-]*:ecr:[a-z0-9-]+:\d{12}:repository\/[a-z0-9][a-z0-9._/-]*$/;
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const IMAGE_DIGEST = /^sha256:[a-f0-9]{64}$/;

/** Validates the `image` arg; throws a plain `Error` naming it. */
export function validateImage(image: BuildImage | undefined): void {
  if (image === undefined) return;
  const set = [image.managed, image.ecr].filter((x) => x !== undefined).length;
  if (set !== 1) {
    throw new Error(`\`image\` must set exactly one of \`managed\` or \`ecr\`, got ${set === 0 ? "neither" : "both"}.`);
  }
  if (image.managed !== undefined && image.managed !== "x86_64" && image.managed !== "arm64") {
    const m = image.managed;
    if (!MANAGED_IMAGE.test(m) || /windows/i.test(m)) {
      throw new Error(
        `\`image.managed\` must be "x86_64", "arm64" or a managed Linux image id such as "${MANAGED_IMAGE_X86_64}", got "${m}". Use \`image.ecr\` for a custom image.`,
      );
    }
  }
  const ecr = image.ecr;
  if (ecr !== undefined) {
    if (typeof ecr.repositoryArn === "string" && !ECR_REPOSITORY_ARN.test(ecr.repositoryArn)) {
      throw new Error(
        `\`image.ecr.repositoryArn\` must be an ECR repository ARN such as "arn:aws:ecr:us-east-1:123456789012:repository/build-image", got "${ecr.repositoryArn}".`,
      );
    }
    if (!IMAGE_TAG.test(ecr.tag) && !IMAGE_DIGEST.test(ecr.tag)) {
      throw new Error(`\`image.ecr.tag\` must be an image tag such as "1.4.2" or a digest "sha256:<64 hex digits>", got "${ecr.tag}".`);
    }
    if (ecr.architecture !== undefined && ecr.architecture !== "x86_64" && ecr.architecture !== "arm64") {
      throw new Error(`\`image.ecr.architecture\` must be "x86_64" or "arm64", got "${ecr.architecture}".`);
    }
  }
}

/** Validates `computeType`. */
export function validateComputeType(computeType: string | undefined): void {
  if (computeType !== undefined && !(COMPUTE_TYPES as readonly string[]).includes(computeType)) {
    throw new Error(`\`computeType\` must be one of ${COMPUTE_TYPES.join(", ")}, got "${computeType}".`);
  }
}

/** Validates `environmentVariables`: names, exactly one source each, and no credential as a plain value. */
export function validateEnvironmentVariables(vars: Record<string, EnvironmentVariable> | undefined): void {
  for (const [name, v] of Object.entries(vars ?? {})) {
    const arg = `environmentVariables.${name}`;
    if (!ENV_VAR_NAME_PATTERN.test(name) || name.startsWith(RESERVED_ENV_VAR_PREFIX)) {
      throw new Error(
        `\`environmentVariables\` names must be letters, digits and "_", not starting with a digit nor with the reserved "${RESERVED_ENV_VAR_PREFIX}" prefix, got "${name}".`,
      );
    }
    const fields = v === null || typeof v !== "object" ? [] : (["value", "parameter", "secret"] as const).filter((k) => v[k] !== undefined);
    if (fields.length !== 1) {
      const got = fields.length === 0 ? "none" : fields.map((f) => `\`${f}\``).join(" and ");
      throw new Error(`\`${arg}\` must set exactly one of \`value\`, \`parameter\` or \`secret\`, got ${got}.`);
    }
    if (v.allowPlaintext !== undefined && typeof v.allowPlaintext !== "boolean") {
      throw new Error(`\`${arg}.allowPlaintext\` must be true or false, got ${describeReceived(v.allowPlaintext)}.`);
    }
    if (v.allowPlaintext === true && v.value === undefined) {
      throw new Error(`\`${arg}.allowPlaintext\` only applies to a plain \`value\`; remove it.`);
    }
    // An Output value is checked when it resolves (environmentVariableEntries): here only its name.
    checkPlaintextValueNow(v.value, projectVariableCheck(name, v));
    if (typeof v.parameter === "string" && !SSM_PARAMETER_ARN_PATTERN.test(v.parameter)) {
      const problem = parameterNameProblem(v.parameter);
      if (problem !== undefined) throw new Error(`\`${arg}.parameter\` ${problem}, got "${v.parameter}".`);
    }
    if (typeof v.secret === "string") {
      const problem = secretsManagerReferenceProblem(v.secret);
      if (problem !== undefined) throw new Error(`\`${arg}.secret\` ${problem}, got "${v.secret}".`);
    }
  }
}

/** The resolved image settings of the project environment. */
export interface ResolvedImage {
  /** Image name or URI. */
  image: pulumi.Input<string>;
  /** Environment type, from the image's architecture. */
  type: "LINUX_CONTAINER" | "ARM_CONTAINER";
  /** `CODEBUILD` for managed images, `SERVICE_ROLE` for images pulled with the project role. */
  imagePullCredentialsType: "CODEBUILD" | "SERVICE_ROLE";
  /** ECR repository the role must be able to pull from. */
  ecrRepositoryArn?: pulumi.Input<string>;
}

/** `<account>.dkr.ecr.<region>.<dnsSuffix>/<name>` from an ECR repository ARN. */
export function ecrRepositoryUrl(repositoryArn: pulumi.Input<string>, dnsSuffix: pulumi.Input<string>): pulumi.Output<string> {
  return pulumi.all([repositoryArn, dnsSuffix]).apply(([arn, suffix]) => {
    const [, , , region, account, resource] = arn.split(":");
    return `${account}.dkr.ecr.${region}.${suffix}/${resource.substring("repository/".length)}`;
  });
}

/** Image, environment type and pull credentials of an {@link BuildImage} arg. */
export function resolveImage(image: BuildImage | undefined, ctx: AwsContext): ResolvedImage {
  const ecr = image?.ecr;
  if (ecr !== undefined) {
    const url = ecr.repositoryUrl ?? ecrRepositoryUrl(ecr.repositoryArn, ctx.dnsSuffix);
    const separator = IMAGE_DIGEST.test(ecr.tag) ? "@" : ":";
    return {
      image: interpolate`${url}${separator}${ecr.tag}`,
      type: ecr.architecture === "arm64" ? "ARM_CONTAINER" : "LINUX_CONTAINER",
      imagePullCredentialsType: "SERVICE_ROLE",
      ecrRepositoryArn: ecr.repositoryArn,
    };
  }
  const managed = image?.managed ?? "x86_64";
  const id = managed === "x86_64" ? MANAGED_IMAGE_X86_64 : managed === "arm64" ? MANAGED_IMAGE_ARM64 : managed;
  return { image: id, type: id.includes("aarch64") ? "ARM_CONTAINER" : "LINUX_CONTAINER", imagePullCredentialsType: "CODEBUILD" };
}

/** The project's `environmentVariables` entries, in the order given. */
export function environmentVariableEntries(
  vars: Record<string, EnvironmentVariable> | undefined,
): aws.types.input.codebuild.ProjectEnvironmentEnvironmentVariable[] {
  return Object.entries(vars ?? {}).map(([name, v]) => {
    if (v.parameter !== undefined) return { name, type: "PARAMETER_STORE", value: v.parameter };
    if (v.secret !== undefined) return { name, type: "SECRETS_MANAGER", value: v.secret };
    return { name, type: "PLAINTEXT", value: checkedPlaintextValue(v.value!, projectVariableCheck(name, v)) };
  });
}

/** How a plain project variable is checked and its refusal worded. */
function projectVariableCheck(name: string, v: EnvironmentVariable): PlaintextValueCheck {
  return {
    arg: `environmentVariables.${name}`,
    name,
    fix: PROJECT_VARIABLE_FIX,
    allowPlaintext: v.allowPlaintext === true,
  };
}

/** The end of a message refusing a plain project variable. */
export const PROJECT_VARIABLE_FIX =
  "store it in SSM Parameter Store or Secrets Manager and pass `{ parameter: ... }` or `{ secret: ... }`.";

/** SSM parameter names (or ARNs) and Secrets Manager references the variables read. */
export function environmentReferences(vars: Record<string, EnvironmentVariable> | undefined): {
  /** SSM parameter names or ARNs. */
  parameters: pulumi.Input<string>[];
  /** Secrets Manager references. */
  secrets: pulumi.Input<string>[];
} {
  const values = Object.values(vars ?? {});
  return {
    parameters: values.flatMap((v) => (v.parameter !== undefined ? [v.parameter] : [])),
    secrets: values.flatMap((v) => (v.secret !== undefined ? [v.secret] : [])),
  };
}
