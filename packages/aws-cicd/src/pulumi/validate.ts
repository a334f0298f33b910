import { parameterNameProblem, secretsManagerReferenceProblem } from "../codebuild/buildspec-references-syntax";
import { SSM_PARAMETER_ARN_PATTERN } from "../codebuild/environment";
import { plaintextSecretReason } from "../codebuild/plaintext-secrets";
import { NAMESPACE } from "../pipeline/actions/shared";
import { checkList, checkObject, checkString, describeReceived } from "../internal/types";
import { PulumiSecretArgs, PulumiStackArgs } from "./pulumi-stack-args";

/** Pulumi stack names: `stack`, `project/stack` or `org/project/stack`, each of letters, digits, `-`, `_`, `.`. */
export const PULUMI_STACK_NAME = /^[A-Za-z0-9_.-]{1,100}(\/[A-Za-z0-9_.-]{1,100}){0,2}$/;
/** A relative directory of the source: segments of letters, digits, `-`, `_`, `.`, no `..`. */
const WORK_DIR = /^(?!\/)(?!.*(^|\/)\.\.(\/|$))[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*\/?$/;
/** Plan artifact names: also a shell variable suffix (`CODEBUILD_SRC_DIR_<name>`), so no `-`. */
export const PLAN_ARTIFACT_NAME = /^[A-Za-z0-9_]{1,100}$/;
/** Backends Pulumi's `PULUMI_BACKEND_URL` accepts. */
const BACKEND_URL = /^(https:\/\/|s3:\/\/|gs:\/\/|azblob:\/\/|file:\/\/)\S+$/;

/** The default plan artifact: the stack's last segment, sanitized, then `Plan`. */
export function defaultPlanArtifact(stack: string): string {
  const last = stack.split("/").pop() ?? stack;
  return `${last.replace(/[^A-Za-z0-9_]/g, "_")}Plan`.slice(0, 100);
}

function checkSecret(arg: string, s: PulumiSecretArgs | undefined): void {
  if (s === undefined) return;
  if (typeof s === "string") {
    throw new Error(
      `\`${arg}\` must be \`{ secretsManager: ... }\` or \`{ parameterStore: ... }\`, got a plain string. Secrets are never accepted as plain values: store it in Secrets Manager or Parameter Store and name it here.`,
    );
  }
  checkObject(arg, s, "`secretsManager` or `parameterStore`");
  const set = (["secretsManager", "parameterStore"] as const).filter((k) => s[k] !== undefined);
  if (set.length !== 1) {
    throw new Error(
      `\`${arg}\` must set exactly one of \`secretsManager\` or \`parameterStore\`, got ${set.length === 0 ? "none" : "both"}. Secrets are never accepted as plain values.`,
    );
  }
  if (s.secretsManager !== undefined) {
    checkString(`${arg}.secretsManager`, s.secretsManager);
    const problem = secretsManagerReferenceProblem(s.secretsManager);
    if (problem !== undefined) throw new Error(`\`${arg}.secretsManager\` ${problem}, got "${s.secretsManager}".`);
  }
  if (s.parameterStore !== undefined) {
    checkString(`${arg}.parameterStore`, s.parameterStore);
    const problem = SSM_PARAMETER_ARN_PATTERN.test(s.parameterStore) ? undefined : parameterNameProblem(s.parameterStore);
    if (problem !== undefined) throw new Error(`\`${arg}.parameterStore\` ${problem}, got "${s.parameterStore}".`);
  }
}

function checkCommands(arg: string, commands: string[] | undefined): void {
  if (commands === undefined) return;
  checkList(arg, commands);
  commands.forEach((c, i) => {
    if (typeof c !== "string" || c.trim() === "") {
      throw new Error(`\`${arg}[${i}]\` must be a non-empty shell command, got ${describeReceived(c)}.`);
    }
  });
}

/** Validates the arguments of a `PulumiStack` (pure); returns the plan artifact and namespace. */
export function validatePulumiStackArgs(args: PulumiStackArgs): { planArtifact: string; namespace: string } {
  checkObject("args", args ?? null, "`stack`");
  if (typeof args.stack !== "string" || !PULUMI_STACK_NAME.test(args.stack)) {
    throw new Error(
      `\`stack\` must be a Pulumi stack name, "stack", "project/stack" or "org/project/stack" (letters, digits, "-", "_", "."), got ${describeReceived(args.stack)}.`,
    );
  }
  if (args.workDir !== undefined && (typeof args.workDir !== "string" || !WORK_DIR.test(args.workDir))) {
    throw new Error(
      `\`workDir\` must be a directory relative to the source root, without ".." (letters, digits, "-", "_", ".", "/"), got ${describeReceived(args.workDir)}.`,
    );
  }
  checkSecret("accessToken", args.accessToken);
  checkSecret("configPassphrase", args.configPassphrase);
  if (args.backendUrl !== undefined) {
    if (typeof args.backendUrl !== "string" || !BACKEND_URL.test(args.backendUrl)) {
      throw new Error(
        `\`backendUrl\` must be a Pulumi backend URL (s3://, gs://, azblob://, file:// or https://), got ${describeReceived(args.backendUrl)}.`,
      );
    }
    // Stryker disable next-line StringLiteral: equivalent, the name only matters when it sounds secret, and neither this one nor "" does
    const reason = plaintextSecretReason("PULUMI_BACKEND_URL", args.backendUrl);
    if (reason !== undefined) {
      throw new Error(
        `\`backendUrl\` looks like a credential (${reason}); name the backend without credentials: the build role reaches an S3 backend, and tokens go in \`accessToken\`.`,
      );
    }
  }
  if (args.accessToken === undefined && args.backendUrl === undefined && args.stateBackend === undefined) {
    throw new Error(
      "`accessToken` is required for a Pulumi Cloud stack, got none. Pass `{ secretsManager: ... }` or `{ parameterStore: ... }`, or set `backendUrl` (or `stateBackend`) for a self-managed backend.",
    );
  }
  checkObject("build", args.build, "settings of the two projects (`image`, `computeType`, `timeoutInMinutes`...)");
  checkCommands("installCommands", args.installCommands);
  checkCommands("prepareCommands", args.prepareCommands);
  const planArtifact = args.planArtifact ?? defaultPlanArtifact(args.stack);
  if (typeof planArtifact !== "string" || !PLAN_ARTIFACT_NAME.test(planArtifact)) {
    throw new Error(
      `\`planArtifact\` must be 1 to 100 letters, digits or "_" (it names the variable CODEBUILD_SRC_DIR_<planArtifact>), got ${describeReceived(planArtifact)}.`,
    );
  }
  const namespace = args.namespace ?? planArtifact;
  if (typeof namespace !== "string" || !NAMESPACE.test(namespace)) {
    throw new Error(`\`namespace\` must hold 1 to 100 letters, digits, "@", "-" or "_", got ${describeReceived(namespace)}.`);
  }
  return { planArtifact, namespace };
}
