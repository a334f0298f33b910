import * as pulumi from "@pulumi/pulumi";
import { checkedInput, roleArnProblem } from "../internal/arns";
import { checkList, checkObject, describeReceived, shown } from "../internal/types";
import { PulumiStackArgs } from "./pulumi-stack-args";
import { PulumiDeployRoleArgs } from "./state-identity-args";

/** A state prefix: segments of letters, digits, `-`, `_`, `.`, separated by `/`, no `..`. */
const STATE_PREFIX = /^(?!.*(^|\/)\.\.?(\/|$))[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;
/** AWS's administrator policy, in any partition. */
const ADMINISTRATOR_ACCESS = /^arn:aws[a-z-]*:iam::aws:policy\/AdministratorAccess$/;
/** A managed policy ARN (AWS managed or customer managed). */
const MANAGED_POLICY_ARN = /^arn:aws[a-z-]*:iam::(aws|\d{12}):policy\/[\w+=,.@/-]{1,512}$/;
const ADMIN_FIX =
  "Pass policies that grant what the stack's resources need, or set `deployRole.allowAdministratorAccess: true` to deploy anything in the account knowingly.";

/** Whether a policy document allows every action on every resource. */
function allowsEverything(document: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    return false;
  }
  const statements: unknown[] = [(parsed as { Statement?: unknown })?.Statement ?? []].flat();
  const any = (v: unknown): boolean => v === "*" || (Array.isArray(v) && v.includes("*"));
  return statements.some((s) => {
    const st = s as Record<string, unknown>;
    return st?.Effect === "Allow" && any(st.Action) && any(st.Resource);
  });
}

/** The problem of a managed policy ARN of the created deploy role, or `undefined`. */
export function deployPolicyArnProblem(arg: string, allowAdmin: boolean): (v: unknown) => string | undefined {
  return (v) => {
    if (typeof v !== "string" || !MANAGED_POLICY_ARN.test(v)) {
      return `\`${arg}\` must be a managed policy ARN such as "arn:aws:iam::111122223333:policy/deploy-shop", got ${shown(v)}.`;
    }
    if (!allowAdmin && ADMINISTRATOR_ACCESS.test(v)) {
      return `\`${arg}\` is ${shown(v)}, administrator access, which the deploy role never gets by default. ${ADMIN_FIX}`;
    }
    return undefined;
  };
}

/** The problem of an inline policy document of the created deploy role, or `undefined`. */
export function deployPolicyDocumentProblem(arg: string, allowAdmin: boolean): (v: unknown) => string | undefined {
  return (v) => {
    if (typeof v !== "string" || !isPolicyDocument(v)) {
      return `\`${arg}\` must be an IAM policy document as JSON (\`{"Version": "2012-10-17", "Statement": [...]}\`), got ${describeReceived(v)}.`;
    }
    if (!allowAdmin && allowsEverything(v)) {
      return `\`${arg}\` allows "*" on "*", administrator access, which the deploy role never gets by default. ${ADMIN_FIX}`;
    }
    return undefined;
  };
}

function isPolicyDocument(v: string): boolean {
  try {
    const d: unknown = JSON.parse(v);
    return typeof d === "object" && d !== null && "Statement" in d;
  } catch {
    return false;
  }
}

/** Checks a list of Inputs now (known values) or when they resolve; returns the checked inputs. */
function checkedList(arg: string, list: pulumi.Input<string>[] | undefined, problem: (arg: string) => (v: unknown) => string | undefined) {
  checkList(arg, list);
  return list?.map((v, i) => checkedInput(v, problem(`${arg}[${i}]`)));
}

/** The deploy role arguments, checked; values given as Outputs are checked when they resolve. */
export interface CheckedDeployRole {
  roleArn?: pulumi.Input<string>;
  managedPolicyArns: pulumi.Input<string>[];
  inlinePolicies: pulumi.Input<string>[];
  permissionsBoundaryArn?: pulumi.Input<string>;
  previewRoleArn?: pulumi.Input<string>;
}

