// The pure checks of an EncryptionKey's arguments, run before any child exists.
import { checkArgsObject, checkTypes } from "../internal/types";
import { checkedInput, checkRegionArg, isDeferred, roleArnProblem } from "../internal/arns";
import { validateRolePathGrants } from "./role-path";
import type { EncryptionKeyArgs } from "./encryption-key";

/** Validates {@link EncryptionKeyArgs}; throws a plain `Error` naming the arg. */
export function validateEncryptionKeyArgs(args: EncryptionKeyArgs): void {
  checkArgsObject(args, false);
  checkTypes(args, {
    booleans: ["allowAutoScalingVolumes", "allowDirectUse", "allowEcrRepositories", "retainOnDelete"],
    numbers: ["deletionWindowInDays"],
    strings: ["aliasName", "region"],
    lists: ["principalArns"],
    stringLists: ["viaServices"],
  });
  checkRegionArg("region", args.region);
  const days = args.deletionWindowInDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 7 || days > 30)) {
    throw new Error(`\`deletionWindowInDays\` must be a whole number from 7 to 30, got ${days}.`);
  }
  if (args.aliasName !== undefined) {
    const a = args.aliasName;
    if (!/^alias\/[A-Za-z0-9/_-]{1,250}$/.test(a) || a.startsWith("alias/aws/")) {
      throw new Error(
        `\`aliasName\` must start with "alias/" followed by letters, digits, "/", "_" or "-" and must not use the reserved "alias/aws/" prefix, got "${a}".`,
      );
    }
  }
  for (const arg of ["principalArns", "writerPrincipalArns"] as const) {
    (args[arg] ?? []).forEach((arn, i) => {
      // Stryker disable next-line ConditionalExpression: equivalent, checkedInput of an Output returns a checked Output that is discarded here; the component checks the Output it uses
      if (!isDeferred(arn)) checkedInput(arn, roleArnProblem(`${arg}[${i}]`));
    });
  }
  validateRolePathGrants("principalRolePaths", args.principalRolePaths);
  for (const svc of args.viaServices ?? []) {
    if (!/^[a-z0-9-]+$/.test(svc)) {
      throw new Error(`\`viaServices\` takes short service names such as "s3" or "codebuild", got "${svc}".`);
    }
  }
}