/** Validates `deployRole` and `previewRoleArn` (pure but for Outputs, checked when they resolve). */
export function validateDeployRole(
  d: PulumiDeployRoleArgs | undefined,
  previewRoleArn: pulumi.Input<string> | undefined,
): CheckedDeployRole | undefined {
  if (d === undefined) {
    if (previewRoleArn !== undefined) {
      throw new Error(
        "`previewRoleArn` needs `deployRole`: the preview role replaces the deploy role for previews only. Set `deployRole` too, or leave `previewRoleArn` out.",
      );
    }
    return undefined;
  }
  checkObject("deployRole", d, "`roleArn`, or `managedPolicyArns` and `inlinePolicies`");
  const allowAdmin = d.allowAdministratorAccess === true;
  if (d.allowAdministratorAccess !== undefined && typeof d.allowAdministratorAccess !== "boolean") {
    throw new Error(`\`deployRole.allowAdministratorAccess\` must be true or false, got ${describeReceived(d.allowAdministratorAccess)}.`);
  }
  const created = (d.managedPolicyArns?.length ?? 0) + (d.inlinePolicies?.length ?? 0) > 0;
  if ((d.roleArn !== undefined) === created) {
    throw new Error(
      `\`deployRole\` must set exactly one of \`roleArn\` (an existing role) or policies for a role the component creates (\`managedPolicyArns\`, \`inlinePolicies\`), got ${created ? "both" : "neither"}.`,
    );
  }
  if (d.roleArn !== undefined && (d.permissionsBoundaryArn !== undefined || d.allowAdministratorAccess !== undefined)) {
    throw new Error(
      "`deployRole.permissionsBoundaryArn` and `deployRole.allowAdministratorAccess` apply to a role the component creates, not to `deployRole.roleArn`; set them on your role, or pass policies instead of `roleArn`.",
    );
  }
  return {
    roleArn: checkedInput<string>(d.roleArn, roleArnProblem("deployRole.roleArn")),
    managedPolicyArns: checkedList("deployRole.managedPolicyArns", d.managedPolicyArns, (a) => deployPolicyArnProblem(a, allowAdmin)) ?? [],
    inlinePolicies: checkedList("deployRole.inlinePolicies", d.inlinePolicies, (a) => deployPolicyDocumentProblem(a, allowAdmin)) ?? [],
    permissionsBoundaryArn: checkedInput<string>(
      d.permissionsBoundaryArn,
      deployPolicyArnProblem("deployRole.permissionsBoundaryArn", true),
    ),
    previewRoleArn: checkedInput<string>(previewRoleArn, roleArnProblem("previewRoleArn")),
  };
}

/** Validates `stateBackend`; returns the key prefix of `.pulumi/` (`""` or ending in `/`), or `undefined` without one. */
export function validateStateBackend(args: PulumiStackArgs): string | undefined {
  const s = args.stateBackend;
  if (s === undefined) return undefined;
  checkObject("stateBackend", s, "`create: true` and an optional `prefix`");
  if (s.create !== true) {
    throw new Error(
      `\`stateBackend.create\` must be true (the component creates the state bucket and key), got ${describeReceived(s.create)}. To use a backend you own, set \`backendUrl\` instead.`,
    );
  }
  if (args.backendUrl !== undefined) {
    throw new Error(
      `\`stateBackend\` and \`backendUrl\` are mutually exclusive, got both (\`backendUrl\` "${args.backendUrl}"). Keep \`stateBackend\` to let the component create the state bucket, or \`backendUrl\` to use yours.`,
    );
  }
  if (s.prefix === undefined) return "";
  if (typeof s.prefix !== "string" || !STATE_PREFIX.test(s.prefix)) {
    throw new Error(
      `\`stateBackend.prefix\` must be key segments of letters, digits, "-", "_" or "." separated by "/", without leading or trailing "/" nor "..", got ${describeReceived(s.prefix)}.`,
    );
  }
  return `${s.prefix}/`;
}
